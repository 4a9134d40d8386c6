/**
 * The modelled workbook's state and the rules Excel enforces on it. The host (../server.ts)
 * executes the client library's requests against it; tests seed and inspect it directly.
 * It holds what the add-in writes and reads (cells, their formats and validation, merges,
 * conditional formats, names, tables, notes, page layout) and nothing else: a member the host
 * does not use is not here.
 * Every mutating method validates everything first and only then mutates, so an operation that
 * fails leaves no partial change behind.
 */
import {
  cellKey,
  cellReferences,
  columnLetters,
  coverCells,
  formatAddress,
  formatRect,
  intersects,
  isWholeColumns,
  isWholeRows,
  MAX_COLS,
  MAX_ROWS,
  parseAddress,
  quoteSheet,
  sameRect,
  shiftFormula,
  splitSheet,
  tryParseLocal,
  type Rect,
} from "./address";
import { fail } from "./errors";
import { type RequirementSets, RequirementSetSupport } from "./requirements";
import { enterInput, type CellScalar } from "./values";

/** Cells touched by one per-cell operation at most; whole-column formatting is not modelled. */
const MAX_CELLS_PER_OPERATION = 250_000;

export type BorderSide = "top" | "bottom" | "left" | "right";

export interface BorderState {
  style: string;
  color: string;
  weight: string;
}

export interface FontState {
  bold: boolean;
  color: string;
  size: number;
}

export interface PromptState {
  showPrompt: boolean;
  title: string;
  message: string;
}

