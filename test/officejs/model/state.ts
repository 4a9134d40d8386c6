/**
 * The modelled workbook's state and the rules Excel enforces on it. The host (../server.ts)
 * executes the client library's requests against it; tests seed and inspect it directly.
 * Every mutating method validates everything first and only then mutates, so an operation that
 * fails leaves no partial change behind.
 */
import {
  cellKey,
  columnLetters,
  coverCells,
  formatAddress,
  formatRect,
  intersects,
  parseAddress,
  quoteSheet,
  sameRect,
  shiftFormula,
  splitSheet,
  subtract,
  tryParseLocal,
  type Rect,
} from "./address";
import { fail } from "./errors";
import { type RequirementSets, RequirementSetSupport } from "./requirements";
import { enterInput, type CellScalar, displayText, valueTypeOf } from "./values";

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
  italic: boolean;
  color: string;
  size: number;
  name: string;
  underline: string;
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
  ignoreBlanks: boolean;
}

export interface CellState {
  value: CellScalar;
  formula?: string;
  /** A formula's result as seeded by a test; the model does not calculate. */
  cachedValue?: CellScalar;
  quotePrefix: boolean;
  numberFormat: string;
  /** Fill colour; undefined = no fill (RangeFill.color then reads "#FFFFFF"). */
  fill?: string;
  font: FontState;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borders: Partial<Record<BorderSide, BorderState>>;
  validation?: ValidationState;
}

export interface ConditionalFormatState {
  readonly id: string;
  readonly type: string;
  ranges: Rect[];
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  numberFormat?: string;
  stopIfTrue: boolean;
}

export interface NameState {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
  /** Worksheet scope; undefined = workbook scope. */
  readonly sheet?: SheetState;
}

export interface TableState {
  readonly id: string;
  name: string;
  readonly sheet: SheetState;
  readonly rect: Rect;
  style: string;
  showHeaders: boolean;
  showTotals: boolean;
  showBandedRows: boolean;
}

