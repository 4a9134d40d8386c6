/**
 * The 「审查结果」 sheet as a sheet plan, so the in-Excel check and `jiqun check --out-dir` write
 * the same sheet through the same two writers as the templates. Each row links to its cell.
 */
import {
  absolute,
  area,
  cell,
  nationalPack,
  sheetRef,
  STYLES,
  type PlanCell,
  type SheetPlan,
  type EvaluatedSheet,
} from "../domain";
import { t, type Locale } from "../i18n";
import { conclusionRows, reviewLine } from "./conclusions";
import { FINDINGS_NAME } from "./marks";
import type { FindingRecord } from "./records";

const COLUMNS = [
  ["seq", 6],
  ["sheet", 16],
  ["cell", 9],
  ["field", 28],
  ["rule", 28],
  ["year", 9],
  ["actual", 12],
  ["threshold", 14],
  ["severity", 7],
  ["message", 60],
  ["method", 22],
] as const;
/** The sheet's columns in order; the pane's CSV and copied list carry the same ones. */
export const FINDINGS_COLUMNS = COLUMNS.map(([id]) => id);
export type FindingsColumn = (typeof COLUMNS)[number][0];
const HEADER_ROW = 3;
/** 级别 in the legend's red and amber. */
const SEVERITY_STYLE: Record<FindingRecord["severity"], PlanCell["style"]> = {
  error: "legendError",
  warning: "legendWarning",
  info: "label",
};
/** Characters of CJK text per line in the 说明 column, for row heights Excel would not fit. */
const CHARS_PER_LINE = 30;

/** One checked sheet: its review and the review's findings as records. */
export interface ReviewedSheet {
  readonly review: EvaluatedSheet;
  readonly records: readonly FindingRecord[];
}

export interface FindingsInput {
  readonly sheets: readonly ReviewedSheet[];
  /** What was checked (file name), shown under the title. */
  readonly source?: string;
}

/** The header row's words, from the same string keys wherever the columns are written. */
export const findingsHeader = (locale: Locale): string[] =>
  FINDINGS_COLUMNS.map((id) => t(locale, `review.col.${id}`));

/**
 * One finding's cells as the sheet shows them, by column: `seq` is its position in the list,
 * the cell its address (the sheet makes that a link), a year stays a number.
 */
export function findingCells(
  r: FindingRecord,
  seq: number,
  locale: Locale
): Record<FindingsColumn, string | number | undefined> {
  return {
    seq,
    sheet: r.sheet,
    cell: r.cell,
    field: r.fieldLabel,
    rule: r.ruleName,
    // A year stays a number in its cell; the rest is the finding's words as the message has them.
    year: r.year ?? r.placeText,
    actual: r.actualText,
    threshold: r.thresholdText,
    severity: t(locale, `severity.${r.severity}`),
    message: r.message,
    method: r.methodText,
  };
}

