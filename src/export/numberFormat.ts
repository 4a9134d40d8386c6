/**
 * A cell's displayed text from its value and Excel number-format code, as Excel shows it in a
 * column wide enough. Covers what forms use: General, Text (@), digit placeholders (0 # ?),
 * thousands separators and scaling commas, percent, scientific, quoted and escaped literals
 * ("%" in 0.00"%" is a literal, so 12.5 shows 12.50%), sections for negative, zero and text,
 * dates (yyyy"年"m"月"d"日") and times. Colours, conditions and locale tags in brackets are
 * ignored; fractions (# ?/?) fall back to General.
 *
 * Hand-written on purpose, for now: `numfmt` (MIT) formats the same codes identically in 4.0.1,
 * but that release cannot be loaded as CommonJS (its `main` points to dist/index.cjs, which the
 * package does not ship), which the CLI build and the tests use; 3.2.6 loads but rounds 1.005
 * under 0.00 to 1.00 where Excel shows 1.01. Swap when a 4.x release ships its CommonJS build.
 */
import type { GridCell } from "./types";

type Token =
  | { readonly k: "lit"; readonly s: string }
  | { readonly k: "digit"; readonly c: "0" | "#" | "?" }
  | { readonly k: "point" }
  | { readonly k: "comma" }
  | { readonly k: "pct" }
  | { readonly k: "exp"; readonly sign: "+" | "-" }
  | { readonly k: "at" }
  | { readonly k: "general" }
  | { readonly k: "date"; readonly s: string }
  | { readonly k: "ampm"; readonly s: string };

/** Splits a format code at the section separators that are not quoted, escaped or bracketed. */
function sections(code: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      current += code.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      current += code.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      const stop = end < 0 ? code.length : end;
      current += code.slice(i, stop + 1);
      i = stop;
    } else if (ch === ";") {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

const DATE_LETTERS = /[yYmMdDhHsS]/u;

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const lit = (s: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.k === "lit") tokens[tokens.length - 1] = { k: "lit", s: last.s + s };
    else tokens.push({ k: "lit", s });
  };
  let seenPoint = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      lit(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\") {
      lit(section[i + 1] ?? "");
      i++;
    } else if (ch === "_") {
      // Room as wide as the next character: a space is the nearest thing in text.
      lit(" ");
      i++;
    } else if (ch === "*") {
      i++; // a fill character repeats to the column's width: nothing in text
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      const stop = end < 0 ? section.length : end;
      const inside = section.slice(i + 1, stop);
      // Elapsed time ([h], [mm], [ss]) prints; colours, conditions and locales do not.
      if (/^(h+|m+|s+)$/iu.test(inside)) tokens.push({ k: "date", s: inside.toLowerCase() });
      i = stop;
    } else if (/^general/iu.test(rest)) {
      tokens.push({ k: "general" });
      i += 6;
    } else if (/^(am\/pm|a\/p)/iu.test(rest)) {
      const s = /^(am\/pm|a\/p)/iu.exec(rest)?.[0] ?? "";
      tokens.push({ k: "ampm", s });
      i += s.length - 1;
    } else if (ch === "0" || ch === "#" || ch === "?") tokens.push({ k: "digit", c: ch });
    else if (ch === "." && !seenPoint) {
      seenPoint = true;
      tokens.push({ k: "point" });
    } else if (ch === ",") tokens.push({ k: "comma" });
    else if (ch === "%") tokens.push({ k: "pct" });
    else if ((ch === "E" || ch === "e") && (section[i + 1] === "+" || section[i + 1] === "-")) {
      tokens.push({ k: "exp", sign: section[i + 1] as "+" | "-" });
      i++;
    } else if (ch === "@") tokens.push({ k: "at" });
    else if (DATE_LETTERS.test(ch)) {
      let j = i;
      while (section[j]?.toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ k: "date", s: section.slice(i, j).toLowerCase() });
      i = j - 1;
    } else lit(ch);
  }
  return tokens;
}

/**
 * |value| rounded half away from zero to `decimals` places, as digit strings. It starts from 15
 * significant digits, as Excel stores and shows numbers, so 1.005 rounds to 1.01 and binary noise
 * (12.660000000000002) never shows.
 */
export function roundedDigits(value: number, decimals: number): { int: string; frac: string } {
  const [mantissa = "0", exponent = "0"] = Math.abs(value).toExponential(14).split("e");
  const digits = mantissa.replace(".", "");
  const keep = Number(exponent) + 1 + decimals;
  if (keep < 0) return { int: "0", frac: "0".repeat(decimals) };
  const padded = digits.padEnd(keep + 1, "0");
  let n = BigInt(padded.slice(0, keep) || "0");
  if (Number(padded[keep]) >= 5) n += 1n;
  const s = n.toString().padStart(decimals + 1, "0");
  return { int: s.slice(0, s.length - decimals), frac: s.slice(s.length - decimals) };
}