export interface ErrorAlertState {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

/** A DataValidationRule with exactly one criterion, normalised (Range sources become "=Sheet!$A$1:$A$3"). */
export type StoredRule = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface ValidationState {
  rule?: StoredRule;
  prompt?: PromptState;
  errorAlert?: ErrorAlertState;
}

export interface CellState {
  /** A constant; "" in a formula cell: the host calculates formulas when they are read. */
  value: CellScalar;
  formula?: string;
  numberFormat: string;
  /** Fill colour; undefined = no fill. */
  fill?: string;
  font: FontState;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borders: Partial<Record<BorderSide, BorderState>>;
  validation?: ValidationState;
}

/** A custom conditional format (the only type the host adds) on one rectangle. */
export interface ConditionalFormatState {
  readonly id: string;
  readonly range: Rect;
  /** As written, relative to the range's top-left cell (see formulaAt). */
  formula: string;
  fill?: string;
  fontColor?: string;
}

/** A defined name; every name the host holds refers to a range (see FakeExcel.addName). */
export interface NameState {
  readonly name: string;
  readonly formula: string;
  /** Worksheet scope; undefined = workbook scope. */
  readonly sheet?: SheetState;
}

export interface TableState {
  readonly id: string;
  name: string;
  readonly sheet: SheetState;
  readonly rect: Rect;
  style: string;
}

export interface ZoomState {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

/** PageLayout's margins, in points as Office.js gives them (leftMargin … footerMargin). */
export interface MarginsState {
  left?: number;
  right?: number;
  top?: number;
  bottom?: number;
  header?: number;
  footer?: number;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: ZoomState;
  margins: MarginsState;
  centerHorizontally: boolean;
  blackAndWhite: boolean;
  printArea?: Rect[];
  printTitleRows?: Rect;
  /** headersFooters.defaultForAllPages.centerFooter, the one header or footer the add-in sets. */
  centerFooter: string;
}

export interface NoteState {
  readonly row: number;
  readonly col: number;
  readonly content: string;
}

export interface FakeExcelOptions {
  /** Sheets the workbook starts with (default: one sheet, "Sheet1"). */
  readonly sheets?: readonly string[];
  /**
   * Highest supported version per requirement set. The default is ExcelApi 1.15, the newest set
   * the client library in `@microsoft/office-js` 1.1.110 implements (it has no `Worksheet.notes`,
   * ExcelApi 1.18): a host reporting more than its client library has would let the add-in take
   * a path whose objects the library cannot build.
   */
  readonly requirementSets?: RequirementSets;
}

/** The newest ExcelApi set the client library of `@microsoft/office-js` 1.1.110 implements. */
const CLIENT_EXCEL_API = "1.15";

const DEFAULT_FONT: Readonly<FontState> = { bold: false, color: "#000000", size: 11 };

function newCell(): CellState {
  return {
    value: "",
    numberFormat: "General",
    font: { ...DEFAULT_FONT },
    wrapText: false,
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    borders: {},
  };
}

const EMPTY_CELL: Readonly<CellState> = Object.freeze(newCell());

function hasContent(c: CellState): boolean {
  return c.value !== "" || c.formula !== undefined;
}

function hasFormat(c: CellState): boolean {
  return (
    c.numberFormat !== "General" ||
    c.fill !== undefined ||
    JSON.stringify(c.font) !== JSON.stringify(DEFAULT_FONT) ||
    c.wrapText ||
    c.horizontalAlignment !== "General" ||
    c.verticalAlignment !== "Bottom" ||
    Object.keys(c.borders).length > 0
  );
}

/** Dimension check shared by values, formulas and numberFormat (a scalar fills every cell). */
function cellInputs(
  rect: Rect,
  input: unknown,
  location: string
): { at: (r: number, c: number) => unknown; scalar: boolean } {
  if (input === null || input === undefined) {
    // "null is not a valid input for single property" (Blank and null values in Excel add-ins).
    fail("InvalidArgument", "null is not a valid value for this property.", location);
  }
  if (!Array.isArray(input)) return { at: () => input, scalar: true };
  const rows: unknown[] = input;
  const ok =
    rows.length === rect.rows &&
    rows.every((row) => Array.isArray(row) && (row as unknown[]).length === rect.cols);
  if (!ok) {
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of ` +
        `the range (${rect.rows}x${rect.cols}).`,
      location
    );
  }
  return { at: (r, c) => (rows[r] as unknown[])[c], scalar: false };
}

/**
 * The formula of a custom conditional format as it applies to one cell of its range: the rule's
 * formula is written for the range's top-left cell, and its relative references move with the
 * cell it is evaluated for, as when one formula is written to a whole range.
 *
 * Microsoft's pages show this without stating it in a sentence: "Apply conditional formatting to
 * Excel ranges" (Custom) puts `=IF(B8>INDIRECT("RC[-1]",0),TRUE)` on B8:E13 to colour "cells with
 * higher values than the cell to their left", naming B8, the top-left cell, for every cell; the
 * ExcelScript.ConditionalFormatRule example builds its formula from `getCell(0, 0)` of the range.
 * A writer that anchors a formula at another cell (B36 for B35:D35) tests every cell one row off,
 * which is what this function shows.
 *
 * Where the pages are silent the host refuses rather than guesses: which cell anchors a format on
 * several areas is not documented (ConditionalFormatCollection.add is on one range here, see
 * SheetState.addConditionalFormat), nor what Excel does with a relative reference moved past the
 * grid's edge, so such a reference is HostLimitation here.
 */
export function formulaAt(cf: ConditionalFormatState, cell: string): string {
  const location = "formulaAt";
  const { rect } = parseAddress(cell, location);
  if (rect.rows !== 1 || rect.cols !== 1 || !intersects(cf.range, rect))
    fail("InvalidArgument", `${cell} is not a cell of ${formatRect(cf.range)}.`, location);
  const dRow = rect.row - cf.range.row;
  const dCol = rect.col - cf.range.col;
  for (const r of cellReferences(cf.formula)) {
    const row = r.row + (r.rowAbsolute ? 0 : dRow);
    const col = r.col + (r.colAbsolute ? 0 : dCol);
    if (row >= MAX_ROWS || col >= MAX_COLS)
      fail(
        "HostLimitation",
        `${r.text} in ${cf.formula} moves past the grid's edge at ${cell}; the host does not ` +
          `model how Excel reads it.`,
        location
      );
  }
  return shiftFormula(cf.formula, dRow, dCol);
}

export class SheetState {
  readonly cells = new Map<string, CellState>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  merges: Rect[] = [];
  /** Priority order: index 0 is the top priority (ConditionalFormatCollection.add adds at the top). */
  conditionalFormats: ConditionalFormatState[] = [];
  names: NameState[] = [];
  readonly pageLayout: PageLayoutState = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    margins: {},
    centerHorizontally: false,
    blackAndWhite: false,
    centerFooter: "",
  };
  freeze = { rows: 0, columns: 0 };
  /** 0-based rows a horizontal page break precedes. */
  pageBreaks: number[] = [];
  notes: NoteState[] = [];

  constructor(
    readonly book: FakeExcel,
    readonly id: string,
    public name: string
  ) {}

  get position(): number {
    return this.book.sheets.indexOf(this);
  }

