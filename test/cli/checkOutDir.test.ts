/**
 * `jiqun check FILE... --out-dir DIR [--json] [--batch YYYY]`, judged by what we did not write:
 * the copy's bytes as exceljs and JSZip read them back, and LibreOffice opening and recalculating
 * it. The copy must keep the user's workbook (values, sheet-scoped names, live highlights, the
 * user's own notes) and add exactly the check's output: the 「审查结果」 sheet, one note per cell
 * with an error or warning, a static mark where no live highlight shows the finding.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CheckRecord } from "../../src/cli/check";
import { main } from "../../src/cli/jiqun";
import {
  EXAMPLE_A,
  EXAMPLE_B,
  EXAMPLE_C,
  EXAMPLE_D,
  EXAMPLE_E,
  EXAMPLE_E_2023,
  evaluateSheet,
  type FormValues,
} from "../../src/domain";
import { marksOf, recordsOf } from "../../src/findings";
import { fillByNames } from "../../src/xlsx/fill";
import { readTemplates } from "../../src/xlsx/read";
import { templatePlan } from "../../src/xlsx/templates";
import { injectDefinedNames, readDefinedNames, type DefinedName } from "../../src/xlsx/writer";
import {
  cellAt,
  convert,
  htmlCells,
  libreOfficeAvailable,
  sheetNamed,
  toA1,
  type HtmlSheet,
} from "../support/libreoffice";
import { guizhouXlsx, shenbaoXlsx } from "../support/xlsx";

const describeLo = libreOfficeAvailable() || process.env.CI ? describe : describe.skip;
const dir = mkdtempSync(path.join(tmpdir(), "jiqun-outdir-"));

// What the reviewer sees, spelt out here rather than imported from the code under test.
const FINDINGS_SHEET = "审查结果";
const HEADER = [
  "序号",
  "工作表",
  "单元格",
  "栏目",
  "规则",
  "年份/行",
  "实际值",
  "标准",
  "级别",
  "说明",
  "计算方法",
];
const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;
const MARK_TAG = "集群申报助手·检查标记";
const NOTE_TAG = "【集群申报助手】";
const FILL = { error: "#FFC7CE", warning: "#FFEB9C" } as const;
const OURS = /^(SB|SBX|HZ)_/u;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

const copyOf = (outDir: string, file: string): string =>
  path.join(outDir, `${path.basename(file, ".xlsx")}-审查.xlsx`);

/** 申报表 sheets, each filled with its values; the second and later get Excel's " (n)" names. */
async function shenbaoFile(
  name: string,
  batchYear: number,
  sheets: readonly FormValues[],
  before?: (wb: ExcelJS.Workbook) => void
): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await shenbaoXlsx(batchYear, sheets, before ? { before } : {}));
  return file;
}

async function huizongFile(name: string): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await guizhouXlsx(7));
  return file;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Sheet names in workbook order, the order localSheetId counts in (straight from the XML). */
async function sheetOrder(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/gu)].map((m) =>
    (m[1] ?? "").replace(/&apos;/gu, "'").replace(/&amp;/gu, "&")
  );
}

/** Cell addresses of every legacy comment (note) in the file's XML, whatever sheet holds it. */
async function commentRefs(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = zip.file(/^xl\/comments\d*\.xml$/u);
  const xml = await Promise.all(parts.map((p) => p.async("string")));
  return xml.flatMap((x) =>
    [...x.matchAll(/<comment\b[^>]*\bref="([A-Z]+\d+)"/gu)].map((m) => m[1] ?? "")
  );
}

/** Puts a sheet first in workbook order (exceljs orders sheets by orderNo, untyped). */
const moveFirst = (ws: ExcelJS.Worksheet): void => {
  (ws as unknown as { orderNo: number }).orderNo = -1;
};

