/** Range, RangeFormat, RangeFill, RangeFont, RangeBorderCollection and RangeBorder proxies. */
import {
  formatAddress,
  intersects,
  isWholeColumns,
  isWholeRows,
  MAX_COLS,
  MAX_ROWS,
  type Rect,
} from "./address";
import { FakeConditionalFormatCollection } from "./conditionalFormats";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import { derived, FakeObject, lazy, type Source } from "./proxy";
import { api } from "./requirements";
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  type BorderSide,
  type BorderState,
  type SheetState,
} from "./state";
import { FakeDataValidation } from "./validation";
import { normalizeColor } from "./values";
import { checkRect, FakeWorksheet } from "./workbook";

export interface RangeTarget {
  readonly sheet: SheetState;
  readonly rect: Rect;
}

/** How many of the rows/columns in [start, start+count) are in `set`: none, all, or some (null). */
function membership(set: ReadonlySet<number>, start: number, count: number): boolean | null {
  let n = 0;
  for (const i of set) if (i >= start && i < start + count) n += 1;
  if (n === 0) return false;
  return n === count ? true : null;
}

/** One value when every row/column in the span has it (explicit or default), else null. */
function uniformSize(
  sizes: ReadonlyMap<number, number>,
  start: number,
  count: number,
  fallback: number
): number | null {
  const seen = new Set<number>();
  let explicit = 0;
  for (const [i, v] of sizes) {
    if (i >= start && i < start + count) {
      seen.add(v);
      explicit += 1;
    }
  }
  if (explicit < count) seen.add(fallback);
  return seen.size === 1 ? ([...seen][0] ?? null) : null;
}

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
const CLEAR_KINDS = [
  "All",
  "Formats",
  "Contents",
  "Hyperlinks",
  "RemoveHyperlinks",
  "ResetContents",
];

export class FakeRange extends FakeObject<RangeTarget> {
  protected readonly typeName = "Range";
  protected readonly scalarNames = [
    "address",
    "addressLocal",
    "cellCount",
    "columnCount",
    "rowCount",
    "columnIndex",
    "rowIndex",
    "values",
    "formulas",
    "formulasLocal",
    "numberFormat",
    "text",
    "valueTypes",
    "columnHidden",
    "rowHidden",
    "isEntireColumn",
    "isEntireRow",
  ] as const;
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly worksheet: FakeWorksheet;

  constructor(context: FakeRequestContext, source: Source<RangeTarget>) {
    super(context, source);
    const t = (): RangeTarget => this.target();
    this.format = new FakeRangeFormat(context, derived(this, t));
    this.dataValidation = new FakeDataValidation(context, derived(this, t));
    this.conditionalFormats = new FakeConditionalFormatCollection(context, derived(this, t));
    this.worksheet = new FakeWorksheet(
      context,
      derived(this, () => t().sheet)
    );
    Object.preventExtensions(this);
  }

  protected override target(): RangeTarget {
    const t = super.target();
    if (t.sheet.deleted) fail("ItemNotFound", "The range's worksheet has been deleted.", "Range");
    return t;
  }

  /** The sheet and rectangle behind this range, for other proxies' commands at sync time. */
  targetAtSync(): RangeTarget {
    return this.target();
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    const nav: Record<string, FakeObject<unknown>> = {
      format: this.format,
      dataValidation: this.dataValidation,
      conditionalFormats: this.conditionalFormats,
      worksheet: this.worksheet,
    };
    return nav[name];
  }

  protected read(name: string, { sheet, rect }: RangeTarget): unknown {
    const loc = `Range.${name}`;
    switch (name) {
      case "address":
      case "addressLocal":
        return formatAddress(sheet.name, rect);
      case "cellCount":
        return rect.rows * rect.cols;
      case "columnCount":
        return rect.cols;
      case "rowCount":
        return rect.rows;
      case "columnIndex":
        return rect.col;
      case "rowIndex":
        return rect.row;
      case "values":
        return sheet.values(rect, loc);
      case "formulas":
      case "formulasLocal":
        return sheet.formulas(rect, loc);
      case "numberFormat":
        return sheet.grid(rect, loc, (c) => c.numberFormat);
      case "text":
        return sheet.text(rect, loc);
      case "valueTypes":
        return sheet.valueTypes(rect, loc);
      case "columnHidden":
        return membership(sheet.hiddenColumns, rect.col, rect.cols);
      case "rowHidden":
        return membership(sheet.hiddenRows, rect.row, rect.rows);
      case "isEntireColumn":
        return isWholeColumns(rect);
      case "isEntireRow":
        return isWholeRows(rect);
      default:
        return undefined;
    }
  }

