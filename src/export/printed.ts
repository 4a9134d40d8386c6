/**
 * What a sheet prints, as Excel lays it out: the print areas (the used range without one), minus
 * hidden rows and columns, cut into pages at manual row breaks and between areas, with the print
 * titles repeated at the top of every page after the one they sit on. Merged cells become spans,
 * clipped to the page they print on; a cell's text is its displayed text.
 */
import { cell, parseCell } from "../domain/plan/address";
import { formatValue } from "./numberFormat";
import type {
  Area,
  Edges,
  FooterPiece,
  GridCell,
  HAlign,
  Margins,
  PrintedCell,
  PrintedPage,
  PrintedRow,
  PrintedSheet,
  PrintedTable,
  SheetGrid,
} from "./types";

/** Excel's page setup when a sheet sets none (its "Normal" margins). */
export const DEFAULT_MARGINS: Margins = {
  top: 0.75,
  bottom: 0.75,
  left: 0.7,
  right: 0.7,
  header: 0.3,
  footer: 0.3,
};

/** Excel's body font size, for cells that set none. */
const DEFAULT_FONT_PT = 11;

const inArea = (a: Area, row: number, col: number): boolean =>
  row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;

/** The last row and column anything is set in: cells (values or styles), merges, row heights. */
function usedExtent(grid: SheetGrid): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const address of grid.cells.keys()) {
    const { row, col } = parseCell(address);
    rows = Math.max(rows, row);
    cols = Math.max(cols, col);
  }
  for (const m of grid.merges) {
    rows = Math.max(rows, m.bottom);
    cols = Math.max(cols, m.right);
  }
  for (const r of grid.rowHeights.keys()) rows = Math.max(rows, r);
  return { rows, cols };
}

/** The printed part of a sheet: its print areas, cut to what is set (whole-column areas end there). */
function areasOf(grid: SheetGrid): Area[] {
  const used = usedExtent(grid);
  if (used.rows === 0) return [];
  const areas = grid.printAreas.length
    ? grid.printAreas
    : [{ top: 1, left: 1, bottom: used.rows, right: used.cols }];
  return areas
    .map((a) => ({
      ...a,
      bottom: Math.min(a.bottom, used.rows),
      right: Math.min(a.right, used.cols),
    }))
    .filter((a) => a.bottom >= a.top && a.right >= a.left);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Footer codes: &L &C &R start sections, &P and &N are fields, && is "&", font codes drop out. */
export function parseFooter(code: string): PrintedSheet["footer"] {
  const out: Record<"left" | "center" | "right", FooterPiece[]> = {
    left: [],
    center: [],
    right: [],
  };
  let section: "left" | "center" | "right" = "center";
  const push = (piece: FooterPiece): void => {
    const list = out[section];
    const last = list[list.length - 1];
    if (typeof piece === "string" && typeof last === "string") list[list.length - 1] = last + piece;
    else list.push(piece);
  };
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch !== "&") {
      push(ch);
      continue;
    }
    const next = code[i + 1] ?? "";
    i++;
    if (next === "L") section = "left";
    else if (next === "C") section = "center";
    else if (next === "R") section = "right";
    else if (next === "P") push({ field: "page" });
    else if (next === "N") push({ field: "pages" });
    else if (next === "&") push("&");
    else if (next === '"')
      i = code.indexOf('"', i + 1) < 0 ? code.length : code.indexOf('"', i + 1);
    else if (/\d/u.test(next)) while (/\d/u.test(code[i + 1] ?? "")) i++;
    // &B &I &U &S &X &Y &D &T &F &A &K…: styles, dates and names have no place in the form.
  }
  const entries = (["left", "center", "right"] as const)
    .map((k) => [k, out[k]] as const)
    .filter(([, v]) => v.some((p) => typeof p !== "string" || p.trim() !== ""));
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** The text a cell displays. */
export function displayedText(c: GridCell | undefined): string {
  if (!c) return "";
  const text = c.text ?? formatValue(c.value, c.format);
  return text.replace(/\r\n?/gu, "\n");
}

/** Excel's General alignment: numbers right, TRUE/FALSE and errors centred, text left. */
function alignmentOf(c: GridCell | undefined): HAlign {
  if (c?.hAlign) return c.hAlign;
  const v = c?.value;
  if (typeof v === "number") return "right";
  if (typeof v === "boolean" || (typeof v === "object" && v !== null)) return "center";
  return "left";
}

class PageBuilder {
  constructor(
    private readonly grid: SheetGrid,
    private readonly area: Area,
    private readonly columns: readonly number[]
  ) {}

  private mergeAt(row: number, col: number): Area | undefined {
    return this.grid.merges.find((m) => inArea(m, row, col));
  }

  private border(row: number, col: number, side: keyof Edges<boolean>): boolean {
    return this.grid.cells.get(cell(row, col))?.border?.[side] ?? false;
  }

  /** An edge of a printed rectangle: drawn if a cell on it or the cell across it has a line there. */
  private edges(top: number, left: number, bottom: number, right: number): Edges<boolean> {
    const across = (
      rows: number[],
      cols: number[],
      own: keyof Edges<boolean>,
      other: keyof Edges<boolean>,
      dr: number,
      dc: number
    ): boolean =>
      rows.some((r) =>
        cols.some(
          (c) =>
            this.border(r, c, own) ||
            (r + dr >= 1 && c + dc >= 1 && this.border(r + dr, c + dc, other))
        )
      );
    const rows = range(top, bottom);
    const cols = range(left, right);
    return {
      top: across([top], cols, "top", "bottom", -1, 0),
      bottom: across([bottom], cols, "bottom", "top", 1, 0),
      left: across(rows, [left], "left", "right", 0, -1),
      right: across(rows, [right], "right", "left", 0, 1),
    };
  }