interface Cf {
  ref: string;
  rules: { formulae?: unknown[]; style?: { fill?: { bgColor?: { argb?: string } } } }[];
}
const cfsOf = (ws: ExcelJS.Worksheet): Cf[] =>
  (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;
const isMark = (cf: Cf): boolean =>
  cf.rules.some((r) => (r.formulae ?? []).some((f) => String(f).includes(MARK_TAG)));

const noteText = (note: ExcelJS.Comment | string | undefined): string | undefined =>
  note === undefined
    ? undefined
    : typeof note === "string"
      ? note
      : (note.texts ?? []).map((t) => t.text).join("");

/** Every note in the workbook's sheets, "sheet!cell" → text. */
function notesOf(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const text = noteText(c.note);
        if (text !== undefined) out.set(`${ws.name}!${c.address}`, text);
      })
    );
  return out;
}

/** Static marks: "sheet!ref" → the mark's fill (ARGB), one entry per conditional format. */
function marksIn(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.flatMap((ws) =>
    cfsOf(ws)
      .filter(isMark)
      .map((cf) => `${ws.name}!${cf.ref}=${cf.rules[0]?.style?.fill?.bgColor?.argb ?? "?"}`)
  );
}

const withoutFile = (records: readonly CheckRecord[]): Omit<CheckRecord, "file">[] =>
  records.map(({ file: _file, ...rest }) => rest);

const sorted = <T>(xs: Iterable<T>): T[] => [...xs].sort();

/** The marks the check should have made on `file`, computed from the original through marksOf. */
async function expectedMarks(file: string, records: readonly CheckRecord[]) {
  const sheets = await readTemplates(readFileSync(file));
  return sheets.flatMap((read) => {
    const review = evaluateSheet(read);
    const marks = marksOf(review, recordsOf(review, "zh-CN"), "zh-CN");
    // The notes say what the command line printed for the sheet, message for message.
    const printed = records.filter((r) => r.sheet === read.sheet).map((r) => r.message);
    for (const m of marks)
      for (const line of m.note.split("\n").slice(1))
        expect(printed.some((p) => line.endsWith(p))).toBe(true);
    return marks;
  });
}