export interface HeaderFooterState {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface ZoomState {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  firstPageNumber: number | "";
  printOrder: string;
  printComments: string;
  printErrors: string;
  zoom: ZoomState;
  printArea?: Rect[];
  printTitleRows?: Rect;
  printTitleColumns?: Rect;
  headersFooters: {
    state: string;
    useSheetMargins: boolean;
    useSheetScale: boolean;
    defaultForAllPages: HeaderFooterState;
    firstPage: HeaderFooterState;
    evenPages: HeaderFooterState;
    oddPages: HeaderFooterState;
  };
}

export interface NoteState {
  readonly id: string;
  readonly row: number;
  readonly col: number;
  content: string;
  readonly author: string;
}

export interface CommentState {
  readonly id: string;
  readonly row: number;
  readonly col: number;
  content: string;
  readonly author: string;
  readonly email: string;
  resolved: boolean;
  readonly created: string;
}

export type Evaluator = (
  formula: string,
  at: { readonly sheet: string; readonly address: string }
) => CellScalar | undefined;

export interface FakeExcelOptions {
  /** Sheets the workbook starts with (default: one sheet, "Sheet1"). */
  readonly sheets?: readonly string[];
  /**
   * Highest supported version per requirement set. The default is ExcelApi 1.15, the newest set
   * the client library in `@microsoft/office-js` 1.1.110 implements (it has no `Worksheet.notes`,
   * ExcelApi 1.18): a host reporting more than its client library has would hand the add-in
   * proxies that do not exist.
   */
  readonly requirementSets?: RequirementSets;
  /** Author recorded on notes and comments added through the API. */
  readonly user?: { readonly name: string; readonly email: string };
  /** Computes formula results for Range.values/text; without it formula cells read as "". */
  readonly evaluate?: Evaluator;
}

const DEFAULT_FONT: Readonly<FontState> = {
  bold: false,
  italic: false,
  color: "#000000",
  size: 11,
  name: "Calibri",
  underline: "None",
};

/** Column width and row height in points (Range.format.columnWidth / rowHeight) for a new sheet. */
/** The newest ExcelApi set the client library of `@microsoft/office-js` 1.1.110 implements. */
export const CLIENT_EXCEL_API = "1.15";

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

function newCell(): CellState {
  return {
    value: "",
    quotePrefix: false,
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

function newHeaderFooter(): HeaderFooterState {
  return {
    leftHeader: "",
    centerHeader: "",
    rightHeader: "",
    leftFooter: "",
    centerFooter: "",
    rightFooter: "",
  };
}

/** Excel's "Normal" margins (0.7 in sides, 0.75 in top/bottom, 0.3 in header/footer), in points. */
function newPageLayout(): PageLayoutState {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    firstPageNumber: "",
    printOrder: "DownThenOver",
    printComments: "NoComments",
    printErrors: "AsDisplayed",
    zoom: { scale: 100 },
    headersFooters: {
      state: "Default",
      useSheetMargins: true,
      useSheetScale: true,
      defaultForAllPages: newHeaderFooter(),
      firstPage: newHeaderFooter(),
      evenPages: newHeaderFooter(),
      oddPages: newHeaderFooter(),
    },
  };
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

export class SheetState {
  readonly cells = new Map<string, CellState>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  merges: Rect[] = [];
  /** Priority order: index 0 is the top priority (ConditionalFormatCollection.add adds at the top). */
  conditionalFormats: ConditionalFormatState[] = [];
  names: NameState[] = [];
  readonly pageLayout: PageLayoutState = newPageLayout();
  freeze = { rows: 0, columns: 0 };
  pageBreaks: Array<{ row: number; col: number }> = [];
  notes: NoteState[] = [];
  comments: CommentState[] = [];
  visibility = "Visible";
  tabColor = "";
  showGridlines = true;
  deleted = false;

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

  grid<T>(
    rect: Rect,
    location: string,
    read: (cell: Readonly<CellState>, r: number, c: number) => T
  ): T[][] {
    this.positions(rect, location);
    const out: T[][] = [];
    for (let r = rect.row; r < rect.row + rect.rows; r += 1) {
      const line: T[] = [];
      for (let c = rect.col; c < rect.col + rect.cols; c += 1)
        line.push(read(this.cell(r, c), r, c));
      out.push(line);
    }
    return out;
  }

  /** The common value over a rectangle, or null when cells differ (Blank and null values article). */
  uniform<T>(
    rect: Rect,
    location: string,
    read: (cell: Readonly<CellState>, r: number, c: number) => T
  ): T | null {
    let first: { v: T } | undefined;
    for (const [r, c] of this.positions(rect, location)) {
      const v = read(this.cell(r, c), r, c);
      if (!first) first = { v };
      else if (JSON.stringify(first.v) !== JSON.stringify(v)) return null;
    }
    return first ? first.v : null;
  }

  displayValue(row: number, col: number): CellScalar {
    const c = this.cell(row, col);
    if (c.formula === undefined) return c.value;
    if (c.cachedValue !== undefined) return c.cachedValue;
    const at = { sheet: this.name, address: formatRect({ row, col, rows: 1, cols: 1 }) };
    return this.book.evaluate?.(c.formula, at) ?? "";
  }

  values(rect: Rect, location: string): CellScalar[][] {
    return this.grid(rect, location, (_c, r, col) => this.displayValue(r, col));
  }

  formulas(rect: Rect, location: string): CellScalar[][] {
    return this.grid(rect, location, (c) => c.formula ?? c.value);
  }

  text(rect: Rect, location: string): string[][] {
    return this.grid(rect, location, (c, r, col) =>
      displayText(this.displayValue(r, col), c.numberFormat)
    );
  }

  valueTypes(rect: Rect, location: string): string[][] {
    return this.grid(rect, location, (_c, r, col) => valueTypeOf(this.displayValue(r, col)));
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
      cell.quotePrefix = entered.quotePrefix;
      delete cell.cachedValue;
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
  format(
    rect: Rect,
    location: string,
    apply: (cell: CellState, r: number, c: number) => void
  ): void {
    for (const [r, c] of this.positions(rect, location)) apply(this.ensure(r, c), r, c);
  }

  mergeAreas(rect: Rect): Rect[] {
    return this.merges.filter((m) => intersects(m, rect));
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
          cell.quotePrefix = false;
          delete cell.formula;
          delete cell.cachedValue;
        }
      }
      this.merges.push(t);
    }
  }

  /** Range.unmerge(): every merged area that intersects the range is split. */
  unmerge(rect: Rect): void {
    this.merges = this.merges.filter((m) => !intersects(m, rect));
  }

  /** Range.clear(applyTo). Conditional formats and data validation are not touched. */
  clear(rect: Rect, applyTo: string, location: string): void {
    const kinds = ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"];
    if (!kinds.includes(applyTo)) fail("InvalidArgument", `Unknown applyTo: ${applyTo}`, location);
    const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
    const formats = applyTo === "All" || applyTo === "Formats";
    const positions = this.positions(rect, location);
    if (formats) this.unmerge(rect);
    for (const [r, c] of positions) {
      const cell = this.cells.get(cellKey(r, c));
      if (!cell) continue;
      if (contents) {
        cell.value = "";
        cell.quotePrefix = false;
        delete cell.formula;
        delete cell.cachedValue;
      }
      if (formats) {
        const blank = newCell();
        Object.assign(cell, {
          numberFormat: blank.numberFormat,
          font: blank.font,
          wrapText: blank.wrapText,
          horizontalAlignment: blank.horizontalAlignment,
          verticalAlignment: blank.verticalAlignment,
          borders: blank.borders,
        });
        delete cell.fill;
      }
      if (!hasContent(cell) && !hasFormat(cell) && !cell.validation)
        this.cells.delete(cellKey(r, c));
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
   * setting; office-js issue #2594 shows InvalidArgument when the range's existing validation is
   * mixed. The host is strict: if any cell of the range already has a rule other than the one being
   * set, or the range is partly validated, the assignment fails with InvalidArgument, so a writer
   * that forgets DataValidation.clear() fails its test. Setting the same rule again is allowed.
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
      cell.validation = { ignoreBlanks: true, ...cell.validation, rule };
    }
  }

  setValidationPart(rect: Rect, location: string, apply: (v: ValidationState) => void): void {
    for (const [r, c] of this.positions(rect, location)) {
      const cell = this.ensure(r, c);
      const v: ValidationState = cell.validation ? { ...cell.validation } : { ignoreBlanks: true };
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

  /** Excel.DataValidationType of a range: a type, "None", "Inconsistent" or "MixedCriteria". */
  validationType(rect: Rect, location: string): string {
    const kinds = new Set<string>();
    for (const [r, c] of this.positions(rect, location)) {
      const rule = this.cell(r, c).validation?.rule;
      kinds.add(rule ? JSON.stringify(rule) : "none");
    }
    if (kinds.size === 1) {
      const [only = "none"] = [...kinds];
      if (only === "none") return "None";
      const key = Object.keys(JSON.parse(only) as object)[0] ?? "";
      return key.charAt(0).toUpperCase() + key.slice(1);
    }
    // DataValidationType: mixedCriteria = present on some but not all cells; inconsistent = different rules.
    return kinds.has("none") ? "MixedCriteria" : "Inconsistent";
  }

  // ---- conditional formats -------------------------------------------------------------------

  conditionalFormatsOn(rect: Rect): ConditionalFormatState[] {
    return this.conditionalFormats.filter((cf) => cf.ranges.some((r) => intersects(r, rect)));
  }

  /** ConditionalFormatCollection.clearAll(): removes the range's cells from every format. */
  clearConditionalFormats(rect: Rect): void {
    for (const cf of this.conditionalFormats)
      cf.ranges = cf.ranges.flatMap((r) => subtract(r, rect));
    this.conditionalFormats = this.conditionalFormats.filter((cf) => cf.ranges.length > 0);
  }

  // ---- notes and comments ---------------------------------------------------------------------

  addNote(row: number, col: number, content: string, author: string, location: string): NoteState {
    if (this.notes.some((n) => n.row === row && n.col === col)) {
      fail(
        "ItemAlreadyExists",
        `Cell ${formatRect({ row, col, rows: 1, cols: 1 })} already has a note.`,
        location
      );
    }
    const note: NoteState = { id: this.book.nextId("note"), row, col, content, author };
    this.notes.push(note);
    return note;
  }

  addComment(
    row: number,
    col: number,
    content: string,
    location: string,
    author: { readonly name: string; readonly email: string } = this.book.user
  ): CommentState {
    if (this.comments.some((n) => n.row === row && n.col === col)) {
      fail(
        "ItemAlreadyExists",
        `Cell ${formatRect({ row, col, rows: 1, cols: 1 })} already has a comment.`,
        location
      );
    }
    const c: CommentState = {
      id: this.book.nextId("comment"),
      row,
      col,
      content,
      author: author.name,
      email: author.email,
      resolved: false,
      created: new Date(0).toISOString(),
    };
    this.comments.push(c);
    return c;
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
  readonly user: { readonly name: string; readonly email: string };
  readonly evaluate: Evaluator | undefined;
  private idCounter = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.requirements = new RequirementSetSupport(
      options.requirementSets ?? { ExcelApi: CLIENT_EXCEL_API }
    );
    this.user = options.user ?? { name: "Test User", email: "test.user@example.com" };
    this.evaluate = options.evaluate;
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

  private checkSheetName(name: string, location: string, except?: SheetState): void {
    const problem = sheetNameProblem(name);
    if (problem) fail("InvalidArgument", `Worksheet name '${name}' ${problem}.`, location);
    if (this.sheets.some((s) => s !== except && sameName(s.name, name))) {
      fail("ItemAlreadyExists", `A worksheet named '${name}' already exists.`, location);
    }
  }

  /** WorksheetCollection.add: appended at the end; unnamed sheets get the next "SheetN". */
  addSheet(name: string | undefined, location: string): SheetState {
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n += 1;
      chosen = `Sheet${n}`;
    }
    this.checkSheetName(chosen, location);
    const sheet = new SheetState(this, this.nextId("sheet"), chosen);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  renameSheet(sheet: SheetState, name: string, location: string): void {
    this.checkSheetName(name, location, sheet);
    sheet.name = name;
  }

  deleteSheet(sheet: SheetState, location: string): void {
    if (
      this.sheets.filter((s) => s.visibility === "Visible").length <= 1 &&
      sheet.visibility === "Visible"
    ) {
      fail("InvalidOperation", "A workbook must contain at least one visible worksheet.", location);
    }
    if (sheet.visibility === "VeryHidden") {
      fail("InvalidOperation", "A very hidden worksheet cannot be deleted.", location);
    }
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    sheet.deleted = true;
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.max(0, i - 1)];
    if (this.selection?.sheet === sheet) this.selection = undefined;
  }

  // ---- names ----------------------------------------------------------------------------------

  /** Resolves a reference formula ("=Sheet1!$A$1", "=$B$5") to a sheet and rectangle, if it is one. */
  referenceOf(
    formula: string,
    scope: SheetState | undefined
  ): { sheet: SheetState; rect: Rect } | undefined {
    const body = formula.startsWith("=") ? formula.slice(1) : formula;
    let parsed: { sheet?: string; local: string };
    try {
      parsed = splitSheet(body);
    } catch {
      return undefined;
    }
    const rect = tryParseLocal(parsed.local);
    if (!rect) return undefined;
    const sheet =
      parsed.sheet === undefined ? (scope ?? this.activeSheet) : this.findSheet(parsed.sheet);
    return sheet ? { sheet, rect } : undefined;
  }

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
    comment: string,
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
    const item: NameState = scope
      ? { name, formula, comment, visible: true, sheet: scope }
      : { name, formula, comment, visible: true };
    this.namesIn(scope).push(item);
    return item;
  }

  /**
   * A name's formula: "=" is added when missing; an A1 reference without a sheet ("=$B$5") is
   * qualified with the scope sheet (the active sheet at workbook scope), keeping its `$` markers,
   * as Name Manager shows it; a reference to a sheet that does not exist is InvalidArgument.
   */
  private referenceFormula(
    reference: string,
    scope: SheetState | undefined,
    location: string
  ): string {
    const formula = reference.startsWith("=") ? reference : `=${reference}`;
    const body = formula.slice(1);
    let parts: { sheet?: string; local: string };
    try {
      parts = splitSheet(body);
    } catch {
      return formula;
    }
    if (!tryParseLocal(parts.local)) return formula;
    if (parts.sheet !== undefined) {
      if (!this.findSheet(parts.sheet)) {
        fail("InvalidArgument", `The reference '${reference}' names a missing sheet.`, location);
      }
      return formula;
    }
    const sheet = scope ?? this.activeSheet;
    return sheet ? `=${quoteSheet(sheet.name)}!${body}` : formula;
  }

  deleteName(item: NameState): void {
    if (item.sheet) item.sheet.names = item.sheet.names.filter((n) => n !== item);
    else this.names = this.names.filter((n) => n !== item);
  }

  nameType(item: NameState): "Range" | "String" | "Double" | "Boolean" | "Error" {
    if (this.referenceOf(item.formula, item.sheet)) return "Range";
    const body = item.formula.slice(1);
    if (/^".*"$/su.test(body)) return "String";
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/u.test(body)) return "Double";
    if (/^(TRUE|FALSE)$/iu.test(body)) return "Boolean";
    return "Error";
  }

  nameValue(item: NameState): CellScalar {
    const type = this.nameType(item);
    const body = item.formula.slice(1);
    if (type === "Range") return body;
    if (type === "String") return body.slice(1, -1).replace(/""/gu, '"');
    if (type === "Double") return Number(body);
    if (type === "Boolean") return body.toUpperCase() === "TRUE";
    return "#VALUE!";
  }

  // ---- tables ---------------------------------------------------------------------------------

  /**
   * TableCollection.add(address, hasHeaders). Overlapping another table or merged cells is
   * MergedRangeConflict ("A table can't overlap with another table, a PivotTable report, query
   * results, merged cells, or an XML Map", Excel-specific error codes); older hosts reported
   * InvalidArgument for the table case (office-js issues #417, #1199), so error mapping should
   * accept both. A duplicate name is InvalidArgument (office-js issue #551). Empty header cells
   * get "Column1", "Column2", … as Excel names them.
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
      showHeaders: true,
      showTotals: false,
      showBandedRows: true,
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
    return new SheetSeeder(
      this,
      this.findSheet(name) ?? this.addSheet(name, "FakeExcel.seedSheet")
    );
  }

  /** Adds a workbook-scoped name directly. */
  seedName(name: string, reference: string, comment = ""): this {
    this.addName(undefined, name, reference, comment, "FakeExcel.seedName");
    return this;
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
  cachedValue?: CellScalar;
  quotePrefix?: true;
  numberFormat?: string;
  fill?: string;
  font?: Partial<FontState>;
  wrapText?: true;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders?: Partial<Record<BorderSide, BorderState>>;
}

export interface ValidationSnapshot {
  address: string;
  rule?: StoredRule;
  prompt?: PromptState;
  errorAlert?: ErrorAlertState;
  ignoreBlanks: boolean;
}

export interface ConditionalFormatSnapshot {
  ranges: string[];
  type: string;
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  numberFormat?: string;
  stopIfTrue: boolean;
}

export interface NameSnapshot {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  /** Non-empty cells by A1 address, non-default fields only. */
  cells: Record<string, CellSnapshot>;
  columnWidths: Record<string, number>;
  rowHeights: Record<number, number>;
  hiddenColumns: string[];
  hiddenRows: number[];
  merges: string[];
  validations: ValidationSnapshot[];
  /** In priority order, top first. */
  conditionalFormats: ConditionalFormatSnapshot[];
  names: NameSnapshot[];
  tables: Array<{ name: string; address: string; style: string; headers: CellScalar[] }>;
  pageLayout: Omit<PageLayoutState, "printArea" | "printTitleRows" | "printTitleColumns"> & {
    printArea?: string;
    printTitleRows?: string;
    printTitleColumns?: string;
  };
  freeze: { rows: number; columns: number };
  /** 1-based row numbers a horizontal page break precedes. */
  pageBreaks: number[];
  notes: Array<{ address: string; content: string; author: string }>;
  comments: Array<{ address: string; content: string; author: string; resolved: boolean }>;
}

export interface WorkbookSnapshot {
  activeSheet: string | undefined;
  selection: string | undefined;
  sheets: SheetSnapshot[];
  /** Workbook-scoped names. */
  names: NameSnapshot[];
}

function snapshotName(n: NameState): NameSnapshot {
  return { name: n.name, formula: n.formula, comment: n.comment, visible: n.visible };
}

function snapshotCell(c: CellState): CellSnapshot | undefined {
  const out: CellSnapshot = {};
  if (c.formula !== undefined) out.formula = c.formula;
  else if (c.value !== "") out.value = c.value;
  if (c.cachedValue !== undefined) out.cachedValue = c.cachedValue;
  if (c.quotePrefix) out.quotePrefix = true;
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
  const { printArea, printTitleRows, printTitleColumns, ...layout } = structuredClone(s.pageLayout);
  return {
    name: s.name,
    position: s.position,
    visibility: s.visibility,
    tabColor: s.tabColor,
    showGridlines: s.showGridlines,
    cells,
    columnWidths: Object.fromEntries(
      [...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnLetters(c), w])
    ),
    rowHeights: Object.fromEntries(
      [...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h])
    ),
    hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b).map(columnLetters),
    hiddenRows: [...s.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
    merges: s.merges.map((m) => formatRect(m)).sort(),
    validations,
    conditionalFormats: s.conditionalFormats.map((cf) => {
      const out: ConditionalFormatSnapshot = {
        ranges: cf.ranges.map((r) => formatRect(r)),
        type: cf.type,
        formula: cf.formula,
        stopIfTrue: cf.stopIfTrue,
      };
      if (cf.fill !== undefined) out.fill = cf.fill;
      if (cf.fontColor !== undefined) out.fontColor = cf.fontColor;
      if (cf.bold !== undefined) out.bold = cf.bold;
      if (cf.italic !== undefined) out.italic = cf.italic;
      if (cf.numberFormat !== undefined) out.numberFormat = cf.numberFormat;
      return out;
    }),
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
      ...(printTitleColumns ? { printTitleColumns: formatRect(printTitleColumns, true) } : {}),
    },
    freeze: { ...s.freeze },
    pageBreaks: s.pageBreaks.map((b) => b.row + 1).sort((a, b) => a - b),
    notes: s.notes.map((n) => ({
      address: formatRect({ row: n.row, col: n.col, rows: 1, cols: 1 }),
      content: n.content,
      author: n.author,
    })),
    comments: s.comments.map((n) => ({
      address: formatRect({ row: n.row, col: n.col, rows: 1, cols: 1 }),
      content: n.content,
      author: n.author,
      resolved: n.resolved,
    })),
  };
}

