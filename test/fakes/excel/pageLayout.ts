/**
 * Print and view settings: Worksheet.pageLayout (ExcelApi 1.9), Worksheet.freezePanes (1.7) and
 * Worksheet.horizontalPageBreaks (1.9), from the Excel.PageLayout, Excel.HeaderFooterGroup,
 * Excel.WorksheetFreezePanes and Excel.PageBreakCollection reference pages. Notes:
 *   - `zoom` must be assigned as a whole object (Application-specific API model, "Some properties
 *     cannot be set directly"): `pageLayout.zoom.scale = …` changes nothing, here as in Excel;
 *   - freezeAt(range) freezes the cells of the range's top-left pane: rows above and including its
 *     last row, columns left of and including its last column; freezeRows/freezeColumns set one
 *     dimension and keep the other; getLocationOrNullObject is null when nothing is frozen;
 *   - a horizontal page break is added "before the top-left cell of the range".
 */
import {
  formatAddress,
  isWholeColumns,
  isWholeRows,
  MAX_COLS,
  MAX_ROWS,
  parseAddress,
  type Rect,
} from "./address";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import { derived, FakeClientResult, FakeCollection, FakeObject, lazy, type Source } from "./proxy";
import { type RangeTarget, FakeRange } from "./range";
import { api } from "./requirements";
import type { HeaderFooterState, PageLayoutState, SheetState, ZoomState } from "./state";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** A Range proxy or an address on `sheet` ("A1:H40", "$1:$2", "Sheet1!A1"). */
function rectOn(sheet: SheetState, input: unknown, location: string): Rect[] {
  if (input instanceof FakeRange) {
    const t = input.targetAtSync();
    if (t.sheet !== sheet) fail("InvalidArgument", "The range is on another worksheet.", location);
    return [t.rect];
  }
  if (typeof input !== "string" || input.trim() === "")
    fail("InvalidArgument", "An address is required.", location);
  return input.split(",").map((part) => {
    const p = parseAddress(part.trim(), location);
    if (p.sheet !== undefined && sheet.book.findSheet(p.sheet) !== sheet) {
      fail("InvalidArgument", `'${part}' is on another worksheet.`, location);
    }
    return p.rect;
  });
}

const PAPER = [
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
];

const CHOICES: Readonly<Record<string, readonly string[]>> = {
  orientation: ["Portrait", "Landscape"],
  paperSize: PAPER,
  printOrder: ["DownThenOver", "OverThenDown"],
  printComments: ["NoComments", "EndSheet", "InPlace"],
  printErrors: ["AsDisplayed", "Blank", "Dash", "NotAvailable"],
};

const MARGINS = [
  "leftMargin",
  "rightMargin",
  "topMargin",
  "bottomMargin",
  "headerMargin",
  "footerMargin",
];
const FLAGS = [
  "centerHorizontally",
  "centerVertically",
  "printGridlines",
  "printHeadings",
  "blackAndWhite",
  "draftMode",
];

type LayoutKey = Exclude<
  keyof PageLayoutState,
  "printArea" | "printTitleRows" | "printTitleColumns" | "headersFooters"
>;

export class FakePageLayout extends FakeObject<SheetState> {
  protected readonly typeName = "PageLayout";
  protected readonly scalarNames = [
    "orientation",
    "paperSize",
    ...MARGINS,
    ...FLAGS,
    "firstPageNumber",
    "printOrder",
    "printComments",
    "printErrors",
    "zoom",
  ];
  protected override readonly apiSet = api("1.9");
  readonly headersFooters: FakeHeaderFooterGroup;

  constructor(context: FakeRequestContext, source: Source<SheetState>) {
    super(context, source);
    this.headersFooters = new FakeHeaderFooterGroup(
      context,
      derived(this, () => this.target().pageLayout.headersFooters)
    );
    Object.preventExtensions(this);
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    return name === "headersFooters" ? this.headersFooters : undefined;
  }

  protected read(name: string, sheet: SheetState): unknown {
    return sheet.pageLayout[name as LayoutKey];
  }

  private setLayout(name: LayoutKey, value: unknown): void {
    this.queueSet(name, (sheet) => {
      const loc = `PageLayout.${name}`;
      const choices = CHOICES[name];
      if (choices && !choices.includes(String(value)))
        fail("InvalidArgument", `Bad ${name} ${String(value)}.`, loc);
      if (MARGINS.includes(name) && !(typeof value === "number" && value >= 0)) {
        fail("InvalidArgument", `Bad margin ${String(value)}.`, loc);
      }
      if (
        name === "firstPageNumber" &&
        !(value === "" || (typeof value === "number" && Number.isInteger(value)))
      ) {
        fail("InvalidArgument", `Bad first page number ${String(value)}.`, loc);
      }
      Object.assign(sheet.pageLayout, { [name]: FLAGS.includes(name) ? Boolean(value) : value });
    });
  }

