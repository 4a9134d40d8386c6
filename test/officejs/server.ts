/**
 * The Excel end of Office.js's request protocol, over the workbook model in ./model.
 *
 * Microsoft's Excel client library (the real `Excel.run`, `load` and `sync`) turns every
 * `context.sync()` into one request: `{ Actions, ObjectPaths }`. An object path says how to reach
 * an object (the workbook; a property such as `Worksheets`; a method such as `GetRange("A1")`; a
 * collection indexer such as `["Sheet1"]`); an action instantiates a path, sets a property
 * (`SetProperty`), calls a method, or queries properties (`Query`, `QueryInfo.Select`). The answer
 * is `{ Results: [{ ActionId, Value }], Error? }`, property names in PascalCase, collections as
 * `{ _Items: [...] }`, a null object as a null value. This module executes a request action by
 * action against the model, in order, and answers in that format.
 *
 * As in Excel, a batch is not a transaction: the actions before a failing one stay applied, the
 * rest are not run, and the error names the failing action (`ActionIndex`), from which the client
 * library prints the statement.
 *
 * Only the classes and members the add-in uses are here; anything else is refused with
 * `HostLimitation`, so a change that reaches for more fails its test instead of passing on a guess.
 */
import { calculate, formulaProblem, type Calculated } from "./formulas";
import { formatValue } from "../../src/export/numberFormat";
import { DELAY_FOR_CELL_EDIT_FLAG, PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT } from "./limits";
import {
  formatAddress,
  formatRect,
  MAX_COLS,
  MAX_ROWS,
  parseAddress,
  type Rect,
} from "./model/address";
import { HostError, fail } from "./model/errors";
import type {
  ConditionalFormatState,
  FakeExcel,
  MarginsState,
  NameState,
  NoteState,
  SheetState,
  StoredRule,
  TableState,
} from "./model/state";
import { normalizeColor } from "./model/values";

// ---- the wire format ------------------------------------------------------------------------

interface ArgumentInfo {
  readonly Arguments?: unknown[];
  readonly ReferencedObjectPathIds?: unknown[];
}

interface ObjectPathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: ArgumentInfo;
}

interface ActionInfo {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: ArgumentInfo;
  readonly QueryInfo?: { readonly Select?: string[]; readonly Expand?: string[] };
}

export interface RequestBody {
  readonly Actions: ActionInfo[];
  readonly ObjectPaths: Readonly<Record<string, ObjectPathInfo>>;
}

/** ObjectPathType and ActionType as office.js numbers them (OfficeExtension's request builder). */
const PATH = { global: 1, property: 4, method: 3, indexer: 5, referenceId: 6, nullObject: 7 };
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 };

// ---- what a path resolves to ----------------------------------------------------------------

type Node =
  | { readonly kind: "Null" }
  | { readonly kind: "Workbook" }
  | { readonly kind: "WorksheetCollection" }
  | { readonly kind: "Worksheet"; readonly sheet: SheetState }
  | { readonly kind: "Range"; readonly sheet: SheetState; readonly rect: Rect }
  | { readonly kind: "RangeFormat"; readonly sheet: SheetState; readonly rect: Rect }
  | { readonly kind: "RangeFont"; readonly sheet: SheetState; readonly rect: Rect }
  | { readonly kind: "RangeFill"; readonly sheet: SheetState; readonly rect: Rect }
  | { readonly kind: "RangeBorderCollection"; readonly sheet: SheetState; readonly rect: Rect }
  | {
      readonly kind: "RangeBorder";
      readonly sheet: SheetState;
      readonly rect: Rect;
      readonly index: BorderIndex;
    }
  | { readonly kind: "DataValidation"; readonly sheet: SheetState; readonly rect: Rect }
  | {
      readonly kind: "ConditionalFormatCollection";
      readonly sheet: SheetState;
      readonly rect: Rect;
    }
  | {
      readonly kind: "ConditionalFormat";
      readonly sheet: SheetState;
      readonly cf: ConditionalFormatState;
    }
  | { readonly kind: "CustomConditionalFormat"; readonly cf: ConditionalFormatState }
  | { readonly kind: "ConditionalFormatRule"; readonly cf: ConditionalFormatState }
  | { readonly kind: "ConditionalRangeFormat"; readonly cf: ConditionalFormatState }
  | { readonly kind: "ConditionalRangeFill"; readonly cf: ConditionalFormatState }
  | { readonly kind: "ConditionalRangeFont"; readonly cf: ConditionalFormatState }
  | { readonly kind: "NamedItemCollection"; readonly sheet?: SheetState }
  | { readonly kind: "NamedItem"; readonly item: NameState }
  | { readonly kind: "TableCollection"; readonly sheet?: SheetState }
  | { readonly kind: "Table"; readonly table: TableState }
  | { readonly kind: "PageLayout"; readonly sheet: SheetState }
  | { readonly kind: "HeadersFooters"; readonly sheet: SheetState }
  | { readonly kind: "HeaderFooter"; readonly sheet: SheetState }
  | { readonly kind: "PageBreakCollection"; readonly sheet: SheetState }
  | { readonly kind: "PageBreak"; readonly sheet: SheetState; readonly row: number }
  | { readonly kind: "RangeAreas"; readonly sheet: SheetState; readonly rects: readonly Rect[] }
  | {
      readonly kind: "RangeCollection";
      readonly sheet: SheetState;
      readonly rects: readonly Rect[];
    }
  | { readonly kind: "WorksheetFreezePanes"; readonly sheet: SheetState }
  | { readonly kind: "NoteCollection"; readonly sheet: SheetState }
  | { readonly kind: "Note"; readonly sheet: SheetState; readonly note: NoteState };

type Kind = Node["kind"];
type NodeOf<K extends Kind> = Extract<Node, { kind: K }>;

type BorderIndex =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";
const BORDER_INDEXES: readonly string[] = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
];
const BORDER_STYLES = [
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Double",
  "SlantDashDot",
];
const H_ALIGN = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];

/** Everything a member handler needs besides its object. */
interface Call {
  readonly book: FakeExcel;
  readonly location: string;
  /** A method's arguments with object-path references resolved to their objects. */
  readonly args: readonly unknown[];
  /** Marks the request as one that changed the workbook. */
  wrote(): void;
}

interface ClassSpec<N extends Node> {
  /** ExcelApi version the class needs (Excel JavaScript API requirement sets). */
  readonly api?: string;
  readonly id?: (n: N) => string;
  readonly props?: Readonly<
    Record<string, { get?: (n: N, c: Call) => unknown; set?: (n: N, v: unknown, c: Call) => void }>
  >;
  readonly nav?: Readonly<Record<string, (n: N, c: Call) => Node>>;
  readonly methods?: Readonly<Record<string, (n: N, c: Call) => unknown>>;
  /** The collection indexer, `collection.getItem(key)`. */
  readonly index?: (n: N, key: unknown, c: Call) => Node;
  readonly items?: (n: N, c: Call) => Node[];
}

type Classes = { readonly [K in Kind]: ClassSpec<NodeOf<K>> };

// ---- helpers over the model -------------------------------------------------------------------

function cells(rect: Rect): number {
  return rect.rows * rect.cols;
}

