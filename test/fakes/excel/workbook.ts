/** Workbook, WorksheetCollection and Worksheet proxies. */
import { MAX_COLS, MAX_ROWS, parseAddress, type Rect } from "./address";
import { fail } from "./errors";
import type { FakeRequestContext } from "./context";
import { FakeCommentCollection, FakeNoteCollection } from "./notes";
import { FakeNamedItemCollection } from "./names";
import { FakePageBreakCollection, FakePageLayout, FakeWorksheetFreezePanes } from "./pageLayout";
import {
  derived,
  FakeClientResult,
  FakeCollection,
  FakeObject,
  lazy,
  resolved,
  type Source,
} from "./proxy";
import { type RangeTarget, FakeRange } from "./range";
import { api } from "./requirements";
import type { FakeExcel, SheetState } from "./state";
import { FakeTableCollection } from "./tables";
import { normalizeColor } from "./values";

export class FakeWorkbook extends FakeObject<FakeExcel> {
  protected readonly typeName = "Workbook";
  protected readonly scalarNames = ["name"] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly comments: FakeCommentCollection;
  readonly notes: FakeNoteCollection;

  constructor(context: FakeRequestContext) {
    super(context, resolved(context.state));
    const book = (): FakeExcel => this.target();
    this.worksheets = new FakeWorksheetCollection(context, derived(this, book));
    this.names = new FakeNamedItemCollection(
      context,
      derived(this, () => ({ book: book() }))
    );
    this.tables = new FakeTableCollection(
      context,
      derived(this, () => ({ book: book() }))
    );
    this.comments = new FakeCommentCollection(
      context,
      derived(this, () => ({ book: book() }))
    );
    this.notes = new FakeNoteCollection(
      context,
      derived(this, () => ({ book: book() }))
    );
    Object.preventExtensions(this);
  }

  protected read(): unknown {
    return "Book1";
  }

  get name(): string {
    return this.loaded("name");
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    const nav: Record<string, FakeObject<unknown>> = {
      worksheets: this.worksheets,
      names: this.names,
      tables: this.tables,
      comments: this.comments,
      notes: this.notes,
    };
    return nav[name];
  }

  /** The selected range (Range.select records it), else A1 of the active sheet. */
  getSelectedRange(): FakeRange {
    return new FakeRange(
      this.context,
      lazy("Workbook.getSelectedRange", () => {
        const book = this.target();
        if (book.selection) return { ...book.selection };
        const sheet = book.activeSheet ?? fail("ItemNotFound", "No active worksheet.");
        return { sheet, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
      })
    );
  }

  getActiveCell(): FakeRange {
    return new FakeRange(
      this.context,
      lazy(
        "Workbook.getActiveCell",
        () => {
          const book = this.target();
          const sel = book.selection;
          const sheet =
            sel?.sheet ?? book.activeSheet ?? fail("ItemNotFound", "No active worksheet.");
          return {
            sheet,
            rect: { row: sel?.rect.row ?? 0, col: sel?.rect.col ?? 0, rows: 1, cols: 1 },
          };
        },
        api("1.7")
      )
    );
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeExcel, FakeWorksheet, SheetState> {
  protected readonly typeName = "WorksheetCollection";

  constructor(context: FakeRequestContext, source: Source<FakeExcel>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected itemsOf(book: FakeExcel): SheetState[] {
    return [...book.sheets];
  }

  protected makeItem(sheet: SheetState): FakeWorksheet {
    return new FakeWorksheet(this.context, resolved(sheet));
  }

  /** Adds a sheet at the end (WorksheetCollection.add); name rules as in state.ts. */
  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      lazy("WorksheetCollection.add", () => this.target().addSheet(name, "WorksheetCollection.add"))
    );
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      lazy("WorksheetCollection.getItem", () =>
        this.target().sheetOrFail(key, "WorksheetCollection.getItem")
      )
    );
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      lazy(
        "WorksheetCollection.getItemOrNullObject",
        () => this.target().findSheet(key) ?? null,
        api("1.4")
      )
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      lazy(
        "WorksheetCollection.getActiveWorksheet",
        () => this.target().activeSheet ?? fail("ItemNotFound", "No active worksheet.")
      )
    );
  }

  getFirst(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      lazy(
        "WorksheetCollection.getFirst",
        () => this.target().sheets[0] ?? fail("ItemNotFound", "No worksheets."),
        api("1.5")
      )
    );
  }

  getLast(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      lazy(
        "WorksheetCollection.getLast",
        () =>
          this.target().sheets[this.target().sheets.length - 1] ??
          fail("ItemNotFound", "No worksheets."),
        api("1.5")
      )
    );
  }

  getCount(): FakeClientResult<number> {
    return this.count("WorksheetCollection.getCount", api("1.4"));
  }
}

const VISIBILITIES = ["Visible", "Hidden", "VeryHidden"];

export class FakeWorksheet extends FakeObject<SheetState> {
  protected readonly typeName = "Worksheet";
  protected readonly scalarNames = [
    "id",
    "name",
    "position",
    "visibility",
    "tabColor",
    "showGridlines",
  ] as const;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly freezePanes: FakeWorksheetFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;
  readonly horizontalPageBreaks: FakePageBreakCollection;

  constructor(context: FakeRequestContext, source: Source<SheetState>) {
    super(context, source);
    const sheet = (): SheetState => this.target();
    this.names = new FakeNamedItemCollection(
      context,
      derived(this, () => ({ book: sheet().book, sheet: sheet() }))
    );
    this.tables = new FakeTableCollection(
      context,
      derived(this, () => ({ book: sheet().book, sheet: sheet() }))
    );
    this.freezePanes = new FakeWorksheetFreezePanes(context, derived(this, sheet));
    this.pageLayout = new FakePageLayout(context, derived(this, sheet));
    this.notes = new FakeNoteCollection(
      context,
      derived(this, () => ({ book: sheet().book, sheet: sheet() }))
    );
    this.comments = new FakeCommentCollection(
      context,
      derived(this, () => ({ book: sheet().book, sheet: sheet() }))
    );
    this.horizontalPageBreaks = new FakePageBreakCollection(context, derived(this, sheet));
    Object.preventExtensions(this);
  }