  cell(row: number, col: number): Readonly<CellState> {
    return this.cells.get(cellKey(row, col)) ?? EMPTY_CELL;
  }

  ensure(row: number, col: number): CellState {
    const key = cellKey(row, col);
    let c = this.cells.get(key);
    if (!c) {
      c = newCell();
      this.cells.set(key, c);
    }
    return c;
  }

  /** Every (row, col) of a rectangle, refusing sizes the model does not cover. */
  positions(rect: Rect, location: string): Array<readonly [number, number]> {
    if (rect.rows * rect.cols > MAX_CELLS_PER_OPERATION) {
      fail(
        "HostLimitation",
        `The host does not model per-cell operations on ${rect.rows * rect.cols} cells ` +
          `(${formatRect(rect)}); use a bounded range.`,
        location
      );
    }
    const out: Array<readonly [number, number]> = [];
    for (let r = rect.row; r < rect.row + rect.rows; r += 1) {
      for (let c = rect.col; c < rect.col + rect.cols; c += 1) out.push([r, c]);
    }
    return out;
  }

  grid<T>(rect: Rect, location: string, read: (cell: Readonly<CellState>) => T): T[][] {
    this.positions(rect, location);
    const out: T[][] = [];
    for (let r = rect.row; r < rect.row + rect.rows; r += 1) {
      const line: T[] = [];
      for (let c = rect.col; c < rect.col + rect.cols; c += 1) line.push(read(this.cell(r, c)));
      out.push(line);
    }
    return out;
  }

  /** The stored constants; a formula cell holds "" (the host calculates it on a read). */
  values(rect: Rect, location: string): CellScalar[][] {
    return this.grid(rect, location, (c) => c.value);
  }

  formulas(rect: Rect, location: string): CellScalar[][] {
    return this.grid(rect, location, (c) => c.formula ?? c.value);
  }

  /** Range.values / Range.formulas assignment: typed-input semantics (see values.ts). */
  writeInput(rect: Rect, input: unknown, location: string): void {
    const { at, scalar } = cellInputs(rect, input, location);
    const planned: Array<{ r: number; c: number; entered: ReturnType<typeof enterInput> }> = [];
    for (const [r, c] of this.positions(rect, location)) {
      let v = at(r - rect.row, c - rect.col);
      if (v === null) continue; // "null input in 2-D array": leave that cell unchanged
      if (scalar && typeof v === "string" && v.startsWith("=")) {
        v = shiftFormula(v, r - rect.row, c - rect.col);
      }
      planned.push({ r, c, entered: enterInput(v, this.cell(r, c).numberFormat, location) });
    }
    for (const { r, c, entered } of planned) {
      const cell = this.ensure(r, c);
      cell.value = entered.value;
      if (entered.formula === undefined) delete cell.formula;
      else cell.formula = entered.formula;
      if (entered.autoFormat && cell.numberFormat === "General")
        cell.numberFormat = entered.autoFormat;
    }
  }

  writeNumberFormat(rect: Rect, input: unknown, location: string): void {
    const { at } = cellInputs(rect, input, location);
    const planned: Array<{ r: number; c: number; f: string }> = [];
    for (const [r, c] of this.positions(rect, location)) {
      const f = at(r - rect.row, c - rect.col);
      if (f === null) continue;
      if (typeof f !== "string")
        fail("InvalidArgument", "A number format must be a string.", location);
      planned.push({ r, c, f: f === "" ? "General" : f });
    }
    for (const { r, c, f } of planned) this.ensure(r, c).numberFormat = f;
  }

  /** Applies a format change to every cell of the rectangle. */
  format(rect: Rect, location: string, apply: (cell: CellState) => void): void {
    for (const [r, c] of this.positions(rect, location)) apply(this.ensure(r, c));
  }

