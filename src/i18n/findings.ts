/**
 * A finding in words, and nowhere else: its sentence, the field's label, the rule's name, its
 * numbers as shown (value, standard, gap) and where it is. The 「审查结果」 sheet, the notes, the
 * pane's list and the command line all take these, so a number reads the same on every surface.
 *
 * Decisions:
 *   - A field is named by its form label: 申报表 fields from the spec, 汇总表 columns from
 *     HUIZONG_COLUMNS, the 汇总表's two lines by their printed words. The 栏目 column keeps the
 *     label verbatim; sentences drop a trailing unit 「(亿元)」 because every number in a sentence
 *     carries its unit once (「集群总产值为 32 亿元」).
 *   - A value judged against a threshold is shown with 2 decimals, or with as many more (up to the
 *     value's own, at the 15 significant digits a cell keeps) as it takes to read on the same side
 *     of the threshold as it is; the gap is the difference of the numbers shown, in decimal.
 *   - With a relaxed western threshold applied, the sentence measures against the 认定标准 and
 *     then says how the value fares against the relaxed threshold that decided.
 */
import {
  batchParams,
  fieldById,
  findRule,
  HUIZONG_COLUMNS,
  HUIZONG_CONTACT_LINE,
  HUIZONG_SEAL_LINE,
  type CriteriaPack,
  type FieldSpec,
  type Finding,
  type Rule,
} from "../domain";
import { t, type Locale, type StringKey } from "./index";
import { zhCN } from "./zh-CN";

/* ---------- decimals ---------- */

const TEN = BigInt(10);
const ZERO = BigInt(0);
const ONE = BigInt(1);

/** units / 10^scale, exactly. */
interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/**
 * A number as the decimal a cell shows: 15 significant digits, so 0.1 + 0.2 reads 0.3. Every
 * finite number has one, 1e308 and 5e-324 included (JavaScript writes those in exponent form).
 */
function decimalOf(x: number): Decimal | undefined {
  if (!Number.isFinite(x)) return undefined;
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/u.exec(x.toExponential(14));
  if (!m) return undefined;
  const digits = `${m[2] ?? "0"}${m[3] ?? ""}`.replace(/0+$/u, "") || "0";
  // d.ddd…e±n is digits × 10^(n − (digits − 1)).
  const power = Number(m[4]) - (digits.length - 1);
  const units = BigInt(digits) * (power > 0 ? TEN ** BigInt(power) : ONE);
  return { units: m[1] ? -units : units, scale: Math.max(0, -power) };
}

const unitsAt = (d: Decimal, scale: number): bigint => d.units * TEN ** BigInt(scale - d.scale);

function compareDecimals(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const diff = unitsAt(a, scale) - unitsAt(b, scale);
  return diff > ZERO ? 1 : diff < ZERO ? -1 : 0;
}

/** Half away from zero, as Excel's ROUND. */
function roundDecimal(d: Decimal, digits: number): Decimal {
  if (d.scale <= digits) return d;
  const divisor = TEN ** BigInt(d.scale - digits);
  const magnitude = d.units < ZERO ? -d.units : d.units;
  const rounded = (magnitude + divisor / BigInt(2)) / divisor;
  return { units: d.units < ZERO ? -rounded : rounded, scale: digits };
}

function distance(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const diff = unitsAt(a, scale) - unitsAt(b, scale);
  return { units: diff < ZERO ? -diff : diff, scale };
}

/** Beyond these, plain digits stop being readable: 1×10²⁰ and 1.5×10⁻¹¹ instead. */
const LARGEST_PLAIN_DIGITS = 15;
const SMALLEST_PLAIN_POWER = -10;

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const superscript = (n: number): string =>
  `${n < 0 ? "⁻" : ""}${[...String(Math.abs(n))].map((c) => SUPERSCRIPT[Number(c)]).join("")}`;

/**
 * As people write it: 32, 39.5, 0.005, without trailing zeros; a number too long for digits in
 * scientific form, 1×10³⁰⁸ or 4.94×10⁻³²⁴, never in JavaScript's 1e+308 nor rounded to 0.
 */
