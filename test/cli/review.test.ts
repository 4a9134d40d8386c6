/**
 * `jiqun review DIR|FILE... --out DIR [--jobs N] [--json]`, judged by what it wrote: a batch
 * seeded with broken and hostile files next to good ones is reviewed without a crash, each bad
 * file is refused with one Chinese reason, the inputs are never touched, and the summary
 * workbook (read back with exceljs and JSZip) agrees with `jiqun check --json` file by file.
 * Under jest the pool runs the files in this thread (workers need the compiled lib/); the
 * threaded run is reviewWorkers.test.ts.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CheckRecord } from "../../src/cli/check";
import { main } from "../../src/cli/jiqun";
import { copyNames } from "../../src/cli/review/command";
import { reviewFile } from "../../src/cli/review/file";
import type { Summary } from "../../src/cli/review/summary";
import { ruleName } from "../../src/i18n/findings";
import {
  EXAMPLE_A,
  EXAMPLE_B,
  findAuthority,
  guizhouRows,
  type Authority,
  type FormValues,
} from "../../src/domain";
import { fillHuizongRows } from "../../src/xlsx/fill";
import { DEFAULT_LIMITS } from "../../src/xlsx/safety";
import { templatePlan } from "../../src/xlsx/templates";
import { addPlanSheet, writeXlsx } from "../../src/xlsx/writer";
import { shenbaoXlsx } from "../support/xlsx";

const root = mkdtempSync(path.join(tmpdir(), "jiqun-review-"));

// What the reviewer reads, spelt out here rather than imported from the code under test.
const REASON = {
  notXlsx: "不是 .xlsx 文件。",
  encrypted: "文件受密码保护（或为旧版 .xls 格式），无法读取。请提供未加密的 .xlsx 文件。",
  corrupt: "文件已损坏（压缩包不完整）。",
  notOurs: "不是集群申报助手的模板（找不到模板的命名区域，可能已被删除或改名）。",
  zipBomb: (mb: string): string => `解压后过大（${mb} MB），疑似压缩炸弹，未读取。`,
  enormousSheet: (mb: string): string => `工作表过大（解压后 ${mb} MB），未读取。`,
  tooLarge: (mb: string): string => `文件过大（${mb} MB），超过单个文件上限，未读取。`,
  labelsMismatch:
    "标题为 2024年度批次，但数据列的年份标签与之不符（可能是改了标题的旧模板），未检查。",
} as const;
const RESULT = { pass: "通过", fail: "不通过", warnings: "有警告", unchecked: "未检查" } as const;
const CLUSTER_HEADER = [
  "序号",
  "文件",
  "工作表",
  "推荐单位",
  "地区",
  "集群名称",
  "主导产业",
  "批次",
  "结果",
  "错误",
  "警告",
  "未通过的规则",
  "带标记的副本",
];
const HYPERLINK_NAME = '=HYPERLINK("http://evil","x")';
const DDE_NAME = "+cmd|' /C calc'!A0";
const MB = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...args: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

/** A filled 申报表 workbook, one sheet per values (the second gets Excel's " (2)" name). */
async function shenbao(
  batchYear: number,
  sheets: readonly FormValues[],
  tweak?: (ws: ExcelJS.Worksheet) => void
): Promise<Buffer> {
  return shenbaoXlsx(batchYear, sheets, tweak ? { eachSheet: tweak } : {});
}

const named = (values: FormValues, name: string, cover = name): FormValues => ({
  ...values,
  name,
  cover_name: cover,
});

const TYPES_XML = '<?xml version="1.0" encoding="UTF-8"?><Types/>';
const WORKBOOK_XML = '<?xml version="1.0" encoding="UTF-8"?><workbook/>';

/** A valid zip holding a workbook part and one worksheet of `bytes` zeros. */
async function zeros(bytes: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", TYPES_XML);
  zip.file("xl/workbook.xml", WORKBOOK_XML);
  zip.file("xl/worksheets/sheet1.xml", Buffer.alloc(bytes));
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
}

