/**
 * A sheet plan regrouped for a writer that pays per operation (the add-in API writer: every
 * property set and every range is an action in the request, and Excel on the web caps a request
 * at 5 MB). Contents and number formats become one 2-D block each over the plan's bounding
 * rectangle, with null where the plan has nothing (Excel leaves such cells unchanged: "Blank and
 * null values in Excel add-ins"); each style attribute becomes a few rectangles of cells sharing
 * its value, instead of one set per cell.
 */
import { area, cellsIn, parseCell } from "./address";
import type { CellStyle, SheetPlan } from "./types";

export interface Rectangle {
  /** 1-based, like A1 addresses. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export const rectangleAddress = (r: Rectangle): string => area(r.row, r.col, r.rows, r.cols);

/**
 * Rectangles covering exactly the given cells: runs along each row, stacked while the next row
 * repeats the same run. Forms are mostly columns of equal runs, so this stays close to minimal.
 */
export function coverRectangles(cells: Iterable<{ row: number; col: number }>): Rectangle[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c.col]);
  const runs: Rectangle[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    let start = cols[0] as number;
    for (let i = 1; i <= cols.length; i++) {
      const c = cols[i];
      if (c !== undefined && c === (cols[i - 1] as number) + 1) continue;
      runs.push({ row, col: start, rows: 1, cols: (cols[i - 1] as number) - start + 1 });
      if (c !== undefined) start = c;
    }
  }
  // Stack a run onto an open rectangle that ends on the row above with the same columns.
  const open = new Map<string, Rectangle>();
  const done: Rectangle[] = [];
  for (const run of runs) {
    const key = `${run.col}:${run.cols}`;
    const above = open.get(key);
    if (above && above.row + above.rows === run.row) {
      open.set(key, { ...above, rows: above.rows + 1 });
      continue;
    }
    if (above) done.push(above);
    open.set(key, run);
  }
  return [...done, ...open.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

export interface PlanGrid {
  /** The bounding rectangle of the plan's cells. */
  readonly address: string;
  /** Text, numbers and formulas (file syntax); null = nothing planned there. */
  readonly contents: (string | number | null)[][];
  /** Number formats: "@" for text cells, the cell's own format otherwise; null = none planned. */
  readonly numberFormats: (string | null)[][];
}

/** Contents and number formats of every plan cell, as two 2-D blocks over one rectangle. */
export function planGrid(plan: SheetPlan): PlanGrid | undefined {
  const cells = plan.cells.map((c) => ({ ...c, at: parseCell(c.address) }));
  if (cells.length === 0) return undefined;
  const top = Math.min(...cells.map((c) => c.at.row));
  const left = Math.min(...cells.map((c) => c.at.col));
  const rows = Math.max(...cells.map((c) => c.at.row)) - top + 1;
  const cols = Math.max(...cells.map((c) => c.at.col)) - left + 1;
  const blank = <T>(): (T | null)[][] =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => null));
  const contents = blank<string | number>();
  const numberFormats = blank<string>();
  for (const c of cells) {
    const r = c.at.row - top;
    const k = c.at.col - left;
    const content = c.formula ?? c.value;
    if (content !== undefined) (contents[r] as (string | number | null)[])[k] = content;
    // Text lands as typed only in a Text-formatted cell: "=x" would be a formula, "0012" a number.
    const format = typeof c.value === "string" ? "@" : c.numberFormat;
    if (format !== undefined) (numberFormats[r] as (string | null)[])[k] = format;
  }
  return { address: area(top, left, rows, cols), contents, numberFormats };
}

/** One style attribute and the rectangles of cells that carry the same value of it. */
export type StyleBlock = {
  readonly [K in keyof CellStyle]-?: {
    readonly attribute: K;
    readonly value: NonNullable<CellStyle[K]>;
    readonly rectangles: readonly Rectangle[];
  };
}[keyof CellStyle];

const ATTRIBUTES: readonly (keyof CellStyle)[] = [
  "bold",
  "fontSize",
  "fontColor",
  "fill",
  "wrap",
  "hAlign",
  "vAlign",
  "border",
];

/**
 * A merged cell's style covers its whole area: a border set on the top-left cell alone would draw
 * its right and bottom edges inside the merge, where they do not show. The file writer gets the
 * same through exceljs, which gives every cell of a merge the top-left cell's style.
 */
function styledCells(plan: SheetPlan, address: string): { row: number; col: number }[] {
  const merge = plan.merges.find((m) => m.replace(/\$/gu, "").split(":")[0] === address);
  return merge ? cellsIn(merge) : [parseCell(address)];
}

export function styleBlocks(plan: SheetPlan): StyleBlock[] {
  const groups = new Map<
    string,
    { attribute: keyof CellStyle; value: unknown; cells: { row: number; col: number }[] }
  >();
  for (const c of plan.cells) {
    if (!c.style) continue;
    const style = plan.styles[c.style];
    const cells = styledCells(plan, c.address);
    for (const attribute of ATTRIBUTES) {
      const value = style[attribute];
      if (value === undefined || value === false) continue;
      const key = `${attribute}=${String(value)}`;
      const g = groups.get(key) ?? { attribute, value, cells: [] };
      g.cells.push(...cells);
      groups.set(key, g);
    }
  }
  return [...groups.values()].map(
    (g) =>
      ({
        attribute: g.attribute,
        value: g.value,
        rectangles: coverRectangles(g.cells),
      }) as StyleBlock
  );
}