describe("jiqun check --out-dir: the highlighted copy, read back by exceljs and JSZip", () => {
  const outDir = path.join(dir, "out");
  const inputs: Record<string, string> = {};
  const before = new Map<string, Buffer>();
  const byFile = new Map<string, CheckRecord[]>();
  let first: { code: number; out: string; err: string };

  beforeAll(async () => {
    for (const e of [EXAMPLE_A, EXAMPLE_B, EXAMPLE_C, EXAMPLE_D, EXAMPLE_E, EXAMPLE_E_2023]) {
      const key = `${e.key}-${e.batchYear}`;
      inputs[key] = await shenbaoFile(`${key}.xlsx`, e.batchYear, [e.values]);
    }
    inputs["贵州-2023"] = await huizongFile("贵州-2023.xlsx");
    // Two 申报表 in one workbook: each sheet owns its SB_ names (localSheetId 0 and 1).
    inputs["BD-2022"] = await shenbaoFile("BD-2022.xlsx", 2022, [
      EXAMPLE_B.values,
      EXAMPLE_D.values,
    ]);
    for (const f of Object.values(inputs)) before.set(f, readFileSync(f));
    first = await run("check", ...Object.values(inputs), "--json", "--out-dir", outDir);
    for (const r of JSON.parse(first.out) as CheckRecord[])
      byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  }, 30_000);

  it("one run: errors found (exit 1), nothing on stderr, JSON only on stdout", () => {
    expect(first.err).toBe("");
    expect(first.code).toBe(1);
    expect(sorted(byFile.keys())).toEqual(sorted(Object.values(inputs)));
  });

  const keys = ["A-2022", "B-2022", "C-2022", "D-2022", "E-2022", "E-2023", "贵州-2023", "BD-2022"];

  it.each(keys)("%s: the copy is written, the input is byte for byte untouched", (key) => {
    const file = inputs[key] as string;
    const copy = copyOf(outDir, file);
    expect(existsSync(copy)).toBe(true);
    expect(readFileSync(file).equals(before.get(file) as Buffer)).toBe(true);
    expect(readFileSync(copy).equals(readFileSync(file))).toBe(false);
  });

  it.each(keys)(
    "%s: the copy reads back as the same sheets with the same findings",
    async (key) => {
      const file = inputs[key] as string;
      const copy = copyOf(outDir, file);
      const [orig, back] = await Promise.all([
        readTemplates(readFileSync(file)),
        readTemplates(readFileSync(copy)),
      ]);
      expect(back.length).toBeGreaterThan(0);
      expect(back).toEqual(orig);
      const again = await run("check", copy, "--json");
      expect(withoutFile(JSON.parse(again.out) as CheckRecord[])).toEqual(
        withoutFile(byFile.get(file) ?? [])
      );
    }
  );

  it.each(keys)("%s: SB_/HZ_ names keep their sheet scope, none at workbook scope", async (key) => {
    const file = inputs[key] as string;
    const copy = copyOf(outDir, file);
    const ours = (names: DefinedName[]): string[] =>
      sorted(
        names.filter((n) => OURS.test(n.name)).map((n) => `${n.sheetIndex}|${n.name}|${n.ref}`)
      );
    const [o, c, order] = await Promise.all([
      readDefinedNames(readFileSync(file)),
      readDefinedNames(readFileSync(copy)),
      sheetOrder(copy),
    ]);
    expect(ours(o).length).toBeGreaterThan(8);
    expect(ours(c)).toEqual(ours(o));
    expect(c.filter((n) => OURS.test(n.name) && n.sheetIndex === undefined)).toEqual([]);
    const scoped = c.map((n) => `${n.sheetIndex ?? "wb"}|${n.name}`);
    expect(new Set(scoped).size).toBe(scoped.length);
    // localSheetId points at the sheet the reference names.
    for (const n of c.filter((x) => x.sheetIndex !== undefined))
      expect(n.ref.startsWith(`'${order[n.sheetIndex as number]}'!`)).toBe(true);
  });

  it.each(keys)("%s: 「审查结果」 lists every finding in --json order, linked", async (key) => {
    const file = inputs[key] as string;
    const copy = copyOf(outDir, file);
    const records = byFile.get(file) ?? [];
    const wb = await load(copy);
    const order = await sheetOrder(copy);
    expect(order.filter((n) => n.startsWith(FINDINGS_SHEET))).toEqual([FINDINGS_SHEET]);
    const jq = (await readDefinedNames(readFileSync(copy))).filter((n) => n.name === "JQ_FINDINGS");
    expect(jq).toEqual([
      {
        name: "JQ_FINDINGS",
        sheetIndex: order.indexOf(FINDINGS_SHEET),
        ref: `'${FINDINGS_SHEET}'!$A$1`,
      },
    ]);
    const ws = wb.getWorksheet(FINDINGS_SHEET) as ExcelJS.Worksheet;
    expect(HEADER.map((_, i) => ws.getCell(3, i + 1).value)).toEqual(HEADER);
    records.forEach((r, i) => {
      const row = ws.getRow(4 + i);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(r.sheet);
      expect(row.getCell(3).value).toEqual(
        r.cell === undefined
          ? null
          : { formula: `HYPERLINK("#'${r.sheet}'!${r.cell}","${r.cell}")` }
      );
      expect(row.getCell(9).value).toBe(SEVERITY[r.severity]);
      expect(row.getCell(10).value).toBe(r.message);
    });
    const after = ws.getCell(4 + records.length, 1).value;
    expect(after).toBe(records.length === 0 ? "未发现问题。" : null);
    expect(ws.getCell(5 + records.length, 1).value).toBeNull();
  });

  it.each(keys)("%s: a note on exactly the cells with an error or warning", async (key) => {
    const file = inputs[key] as string;
    const records = byFile.get(file) ?? [];
    const notes = notesOf(await load(copyOf(outDir, file)));
    const flagged = records.filter((r) => r.severity !== "info" && r.cell !== undefined);
    expect(sorted(notes.keys())).toEqual(
      sorted(new Set(flagged.map((r) => `${r.sheet}!${r.cell}`)))
    );
    for (const [at, text] of notes) {
      expect(text.startsWith(NOTE_TAG)).toBe(true);
      for (const r of flagged.filter((x) => `${x.sheet}!${x.cell}` === at))
        expect(text).toContain(r.message);
    }
    expect(notesOf(await load(file)).size).toBe(0);
    // The XML itself holds exactly these comments, no leftover or empty ones.
    expect(sorted(await commentRefs(copyOf(outDir, file)))).toEqual(
      sorted([...notes.keys()].map((at) => at.slice(at.lastIndexOf("!") + 1)))
    );
  });

  it.each(keys)("%s: static marks exactly where no live highlight shows a finding", async (key) => {
    const file = inputs[key] as string;
    const [orig, copy] = await Promise.all([load(file), load(copyOf(outDir, file))]);
    const expected = (await expectedMarks(file, byFile.get(file) ?? []))
      .filter((m) => !m.live)
      .map((m) => `${m.sheet}!${m.cell}=FF${FILL[m.severity].slice(1)}`);
    expect(sorted(marksIn(copy))).toEqual(sorted(expected));
    // The template's own (live) formats are all still there, unchanged.
    const live = (wb: ExcelJS.Workbook): string[] =>
      sorted(
        wb.worksheets.flatMap((ws) =>
          cfsOf(ws)
            .filter((cf) => !isMark(cf))
            .map((cf) => `${ws.name}!${cf.ref}:${JSON.stringify(cf.rules.map((r) => r.formulae))}`)
        )
      );
    expect(live(orig).length).toBeGreaterThan(2);
    expect(live(copy)).toEqual(live(orig));
    expect(marksIn(orig)).toEqual([]);
  });

  it("the oracle is not empty: marks and notes exist somewhere, and where expected", async () => {
    const all = await Promise.all(
      keys.map(async (k) => {
        const f = inputs[k] as string;
        return { k, marks: marksIn(await load(copyOf(outDir, f))).length };
      })
    );
    const marked = all.filter((x) => x.marks > 0).map((x) => x.k);
    // D's reported-vs-recomputed growth is cross-field; B's R&D 年均增速 finding sits on the
    // yearly cells while its live highlight colours the computed average. The 汇总表's row cap
    // is coloured live on the over-cap row, so it needs no static mark.
    expect(marked).toEqual(expect.arrayContaining(["B-2022", "D-2022", "BD-2022"]));
    expect(marked).not.toContain("A-2022");
    expect(marked).not.toContain("贵州-2023");
  });
});

