/**
 * The 「审查结果」 sheet as a sheet plan, so the in-Excel check and `jiqun check --out-dir` write
 * the same sheet through the same two writers as the templates. Each row links to its cell.
 */
import {
  absolute,
  area,
  cell,
  sheetRef,
  STYLES,
  type PlanCell,
  type SheetPlan,
  type EvaluatedSheet,
} from "../domain";
import { t, type Locale, type StringKey } from "../i18n";
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
const HEADER_ROW = 3;
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
  const cells: PlanCell[] = [
    { address: "A1", value: t(locale, "review.title"), style: "title" },
    {
      address: "A2",
      value: input.source
        ? `${summary} ${t(locale, "review.source", { source: input.source })}`
        : summary,
      style: "note",
    },
    ...COLUMNS.map(([id], i) => ({
      address: cell(HEADER_ROW, i + 1),
      value: t(locale, `review.col.${id}` as StringKey),
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
      put(1, row - HEADER_ROW);
      put(2, r.sheet);
      if (r.cell)
        cells.push({ address: cell(row, 3), formula: cellLink(r.sheet, r.cell), style: "label" });
      else put(3, undefined);
      put(4, r.fieldLabel);
      put(5, r.ruleName);
      // A year stays a number in its cell; the rest is the finding's words as the message has them.
      put(6, r.year ?? r.placeText);
      put(7, r.actualText);
      put(8, r.thresholdText);
      put(
        9,
        t(locale, `severity.${r.severity}`),
        r.severity === "error"
          ? "legendError"
          : r.severity === "warning"
            ? "legendWarning"
            : "label"
      );
      put(10, r.message);
      put(11, r.methodText);
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
  return {
    form: "findings",
    batchYear: input.sheets.find((s) => s.review.batchYear !== undefined)?.review.batchYear ?? 0,
    sheetName: t(locale, "review.sheetName"),
    columnWidths: COLUMNS.map(([, w]) => w),
    rowHeights,
    cells,
    merges: [`A1:${cell(1, cols)}`, `A2:${cell(2, cols)}`],
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