  /**
   * Range.merge(across). Excel keeps the upper-left value only. Merging over an existing merge
   * that overlaps without being the same area, or over a table, is refused (InvalidOperation);
   * re-merging exactly the same area is a no-op.
   */
  merge(rect: Rect, across: boolean, location: string): void {
    const targets: Rect[] = across
      ? Array.from({ length: rect.rows }, (_, i) => ({ ...rect, row: rect.row + i, rows: 1 }))
      : [rect];
    const fresh: Rect[] = [];
    for (const t of targets) {
      if (t.rows * t.cols === 1) continue;
      this.positions(t, location);
      if (this.merges.some((m) => sameRect(m, t))) continue;
      const clash = this.merges.find((m) => intersects(m, t));
      if (clash) {
        fail(
          "InvalidOperation",
          `Cannot merge ${formatRect(t)}: it overlaps the merged area ${formatRect(clash)}.`,
          location
        );
      }
      const table = this.book.tables.find((tb) => tb.sheet === this && intersects(tb.rect, t));
      if (table)
        fail("InvalidOperation", `Cannot merge cells inside table ${table.name}.`, location);
      fresh.push(t);
    }
    for (const t of fresh) {
      for (const [r, c] of this.positions(t, location)) {
        if (r === t.row && c === t.col) continue;
        const cell = this.cells.get(cellKey(r, c));
        if (cell) {
          cell.value = "";
          delete cell.formula;
        }
      }
      this.merges.push(t);
    }
  }

  /** Bounding rectangle of the used cells (values only, or values and formats), or null. */
  usedRect(valuesOnly: boolean): Rect | null {
    let box: { r0: number; c0: number; r1: number; c1: number } | undefined;
    for (const [key, cell] of this.cells) {
      if (!(hasContent(cell) || (!valuesOnly && (hasFormat(cell) || cell.validation)))) continue;
      const [r, c] = key.split(",").map(Number) as [number, number];
      if (!box) box = { r0: r, c0: c, r1: r, c1: c };
      else
        box = {
          r0: Math.min(box.r0, r),
          c0: Math.min(box.c0, c),
          r1: Math.max(box.r1, r),
          c1: Math.max(box.c1, c),
        };
    }
    return box
      ? { row: box.r0, col: box.c0, rows: box.r1 - box.r0 + 1, cols: box.c1 - box.c0 + 1 }
      : null;
  }

  // ---- data validation -------------------------------------------------------------------

  /**
   * DataValidation.rule = …  The docs say a rule holds one criterion ("No more than one of these
   * properties may be present", Add data validation to Excel ranges) and recommend clearing before
   * setting; Excel answers InvalidArgument when the range's existing validation is mixed. The host
   * is strict: if any cell of the range already has a rule other than the one being set, or the
   * range is partly validated, the assignment fails with InvalidArgument, so a writer that forgets
   * DataValidation.clear() fails its test. Setting the same rule again is allowed.
   */
  setRule(rect: Rect, rule: StoredRule, location: string): void {
    const want = JSON.stringify(rule);
    const existing = new Set<string>();
    const positions = this.positions(rect, location);
    for (const [r, c] of positions) {
      const v = this.cell(r, c).validation?.rule;
      existing.add(v ? JSON.stringify(v) : "none");
    }
    const clean = existing.size === 1 && (existing.has("none") || existing.has(want));
    if (!clean) {
      fail(
        "InvalidArgument",
        `${formatRect(rect)} already has a different or mixed data validation rule; call ` +
          `dataValidation.clear() first.`,
        location
      );
    }
    for (const [r, c] of positions) {
      const cell = this.ensure(r, c);
      cell.validation = { ...cell.validation, rule };
    }
  }

  setValidationPart(rect: Rect, location: string, apply: (v: ValidationState) => void): void {
    for (const [r, c] of this.positions(rect, location)) {
      const cell = this.ensure(r, c);
      const v: ValidationState = { ...cell.validation };
      apply(v);
      cell.validation = v;
    }
  }

  clearValidation(rect: Rect, location: string): void {
    for (const [r, c] of this.positions(rect, location)) {
      const cell = this.cells.get(cellKey(r, c));
      if (cell) delete cell.validation;
    }
  }

  // ---- conditional formats -------------------------------------------------------------------

  /**
   * ConditionalFormatCollection.add("Custom"): a format on one rectangle, at the top priority
   * ("Adds a new conditional format to the collection at the first/top priority",
   * Excel.ConditionalFormatCollection). Its formula is read relative to the range's top-left cell
   * (see formulaAt). Microsoft's pages do not say which cell anchors a format on several areas
   * (RangeAreas.conditionalFormats) or how a relative reference wraps at the grid's edge, which a
   * format on whole rows or columns reaches; rather than guess, the host refuses both
   * (HostLimitation), so a writer that relies on either fails its test.
   */
  addConditionalFormat(areas: readonly Rect[], location: string): ConditionalFormatState {
    const [range] = areas;
    if (range === undefined || areas.length !== 1)
      fail(
        "HostLimitation",
        `A conditional format on ${areas.length} areas is not modelled: which cell anchors its ` +
          `formula is not documented.`,
        location
      );
    if (isWholeRows(range) || isWholeColumns(range))
      fail(
        "HostLimitation",
        `A conditional format on whole rows or columns (${formatRect(range)}) is not modelled: ` +
          `how its relative references wrap at the grid's edge is not documented.`,
        location
      );
    const cf: ConditionalFormatState = { id: this.book.nextId("cf"), range, formula: "" };
    this.conditionalFormats.unshift(cf);
    return cf;
  }