  get orientation(): string {
    return this.loaded("orientation");
  }
  set orientation(v: string) {
    this.setLayout("orientation", v);
  }
  get paperSize(): string {
    return this.loaded("paperSize");
  }
  set paperSize(v: string) {
    this.setLayout("paperSize", v);
  }
  get leftMargin(): number {
    return this.loaded("leftMargin");
  }
  set leftMargin(v: number) {
    this.setLayout("leftMargin", v);
  }
  get rightMargin(): number {
    return this.loaded("rightMargin");
  }
  set rightMargin(v: number) {
    this.setLayout("rightMargin", v);
  }
  get topMargin(): number {
    return this.loaded("topMargin");
  }
  set topMargin(v: number) {
    this.setLayout("topMargin", v);
  }
  get bottomMargin(): number {
    return this.loaded("bottomMargin");
  }
  set bottomMargin(v: number) {
    this.setLayout("bottomMargin", v);
  }
  get headerMargin(): number {
    return this.loaded("headerMargin");
  }
  set headerMargin(v: number) {
    this.setLayout("headerMargin", v);
  }
  get footerMargin(): number {
    return this.loaded("footerMargin");
  }
  set footerMargin(v: number) {
    this.setLayout("footerMargin", v);
  }
  get centerHorizontally(): boolean {
    return this.loaded("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this.setLayout("centerHorizontally", v);
  }
  get centerVertically(): boolean {
    return this.loaded("centerVertically");
  }
  set centerVertically(v: boolean) {
    this.setLayout("centerVertically", v);
  }
  get printGridlines(): boolean {
    return this.loaded("printGridlines");
  }
  set printGridlines(v: boolean) {
    this.setLayout("printGridlines", v);
  }
  get printHeadings(): boolean {
    return this.loaded("printHeadings");
  }
  set printHeadings(v: boolean) {
    this.setLayout("printHeadings", v);
  }
  get blackAndWhite(): boolean {
    return this.loaded("blackAndWhite");
  }
  set blackAndWhite(v: boolean) {
    this.setLayout("blackAndWhite", v);
  }
  get draftMode(): boolean {
    return this.loaded("draftMode");
  }
  set draftMode(v: boolean) {
    this.setLayout("draftMode", v);
  }
  get firstPageNumber(): number | "" {
    return this.loaded("firstPageNumber");
  }
  set firstPageNumber(v: number | "") {
    this.setLayout("firstPageNumber", v);
  }
  get printOrder(): string {
    return this.loaded("printOrder");
  }
  set printOrder(v: string) {
    this.setLayout("printOrder", v);
  }
  get printComments(): string {
    return this.loaded("printComments");
  }
  set printComments(v: string) {
    this.setLayout("printComments", v);
  }
  get printErrors(): string {
    return this.loaded("printErrors");
  }
  set printErrors(v: string) {
    this.setLayout("printErrors", v);
  }

  /** PageLayoutZoomOptions: scale 10–400, or fit to N pages wide / tall (0 = automatic). */
  get zoom(): ZoomState {
    return this.loaded("zoom");
  }
  set zoom(value: ZoomState) {
    this.queueSet("zoom", (sheet) => {
      const loc = "PageLayout.zoom";
      if (!isRecord(value))
        fail("InvalidArgument", "zoom must be a PageLayoutZoomOptions object.", loc);
      const zoom: ZoomState = {};
      if (value.scale !== undefined) {
        if (!(typeof value.scale === "number" && value.scale >= 10 && value.scale <= 400)) {
          fail("InvalidArgument", "zoom.scale must be between 10 and 400.", loc);
        }
        zoom.scale = value.scale;
      }
      for (const k of ["horizontalFitToPages", "verticalFitToPages"] as const) {
        const v = value[k];
        if (v === undefined) continue;
        if (!(typeof v === "number" && Number.isInteger(v) && v >= 0))
          fail("InvalidArgument", `Bad zoom.${k}.`, loc);
        zoom[k] = v;
      }
      sheet.pageLayout.zoom = zoom;
    });
  }

  setPrintArea(printArea: FakeRange | string): void {
    this.queueCall("setPrintArea", (sheet) => {
      sheet.pageLayout.printArea = rectOn(sheet, printArea, "PageLayout.setPrintArea");
    });
  }

  setPrintTitleRows(printTitleRows: FakeRange | string): void {
    this.queueCall("setPrintTitleRows", (sheet) => {
      const rects = rectOn(sheet, printTitleRows, "PageLayout.setPrintTitleRows");
      const [r] = rects;
      if (rects.length !== 1 || !r || isWholeColumns(r)) {
        fail(
          "InvalidArgument",
          "Print title rows must be one block of rows.",
          "PageLayout.setPrintTitleRows"
        );
      }
      sheet.pageLayout.printTitleRows = { row: r.row, rows: r.rows, col: 0, cols: MAX_COLS };
    });
  }

  setPrintTitleColumns(printTitleColumns: FakeRange | string): void {
    this.queueCall("setPrintTitleColumns", (sheet) => {
      const rects = rectOn(sheet, printTitleColumns, "PageLayout.setPrintTitleColumns");
      const [r] = rects;
      if (rects.length !== 1 || !r || isWholeRows(r)) {
        fail(
          "InvalidArgument",
          "Print title columns must be one block of columns.",
          "PageLayout.setPrintTitleColumns"
        );
      }
      sheet.pageLayout.printTitleColumns = { row: 0, rows: MAX_ROWS, col: r.col, cols: r.cols };
    });
  }

  private areas(location: string, orNull: boolean): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      lazy(
        location,
        () => {
          const sheet = this.target();
          const rects = sheet.pageLayout.printArea;
          if (rects) return { sheet, rects };
          return orNull ? null : fail("ItemNotFound", "The worksheet has no print area.", location);
        },
        this.apiSet
      )
    );
  }

  getPrintArea(): FakeRangeAreas {
    return this.areas("PageLayout.getPrintArea", false);
  }

  getPrintAreaOrNullObject(): FakeRangeAreas {
    return this.areas("PageLayout.getPrintAreaOrNullObject", true);
  }

  private titles(
    location: string,
    key: "printTitleRows" | "printTitleColumns",
    orNull: boolean
  ): FakeRange {
    return new FakeRange(
      this.context,
      lazy(
        location,
        (): RangeTarget | null => {
          const sheet = this.target();
          const rect = sheet.pageLayout[key];
          if (rect) return { sheet, rect };
          return orNull ? null : fail("ItemNotFound", `The worksheet has no ${key}.`, location);
        },
        this.apiSet
      )
    );
  }

  getPrintTitleRows(): FakeRange {
    return this.titles("PageLayout.getPrintTitleRows", "printTitleRows", false);
  }
  getPrintTitleRowsOrNullObject(): FakeRange {
    return this.titles("PageLayout.getPrintTitleRowsOrNullObject", "printTitleRows", true);
  }
  getPrintTitleColumns(): FakeRange {
    return this.titles("PageLayout.getPrintTitleColumns", "printTitleColumns", false);
  }
  getPrintTitleColumnsOrNullObject(): FakeRange {
    return this.titles("PageLayout.getPrintTitleColumnsOrNullObject", "printTitleColumns", true);
  }
}

