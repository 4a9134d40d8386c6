/**
 * Findings and writer failures as sentences in the user's language. The domain returns codes;
 * only this module turns them into words.
 */
import { batchParams, fieldById, findRule, roundTo, type FieldSpec, type Finding } from "../domain";
import { t, type StringKey } from "./index";
import { zhCN } from "./zh-CN";
import type { Locale } from "./index";
import type { WriterErrorCode } from "../excel/errors";

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
    code: WriterErrorCode;
    detail?: string;
  }
): string {
  return t(locale, `writer.${e.code}`, { detail: e.detail ?? "" });
}
