/**
 * The patched highlighted copy (src/xlsx/patch.ts) against the exceljs rewrite it stands in for:
 * for the same files both must give the same sheets, names, findings sheet, notes and marks, as
 * exceljs reads them back; the patch must leave every part it has no reason to touch byte for
 * byte as it was, and every part it writes must be well-formed XML (xmllint, not our code).
 * Files it cannot patch (notes, an earlier check, macros) must say why, so annotateLoaded falls
 * back to the rewrite. LibreOffice opening patched copies is test/cli/checkOutDir.test.ts.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import {
  EXAMPLE_A,
  EXAMPLE_B,
  EXAMPLE_C,
  EXAMPLE_D,
  EXAMPLE_E,
  EXAMPLE_E_2023,
  type FormValues,
} from "../../src/domain";
import { decideCheck, type CheckReport } from "../../src/application/check";
import { annotateLoaded, rewrittenCopy } from "../../src/xlsx/annotate";
import { centralDirectory, unpack } from "../../src/xlsx/zip";
import { patchedCopy } from "../../src/xlsx/patch";
import { loadWorkbook, templatesOf, type LoadedWorkbook } from "../../src/xlsx/read";
import { readDefinedNames } from "../../src/xlsx/writer";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { guizhouXlsx, shenbaoXlsx } from "../support/xlsx";

// Spelt out here, not imported from the code under test.
const MARK_TAG = "集群申报助手·检查标记";
const NOTE_TAG = "【集群申报助手】";
const FINDINGS = "审查结果";

interface Checked {
  readonly loaded: LoadedWorkbook;
  readonly report: CheckReport;
}

async function check(data: Buffer, source = "input.xlsx"): Promise<Checked> {
  const loaded = await loadWorkbook(data);
  return { loaded, report: decideCheck(templatesOf(loaded), { locale: "zh-CN", source }) };
}

function patched({ loaded, report }: Checked): Buffer {
  const result = patchedCopy(loaded.data, report, "zh-CN");
  if (!("copy" in result)) throw new Error(`not patched: ${result.why}`);
  return result.copy;
}

const rewritten = ({ loaded, report }: Checked): Promise<Buffer> => rewrittenCopy(loaded, report);

const shenbao = (
  year: number,
  sheets: readonly FormValues[],
  before?: (wb: ExcelJS.Workbook) => void
): Promise<Buffer> => shenbaoXlsx(year, sheets, before ? { before } : {});

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every part's unpacked bytes, by name. */
function parts(data: Buffer): Map<string, Buffer> {
  const dir = centralDirectory(data);
  if (!dir) throw new Error("no zip");
  return new Map(dir.map((p) => [p.name, unpack(data, p)]));
}

/** A cell's look, as far as the findings sheet sets it. */
const look = (c: ExcelJS.Cell): unknown => ({
  bold: c.font?.bold ?? false,
  size: c.font?.size,
  color: c.font?.color?.argb,
  fill: c.fill?.type === "pattern" ? c.fill.fgColor?.argb : undefined,
  wrap: c.alignment?.wrapText ?? false,
  h: c.alignment?.horizontal,
  v: c.alignment?.vertical,
  border: c.border?.left?.style,
});

interface Content {
  readonly names: string[];
  readonly sheets: {
    readonly name: string;
    readonly cells: Record<string, unknown>;
    readonly notes: Record<string, string>;
    readonly marks: string[];
  }[];
}

