/**
 * A1 addresses for the host model: parsing ("A1", "$B$5:$D$5", "1:3", "A:C", "'申报表-2024'!A1"),
 * formatting the way Range.address reports them ("Sheet1!A1:C3", no `$`), rectangle arithmetic,
 * and the cell references in a formula: finding them, and shifting the relative ones when one
 * formula applies to many cells (a formula written to a range, a conditional format's rule).
 */
import { fail } from "./errors";

/** Excel's grid (Excel specifications and limits: 1,048,576 rows by 16,384 columns). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based like Range.rowIndex / columnIndex. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

interface ParsedAddress {
  /** Sheet name as written before `!`, unquoted. */
  readonly sheet?: string;
  readonly rect: Rect;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** 0-based column of "A".."XFD" (case-insensitive), or -1. */
function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/u.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLS ? n - 1 : -1;
}

/** Splits a sheet prefix off an address; quoted names may contain `!` and `''`. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const a = address.trim();
  if (a.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < a.length) {
      const ch = a[i];
      if (ch === "'") {
        if (a[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i += 1;
    }
    if (a[i] !== "'" || a[i + 1] !== "!")
      fail("InvalidArgument", `Bad sheet reference: ${address}`);
    return { sheet: name, local: a.slice(i + 2) };
  }
  const bang = a.lastIndexOf("!");
  return bang < 0 ? { local: a } : { sheet: a.slice(0, bang), local: a.slice(bang + 1) };
}

type Part =
  | { kind: "cell"; row: number; col: number }
  | { kind: "row"; row: number }
  | { kind: "col"; col: number };

function parsePart(p: string): Part | undefined {
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u.exec(p);
  if (cell) {
    const col = columnIndex(cell[1] ?? "");
    const row = Number(cell[2]) - 1;
    return col >= 0 && row >= 0 && row < MAX_ROWS ? { kind: "cell", row, col } : undefined;
  }
  const col = /^\$?([A-Za-z]{1,3})$/u.exec(p);
  if (col) {
    const c = columnIndex(col[1] ?? "");
    return c >= 0 ? { kind: "col", col: c } : undefined;
  }
  const row = /^\$?(\d{1,7})$/u.exec(p);
  if (row) {
    const r = Number(row[1]) - 1;
    return r >= 0 && r < MAX_ROWS ? { kind: "row", row: r } : undefined;
  }
  return undefined;
}

function span(a: number, b: number): { start: number; count: number } {
  return { start: Math.min(a, b), count: Math.abs(a - b) + 1 };
}

/** The rectangle of a local address (no sheet); undefined when it is not an A1 reference. */
export function tryParseLocal(local: string): Rect | undefined {
  const parts = local.split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) return undefined;
  const a = parsePart(parts[0] ?? "");
  const b = parts.length === 2 ? parsePart(parts[1] ?? "") : a;
  if (!a || !b) return undefined;
  if (a.kind === "cell" && b.kind === "cell") {
    const r = span(a.row, b.row);
    const c = span(a.col, b.col);
    return { row: r.start, rows: r.count, col: c.start, cols: c.count };
  }
  // "A:C" and "1:3" need the colon: "A" alone or "3" alone is not a reference.
  if (parts.length !== 2) return undefined;
  if (a.kind === "col" && b.kind === "col") {
    const c = span(a.col, b.col);
    return { row: 0, rows: MAX_ROWS, col: c.start, cols: c.count };
  }
  if (a.kind === "row" && b.kind === "row") {
    const r = span(a.row, b.row);
    return { row: r.start, rows: r.count, col: 0, cols: MAX_COLS };
  }
  return undefined;
}

/** Parses an address; an invalid one is InvalidArgument, as Worksheet.getRange reports it. */
export function parseAddress(address: string, location = "Worksheet.getRange"): ParsedAddress {
  const { sheet, local } = splitSheet(address);
  const rect = tryParseLocal(local.trim());
  if (!rect) fail("InvalidArgument", `Not an A1 address: '${address}'`, location);
  return sheet === undefined ? { rect } : { sheet, rect };
}

export const isWholeColumns = (r: Rect): boolean => r.row === 0 && r.rows === MAX_ROWS;
export const isWholeRows = (r: Rect): boolean => r.col === 0 && r.cols === MAX_COLS;

/** "A1", "A1:C3", "A:C" or "1:3", as Range.address writes them (no `$`). */
export function formatRect(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const colL = (c: number): string => d + columnLetters(c);
  const rowN = (n: number): string => d + String(n + 1);
  if (isWholeRows(r)) return `${rowN(r.row)}:${rowN(r.row + r.rows - 1)}`;
  if (isWholeColumns(r)) return `${colL(r.col)}:${colL(r.col + r.cols - 1)}`;
  const start = colL(r.col) + rowN(r.row);
  if (r.rows === 1 && r.cols === 1) return start;
  return `${start}:${colL(r.col + r.cols - 1)}${rowN(r.row + r.rows - 1)}`;
}