describeLo("the copy in LibreOffice (recalculated)", () => {
  const outDir = path.join(dir, "lo-out");
  let file: string;
  let records: CheckRecord[];
  let orig: HtmlSheet[];
  let copy: HtmlSheet[];

  beforeAll(async () => {
    file = await shenbaoFile("BD-lo.xlsx", 2022, [EXAMPLE_B.values, EXAMPLE_D.values]);
    const r = await run("check", file, "--json", "--out-dir", outDir);
    records = JSON.parse(r.out) as CheckRecord[];
    const [o, c] = await Promise.all([
      convert(file, "html", path.join(dir, "lo-orig")),
      convert(copyOf(outDir, file), "html", path.join(dir, "lo-copy")),
    ]);
    orig = htmlCells(o);
    copy = htmlCells(c);
  }, 60_000);

  /** Red and amber cells below the legend (rows 1–3 carry the legend swatches). */
  const colored = (sheet: HtmlSheet): Record<string, string> => {
    const out: Record<string, string> = {};
    sheet.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        const bg = c.background?.toUpperCase();
        if (r + 1 >= 4 && (bg === FILL.error || bg === FILL.warning)) out[toA1(r, col)] = bg;
      })
    );
    return out;
  };

  it("live highlights survive, and static marks add exactly their fill", async () => {
    const marks = await expectedMarks(file, records);
    const sheets = ["申报表-2022", "申报表-2022 (2)"];
    const before = sheets.map((s) => colored(sheetNamed(orig, s)));
    expect(Object.keys(before[0] ?? {}).length).toBeGreaterThan(3); // B's red cells
    const staticMarks = marks.filter((m) => !m.live);
    expect(staticMarks.length).toBeGreaterThan(0); // D's cross-field finding
    sheets.forEach((s, i) => {
      const expected = { ...before[i] };
      for (const m of staticMarks.filter((x) => x.sheet === s)) {
        expect(expected[m.cell]).toBeUndefined(); // not already coloured in the original
        expected[m.cell] = FILL[m.severity];
      }
      expect(colored(sheetNamed(copy, s))).toEqual(expected);
    });
  });

  it("「审查结果」 is there, one row per finding, links showing the cell address", () => {
    const ws = sheetNamed(copy, FINDINGS_SHEET);
    expect(HEADER.map((_, i) => cellAt(ws, toA1(2, i)).text)).toEqual(HEADER);
    expect(records.length).toBeGreaterThan(5);
    records.forEach((r, i) => {
      const at = (col: number): string => cellAt(ws, toA1(3 + i, col)).text;
      expect([at(0), at(1), at(2), at(8), at(9)]).toEqual([
        String(i + 1),
        r.sheet,
        r.cell ?? "",
        SEVERITY[r.severity],
        r.message,
      ]);
    });
    expect(ws.rows.length).toBe(3 + records.length);
  });
});