  conditionalFormatsOn(rect: Rect): ConditionalFormatState[] {
    return this.conditionalFormats.filter((cf) => intersects(cf.range, rect));
  }

  // ---- notes ------------------------------------------------------------------------------------

  addNote(row: number, col: number, content: string, location: string): NoteState {
    if (this.notes.some((n) => n.row === row && n.col === col)) {
      fail(
        "ItemAlreadyExists",
        `Cell ${formatRect({ row, col, rows: 1, cols: 1 })} already has a note.`,
        location
      );
    }
    const note: NoteState = { row, col, content };
    this.notes.push(note);
    return note;
  }
}

/**
 * Defined-name syntax (MS-XLSB 2.5.166 XLNameWideString): starts with a letter, "_" or "\",
 * continues with letters, digits, "_", ".", "?" or "\"; at most 255 characters; not TRUE/FALSE;
 * not an A1 reference; not beginning with an R1C1 reference (R<row>, C<column>); and, as Excel's
 * UI adds, not "R", "C" or "RC" alone (relative R1C1 references).
 */
export function definedNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 255) return "must have 1 to 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.?\\]*$/u.test(name)) {
    return "must start with a letter or underscore and contain only letters, digits, _ and .";
  }
  if (/^(true|false)$/iu.test(name)) return "must not be TRUE or FALSE";
  if (tryParseLocal(name)) return "must not be a cell reference";
  if (/^(r|c|rc)$/iu.test(name) || /^[RrCc][1-9]/u.test(name))
    return "must not be an R1C1 reference";
  return undefined;
}

/**
 * Worksheet names, as Excel's rename rules state them: not blank, at most 31 characters
 * (Excel.Worksheet.name: "must be fewer than 32 characters"), none of : \ / ? * [ ], not starting
 * or ending with an apostrophe, and not the reserved name "History".
 */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return "must not be empty";
  if (name.length > 31) return "must be fewer than 32 characters";
  if (/[:\\/?*[\]]/u.test(name)) return "must not contain : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "must not start or end with an apostrophe";
  if (name.toUpperCase() === "HISTORY") return "History is reserved";
  return undefined;
}

const sameName = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

