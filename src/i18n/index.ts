/**
 * Typed string tables and the finding → sentence formatter. zh-CN is the source; en-US is typed
 * against it. The domain returns codes; only this module turns them into words.
 */
import { fieldById, findRule, batchParams, roundTo, type Finding, type FieldSpec } from "../domain";
import { enUS } from "./en-US";
import { zhCN, type StringKey } from "./zh-CN";

export type Locale = "zh-CN" | "en-US";
export type { StringKey };

export const TABLES: Readonly<Record<Locale, Readonly<Record<StringKey, string>>>> = {
  "zh-CN": zhCN,
  "en-US": enUS,
};

/** zh-CN for any Chinese display language, en-US otherwise (the product is Chinese-first). */
export function localeFor(displayLanguage: string | undefined): Locale {
  return displayLanguage && !/^zh/iu.test(displayLanguage) ? "en-US" : "zh-CN";
}

export function t(
  locale: Locale,
  key: StringKey,
  params: Readonly<Record<string, string | number>> = {}
): string {
  return TABLES[locale][key].replace(/\{(\w+)\}/gu, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  );
}

const num = (v: number): string => String(roundTo(v, 2));

function labelOf(fieldId: string): string {
  if (fieldId.startsWith("hz_")) return fieldId.slice(3);
  try {
    const f: FieldSpec = fieldById(fieldId);
    return f.label;
  } catch {
    return fieldId;
  }
}

/** A finding as one sentence in the user's language, with the western mark when relaxed. */
export function formatFinding(locale: Locale, f: Finding, batchYear = 2022): string {
  const rule = findRule(batchParams(Math.max(batchYear, 2022)), f.ruleId);
  const actual = typeof f.actual === "number" ? num(f.actual) : String(f.actual ?? "");
  const gap =
    typeof f.actual === "number" && typeof f.threshold === "number"
      ? num(Math.abs(f.threshold - f.actual))
      : "";
  const detail = f.detail ?? {};
  const otherRaw = detail.broad ?? detail.previous ?? detail.otherRow ?? detail.authority;
  const params: Record<string, string | number> = {
    field: labelOf(f.fieldId),
    year: f.year ?? "",
    yearPart: f.year === undefined ? "" : t(locale, "part.year", { year: f.year }),
    row: f.row ?? "",
    rowPart: f.row === undefined ? "" : t(locale, "part.row", { row: f.row }),
    option: f.option ?? "",
    optionPart: f.option === undefined ? "" : t(locale, "part.option", { option: f.option }),
    actual,
    threshold: typeof f.threshold === "number" ? num(f.threshold) : String(f.threshold ?? ""),
    op: f.operator ? t(locale, `op.${f.operator}`) : "",
    gap,
    method: f.method ? t(locale, `method.${f.method}`) : "",
    recomputed: typeof detail.recomputed === "number" ? num(detail.recomputed) : "",
    other: otherRaw === undefined ? "" : String(otherRaw),
    wording: rule?.wording ?? "",
  };
  const key = `finding.${f.ruleId}` as StringKey;
  const sentence = key in zhCN ? t(locale, key, params) : f.ruleId;
  return f.relaxed ? `${sentence}【${t(locale, "relaxed.note")}】` : sentence;
}

/** The short message for a writer failure; the Office code and location stay for "details". */
export function writerErrorMessage(
  locale: Locale,
  e: {
    code: "unsupported" | "protected" | "cellEditMode" | "readOnly" | "unknown";
    detail?: string;
  }
): string {
  return t(locale, `writer.${e.code}`, { detail: e.detail ?? "" });
}