/** "Range: 5 million cells for get operations" (see limits.ts). */
function readable(rect: Rect, location: string): void {
  if (cells(rect) > READ_CELL_LIMIT)
    fail(
      "RangeExceedsLimit",
      `The cell count in the range (${cells(rect)}) exceeds the ${READ_CELL_LIMIT} cells Excel reads at once.`,
      location
    );
}

function str(v: unknown, location: string): string {
  if (typeof v !== "string") fail("InvalidArgument", "A string is required.", location);
  return v;
}

function bool(v: unknown, location: string): boolean {
  if (typeof v !== "boolean") fail("InvalidArgument", "A boolean is required.", location);
  return v;
}

function oneOf(v: unknown, choices: readonly string[], location: string): string {
  if (typeof v !== "string" || !choices.includes(v))
    fail("InvalidArgument", `${String(v)} is not one of ${choices.join(", ")}.`, location);
  return v;
}

/** A Range argument, or an address on `sheet` ("A1:H40", "$1:$2"); another sheet is refused. */
function rectOn(sheet: SheetState, input: unknown, location: string): Rect {
  if (isNode(input, "Range")) {
    if (input.sheet !== sheet)
      fail("InvalidArgument", "The range is on another worksheet.", location);
    return input.rect;
  }
  const p = parseAddress(str(input, location), location);
  if (p.sheet !== undefined && sheet.book.findSheet(p.sheet) !== sheet)
    fail("InvalidArgument", `'${String(input)}' is on another worksheet.`, location);
  return p.rect;
}

/**
 * A formula about to be stored. Excel would store it and show #NAME?; the host refuses it (see
 * formulas.ts for why it is stricter than Excel).
 */
function checkedFormula(formula: string, location: string): string {
  const problem = formulaProblem(formula);
  if (problem) fail("InvalidArgument", problem, location);
  return formula;
}

/** Range.values / formulas input: every "=…" string becomes a formula, so each is checked. */
function checkFormulasIn(input: unknown, location: string): void {
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === "string" && v.startsWith("=") && v.length > 1)
      checkedFormula(v, location);
  };
  visit(input);
}

