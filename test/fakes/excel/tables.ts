/**
 * worksheet.tables / workbook.tables (Excel.TableCollection, Excel.Table): add(address, hasHeaders),
 * name (unique in the workbook, shared with defined names), style, getHeaderRowRange,
 * getDataBodyRange, getRange, delete. Overlap rules: FakeExcel.addTable.
 */
import { parseAddress } from "./address";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import { FakeClientResult, FakeCollection, FakeObject, lazy, type Source } from "./proxy";
import { type RangeTarget, FakeRange } from "./range";
import { api } from "./requirements";
import type { FakeExcel, SheetState, TableState } from "./state";
import { FakeWorksheet } from "./workbook";

export interface TableScope {
  readonly book: FakeExcel;
  readonly sheet?: SheetState;
}

export class FakeTableCollection extends FakeCollection<TableScope, FakeTable, TableState> {
  protected readonly typeName = "TableCollection";

  constructor(context: FakeRequestContext, source: Source<TableScope>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected itemsOf({ book, sheet }: TableScope): TableState[] {
    return book.tables.filter((t) => !sheet || t.sheet === sheet);
  }

  protected makeItem(target: TableState): FakeTable {
    return new FakeTable(this.context, { kind: "resolved", target });
  }

  /** `address` may name its sheet; on workbook.tables it must. A Range is accepted too. */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    return new FakeTable(
      this.context,
      lazy("TableCollection.add", () => {
        const loc = "TableCollection.add";
        const { book, sheet } = this.target();
        let target: RangeTarget;
        if (address instanceof FakeRange) {
          target = address.targetAtSync();
        } else {
          const p = parseAddress(address, loc);
          const named = p.sheet === undefined ? undefined : book.sheetOrFail(p.sheet, loc);
          const on =
            named ??
            sheet ??
            fail("InvalidArgument", "workbook.tables.add needs a sheet-qualified address.", loc);
          if (sheet && on !== sheet)
            fail("InvalidArgument", `'${address}' is on another worksheet.`, loc);
          target = { sheet: on, rect: p.rect };
        }
        return book.addTable(target.sheet, target.rect, hasHeaders, loc);
      })
    );
  }

  getItem(key: string): FakeTable {
    return new FakeTable(
      this.context,
      lazy(
        "TableCollection.getItem",
        () => this.find(key) ?? fail("ItemNotFound", `No table '${key}'.`)
      )
    );
  }

  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(
      this.context,
      lazy("TableCollection.getItemOrNullObject", () => this.find(key) ?? null, api("1.4"))
    );
  }

  private find(key: string): TableState | undefined {
    return this.itemsOf(this.target()).find(
      (t) => t.id === key || t.name.toUpperCase() === key.toUpperCase()
    );
  }

  getCount(): FakeClientResult<number> {
    return this.count("TableCollection.getCount", api("1.4"));
  }
}

export class FakeTable extends FakeObject<TableState> {
  protected readonly typeName = "Table";
  protected readonly scalarNames = [
    "id",
    "name",
    "style",
    "showHeaders",
    "showTotals",
    "showBandedRows",
  ] as const;
  readonly worksheet: FakeWorksheet;

  constructor(context: FakeRequestContext, source: Source<TableState>) {
    super(context, source);
    this.worksheet = new FakeWorksheet(context, {
      kind: "derived",
      parent: this,
      derive: () => this.target().sheet,
    });
    Object.preventExtensions(this);
  }

  protected override target(): TableState {
    const t = super.target();
    if (!this.context.state.tables.includes(t))
      fail("ItemNotFound", `The table '${t.name}' was deleted.`, "Table");
    return t;
  }

  protected read(name: string, t: TableState): unknown {
    const values: Record<string, unknown> = {
      id: t.id,
      name: t.name,
      style: t.style,
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      showBandedRows: t.showBandedRows,
    };
    return values[name];
  }

  get id(): string {
    return this.loaded("id");
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.queueSet("name", (t) => this.context.state.renameTable(t, value, "Table.name"));
  }

  get style(): string {
    return this.loaded("style");
  }
  set style(value: string) {
    this.queueSet("style", (t) => {
      if (typeof value !== "string" || value === "")
        fail("InvalidArgument", "A table style name is required.");
      t.style = value;
    });
  }

  get showHeaders(): boolean {
    return this.loaded("showHeaders");
  }
  set showHeaders(value: boolean) {
    this.queueSet("showHeaders", (t) => (t.showHeaders = Boolean(value)));
  }

  get showTotals(): boolean {
    return this.loaded("showTotals");
  }
  set showTotals(value: boolean) {
    this.queueSet("showTotals", (t) => (t.showTotals = Boolean(value)));
  }

  get showBandedRows(): boolean {
    return this.loaded("showBandedRows");
  }
  set showBandedRows(value: boolean) {
    this.queueSet("showBandedRows", (t) => (t.showBandedRows = Boolean(value)), api("1.3"));
  }

  private part(location: string, pick: (t: TableState) => RangeTarget): FakeRange {
    return new FakeRange(
      this.context,
      lazy(location, () => pick(this.target()))
    );
  }

  getRange(): FakeRange {
    return this.part("Table.getRange", (t) => ({ sheet: t.sheet, rect: t.rect }));
  }

  getHeaderRowRange(): FakeRange {
    return this.part("Table.getHeaderRowRange", (t) => ({
      sheet: t.sheet,
      rect: { ...t.rect, rows: 1 },
    }));
  }

  getDataBodyRange(): FakeRange {
    return this.part("Table.getDataBodyRange", (t) => ({
      sheet: t.sheet,
      rect: { ...t.rect, row: t.rect.row + 1, rows: t.rect.rows - 1 },
    }));
  }

  /** Deletes the table and its cells' contents (convertToRange keeps them). */
  delete(): void {
    this.queueCall("delete", (t) => {
      const book = this.context.state;
      t.sheet.clear(t.rect, "All", "Table.delete");
      book.tables = book.tables.filter((x) => x !== t);
    });
  }

  /** Turns the table back into a plain range; values stay. */
  convertToRange(): FakeRange {
    return new FakeRange(
      this.context,
      lazy(
        "Table.convertToRange",
        (): RangeTarget => {
          const t = this.target();
          const book = this.context.state;
          book.tables = book.tables.filter((x) => x !== t);
          return { sheet: t.sheet, rect: t.rect };
        },
        api("1.2")
      )
    );
  }
}