function decimalText(d: Decimal): string {
  const negative = d.units < ZERO;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
  const sign = negative ? "-" : "";
  if (/[1-9]/u.test(digits)) {
    const significant = digits.replace(/^0+/u, "");
    // The power of ten of the first significant digit.
    const power = significant.length - 1 - d.scale;
    if (power >= LARGEST_PLAIN_DIGITS || power < SMALLEST_PLAIN_POWER) {
      // 15 significant digits, as a cell keeps; 9.999…95 rounds up to the next power.
      const rounded = Number(`${significant[0] ?? "0"}.${significant.slice(1)}`).toPrecision(15);
      const [mantissa, up] = rounded.startsWith("10") ? ["1", 1] : [rounded, 0];
      const text = mantissa.replace(/\.?0+$/u, "");
      return `${sign}${text}×10${superscript(power + up)}`;
    }
  }
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = digits.slice(digits.length - d.scale).replace(/0+$/u, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/u.test(text) ? `-${text}` : text;
}

/** To the 15 significant digits a cell keeps: 40 − 5×10⁻³²⁴ is 40, not 39.999… for a line. */
function toCellPrecision(d: Decimal): Decimal {
  const magnitude = d.units < ZERO ? -d.units : d.units;
  const extra = magnitude.toString().length - LARGEST_PLAIN_DIGITS;
  return extra > 0 && d.scale > 0 ? roundDecimal(d, Math.max(0, d.scale - extra)) : d;
}

/** The usual display: 2 decimals. */
const NORMAL_DIGITS = 2;

/**
 * A value as shown next to the thresholds it was judged against: 2 decimals unless that would
 * put it level with, or across, one of them, or show it as 0 when it is not; then as many more
 * as it takes, up to its own.
 */
function shownAgainst(value: Decimal, thresholds: readonly Decimal[]): Decimal {
  let digits = NORMAL_DIGITS;
  const misleads = (shown: Decimal): boolean =>
    thresholds.some((th) => compareDecimals(shown, th) !== compareDecimals(value, th));
  // Nor is a value that is not zero ever shown as 0: 5×10⁻³²⁴ stays that, however small.
  const hides = (shown: Decimal): boolean => shown.units === ZERO && value.units !== ZERO;
  while (
    digits < value.scale &&
    (misleads(roundDecimal(value, digits)) || hides(roundDecimal(value, digits)))
  )
    digits++;
  return roundDecimal(value, digits);
}

/* ---------- labels ---------- */

/** The 汇总表's lines above the table name their cells by the words before the colon. */
const lineLabel = (line: string): string => line.replace(/[:：].*$/u, "");

/** The 申报表 field, if the id is one. */
function shenbaoField(fieldId: string): FieldSpec | undefined {
  try {
    return fieldById(fieldId);
  } catch {
    return undefined;
  }
}

/** The label as the form prints it: the 栏目 a reviewer looks for. */
export function fieldLabel(fieldId: string, locale: Locale): string {
  if (fieldId === "hz_rows") return t(locale, "field.hz_rows");
  if (fieldId === "hz_authority") return lineLabel(HUIZONG_SEAL_LINE);
  if (fieldId === "hz_contact") return lineLabel(HUIZONG_CONTACT_LINE);
  if (fieldId.startsWith("hz_")) {
    const column = HUIZONG_COLUMNS.find((c) => `hz_${c.id}` === fieldId);
    if (column) return column.label;
  }
  return shenbaoField(fieldId)?.label ?? fieldId;
}

/** The label in a sentence: without the trailing unit the sentence's numbers already carry. */
function spokenLabel(fieldId: string, locale: Locale): string {
  const label = fieldLabel(fieldId, locale);
  const field = shenbaoField(fieldId);
  const unit = field?.kind === "pct" ? "%" : field?.unit;
  if (!unit) return label;
  const suffix = new RegExp(`[((]${unit.replace(/[.*+?^${}()|[\]\\/]/gu, "\\$&")}[))]$`, "u");
  return label.replace(suffix, "");
}

/** The rule a finding is about: the chosen pack's, else the national standard's of the batch. */
function ruleOf(ruleId: string, batchYear: number, criteria?: CriteriaPack): Rule | undefined {
  return criteria
    ? criteria.rules.find((r) => r.id === ruleId)
    : findRule(batchParams(Math.max(batchYear, 2022)), ruleId);
}

/** The 认定标准 wording for criteria (the pack's, with one), a short name for form checks. */
export function ruleName(
  locale: Locale,
  ruleId: string,
  batchYear: number,
  criteria?: CriteriaPack
): string {
  const rule = ruleOf(ruleId, batchYear, criteria);
  if (rule) return rule.wording;
  const key = `rule.${ruleId}`;
  return key in zhCN ? t(locale, key as StringKey) : ruleId;
}

/* ---------- measures ---------- */

/**
 * What a finding's numbers measure: a percentage (its gaps in percentage points), a quantity
 * in a unit of the form (亿元, 平方公里, 字…), or a bare count.
 */
type Measure =
  | { readonly kind: "pct" }
  | { readonly kind: "unit"; readonly unit?: string }
  /** The threshold is a tolerance: percentage points, or a share of the value (0.1 = 10%). */
  | { readonly kind: "tolerance"; readonly of: "pp" | "ratio"; readonly value: Measure };

const PCT: Measure = { kind: "pct" };

function fieldMeasure(field: FieldSpec | undefined): Measure {
  if (field?.kind === "pct") return PCT;
  return field?.unit ? { kind: "unit", unit: field.unit } : { kind: "unit" };
}

function measureOf(f: Finding, rule: Rule | undefined, field: FieldSpec | undefined): Measure {
  if (rule) {
    switch (rule.criterion.kind) {
      case "geomean":
      case "planCagr":
      case "planReach":
      case "planCut":
        return PCT;
      case "qualityTier":
        return { kind: "unit", unit: "家" };
      default:
        return fieldMeasure(field);
    }
  }
  switch (f.ruleId) {
    case "text_limit":
      return { kind: "unit", unit: "字" };
    case "summary_row_cap":
      return { kind: "unit", unit: "集群" };
    case "growth_reported_vs_recomputed":
      return { kind: "tolerance", of: "pp", value: PCT };
    case "per_10k_consistency":
      return { kind: "tolerance", of: "ratio", value: fieldMeasure(field) };
    default:
      return fieldMeasure(field);
  }
}

/** A number in its unit, as the locale writes it. */
function inUnit(locale: Locale, n: string, unit: string | undefined): string {
  if (!unit) return n;
  const key = `unit.${unit}`;
  return key in zhCN ? t(locale, key as StringKey, { n }) : `${n} ${unit}`;
}

function valueText(locale: Locale, m: Measure, n: string): string {
  switch (m.kind) {
    case "pct":
      return inUnit(locale, n, "%");
    case "unit":
      return inUnit(locale, n, m.unit);
    case "tolerance":
      return valueText(locale, m.value, n);
  }
}

/** A difference between two values of the measure: percentages differ in percentage points. */
function gapText(locale: Locale, m: Measure, n: string): string {
  const base = m.kind === "tolerance" ? m.value : m;
  return base.kind === "pct" ? inUnit(locale, n, "pp") : valueText(locale, base, n);
}

/** A share as a percentage: 0.1 is 10. */
function percentOf(share: Decimal): Decimal {
  const scale = share.scale - 2;
  return scale >= 0
    ? { units: share.units, scale }
    : { units: share.units * TEN ** BigInt(-scale), scale: 0 };
}

/** A threshold in what it measures; a tolerance in percentage points or as a percentage. */
function thresholdText(locale: Locale, m: Measure, threshold: Decimal): string {
  if (m.kind !== "tolerance") return valueText(locale, m, decimalText(threshold));
  return m.of === "pp"
    ? inUnit(locale, decimalText(threshold), "pp")
    : inUnit(locale, decimalText(percentOf(threshold)), "%");
}

/* ---------- the words ---------- */

export interface FindingWords {
  /** The finding as one sentence, with the western mark when relaxed. */
  readonly message: string;
  /** The field's label as the form prints it. */
  readonly field: string;
  /** The 认定标准 wording, or the form check's name. */
  readonly rule: string;
  /** The value as the sentence shows it, with its unit. */
  readonly actual?: string;
  /** The standard: operator, threshold and unit; with the relaxed threshold where one decided. */
  readonly threshold?: string;
  /** How far the value is from the 认定标准's threshold, with its unit. */
  readonly gap?: string;
  /** The data year, or the 汇总表 row. */
  readonly place?: string;
  /** How a computed value was obtained. */
  readonly method?: string;
}

const isNumber = (x: unknown): x is number => typeof x === "number";

/**
 * A finding in the user's language: the sentence and each of its parts as shown. With a pack, its
 * rule's wording (and so its thresholds) is what the sentence quotes.
 */
export function findingWords(
  locale: Locale,
  f: Finding,
  batchYear = 2022,
  criteria?: CriteriaPack
): FindingWords {
  const rule = ruleOf(f.ruleId, batchYear, criteria);
  const field = shenbaoField(f.fieldId);
  const measure = measureOf(f, rule, field);
  const detail = f.detail ?? {};

  const actualDecimal = isNumber(f.actual) ? decimalOf(f.actual) : undefined;
  const decimalIn = (x: unknown): Decimal | undefined => (isNumber(x) ? decimalOf(x) : undefined);
  // A relaxed threshold that decided replaces the standard in `threshold`; the standard is kept.
  const relaxedApplied = f.relaxed === true && isNumber(f.standard) && isNumber(f.threshold);
  const standard = decimalIn(relaxedApplied ? f.standard : f.threshold);
  const relaxed = relaxedApplied ? decimalIn(f.threshold) : undefined;
  const recomputed = decimalIn(detail.recomputed);
  const previous = decimalIn(detail.previous);
  // What the value was judged against, so that it never reads level with or across any of them.
  const against = (
    measure.kind === "tolerance" ? [recomputed] : [standard, relaxed, previous]
  ).filter((d): d is Decimal => d !== undefined);
  // With nothing to read it against (a range, a whole number), every digit it has: 100.001 is
  // out of 0–100 and 2.0001 is not whole, which 2 decimals would hide.
  const shown =
    actualDecimal && (against.length > 0 ? shownAgainst(actualDecimal, against) : actualDecimal);

  const actual =
    shown !== undefined
      ? valueText(locale, measure, decimalText(shown))
      : f.actual === undefined || f.actual === null
        ? undefined
        : typeof f.actual === "boolean"
          ? // As the cell shows it: a 是/否 cell holding TRUE reads TRUE, not true.
            f.actual
            ? "TRUE"
            : "FALSE"
          : String(f.actual);
  const threshold =
    standard !== undefined
      ? thresholdText(locale, measure, standard)
      : f.threshold === undefined
        ? undefined
        : String(f.threshold);
  const op = f.operator ? t(locale, `op.${f.operator}`) : "";
  const withOp = (text: string): string => (op ? `${op} ${text}` : text);
  const gapDecimal =
    shown && standard && measure.kind !== "tolerance"
      ? toCellPrecision(distance(shown, standard))
      : undefined;
  // None at the threshold itself: a value failing 「高于」 there is short by no amount.
  const gap =
    gapDecimal && gapDecimal.units !== ZERO
      ? gapText(locale, measure, decimalText(gapDecimal))
      : undefined;
  const quantity = (d: Decimal | undefined): string =>
    d ? valueText(locale, measure, decimalText(d)) : "";

  const broad = decimalIn(detail.broad);
  const other = broad
    ? quantity(broad)
    : previous
      ? quantity(actualDecimal ? shownAgainst(previous, [actualDecimal]) : previous)
      : detail.otherRow !== undefined
        ? String(detail.otherRow)
        : detail.authority !== undefined
          ? String(detail.authority)
          : "";

  const year = f.year ?? "";
  const params: Record<string, string | number> = {
    field: spokenLabel(f.fieldId, locale),
    year,
    yearPart: f.year === undefined ? "" : t(locale, "part.year", { year: f.year }),
    row: f.row ?? "",
    rowPart: f.row === undefined ? "" : t(locale, "part.row", { row: f.row }),
    option: f.option ?? "",
    optionPart: f.option === undefined ? "" : t(locale, "part.option", { option: f.option }),
    actual: actual ?? "",
    threshold: threshold ?? "",
    op,
    gap: gap ?? "",
    method: f.method ? t(locale, `method.${f.method}`) : "",
    recomputed: quantity(
      recomputed && actualDecimal ? shownAgainst(recomputed, [actualDecimal]) : recomputed
    ),
    other,
    cell: detail.cell !== undefined ? String(detail.cell) : "",
    recorded: detail.recorded !== undefined ? String(detail.recorded) : "",
    used: detail.used !== undefined ? String(detail.used) : "",
    wording: rule?.wording ?? "",
  };
  const key = `finding.${f.ruleId}`;
  let message =
    key in zhCN
      ? t(locale, key as StringKey, params)
      : ruleName(locale, f.ruleId, batchYear, criteria);
  if (relaxed && shown) {
    const relaxedParams = { op, threshold: quantity(relaxed) };
    const short = toCellPrecision(distance(shown, relaxed));
    // An info finding under a relaxed threshold is one that passes only thanks to it.
    message +=
      f.severity === "info"
        ? t(locale, "relaxed.met", relaxedParams)
        : short.units === ZERO
          ? t(locale, "relaxed.unmet", relaxedParams)
          : t(locale, "relaxed.short", {
              ...relaxedParams,
              gap: gapText(locale, measure, decimalText(short)),
            });
  }
  if (f.relaxed) message += t(locale, "relaxed.mark", { note: t(locale, "relaxed.note") });

  return {
    message,
    field: fieldLabel(f.fieldId, locale),
    rule: ruleName(locale, f.ruleId, batchYear, criteria),
    ...(actual !== undefined ? { actual } : {}),
    ...(threshold !== undefined
      ? {
          threshold: relaxed
            ? t(locale, "threshold.relaxed", {
                standard: withOp(threshold),
                relaxed: quantity(relaxed),
              })
            : withOp(threshold),
        }
      : {}),
    ...(gap !== undefined ? { gap } : {}),
    ...(f.year !== undefined
      ? { place: String(f.year) }
      : f.row !== undefined
        ? { place: t(locale, "place.row", { row: f.row }) }
        : {}),
    ...(f.method ? { method: t(locale, `method.${f.method}`) } : {}),
  };
}

/** A finding as one sentence in the user's language. */
export const formatFinding = (
  locale: Locale,
  f: Finding,
  batchYear = 2022,
  criteria?: CriteriaPack
): string => findingWords(locale, f, batchYear, criteria).message;