export class FakeExcel {
  readonly sheets: SheetState[] = [];
  /** Workbook-scoped names. */
  names: NameState[] = [];
  tables: TableState[] = [];
  activeSheet: SheetState | undefined;
  selection: { sheet: SheetState; rect: Rect } | undefined;
  readonly requirements: RequirementSetSupport;
  private idCounter = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.requirements = new RequirementSetSupport(
      options.requirementSets ?? { ExcelApi: CLIENT_EXCEL_API }
    );
    for (const name of options.sheets ?? ["Sheet1"]) this.addSheet(name, "FakeExcel");
  }

  nextId(kind: string): string {
    this.idCounter += 1;
    return `{${kind}-${this.idCounter}}`;
  }

  findSheet(key: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === key || sameName(s.name, key));
  }

  sheetOrFail(key: string, location: string): SheetState {
    return this.findSheet(key) ?? fail("ItemNotFound", `No worksheet named '${key}'.`, location);
  }

  /** The sheet with this name, for test assertions; throws if absent. */
  sheet(name: string): SheetState {
    return this.sheetOrFail(name, "FakeExcel.sheet");
  }

  /** WorksheetCollection.add: appended at the end; unnamed sheets get the next "SheetN". */
  addSheet(name: string | undefined, location: string): SheetState {
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n += 1;
      chosen = `Sheet${n}`;
    }
    const problem = sheetNameProblem(chosen);
    if (problem) fail("InvalidArgument", `Worksheet name '${chosen}' ${problem}.`, location);
    if (this.findSheet(chosen))
      fail("ItemAlreadyExists", `A worksheet named '${chosen}' already exists.`, location);
    const sheet = new SheetState(this, this.nextId("sheet"), chosen);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  /** Worksheet.delete: a workbook keeps at least one (visible) worksheet. */
  deleteSheet(sheet: SheetState, location: string): void {
    if (this.sheets.length <= 1)
      fail("InvalidOperation", "A workbook must contain at least one visible worksheet.", location);
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.max(0, i - 1)];
    if (this.selection?.sheet === sheet) this.selection = undefined;
  }

  // ---- names ----------------------------------------------------------------------------------

  namesIn(scope: SheetState | undefined): NameState[] {
    return scope ? scope.names : this.names;
  }

  /**
   * NamedItemCollection.add. Invalid syntax → InvalidArgument; a name that exists in the same
   * scope (case-insensitively) or as a table name → ItemAlreadyExists. The same name may exist
   * once per sheet scope and once at workbook scope.
   */
  addName(
    scope: SheetState | undefined,
    name: string,
    reference: string | { sheet: SheetState; rect: Rect },
    location: string
  ): NameState {
    const problem = definedNameProblem(name);
    if (problem) fail("InvalidArgument", `Name '${name}' ${problem}.`, location);
    if (
      this.namesIn(scope).some((n) => sameName(n.name, name)) ||
      this.tables.some((t) => sameName(t.name, name))
    ) {
      fail("ItemAlreadyExists", `The name '${name}' already exists in this scope.`, location);
    }
    const formula =
      typeof reference === "string"
        ? this.referenceFormula(reference, scope, location)
        : `=${formatAddress(reference.sheet.name, reference.rect, true)}`;
    const item: NameState = scope ? { name, formula, sheet: scope } : { name, formula };
    this.namesIn(scope).push(item);
    return item;
  }

  /**
   * A name's formula: "=" is added when missing; an A1 reference without a sheet ("=$B$5") is
   * qualified with the scope sheet (the active sheet at workbook scope), keeping its `$` markers,
   * as Name Manager shows it; a reference to a sheet that does not exist is InvalidArgument. A
   * name for anything but one A1 reference (a constant, a formula) is not modelled.
   */
  private referenceFormula(
    reference: string,
    scope: SheetState | undefined,
    location: string
  ): string {
    const formula = reference.startsWith("=") ? reference : `=${reference}`;
    const body = formula.slice(1);
    const parts = splitSheet(body);
    if (!tryParseLocal(parts.local))
      fail(
        "HostLimitation",
        `A name for '${reference}', not a reference, is not modelled.`,
        location
      );
    if (parts.sheet !== undefined) {
      if (!this.findSheet(parts.sheet)) {
        fail("InvalidArgument", `The reference '${reference}' names a missing sheet.`, location);
      }
      return formula;
    }
    const sheet = scope ?? this.activeSheet;
    return sheet ? `=${quoteSheet(sheet.name)}!${body}` : formula;
  }

  // ---- tables ---------------------------------------------------------------------------------

  /**
   * TableCollection.add(address, hasHeaders). Overlapping another table or merged cells is
   * MergedRangeConflict ("A table can't overlap with another table, a PivotTable report, query
   * results, merged cells, or an XML Map", Excel-specific error codes); older hosts reported
   * InvalidArgument for the table case, so error mapping should accept both. A duplicate name is
   * InvalidArgument. Empty header cells get "Column1", "Column2", … as Excel names them.
   */
  addTable(sheet: SheetState, rect: Rect, hasHeaders: boolean, location: string): TableState {
    if (!hasHeaders) {
      fail(
        "HostLimitation",
        "tables.add(…, false) inserts a header row; the host does not model it.",
        location
      );
    }
    if (rect.rows < 2)
      fail("InvalidArgument", "A table with headers needs at least two rows.", location);
    sheet.positions(rect, location);
    const clash = this.tables.find((t) => t.sheet === sheet && intersects(t.rect, rect));
    if (clash)
      fail("MergedRangeConflict", `A table can't overlap another table (${clash.name}).`, location);
    const merged = sheet.merges.find((m) => intersects(m, rect));
    if (merged) {
      fail(
        "MergedRangeConflict",
        `A table can't overlap merged cells (${formatRect(merged)}).`,
        location
      );
    }
    let n = 1;
    while (
      this.tables.some((t) => sameName(t.name, `Table${n}`)) ||
      this.names.some((t) => sameName(t.name, `Table${n}`))
    ) {
      n += 1;
    }
    const table: TableState = {
      id: this.nextId("table"),
      name: `Table${n}`,
      sheet,
      rect,
      style: "TableStyleMedium2",
    };
    for (let c = 0; c < rect.cols; c += 1) {
      const cell = sheet.cell(rect.row, rect.col + c);
      if (cell.value === "" && cell.formula === undefined)
        sheet.ensure(rect.row, rect.col + c).value = `Column${c + 1}`;
    }
    this.tables.push(table);
    return table;
  }

  renameTable(table: TableState, name: string, location: string): void {
    const problem = definedNameProblem(name);
    if (problem) fail("InvalidArgument", `Table name '${name}' ${problem}.`, location);
    const taken =
      this.tables.some((t) => t !== table && sameName(t.name, name)) ||
      this.names.some((n) => sameName(n.name, name));
    if (taken) fail("InvalidArgument", `The table name '${name}' is already in use.`, location);
    table.name = name;
  }

  // ---- seeding and snapshots --------------------------------------------------------------------

  /** Adds (or reuses) a sheet and returns a seeder that writes user content without the protocol. */
  seedSheet(name: string): SheetSeeder {
    return new SheetSeeder(this.findSheet(name) ?? this.addSheet(name, "FakeExcel.seedSheet"));
  }

  snapshot(): WorkbookSnapshot {
    return {
      activeSheet: this.activeSheet?.name,
      selection: this.selection
        ? formatAddress(this.selection.sheet.name, this.selection.rect)
        : undefined,
      sheets: this.sheets.map((s) => snapshotSheet(this, s)),
      names: this.names.map((n) => snapshotName(n)),
    };
  }
}