/** The same zip with another uncompressed size in `entry`'s central directory record. */
function declareSize(zip: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(zip);
  let eocd = out.length - 22;
  while (out.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let at = out.readUInt32LE(eocd + 16);
  for (let n = out.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString("utf8", at + 46, at + 46 + nameLength) === entry) {
      out.writeUInt32LE(size, at + 24);
      return out;
    }
    at += 46 + nameLength + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  throw new Error(`no ${entry} in the zip`);
}

/** Deterministic noise that starts with neither PK nor the OLE signature. */
function noise(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  out[0] = 0x7f;
  return out;
}

/** Every path under `dir` (relative, sorted), directories with a trailing slash. */
function listing(dir: string, prefix = ""): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const full = path.join(dir, f);
      const rel = `${prefix}${f}`;
      return statSync(full).isDirectory() ? [`${rel}/`, ...listing(full, `${rel}/`)] : [rel];
    });
}

const sha256 = (file: string): string =>
  createHash("sha256").update(readFileSync(file)).digest("hex");

function hashes(dir: string): Map<string, string> {
  return new Map(
    listing(dir)
      .filter((f) => !f.endsWith("/"))
      .map((f) => [f, sha256(path.join(dir, f))])
  );
}

/** The report without timings, the one thing allowed to differ between two runs. */
function withoutMs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMs);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "ms")
        .map(([k, v]) => [k, withoutMs(v)])
    );
  return value;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

const sheetOf = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

/** A sheet's rows below the header (or below `from`), as plain cell values. */
function rows(ws: ExcelJS.Worksheet, width: number, from = 2): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  for (let r = from; r <= ws.rowCount; r++)
    out.push(Array.from({ length: width }, (_, c) => ws.getCell(r, c + 1).value));
  return out;
}

/** What `jiqun check --json` says of one sheet, as the summary should show it. */
interface Verdict {
  result: string;
  errors: number;
  warnings: number;
  failedRules: string;
}

function verdictOf(records: readonly CheckRecord[], sheet: string): Verdict {
  const mine = records.filter((r) => r.sheet === sheet);
  const errors = mine.filter((r) => r.severity === "error");
  const warnings = mine.filter((r) => r.severity === "warning").length;
  return {
    result: errors.length > 0 ? RESULT.fail : warnings > 0 ? RESULT.warnings : RESULT.pass,
    errors: errors.length,
    warnings,
    // Named as a reader names them, never by id.
    failedRules: [...new Set(errors.map((r) => ruleName("zh-CN", r.ruleId, 2022)))].join("；"),
  };
}

async function checkJson(file: string): Promise<CheckRecord[]> {
  return JSON.parse((await run("check", file, "--json")).out) as CheckRecord[];
}

