/**
 * workbook.names (workbook scope) and worksheet.names (sheet scope), from the
 * Excel.NamedItemCollection / Excel.NamedItem reference pages: add(name, reference, comment?)
 * (ExcelApi 1.4), getItem / getItemOrNullObject, type "Range" with value "Sheet1!$A$1",
 * getRange() throwing when the name is not a range. Name syntax and scope rules: FakeExcel.addName.
 */
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import { FakeClientResult, FakeCollection, FakeObject, lazy, type Source } from "./proxy";
import { type RangeTarget, FakeRange } from "./range";
import { api } from "./requirements";
import type { FakeExcel, NameState, SheetState } from "./state";
import { FakeWorksheet } from "./workbook";

export interface NameScope {
  readonly book: FakeExcel;
  readonly sheet?: SheetState;
}

const sameName = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

export class FakeNamedItemCollection extends FakeCollection<NameScope, FakeNamedItem, NameState> {
  protected readonly typeName = "NamedItemCollection";

  constructor(context: FakeRequestContext, source: Source<NameScope>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected itemsOf({ book, sheet }: NameScope): NameState[] {
    return [...book.namesIn(sheet)];
  }

  protected makeItem(target: NameState): FakeNamedItem {
    return new FakeNamedItem(this.context, { kind: "resolved", target });
  }

  add(name: string, reference: FakeRange | string, comment = ""): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      lazy(
        "NamedItemCollection.add",
        () => {
          const { book, sheet } = this.target();
          const ref = reference instanceof FakeRange ? reference.targetAtSync() : reference;
          return book.addName(sheet, name, ref, comment, "NamedItemCollection.add");
        },
        api("1.4")
      )
    );
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      lazy("NamedItemCollection.getItem", () => {
        const { book, sheet } = this.target();
        return (
          book.namesIn(sheet).find((n) => sameName(n.name, name)) ??
          fail("ItemNotFound", `No name '${name}' in this scope.`, "NamedItemCollection.getItem")
        );
      })
    );
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      lazy(
        "NamedItemCollection.getItemOrNullObject",
        () => {
          const { book, sheet } = this.target();
          return book.namesIn(sheet).find((n) => sameName(n.name, name)) ?? null;
        },
        api("1.4")
      )
    );
  }

  getCount(): FakeClientResult<number> {
    return this.count("NamedItemCollection.getCount", api("1.4"));
  }
}

export class FakeNamedItem extends FakeObject<NameState> {
  protected readonly typeName = "NamedItem";
  protected readonly scalarNames = [
    "name",
    "type",
    "value",
    "formula",
    "comment",
    "scope",
    "visible",
  ] as const;

  constructor(context: FakeRequestContext, source: Source<NameState>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected override target(): NameState {
    const n = super.target();
    const book = this.context.state;
    if (!book.namesIn(n.sheet).includes(n))
      fail("ItemNotFound", `The name '${n.name}' was deleted.`, "NamedItem");
    return n;
  }

  protected read(name: string, n: NameState): unknown {
    const book = this.context.state;
    const values: Record<string, unknown> = {
      name: n.name,
      type: book.nameType(n),
      value: book.nameValue(n),
      formula: n.formula,
      comment: n.comment,
      scope: n.sheet ? "Worksheet" : "Workbook",
      visible: n.visible,
    };
    return values[name];
  }

  get name(): string {
    return this.loaded("name");
  }
  get type(): string {
    return this.loaded("type");
  }
  get value(): unknown {
    return this.loaded("value");
  }
  get scope(): string {
    return this.loaded("scope");
  }

  get formula(): string {
    return this.loaded("formula");
  }
  set formula(value: string) {
    this.queueSet(
      "formula",
      (n) => {
        if (typeof value !== "string" || value === "")
          fail("InvalidArgument", "A name needs a formula.");
        n.formula = value.startsWith("=") ? value : `=${value}`;
      },
      api("1.7")
    );
  }

  get comment(): string {
    return this.loaded("comment");
  }
  set comment(value: string) {
    this.queueSet("comment", (n) => (n.comment = String(value)), api("1.4"));
  }

  get visible(): boolean {
    return this.loaded("visible");
  }
  set visible(value: boolean) {
    this.queueSet("visible", (n) => (n.visible = Boolean(value)));
  }

  /** The worksheet a sheet-scoped name belongs to; a null object for workbook-scoped names. */
  get worksheetOrNullObject(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      lazy("NamedItem.worksheetOrNullObject", () => this.target().sheet ?? null, api("1.4"))
    );
  }

  delete(): void {
    this.queueCall("delete", (n) => this.context.state.deleteName(n), api("1.4"));
  }

  private rangeTarget(n: NameState): RangeTarget | null {
    return this.context.state.referenceOf(n.formula, n.sheet) ?? null;
  }

  getRange(): FakeRange {
    return new FakeRange(
      this.context,
      lazy("NamedItem.getRange", () => {
        const n = this.target();
        return (
          this.rangeTarget(n) ??
          fail(
            "InvalidOperation",
            `The name '${n.name}' does not refer to a range.`,
            "NamedItem.getRange"
          )
        );
      })
    );
  }

  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      lazy("NamedItem.getRangeOrNullObject", () => this.rangeTarget(this.target()), api("1.4"))
    );
  }
}