/** What a reviewer gets from a copy, as exceljs reads it back. */
async function contentOf(copy: Buffer): Promise<Content> {
  const wb = await load(copy);
  // exceljs writes print areas half absolute ($A1:$K5); Excel's own form is $A$1:$K$5.
  const names = (await readDefinedNames(copy))
    .map(
      (n) =>
        `${n.name}|${n.sheetIndex ?? ""}|${n.name.startsWith("_xlnm.") ? n.ref.replace(/\$/gu, "") : n.ref}`
    )
    .sort();
  const sheets = wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    const notes: Record<string, string> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const note = c.note;
        const text = typeof note === "string" ? note : note?.texts?.map((t) => t.text).join("");
        if (text) notes[c.address] = text;
        // A merged area shows its first cell: exceljs copies it into the others, Excel need not.
        if (ws.name.startsWith(FINDINGS) && (!c.isMerged || c.master === c))
          cells[c.address] = { value: c.value, look: look(c) };
      })
    );
    type Cf = ExcelJS.ConditionalFormattingOptions;
    const marks = (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings
      .filter((cf) =>
        cf.rules.some((r) => "formulae" in r && (r.formulae ?? []).join().includes(MARK_TAG))
      )
      .map((cf) => {
        const rule = cf.rules[0] as { style?: { fill?: { bgColor?: { argb?: string } } } };
        return `${cf.ref}|${rule.style?.fill?.bgColor?.argb ?? ""}`;
      })
      .sort();
    return {
      name: ws.name,
      cells,
      notes,
      marks,
      merges: ws.name.startsWith(FINDINGS) ? [...ws.model.merges].sort() : [],
      // exceljs leaves a width of 9, its default, unwritten (Excel then shows 8.43).
      widths: ws.name.startsWith(FINDINGS) ? ws.columns.map((c) => c.width ?? 9) : [],
    };
  });
  return { names, sheets };
}

const FILES: ReadonlyArray<readonly [string, () => Promise<Buffer>]> = [
  ["A 2024", () => shenbao(2024, [EXAMPLE_A.values])],
  ["B 2024", () => shenbao(2024, [EXAMPLE_B.values])],
  ["C 2024", () => shenbao(2024, [EXAMPLE_C.values])],
  ["D 2024", () => shenbao(2024, [EXAMPLE_D.values])],
  ["E 2024", () => shenbao(2024, [EXAMPLE_E.values])],
  ["E 2023", () => shenbao(2023, [EXAMPLE_E_2023.values])],
  ["贵州 2023 汇总表, 7 rows", () => guizhouXlsx(7)],
  ["two 申报表 sheets", () => shenbao(2024, [EXAMPLE_B.values, EXAMPLE_E.values])],
  [
    "the user's own 审查结果 sheet and a name with XML's special characters",
    () =>
      shenbao(2024, [EXAMPLE_B.values], (wb) => {
        wb.addWorksheet(FINDINGS).getCell("A1").value = "我的笔记";
        wb.addWorksheet(`R&D <"数据">'s`).getCell("A1").value = 1;
      }),
  ],
];

