/**
 * Range.conditionalFormats (ExcelApi 1.6), from the Excel.ConditionalFormatCollection and
 * Excel.ConditionalFormat reference pages:
 *   - add(type) "Adds a new conditional format to the collection at the first/top priority";
 *   - the collection of a range holds "the ConditionalFormats that intersect the range";
 *   - clearAll() "Clears all conditional formats active on the current specified range" (the fake
 *     removes the range's cells from each format's area; formats left with no area disappear);
 *   - getRange() throws when the format applies to several areas;
 *   - only the `custom` type carries a rule and format here; other types can be added but their
 *     sub-objects are not modelled;
 *   - `custom` and `customOrNullObject` "Return the custom conditional format properties if the
 *     current conditional format is a custom type". On another type, `custom` fails the sync with
 *     InvalidOperation wherever it is used; `customOrNullObject` is a null object instead
 *     (proxy.ts): loads through it (`rule/formula`, `format/fill/color`) read null, commands on it
 *     fail with ItemNotFound, and its isNullObject is known after a sync that loaded or commanded
 *     it or an object below it (as `items/customOrNullObject/rule/formula` does).
 */
import { formatRect } from "./address";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import { derived, FakeClientResult, FakeCollection, FakeObject, lazy, type Source } from "./proxy";
import { type RangeTarget, FakeRange } from "./range";
import { api } from "./requirements";
import type { ConditionalFormatState, SheetState } from "./state";
import { normalizeColor } from "./values";

const CF_TYPES = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];

interface CfTarget {
  readonly sheet: SheetState;
  readonly cf: ConditionalFormatState;
}

export class FakeConditionalFormatCollection extends FakeCollection<
  RangeTarget,
  FakeConditionalFormat,
  CfTarget
> {
  protected readonly typeName = "ConditionalFormatCollection";
  protected override readonly apiSet = api("1.6");

  constructor(context: FakeRequestContext, source: Source<RangeTarget>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected itemsOf({ sheet, rect }: RangeTarget): CfTarget[] {
    return sheet.conditionalFormatsOn(rect).map((cf) => ({ sheet, cf }));
  }

  protected makeItem(target: CfTarget): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, { kind: "resolved", target });
  }

  add(type: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      lazy(
        "ConditionalFormatCollection.add",
        (): CfTarget => {
          const { sheet, rect } = this.target();
          if (!CF_TYPES.includes(type)) {
            fail(
              "InvalidArgument",
              `Unknown conditional format type ${type}.`,
              "ConditionalFormatCollection.add"
            );
          }
          const cf: ConditionalFormatState = {
            id: sheet.book.nextId("cf"),
            type,
            ranges: [rect],
            formula: "",
            stopIfTrue: false,
          };
          sheet.conditionalFormats.unshift(cf);
          return { sheet, cf };
        },
        this.apiSet
      )
    );
  }

  clearAll(): void {
    this.queueCall("clearAll", ({ sheet, rect }) => sheet.clearConditionalFormats(rect));
  }

  getCount(): FakeClientResult<number> {
    return this.count("ConditionalFormatCollection.getCount");
  }

  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      lazy(
        "ConditionalFormatCollection.getItem",
        () =>
          this.itemsOf(this.target()).find((t) => t.cf.id === id) ??
          fail(
            "ItemNotFound",
            `No conditional format ${id}.`,
            "ConditionalFormatCollection.getItem"
          ),
        this.apiSet
      )
    );
  }

  getItemOrNullObject(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      lazy(
        "ConditionalFormatCollection.getItemOrNullObject",
        () => this.itemsOf(this.target()).find((t) => t.cf.id === id) ?? null,
        api("1.14")
      )
    );
  }

  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      lazy(
        "ConditionalFormatCollection.getItemAt",
        () =>
          this.itemsOf(this.target())[index] ??
          fail(
            "ItemNotFound",
            `No conditional format at ${index}.`,
            "ConditionalFormatCollection.getItemAt"
          ),
        this.apiSet
      )
    );
  }
}