/** Excel's General: up to 10 significant digits, scientific beyond 11 integer digits. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 1e11) return String(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [m = "0", e = "0"] = value.toExponential(5).split("e");
    const mantissa = m.includes(".") ? m.replace(/0+$/u, "").replace(/\.$/u, "") : m;
    const exp = Number(e);
    return `${mantissa}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const decimals = Math.max(0, 9 - Math.floor(Math.log10(abs)));
  const { int, frac } = roundedDigits(abs, decimals);
  const f = frac.replace(/0+$/u, "");
  return `${value < 0 ? "-" : ""}${int}${f ? `.${f}` : ""}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel's serial day number (1900 date system, with its fictitious 1900-02-29 as serial 60). */
function dateOfSerial(serial: number): Date {
  const day = Math.floor(serial);
  const ms = Math.round((serial - day) * 86400000);
  const base = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + day * 86400000 + ms);
}

function formatDate(serial: number, tokens: readonly Token[]): string {
  const d = dateOfSerial(serial);
  const twelve = tokens.some((t) => t.k === "ampm");
  const hours = d.getUTCHours();
  const pad = (n: number, w: number): string => String(n).padStart(w, "0");
  // m is minutes right after an hour or right before a second, months otherwise.
  const dateTokens = tokens
    .map((t, i) => ({ t, i }))
    .filter((x) => x.t.k === "date" || x.t.k === "ampm");
  const isMinute = (i: number): boolean => {
    const at = dateTokens.findIndex((x) => x.i === i);
    const prev = dateTokens[at - 1]?.t;
    const next = dateTokens[at + 1]?.t;
    return (
      (prev?.k === "date" && prev.s.startsWith("h")) ||
      (next?.k === "date" && next.s.startsWith("s"))
    );
  };
  return tokens
    .map((t, i) => {
      if (t.k === "lit") return t.s;
      if (t.k === "ampm") {
        const pm = hours >= 12;
        return t.s.length > 3 ? (pm ? "PM" : "AM") : pm ? "P" : "A";
      }
      if (t.k !== "date") return "";
      const s = t.s;
      if (s.startsWith("y"))
        return s.length <= 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), 4);
      if (s.startsWith("d")) {
        if (s.length >= 4) return DAYS[d.getUTCDay()] as string;
        if (s.length === 3) return (DAYS[d.getUTCDay()] as string).slice(0, 3);
        return pad(d.getUTCDate(), s.length);
      }
      if (s.startsWith("h")) {
        const h = twelve ? hours % 12 || 12 : hours;
        return pad(h, Math.min(2, s.length));
      }
      if (s.startsWith("s")) return pad(d.getUTCSeconds(), Math.min(2, s.length));
      if (s.startsWith("m")) {
        if (s.length <= 2 && isMinute(i)) return pad(d.getUTCMinutes(), s.length);
        const month = d.getUTCMonth();
        if (s.length === 3) return (MONTHS[month] as string).slice(0, 3);
        if (s.length === 4) return MONTHS[month] as string;
        if (s.length >= 5) return (MONTHS[month] as string).slice(0, 1);
        return pad(month + 1, s.length);
      }
      return "";
    })
    .join("");
}

