/**
 * 推荐汇总表 + batch + authority → sheet plan: 附件1 at the top left, the title with the batch
 * year, the seal and contact line, the official seven columns as an Excel table with one row per
 * allowed recommendation.
 */
import type { BatchParams } from "../batch";
import { nationalPack } from "../criteria/builtin";
import type { CriteriaPack } from "../criteria/types";
import type { HuizongRow } from "../rules/evaluate";
import {
  HUIZONG_ATTACHMENT,
  HUIZONG_COLUMNS,
  HUIZONG_CONTACT_LINE,
  HUIZONG_SEAL_LINE,
  huizongTitle,
  type HuizongColumnId,
} from "../forms";
import type { Authority } from "../regions";
import { absolute, area, cell, columnLetter, parseCell } from "./address";
import { NUMBER_FORMATS, STYLES } from "./styles";
import type {
  PlanCell,
  PlanHighlight,
  PlanName,
  PlanText,
  PlanValidation,
  SheetPlan,
} from "./types";

export const huizongName = (column: HuizongColumnId | "authority" | "contact"): string =>
  `HZ_${column}`;

/** The rows above the table, in the notice's order. */
const ATTACHMENT_ROW = 1;
const TITLE_ROW = 2;
const SEAL_ROW = 3;
const HEADER_ROW = 4;
/** Where the plan puts the title; a reader finds a sheet's own title row to compare. */
export const HUIZONG_TITLE_ROW = TITLE_ROW;

/*
 * Paper. Column widths are in the default font's digit widths: 7 px (5.25 pt printed) in Excel's
 * Calibri 11, about 6.9 pt in LibreOffice where DejaVu Sans stands in for Calibri. The page must
 * print at 100 %, or the body text shrinks below 10 pt and the seal line below 45 mm: so all
 * eight columns (108 units) fit A4 landscape at the wider rendering, the 字数 screen helper too,
 * although it is outside the print area, for a host that does not read the print area (as
 * LibreOffice did not read `$A1:$G11`, the form exceljs gave it). Rows are sized for the narrower
 * rendering, where a 150-character 简介 wraps to the most lines.
 */
const WIDTHS = [5, 14, 13, 11, 8, 8, 41, 8];
/** Both writers' body size (the input style sets none). */
const BODY_PT = 11;
const DIGIT_PT = 5.25;
/** Excel keeps 3 px (2.25 pt) free left and right of a cell's text, and some room above and below. */
const INSET_PT = 2.25;
const ROW_PAD_PT = 6;
/** Lines 1.3 em apart: SimSun 11 pt rows are 14.25 pt in Excel; WenQuanYi lines 13.9 in LibreOffice */
const LINE_EM = 1.3;
/** The provincial seal is round, about 42 mm; its line gets 46 mm (1 mm = 72 / 25.4 pt). */
const SEAL_ROW_PT = Math.ceil((46 * 72) / 25.4);

/** Lines that `chars` CJK characters (one body size wide each) wrap to in a column `width` wide. */
const wrappedLines = (chars: number, width: number): number =>
  Math.ceil(chars / Math.floor((width * DIGIT_PT - 2 * INSET_PT) / BODY_PT));

const rowHeightFor = (lines: number, size = BODY_PT): number =>
  Math.ceil(lines * size * LINE_EM + ROW_PAD_PT);

/**
 * Rows: the authority's cap when known, else the largest cap of the batch; under a pack without
 * caps (a province recognising its own clusters), the batch's largest cap, rows typed below still
 * counting.
 */
export function huizongRowCount(
  batch: BatchParams,
  authority?: Authority,
  caps: CriteriaPack["caps"] = batch.caps
): number {
  return authority && caps ? caps[authority.kind] : Math.max(...Object.values(caps ?? batch.caps));
}

/** Name of the hidden cell holding the id of the pack the sheet was built with. */
export const HUIZONG_CRITERIA_NAME = "HZX_criteria";

/**
 * `criteria`: whose caps the row-cap highlight draws (none under a pack without caps); the batch's
 * national standard when none is given. Its id is kept in a hidden named cell.
 */