type Group = PageLayoutState["headersFooters"];
const PAGES = ["defaultForAllPages", "firstPage", "evenPages", "oddPages"] as const;

export class FakeHeaderFooterGroup extends FakeObject<Group> {
  protected readonly typeName = "HeaderFooterGroup";
  protected readonly scalarNames = ["state", "useSheetMargins", "useSheetScale"] as const;
  protected override readonly apiSet = api("1.9");
  readonly defaultForAllPages: FakeHeaderFooter;
  readonly firstPage: FakeHeaderFooter;
  readonly evenPages: FakeHeaderFooter;
  readonly oddPages: FakeHeaderFooter;

  constructor(context: FakeRequestContext, source: Source<Group>) {
    super(context, source);
    this.defaultForAllPages = new FakeHeaderFooter(
      context,
      derived(this, () => this.target().defaultForAllPages)
    );
    this.firstPage = new FakeHeaderFooter(
      context,
      derived(this, () => this.target().firstPage)
    );
    this.evenPages = new FakeHeaderFooter(
      context,
      derived(this, () => this.target().evenPages)
    );
    this.oddPages = new FakeHeaderFooter(
      context,
      derived(this, () => this.target().oddPages)
    );
    Object.preventExtensions(this);
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    return (PAGES as readonly string[]).includes(name)
      ? this[name as (typeof PAGES)[number]]
      : undefined;
  }

  protected read(name: string, g: Group): unknown {
    return g[name as "state" | "useSheetMargins" | "useSheetScale"];
  }