describe("the user's own notes", () => {
  it("a cell with the user's note keeps exactly that note; ours go elsewhere", async () => {
    const plan = templatePlan("shenbao", 2022);
    const first = (name: string): string =>
      (plan.names
        .find((n) => n.name === name)
        ?.address.replace(/\$/gu, "")
        .split(":")[0] ?? "") as string;
    const flagged = first("SB_lead_output_share"); // B's 2019 share: an error, live
    const quiet = first("SB_cover_name"); // no finding
    const file = await shenbaoFile("B-noted.xlsx", 2022, [EXAMPLE_B.values], (wb) => {
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      ws.getCell(flagged).note = "审核人:2019年数据待核实";
      ws.getCell(quiet).note = {
        texts: [{ font: { bold: true }, text: "张三:" }, { text: "\n封面名称已确认" }],
      };
    });
    const outDir = path.join(dir, "noted");
    const r = await run("check", file, "--out-dir", outDir);
    expect(r.code).toBe(1);
    const [o, c] = await Promise.all([load(file), load(copyOf(outDir, file))]);
    const wsO = o.worksheets[0] as ExcelJS.Worksheet;
    const wsC = c.worksheets[0] as ExcelJS.Worksheet;
    expect(noteText(wsC.getCell(flagged).note)).toBe("审核人:2019年数据待核实");
    expect(wsC.getCell(flagged).note).toEqual(wsO.getCell(flagged).note);
    expect(wsC.getCell(quiet).note).toEqual(wsO.getCell(quiet).note);
    expect(noteText(wsC.getCell(quiet).note)).toBe("张三:\n封面名称已确认");
    // The rest of B's flagged cells do get our note.
    const ours = [...notesOf(c)].filter(([, t]) => t.startsWith(NOTE_TAG)).map(([at]) => at);
    expect(ours.length).toBe(4);
    expect(ours).not.toContain(`${wsC.name}!${flagged}`);
  });
});

