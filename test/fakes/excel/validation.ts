/**
 * Range.dataValidation (ExcelApi 1.8). Behaviour from "Add data validation to Excel ranges"
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation) and the
 * Excel.DataValidation* reference pages:
 *   - a rule has exactly one criterion (wholeNumber, decimal, textLength, date, time, list, custom);
 *   - `between`/`notBetween` need formula2; list sources are a comma-delimited string, a "=…"
 *     reference, or a Range (stored as "=Sheet!$A$1:$A$3");
 *   - prompt.showPrompt defaults to false, errorAlert.showAlert to true with style "Stop";
 *   - clear() removes validation from the cells of the range only;
 *   - type reads "None", the rule's type, "Inconsistent" or "MixedCriteria".
 * Setting a rule over an existing different rule fails: see SheetState.setRule.
 * Limits enforced as Excel's validation dialog does: prompt/alert title ≤ 32 characters,
 * message ≤ 255, literal list source ≤ 255 characters.
 */
import { formatAddress } from "./address";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import { FakeObject, type Source } from "./proxy";
import { type RangeTarget, FakeRange } from "./range";
import { api } from "./requirements";
import type { ErrorAlertState, PromptState, StoredRule } from "./state";

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
const ALERT_STYLES = ["Stop", "Warning", "Information"];
const LOC = "DataValidation.rule";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function operand(v: unknown, what: string): string | number {
  if (v instanceof FakeRange) {
    const t = v.targetAtSync();
    return `=${formatAddress(t.sheet.name, t.rect, true)}`;
  }
  if (typeof v === "number" || typeof v === "string") return v;
  return fail("InvalidArgument", `${what} must be a number, a string or a Range.`, LOC);
}

/** Validates a DataValidationRule and returns its stored, plain form. */
export function normalizeRule(rule: unknown): StoredRule {
  if (!isRecord(rule)) fail("InvalidArgument", "A data validation rule must be an object.", LOC);
  const keys = Object.keys(rule).filter((k) => rule[k] !== undefined);
  const [kind] = keys;
  if (keys.length !== 1 || kind === undefined || !RULE_KINDS.includes(kind)) {
    fail("InvalidArgument", "A DataValidationRule must have exactly one criterion.", LOC);
  }
  const c = rule[kind];
  if (!isRecord(c)) fail("InvalidArgument", `${kind} must be an object.`, LOC);
  if (kind === "list") {
    const src = c.source;
    let source: string;
    if (src instanceof FakeRange) source = String(operand(src, "list.source"));
    else if (typeof src === "string" && src.trim() !== "") source = src;
    else return fail("InvalidArgument", "list.source is required.", LOC);
    if (!source.startsWith("=") && source.length > 255) {
      fail("InvalidArgument", "A list source is limited to 255 characters.", LOC);
    }
    return {
      list: {
        inCellDropDown: c.inCellDropDown === undefined ? true : Boolean(c.inCellDropDown),
        source,
      },
    };
  }
  if (kind === "custom") {
    if (typeof c.formula !== "string" || c.formula === "")
      fail("InvalidArgument", "custom.formula is required.", LOC);
    return { custom: { formula: c.formula } };
  }
  const operator = c.operator;
  if (typeof operator !== "string" || !OPERATORS.includes(operator)) {
    fail("InvalidArgument", `${kind}.operator must be one of ${OPERATORS.join(", ")}.`, LOC);
  }
  if (c.formula1 === undefined) fail("InvalidArgument", `${kind}.formula1 is required.`, LOC);
  const out: Record<string, unknown> = { operator, formula1: operand(c.formula1, "formula1") };
  if (operator === "Between" || operator === "NotBetween") {
    if (c.formula2 === undefined) fail("InvalidArgument", `${operator} needs formula2.`, LOC);
    out.formula2 = operand(c.formula2, "formula2");
  }
  return { [kind]: out };
}

