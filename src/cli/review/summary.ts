/**
 * The batch review's outputs besides the copies: a summary workbook a panel can sort (one row per
 * cluster, a sheet per failed rule, the cap per authority across all its files, every file's
 * status) and a JSON report. Text from the input files is written as text, never as a formula.
 */
import ExcelJS from "exceljs";
import { batchParams, findAuthority, type CriteriaPack, type Severity } from "../../domain";
import { t, type StringKey } from "../../i18n";
import type { FileOutcome, SheetOutcome } from "./file";

export interface ClusterRow {
  readonly file: string;
  readonly sheet: string;
  readonly authority: string;
  readonly region: string;
  readonly name: string;
  readonly industry: string;
  readonly batchYear?: number;
  readonly result: "pass" | "fail" | "warnings" | "unchecked";
  readonly errors: number;
  readonly warnings: number;
  /** Rule ids, for scripts reading the JSON report. */
  readonly failedRules: readonly string[];
  /** The same rules as a reader names them: the 认定标准 wording or the check's name. */
  readonly failedRuleNames: readonly string[];
  readonly copy?: string;
}

export interface CapRow {
  readonly batchYear: number;
  readonly authority: string;
  readonly clusters: number;
  /** Rows in its 汇总表 sheets, when any was submitted. */
  readonly summaryRows?: number;
  readonly cap: number;
  readonly over: boolean;
}

export interface Summary {
  readonly clusters: readonly ClusterRow[];
  readonly caps: readonly CapRow[];
  readonly files: readonly FileOutcome[];
}

const resultOf = (s: SheetOutcome): ClusterRow["result"] =>
  s.problem
    ? "unchecked"
    : s.counts.error > 0
      ? "fail"
      : s.counts.warning > 0
        ? "warnings"
        : "pass";

/**
 * The clusters, the caps and the files. With a pack, its caps (none: no cap rows, as a province
 * recognising its own clusters has no recommendation cap); else each batch's.
 */
export function summarise(files: readonly FileOutcome[], criteria?: CriteriaPack): Summary {
  const clusters: ClusterRow[] = [];
  const caps = new Map<
    string,
    { batchYear: number; authority: string; clusters: number; summaryRows?: number }
  >();
  const cap = (year: number, authority: string) => {
    const key = `${year}|${authority}`;
    const c = caps.get(key) ?? { batchYear: year, authority, clusters: 0 };
    caps.set(key, c);
    return c;
  };
  for (const f of files)
    for (const s of f.sheets) {
      if (s.form === "huizong") {
        if (s.authority && s.batchYear !== undefined) {
          const c = cap(s.batchYear, s.authority);
          c.summaryRows = Math.max(c.summaryRows ?? 0, s.rows ?? 0);
        }
        continue;
      }
      const failing = s.records.filter((r) => r.severity === "error");
      clusters.push({
        file: f.file,
        sheet: s.sheet,
        authority: s.authority ?? "",
        region: s.region ? t("zh-CN", `region.${s.region}` as "region.east") : "",
        name: s.name ?? "",
        industry: s.industry ?? "",
        ...(s.batchYear !== undefined ? { batchYear: s.batchYear } : {}),
        result: resultOf(s),
        errors: s.counts.error,
        warnings: s.counts.warning,
        failedRules: [...new Set(failing.map((r) => r.ruleId))],
        failedRuleNames: [...new Set(failing.map((r) => r.ruleName))],
        ...(f.copy ? { copy: f.copy } : {}),
      });
      if (s.authority && s.batchYear !== undefined) cap(s.batchYear, s.authority).clusters++;
    }
  const capsOf = (year: number) => (criteria ? criteria.caps : batchParams(year).caps);
  const capRows: CapRow[] = [...caps.values()]
    .filter((c) => capsOf(c.batchYear) !== null)
    .map((c) => {
      const a = findAuthority(c.authority);
      const limit = a ? (capsOf(c.batchYear)?.[a.kind] ?? 0) : 0;
      const count = Math.max(c.clusters, c.summaryRows ?? 0);
      return { ...c, cap: limit, over: count > limit };
    })
    .sort((x, y) => x.batchYear - y.batchYear || x.authority.localeCompare(y.authority, "zh-CN"));
  return { clusters, caps: capRows, files };
}