describe("bad inputs and an existing copy", () => {
  it("each bad file gets its own Chinese message; the good one is checked and copied; exit 2", async () => {
    const notXlsx = path.join(dir, "坏文件.xlsx");
    writeFileSync(notXlsx, "这不是表格");
    const foreign = path.join(dir, "别人的表.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = 1;
    writeFileSync(foreign, Buffer.from(await wb.xlsx.writeBuffer()));
    const old = await shenbaoFile("旧批次.xlsx", 2022, [EXAMPLE_A.values]);
    const good = await shenbaoFile("本批次.xlsx", 2024, [EXAMPLE_A.values]);
    const outDir = path.join(dir, "mixed");
    const r = await run(
      "check",
      notXlsx,
      foreign,
      old,
      good,
      "--batch",
      "2024",
      "--out-dir",
      outDir
    );
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^.*坏文件\.xlsx：不是 \.xlsx 文件。已跳过，继续检查其他文件。$/u);
    expect(lines[1]).toMatch(/别人的表\.xlsx：不是集群申报助手生成的模板/u);
    expect(lines[2]).toMatch(
      /旧批次\.xlsx · 申报表-2022：该表为 2022年度批次，与 --batch 指定的 2024年度不一致，未检查。/u
    );
    expect(r.out).toMatch(/本批次\.xlsx · 申报表-2024：错误 \d+ 项/u);
    expect(r.out).toContain(`已写出带标记的副本：${copyOf(outDir, good)}`);
    expect(existsSync(copyOf(outDir, good))).toBe(true);
    expect(existsSync(copyOf(outDir, notXlsx))).toBe(false);
    expect(existsSync(copyOf(outDir, foreign))).toBe(false);
    const back = await readTemplates(readFileSync(copyOf(outDir, good)));
    expect(back.map((s) => [s.sheet, s.batchYear])).toEqual([["申报表-2024", 2024]]);
    // The other batch's copy says why it was not checked, and marks nothing.
    const skipped = await load(copyOf(outDir, old));
    expect(skipped.getWorksheet(FINDINGS_SHEET)?.getCell("J4").value).toBe(
      "该表为 2022年度批次，与本次审查的 2024年度不一致，未检查。"
    );
    expect(skipped.getWorksheet(FINDINGS_SHEET)?.getCell("A5").value).toBeNull();
    expect(notesOf(skipped).size).toBe(0);
    expect(marksIn(skipped)).toEqual([]);
  });

  it("an .xlsm input gets an .xlsx copy: exceljs writes a macro-free workbook", async () => {
    const source = await shenbaoFile("宏.xlsx", 2022, [EXAMPLE_D.values]);
    const xlsm = path.join(dir, "宏.xlsm");
    // A macro-enabled workbook declares itself so in [Content_Types].xml.
    const zip0 = await JSZip.loadAsync(readFileSync(source));
    const types0 = (await zip0.file("[Content_Types].xml")?.async("string")) ?? "";
    const macro = types0.replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    );
    expect(macro).not.toBe(types0);
    zip0.file("[Content_Types].xml", macro);
    writeFileSync(xlsm, await zip0.generateAsync({ type: "nodebuffer" }));
    const outDir = path.join(dir, "xlsm");
    const r = await run("check", xlsm, "--out-dir", outDir);
    expect(r.err).toBe("");
    const copy = path.join(outDir, "宏-审查.xlsx");
    expect(existsSync(copy)).toBe(true);
    expect(existsSync(path.join(outDir, "宏-审查.xlsm"))).toBe(false);
    const zip = await JSZip.loadAsync(readFileSync(copy));
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    expect(types).toContain("spreadsheetml.sheet.main+xml");
    expect(types).not.toContain("macroEnabled");
  });

  it("the same command twice: the copy is not overwritten, 文件已存在, exit 2", async () => {
    const file = await shenbaoFile("重跑.xlsx", 2022, [EXAMPLE_D.values]);
    const outDir = path.join(dir, "twice");
    const args = ["check", file, "--out-dir", outDir];
    const r1 = await run(...args);
    expect(r1.code).toBe(0);
    const target = copyOf(outDir, file);
    const bytes = readFileSync(target);
    const mtime = statSync(target).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const r2 = await run(...args);
    expect(r2.code).toBe(2);
    expect(r2.err.trim()).toBe(`文件已存在，未覆盖：${target}`);
    expect(r2.out).toMatch(/重跑\.xlsx · 申报表-2022：错误 0 项，警告 1 项/u);
    expect(statSync(target).mtimeMs).toBe(mtime);
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });
});