function text(v: unknown, max: number, what: string, location: string): string {
  if (v === undefined) return "";
  if (typeof v !== "string") fail("InvalidArgument", `${what} must be a string.`, location);
  if (v.length > max) fail("InvalidArgument", `${what} is limited to ${max} characters.`, location);
  return v;
}

export class FakeDataValidation extends FakeObject<RangeTarget> {
  protected readonly typeName = "DataValidation";
  protected readonly scalarNames = [
    "rule",
    "prompt",
    "errorAlert",
    "ignoreBlanks",
    "type",
  ] as const;
  protected override readonly apiSet = api("1.8");

  constructor(context: FakeRequestContext, source: Source<RangeTarget>) {
    super(context, source);
    Object.preventExtensions(this);
  }

  protected read(name: string, { sheet, rect }: RangeTarget): unknown {
    const loc = `DataValidation.${name}`;
    switch (name) {
      case "rule":
        return sheet.uniform(rect, loc, (c) => c.validation?.rule ?? {});
      case "prompt":
        return sheet.uniform(
          rect,
          loc,
          (c): PromptState => c.validation?.prompt ?? { showPrompt: false, title: "", message: "" }
        );
      case "errorAlert":
        return sheet.uniform(
          rect,
          loc,
          (c): ErrorAlertState =>
            c.validation?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" }
        );
      case "ignoreBlanks":
        return sheet.uniform(rect, loc, (c) => c.validation?.ignoreBlanks ?? true);
      case "type":
        return sheet.validationType(rect, loc);
      default:
        return undefined;
    }
  }

  get rule(): StoredRule {
    return this.loaded("rule");
  }
  set rule(value: unknown) {
    this.queueSet("rule", ({ sheet, rect }) => sheet.setRule(rect, normalizeRule(value), LOC));
  }

  get prompt(): PromptState {
    return this.loaded("prompt");
  }
  set prompt(value: unknown) {
    this.queueSet("prompt", ({ sheet, rect }) => {
      const loc = "DataValidation.prompt";
      if (!isRecord(value)) fail("InvalidArgument", "prompt must be an object.", loc);
      const prompt: PromptState = {
        showPrompt: value.showPrompt === undefined ? false : Boolean(value.showPrompt),
        title: text(value.title, 32, "prompt.title", loc),
        message: text(value.message, 255, "prompt.message", loc),
      };
      sheet.setValidationPart(rect, loc, (v) => (v.prompt = prompt));
    });
  }

  get errorAlert(): ErrorAlertState {
    return this.loaded("errorAlert");
  }
  set errorAlert(value: unknown) {
    this.queueSet("errorAlert", ({ sheet, rect }) => {
      const loc = "DataValidation.errorAlert";
      if (!isRecord(value)) fail("InvalidArgument", "errorAlert must be an object.", loc);
      const style = value.style === undefined ? "Stop" : String(value.style);
      if (!ALERT_STYLES.includes(style))
        fail("InvalidArgument", `Unknown alert style ${style}.`, loc);
      const alert: ErrorAlertState = {
        showAlert: value.showAlert === undefined ? true : Boolean(value.showAlert),
        style,
        title: text(value.title, 32, "errorAlert.title", loc),
        message: text(value.message, 255, "errorAlert.message", loc),
      };
      sheet.setValidationPart(rect, loc, (v) => (v.errorAlert = alert));
    });
  }

  get ignoreBlanks(): boolean {
    return this.loaded("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this.queueSet("ignoreBlanks", ({ sheet, rect }) =>
      sheet.setValidationPart(
        rect,
        "DataValidation.ignoreBlanks",
        (v) => (v.ignoreBlanks = Boolean(value))
      )
    );
  }

  get type(): string {
    return this.loaded("type");
  }

  clear(): void {
    this.queueCall("clear", ({ sheet, rect }) =>
      sheet.clearValidation(rect, "DataValidation.clear")
    );
  }
}