/**
 * Whether a sheet name must be quoted in a reference. Excel leaves names made of letters, digits,
 * `_` and `.` bare (CJK letters included, e.g. 申报表!A1) unless they start with a digit or read as
 * a cell reference; anything else (spaces, `-`, `(`) is quoted: '申报表-2024'!A1.
 */
function sheetNeedsQuotes(name: string): boolean {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (tryParseLocal(name)) return true;
  return /^[RrCc](\d*)$|^[Rr]\d*[Cc]\d*$/u.test(name);
}

export function quoteSheet(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/gu, "''")}'` : name;
}

export function formatAddress(sheet: string, r: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${formatRect(r, absolute)}`;
}

export const cellKey = (row: number, col: number): string => `${row},${col}`;

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

export const sameRect = (a: Rect, b: Rect): boolean =>
  a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;

/**
 * Covers a set of cells with rectangles: take the first uncovered cell in row-major order, grow
 * right, then down while the whole row segment belongs to the set. A set that is one rectangle
 * comes back as exactly that rectangle, which is what snapshot assertions compare against.
 */
export function coverCells(cells: ReadonlyArray<readonly [number, number]>): Rect[] {
  const set = new Set(cells.map(([r, c]) => cellKey(r, c)));
  const sorted = [...cells].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const done = new Set<string>();
  const out: Rect[] = [];
  for (const [row, col] of sorted) {
    if (done.has(cellKey(row, col))) continue;
    let cols = 1;
    while (set.has(cellKey(row, col + cols)) && !done.has(cellKey(row, col + cols))) cols += 1;
    let rows = 1;
    const rowFits = (r: number): boolean => {
      for (let c = col; c < col + cols; c += 1) {
        if (!set.has(cellKey(r, c)) || done.has(cellKey(r, c))) return false;
      }
      return true;
    };
    while (rowFits(row + rows)) rows += 1;
    for (let r = row; r < row + rows; r += 1) {
      for (let c = col; c < col + cols; c += 1) done.add(cellKey(r, c));
    }
    out.push({ row, col, rows, cols });
  }
  return out;
}

/** One A1 cell reference in a formula ("B35", "$J$4", each end of "B2:C3"), 0-based. */
export interface CellReference {
  /** Where the reference starts in the formula, and its text there. */
  readonly index: number;
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowAbsolute: boolean;
  readonly colAbsolute: boolean;
}

/**
 * The A1 cell references of a formula, in order. String literals and quoted sheet names are
 * skipped; function names ("LOG10(") and defined names ("SB_total") are not references;
 * whole-row/column references ("A:A", "1:1") are not reported (no formula here uses them).
 */
export function cellReferences(formula: string): CellReference[] {
  const out: CellReference[] = [];
  const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(.])/u;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? "";
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j += 1;
      }
      i = j + 1;
      continue;
    }
    const prev = formula[i - 1] ?? "";
    const m = /[A-Za-z0-9_.$\\]/u.test(prev) ? null : ref.exec(formula.slice(i));
    const col = m ? columnIndex(m[2] ?? "") : -1;
    const row = m ? Number(m[4]) - 1 : -1;
    if (m && col >= 0 && row >= 0 && row < MAX_ROWS) {
      out.push({
        index: i,
        text: m[0],
        row,
        col,
        rowAbsolute: m[3] === "$",
        colAbsolute: m[1] === "$",
      });
      i += m[0].length;
      continue;
    }
    i += m ? m[0].length : 1;
  }
  return out;
}

/**
 * Shifts the relative parts of a formula's A1 references by (dRow, dCol), as Excel does when one
 * formula is assigned to a whole range ("=B1" into A1:A3 gives =B1, =B2, =B3); a reference
 * shifted off the grid becomes #REF!.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let at = 0;
  for (const r of cellReferences(formula)) {
    const row = r.row + (r.rowAbsolute ? 0 : dRow);
    const col = r.col + (r.colAbsolute ? 0 : dCol);
    const inGrid = row >= 0 && row < MAX_ROWS && col >= 0 && col < MAX_COLS;
    out += formula.slice(at, r.index);
    out += inGrid
      ? `${r.colAbsolute ? "$" : ""}${columnLetters(col)}${r.rowAbsolute ? "$" : ""}${row + 1}`
      : "#REF!";
    at = r.index + r.text.length;
  }
  return out + formula.slice(at);
}