export function buildHuizongPlan(
  batch: BatchParams,
  text: PlanText,
  authority?: Authority,
  criteria: CriteriaPack = nationalPack(batch.year)
): SheetPlan {
  const rows = huizongRowCount(batch, authority, criteria.caps);
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + rows;
  const cols = HUIZONG_COLUMNS.length;
  const authorityCell = cell(SEAL_ROW, 3);
  const contactCell = cell(SEAL_ROW, 6);
  const cells: PlanCell[] = [
    { address: cell(ATTACHMENT_ROW, 1), value: HUIZONG_ATTACHMENT, style: "cover" },
    { address: cell(TITLE_ROW, 1), value: huizongTitle(batch.year), style: "title" },
    { address: cell(SEAL_ROW, 1), value: HUIZONG_SEAL_LINE, style: "label" },
    {
      address: authorityCell,
      value: authority?.name ?? "",
      style: "input",
      numberFormat: NUMBER_FORMATS.text,
    },
    { address: cell(SEAL_ROW, 5), value: HUIZONG_CONTACT_LINE, style: "label" },
    { address: contactCell, style: "input", numberFormat: NUMBER_FORMATS.text },
    { address: cell(HEADER_ROW, cols + 1), value: text.derived.charCount, style: "header" },
  ];
  // Beyond the 字数 column, hidden: the pack's id.
  const recordColumn = cols + 2;
  const recordCell = cell(TITLE_ROW, recordColumn);
  cells.push({ address: recordCell, value: criteria.id });
  const names: PlanName[] = [
    { name: huizongName("authority"), address: absolute(authorityCell), fieldId: "hz_authority" },
    { name: huizongName("contact"), address: absolute(contactCell), fieldId: "hz_contact" },
    { name: HUIZONG_CRITERIA_NAME, address: absolute(recordCell), fieldId: "criteria" },
  ];
  const validations: PlanValidation[] = [];
  HUIZONG_COLUMNS.forEach((column, i) => {
    const col = i + 1;
    cells.push({ address: cell(HEADER_ROW, col), value: column.label, style: "header" });
    for (let r = first; r <= last; r++) {
      cells.push(
        column.id === "seq"
          ? {
              address: cell(r, col),
              value: r - HEADER_ROW,
              style: "label",
              numberFormat: NUMBER_FORMATS.count,
            }
          : { address: cell(r, col), style: "input", numberFormat: NUMBER_FORMATS.text }
      );
    }
    names.push({
      name: huizongName(column.id),
      address: absolute(area(first, col, rows)),
      fieldId: `hz_${column.id}`,
    });
    if (column.limit !== undefined) {
      validations.push({
        address: area(first, col, rows),
        rule: { kind: "textLength", max: column.limit },
        prompt: text.prompt.memo,
        error: { title: text.errorTitle, message: text.error.memo },
      });
    }
  });
  const intro = HUIZONG_COLUMNS.findIndex((c) => c.id === "intro") + 1;
  const industry = HUIZONG_COLUMNS.findIndex((c) => c.id === "industry") + 1;
  const introLimit = HUIZONG_COLUMNS[intro - 1]?.limit ?? 150;
  // One line more than the count: CJK line breaking keeps ，。、 off a line's start and may push
  // a character down.
  const bodyRow = rowHeightFor(wrappedLines(introLimit, WIDTHS[intro - 1] ?? 0) + 1);
  // Rows beyond the table still count: a clerk may type under it or grow the table.
  const spill = last + 20;
  const highlights: PlanHighlight[] = [
    ...(criteria.caps === null
      ? []
      : [
          {
            address: area(first, 1, spill - first + 1, cols),
            formula: `AND(LEN(TRIM($B${first}))>0,ROW()-${HEADER_ROW}>${rows})`,
            severity: "error" as const,
            ruleId: "summary_row_cap",
          },
        ]),
    {
      address: area(first, intro, spill - first + 1),
      formula: `LEN(TRIM(${cell(first, intro)}))>${introLimit}`,
      severity: "error",
      ruleId: "text_limit",
    },
    {
      address: area(first, industry, spill - first + 1),
      formula: `AND(LEN(TRIM(${cell(first, industry)}))>0,COUNTIF(${absolute(area(first, industry, spill - first + 1))},${cell(first, industry)})>1)`,
      severity: batch.duplicateIndustry,
      ruleId: "duplicate_industry",
    },
  ];
  // A row with anything in it must be complete (the evaluator's 「required」 for filled rows).
  const rowFilled = `SUMPRODUCT(LEN(TRIM($B${first}:$${columnLetter(cols)}${first})))>0`;
  HUIZONG_COLUMNS.forEach((column, i) => {
    if (!column.required) return;
    const x = cell(first, i + 1);
    highlights.push({
      address: area(first, i + 1, spill - first + 1),
      formula: `AND(LEN(TRIM(${x}))=0,${rowFilled})`,
      severity: "error",
      ruleId: "required",
    });
  });
  for (let r = first; r <= last; r++) {
    const at = cell(r, intro);
    cells.push({
      address: cell(r, cols + 1),
      formula: `=IF(LEN(TRIM(${at}))=0,"",LEN(TRIM(${at})))`,
      style: "derived",
      numberFormat: NUMBER_FORMATS.chars,
    });
  }
  return {
    form: "huizong",
    batchYear: batch.year,
    criteria: criteria.id,
    sheetName: `推荐汇总表-${batch.year}`,
    columnWidths: WIDTHS,
    // The lines above the table stay one line each, so that with the seal's room the first page
    // still holds two rows of a full 150-character 简介.
    rowHeights: {
      [ATTACHMENT_ROW]: rowHeightFor(1, STYLES.cover.fontSize),
      [TITLE_ROW]: rowHeightFor(1, STYLES.title.fontSize),
      [SEAL_ROW]: SEAL_ROW_PT,
      [HEADER_ROW]: rowHeightFor(
        Math.max(...HUIZONG_COLUMNS.map((c, i) => wrappedLines(c.label.length, WIDTHS[i] ?? 0)))
      ),
      ...Object.fromEntries(Array.from({ length: rows }, (_, i) => [first + i, bodyRow])),
    },
    cells,
    // 附件1 spans the form's width: column A alone would wrap it character by character.
    merges: [
      area(ATTACHMENT_ROW, 1, 1, cols),
      area(TITLE_ROW, 1, 1, cols),
      area(SEAL_ROW, 1, 1, 2),
      area(SEAL_ROW, 3, 1, 2),
      area(SEAL_ROW, 6, 1, 2),
    ],
    styles: STYLES,
    names,
    validations,
    hiddenColumns: [recordColumn],
    highlights,
    freeze: { rows: HEADER_ROW, columns: 0 },
    print: {
      area: absolute(area(ATTACHMENT_ROW, 1, last - ATTACHMENT_ROW + 1, cols)),
      titleRows: `$${HEADER_ROW}:$${HEADER_ROW}`,
      orientation: "Landscape",
      paper: "A4",
      fitToPagesWide: 1,
      footer: "第 &P 页 共 &N 页",
      breaksAfterRows: [],
    },
    table: {
      name: `HZ_${batch.year}`,
      address: area(HEADER_ROW, 1, rows + 1, cols),
      headers: HUIZONG_COLUMNS.map((c) => c.label),
    },
  };
}