/** A number through one section's tokens (the sign is the caller's); zero: it shows as zero. */
function formatNumber(
  value: number,
  tokens: readonly Token[]
): { readonly text: string; readonly zero: boolean } {
  const pointAt = tokens.findIndex((t) => t.k === "point");
  const expAt = tokens.findIndex((t) => t.k === "exp");
  const intEnd = pointAt >= 0 ? pointAt : expAt >= 0 ? expAt : tokens.length;
  const fracEnd = expAt >= 0 ? expAt : tokens.length;
  const isDigit = (t: Token | undefined): boolean => t?.k === "digit";
  const digitIndexes = (from: number, to: number): number[] =>
    tokens.map((t, i) => i).filter((i) => i >= from && i < to && isDigit(tokens[i]));
  const intDigits = digitIndexes(0, intEnd);
  const fracDigits = pointAt >= 0 ? digitIndexes(pointAt + 1, fracEnd) : [];
  const lastIntDigit = intDigits[intDigits.length - 1] ?? -1;
  const firstIntDigit = intDigits[0] ?? intEnd;

  // A comma between integer placeholders groups thousands; commas after the last one scale.
  let grouping = false;
  let scale = 0;
  const lastDigit = digitIndexes(0, fracEnd).pop() ?? -1;
  tokens.forEach((t, i) => {
    if (t.k !== "comma" || i >= fracEnd) return;
    if (i > firstIntDigit && i < lastIntDigit) grouping = true;
    else if (i > lastDigit && lastDigit >= 0) scale++;
  });
  let v = Math.abs(value) / 1000 ** scale;
  v *= 100 ** tokens.filter((t) => t.k === "pct").length;

  let exponent = 0;
  if (expAt >= 0 && v !== 0) {
    exponent = Math.floor(Math.log10(v)) - Math.max(0, intDigits.length - 1);
    v /= 10 ** exponent;
    if (roundedDigits(v, fracDigits.length).int.length > Math.max(1, intDigits.length)) {
      exponent++;
      v /= 10;
    }
  }
  const { int, frac } = roundedDigits(v, fracDigits.length);

  // Integer digits fill the placeholders from the right; extra digits go to the leftmost one.
  const shown = new Map<number, string>();
  let rest = int === "0" ? "" : int;
  for (let k = intDigits.length - 1; k >= 0; k--) {
    const at = intDigits[k] as number;
    const c = (tokens[at] as { c: string }).c;
    let text = rest.slice(-1);
    rest = rest.slice(0, -1);
    if (!text) text = c === "0" ? "0" : c === "?" ? " " : "";
    if (k === 0) text = rest + text;
    shown.set(at, text);
  }
  if (grouping) {
    const all = intDigits.map((i) => shown.get(i) ?? "").join("");
    const digitsOnly = all.replace(/\s/gu, "");
    const grouped = digitsOnly.replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
    intDigits.forEach((i, k) => shown.set(i, k === intDigits.length - 1 ? grouped : ""));
  }
  // Fraction digits from the left; trailing zeros vanish under # and turn to spaces under ?.
  const lastSignificant = frac.replace(/0+$/u, "").length;
  fracDigits.forEach((at, k) => {
    const c = (tokens[at] as { c: string }).c;
    const digit = frac[k] ?? "0";
    shown.set(at, k < lastSignificant || c === "0" ? digit : c === "?" ? " " : "");
  });
  const expDigits = expAt >= 0 ? digitIndexes(expAt + 1, tokens.length) : [];
  const expText = String(Math.abs(exponent)).padStart(
    expDigits.filter((i) => (tokens[i] as { c: string }).c === "0").length,
    "0"
  );

  const text = tokens
    .map((t, i) => {
      switch (t.k) {
        case "lit":
          return t.s;
        case "digit":
          if (i > expAt && expAt >= 0) return i === expDigits[0] ? expText : "";
          return shown.get(i) ?? "";
        case "point":
          return ".";
        case "pct":
          return "%";
        case "exp":
          return `E${exponent < 0 ? "-" : t.sign === "+" ? "+" : ""}`;
        case "general":
          return formatGeneral(v);
        default:
          return "";
      }
    })
    .join("");
  const general = tokens.some((t) => t.k === "general");
  return { text, zero: general ? v === 0 : /^0*$/u.test(int + frac) };
}

const isDateSection = (tokens: readonly Token[]): boolean => tokens.some((t) => t.k === "date");

/** The text Excel displays for `value` under `format` (General when absent). */
export function formatValue(value: GridCell["value"], format = "General"): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") return value.error;
  const parts = sections(format.trim() || "General");
  if (typeof value === "string") {
    const section =
      parts.length >= 4 ? parts[3] : parts.find((p) => tokenize(p).some((t) => t.k === "at"));
    if (section === undefined) return value;
    return tokenize(section)
      .map((t) => (t.k === "lit" ? t.s : t.k === "at" ? value : ""))
      .join("");
  }
  if (!Number.isFinite(value)) return "#NUM!";
  // Text format shows a number as General.
  const numeric = parts.slice(0, 3).filter((p) => !tokenize(p).some((t) => t.k === "at"));
  if (numeric.length === 0) return formatGeneral(value);
  let section = numeric[0] as string;
  let signed = true;
  if (value < 0 && numeric.length >= 2) {
    section = numeric[1] as string;
    signed = false;
  } else if (value === 0 && numeric.length >= 3) section = numeric[2] as string;
  const tokens = tokenize(section);
  if (isDateSection(tokens)) return value < 0 ? "#".repeat(8) : formatDate(value, tokens);
  if (!tokens.some((t) => t.k === "digit" || t.k === "general")) {
    // Only literals (e.g. "-"): the section is the text.
    return tokens.map((t) => (t.k === "lit" ? t.s : t.k === "pct" ? "%" : "")).join("");
  }
  const { text, zero } = formatNumber(value, tokens);
  return signed && value < 0 && !zero ? `-${text}` : text;
}