export interface CellSnapshot {
  value?: CellScalar;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  font?: Partial<FontState>;
  wrapText?: true;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders?: Partial<Record<BorderSide, BorderState>>;
}

export interface ValidationSnapshot extends ValidationState {
  address: string;
}

export interface ConditionalFormatSnapshot {
  /** The format's areas, as ConditionalFormat.getRanges reports them (one here). */
  ranges: string[];
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface NameSnapshot {
  name: string;
  formula: string;
}

export interface SheetSnapshot {
  name: string;
  /** Non-empty cells by A1 address, non-default fields only. */
  cells: Record<string, CellSnapshot>;
  columnWidths: Record<string, number>;
  rowHeights: Record<number, number>;
  hiddenColumns: string[];
  merges: string[];
  validations: ValidationSnapshot[];
  /** In priority order, top first. */
  conditionalFormats: ConditionalFormatSnapshot[];
  names: NameSnapshot[];
  tables: Array<{ name: string; address: string; style: string; headers: CellScalar[] }>;
  pageLayout: Omit<PageLayoutState, "printArea" | "printTitleRows"> & {
    printArea?: string;
    printTitleRows?: string;
  };
  freeze: { rows: number; columns: number };
  /** 1-based row numbers a horizontal page break precedes. */
  pageBreaks: number[];
  notes: Array<{ address: string; content: string }>;
}

export interface WorkbookSnapshot {
  activeSheet: string | undefined;
  selection: string | undefined;
  sheets: SheetSnapshot[];
  /** Workbook-scoped names. */
  names: NameSnapshot[];
}

function snapshotName(n: NameState): NameSnapshot {
  return { name: n.name, formula: n.formula };
}

function snapshotCell(c: CellState): CellSnapshot | undefined {
  const out: CellSnapshot = {};
  if (c.formula !== undefined) out.formula = c.formula;
  else if (c.value !== "") out.value = c.value;
  if (c.numberFormat !== "General") out.numberFormat = c.numberFormat;
  if (c.fill !== undefined) out.fill = c.fill;
  const font: Partial<FontState> = {};
  for (const k of Object.keys(DEFAULT_FONT) as Array<keyof FontState>) {
    if (c.font[k] !== DEFAULT_FONT[k]) (font as Record<string, unknown>)[k] = c.font[k];
  }
  if (Object.keys(font).length > 0) out.font = font;
  if (c.wrapText) out.wrapText = true;
  if (c.horizontalAlignment !== "General") out.horizontalAlignment = c.horizontalAlignment;
  if (c.verticalAlignment !== "Bottom") out.verticalAlignment = c.verticalAlignment;
  if (Object.keys(c.borders).length > 0) out.borders = structuredClone(c.borders);
  return Object.keys(out).length > 0 ? out : undefined;
}

function snapshotSheet(book: FakeExcel, s: SheetState): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  const byValidation = new Map<string, Array<readonly [number, number]>>();
  const sortedKeys = [...s.cells.keys()].sort((a, b) => {
    const [ar = 0, ac = 0] = a.split(",").map(Number);
    const [br = 0, bc = 0] = b.split(",").map(Number);
    return ar - br || ac - bc;
  });
  for (const key of sortedKeys) {
    const cell = s.cells.get(key);
    if (!cell) continue;
    const [r = 0, c = 0] = key.split(",").map(Number);
    const snap = snapshotCell(cell);
    if (snap) cells[formatRect({ row: r, col: c, rows: 1, cols: 1 })] = snap;
    if (cell.validation) {
      const k = JSON.stringify(cell.validation);
      byValidation.set(k, [...(byValidation.get(k) ?? []), [r, c] as const]);
    }
  }
  const validations: ValidationSnapshot[] = [];
  for (const [k, positions] of byValidation) {
    const v = JSON.parse(k) as ValidationState;
    for (const rect of coverCells(positions)) validations.push({ address: formatRect(rect), ...v });
  }
  const { printArea, printTitleRows, ...layout } = structuredClone(s.pageLayout);
  return {
    name: s.name,
    cells,
    columnWidths: Object.fromEntries(
      [...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w])
    ),
    rowHeights: Object.fromEntries(
      [...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h])
    ),
    hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
    merges: s.merges.map((m) => formatRect(m)).sort(),
    validations,
    conditionalFormats: s.conditionalFormats.map((cf) => ({
      ranges: [formatRect(cf.range)],
      formula: cf.formula,
      ...(cf.fill !== undefined ? { fill: cf.fill } : {}),
      ...(cf.fontColor !== undefined ? { fontColor: cf.fontColor } : {}),
    })),
    names: s.names.map((n) => snapshotName(n)),
    tables: book.tables
      .filter((t) => t.sheet === s)
      .map((t) => ({
        name: t.name,
        address: formatRect(t.rect),
        style: t.style,
        headers: s.values({ ...t.rect, rows: 1 }, "snapshot")[0] ?? [],
      })),
    pageLayout: {
      ...layout,
      ...(printArea ? { printArea: printArea.map((r) => formatRect(r, true)).join(",") } : {}),
      ...(printTitleRows ? { printTitleRows: formatRect(printTitleRows, true) } : {}),
    },
    freeze: { ...s.freeze },
    pageBreaks: s.pageBreaks.map((row) => row + 1).sort((a, b) => a - b),
    notes: s.notes.map((n) => ({
      address: formatRect({ row: n.row, col: n.col, rows: 1, cols: 1 }),
      content: n.content,
    })),
  };
}