  /** A table of the given sheet rows (in print order; title rows may precede a page's rows). */
  table(rows: readonly number[], headerRows: number): PrintedTable {
    const printed: PrintedRow[] = rows.map((row, index) => {
      const cells: PrintedCell[] = [];
      this.columns.forEach((col, column) => {
        const m = this.mergeAt(row, col);
        if (!m) {
          cells.push(this.cell(row, col, column, 1, 1, row, col, this.edges(row, col, row, col)));
          return;
        }
        // The merge's part on this table: the run of its rows from here, its printed columns.
        const prev = rows[index - 1];
        const prevColumn = this.columns[column - 1];
        const startsRow = prev === undefined || !inArea(m, prev, col) || index === headerRows;
        const startsCol = prevColumn === undefined || !inArea(m, row, prevColumn);
        if (!startsRow || !startsCol) return;
        let rowSpan = 1;
        while (
          index + rowSpan < rows.length &&
          index + rowSpan !== headerRows &&
          inArea(m, rows[index + rowSpan] as number, col)
        )
          rowSpan++;
        const columnSpan = this.columns.slice(column).filter((c) => inArea(m, row, c)).length;
        const lastRow = rows[index + rowSpan - 1] as number;
        const lastCol = this.columns[column + columnSpan - 1] as number;
        // The text prints once, in the part holding the merge's top-left cell (or its first part
        // when that cell does not print).
        const anchorPrints = rows.slice(index, index + rowSpan).includes(m.top);
        const anchorHidden = !this.columns.includes(m.left) || !this.printsRow(m.top);
        const withText = anchorPrints || (anchorHidden && row === this.firstPrintedRow(m));
        cells.push(
          this.cell(
            m.top,
            m.left,
            column,
            columnSpan,
            rowSpan,
            row,
            col,
            this.edges(row, col, lastRow, lastCol),
            withText
          )
        );
      });
      return {
        sheetRow: row,
        height: this.grid.rowHeights.get(row) ?? this.grid.defaultRowHeight,
        cells,
      };
    });
    return { headerRows, rows: printed };
  }

  private printsRow(row: number): boolean {
    return row >= this.area.top && row <= this.area.bottom && !this.grid.hiddenRows.has(row);
  }

  private firstPrintedRow(m: Area): number {
    for (let r = Math.max(m.top, this.area.top); r <= m.bottom; r++)
      if (this.printsRow(r)) return r;
    return m.top;
  }

  private cell(
    sourceRow: number,
    sourceCol: number,
    column: number,
    columnSpan: number,
    rowSpan: number,
    row: number,
    col: number,
    border: Edges<boolean>,
    withText = true
  ): PrintedCell {
    const source = this.grid.cells.get(cell(sourceRow, sourceCol));
    const own = this.grid.cells.get(cell(row, col));
    const look = source ?? own;
    return {
      column,
      columnSpan,
      rowSpan,
      text: withText ? displayedText(source) : "",
      bold: look?.bold ?? false,
      fontSize: look?.fontSize ?? DEFAULT_FONT_PT,
      hAlign: alignmentOf(look),
      vAlign: look?.vAlign ?? "bottom",
      border,
    };
  }
}

/** One sheet as it prints. */
export function printSheet(grid: SheetGrid): PrintedSheet {
  const pages: PrintedPage[] = [];
  const titles = grid.titleRows;
  for (const area of areasOf(grid)) {
    const columns = range(area.left, area.right).filter((c) => !grid.hiddenColumns.has(c));
    if (columns.length === 0) continue;
    const builder = new PageBuilder(grid, area, columns);
    const rows = range(area.top, area.bottom).filter((r) => !grid.hiddenRows.has(r));
    const titleRows = titles
      ? range(titles.first, titles.last).filter((r) => !grid.hiddenRows.has(r))
      : [];
    const breaks = new Set(grid.rowBreaks);
    let page: number[] = [];
    const pageRows: number[][] = [];
    for (const r of rows) {
      page.push(r);
      if (breaks.has(r)) {
        pageRows.push(page);
        page = [];
      }
    }
    if (page.length) pageRows.push(page);
    let titlesSeen = false;
    for (const own of pageRows) {
      const tables: PrintedTable[] = [];
      const at = titleRows.length ? own.indexOf(titleRows[0] as number) : -1;
      if (at >= 0) {
        // The titles print here in place; from them on they are the table's repeating header.
        titlesSeen = true;
        if (at > 0) tables.push(builder.table(own.slice(0, at), 0));
        const count = titleRows.filter((r) => own.includes(r)).length;
        tables.push(builder.table(own.slice(at), count));
      } else if (titlesSeen) {
        tables.push(builder.table([...titleRows, ...own], titleRows.length));
      } else tables.push(builder.table(own, 0));
      pages.push({
        columnWidths: columns.map((c) => grid.columnWidths.get(c) ?? grid.defaultColumnWidth),
        tables,
      });
    }
  }
  const footer = grid.footer ? parseFooter(grid.footer) : undefined;
  return {
    sheet: grid.name,
    form: grid.form,
    orientation: grid.form === "huizong" ? "landscape" : "portrait",
    margins: grid.margins ?? DEFAULT_MARGINS,
    ...(footer ? { footer } : {}),
    pages,
  };
}