function isNode<K extends Kind>(v: unknown, kind: K): v is NodeOf<K> {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === kind;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

const RULE_KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"];
const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

/**
 * DataValidation.rule: "No more than one of these properties may be present" (Add data validation
 * to Excel ranges); Between/NotBetween need formula2; a literal list source is at most 255
 * characters, as Excel's validation dialog allows.
 */
function normalizeRule(rule: unknown, location: string): StoredRule {
  if (!isRecord(rule))
    fail("InvalidArgument", "A data validation rule must be an object.", location);
  const keys = Object.keys(rule).filter((k) => rule[k] !== undefined && rule[k] !== null);
  const [kind] = keys;
  if (keys.length !== 1 || kind === undefined || !RULE_KINDS.includes(kind))
    fail("InvalidArgument", "A DataValidationRule must have exactly one criterion.", location);
  const c = rule[kind];
  if (!isRecord(c)) fail("InvalidArgument", `${kind} must be an object.`, location);
  if (kind === "list") {
    const source = str(c.source, location);
    if (source.trim() === "") fail("InvalidArgument", "list.source is required.", location);
    if (!source.startsWith("=") && source.length > 255)
      fail("InvalidArgument", "A list source is limited to 255 characters.", location);
    return {
      list: {
        inCellDropDown: c.inCellDropDown === undefined ? true : Boolean(c.inCellDropDown),
        source,
      },
    };
  }
  if (kind === "custom")
    return { custom: { formula: checkedFormula(str(c.formula, location), location) } };
  const operator = oneOf(c.operator, OPERATORS, location);
  if (c.formula1 === undefined) fail("InvalidArgument", `${kind}.formula1 is required.`, location);
  const out: Record<string, unknown> = { operator, formula1: c.formula1 };
  if (operator === "Between" || operator === "NotBetween") {
    if (c.formula2 === undefined) fail("InvalidArgument", `${operator} needs formula2.`, location);
    out.formula2 = c.formula2;
  }
  return { [kind]: out };
}

/** Prompt and alert texts: title ≤ 32 and message ≤ 255 characters, as Excel's dialog limits them. */
function dialogText(v: unknown, key: string, max: number, location: string): string {
  if (v === undefined) return "";
  const s = str(v, `${location}.${key}`);
  if (s.length > max) fail("InvalidArgument", `${key} is limited to ${max} characters.`, location);
  return s;
}

function sidesOf(
  index: BorderIndex,
  r: Rect
): Array<{ rect: Rect; side: "top" | "bottom" | "left" | "right" }> {
  switch (index) {
    case "EdgeTop":
      return [{ rect: { ...r, rows: 1 }, side: "top" }];
    case "EdgeBottom":
      return [{ rect: { ...r, row: r.row + r.rows - 1, rows: 1 }, side: "bottom" }];
    case "EdgeLeft":
      return [{ rect: { ...r, cols: 1 }, side: "left" }];
    case "EdgeRight":
      return [{ rect: { ...r, col: r.col + r.cols - 1, cols: 1 }, side: "right" }];
    case "InsideHorizontal":
      return r.rows > 1 ? [{ rect: { ...r, rows: r.rows - 1 }, side: "bottom" }] : [];
    case "InsideVertical":
      return r.cols > 1 ? [{ rect: { ...r, cols: r.cols - 1 }, side: "right" }] : [];
  }
}

/** A single cell given as a Range or an address, on the collection's sheet. */
function cellOf(sheet: SheetState, input: unknown, location: string): { row: number; col: number } {
  const rect = rectOn(sheet, input, location);
  if (rect.rows !== 1 || rect.cols !== 1)
    fail("InvalidArgument", "The address must be a single cell.", location);
  return { row: rect.row, col: rect.col };
}

const rangeNode = (sheet: SheetState, rect: Rect): Node => ({ kind: "Range", sheet, rect });

/** Sets one format field on every cell of a rectangle (whole rows/columns are not modelled). */
function formatCells(
  n: { readonly sheet: SheetState; readonly rect: Rect },
  c: Call,
  apply: (cell: ReturnType<SheetState["ensure"]>) => void
): void {
  c.wrote();
  n.sheet.format(n.rect, c.location, apply);
}

// ---- the classes --------------------------------------------------------------------------------

/** A new workbook's Normal style: rows 15 pt; columns 8.43 characters, which are 64 px = 48 pt. */
const STANDARD_HEIGHT = 15;
const STANDARD_WIDTH = 8.43;
const STANDARD_WIDTH_POINTS = 48;
/** Excel's "Normal" margins in points (0.75 in top and bottom, 0.7 in sides, 0.3 in header and footer). */
const NORMAL_MARGINS: Required<MarginsState> = {
  top: 54,
  bottom: 54,
  left: 50.4,
  right: 50.4,
  header: 21.6,
  footer: 21.6,
};

/**
 * A range's cells as Excel reports them: the value (a formula's result; an error as its code, as
 * Range.values gives it), its type (Range.valueTypes) and the displayed text (Range.text). The model
 * calculates only when read (calculate in formulas.ts), and formats with the export's reading of
 * Excel number-format codes, which test/export checks against LibreOffice's rendering.
 */
function shownCells(
  n: { readonly sheet: SheetState; readonly rect: Rect },
  location: string
): Array<Array<{ value: string | number | boolean; type: string; text: string }>> {
  readable(n.rect, location);
  const results = calculate(n.sheet.cells);
  return n.sheet
    .grid(n.rect, location, (x) => x)
    .map((line, i) =>
      line.map((cell, j) => {
        const v: Calculated =
          cell.formula === undefined
            ? cell.value
            : (results.get(`${n.rect.row + i},${n.rect.col + j}`) ?? "");
        if (typeof v === "object") return { value: v.error, type: "Error", text: v.error };
        const type =
          v === ""
            ? "Empty"
            : typeof v === "number"
              ? "Double"
              : typeof v === "boolean"
                ? "Boolean"
                : "String";
        return { value: v, type, text: v === "" ? "" : formatValue(v, cell.numberFormat) };
      })
    );
}

const NO_BORDER = { style: "None", color: "#000000", weight: "Thin" };

/** Everything getCellProperties can give of one cell that the model knows. */
function cellProperties(
  sheet: SheetState,
  at: { row: number; col: number },
  cell: Readonly<ReturnType<SheetState["cell"]>>
): Record<string, unknown> {
  const border = (side: "top" | "bottom" | "left" | "right"): Record<string, unknown> => {
    const b = cell.borders[side];
    return b ? { style: b.style, color: b.color, weight: b.weight } : NO_BORDER;
  };
  return {
    address: formatAddress(sheet.name, { ...at, rows: 1, cols: 1 }),
    format: {
      font: { ...cell.font },
      fill: { color: cell.fill ?? "#FFFFFF" },
      horizontalAlignment: cell.horizontalAlignment,
      verticalAlignment: cell.verticalAlignment,
      wrapText: cell.wrapText,
      // Excel answers every edge of CellBorderCollection; the model keeps the four outer ones.
      borders: {
        top: border("top"),
        bottom: border("bottom"),
        left: border("left"),
        right: border("right"),
        diagonalDown: NO_BORDER,
        diagonalUp: NO_BORDER,
        horizontal: NO_BORDER,
        vertical: NO_BORDER,
      },
    },
  };
}

/**
 * The parts of `full` that load options such as `{ format: { font: { bold: true } } }` ask for. A
 * key the model does not know is refused, so an adapter asking for more fails its test.
 */
function picked(full: Record<string, unknown>, options: unknown, location: string): unknown {
  if (!isRecord(options))
    return fail("InvalidArgument", "Load options must be an object.", location);
  const out: Record<string, unknown> = {};
  for (const [key, want] of Object.entries(options)) {
    if (!want) continue;
    if (!(key in full))
      return fail("HostLimitation", `Loading ${key} of cell properties is not modelled.`, location);
    const value = full[key];
    // Border options are given once and apply to each edge (CellPropertiesBorderLoadOptions).
    out[key] =
      want === true || !isRecord(value)
        ? value
        : key === "borders"
          ? Object.fromEntries(
              Object.entries(value).map(([edge, b]) => [
                edge,
                picked(b as Record<string, unknown>, want, location),
              ])
            )
          : picked(value, want, location);
  }
  return out;
}

const CLASSES: Classes = {
  Null: {},
  Workbook: {
    methods: {
      // Excel.run's last request releases the ranges the batch kept (`_KeepReference`).
      _RemoveReference: () => undefined,
    },
    nav: {
      Worksheets: () => ({ kind: "WorksheetCollection" }),
      Tables: () => ({ kind: "TableCollection" }),
      Names: () => ({ kind: "NamedItemCollection" }),
    },
  },
  WorksheetCollection: {
    items: (_n, c) => c.book.sheets.map((sheet) => ({ kind: "Worksheet", sheet })),
    index: (_n, key, c) => ({
      kind: "Worksheet",
      sheet: c.book.sheetOrFail(str(key, c.location), c.location),
    }),
    methods: {
      Add: (_n, c) => {
        c.wrote();
        const name = c.args[0];
        return {
          kind: "Worksheet",
          sheet: c.book.addSheet(
            name === undefined ? undefined : str(name, c.location),
            c.location
          ),
        };
      },
      GetItemOrNullObject: (_n, c) => {
        const sheet = c.book.findSheet(str(c.args[0], c.location));
        return sheet ? { kind: "Worksheet", sheet } : { kind: "Null" };
      },
    },
  },
  Worksheet: {
    id: (n) => n.sheet.id,
    props: {
      Name: { get: (n) => n.sheet.name },
      Id: { get: (n) => n.sheet.id },
      Position: { get: (n) => n.sheet.position },
      // The model has no hidden sheets.
      Visibility: { get: () => "Visible" },
      // Worksheet.standardHeight (points) and standardWidth (characters of the Normal style's
      // font): the defaults of a new Excel workbook, which the model never changes.
      StandardHeight: { get: () => STANDARD_HEIGHT },
      StandardWidth: { get: () => STANDARD_WIDTH },
    },
    nav: {
      Names: (n) => ({ kind: "NamedItemCollection", sheet: n.sheet }),
      Tables: (n) => ({ kind: "TableCollection", sheet: n.sheet }),
      PageLayout: (n) => ({ kind: "PageLayout", sheet: n.sheet }),
      HorizontalPageBreaks: (n) => ({ kind: "PageBreakCollection", sheet: n.sheet }),
      FreezePanes: (n) => ({ kind: "WorksheetFreezePanes", sheet: n.sheet }),
      Notes: (n) => ({ kind: "NoteCollection", sheet: n.sheet }),
    },
    methods: {
      GetRange: (n, c) =>
        rangeNode(
          n.sheet,
          c.args[0] === undefined || c.args[0] === ""
            ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS }
            : rectOn(n.sheet, c.args[0], c.location)
        ),
      GetRangeByIndexes: (n, c) => {
        const [row, col, rows, cols] = c.args as number[];
        const rect = { row: row ?? -1, col: col ?? -1, rows: rows ?? 0, cols: cols ?? 0 };
        const ok =
          [rect.row, rect.col, rect.rows, rect.cols].every(Number.isInteger) &&
          rect.row >= 0 &&
          rect.col >= 0 &&
          rect.rows > 0 &&
          rect.cols > 0 &&
          rect.row + rect.rows <= MAX_ROWS &&
          rect.col + rect.cols <= MAX_COLS;
        if (!ok) fail("InvalidArgument", "The indexes are outside the worksheet.", c.location);
        return rangeNode(n.sheet, rect);
      },
      GetUsedRangeOrNullObject: (n, c) => {
        const rect = n.sheet.usedRect(c.args[0] === true);
        return rect ? rangeNode(n.sheet, rect) : { kind: "Null" };
      },
      Activate: (n, c) => {
        c.wrote();
        c.book.activeSheet = n.sheet;
      },
      Delete: (n, c) => {
        c.wrote();
        c.book.deleteSheet(n.sheet, c.location);
      },
    },
  },
  Range: {
    props: {
      Address: { get: (n) => formatAddress(n.sheet.name, n.rect) },
      Values: {
        get: (n, c) => shownCells(n, c.location).map((l) => l.map((x) => x.value)),
        set: (n, v, c) => {
          // Marked after the write: a refused formula or input leaves the workbook unchanged.
          checkFormulasIn(v, c.location);
          n.sheet.writeInput(n.rect, v, c.location);
          c.wrote();
        },
      },
      Formulas: {
        get: (n, c) => (readable(n.rect, c.location), n.sheet.formulas(n.rect, c.location)),
        set: (n, v, c) => {
          // Marked after the write: a refused formula or input leaves the workbook unchanged.
          checkFormulasIn(v, c.location);
          n.sheet.writeInput(n.rect, v, c.location);
          c.wrote();
        },
      },
      NumberFormat: {
        get: (n, c) => (
          readable(n.rect, c.location),
          n.sheet.grid(n.rect, c.location, (x) => x.numberFormat)
        ),
        set: (n, v, c) => {
          c.wrote();
          n.sheet.writeNumberFormat(n.rect, v, c.location);
        },
      },
      // Range.text: what Excel displays, formula results included, under the cell's number format.
      Text: { get: (n, c) => shownCells(n, c.location).map((l) => l.map((x) => x.text)) },
      ValueTypes: { get: (n, c) => shownCells(n, c.location).map((l) => l.map((x) => x.type)) },
      // Range.rowIndex and columnIndex: zero-indexed, of the range's first cell.
      RowIndex: { get: (n) => n.rect.row },
      ColumnIndex: { get: (n) => n.rect.col },
      ColumnHidden: {
        set: (n, v, c) => {
          c.wrote();
          for (let i = n.rect.col; i < n.rect.col + n.rect.cols; i += 1) {
            if (v === true) n.sheet.hiddenColumns.add(i);
            else n.sheet.hiddenColumns.delete(i);
          }
        },
      },
    },
    nav: {
      Format: (n) => ({ kind: "RangeFormat", sheet: n.sheet, rect: n.rect }),
      DataValidation: (n) => ({ kind: "DataValidation", sheet: n.sheet, rect: n.rect }),
      ConditionalFormats: (n) => ({
        kind: "ConditionalFormatCollection",
        sheet: n.sheet,
        rect: n.rect,
      }),
    },
    methods: {
      // getCellProperties / getRowProperties / getColumnProperties (ExcelApi 1.9) answer the load
      // options' shape in camelCase: the client library hands the value over as it comes.
      GetCellProperties: (n, c) => {
        readable(n.rect, c.location);
        return n.sheet
          .grid(n.rect, c.location, (x) => x)
          .map((line, i) =>
            line.map((cell, j) =>
              picked(
                cellProperties(n.sheet, { row: n.rect.row + i, col: n.rect.col + j }, cell),
                c.args[0],
                c.location
              )
            )
          );
      },
      GetRowProperties: (n, c) =>
        Array.from({ length: n.rect.rows }, (_, i) => {
          const row = n.rect.row + i;
          const full = {
            rowIndex: row,
            rowHidden: false,
            format: { rowHeight: n.sheet.rowHeights.get(row) ?? STANDARD_HEIGHT },
          };
          return picked(full, c.args[0], c.location);
        }),
      GetColumnProperties: (n, c) =>
        Array.from({ length: n.rect.cols }, (_, i) => {
          const col = n.rect.col + i;
          const full = {
            columnIndex: col,
            columnHidden: n.sheet.hiddenColumns.has(col),
            format: { columnWidth: n.sheet.columnWidths.get(col) ?? STANDARD_WIDTH_POINTS },
          };
          return picked(full, c.args[0], c.location);
        }),
      // Excel answers only the merged areas whose top-left cell lies in the range (reported as
      // OfficeDev/office-js#3611 and still so), and a null object when there are none.
      GetMergedAreasOrNullObject: (n) => {
        const rects = n.sheet.merges.filter(
          (m) =>
            m.row >= n.rect.row &&
            m.row < n.rect.row + n.rect.rows &&
            m.col >= n.rect.col &&
            m.col < n.rect.col + n.rect.cols
        );
        return rects.length ? { kind: "RangeAreas", sheet: n.sheet, rects } : { kind: "Null" };
      },
      Merge: (n, c) => {
        c.wrote();
        n.sheet.merge(n.rect, c.args[0] === true, c.location);
      },
      // The client library splits a 2-D write of more than 1,500 cells into row blocks: it asks
      // the host to check the whole array's size, then writes getRow(i).getBoundingRect(getRow(j)).
      _ValidateArraySize: (n, c) => {
        const [rows, cols] = c.args;
        if (rows !== n.rect.rows || cols !== n.rect.cols)
          fail(
            "InvalidArgument",
            `The number of rows or columns in the input array (${String(rows)}x${String(cols)}) doesn't match the size of the range (${n.rect.rows}x${n.rect.cols}).`,
            c.location
          );
      },
      GetRow: (n, c) => {
        const i = Number(c.args[0]);
        if (!Number.isInteger(i) || i < 0 || i >= n.rect.rows)
          fail("InvalidArgument", `Row ${String(c.args[0])} is outside the range.`, c.location);
        return rangeNode(n.sheet, { ...n.rect, row: n.rect.row + i, rows: 1 });
      },
      GetBoundingRect: (n, c) => {
        const other = c.args[0];
        const o = isNode(other, "Range")
          ? other
          : rangeNode(n.sheet, rectOn(n.sheet, other, c.location));
        if (!isNode(o, "Range") || o.sheet !== n.sheet)
          return fail("InvalidArgument", "The ranges are on different worksheets.", c.location);
        const row = Math.min(n.rect.row, o.rect.row);
        const col = Math.min(n.rect.col, o.rect.col);
        const rows = Math.max(n.rect.row + n.rect.rows, o.rect.row + o.rect.rows) - row;
        const cols = Math.max(n.rect.col + n.rect.cols, o.rect.col + o.rect.cols) - col;
        return rangeNode(n.sheet, { row, col, rows, cols });
      },
      GetEntireColumn: (n) =>
        rangeNode(n.sheet, { row: 0, col: n.rect.col, rows: MAX_ROWS, cols: n.rect.cols }),
      Select: (n, c) => {
        c.wrote();
        c.book.activeSheet = n.sheet;
        c.book.selection = { sheet: n.sheet, rect: n.rect };
      },
    },
  },
  RangeFormat: {
    props: {
      ColumnWidth: {
        set: (n, v, c) => {
          c.wrote();
          if (typeof v !== "number" || v < 0)
            fail("InvalidArgument", "columnWidth must be ≥ 0.", c.location);
          for (let i = n.rect.col; i < n.rect.col + n.rect.cols; i += 1)
            n.sheet.columnWidths.set(i, v);
        },
      },
      RowHeight: {
        set: (n, v, c) => {
          c.wrote();
          // Excel's row height limit: 409 points (Excel specifications and limits).
          if (typeof v !== "number" || v < 0 || v > 409)
            fail("InvalidArgument", "rowHeight must be 0–409.", c.location);
          for (let i = n.rect.row; i < n.rect.row + n.rect.rows; i += 1)
            n.sheet.rowHeights.set(i, v);
        },
      },
      WrapText: { set: (n, v, c) => formatCells(n, c, (x) => (x.wrapText = v === true)) },
      HorizontalAlignment: {
        set: (n, v, c) => {
          const a = oneOf(v, H_ALIGN, c.location);
          formatCells(n, c, (x) => (x.horizontalAlignment = a));
        },
      },
      VerticalAlignment: {
        set: (n, v, c) => {
          const a = oneOf(v, V_ALIGN, c.location);
          formatCells(n, c, (x) => (x.verticalAlignment = a));
        },
      },
    },
    nav: {
      Font: (n) => ({ kind: "RangeFont", sheet: n.sheet, rect: n.rect }),
      Fill: (n) => ({ kind: "RangeFill", sheet: n.sheet, rect: n.rect }),
      Borders: (n) => ({ kind: "RangeBorderCollection", sheet: n.sheet, rect: n.rect }),
    },
  },
  RangeFont: {
    props: {
      Bold: { set: (n, v, c) => formatCells(n, c, (x) => (x.font.bold = v === true)) },
      Size: {
        set: (n, v, c) => {
          // Excel's font sizes: 1 to 409 points.
          if (typeof v !== "number" || v < 1 || v > 409)
            fail("InvalidArgument", "font.size must be 1–409.", c.location);
          formatCells(n, c, (x) => (x.font.size = v));
        },
      },
      Color: {
        set: (n, v, c) => {
          const color = normalizeColor(v, c.location);
          formatCells(n, c, (x) => (x.font.color = color));
        },
      },
    },
  },
  RangeFill: {
    props: {
      Color: {
        set: (n, v, c) => {
          const color = normalizeColor(v, c.location);
          formatCells(n, c, (x) => (x.fill = color));
        },
      },
    },
  },
  RangeBorderCollection: {
    index: (n, key, c) => {
      if (!BORDER_INDEXES.includes(String(key)))
        fail("HostLimitation", `Border ${String(key)} is not modelled.`, c.location);
      return { kind: "RangeBorder", sheet: n.sheet, rect: n.rect, index: key as BorderIndex };
    },
  },
  RangeBorder: {
    props: {
      Style: {
        set: (n, v, c) => {
          const style = oneOf(v, BORDER_STYLES, c.location);
          c.wrote();
          for (const { rect, side } of sidesOf(n.index, n.rect))
            n.sheet.format(rect, c.location, (x) => {
              if (style === "None") delete x.borders[side];
              else
                x.borders[side] = { color: "#000000", weight: "Thin", ...x.borders[side], style };
            });
        },
      },
      Color: {
        set: (n, v, c) => {
          const color = normalizeColor(v, c.location);
          c.wrote();
          for (const { rect, side } of sidesOf(n.index, n.rect))
            n.sheet.format(rect, c.location, (x) => {
              x.borders[side] = { style: "Continuous", weight: "Thin", ...x.borders[side], color };
            });
        },
      },
    },
  },
  DataValidation: {
    api: "1.8",
    methods: {
      Clear: (n, c) => {
        c.wrote();
        n.sheet.clearValidation(n.rect, c.location);
      },
    },
    props: {
      Rule: {
        set: (n, v, c) => {
          const rule = normalizeRule(v, c.location);
          c.wrote();
          n.sheet.setRule(n.rect, rule, c.location);
        },
      },
      Prompt: {
        set: (n, v, c) => {
          if (!isRecord(v)) fail("InvalidArgument", "prompt must be an object.", c.location);
          const prompt = {
            showPrompt: v.showPrompt === true,
            title: dialogText(v.title, "title", 32, c.location),
            message: dialogText(v.message, "message", 255, c.location),
          };
          c.wrote();
          n.sheet.setValidationPart(n.rect, c.location, (x) => (x.prompt = prompt));
        },
      },
      ErrorAlert: {
        set: (n, v, c) => {
          if (!isRecord(v)) fail("InvalidArgument", "errorAlert must be an object.", c.location);
          const alert = {
            showAlert: v.showAlert !== false,
            style:
              v.style === undefined
                ? "Stop"
                : oneOf(v.style, ["Stop", "Warning", "Information"], c.location),
            title: dialogText(v.title, "title", 32, c.location),
            message: dialogText(v.message, "message", 255, c.location),
          };
          c.wrote();
          n.sheet.setValidationPart(n.rect, c.location, (x) => (x.errorAlert = alert));
        },
      },
    },
  },
  ConditionalFormatCollection: {
    api: "1.6",
    index: (n, key, c) => {
      const cf = n.sheet.conditionalFormats.find((x) => x.id === key);
      return cf
        ? { kind: "ConditionalFormat", sheet: n.sheet, cf }
        : fail("ItemNotFound", `No conditional format ${String(key)}.`, c.location);
    },
    items: (n) =>
      n.sheet
        .conditionalFormatsOn(n.rect)
        .map((cf) => ({ kind: "ConditionalFormat", sheet: n.sheet, cf })),
    methods: {
      Add: (n, c) => {
        const type = str(c.args[0], c.location);
        if (type !== "Custom")
          fail("HostLimitation", `Conditional format ${type} is not modelled.`, c.location);
        const cf = n.sheet.addConditionalFormat([n.rect], c.location);
        c.wrote();
        return { kind: "ConditionalFormat", sheet: n.sheet, cf };
      },
    },
  },
  ConditionalFormat: {
    api: "1.6",
    id: (n) => n.cf.id,
    // Every format the host holds is Custom: ConditionalFormatCollection.add refuses the others.
    props: { Id: { get: (n) => n.cf.id }, Type: { get: () => "Custom" } },
    nav: {
      Custom: (n) => ({ kind: "CustomConditionalFormat", cf: n.cf }),
      CustomOrNullObject: (n) => ({ kind: "CustomConditionalFormat", cf: n.cf }),
    },
    methods: {
      Delete: (n, c) => {
        c.wrote();
        n.sheet.conditionalFormats = n.sheet.conditionalFormats.filter((x) => x !== n.cf);
      },
    },
  },
  CustomConditionalFormat: {
    nav: {
      Rule: (n) => ({ kind: "ConditionalFormatRule", cf: n.cf }),
      Format: (n) => ({ kind: "ConditionalRangeFormat", cf: n.cf }),
    },
  },
  ConditionalFormatRule: {
    props: {
      Formula: {
        get: (n) => n.cf.formula,
        set: (n, v, c) => {
          const formula = checkedFormula(str(v, c.location), c.location);
          c.wrote();
          n.cf.formula = formula;
        },
      },
    },
  },
  ConditionalRangeFormat: {
    nav: {
      Fill: (n) => ({ kind: "ConditionalRangeFill", cf: n.cf }),
      Font: (n) => ({ kind: "ConditionalRangeFont", cf: n.cf }),
    },
  },
  ConditionalRangeFill: {
    props: {
      Color: {
        get: (n) => n.cf.fill ?? null,
        set: (n, v, c) => {
          n.cf.fill = normalizeColor(v, c.location);
          c.wrote();
        },
      },
    },
  },
  ConditionalRangeFont: {
    props: {
      Color: {
        get: (n) => n.cf.fontColor ?? null,
        set: (n, v, c) => {
          n.cf.fontColor = normalizeColor(v, c.location);
          c.wrote();
        },
      },
    },
  },
  NamedItemCollection: {
    items: (n, c) => c.book.namesIn(n.sheet).map((item) => ({ kind: "NamedItem", item })),
    index: (n, key, c) => {
      const item = c.book
        .namesIn(n.sheet)
        .find((x) => x.name.toUpperCase() === String(key).toUpperCase());
      return item
        ? { kind: "NamedItem", item }
        : fail("ItemNotFound", `No name ${String(key)}.`, c.location);
    },
    methods: {
      Add: (n, c) => {
        const [name, reference, comment] = c.args;
        if (comment !== undefined)
          fail("HostLimitation", "A name's comment is not modelled.", c.location);
        const ref = isNode(reference, "Range")
          ? { sheet: reference.sheet, rect: reference.rect }
          : str(reference, c.location);
        c.wrote();
        const item = c.book.addName(n.sheet, str(name, c.location), ref, c.location);
        return { kind: "NamedItem", item };
      },
    },
  },
  NamedItem: {
    api: "1.4",
    props: {
      Name: { get: (n) => n.item.name },
      // Every name the host holds refers to a range: NamedItemCollection.add refuses the others.
      Type: { get: () => "Range" },
      Formula: { get: (n) => n.item.formula },
    },
  },
  TableCollection: {
    items: (n, c) =>
      c.book.tables
        .filter((t) => !n.sheet || t.sheet === n.sheet)
        .map((table) => ({ kind: "Table", table })),
    methods: {
      /**
       * TableCollection.add(address, hasHeaders): "If the address does not contain a sheet name,
       * the currently-active sheet is used" (Excel.TableCollection.add reference) — on the
       * worksheet's own collection too, so an address without its sheet lands on the active sheet.
       */
      Add: (_n, c) => {
        const [address, hasHeaders] = c.args;
        let target: { sheet: SheetState; rect: Rect };
        if (isNode(address, "Range")) target = { sheet: address.sheet, rect: address.rect };
        else {
          const p = parseAddress(str(address, c.location), c.location);
          const sheet = p.sheet === undefined ? c.book.activeSheet : c.book.findSheet(p.sheet);
          if (!sheet)
            return fail("InvalidArgument", `No sheet for ${String(address)}.`, c.location);
          target = { sheet, rect: p.rect };
        }
        c.wrote();
        return {
          kind: "Table",
          table: c.book.addTable(target.sheet, target.rect, hasHeaders === true, c.location),
        };
      },
    },
  },
  Table: {
    id: (n) => n.table.id,
    props: {
      Id: { get: (n) => n.table.id },
      Name: {
        get: (n) => n.table.name,
        set: (n, v, c) => {
          c.wrote();
          c.book.renameTable(n.table, str(v, c.location), c.location);
        },
      },
      Style: {
        get: (n) => n.table.style,
        set: (n, v, c) => {
          c.wrote();
          n.table.style = str(v, c.location);
        },
      },
    },
  },
  PageLayout: {
    api: "1.9",
    props: {
      Orientation: {
        set: (n, v, c) => {
          n.sheet.pageLayout.orientation = oneOf(v, ["Portrait", "Landscape"], c.location);
          c.wrote();
        },
      },
      PaperSize: {
        set: (n, v, c) => {
          n.sheet.pageLayout.paperSize = oneOf(
            v,
            ["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"],
            c.location
          );
          c.wrote();
        },
      },
      Zoom: {
        set: (n, v, c) => {
          if (!isRecord(v)) fail("InvalidArgument", "zoom must be an object.", c.location);
          const zoom: Record<string, number> = {};
          for (const k of ["scale", "horizontalFitToPages", "verticalFitToPages"])
            if (typeof v[k] === "number") zoom[k] = v[k];
          // "scale" is ignored by Excel when fit-to-pages is given; the two are exclusive.
          if (
            zoom.scale !== undefined &&
            (zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined)
          )
            fail("InvalidArgument", "zoom.scale and fit-to-pages are exclusive.", c.location);
          n.sheet.pageLayout.zoom = zoom;
          c.wrote();
        },
      },
      // PageLayout.leftMargin … footerMargin: "in points, for use when printing" (ExcelApi 1.9,
      // https://learn.microsoft.com/javascript/api/excel/excel.pagelayout). The page says nothing
      // of limits; the host takes a finite number ≥ 0, as Excel's Page Setup dialog does.
      ...Object.fromEntries(
        (["Left", "Right", "Top", "Bottom", "Header", "Footer"] as const).map((side) => [
          `${side}Margin`,
          {
            get: (n: NodeOf<"PageLayout">) =>
              n.sheet.pageLayout.margins[side.toLowerCase() as keyof MarginsState] ??
              NORMAL_MARGINS[side.toLowerCase() as keyof MarginsState],
            set: (n: NodeOf<"PageLayout">, v: unknown, c: Call) => {
              if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
                fail("InvalidArgument", "A margin is a number of points ≥ 0.", c.location);
              n.sheet.pageLayout.margins[side.toLowerCase() as keyof MarginsState] = v;
              c.wrote();
            },
          },
        ])
      ),
      // PageLayout.centerHorizontally and blackAndWhite, booleans (same page).
      CenterHorizontally: {
        set: (n, v, c) => {
          n.sheet.pageLayout.centerHorizontally = bool(v, c.location);
          c.wrote();
        },
      },
      BlackAndWhite: {
        set: (n, v, c) => {
          n.sheet.pageLayout.blackAndWhite = bool(v, c.location);
          c.wrote();
        },
      },
    },
    nav: { HeadersFooters: (n) => ({ kind: "HeadersFooters", sheet: n.sheet }) },
    methods: {
      GetPrintAreaOrNullObject: (n) => {
        const rects = n.sheet.pageLayout.printArea;
        return rects?.length ? { kind: "RangeAreas", sheet: n.sheet, rects } : { kind: "Null" };
      },
      GetPrintTitleRowsOrNullObject: (n) => {
        const rect = n.sheet.pageLayout.printTitleRows;
        return rect ? rangeNode(n.sheet, rect) : { kind: "Null" };
      },
      SetPrintArea: (n, c) => {
        const parts = str(c.args[0], c.location)
          .split(",")
          .map((p) => rectOn(n.sheet, p.trim(), c.location));
        n.sheet.pageLayout.printArea = parts;
        c.wrote();
      },
      SetPrintTitleRows: (n, c) => {
        const rect = rectOn(n.sheet, c.args[0], c.location);
        if (rect.cols !== MAX_COLS)
          fail("InvalidArgument", "Print title rows must be whole rows.", c.location);
        n.sheet.pageLayout.printTitleRows = rect;
        c.wrote();
      },
    },
  },
  HeadersFooters: {
    nav: { DefaultForAllPages: (n) => ({ kind: "HeaderFooter", sheet: n.sheet }) },
  },
  HeaderFooter: {
    props: {
      // The model keeps the centre footer only; the other sections stay empty.
      LeftFooter: { get: () => "" },
      RightFooter: { get: () => "" },
      CenterFooter: {
        get: (n) => n.sheet.pageLayout.centerFooter,
        set: (n, v, c) => {
          n.sheet.pageLayout.centerFooter = str(v, c.location);
          c.wrote();
        },
      },
    },
  },
  PageBreakCollection: {
    index: (n, key, c) => {
      const row = typeof key === "number" ? n.sheet.pageBreaks[key] : undefined;
      if (row === undefined) fail("ItemNotFound", `No page break ${String(key)}.`, c.location);
      return { kind: "PageBreak", sheet: n.sheet, row };
    },
    methods: {
      GetCount: (n) => n.sheet.pageBreaks.length,
      Add: (n, c) => {
        const rect = rectOn(n.sheet, c.args[0], c.location);
        c.wrote();
        n.sheet.pageBreaks.push(rect.row);
        return { kind: "PageBreak", sheet: n.sheet, row: rect.row };
      },
    },
  },
  PageBreak: {
    methods: {
      // "Gets the first cell after the page break": the model keeps horizontal breaks, so column A.
      GetCellAfterBreak: (n) => rangeNode(n.sheet, { row: n.row, col: 0, rows: 1, cols: 1 }),
    },
  },
  RangeAreas: {
    api: "1.9",
    props: {
      AreaCount: { get: (n) => n.rects.length },
    },
    nav: { Areas: (n) => ({ kind: "RangeCollection", sheet: n.sheet, rects: n.rects }) },
  },
  RangeCollection: {
    api: "1.9",
    items: (n) => n.rects.map((rect) => rangeNode(n.sheet, rect)),
  },
  WorksheetFreezePanes: {
    api: "1.7",
    methods: {
      FreezeAt: (n, c) => {
        const rect = rectOn(n.sheet, c.args[0], c.location);
        c.wrote();
        n.sheet.freeze = { rows: rect.row + rect.rows, columns: rect.col + rect.cols };
      },
      FreezeRows: (n, c) => {
        c.wrote();
        n.sheet.freeze = { rows: Number(c.args[0] ?? 1), columns: 0 };
      },
      FreezeColumns: (n, c) => {
        c.wrote();
        n.sheet.freeze = { rows: 0, columns: Number(c.args[0] ?? 1) };
      },
    },
  },
  NoteCollection: {
    api: "1.18",
    items: (n) => n.sheet.notes.map((note) => ({ kind: "Note", sheet: n.sheet, note })),
    methods: {
      Add: (n, c) => {
        const { row, col } = cellOf(n.sheet, c.args[0], c.location);
        c.wrote();
        return {
          kind: "Note",
          sheet: n.sheet,
          note: n.sheet.addNote(row, col, str(c.args[1], c.location), c.location),
        };
      },
      GetItemOrNullObject: (n, c) => {
        const { row, col } = cellOf(n.sheet, c.args[0], c.location);
        const note = n.sheet.notes.find((x) => x.row === row && x.col === col);
        return note ? { kind: "Note", sheet: n.sheet, note } : { kind: "Null" };
      },
    },
  },
  Note: {
    api: "1.18",
    props: { Content: { get: (n) => n.note.content } },
    methods: {
      Delete: (n, c) => {
        c.wrote();
        n.sheet.notes = n.sheet.notes.filter((x) => x !== n.note);
      },
    },
  },
};