  get address(): string {
    return this.loaded("address");
  }
  get addressLocal(): string {
    return this.loaded("addressLocal");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get text(): string[][] {
    return this.loaded("text");
  }
  get valueTypes(): string[][] {
    return this.loaded("valueTypes");
  }
  get isEntireColumn(): boolean {
    return this.loaded("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this.loaded("isEntireRow");
  }

  /** Typed input (see values.ts); a 2-D array must match the range, a scalar fills every cell. */
  get values(): unknown[][] {
    return this.loaded("values");
  }
  set values(input: unknown) {
    this.queueSet("values", ({ sheet, rect }) => sheet.writeInput(rect, input, "Range.values"));
  }

  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }
  set formulas(input: unknown) {
    this.queueSet("formulas", ({ sheet, rect }) => sheet.writeInput(rect, input, "Range.formulas"));
  }

  get formulasLocal(): unknown[][] {
    return this.loaded("formulasLocal");
  }
  set formulasLocal(input: unknown) {
    this.queueSet("formulasLocal", ({ sheet, rect }) =>
      sheet.writeInput(rect, input, "Range.formulasLocal")
    );
  }

  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.queueSet("numberFormat", ({ sheet, rect }) =>
      sheet.writeNumberFormat(rect, input, "Range.numberFormat")
    );
  }

  get columnHidden(): boolean {
    return this.loaded("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.queueSet(
      "columnHidden",
      ({ sheet, rect }) => {
        for (let c = rect.col; c < rect.col + rect.cols; c += 1) {
          if (hidden) sheet.hiddenColumns.add(c);
          else sheet.hiddenColumns.delete(c);
        }
      },
      api("1.2")
    );
  }

  get rowHidden(): boolean {
    return this.loaded("rowHidden");
  }
  set rowHidden(hidden: boolean) {
    this.queueSet(
      "rowHidden",
      ({ sheet, rect }) => {
        sheet.positions({ ...rect, cols: 1 }, "Range.rowHidden");
        for (let r = rect.row; r < rect.row + rect.rows; r += 1) {
          if (hidden) sheet.hiddenRows.add(r);
          else sheet.hiddenRows.delete(r);
        }
      },
      api("1.2")
    );
  }

  private derivedRange(
    location: string,
    rect: (t: RangeTarget) => Rect,
    set = api("1.1")
  ): FakeRange {
    return new FakeRange(
      this.context,
      lazy(
        location,
        (): RangeTarget => {
          const t = this.target();
          const r = rect(t);
          checkRect(r, location);
          return { sheet: t.sheet, rect: r };
        },
        set
      )
    );
  }

