/**
 * Applies sheet plans in one Excel.run into NEW sheets: one round trip to read the names already
 * taken (sheets, tables; three when the decision needs the template sheets too), one to apply
 * everything. Never touches another sheet.
 */
import type { AddedSheet, PlannedSheet } from "../application";
import type { ReadSheet } from "../domain";
import {
  HIGHLIGHT_COLORS,
  planGrid,
  rectangleAddress,
  sheetRef,
  styleBlocks,
  typedFormula,
  uniqueName,
  type PlanValidation,
  type Rectangle,
  type SheetPlan,
  type StyleBlock,
} from "../domain/plan";

export { uniqueName };
import type { ExcelHost } from "./host";
import { runBatch } from "./run";
import { scanWorkbook } from "./scan";
import { INSERT_REQUIREMENT } from "./requirements";

export { INSERT_REQUIREMENT };

export interface InsertResult {
  readonly sheetName: string;
  readonly tableName?: string;
}

/** Excel column widths are in points in Office.js, in characters in the file format. */
const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75);

type BorderEdge =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/**
 * The lines a style draws on each cell, as edges of a rectangle of such cells: every edge of
 * every cell (its outline and the lines between its cells), or each cell's sides (a box drawn over
 * several rows), with or without each cell's foot.
 */
const BORDER_EDGES: Readonly<Record<"all" | "sides" | "sidesBottom", readonly BorderEdge[]>> = {
  all: ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"],
  sides: ["EdgeLeft", "EdgeRight", "InsideVertical"],
  sidesBottom: ["EdgeLeft", "EdgeRight", "InsideVertical", "EdgeBottom", "InsideHorizontal"],
};

function applyStyle(range: Excel.Range, block: StyleBlock, rect: Rectangle): void {
  const f = range.format;
  switch (block.attribute) {
    case "bold":
      f.font.bold = block.value;
      break;
    case "fontSize":
      f.font.size = block.value;
      break;
    case "fontColor":
      f.font.color = block.value;
      break;
    case "fill":
      f.fill.color = block.value;
      break;
    case "wrap":
      f.wrapText = block.value;
      break;
    case "hAlign":
      f.horizontalAlignment = block.value;
      break;
    case "vAlign":
      f.verticalAlignment = block.value;
      break;
    case "border":
      if (block.value === false) break;
      for (const edge of BORDER_EDGES[block.value === true ? "all" : block.value]) {
        // Lines between cells exist only in a rectangle of several rows or columns.
        if (
          (edge === "InsideHorizontal" && rect.rows === 1) ||
          (edge === "InsideVertical" && rect.cols === 1)
        )
          continue;
        // Continuous, thin, in Excel's automatic colour (black): the lines of a printed form.
        // Setting no colour also halves the actions a border costs the request.
        f.borders.getItem(edge).style = "Continuous";
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

/** Consecutive rows of the same height, as whole-row addresses ("5:9"). */
function rowHeightBlocks(heights: Readonly<Record<string, number>>): [string, number][] {
  const rows = Object.entries(heights)
    .map(([r, h]) => [Number(r), h] as const)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number, number][] = [];
  for (const [row, h] of rows) {
    const last = out[out.length - 1];
    if (last && last[1] === row - 1 && last[2] === h) last[1] = row;
    else out.push([row, row, h]);
  }
  return out.map(([from, to, h]) => [`${from}:${to}`, h]);
}

/**
 * Queues the whole plan onto an (empty, new) sheet named `sheetName`; no sync. Every range and
 * property set is an action in the request, and Excel on the web refuses a request over 5 MB, so
 * contents go as 2-D blocks, styles per rectangle, one Range per address, and ranges are
 * untracked (the client library otherwise keeps a reference to each one and releases it again in
 * a request of its own).
 */
export function queuePlan(
  sheet: Excel.Worksheet,
  sheetName: string,
  plan: SheetPlan,
  tableName?: string
): void {
  const ranges = new Map<string, Excel.Range>();
  const rangeAt = (address: string): Excel.Range => {
    const hit = ranges.get(address) ?? sheet.getRange(address).untrack();
    ranges.set(address, hit);
    return hit;
  };
  plan.columnWidths.forEach((w, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).untrack().format.columnWidth = charsToPoints(w);
  });
  for (const [rows, h] of rowHeightBlocks(plan.rowHeights)) rangeAt(rows).format.rowHeight = h;

  // Styles and number formats first: text must meet a Text-formatted cell, or Range.formulas
  // would type it ("=x" a formula, "0012" a number, "12%" 0.12).
  for (const block of styleBlocks(plan))
    for (const r of block.rectangles) applyStyle(rangeAt(rectangleAddress(r)), block, r);
  const grid = planGrid(plan);
  if (grid) {
    const range = rangeAt(grid.address);
    range.numberFormat = grid.numberFormats;
    range.formulas = grid.contents.map((row) =>
      row.map((v) => (typeof v === "string" && v.startsWith("=") ? typedFormula(v) : v))
    );
  }
  for (const m of plan.merges) rangeAt(m).merge(false);
  for (const col of plan.hiddenColumns)
    sheet
      .getRangeByIndexes(0, col - 1, 1, 1)
      .untrack()
      .getEntireColumn()
      .untrack().columnHidden = true;
  for (const v of plan.validations) {
    const dv = rangeAt(v.address).dataValidation;
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
  // A reference formula instead of a Range: one action per name, no range to build.
  for (const n of plan.names) sheet.names.add(n.name, `=${sheetRef(sheetName, n.address)}`);
  // Each add() goes on top of the priority list; adding in reverse keeps the plan's order.
  for (const h of [...plan.highlights].reverse()) {
    const cf = rangeAt(h.address).conditionalFormats.add("Custom");
    cf.custom.rule.formula = typedFormula(`=${h.formula}`);
    cf.custom.format.fill.color = HIGHLIGHT_COLORS[h.severity].fill;
    cf.custom.format.font.color = HIGHLIGHT_COLORS[h.severity].font;
  }
  if (plan.table && tableName) {
    // An address without its sheet would mean the active sheet (TableCollection.add), which is
    // not this one until activate() below.
    const table = sheet.tables.add(rangeAt(plan.table.address), true);
    table.name = tableName;
    table.style = "TableStyleLight9";
  }

  const p = plan.print;
  const layout = sheet.pageLayout;
  layout.orientation = p.orientation;
  layout.paperSize = "A4";
  layout.zoom =
    p.scale !== undefined
      ? { scale: p.scale }
      : { horizontalFitToPages: p.fitToPagesWide ?? 1, verticalFitToPages: 0 };
  if (p.margins) {
    // Office.js takes margins in points; the plan keeps inches, as the file format does.
    const pt = (inches: number): number => Math.round(inches * 72 * 100) / 100;
    layout.leftMargin = pt(p.margins.left);
    layout.rightMargin = pt(p.margins.right);
    layout.topMargin = pt(p.margins.top);
    layout.bottomMargin = pt(p.margins.bottom);
    layout.headerMargin = pt(p.margins.header);
    layout.footerMargin = pt(p.margins.footer);
  }
  if (p.centerHorizontally) layout.centerHorizontally = true;
  if (p.blackAndWhite) layout.blackAndWhite = true;
  layout.setPrintArea(p.area);
  if (p.titleRows) layout.setPrintTitleRows(p.titleRows);
  layout.headersFooters.defaultForAllPages.centerFooter = p.footer;
  for (const row of p.breaksAfterRows) sheet.horizontalPageBreaks.add(`A${row + 1}`);
  const { rows, columns } = plan.freeze;
  if (rows && columns)
    sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns).untrack());
  else if (rows) sheet.freezePanes.freezeRows(rows);
  else if (columns) sheet.freezePanes.freezeColumns(columns);
  sheet.activate();
}