function spec(node: Node): ClassSpec<Node> {
  return CLASSES[node.kind] as ClassSpec<Node>;
}

// ---- executing a request ----------------------------------------------------------------------

export interface RequestRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
  /** True when the request changed the workbook. */
  readonly wrote: boolean;
  /** Excel.run's closing request that only releases kept ranges. */
  readonly cleanup: boolean;
  readonly error?: string;
}

export interface ServerOptions {
  /** The user is typing in a cell: Excel refuses requests, or waits with delayForCellEdit. */
  cellEditMode?: boolean;
}

interface WireError {
  readonly Code: string;
  readonly Message: string;
  readonly Location?: string;
  readonly ActionIndex?: number;
  readonly HttpStatusCode: number;
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, "utf8");

export class ExcelServer {
  readonly requests: RequestRecord[] = [];
  /** Ranges by the reference id given to the client. */
  private readonly references = new Map<string, Node>();
  private nextReference = 0;
  cellEditMode: boolean;
  /** Requests that waited for the user to leave cell-edit mode (delayForCellEdit). */
  waitedForCellEdit = 0;

  constructor(
    readonly book: FakeExcel,
    options: ServerOptions = {}
  ) {
    this.cellEditMode = options.cellEditMode ?? false;
  }

  /** One request, as the client library sends it (its body is JSON text), to its response body. */
  handle(bodyText: string, flags: number): string {
    const requestBytes = utf8Bytes(bodyText);
    const body = JSON.parse(bodyText) as RequestBody;
    let wrote = false;
    const { results, error } = ((): { results: unknown[]; error?: WireError } => {
      if (requestBytes > PAYLOAD_LIMIT_BYTES)
        return {
          results: [],
          error: {
            Code: "RequestPayloadSizeLimitExceeded",
            Message: `The request payload size (${requestBytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT_BYTES} bytes.`,
            HttpStatusCode: 413,
          },
        };
      if (this.cellEditMode) {
        // "delayForCellEdit: Determines whether Excel will delay the batch request until the
        // user exits cell edit mode" (Excel.RunOptions); without it the request fails.
        if ((flags & DELAY_FOR_CELL_EDIT_FLAG) === 0)
          return {
            results: [],
            error: {
              Code: "InvalidOperationInCellEditMode",
              Message: "The operation isn't available while Excel is in Edit cell mode.",
              HttpStatusCode: 400,
            },
          };
        this.waitedForCellEdit += 1;
        this.cellEditMode = false;
      }
      return this.execute(body, () => (wrote = true));
    })();
    let response = JSON.stringify(
      error ? { Results: results, Error: error } : { Results: results }
    );
    if (utf8Bytes(response) > PAYLOAD_LIMIT_BYTES) {
      const size = utf8Bytes(response);
      response = JSON.stringify({
        Results: [],
        Error: {
          Code: "ResponsePayloadSizeLimitExceeded",
          Message: `The response payload size (${size} bytes) has exceeded the limit of ${PAYLOAD_LIMIT_BYTES} bytes.`,
          HttpStatusCode: 413,
        },
      });
    }
    this.requests.push({
      requestBytes,
      responseBytes: utf8Bytes(response),
      actions: body.Actions.length,
      wrote,
      cleanup: body.Actions.every(
        (a) => a.ActionType === ACTION.instantiate || a.Name === "_RemoveReference"
      ),
      ...(error ? { error: error.Code } : {}),
    });
    return response;
  }