  get state(): string {
    return this.loaded("state");
  }
  set state(value: string) {
    this.queueSet("state", (g) => {
      if (!["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"].includes(value)) {
        fail("InvalidArgument", `Bad header/footer state ${value}.`, "HeaderFooterGroup.state");
      }
      g.state = value;
    });
  }
  get useSheetMargins(): boolean {
    return this.loaded("useSheetMargins");
  }
  set useSheetMargins(value: boolean) {
    this.queueSet("useSheetMargins", (g) => (g.useSheetMargins = Boolean(value)));
  }
  get useSheetScale(): boolean {
    return this.loaded("useSheetScale");
  }
  set useSheetScale(value: boolean) {
    this.queueSet("useSheetScale", (g) => (g.useSheetScale = Boolean(value)));
  }
}

type Section = keyof HeaderFooterState;

/** One page's header and footer; texts use Excel's codes (&P page, &N pages, &D date). */
export class FakeHeaderFooter extends FakeObject<HeaderFooterState> {
  protected readonly typeName = "HeaderFooter";
  protected readonly scalarNames = [
    "leftHeader",
    "centerHeader",
    "rightHeader",
    "leftFooter",
    "centerFooter",
    "rightFooter",
  ] as const;
  protected override readonly apiSet = api("1.9");

  constructor(context: FakeRequestContext, source: Source<HeaderFooterState>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(name: string, h: HeaderFooterState): unknown {
    return h[name as Section];
  }

  private setSection(name: Section, value: string): void {
    this.queueSet(name, (h) => {
      if (typeof value !== "string")
        fail("InvalidArgument", `${name} must be a string.`, `HeaderFooter.${name}`);
      h[name] = value;
    });
  }

  get leftHeader(): string {
    return this.loaded("leftHeader");
  }
  set leftHeader(v: string) {
    this.setSection("leftHeader", v);
  }
  get centerHeader(): string {
    return this.loaded("centerHeader");
  }
  set centerHeader(v: string) {
    this.setSection("centerHeader", v);
  }
  get rightHeader(): string {
    return this.loaded("rightHeader");
  }
  set rightHeader(v: string) {
    this.setSection("rightHeader", v);
  }
  get leftFooter(): string {
    return this.loaded("leftFooter");
  }
  set leftFooter(v: string) {
    this.setSection("leftFooter", v);
  }
  get centerFooter(): string {
    return this.loaded("centerFooter");
  }
  set centerFooter(v: string) {
    this.setSection("centerFooter", v);
  }
  get rightFooter(): string {
    return this.loaded("rightFooter");
  }
  set rightFooter(v: string) {
    this.setSection("rightFooter", v);
  }
}

interface AreasTarget {
  readonly sheet: SheetState;
  readonly rects: readonly Rect[];
}

/** Excel.RangeAreas, minimally: address, areaCount, cellCount. */
export class FakeRangeAreas extends FakeObject<AreasTarget> {
  protected readonly typeName = "RangeAreas";
  protected readonly scalarNames = ["address", "areaCount", "cellCount"] as const;

  constructor(context: FakeRequestContext, source: Source<AreasTarget>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(name: string, { sheet, rects }: AreasTarget): unknown {
    if (name === "address") return rects.map((r) => formatAddress(sheet.name, r)).join(",");
    if (name === "areaCount") return rects.length;
    return rects.reduce((n, r) => n + r.rows * r.cols, 0);
  }

  get address(): string {
    return this.loaded("address");
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }
}

export class FakeWorksheetFreezePanes extends FakeObject<SheetState> {
  protected readonly typeName = "WorksheetFreezePanes";
  protected readonly scalarNames = [] as const;
  protected override readonly apiSet = api("1.7");

