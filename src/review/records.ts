/**
 * A located finding as a reviewer reads it: field label, rule name, numbers and the sentence,
 * in the user's language. Shared by the 「审查结果」 sheet, the command line and the task pane.
 */
import {
  batchParams,
  fieldById,
  findRule,
  HUIZONG_COLUMNS,
  type LocatedFinding,
  type SheetReview,
} from "../domain";
import { formatFinding, t, type Locale, type StringKey } from "../i18n";
import { zhCN } from "../i18n/zh-CN";

export interface FindingRecord {
  readonly sheet: string;
  readonly ruleId: string;
  readonly fieldId: string;
  readonly year?: number;
  readonly row?: number;
  readonly cell?: string;
  readonly severity: LocatedFinding["severity"];
  readonly actual?: LocatedFinding["actual"];
  readonly threshold?: LocatedFinding["threshold"];
  readonly operator?: LocatedFinding["operator"];
  readonly method?: LocatedFinding["method"];
  /** 西部地区可适当放宽 applied. */
  readonly relaxed?: boolean;
  readonly fieldLabel: string;
  readonly ruleName: string;
  readonly message: string;
}

/** The official label of a field (domain forms), or the table's words for the 汇总表 as a whole. */
export function fieldLabel(fieldId: string, locale: Locale): string {
  if (fieldId === "hz_rows" || fieldId === "hz_authority") return t(locale, `field.${fieldId}`);
  if (fieldId.startsWith("hz_"))
    return HUIZONG_COLUMNS.find((c) => `hz_${c.id}` === fieldId)?.label ?? fieldId;
  try {
    return fieldById(fieldId).label;
  } catch {
    return fieldId;
  }
}

/** The 认定标准 wording for criteria, a short name for form checks, else the code. */
export function ruleName(locale: Locale, ruleId: string, batchYear: number): string {
  const rule = findRule(batchParams(batchYear), ruleId);
  if (rule) return rule.wording;
  const key = `rule.${ruleId}`;
  return key in zhCN ? t(locale, key as StringKey) : ruleId;
}

export function recordsOf(review: SheetReview, locale: Locale): FindingRecord[] {
  const year = review.batchYear ?? 2022;
  return review.findings.map((f) => ({
    sheet: review.read.sheet,
    ruleId: f.ruleId,
    fieldId: f.fieldId,
    ...(f.year !== undefined ? { year: f.year } : {}),
    ...(f.row !== undefined ? { row: f.row } : {}),
    ...(f.cell !== undefined ? { cell: f.cell } : {}),
    severity: f.severity,
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
    ...(f.threshold !== undefined ? { threshold: f.threshold } : {}),
    ...(f.operator !== undefined ? { operator: f.operator } : {}),
    ...(f.method !== undefined ? { method: f.method } : {}),
    ...(f.relaxed ? { relaxed: true } : {}),
    fieldLabel: fieldLabel(f.fieldId, locale),
    ruleName: ruleName(locale, f.ruleId, year),
    message: formatFinding(locale, f, year),
  }));
}