export class FakeConditionalFormat extends FakeObject<CfTarget> {
  protected readonly typeName = "ConditionalFormat";
  protected readonly scalarNames = ["id", "type", "priority", "stopIfTrue"] as const;
  protected override readonly apiSet = api("1.6");
  readonly custom: FakeCustomConditionalFormat;
  readonly customOrNullObject: FakeCustomConditionalFormat;

  constructor(context: FakeRequestContext, source: Source<CfTarget>) {
    super(context, source);
    this.custom = new FakeCustomConditionalFormat(
      context,
      derived(this, () => {
        const t = this.target();
        if (t.cf.type !== "Custom") {
          fail(
            "InvalidOperation",
            `A ${t.cf.type} conditional format has no custom rule.`,
            "ConditionalFormat.custom"
          );
        }
        return t.cf;
      })
    );
    this.customOrNullObject = new FakeCustomConditionalFormat(
      context,
      derived(
        this,
        () => this.target().cf,
        () => this.target().cf.type !== "Custom"
      )
    );
    Object.preventExtensions(this);
  }

  protected override target(): CfTarget {
    const t = super.target();
    if (!t.sheet.conditionalFormats.includes(t.cf)) {
      fail("ItemNotFound", "The conditional format has been deleted.", "ConditionalFormat");
    }
    return t;
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    if (name === "custom") return this.custom;
    return name === "customOrNullObject" ? this.customOrNullObject : undefined;
  }

  protected read(name: string, { sheet, cf }: CfTarget): unknown {
    const values: Record<string, unknown> = {
      id: cf.id,
      type: cf.type,
      priority: sheet.conditionalFormats.indexOf(cf),
      stopIfTrue: cf.stopIfTrue,
    };
    return values[name];
  }

  get id(): string {
    return this.loaded("id");
  }
  get type(): string {
    return this.loaded("type");
  }

  /** 0 is the top priority; setting it moves the format and shifts the others. */
  get priority(): number {
    return this.loaded("priority");
  }
  set priority(value: number) {
    this.queueSet("priority", ({ sheet, cf }) => {
      const list = sheet.conditionalFormats;
      const to = Math.max(0, Math.min(list.length - 1, Math.trunc(value)));
      list.splice(list.indexOf(cf), 1);
      list.splice(to, 0, cf);
    });
  }

  get stopIfTrue(): boolean {
    return this.loaded("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    this.queueSet("stopIfTrue", ({ cf }) => (cf.stopIfTrue = Boolean(value)));
  }

  delete(): void {
    this.queueCall("delete", ({ sheet, cf }) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
    });
  }

  getRange(): FakeRange {
    return new FakeRange(
      this.context,
      lazy(
        "ConditionalFormat.getRange",
        (): RangeTarget => {
          const { sheet, cf } = this.target();
          const [only] = cf.ranges;
          if (cf.ranges.length !== 1 || !only) {
            fail(
              "InvalidOperation",
              `The conditional format applies to ${cf.ranges.map((r) => formatRect(r)).join(",")}.`,
              "ConditionalFormat.getRange"
            );
          }
          return { sheet, rect: only };
        },
        this.apiSet
      )
    );
  }
}

export class FakeCustomConditionalFormat extends FakeObject<ConditionalFormatState> {
  protected readonly typeName = "CustomConditionalFormat";
  protected readonly scalarNames = [] as const;
  protected override readonly apiSet = api("1.6");
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;

  constructor(context: FakeRequestContext, source: Source<ConditionalFormatState>) {
    super(context, source);
    this.rule = new FakeConditionalFormatRule(
      context,
      derived(this, () => this.target())
    );
    this.format = new FakeConditionalRangeFormat(
      context,
      derived(this, () => this.target())
    );
    Object.preventExtensions(this);
  }

  protected read(): unknown {
    return undefined;
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    return name === "rule" ? this.rule : name === "format" ? this.format : undefined;
  }
}