  constructor(context: FakeRequestContext, source: Source<SheetState>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(): unknown {
    return undefined;
  }

  private count(n: number, location: string): number {
    if (!(Number.isInteger(n) && n >= 0)) fail("InvalidArgument", `Bad count ${n}.`, location);
    return n;
  }

  freezeRows(count = 1): void {
    this.queueCall(
      "freezeRows",
      (s) => (s.freeze = { ...s.freeze, rows: this.count(count, "freezeRows") })
    );
  }

  freezeColumns(count = 1): void {
    this.queueCall(
      "freezeColumns",
      (s) => (s.freeze = { ...s.freeze, columns: this.count(count, "freezeColumns") })
    );
  }

  freezeAt(frozenRange: FakeRange | string | null): void {
    this.queueCall("freezeAt", (s) => {
      if (frozenRange === null) {
        s.freeze = { rows: 0, columns: 0 };
        return;
      }
      const rects = rectOn(s, frozenRange, "WorksheetFreezePanes.freezeAt");
      const [r] = rects;
      if (rects.length !== 1 || !r)
        fail("InvalidArgument", "freezeAt takes one range.", "WorksheetFreezePanes.freezeAt");
      s.freeze = {
        rows: isWholeColumns(r) ? 0 : r.row + r.rows,
        columns: isWholeRows(r) ? 0 : r.col + r.cols,
      };
    });
  }

  unfreeze(): void {
    this.queueCall("unfreeze", (s) => (s.freeze = { rows: 0, columns: 0 }));
  }

  private location(location: string, orNull: boolean): FakeRange {
    return new FakeRange(
      this.context,
      lazy(
        location,
        (): RangeTarget | null => {
          const sheet = this.target();
          const { rows, columns } = sheet.freeze;
          if (rows === 0 && columns === 0) {
            return orNull ? null : fail("ItemNotFound", "Nothing is frozen.", location);
          }
          const rect: Rect = {
            row: 0,
            col: 0,
            rows: rows === 0 ? MAX_ROWS : rows,
            cols: columns === 0 ? MAX_COLS : columns,
          };
          return { sheet, rect };
        },
        this.apiSet
      )
    );
  }

  getLocation(): FakeRange {
    return this.location("WorksheetFreezePanes.getLocation", false);
  }

  getLocationOrNullObject(): FakeRange {
    return this.location("WorksheetFreezePanes.getLocationOrNullObject", true);
  }
}

interface BreakTarget {
  readonly sheet: SheetState;
  readonly brk: { readonly row: number; readonly col: number };
}

export class FakePageBreakCollection extends FakeCollection<
  SheetState,
  FakePageBreak,
  BreakTarget
> {
  protected readonly typeName = "PageBreakCollection";
  protected override readonly apiSet = api("1.9");

  constructor(context: FakeRequestContext, source: Source<SheetState>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected itemsOf(sheet: SheetState): BreakTarget[] {
    return [...sheet.pageBreaks].sort((a, b) => a.row - b.row).map((brk) => ({ sheet, brk }));
  }

  protected makeItem(target: BreakTarget): FakePageBreak {
    return new FakePageBreak(this.context, { kind: "resolved", target });
  }

  /** A break before the top-left cell of the range (a horizontal break: before its row). */
  add(pageBreakRange: FakeRange | string): FakePageBreak {
    return new FakePageBreak(
      this.context,
      lazy(
        "PageBreakCollection.add",
        (): BreakTarget => {
          const sheet = this.target();
          const [r] = rectOn(sheet, pageBreakRange, "PageBreakCollection.add");
          if (!r || r.row === 0)
            fail(
              "InvalidArgument",
              "A page break cannot precede row 1.",
              "PageBreakCollection.add"
            );
          const existing = sheet.pageBreaks.find((b) => b.row === r.row);
          const brk = existing ?? { row: r.row, col: r.col };
          if (!existing) sheet.pageBreaks.push(brk);
          return { sheet, brk };
        },
        this.apiSet
      )
    );
  }

  getCount(): FakeClientResult<number> {
    return this.count("PageBreakCollection.getCount");
  }

  getItem(index: number): FakePageBreak {
    return new FakePageBreak(
      this.context,
      lazy(
        "PageBreakCollection.getItem",
        () =>
          this.itemsOf(this.target())[index] ?? fail("ItemNotFound", `No page break at ${index}.`),
        this.apiSet
      )
    );
  }

  removePageBreaks(): void {
    this.queueCall("removePageBreaks", (s) => (s.pageBreaks = []));
  }
}

export class FakePageBreak extends FakeObject<BreakTarget> {
  protected readonly typeName = "PageBreak";
  protected readonly scalarNames = ["rowIndex", "columnIndex"] as const;
  protected override readonly apiSet = api("1.9");

  constructor(context: FakeRequestContext, source: Source<BreakTarget>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(name: string, { brk }: BreakTarget): unknown {
    return name === "rowIndex" ? brk.row : brk.col;
  }

  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }

  delete(): void {
    this.queueCall(
      "delete",
      ({ sheet, brk }) => (sheet.pageBreaks = sheet.pageBreaks.filter((b) => b !== brk))
    );
  }

  getCellAfterBreak(): FakeRange {
    return new FakeRange(
      this.context,
      lazy(
        "PageBreak.getCellAfterBreak",
        (): RangeTarget => {
          const { sheet, brk } = this.target();
          return { sheet, rect: { row: brk.row, col: brk.col, rows: 1, cols: 1 } };
        },
        this.apiSet
      )
    );
  }
}