/** Cell content a test seeds: a bare value, or a value with a fill. */
export type SeedCell = CellScalar | { readonly value?: CellScalar; readonly fill?: string };

/** Writes a user's content straight into the state: no queue, no sync, stored verbatim. */
export class SheetSeeder {
  constructor(readonly sheet: SheetState) {}

  private rect(address: string): Rect {
    return parseAddress(address, "SheetSeeder").rect;
  }

  cells(cells: Readonly<Record<string, SeedCell>>): this {
    for (const [address, seed] of Object.entries(cells)) {
      const rect = this.rect(address);
      for (const [r, c] of this.sheet.positions(rect, "SheetSeeder.cells")) {
        const cell = this.sheet.ensure(r, c);
        if (typeof seed !== "object") {
          cell.value = seed;
          continue;
        }
        if (seed.value !== undefined) cell.value = seed.value;
        if (seed.fill !== undefined) cell.fill = seed.fill;
      }
    }
    return this;
  }

  /** A user's own custom conditional format on one range, its formula as the user wrote it. */
  conditionalFormat(
    address: string,
    format: { readonly formula: string; readonly fill?: string }
  ): this {
    const cf = this.sheet.addConditionalFormat(
      [this.rect(address)],
      "SheetSeeder.conditionalFormat"
    );
    cf.formula = format.formula;
    if (format.fill !== undefined) cf.fill = format.fill;
    return this;
  }

  note(address: string, content: string): this {
    const { row, col } = this.rect(address);
    this.sheet.addNote(row, col, content, "SheetSeeder.note");
    return this;
  }
}