  private execute(body: RequestBody, wrote: () => void): { results: unknown[]; error?: WireError } {
    const resolved = new Map<number, Node>();
    const results: unknown[] = [];
    const call = (location: string, args: readonly unknown[]): Call => ({
      book: this.book,
      location,
      args,
      wrote,
    });

    const resolve = (id: number): Node => {
      const hit = resolved.get(id);
      if (hit) return hit;
      const info = body.ObjectPaths[String(id)];
      if (!info) return fail("InvalidArgument", `Unknown object path ${id}.`, "ObjectPath");
      const node = this.pathTarget(info, resolve, call);
      resolved.set(id, node);
      return node;
    };

    for (const [index, action] of body.Actions.entries()) {
      try {
        const result = this.run(action, resolve, call);
        if (result !== undefined) results.push({ ActionId: action.Id, Value: result });
      } catch (e) {
        if (!(e instanceof HostError)) throw e;
        return {
          results,
          error: {
            Code: e.code,
            Message: e.message,
            ...(e.debugInfo.errorLocation ? { Location: e.debugInfo.errorLocation } : {}),
            ActionIndex: index,
            HttpStatusCode: 400,
          },
        };
      }
    }
    return { results };
  }

  private args(info: ArgumentInfo | undefined, resolve: (id: number) => Node): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    // An omitted optional argument travels as null.
    return args.map((a, i) =>
      typeof refs[i] === "number" && refs[i] !== 0 ? resolve(a as number) : (a ?? undefined)
    );
  }

  private pathTarget(
    info: ObjectPathInfo,
    resolve: (id: number) => Node,
    call: (location: string, args: readonly unknown[]) => Call
  ): Node {
    if (info.ObjectPathType === PATH.global) return { kind: "Workbook" };
    if (info.ObjectPathType === PATH.nullObject) return { kind: "Null" };
    if (info.ObjectPathType === PATH.referenceId)
      return (
        this.references.get(info.Name) ??
        fail("InvalidObjectPath", `No object has the reference id ${info.Name}.`, "ObjectPath")
      );
    const parent = resolve(info.ParentObjectPathId ?? -1);
    const s = spec(parent);
    const location = `${parent.kind}.${info.Name || "getItem"}`;
    this.checkApi(s, location);
    if (parent.kind === "Null")
      return fail("InvalidObjectPath", "The object is a null object.", location);
    const args = this.args(info.ArgumentInfo, resolve);
    switch (info.ObjectPathType) {
      case PATH.property: {
        const nav = s.nav?.[info.Name];
        if (!nav) return fail("HostLimitation", `${location} is not modelled.`, location);
        return nav(parent, call(location, args));
      }
      case PATH.indexer: {
        if (!s.index) return fail("HostLimitation", `${location} is not modelled.`, location);
        return s.index(parent, args[0], call(location, args));
      }
      case PATH.method: {
        const m = s.methods?.[info.Name];
        if (!m) return fail("HostLimitation", `${location} is not modelled.`, location);
        const out = m(parent, call(location, args));
        if (!isRecord(out) || typeof out.kind !== "string")
          return fail("InvalidArgument", `${location} does not return an object.`, location);
        return out as Node;
      }
      default:
        return fail("HostLimitation", `Object path type ${info.ObjectPathType}.`, location);
    }
  }

  private checkApi(s: ClassSpec<Node>, location: string): void {
    if (s.api && !this.book.requirements.isSetSupported("ExcelApi", s.api))
      fail(
        "ApiNotFound",
        `${location} needs ExcelApi ${s.api}, which this host does not support.`,
        location
      );
  }

  private run(
    action: ActionInfo,
    resolve: (id: number) => Node,
    call: (location: string, args: readonly unknown[]) => Call
  ): unknown {
    const node = resolve(action.ObjectPathId);
    const s = spec(node);
    const location = `${node.kind}.${action.Name || "load"}`;
    switch (action.ActionType) {
      case ACTION.instantiate: {
        // The client fixes its object path from an id (a sheet added now is addressed by id in
        // later requests) and learns null objects from a null value; nothing else is needed.
        if (node.kind === "Null") return null;
        if (node.kind === "Range") {
          // The client library drops a range's path after the request and addresses the range
          // by the reference id the host gives it (`_KeepReference`, then `_ReferenceId`).
          this.nextReference += 1;
          const id = `ref${this.nextReference}`;
          this.references.set(id, node);
          return { _ReferenceId: id };
        }
        return s.id ? { Id: s.id(node) } : undefined;
      }
      case ACTION.setProperty: {
        this.checkApi(s, location);
        const setter = s.props?.[action.Name]?.set;
        if (!setter)
          return fail("HostLimitation", `Setting ${location} is not modelled.`, location);
        const [value] = this.args(action.ArgumentInfo, resolve);
        setter(node, value, call(location, []));
        return undefined;
      }
      case ACTION.method: {
        if (action.Name === "_KeepReference") return undefined;
        if (action.Name === "_RemoveReference") {
          this.references.delete(String(action.ArgumentInfo?.Arguments?.[0]));
          return undefined;
        }
        this.checkApi(s, location);
        const m = s.methods?.[action.Name];
        if (!m) return fail("HostLimitation", `${location} is not modelled.`, location);
        const out = m(node, call(location, this.args(action.ArgumentInfo, resolve)));
        return isRecord(out) && typeof out.kind === "string" ? undefined : (out ?? undefined);
      }
      case ACTION.query: {
        if (node.kind === "Null") return null;
        this.checkApi(s, location);
        const select = action.QueryInfo?.Select ?? [];
        const c = call(location, []);
        if (s.items)
          return { _Items: s.items(node, c).map((item) => this.project(item, select, c)) };
        return this.project(node, select, c);
      }
      default:
        return fail(
          "HostLimitation",
          `Action type ${action.ActionType} is not modelled.`,
          location
        );
    }
  }

  /** The loaded properties of one object: "a/b" paths, camelCase in, PascalCase out. */
  private project(node: Node, select: readonly string[], c: Call): unknown {
    if (node.kind === "Null") return null;
    const s = spec(node);
    this.checkApi(s, `${node.kind}.load`);
    const out: Record<string, unknown> = {};
    const groups = new Map<string, string[]>();
    const paths =
      select.length > 0
        ? select
        : Object.keys(s.props ?? {})
            .filter((k) => s.props?.[k]?.get)
            .map(camel);
    for (const p of paths) {
      const [head = "", ...rest] = p.split("/");
      const list = groups.get(head) ?? [];
      if (rest.length > 0) list.push(rest.join("/"));
      groups.set(head, list);
    }
    for (const [head, rest] of groups) {
      const name = head.charAt(0).toUpperCase() + head.slice(1);
      const location = `${node.kind}.${head}`;
      const nav = s.nav?.[name];
      if (nav) {
        const child = nav(node, { ...c, location });
        out[name] = spec(child).items
          ? { _Items: (spec(child).items?.(child, c) ?? []).map((i) => this.project(i, rest, c)) }
          : this.project(child, rest, c);
        continue;
      }
      const getter = s.props?.[name]?.get;
      if (!getter) return fail("HostLimitation", `Loading ${location} is not modelled.`, location);
      out[name] = getter(node, { ...c, location });
    }
    if (s.id) out.Id ??= s.id(node);
    return out;
  }
}

const camel = (pascal: string): string => pascal.charAt(0).toLowerCase() + pascal.slice(1);

/** For assertions: the address Excel would report for a rectangle on a sheet. */
export const addressOf = (sheet: string, rect: Rect): string => formatAddress(sheet, rect);
export { formatRect };
