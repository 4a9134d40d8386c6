/**
 * Applies a sheet plan in one Excel.run into a NEW sheet, in two round trips: one to read the
 * names already taken (sheets, tables), one to apply everything. Never touches another sheet.
 */
import {
  HIGHLIGHT_COLORS,
  type CellStyle,
  type PlanValidation,
  type SheetPlan,
} from "../domain/plan";
import { typedFormula, uniqueName } from "../domain/plan";

export { uniqueName };
import type { ExcelHost } from "./host";
import { runBatch } from "./run";

/** Requirement sets the insert needs: data validation (1.8) and page layout (1.9). */
export const INSERT_REQUIREMENT = { name: "ExcelApi", version: "1.9" } as const;

export interface InsertResult {
  readonly sheetName: string;
  readonly tableName?: string;
}

/** Excel column widths are in points in Office.js, in characters in the file format. */
const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75);

const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

function applyStyle(range: Excel.Range, s: CellStyle): void {
  const f = range.format;
  if (s.bold) f.font.bold = true;
  if (s.fontSize) f.font.size = s.fontSize;
  if (s.fontColor) f.font.color = s.fontColor;
  if (s.fill) f.fill.color = s.fill;
  if (s.wrap) f.wrapText = true;
  if (s.hAlign) f.horizontalAlignment = s.hAlign;
  if (s.vAlign) f.verticalAlignment = s.vAlign;
  if (s.border) {
    for (const edge of BORDER_EDGES) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#999999";
    }
  }
}

function ruleOf(v: PlanValidation): Excel.DataValidationRule {
  const r = v.rule;
  switch (r.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: r.source.join(",") } };
    case "listRange":
      return { list: { inCellDropDown: true, source: `=${r.address}` } };
    case "decimal":
      return r.max !== undefined
        ? { decimal: { formula1: r.min ?? 0, formula2: r.max, operator: "Between" } }
        : {
            decimal: {
              formula1: r.min ?? 0,
              operator: r.minExclusive ? "GreaterThan" : "GreaterThanOrEqualTo",
            },
          };
    case "whole":
      return { wholeNumber: { formula1: r.min, operator: "GreaterThanOrEqualTo" } };
    case "textLength":
      return { textLength: { formula1: r.max, operator: "LessThanOrEqualTo" } };
  }
}

/** Queues the whole plan onto an (empty, new) sheet; no sync. */
export function queuePlan(sheet: Excel.Worksheet, plan: SheetPlan, tableName?: string): void {
  plan.columnWidths.forEach((w, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = charsToPoints(w);
  });
  for (const [row, h] of Object.entries(plan.rowHeights))
    sheet.getRange(`${row}:${row}`).format.rowHeight = h;

  for (const c of plan.cells) {
    const range = sheet.getRange(c.address);
    if (c.style) applyStyle(range, plan.styles[c.style]);
    // Range.values behaves like typing: "=x" becomes a formula, "0012" a number, "12%" 0.12.
    // Text cells get the Text format first so every string lands exactly as planned.
    const text = typeof c.value === "string";
    const format = text ? "@" : c.numberFormat;
    if (format) range.numberFormat = [[format]];
    if (c.formula !== undefined) range.formulas = [[typedFormula(c.formula)]];
    else if (c.value !== undefined) range.values = [[c.value]];
  }
  for (const m of plan.merges) sheet.getRange(m).merge(false);
  for (const col of plan.hiddenColumns)
    sheet.getRangeByIndexes(0, col - 1, 1, 1).getEntireColumn().columnHidden = true;
  for (const v of plan.validations) {
    const dv = sheet.getRange(v.address).dataValidation;
    dv.clear();
    dv.rule = ruleOf(v);
    dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    dv.errorAlert = {
      showAlert: true,
      style: "Stop",
      title: v.error.title,
      message: v.error.message,
    };
  }
  for (const n of plan.names) sheet.names.add(n.name, sheet.getRange(n.address));
  // Each add() goes on top of the priority list; adding in reverse keeps the plan's order.
  for (const h of [...plan.highlights].reverse()) {
    const cf = sheet.getRange(h.address).conditionalFormats.add("Custom");
    cf.custom.rule.formula = typedFormula(`=${h.formula}`);
    cf.custom.format.fill.color = HIGHLIGHT_COLORS[h.severity].fill;
    cf.custom.format.font.color = HIGHLIGHT_COLORS[h.severity].font;
  }
  if (plan.table && tableName) {
    // An address without its sheet would mean the active sheet (TableCollection.add), which is
    // not this one until activate() below.
    const table = sheet.tables.add(sheet.getRange(plan.table.address), true);
    table.name = tableName;
    table.style = "TableStyleLight9";
  }

  const p = plan.print;
  const layout = sheet.pageLayout;
  layout.orientation = p.orientation;
  layout.paperSize = "A4";
  layout.zoom = { horizontalFitToPages: p.fitToPagesWide, verticalFitToPages: 0 };
  layout.setPrintArea(p.area);
  if (p.titleRows) layout.setPrintTitleRows(p.titleRows);
  layout.headersFooters.defaultForAllPages.centerFooter = p.footer;
  for (const row of p.breaksAfterRows) sheet.horizontalPageBreaks.add(`A${row + 1}`);
  const { rows, columns } = plan.freeze;
  if (rows && columns) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
  else if (rows) sheet.freezePanes.freezeRows(rows);
  else if (columns) sheet.freezePanes.freezeColumns(columns);
  sheet.activate();
}

/**
 * Inserts the plan as a new sheet. Refuses up front, before any change, on an Excel without the
 * needed requirement set, so nothing is left half-written.
 */
export async function insertPlan(host: ExcelHost, plan: SheetPlan): Promise<InsertResult> {
  return runBatch(host, INSERT_REQUIREMENT, async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    const sheetName = uniqueName(
      plan.sheetName,
      sheets.items.map((s) => s.name)
    );
    const tableName = plan.table
      ? uniqueName(
          plan.table.name,
          tables.items.map((t) => t.name),
          255,
          (n) => `_${n}`
        )
      : undefined;
    const sheet = context.workbook.worksheets.add(sheetName);
    queuePlan(sheet, plan, tableName);
    await context.sync();
    return { sheetName, ...(tableName ? { tableName } : {}) };
  });
}