export class FakeConditionalFormatRule extends FakeObject<ConditionalFormatState> {
  protected readonly typeName = "ConditionalFormatRule";
  protected readonly scalarNames = ["formula", "formulaLocal"] as const;
  protected override readonly apiSet = api("1.6");

  constructor(context: FakeRequestContext, source: Source<ConditionalFormatState>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(_name: string, cf: ConditionalFormatState): unknown {
    return cf.formula;
  }

  private setFormula(name: "formula" | "formulaLocal", value: string): void {
    this.queueSet(name, (cf) => {
      if (typeof value !== "string" || value === "") {
        fail(
          "InvalidArgument",
          "A conditional format rule needs a formula.",
          `ConditionalFormatRule.${name}`
        );
      }
      cf.formula = value;
    });
  }

  get formula(): string {
    return this.loaded("formula");
  }
  set formula(value: string) {
    this.setFormula("formula", value);
  }
  get formulaLocal(): string {
    return this.loaded("formulaLocal");
  }
  set formulaLocal(value: string) {
    this.setFormula("formulaLocal", value);
  }
}

export class FakeConditionalRangeFormat extends FakeObject<ConditionalFormatState> {
  protected readonly typeName = "ConditionalRangeFormat";
  protected readonly scalarNames = ["numberFormat"] as const;
  protected override readonly apiSet = api("1.6");
  readonly fill: FakeConditionalRangeFill;
  readonly font: FakeConditionalRangeFont;

  constructor(context: FakeRequestContext, source: Source<ConditionalFormatState>) {
    super(context, source);
    this.fill = new FakeConditionalRangeFill(
      context,
      derived(this, () => this.target())
    );
    this.font = new FakeConditionalRangeFont(
      context,
      derived(this, () => this.target())
    );
    Object.preventExtensions(this);
  }

  protected override navigation(name: string): FakeObject<unknown> | undefined {
    return name === "fill" ? this.fill : name === "font" ? this.font : undefined;
  }

  protected read(_name: string, cf: ConditionalFormatState): unknown {
    return cf.numberFormat ?? null;
  }

  get numberFormat(): string {
    return this.loaded("numberFormat");
  }
  set numberFormat(value: string) {
    this.queueSet("numberFormat", (cf) => (cf.numberFormat = value));
  }
}

export class FakeConditionalRangeFill extends FakeObject<ConditionalFormatState> {
  protected readonly typeName = "ConditionalRangeFill";
  protected readonly scalarNames = ["color"] as const;
  protected override readonly apiSet = api("1.6");

  constructor(context: FakeRequestContext, source: Source<ConditionalFormatState>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(_name: string, cf: ConditionalFormatState): unknown {
    return cf.fill ?? null;
  }

  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.queueSet("color", (cf) => (cf.fill = normalizeColor(value, "ConditionalRangeFill.color")));
  }

  clear(): void {
    this.queueCall("clear", (cf) => delete cf.fill);
  }
}

export class FakeConditionalRangeFont extends FakeObject<ConditionalFormatState> {
  protected readonly typeName = "ConditionalRangeFont";
  protected readonly scalarNames = ["color", "bold", "italic"] as const;
  protected override readonly apiSet = api("1.6");

  constructor(context: FakeRequestContext, source: Source<ConditionalFormatState>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(name: string, cf: ConditionalFormatState): unknown {
    const values: Record<string, unknown> = {
      color: cf.fontColor ?? null,
      bold: cf.bold ?? null,
      italic: cf.italic ?? null,
    };
    return values[name];
  }

  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.queueSet(
      "color",
      (cf) => (cf.fontColor = normalizeColor(value, "ConditionalRangeFont.color"))
    );
  }
  get bold(): boolean {
    return this.loaded("bold");
  }
  set bold(value: boolean) {
    this.queueSet("bold", (cf) => (cf.bold = Boolean(value)));
  }
  get italic(): boolean {
    return this.loaded("italic");
  }
  set italic(value: boolean) {
    this.queueSet("italic", (cf) => (cf.italic = Boolean(value)));
  }
}
