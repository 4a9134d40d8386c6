/**
 * What a cell holds and how input written through the API turns into it.
 *
 * Range.values is "like typing" (Excel.Range class, `values`: "If the returned value starts with a
 * plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"). The host
 * models the parts of typing that matter to a form writer:
 *   - "=…" becomes a formula; "+x"/"-x" that is not a number becomes the formula "=+x"/"=-x";
 *   - numeric text ("0012", "1e3", "-5") becomes a number, "12%" becomes 0.12 with format "0%";
 *   - "TRUE"/"FALSE" become booleans;
 *   - a cell whose number format is already "@" (Text) keeps the input verbatim, formula-looking or not;
 *   - a leading apostrophe stores the rest as text ("'=A1" → text "=A1").
 * Not modelled: dates and times, thousands separators, currency symbols, locale-specific input,
 * error literals ("#N/A" is stored as the text it reads as).
 */
import { fail } from "./errors";

export type CellScalar = string | number | boolean;

export interface EnteredValue {
  readonly value: CellScalar;
  readonly formula?: string;
  /** A number format Excel picks itself for the input (typing 12% formats the cell as 0%). */
  readonly autoFormat?: string;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/u;

/** Interprets one input the way Excel interprets typed text; `null` is handled by the caller. */
export function enterInput(input: unknown, numberFormat: string, location: string): EnteredValue {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail("InvalidArgument", `Not a finite number: ${input}`, location);
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") {
    fail("InvalidArgument", `Unsupported cell input: ${JSON.stringify(input)}`, location);
  }
  if (numberFormat === "@") return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input === "") return { value: "" };
  if (input.startsWith("=") && input.length > 1) return { value: "", formula: input };
  if (NUMERIC.test(input)) return { value: Number(input) };
  const pct = /^([+-]?(\d+(\.\d*)?|\.\d+))%$/u.exec(input);
  if (pct) {
    const n = Number(pct[1]);
    return {
      value: n / 100,
      autoFormat: Number.isInteger(n) ? "0%" : "0.00%",
    };
  }
  if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1) {
    return { value: "", formula: `=${input}` };
  }
  const upper = input.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  return { value: input };
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