  protected override target(): SheetState {
    const sheet = super.target();
    if (sheet.deleted)
      fail("ItemNotFound", `The worksheet '${sheet.name}' has been deleted.`, "Worksheet");
    return sheet;
  }

  protected read(name: string, s: SheetState): unknown {
    const values: Record<string, unknown> = {
      id: s.id,
      name: s.name,
      position: s.position,
      visibility: s.visibility,
      tabColor: s.tabColor,
      showGridlines: s.showGridlines,
    };
    return values[name];
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    const nav: Record<string, FakeObject<unknown>> = {
      names: this.names,
      tables: this.tables,
      freezePanes: this.freezePanes,
      pageLayout: this.pageLayout,
      notes: this.notes,
      comments: this.comments,
      horizontalPageBreaks: this.horizontalPageBreaks,
    };
    return nav[name];
  }

  get id(): string {
    return this.loaded("id");
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.queueSet("name", (s) => s.book.renameSheet(s, value, "Worksheet.name"));
  }

  get position(): number {
    return this.loaded("position");
  }
  set position(value: number) {
    this.queueSet("position", (s) => {
      const sheets = s.book.sheets;
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) {
        fail("InvalidArgument", `Position ${value} is out of range.`, "Worksheet.position");
      }
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(value, 0, s);
    });
  }

  get visibility(): string {
    return this.loaded("visibility");
  }
  set visibility(value: string) {
    this.queueSet("visibility", (s) => {
      if (!VISIBILITIES.includes(value))
        fail("InvalidArgument", `Unknown visibility ${value}.`, "Worksheet.visibility");
      const othersVisible = s.book.sheets.some((o) => o !== s && o.visibility === "Visible");
      if (value !== "Visible" && !othersVisible) {
        fail(
          "InvalidOperation",
          "A workbook must keep at least one visible worksheet.",
          "Worksheet.visibility"
        );
      }
      s.visibility = value;
      if (value !== "Visible" && s.book.activeSheet === s) {
        s.book.activeSheet = s.book.sheets.find((o) => o.visibility === "Visible");
      }
    });
  }

  get tabColor(): string {
    return this.loaded("tabColor");
  }
  set tabColor(value: string) {
    this.queueSet(
      "tabColor",
      (s) => (s.tabColor = value === "" ? "" : normalizeColor(value, "Worksheet.tabColor")),
      api("1.7")
    );
  }

  get showGridlines(): boolean {
    return this.loaded("showGridlines");
  }
  set showGridlines(value: boolean) {
    this.queueSet("showGridlines", (s) => (s.showGridlines = Boolean(value)), api("1.8"));
  }

  activate(): void {
    this.queueCall("activate", (s) => {
      if (s.visibility !== "Visible")
        fail("InvalidOperation", "A hidden worksheet cannot be activated.");
      s.book.activeSheet = s;
    });
  }

  delete(): void {
    this.queueCall("delete", (s) => s.book.deleteSheet(s, "Worksheet.delete"));
  }

  private rangeOf(location: string, rect: (s: SheetState) => Rect): FakeRange {
    return new FakeRange(
      this.context,
      lazy(location, (): RangeTarget => {
        const s = this.target();
        return { sheet: s, rect: rect(s) };
      })
    );
  }

  /** getRange("A1:C3"), getRange("$B$5"), getRange("1:3"), getRange("A:C"); no address = whole sheet. */
  getRange(address?: string): FakeRange {
    return this.rangeOf("Worksheet.getRange", (s) => {
      if (address === undefined || address === "")
        return { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
      const p = parseAddress(address, "Worksheet.getRange");
      if (p.sheet !== undefined && s.book.findSheet(p.sheet) !== s) {
        fail(
          "InvalidArgument",
          `'${address}' is not on worksheet '${s.name}'.`,
          "Worksheet.getRange"
        );
      }
      return p.rect;
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): FakeRange {
    return this.rangeOf("Worksheet.getRangeByIndexes", () => {
      const rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
      checkRect(rect, "Worksheet.getRangeByIndexes");
      return rect;
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.rangeOf("Worksheet.getCell", () => {
      const rect = { row, col: column, rows: 1, cols: 1 };
      checkRect(rect, "Worksheet.getCell");
      return rect;
    });
  }

  /** getUsedRange: A1 when the sheet is blank. */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.rangeOf(
      "Worksheet.getUsedRange",
      (s) => s.usedRect(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 }
    );
  }

  /** "If the worksheet is blank, this function will return a null object." */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      lazy(
        "Worksheet.getUsedRangeOrNullObject",
        (): RangeTarget | null => {
          const s = this.target();
          const rect = s.usedRect(valuesOnly);
          return rect ? { sheet: s, rect } : null;
        },
        api("1.4")
      )
    );
  }
}

export function checkRect(rect: Rect, location: string): void {
  const ok =
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.col) &&
    Number.isInteger(rect.rows) &&
    Number.isInteger(rect.cols) &&
    rect.row >= 0 &&
    rect.col >= 0 &&
    rect.rows >= 1 &&
    rect.cols >= 1 &&
    rect.row + rect.rows <= MAX_ROWS &&
    rect.col + rect.cols <= MAX_COLS;
  if (!ok)
    fail(
      "InvalidArgument",
      `The range falls outside the worksheet: ${JSON.stringify(rect)}.`,
      location
    );
}