/** Where each row's values go: down each column from its HZ_ name's first cell; rows beyond the
 * named ones (over the cap) continue below them, as a clerk would type them. */
export function huizongRowCells(
  plan: SheetPlan,
  rows: readonly HuizongRow[]
): { address: string; value: string | number }[] {
  const out: { address: string; value: string | number }[] = [];
  for (const column of HUIZONG_COLUMNS) {
    const named = plan.names.find((n) => n.fieldId === `hz_${column.id}`);
    if (!named || column.id === "seq") continue;
    const top = parseCell(named.address.replace(/\$/gu, "").split(":")[0] as string);
    rows.forEach((r, i) => {
      const v = r[column.id];
      if (v === null || v === undefined) return;
      out.push({
        address: cell(top.row + i, top.col),
        value: typeof v === "boolean" ? String(v) : v,
      });
    });
  }
  return out;
}

/** The plan with the rows filled in (a 汇总表 built from the 申报表 sheets). */
export function withHuizongRows(plan: SheetPlan, rows: readonly HuizongRow[]): SheetPlan {
  const filled = new Map(huizongRowCells(plan, rows).map((c) => [c.address, c.value]));
  const cells: PlanCell[] = plan.cells.map((c) =>
    filled.has(c.address) ? { ...c, value: filled.get(c.address) as string | number } : c
  );
  const planned = new Set(plan.cells.map((c) => c.address));
  for (const [address, value] of filled)
    if (!planned.has(address))
      cells.push({ address, value, style: "input", numberFormat: NUMBER_FORMATS.text });
  return { ...plan, cells };
}