const RESULT: Readonly<Record<ClusterRow["result"], StringKey>> = {
  pass: "summary.result.pass",
  fail: "summary.result.fail",
  warnings: "summary.result.warnings",
  unchecked: "summary.result.unchecked",
};

/** The summary is a Chinese document for the panel, like the templates. */
const zh = (key: StringKey): string => t("zh-CN", key);
const labels = (keys: readonly string[]): string[] =>
  keys.map((k) => zh(`summary.col.${k}` as StringKey));

function header(ws: ExcelJS.Worksheet, titles: readonly string[], widths: readonly number[]): void {
  ws.addRow(titles).font = { bold: true };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: titles.length } };
}

/** A sheet name Excel accepts: ≤ 31 characters, none of : \\ / ? * [ ]. */
const sheetName = (s: string): string => s.replace(/[:\\/?*[\]]/gu, "_").slice(0, 31);

export async function summaryWorkbook(summary: Summary): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = zh("app.name");
  const main = wb.addWorksheet(zh("summary.sheet.clusters"));
  header(
    main,
    labels([
      "seq",
      "file",
      "sheet",
      "authority",
      "region",
      "name",
      "industry",
      "batch",
      "result",
      "errors",
      "warnings",
      "failedRules",
      "copy",
    ]),
    [6, 28, 16, 14, 6, 34, 16, 7, 8, 6, 6, 40, 24]
  );
  summary.clusters.forEach((c, i) => {
    const row = main.addRow([
      i + 1,
      c.file,
      c.sheet,
      c.authority,
      c.region,
      c.name,
      c.industry,
      c.batchYear ?? "",
      zh(RESULT[c.result]),
      c.errors,
      c.warnings,
      c.failedRuleNames.join(zh("summary.ruleSeparator")),
      c.copy ?? "",
    ]);
    // A relative link, so the output folder can be moved as a whole. The copy's name carries no
    // : / or \\ (copyNames), so it cannot read as a scheme or a path to anywhere else.
    if (c.copy) row.getCell(13).value = { text: c.copy, hyperlink: c.copy };
  });

  const files = wb.addWorksheet(zh("summary.sheet.files"));
  header(files, labels(["file", "status", "reason", "sheets", "ms"]), [40, 8, 60, 8, 10]);
  for (const f of summary.files)
    files.addRow([
      f.file,
      zh(f.status === "checked" ? "summary.status.checked" : "summary.status.refused"),
      // A file read but with a sheet left unchecked says why, as a refused one does.
      f.reason ??
        f.sheets
          .filter((s) => s.problem)
          .map((s) => `${s.sheet}:${s.problem ?? ""}`)
          .join("\n"),
      f.sheets.length,
      f.ms,
    ]);

  const caps = wb.addWorksheet(zh("summary.sheet.caps"));
  header(
    caps,
    labels(["batch", "authority", "clusters", "summaryRows", "cap", "over"]),
    [7, 16, 9, 10, 6, 9]
  );
  for (const c of summary.caps)
    caps.addRow([
      c.batchYear,
      c.authority,
      c.clusters,
      c.summaryRows ?? "",
      c.cap,
      c.over ? zh("summary.over") : "",
    ]);

  const byRule = new Map<string, { ruleName: string; rows: (string | number)[][] }>();
  for (const f of summary.files)
    for (const s of f.sheets)
      for (const r of s.records) {
        if (r.severity !== ("error" satisfies Severity)) continue;
        const entry = byRule.get(r.ruleId) ?? { ruleName: r.ruleName, rows: [] };
        entry.rows.push([
          f.file,
          s.sheet,
          s.name ?? "",
          s.authority ?? "",
          r.cell ?? "",
          r.message,
        ]);
        byRule.set(r.ruleId, entry);
      }
  const taken = new Set(wb.worksheets.map((w) => w.name));
  for (const [, entry] of [...byRule].sort((a, b) => b[1].rows.length - a[1].rows.length)) {
    // Named by the rule's words; a long 认定标准 cut to Excel's 31 characters could meet another.
    const base = sheetName(entry.ruleName);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 31 - `(${n})`.length)}(${n})`;
    taken.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow([entry.ruleName]).font = { bold: true };
    ws.addRow(labels(["file", "sheet", "name", "authority", "cell", "message"])).font = {
      bold: true,
    };
    [40, 16, 34, 14, 8, 80].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const row of entry.rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