/** An in-workbook jump that Excel, WPS and LibreOffice all follow. */
export function cellLink(sheet: string, address: string): string {
  const target = `#${sheetRef(sheet, address)}`.replace(/"/gu, '""');
  return `=HYPERLINK("${target}","${address}")`;
}

export function buildFindingsPlan(input: FindingsInput, locale: Locale): SheetPlan {
  const cols = COLUMNS.length;
  const all = input.sheets.flatMap((s) => s.records);
  const count = (s: FindingRecord["severity"]): number =>
    all.filter((r) => r.severity === s).length;
  const summary = t(locale, "review.summary", {
    sheets: input.sheets.length,
    errors: count("error"),
    warnings: count("warning"),
    infos: count("info"),
  });
  // Every 「审查结果」 names the standard it applied: the chosen pack, else the batch's national one.
  const year = input.sheets.find((x) => x.review.batchYear !== undefined)?.review.batchYear;
  const pack =
    input.sheets.find((x) => x.review.criteria)?.review.criteria ??
    (year !== undefined ? nationalPack(year) : undefined);
  const fuhe = input.sheets.map((x) => reviewLine(x.review, locale)).find((l) => l !== undefined);
  const cells: PlanCell[] = [
    {
      address: "A1",
      value: t(locale, fuhe ? "review.fuheTitle" : "review.title"),
      style: "title",
    },
    {
      address: "A2",
      value: [
        summary,
        ...(input.source ? [t(locale, "review.source", { source: input.source })] : []),
        // Under another standard than the batch's national one, the reader must be told which.
        ...(pack ? [t(locale, "review.criteria", { name: pack.name, id: pack.id })] : []),
        ...(fuhe ? [fuhe] : []),
      ].join(" "),
      style: "note",
    },
    ...findingsHeader(locale).map((value, i) => ({
      address: cell(HEADER_ROW, i + 1),
      value,
      style: "header" as const,
    })),
  ];
  const rowHeights: Record<number, number> = { 1: 28, 2: 30 };
  let row = HEADER_ROW;
  const put = (
    col: number,
    value: string | number | undefined,
    style: PlanCell["style"] = "label"
  ): void => {
    if (value === undefined || value === "") cells.push({ address: cell(row, col), style });
    else cells.push({ address: cell(row, col), value, style });
  };
  input.sheets.forEach(({ review, records }) => {
    if (review.problem) {
      row++;
      put(1, row - HEADER_ROW);
      put(2, review.read.sheet);
      for (let c = 3; c <= cols; c++) if (c !== 10) put(c, undefined);
      put(
        10,
        t(locale, `review.problem.${review.problem}`, {
          year: review.batchYear ?? "",
          expected: review.expectedBatch ?? "",
        })
      );
      return;
    }
    for (const r of records) {
      row++;
      const values = findingCells(r, row - HEADER_ROW, locale);
      FINDINGS_COLUMNS.forEach((id, i) => {
        if (id === "cell" && r.cell)
          cells.push({
            address: cell(row, i + 1),
            formula: cellLink(r.sheet, r.cell),
            style: "label",
          });
        else put(i + 1, values[id], id === "severity" ? SEVERITY_STYLE[r.severity] : "label");
      });
      const lines = Math.max(
        Math.ceil(r.message.length / CHARS_PER_LINE),
        Math.ceil(r.fieldLabel.length / 14),
        1
      );
      rowHeights[row] = lines * 15 + 4;
    }
  });
  if (row === HEADER_ROW) {
    row++;
    put(1, t(locale, "review.none"), "note");
  }
  // Each 复核's 复核结论 after the list: every criterion, its conclusion and the reasons, in
  // blocks a province can copy into its report (criterion B:E, conclusion F:H, reasons I:K).
  const merges: string[] = [];
  const spans = [
    [1, 1],
    [2, 5],
    [6, 8],
    [9, cols],
  ] as const;
  const block = (
    values: readonly (string | number)[],
    style: PlanCell["style"],
    height: number
  ): void => {
    row++;
    spans.forEach(([from, to], i) => {
      put(from, values[i], style);
      for (let c = from + 1; c <= to; c++) put(c, undefined, style);
      if (to > from) merges.push(`${cell(row, from)}:${cell(row, to)}`);
    });
    rowHeights[row] = height;
  };
  for (const { review, records } of input.sheets) {
    const rows = conclusionRows(review, records, locale);
    if (rows.length === 0) continue;
    row++;
    row++;
    put(1, t(locale, "review.conclusions", { sheet: review.read.sheet }), "section");
    for (let c = 2; c <= cols; c++) put(c, undefined, "section");
    merges.push(`${cell(row, 1)}:${cell(row, cols)}`);
    block(
      (["seq", "rule", "result", "reasons"] as const).map((k) =>
        t(locale, `review.conclusion.${k}`)
      ),
      "header",
      20
    );
    for (const r of rows) {
      const reasons = r.reasons.join("\n");
      const lines = Math.max(
        1,
        Math.ceil(r.wording.length / 24),
        r.reasons.length,
        Math.ceil(reasons.length / 40)
      );
      block([r.seq, r.wording, r.conclusionText, reasons], "label", lines * 15 + 4);
    }
  }
  return {
    form: "findings",
    batchYear: input.sheets.find((s) => s.review.batchYear !== undefined)?.review.batchYear ?? 0,
    sheetName: t(locale, "review.sheetName"),
    columnWidths: COLUMNS.map(([, w]) => w),
    rowHeights,
    cells,
    merges: [`A1:${cell(1, cols)}`, `A2:${cell(2, cols)}`, ...merges],
    styles: STYLES,
    names: [{ name: FINDINGS_NAME, address: "$A$1", fieldId: "findings" }],
    validations: [],
    hiddenColumns: [],
    freeze: { rows: HEADER_ROW, columns: 0 },
    print: {
      area: absolute(area(1, 1, row, cols)),
      titleRows: `$${HEADER_ROW}:$${HEADER_ROW}`,
      orientation: "Landscape",
      paper: "A4",
      fitToPagesWide: 1,
      footer: "第 &P 页 共 &N 页",
      breaksAfterRows: [],
    },
    highlights: [],
  };
}