/** A sheet added, with the table name it got when its plan has a table. */
export interface AddedPlanSheet extends AddedSheet {
  readonly table?: string;
}

/**
 * New sheets from plans an action decides: the names in use are read (and, when the decision
 * needs them, the template sheets through their names: 插入汇总表 builds from the 申报表), then
 * every planned sheet is queued and written in one round trip. Nothing is ever replaced: a taken
 * sheet or table name gets a suffix. Refuses up front, before any change, on an Excel without the
 * needed requirement set, so nothing is left half-written.
 */
export async function addSheets(
  host: ExcelHost,
  decide: (templates: readonly ReadSheet[]) => readonly PlannedSheet[],
  options: { readonly readTemplates: boolean }
): Promise<AddedPlanSheet[]> {
  return runBatch(host, INSERT_REQUIREMENT, async (context) => {
    const tables = context.workbook.tables.load("items/name");
    let taken: string[];
    let templates: ReadSheet[] = [];
    if (options.readTemplates) {
      // The scan's first round trip brings the table names along.
      const scans = await scanWorkbook(context);
      taken = scans.map((s) => s.name);
      templates = scans.flatMap((s) => (s.read ? [s.read] : []));
    } else {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      taken = sheets.items.map((s) => s.name);
    }
    const takenTables = tables.items.map((t) => t.name);
    const added: AddedPlanSheet[] = [];
    for (const { plan, forms } of decide(templates)) {
      const sheet = uniqueName(plan.sheetName, taken);
      const table = plan.table
        ? uniqueName(plan.table.name, takenTables, 255, (n) => `_${n}`)
        : undefined;
      queuePlan(context.workbook.worksheets.add(sheet), sheet, plan, table);
      taken.push(sheet);
      if (table) takenTables.push(table);
      added.push({
        sheet,
        ...(forms !== undefined ? { forms } : {}),
        ...(table ? { table } : {}),
      });
    }
    if (added.length > 0) await context.sync();
    return added;
  });
}

/** Inserts one plan as a new sheet (a fixed plan: no template sheets read). */
export async function insertPlan(host: ExcelHost, plan: SheetPlan): Promise<InsertResult> {
  const [added] = await addSheets(host, () => [{ plan }], { readTemplates: false });
  if (!added) throw new Error("insertPlan: nothing added");
  return { sheetName: added.sheet, ...(added.table ? { tableName: added.table } : {}) };
}