describe.each(FILES)("%s", (_, make) => {
  let input: Buffer;
  let checked: Checked;
  let copy: Buffer;
  beforeAll(async () => {
    input = await make();
    checked = await check(input);
    copy = patched(checked);
  });

  it("is patched, and reads back the same as the exceljs rewrite", async () => {
    expect(checked.report.sheets.flatMap((x) => x.records).length).toBeGreaterThan(0);
    const ours = await contentOf(copy);
    expect(ours).toEqual(await contentOf(await rewritten(checked)));
    // Not only equal to each other: the findings sheet holds one row per record.
    const findings = ours.sheets.filter((s) => s.name.startsWith(FINDINGS)).at(-1);
    const rows = Object.keys(findings?.cells ?? {}).filter((a) => /^A\d+$/u.test(a)).length;
    expect(rows).toBe(3 + checked.report.sheets.flatMap((x) => x.records).length);
  });

  it("leaves every part it has no reason to change byte for byte as it was", () => {
    const before = parts(input);
    const after = parts(copy);
    // The checked sheets and their relationships (a 汇总表 already relates to its table).
    const checkedParts = ["sheet1.xml", "sheet2.xml"].flatMap((s) => [
      `xl/worksheets/${s}`,
      `xl/worksheets/_rels/${s}.rels`,
    ]);
    const changed = [...before].filter(([name, bytes]) => !after.get(name)?.equals(bytes));
    const allowed = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      ...checkedParts,
    ];
    expect(changed.map(([name]) => name).filter((n) => !allowed.includes(n))).toEqual([]);
    // Nothing is dropped, and the new parts are the findings sheet and the notes' parts.
    expect([...before.keys()].every((n) => after.has(n))).toBe(true);
    const added = [...after.keys()].filter((n) => !before.has(n));
    expect(added.every((n) => /^xl\/(worksheets\/|comments\d+\.xml$|drawings\/)/u.test(n))).toBe(
      true
    );
    expect(added.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(n))).toHaveLength(1);
  });

  it("keeps the original parts' text: insertions only, nothing removed", () => {
    const before = parts(input);
    const after = parts(copy);
    for (const name of ["xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"]) {
      const was = before.get(name)?.toString("utf8") ?? "";
      const now = after.get(name)?.toString("utf8") ?? "";
      // Every tag of the original is still there, in the same order.
      let at = 0;
      for (const tag of was.match(/<[^>]+>/gu) ?? []) {
        if (/ count="\d+"/u.test(tag)) continue; // counts grow with the appended entries
        const found = now.indexOf(tag, at);
        expect(found).toBeGreaterThanOrEqual(0);
        at = found + tag.length;
      }
    }
  });

  it("writes well-formed XML (xmllint) and a zip whose checksums hold (JSZip)", async () => {
    const before = parts(input);
    const after = parts(copy);
    const written = [...after].filter(
      ([name, bytes]) => /\.(xml|rels|vml)$/u.test(name) && !before.get(name)?.equals(bytes)
    );
    expect(written.length).toBeGreaterThanOrEqual(5);
    const result = await validateXML({
      xml: written.map(([name, bytes]) => ({
        fileName: name.replace(/[^A-Za-z0-9.]/gu, "_"),
        contents: bytes.toString("utf8"),
      })),
      normalization: "c14n",
    });
    expect(result.errors).toEqual([]);
    await expect(JSZip.loadAsync(copy, { checkCRC32: true })).resolves.toBeDefined();
  });

  it("is the copy annotateLoaded gives", async () => {
    const again = await check(input);
    const copyAgain = await annotateLoaded(again.loaded, again.report, "zh-CN");
    expect(copyAgain.equals(copy)).toBe(true);
  });
});

describe("files the patch leaves to the exceljs rewrite, each with its reason", () => {
  it("a file with a note of the user's", async () => {
    const data = await shenbao(2024, [EXAMPLE_B.values], (wb) => {
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      ws.getCell("A1").note = "我的批注";
    });
    const c = await check(data);
    expect(patchedCopy(data, c.report, "zh-CN")).toEqual({
      why: "notes present",
    });
    // The rewrite keeps the user's note and adds the check's.
    const wb = await load(await annotateLoaded(c.loaded, c.report, "zh-CN"));
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell("A1").note).toBe("我的批注");
    expect(JSON.stringify(ws.getCell("B35").note)).toContain(NOTE_TAG);
  });

  it("a copy checked before (its findings sheet, marks and notes)", async () => {
    const first = await check(await shenbao(2024, [EXAMPLE_B.values]));
    const copy = patched(first);
    const second = await check(copy);
    expect(patchedCopy(copy, second.report, "zh-CN")).toHaveProperty("why");
    // Checked again through the rewrite: one findings sheet, not two.
    const again = await load(await annotateLoaded(second.loaded, second.report, "zh-CN"));
    expect(again.worksheets.filter((w) => w.name.startsWith(FINDINGS))).toHaveLength(1);
  });

  it("a workbook with marks but its findings sheet deleted", async () => {
    const copy = patched(await check(await shenbao(2024, [EXAMPLE_B.values])));
    const zip = await JSZip.loadAsync(copy);
    const text = async (name: string): Promise<string> =>
      (await zip.file(name)?.async("string")) ?? "";
    const wb = await text("xl/workbook.xml");
    zip.file(
      "xl/workbook.xml",
      wb.replace(/<definedName name="JQ_FINDINGS".*?<\/definedName>/u, "")
    );
    // The notes go too (else the patch would stop at them first).
    const sheet = await text("xl/worksheets/sheet1.xml");
    zip.file("xl/worksheets/sheet1.xml", sheet.replace(/<legacyDrawing [^>]*>/u, ""));
    zip.remove("xl/worksheets/_rels/sheet1.xml.rels");
    zip.remove("xl/comments1.xml");
    zip.remove("xl/drawings/vmlDrawing1.vml");
    const data = await zip.generateAsync({ type: "nodebuffer" });
    const c = await check(data);
    expect(patchedCopy(data, c.report, "zh-CN")).toEqual({
      why: "an earlier check's marks",
    });
  });

  it("a macro-enabled workbook (its copy is a plain .xlsx)", async () => {
    const zip = await JSZip.loadAsync(await shenbao(2024, [EXAMPLE_B.values]));
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    zip.file(
      "[Content_Types].xml",
      types.replace("spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml")
    );
    const data = await zip.generateAsync({ type: "nodebuffer" });
    const c = await check(data);
    expect(patchedCopy(data, c.report, "zh-CN")).toHaveProperty("why");
  });

  it("a worksheet in a prefixed namespace", async () => {
    const original = await shenbao(2024, [EXAMPLE_B.values]);
    const zip = await JSZip.loadAsync(original);
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    zip.file(
      "xl/worksheets/sheet1.xml",
      sheet
        .replace(/<(\/?)([a-zA-Z])/gu, "<$1x:$2")
        .replace('xmlns="http://schemas', 'xmlns:x="http://schemas')
    );
    const data = await zip.generateAsync({ type: "nodebuffer" });
    // exceljs cannot read it (a batch review refuses it); the findings are the original's.
    const c = await check(original);
    const result = patchedCopy(data, c.report, "zh-CN");
    expect(result).toHaveProperty("why", expect.stringContaining("xl/worksheets/sheet1.xml"));
  });
});