describe("jiqun review: a directory of bad files next to good ones", () => {
  const input = path.join(root, "申报材料");
  const out1 = path.join(root, "审查结果-1");
  const out2 = path.join(root, "审查结果-2");
  const at = (name: string): string => path.join(input, name);
  /** Refused files and the one reason each must get. */
  const refused: Record<string, string> = {};
  let good: string[];
  let mismatch: string;
  let formulas: string;
  let before: Map<string, string>;
  let layout: string[];
  let first: Run;
  let second: Run;
  let report: Summary;

  beforeAll(async () => {
    mkdirSync(input);
    const a = await shenbao(2022, [EXAMPLE_A.values]);
    good = [at("A-2022.xlsx"), at("B-2022.xlsx")];
    writeFileSync(at("A-2022.xlsx"), a);
    writeFileSync(at("B-2022.xlsx"), await shenbao(2022, [EXAMPLE_B.values]));

    writeFileSync(at("文本.xlsx"), "这不是表格,只是一段文字。\n");
    refused["文本.xlsx"] = REASON.notXlsx;
    writeFileSync(at("随机.xlsx"), noise(4096, 7));
    refused["随机.xlsx"] = REASON.notXlsx;
    // Password-protected workbooks are OLE compound files, not zips.
    const ole = noise(4096, 11);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(at("加密.xlsx"), ole);
    refused["加密.xlsx"] = REASON.encrypted;
    writeFileSync(at("截断.xlsx"), a.subarray(0, Math.floor(a.length / 2)));
    refused["截断.xlsx"] = REASON.corrupt;
    writeFileSync(at("空文件.xlsx"), Buffer.alloc(0));
    refused["空文件.xlsx"] = REASON.notXlsx;
    // 8 MB of zeros packed a thousandfold: over DEFAULT_LIMITS' ratio.
    writeFileSync(at("炸弹-压缩比.xlsx"), await zeros(8 * 1024 * 1024));
    refused["炸弹-压缩比.xlsx"] = REASON.zipBomb("8.0");
    // A small zip whose central directory announces 2 GB: over DEFAULT_LIMITS' total.
    const small = await zeros(64 * 1024);
    const declared = 0x7fff0000;
    writeFileSync(at("炸弹-声明.xlsx"), declareSize(small, "xl/worksheets/sheet1.xml", declared));
    const others = Buffer.byteLength(TYPES_XML) + Buffer.byteLength(WORKBOOK_XML);
    refused["炸弹-声明.xlsx"] = REASON.zipBomb(MB(others + declared));
    // Our template, its SB_ names renamed: no longer ours.
    const zip = await JSZip.loadAsync(a);
    const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    const renamed = workbook.replace(/<definedName name="(SB|SBX|HZ)_/gu, '<definedName name="MY_');
    expect(renamed).not.toBe(workbook);
    zip.file("xl/workbook.xml", renamed);
    writeFileSync(at("改名.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    refused["改名.xlsx"] = REASON.notOurs;
    // A 2022 form whose title was retitled 2024: its year labels still say 2019–2021.
    mismatch = at("改标题.xlsx");
    writeFileSync(
      mismatch,
      await shenbao(2022, [named(EXAMPLE_A.values, "浙江省丙县轴承产业集群")], (ws) => {
        const title = String(ws.getCell("A2").value);
        expect(title.startsWith("2022年度")).toBe(true);
        ws.getCell("A2").value = title.replace(/^2022/u, "2024");
      })
    );
    // Names that a spreadsheet would run as formulas if written as such.
    formulas = at("公式.xlsx");
    writeFileSync(
      formulas,
      await shenbao(2022, [
        named(EXAMPLE_A.values, HYPERLINK_NAME, DDE_NAME),
        named(EXAMPLE_A.values, DDE_NAME, HYPERLINK_NAME),
      ])
    );
    mkdirSync(at("子目录"));
    writeFileSync(at("子目录/A-内层.xlsx"), a);

    before = hashes(input);
    layout = listing(input);
    first = await run("review", input, "--out", out1);
    second = await run("review", input, "--out", out2, "--json", "--jobs", "2");
    report = JSON.parse(readFileSync(path.join(out1, "审查报告.json"), "utf8")) as Summary;
  }, 30_000);

  it("never throws; exit 1 (files refused, B fails), never 2; nothing on stderr", () => {
    expect(first.code).toBe(1);
    expect(second.code).toBe(1);
    expect(first.err).toBe("");
    expect(second.err).toBe("");
    expect(first.out).toMatch(/审查完成：12 个文件，5 个集群，其中 1 个不通过，8 个文件未能读取/u);
  });

  it("every bad file: exactly one clear Chinese reason in files[] and in the 文件 sheet", async () => {
    const byName = new Map(report.files.map((f) => [path.basename(f.file), f]));
    for (const [name, reason] of Object.entries(refused)) {
      const f = byName.get(name);
      expect({ name, status: f?.status, reason: f?.reason, sheets: f?.sheets }).toEqual({
        name,
        status: "refused",
        reason,
        sheets: [],
      });
      expect(f?.copy).toBeUndefined();
      expect(reason).toMatch(/[\u4e00-\u9fff]/u);
    }
    // The retitled template is read but not checked, and says why, once.
    const m = byName.get("改标题.xlsx");
    expect(m?.status).toBe("checked");
    expect(m?.reason).toBeUndefined();
    expect(m?.sheets.map((s) => s.problem)).toEqual([REASON.labelsMismatch]);
    expect(m?.sheets[0]?.records).toEqual([]);

    const files = rows(sheetOf(await load(path.join(out1, "汇总.xlsx")), "文件"), 4);
    const shown = new Map(files.map((r) => [path.basename(String(r[0])), r]));
    expect(files).toHaveLength(report.files.length);
    for (const [name, reason] of Object.entries(refused))
      expect(shown.get(name)?.slice(1)).toEqual(["未读取", reason, 0]);
    expect(String(shown.get("改标题.xlsx")?.[2])).toContain(REASON.labelsMismatch);
  });

  it("good files are checked; the subdirectory and its file are ignored", () => {
    const checked = report.files.filter((f) => f.status === "checked").map((f) => f.file);
    expect(checked.sort()).toEqual([...good, mismatch, formulas].sort());
    expect(report.files.map((f) => f.file)).toEqual(
      layout.filter((f) => !f.includes("/")).map((f) => at(f))
    );
    for (const f of report.files.filter((x) => x.status === "checked"))
      expect(existsSync(path.join(out1, f.copy as string))).toBe(true);
  });

  it("the inputs are byte for byte untouched (SHA-256) and nothing was written next to them", () => {
    expect(listing(input)).toEqual(layout);
    expect(hashes(input)).toEqual(before);
    expect(before.size).toBe(13);
  });

  it("汇总: one row per cluster, result and failed rules as `jiqun check --json` says", async () => {
    const ws = sheetOf(await load(path.join(out1, "汇总.xlsx")), "汇总");
    expect(rows(ws, 13, 1)[0]).toEqual(CLUSTER_HEADER);
    const shown = rows(ws, 13);
    expect(shown).toHaveLength(5);
    expect(shown.map((r) => r[0])).toEqual([1, 2, 3, 4, 5]);
    const expected = new Map<string, Verdict>();
    for (const file of [...good, formulas]) {
      const records = await checkJson(file);
      for (const sheet of new Set(
        report.clusters.filter((c) => c.file === file).map((c) => c.sheet)
      ))
        expected.set(`${file}|${sheet}`, verdictOf(records, sheet));
    }
    expected.set(`${mismatch}|申报表-2022`, {
      result: RESULT.unchecked,
      errors: 0,
      warnings: 0,
      failedRules: "",
    });
    expect(
      Object.fromEntries(
        shown.map((r) => [
          `${String(r[1])}|${String(r[2])}`,
          { result: r[8], errors: r[9], warnings: r[10], failedRules: r[11] },
        ])
      )
    ).toEqual(Object.fromEntries(expected));
    // The oracle is not trivial: B fails, A passes.
    expect(expected.get(`${good[1]}|申报表-2022`)?.result).toBe(RESULT.fail);
    expect(expected.get(`${good[1]}|申报表-2022`)?.failedRules).toContain(
      "主导产业占集群总产值比例高于70%"
    );
    expect(expected.get(`${good[0]}|申报表-2022`)?.result).toBe(RESULT.pass);
  });

  it("formula-looking cluster names are literal text: strings in exceljs, no <f> in the XML", async () => {
    const file = path.join(out1, "汇总.xlsx");
    const ws = sheetOf(await load(file), "汇总");
    const cells = rows(ws, 13)
      .map((_, i) => ws.getRow(i + 2))
      .filter((row) => row.getCell(2).value === formulas);
    expect(cells.map((row) => row.getCell(6).value)).toEqual([HYPERLINK_NAME, DDE_NAME]);
    for (const row of cells)
      for (const c of [row.getCell(6), row.getCell(7)]) {
        expect(c.type).toBe(ExcelJS.ValueType.String);
        expect(typeof c.value).toBe("string");
        expect(c.formula).toBeUndefined();
      }
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheets = zip.file(/^xl\/worksheets\/[^/]+\.xml$/u);
    expect(sheets.length).toBeGreaterThanOrEqual(3);
    for (const part of sheets) expect(await part.async("string")).not.toMatch(/<f[\s>]/u);
  });

  it("the copy link is a relative hyperlink to a file that exists in out", async () => {
    const file = path.join(out1, "汇总.xlsx");
    const ws = sheetOf(await load(file), "汇总");
    const links = rows(ws, 13).map((r) => r[12]);
    expect(links).toHaveLength(5);
    for (const link of links) {
      const { text, hyperlink } = link as ExcelJS.CellHyperlinkValue;
      expect(hyperlink).toBe(text);
      expect(path.isAbsolute(hyperlink)).toBe(false);
      expect(hyperlink).not.toMatch(/[:/\\]/u);
      expect(existsSync(path.join(out1, hyperlink))).toBe(true);
    }
    // In the XML: external relationships with exactly those relative targets.
    const zip = await JSZip.loadAsync(readFileSync(file));
    const rels = (await zip.file("xl/worksheets/_rels/sheet1.xml.rels")?.async("string")) ?? "";
    const targets = [...rels.matchAll(/<Relationship\b[^>]*>/gu)].map((m) => m[0]);
    expect(targets.map((r) => /Target="([^"]*)"/u.exec(r)?.[1])).toEqual(
      links.map((l) => (l as ExcelJS.CellHyperlinkValue).hyperlink)
    );
    for (const r of targets) expect(r).toContain('TargetMode="External"');
  });

  it("a sheet per failed rule lists the failing clusters", async () => {
    const wb = await load(path.join(out1, "汇总.xlsx"));
    const failed = [...new Set(report.clusters.flatMap((c) => c.failedRules))];
    expect(failed).toContain("lead_industry_share_gt_70");
    // A tab is named by the rule's words, cut to Excel's 31 characters.
    const tab = (ruleId: string): string => ruleName("zh-CN", ruleId, 2022).slice(0, 31);
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(
      ["汇总", "文件", "推荐数量", ...failed.map(tab)].sort()
    );
    const records = (await Promise.all([...good, formulas].map(checkJson))).flat();
    for (const ruleId of failed) {
      const listed = rows(sheetOf(wb, tab(ruleId)), 6, 3);
      const expected = records.filter((r) => r.ruleId === ruleId && r.severity === "error");
      expect(listed.map((r) => [r[0], r[1], r[4], r[5]])).toEqual(
        expected.map((r) => [r.file, r.sheet, r.cell ?? "", r.message])
      );
    }
    const lead = rows(sheetOf(wb, "主导产业占集群总产值比例高于70%"), 6, 3);
    expect(lead.map((r) => r[2])).toContain(EXAMPLE_B.values.name);
  });

  it("the same input, a fresh out: identical JSON but for timings; --json stdout is the report", () => {
    const json = readFileSync(path.join(out2, "审查报告.json"), "utf8");
    expect(second.out).toBe(`${json}\n`);
    expect(withoutMs(JSON.parse(json))).toEqual(withoutMs(report));
    expect(listing(out2)).toEqual(listing(out1));
  });
});

describe("jiqun review: direct limits on one file (reviewFile)", () => {
  const dir = path.join(root, "limits");
  let outDir: string;
  let good: string;

  beforeAll(async () => {
    mkdirSync(dir);
    good = path.join(dir, "A.xlsx");
    writeFileSync(good, await shenbao(2022, [EXAMPLE_A.values]));
  });
  beforeEach(() => {
    outDir = mkdtempSync(path.join(root, "limits-out-"));
  });
  afterEach(() => {
    // A refused file leaves nothing behind.
    expect(readdirSync(outDir)).toEqual([]);
  });

  it("an enormous sheet (over maxSheetBytes) is refused before parsing", async () => {
    const zip = await JSZip.loadAsync(readFileSync(good));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("nodebuffer")) as Buffer;
    const o = await reviewFile(good, {
      outDir,
      copyName: "A",
      limits: { ...DEFAULT_LIMITS, maxSheetBytes: sheet.length - 1 },
    });
    expect(o).toMatchObject({
      status: "refused",
      reason: REASON.enormousSheet(MB(sheet.length)),
      sheets: [],
    });
  });

  it("a zip bomb: one entry unpacking far beyond maxUnpackedBytes", async () => {
    const file = path.join(dir, "bomb.xlsx");
    writeFileSync(file, await zeros(4 * 1024 * 1024));
    const o = await reviewFile(file, {
      outDir,
      copyName: "bomb",
      limits: { ...DEFAULT_LIMITS, maxUnpackedBytes: 1024 * 1024, maxRatio: Infinity },
    });
    expect(o).toMatchObject({ status: "refused", reason: REASON.zipBomb("4.0"), sheets: [] });
  });

  it("a hidden bomb: the central directory declares 1 KB for 4 MB of zeros (caught, not parsed)", async () => {
    const file = path.join(dir, "lie.xlsx");
    writeFileSync(
      file,
      declareSize(await zeros(4 * 1024 * 1024), "xl/worksheets/sheet1.xml", 1024)
    );
    const o = await reviewFile(file, { outDir, copyName: "lie" });
    expect(o).toMatchObject({ status: "refused", reason: REASON.corrupt, sheets: [] });
  });

  it("a file over maxFileBytes is refused as too large", async () => {
    const size = statSync(good).size;
    const o = await reviewFile(good, {
      outDir,
      copyName: "A",
      limits: { ...DEFAULT_LIMITS, maxFileBytes: size - 1 },
    });
    expect(o).toMatchObject({ status: "refused", reason: REASON.tooLarge(MB(size)) });
  });
});

describe("jiqun review: the cap per authority across files", () => {
  const input = path.join(root, "贵州");
  const out = path.join(root, "贵州-结果");
  let r: Run;
  let report: Summary;
  const files: string[] = [];

  beforeAll(async () => {
    mkdirSync(input);
    for (const [i, row] of guizhouRows(7).entries()) {
      const file = path.join(input, `贵州-${i + 1}.xlsx`);
      const values: FormValues = {
        ...named(EXAMPLE_A.values, String(row.name)),
        province: "贵州省",
        county: `示例${i + 1}县`,
        operator: String(row.operator),
        cover_operator: String(row.operator),
      };
      writeFileSync(file, await shenbao(2023, [values]));
      files.push(file);
    }
    r = await run("review", input, "--out", out);
    report = JSON.parse(readFileSync(path.join(out, "审查报告.json"), "utf8")) as Summary;
  }, 20_000);

  it("7 申报表 from 贵州省 in 2023: 推荐数量 shows 7 clusters, cap 6, 超出; exit 1 though all pass", async () => {
    expect(r.err).toBe("");
    expect(report.clusters).toHaveLength(7);
    expect(report.clusters.map((c) => c.result)).toEqual(Array(7).fill("pass"));
    expect(r.code).toBe(1);
    const wb = await load(path.join(out, "汇总.xlsx"));
    // No 汇总表 was submitted: its row count is left empty.
    expect(rows(sheetOf(wb, "推荐数量"), 6)).toEqual([[2023, "贵州省", 7, "", 6, "超出"]]);
    // Each cluster's result is what `jiqun check --json` says of its file.
    const shown = rows(sheetOf(wb, "汇总"), 13);
    for (const file of files) {
      const row = shown.find((x) => x[1] === file);
      expect({
        result: row?.[8],
        errors: row?.[9],
        warnings: row?.[10],
        failedRules: row?.[11],
      }).toEqual(verdictOf(await checkJson(file), "申报表-2023"));
    }
    expect(shown.map((x) => x[3])).toEqual(Array(7).fill("贵州省"));
  });
});

describe("jiqun review: output safety", () => {
  it("--out a non-empty directory: exit 2, the Chinese message, nothing written", async () => {
    const input = path.join(root, "safety-in");
    mkdirSync(input);
    writeFileSync(path.join(input, "A.xlsx"), await shenbao(2022, [EXAMPLE_A.values]));
    const out = path.join(root, "safety-out");
    mkdirSync(out);
    writeFileSync(path.join(out, "旧结果.txt"), "上次的结果");
    const r = await run("review", input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim()).toBe(
      `输出目录「${out}」已存在且不为空。为避免覆盖，请指定新的或空的目录。`
    );
    expect(listing(out)).toEqual(["旧结果.txt"]);
    expect(listing(input)).toEqual(["A.xlsx"]);
  });
});

describe("jiqun review: what else keeps the exit code honest and the copies apart", () => {
  let a: Buffer;
  beforeAll(async () => {
    a = await shenbao(2022, [EXAMPLE_A.values]);
  });

  it("a batch whose only sheet could not be checked (retitled template) does not pass: exit 1", async () => {
    const input = path.join(root, "only-mismatch");
    mkdirSync(input);
    writeFileSync(
      path.join(input, "改标题.xlsx"),
      await shenbao(2022, [EXAMPLE_A.values], (ws) => {
        ws.getCell("A2").value = String(ws.getCell("A2").value).replace(/^2022/u, "2024");
      })
    );
    const r = await run("review", input, "--out", path.join(root, "only-mismatch-out"));
    expect(r.err).toBe("");
    expect(r.out).toContain(REASON.labelsMismatch);
    expect(r.code).toBe(1);
  });

  it("a 推荐汇总表 with an error but within its cap does not pass: exit 1, a sheet for the rule", async () => {
    const input = path.join(root, "huizong");
    mkdirSync(input);
    const plan = templatePlan("huizong", 2023, findAuthority("贵州省") as Authority);
    const wb = new ExcelJS.Workbook();
    const three = guizhouRows(3).map((row, i) => (i === 1 ? { ...row, intro: null } : row));
    fillHuizongRows(addPlanSheet(wb, plan), plan, three);
    const file = path.join(input, "贵州-汇总表.xlsx");
    writeFileSync(file, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
    const checked = await checkJson(file);
    expect(checked.map((x) => `${x.ruleId}/${x.severity}`)).toContain("required/error");
    const out = path.join(root, "huizong-out");
    const r = await run("review", input, "--out", out);
    expect(r.code).toBe(1);
    const summary = await load(path.join(out, "汇总.xlsx"));
    expect(rows(sheetOf(summary, "推荐数量"), 6)).toEqual([[2023, "贵州省", 0, 3, 6, ""]]);
    expect(rows(sheetOf(summary, "必填项"), 6, 3).map((x) => [x[0], x[4]])).toEqual(
      checked.filter((x) => x.ruleId === "required").map((x) => [file, x.cell])
    );
  });

  it("inputs of the same name from several folders get distinct copies; a dangling link is reported", async () => {
    expect(
      copyNames(["x/a.xlsx", "y/a-2.xlsx", "y/a.xlsx", "z/A.xlsx", "b.xlsx", "b.xlsm"])
    ).toEqual(["a", "a-2", "a-3", "A-4", "b", "b-2"]);
    const dirs = ["x", "y", "z"].map((d) => path.join(root, "same-names", d));
    for (const d of dirs) mkdirSync(d, { recursive: true });
    const [x, y, z] = dirs as [string, string, string];
    for (const f of [path.join(x, "a.xlsx"), path.join(y, "a-2.xlsx"), path.join(y, "a.xlsx")])
      writeFileSync(f, a);
    writeFileSync(path.join(z, "A.xlsx"), a);
    symlinkSync(path.join(z, "gone.xlsx"), path.join(z, "link.xlsx"));
    const out = path.join(root, "same-names-out");
    const r = await run("review", x, y, z, "--out", out, "--json");
    const report = JSON.parse(r.out) as Summary;
    expect(r.code).toBe(1);
    expect(report.files.map((f) => [path.relative(root, f.file), f.copy ?? f.reason])).toEqual([
      ["same-names/x/a.xlsx", "a-审查.xlsx"],
      ["same-names/y/a-2.xlsx", "a-2-审查.xlsx"],
      ["same-names/y/a.xlsx", "a-3-审查.xlsx"],
      ["same-names/z/A.xlsx", "A-4-审查.xlsx"],
      ["same-names/z/link.xlsx", "无法打开文件（不存在）。"],
    ]);
    expect(report.clusters.map((c) => c.result)).toEqual(Array(4).fill("pass"));
    expect(listing(out).sort()).toEqual(
      [
        "a-审查.xlsx",
        "a-2-审查.xlsx",
        "a-3-审查.xlsx",
        "A-4-审查.xlsx",
        "汇总.xlsx",
        "审查报告.json",
      ].sort()
    );
  });
});

describe("copies of oddly named inputs", () => {
  it("names Windows refuses become 「_」; a long name is cut to fit 255 bytes; still distinct", () => {
    const long = "很".repeat(83); // 249 bytes: with 「-审查.xlsx」 past 255
    const names = copyNames([
      "in/\\\\evil.example\\share\\x.xlsx",
      "in/javascript:alert(1).xlsx",
      'in/a?b*c|d"e<f>g\u0001.xlsx',
      "in/trailing. .xlsx",
      `in/${long}.xlsx`,
      `in/${long}x.xlsx`,
    ]);
    expect(names.slice(0, 4)).toEqual([
      "__evil.example_share_x",
      "javascript_alert(1)",
      "a_b_c_d_e_f_g_",
      "trailing",
    ]);
    for (const n of names) expect(Buffer.byteLength(`${n}-审查.xlsx`)).toBeLessThanOrEqual(255);
    expect(names[4]).not.toBe(names[5]);
    expect(long.startsWith(names[4] ?? "x")).toBe(true);
  });

  it("a review writes them, reviews the 83-character one, and links each copy by its name", async () => {
    const input = path.join(root, "odd-names");
    mkdirSync(input);
    const form = await shenbao(2022, [EXAMPLE_A.values]);
    const inputs = [
      "\\\\evil.example\\share\\x.xlsx",
      "javascript:alert(1).xlsx",
      `${"很".repeat(83)}.xlsx`,
    ];
    for (const name of inputs) writeFileSync(path.join(input, name), form);
    const out = path.join(root, "odd-names-out");
    const r = await run("review", input, "--out", out, "--json");
    const report = JSON.parse(r.out) as Summary;
    expect(report.files.map((f) => f.status)).toEqual(["checked", "checked", "checked"]);
    expect(report.clusters).toHaveLength(3);
    const summary = await load(path.join(out, "汇总.xlsx"));
    const links = rows(summary.worksheets[0] as ExcelJS.Worksheet, 13).map((row) => row[12]);
    const copies = report.files.map((f) => f.copy ?? "");
    expect(links).toEqual(copies.map((c) => ({ text: c, hyperlink: c })));
    for (const c of copies) {
      expect(c).not.toMatch(/[\\:]/u);
      expect(existsSync(path.join(out, c))).toBe(true);
    }
  });
});

it("a loop of links among the inputs is refused with its reason; the rest is reviewed", async () => {
  const input = path.join(root, "link-loop");
  mkdirSync(input);
  writeFileSync(path.join(input, "a.xlsx"), await shenbao(2022, [EXAMPLE_A.values]));
  symlinkSync(path.join(input, "loop-2.xlsx"), path.join(input, "loop-1.xlsx"));
  symlinkSync(path.join(input, "loop-1.xlsx"), path.join(input, "loop-2.xlsx"));
  const out = path.join(root, "link-loop-out");
  const r = await run("review", input, "--out", out, "--json");
  expect(r.err).toBe("");
  const report = JSON.parse(r.out) as Summary;
  expect(report.files.map((f) => [path.basename(f.file), f.status, f.reason])).toEqual([
    ["a.xlsx", "checked", undefined],
    ["loop-1.xlsx", "refused", "无法打开文件（符号链接构成了循环）。"],
    ["loop-2.xlsx", "refused", "无法打开文件（符号链接构成了循环）。"],
  ]);
  expect(report.clusters).toHaveLength(1);
});