describe("a workbook that was checked before", () => {
  it("corrected after a check: the old sheet, marks and notes give way to the new result", async () => {
    const plan = templatePlan("shenbao", 2022);
    const d = await shenbaoFile("D-first.xlsx", 2022, [EXAMPLE_D.values], (wb) => {
      (wb.worksheets[0] as ExcelJS.Worksheet).getCell("A5").note = "我的批注";
    });
    const out1 = path.join(dir, "recheck-1");
    expect((await run("check", d, "--out-dir", out1)).code).toBe(0);
    const checked = copyOf(out1, d);
    // The applicant corrects the values in the checked copy, drags 「审查结果」 to the front and
    // saves: the form's names now carry localSheetId 1.
    const wb = await load(checked);
    fillByNames(wb.getWorksheet(plan.sheetName) as ExcelJS.Worksheet, plan, EXAMPLE_A.values);
    moveFirst(wb.getWorksheet(FINDINGS_SHEET) as ExcelJS.Worksheet);
    const names = (await readDefinedNames(readFileSync(checked)))
      .filter((n) => !n.name.startsWith("_xlnm."))
      .map((n) => ({ ...n, sheetIndex: n.sheetIndex === 0 ? 1 : 0 }));
    wb.definedNames.model = [];
    const corrected = path.join(dir, "D-corrected.xlsx");
    writeFileSync(corrected, await injectDefinedNames(await wb.xlsx.writeBuffer(), names));
    const stale = await load(corrected);
    expect(marksIn(stale)).toHaveLength(1);
    expect([...notesOf(stale).keys()]).toEqual([`${plan.sheetName}!A5`, `${plan.sheetName}!B37`]);
    expect(await sheetOrder(corrected)).toEqual([FINDINGS_SHEET, plan.sheetName]);
    const [read] = await readTemplates(readFileSync(corrected));
    expect(read?.sheet).toBe(plan.sheetName);

    const out2 = path.join(dir, "recheck-2");
    const r = await run("check", corrected, "--json", "--out-dir", out2);
    const records = JSON.parse(r.out) as CheckRecord[];
    expect(r.code).toBe(0);
    expect(records.filter((x) => x.severity !== "info")).toEqual([]);
    const copy = copyOf(out2, corrected);
    const again = await load(copy);
    expect(marksIn(again)).toEqual([]);
    expect([...notesOf(again)]).toEqual([[`${plan.sheetName}!A5`, "我的批注"]]);
    expect(await commentRefs(copy)).toEqual(["A5"]);
    expect(await sheetOrder(copy)).toEqual([plan.sheetName, FINDINGS_SHEET]);
    expect(
      (await readDefinedNames(readFileSync(copy))).filter((n) => n.name === "JQ_FINDINGS")
    ).toEqual([{ name: "JQ_FINDINGS", sheetIndex: 1, ref: `'${FINDINGS_SHEET}'!$A$1` }]);
    const ws = again.getWorksheet(FINDINGS_SHEET) as ExcelJS.Worksheet;
    expect(ws.getCell(4 + records.length, 1).value).toBeNull();
    expect(ws.getCell(3 + records.length, 10).value).toBe(records.at(-1)?.message);
    expect(await readTemplates(readFileSync(copy))).toEqual(
      await readTemplates(readFileSync(corrected))
    );
  });

  it("a user's own sheet called 审查结果 and a sheet before the form are left alone", async () => {
    const file = await shenbaoFile("D-user-sheets.xlsx", 2022, [EXAMPLE_D.values], (wb) => {
      const mine = wb.addWorksheet(FINDINGS_SHEET);
      mine.getCell("A1").value = "我自己的审查记录";
      const cover = wb.addWorksheet("说明");
      cover.getCell("A1").value = "填表说明";
      // 说明 first, then the form, then the user's 审查结果.
      moveFirst(cover);
    });
    const order = await sheetOrder(file);
    expect(order).toEqual(["说明", "申报表-2022", FINDINGS_SHEET]);
    const outDir = path.join(dir, "user-sheets");
    const r = await run("check", file, "--json", "--out-dir", outDir);
    const records = JSON.parse(r.out) as CheckRecord[];
    const copy = copyOf(outDir, file);
    const added = `${FINDINGS_SHEET} (2)`;
    expect(await sheetOrder(copy)).toEqual([...order, added]);
    const wb = await load(copy);
    expect(wb.getWorksheet(FINDINGS_SHEET)?.getCell("A1").value).toBe("我自己的审查记录");
    expect(wb.getWorksheet("说明")?.getCell("A1").value).toBe("填表说明");
    const names = await readDefinedNames(readFileSync(copy));
    expect(names.filter((n) => n.name === "JQ_FINDINGS")).toEqual([
      { name: "JQ_FINDINGS", sheetIndex: 3, ref: `'${added}'!$A$1` },
    ]);
    expect(names.find((n) => n.name === "SB_output_total")?.sheetIndex).toBe(1);
    expect(await readTemplates(readFileSync(copy))).toEqual(
      await readTemplates(readFileSync(file))
    );
    expect((wb.getWorksheet(added) as ExcelJS.Worksheet).getCell(4, 10).value).toBe(
      records[0]?.message
    );
    expect(marksIn(wb)).toEqual(["申报表-2022!B37=FFFFEB9C"]);
  });
});