  /** A cell relative to the range's top-left corner; it may lie outside the range. */
  getCell(row: number, column: number): FakeRange {
    return this.derivedRange("Range.getCell", ({ rect }) => ({
      row: rect.row + row,
      col: rect.col + column,
      rows: 1,
      cols: 1,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derivedRange(
      "Range.getResizedRange",
      ({ rect }) => ({ ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaColumns }),
      api("1.7")
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derivedRange("Range.getOffsetRange", ({ rect }) => ({
      ...rect,
      row: rect.row + rowOffset,
      col: rect.col + columnOffset,
    }));
  }

  getEntireRow(): FakeRange {
    return this.derivedRange("Range.getEntireRow", ({ rect }) => ({
      ...rect,
      col: 0,
      cols: MAX_COLS,
    }));
  }

  getEntireColumn(): FakeRange {
    return this.derivedRange("Range.getEntireColumn", ({ rect }) => ({
      ...rect,
      row: 0,
      rows: MAX_ROWS,
    }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      lazy(
        "Range.getUsedRangeOrNullObject",
        (): RangeTarget | null => {
          const { sheet, rect } = this.target();
          const used = sheet.usedRect(valuesOnly);
          if (!used || !intersects(used, rect)) return null;
          const row = Math.max(used.row, rect.row);
          const col = Math.max(used.col, rect.col);
          const rows = Math.min(used.row + used.rows, rect.row + rect.rows) - row;
          const cols = Math.min(used.col + used.cols, rect.col + rect.cols) - col;
          return { sheet, rect: { row, col, rows, cols } };
        },
        api("1.4")
      )
    );
  }

  /** Range.merge(across); see SheetState.merge for the overlap rule. */
  merge(across = false): void {
    this.queueCall(
      "merge",
      ({ sheet, rect }) => sheet.merge(rect, across, "Range.merge"),
      api("1.2")
    );
  }

  unmerge(): void {
    this.queueCall("unmerge", ({ sheet, rect }) => sheet.unmerge(rect), api("1.2"));
  }

  clear(applyTo = "All"): void {
    this.queueCall("clear", ({ sheet, rect }) => {
      if (!CLEAR_KINDS.includes(applyTo))
        fail("InvalidArgument", `Unknown applyTo ${applyTo}.`, "Range.clear");
      sheet.clear(rect, applyTo, "Range.clear");
    });
  }

  /** Records the selection and activates the range's sheet. */
  select(): void {
    this.queueCall("select", ({ sheet, rect }) => {
      if (sheet.visibility !== "Visible")
        fail("InvalidOperation", "Cannot select on a hidden worksheet.", "Range.select");
      sheet.book.selection = { sheet, rect };
      sheet.book.activeSheet = sheet;
    });
  }
}

export class FakeRangeFormat extends FakeObject<RangeTarget> {
  protected readonly typeName = "RangeFormat";
  protected readonly scalarNames = [
    "wrapText",
    "horizontalAlignment",
    "verticalAlignment",
    "columnWidth",
    "rowHeight",
  ] as const;
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorderCollection;

  constructor(context: FakeRequestContext, source: Source<RangeTarget>) {
    super(context, source);
    const t = (): RangeTarget => this.target();
    this.fill = new FakeRangeFill(context, derived(this, t));
    this.font = new FakeRangeFont(context, derived(this, t));
    this.borders = new FakeRangeBorderCollection(context, derived(this, t));
    Object.preventExtensions(this);
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    const nav: Record<string, FakeObject<unknown>> = {
      fill: this.fill,
      font: this.font,
      borders: this.borders,
    };
    return nav[name];
  }

  protected read(name: string, { sheet, rect }: RangeTarget): unknown {
    const loc = `RangeFormat.${name}`;
    switch (name) {
      case "wrapText":
        return sheet.uniform(rect, loc, (c) => c.wrapText);
      case "horizontalAlignment":
        return sheet.uniform(rect, loc, (c) => c.horizontalAlignment);
      case "verticalAlignment":
        return sheet.uniform(rect, loc, (c) => c.verticalAlignment);
      case "columnWidth":
        return uniformSize(sheet.columnWidths, rect.col, rect.cols, DEFAULT_COLUMN_WIDTH);
      case "rowHeight":
        return uniformSize(sheet.rowHeights, rect.row, rect.rows, DEFAULT_ROW_HEIGHT);
      default:
        return undefined;
    }
  }

  get wrapText(): boolean {
    return this.loaded("wrapText");
  }
  set wrapText(value: boolean) {
    this.queueSet("wrapText", ({ sheet, rect }) =>
      sheet.format(rect, "RangeFormat.wrapText", (c) => (c.wrapText = Boolean(value)))
    );
  }

  get horizontalAlignment(): string {
    return this.loaded("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    this.queueSet("horizontalAlignment", ({ sheet, rect }) => {
      if (!H_ALIGN.includes(value))
        fail("InvalidArgument", `Unknown horizontal alignment ${value}.`);
      sheet.format(rect, "RangeFormat.horizontalAlignment", (c) => (c.horizontalAlignment = value));
    });
  }

  get verticalAlignment(): string {
    return this.loaded("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    this.queueSet("verticalAlignment", ({ sheet, rect }) => {
      if (!V_ALIGN.includes(value)) fail("InvalidArgument", `Unknown vertical alignment ${value}.`);
      sheet.format(rect, "RangeFormat.verticalAlignment", (c) => (c.verticalAlignment = value));
    });
  }

  /** Points, per column of the range. */
  get columnWidth(): number {
    return this.loaded("columnWidth");
  }
  set columnWidth(value: number) {
    this.queueSet(
      "columnWidth",
      ({ sheet, rect }) => {
        if (typeof value !== "number" || !(value >= 0))
          fail("InvalidArgument", `Bad column width ${value}.`);
        for (let c = rect.col; c < rect.col + rect.cols; c += 1) sheet.columnWidths.set(c, value);
      },
      api("1.2")
    );
  }

  /** Points, per row of the range (at most 409, Excel's limit). */
  get rowHeight(): number {
    return this.loaded("rowHeight");
  }
  set rowHeight(value: number) {
    this.queueSet(
      "rowHeight",
      ({ sheet, rect }) => {
        if (typeof value !== "number" || !(value >= 0 && value <= 409)) {
          fail("InvalidArgument", `Bad row height ${value}.`);
        }
        sheet.positions({ ...rect, cols: 1 }, "RangeFormat.rowHeight");
        for (let r = rect.row; r < rect.row + rect.rows; r += 1) sheet.rowHeights.set(r, value);
      },
      api("1.2")
    );
  }

  /** Accepted and ignored: the fake has no text metrics. */
  autofitColumns(): void {
    this.queueCall("autofitColumns", () => undefined, api("1.2"));
  }

  autofitRows(): void {
    this.queueCall("autofitRows", () => undefined, api("1.2"));
  }
}

export class FakeRangeFill extends FakeObject<RangeTarget> {
  protected readonly typeName = "RangeFill";
  protected readonly scalarNames = ["color"] as const;

  constructor(context: FakeRequestContext, source: Source<RangeTarget>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(_name: string, { sheet, rect }: RangeTarget): unknown {
    return sheet.uniform(rect, "RangeFill.color", (c) => c.fill ?? "#FFFFFF");
  }

  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.queueSet("color", ({ sheet, rect }) => {
      const color = normalizeColor(value, "RangeFill.color");
      sheet.format(rect, "RangeFill.color", (c) => (c.fill = color));
    });
  }

  clear(): void {
    this.queueCall("clear", ({ sheet, rect }) =>
      sheet.format(rect, "RangeFill.clear", (c) => delete c.fill)
    );
  }
}

const UNDERLINES = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];

export class FakeRangeFont extends FakeObject<RangeTarget> {
  protected readonly typeName = "RangeFont";
  protected readonly scalarNames = [
    "bold",
    "italic",
    "color",
    "size",
    "name",
    "underline",
  ] as const;

  constructor(context: FakeRequestContext, source: Source<RangeTarget>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(name: string, { sheet, rect }: RangeTarget): unknown {
    return sheet.uniform(rect, `RangeFont.${name}`, (c) => c.font[name as keyof typeof c.font]);
  }

  private setFont(
    name: "bold" | "italic" | "color" | "size" | "name" | "underline",
    value: unknown
  ): void {
    this.queueSet(name, ({ sheet, rect }) => {
      const loc = `RangeFont.${name}`;
      let v: unknown = value;
      if (name === "bold" || name === "italic") v = Boolean(value);
      if (name === "color") v = normalizeColor(value, loc);
      if (name === "size" && !(typeof value === "number" && value >= 1 && value <= 409)) {
        fail("InvalidArgument", `Bad font size ${String(value)}.`, loc);
      }
      // Excel.RangeFont.name: "The name's length should not be greater than 31 characters."
      if (
        name === "name" &&
        !(typeof value === "string" && value.length > 0 && value.length <= 31)
      ) {
        fail("InvalidArgument", `Bad font name ${String(value)}.`, loc);
      }
      if (name === "underline" && !UNDERLINES.includes(String(value))) {
        fail("InvalidArgument", `Bad underline ${String(value)}.`, loc);
      }
      sheet.format(rect, loc, (c) => Object.assign(c.font, { [name]: v }));
    });
  }

  get bold(): boolean {
    return this.loaded("bold");
  }
  set bold(value: boolean) {
    this.setFont("bold", value);
  }
  get italic(): boolean {
    return this.loaded("italic");
  }
  set italic(value: boolean) {
    this.setFont("italic", value);
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.setFont("color", value);
  }
  get size(): number {
    return this.loaded("size");
  }
  set size(value: number) {
    this.setFont("size", value);
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.setFont("name", value);
  }
  get underline(): string {
    return this.loaded("underline");
  }
  set underline(value: string) {
    this.setFont("underline", value);
  }
}

type BorderIndex =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

/** The cell sides one border index stands for (a minimal model: adjacent sides are not shared). */
function sidesOf(index: BorderIndex, r: Rect): Array<{ rect: Rect; side: BorderSide }> {
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
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

export class FakeRangeBorderCollection extends FakeObject<RangeTarget> {
  protected readonly typeName = "RangeBorderCollection";
  protected readonly scalarNames = [] as const;

  constructor(context: FakeRequestContext, source: Source<RangeTarget>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(): unknown {
    return undefined;
  }

  /** EdgeTop/Bottom/Left/Right and InsideHorizontal/Vertical; diagonals are not modelled. */
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(
      this.context,
      lazy("RangeBorderCollection.getItem", () => {
        const t = this.target();
        if (!BORDER_INDEXES.includes(index)) {
          fail(
            "FakeLimitation",
            `Border ${index} is not modelled by the fake.`,
            "RangeBorderCollection.getItem"
          );
        }
        return { ...t, index: index as BorderIndex };
      })
    );
  }
}

export class FakeRangeBorder extends FakeObject<RangeTarget & { readonly index: BorderIndex }> {
  protected readonly typeName = "RangeBorder";
  protected readonly scalarNames = ["style", "color", "weight", "sideIndex"] as const;

  constructor(
    context: FakeRequestContext,
    source: Source<RangeTarget & { readonly index: BorderIndex }>
  ) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(name: string, t: RangeTarget & { readonly index: BorderIndex }): unknown {
    if (name === "sideIndex") return t.index;
    const seen = new Set<string>();
    for (const { rect, side } of sidesOf(t.index, t.rect)) {
      for (const [r, c] of t.sheet.positions(rect, "RangeBorder")) {
        const b = t.sheet.cell(r, c).borders[side];
        const full: BorderState = b ?? { style: "None", color: "#000000", weight: "Thin" };
        seen.add(String(full[name as keyof BorderState]));
      }
    }
    return seen.size === 1 ? [...seen][0] : null;
  }

  private setBorder(name: keyof BorderState, value: string): void {
    this.queueSet(name, (t) => {
      const loc = `RangeBorder.${name}`;
      let v = value;
      if (name === "style" && !BORDER_STYLES.includes(value))
        fail("InvalidArgument", `Bad border style ${value}.`, loc);
      if (name === "weight" && !BORDER_WEIGHTS.includes(value))
        fail("InvalidArgument", `Bad border weight ${value}.`, loc);
      if (name === "color") v = normalizeColor(value, loc);
      for (const { rect, side } of sidesOf(t.index, t.rect)) {
        t.sheet.format(rect, loc, (c) => {
          if (name === "style" && v === "None") {
            delete c.borders[side];
            return;
          }
          const b = c.borders[side] ?? { style: "Continuous", color: "#000000", weight: "Thin" };
          c.borders[side] = { ...b, [name]: v };
        });
      }
    });
  }

  get style(): string {
    return this.loaded("style");
  }
  set style(value: string) {
    this.setBorder("style", value);
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.setBorder("color", value);
  }
  get weight(): string {
    return this.loaded("weight");
  }
  set weight(value: string) {
    this.setBorder("weight", value);
  }
  get sideIndex(): string {
    return this.loaded("sideIndex");
  }
}