/** Cell content a test seeds: a bare value, or the fields it sets. */
export type SeedCell =
  | CellScalar
  | {
      readonly value?: CellScalar;
      readonly formula?: string;
      readonly cachedValue?: CellScalar;
      readonly numberFormat?: string;
      readonly fill?: string;
      readonly font?: Partial<FontState>;
    };

/** Writes a user's content straight into the state: no queue, no sync, stored verbatim. */
export class SheetSeeder {
  constructor(
    readonly book: FakeExcel,
    readonly sheet: SheetState
  ) {}

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
        if (seed.formula !== undefined) cell.formula = seed.formula;
        if (seed.cachedValue !== undefined) cell.cachedValue = seed.cachedValue;
        if (seed.numberFormat !== undefined) cell.numberFormat = seed.numberFormat;
        if (seed.fill !== undefined) cell.fill = seed.fill;
        if (seed.font) cell.font = { ...cell.font, ...seed.font };
      }
    }
    return this;
  }

  merge(address: string): this {
    this.sheet.merge(this.rect(address), false, "SheetSeeder.merge");
    return this;
  }

  conditionalFormat(
    addresses: string | readonly string[],
    format: { readonly formula: string; readonly fill?: string; readonly fontColor?: string }
  ): this {
    const ranges = (typeof addresses === "string" ? [addresses] : addresses).map((a) =>
      this.rect(a)
    );
    this.sheet.conditionalFormats.push({
      id: this.book.nextId("cf"),
      type: "Custom",
      ranges,
      formula: format.formula,
      stopIfTrue: false,
      ...(format.fill ? { fill: format.fill } : {}),
      ...(format.fontColor ? { fontColor: format.fontColor } : {}),
    });
    return this;
  }

  validation(address: string, rule: StoredRule, prompt?: PromptState): this {
    this.sheet.setRule(this.rect(address), rule, "SheetSeeder.validation");
    if (prompt)
      this.sheet.setValidationPart(
        this.rect(address),
        "SheetSeeder.validation",
        (v) => (v.prompt = prompt)
      );
    return this;
  }

  name(name: string, reference: string, comment = ""): this {
    this.book.addName(this.sheet, name, reference, comment, "SheetSeeder.name");
    return this;
  }

  note(address: string, content: string, author = "User"): this {
    const { row, col } = this.rect(address);
    this.sheet.addNote(row, col, content, author, "SheetSeeder.note");
    return this;
  }

  comment(address: string, content: string, author = "User"): this {
    const { row, col } = this.rect(address);
    this.sheet.addComment(row, col, content, "SheetSeeder.comment", { name: author, email: "" });
    return this;
  }

  freeze(rows: number, columns: number): this {
    this.sheet.freeze = { rows, columns };
    return this;
  }

  /** Makes this the active sheet. */
  activate(): this {
    this.book.activeSheet = this.sheet;
    return this;
  }
}