const describeLo = libreOfficeAvailable() || process.env.CI ? describe : describe.skip;

describeLo("LibreOffice reads what the patch adds (re-saved as xlsx by LibreOffice)", () => {
  it("the notes on the flagged cells, the findings sheet and its names, the static marks", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jiqun-patch-lo-"));
    const checked = await check(await shenbao(2024, [EXAMPLE_B.values, EXAMPLE_E.values]));
    const copy = path.join(dir, "copy.xlsx");
    writeFileSync(copy, patched(checked));
    const resaved = readFileSync(await convert(copy, "xlsx", path.join(dir, "lo")));
    const ours = await contentOf(readFileSync(copy));
    const theirs = await contentOf(resaved);
    expect(theirs.sheets.map((s) => s.name)).toEqual(ours.sheets.map((s) => s.name));
    for (const [i, sheet] of ours.sheets.entries()) {
      const lo = theirs.sheets[i];
      // Note text and place as written (LibreOffice keeps the text, it may add its own layout).
      expect(lo?.notes).toEqual(sheet.notes);
      if (!sheet.name.startsWith(FINDINGS)) expect(lo?.marks.length).toBe(sheet.marks.length);
    }
    expect(Object.keys(ours.sheets[0]?.notes ?? {}).length).toBeGreaterThan(0);
    // The findings sheet's sheet-scoped name survives LibreOffice's own writer.
    expect(theirs.names.some((n) => n.startsWith("JQ_FINDINGS|2|"))).toBe(true);
  }, 120_000);

  it("patches a workbook LibreOffice wrote (XML laid out by another writer) like the rewrite", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jiqun-patch-lo-"));
    const input = path.join(dir, "input.xlsx");
    writeFileSync(input, await shenbao(2023, [EXAMPLE_E_2023.values]));
    const theirs = readFileSync(await convert(input, "xlsx", path.join(dir, "lo")));
    const checked = await check(theirs);
    expect(checked.report.sheets.flatMap((x) => x.records).length).toBeGreaterThan(0);
    const copy = patched(checked);
    expect(await contentOf(copy)).toEqual(await contentOf(await rewritten(checked)));
    // …and LibreOffice opens the patched copy again.
    const out = path.join(dir, "copy.xlsx");
    writeFileSync(out, copy);
    const again = await contentOf(readFileSync(await convert(out, "xlsx", path.join(dir, "lo2"))));
    expect(again.sheets.map((x) => x.name)).toEqual(["申报表-2023", FINDINGS]);
  }, 120_000);
});
