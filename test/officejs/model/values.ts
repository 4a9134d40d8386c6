/**
 * What a cell holds and how input written through the API turns into it.
 *
 * Range.values is "like typing" (Excel.Range class, `values`: "If the returned value starts with a
 * plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"). The host
 * models the parts of typing that matter to a form writer:
 *   - "=…" becomes a formula; "+x"/"-x" that is not a number becomes the formula "=+x"/"=-x";
 *   - numeric text ("0012", "1e3", "-5") becomes a number, "12%" becomes 0.12 with format "0%";
 *   - "TRUE"/"FALSE" become booleans; "#N/A" and the other error literals become errors;
 *   - a cell whose number format is already "@" (Text) keeps the input verbatim, formula-looking or not;
 *   - a leading apostrophe stores the rest as text ("'=A1" → text "=A1", quotePrefix on).
 * Not modelled: dates and times, thousands separators, currency symbols, locale-specific input.
 */
import { fail } from "./errors";

export type CellScalar = string | number | boolean;

export interface EnteredValue {
  readonly value: CellScalar;
  readonly formula?: string;
  readonly quotePrefix: boolean;
  /** A number format Excel picks itself for the input (typing 12% formats the cell as 0%). */
  readonly autoFormat?: string;
}

export const ERROR_LITERALS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#BUSY!",
]);

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/u;

/** Interprets one input the way Excel interprets typed text; `null` is handled by the caller. */
export function enterInput(input: unknown, numberFormat: string, location: string): EnteredValue {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail("InvalidArgument", `Not a finite number: ${input}`, location);
    return { value: input, quotePrefix: false };
  }
  if (typeof input === "boolean") return { value: input, quotePrefix: false };
  if (typeof input !== "string") {
    fail("InvalidArgument", `Unsupported cell input: ${JSON.stringify(input)}`, location);
  }
  if (numberFormat === "@") return { value: input, quotePrefix: false };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (input === "") return { value: "", quotePrefix: false };
  if (input.startsWith("=") && input.length > 1)
    return { value: "", formula: input, quotePrefix: false };
  if (NUMERIC.test(input)) return { value: Number(input), quotePrefix: false };
  const pct = /^([+-]?(\d+(\.\d*)?|\.\d+))%$/u.exec(input);
  if (pct) {
    const n = Number(pct[1]);
    return {
      value: n / 100,
      quotePrefix: false,
      autoFormat: Number.isInteger(n) ? "0%" : "0.00%",
    };
  }
  if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1) {
    return { value: "", formula: `=${input}`, quotePrefix: false };
  }
  const upper = input.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE", quotePrefix: false };
  return { value: input, quotePrefix: false };
}

/** Excel.RangeValueType of a stored value. Excel stores every number as a double. */
export function valueTypeOf(v: CellScalar): "Empty" | "String" | "Double" | "Boolean" | "Error" {
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return ERROR_LITERALS.has(v) ? "Error" : "String";
}

function groupThousands(s: string): string {
  const [int = "", frac] = s.split(".");
  const neg = int.startsWith("-");
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
  return (neg ? "-" : "") + grouped + (frac === undefined ? "" : `.${frac}`);
}

/**
 * Range.text, simplified: the common number formats of a form ("General", "0", "0.00", "#,##0",
 * "#,##0.00", "0%", "0.00%", "@"); anything else falls back to the General rendering.
 */
export function displayText(v: CellScalar, numberFormat: string): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const f = numberFormat;
  const decimals = (pattern: string): number => /\.(0+)/u.exec(pattern)?.[1]?.length ?? 0;
  if (/^0(\.0+)?%$/u.test(f)) return `${(v * 100).toFixed(decimals(f))}%`;
  if (/^#,##0(\.0+)?$/u.test(f)) return groupThousands(v.toFixed(decimals(f)));
  if (/^0(\.0+)?$/u.test(f)) return v.toFixed(decimals(f));
  return String(Number(v.toPrecision(11)));
}

const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  purple: "#800080",
};

/** Colors as Excel reports them: "#RRGGBB" upper case; HTML names and "#RGB" are accepted on input. */
export function normalizeColor(input: unknown, location: string): string {
  if (typeof input !== "string") fail("InvalidArgument", "A color must be a string.", location);
  const named = NAMED_COLORS[input.toLowerCase()];
  if (named) return named;
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/u.exec(input);
  if (short)
    return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  if (/^#[0-9a-fA-F]{6}$/u.test(input)) return input.toUpperCase();
  return fail("InvalidArgument", `Not a color: ${input}`, location);
}
