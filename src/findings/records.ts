/**
 * A located finding as a reviewer reads it: the finding's codes and numbers, and its words
 * (label, rule, sentence, the numbers as shown) from i18n/findings, the one place a finding
 * becomes words. Shared by the 「审查结果」 sheet, the command line and the task pane.
 */
import type { LocatedFinding, EvaluatedSheet } from "../domain";
import type { Locale } from "../i18n";
import { findingWords } from "../i18n/findings";

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
  /** The value as the message shows it, with its unit. */
  readonly actualText?: string;
  /** The standard as the message measures against it, with the relaxed threshold if one decided. */
  readonly thresholdText?: string;
  /** The data year, or the 汇总表 row. */
  readonly placeText?: string;
  /** How a computed value was obtained. */
  readonly methodText?: string;
}

export function recordsOf(review: EvaluatedSheet, locale: Locale): FindingRecord[] {
  const year = review.batchYear ?? 2022;
  return review.findings.map((f) => {
    const words = findingWords(locale, f, year, review.criteria);
    return {
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
      fieldLabel: words.field,
      ruleName: words.rule,
      message: words.message,
      ...(words.actual !== undefined ? { actualText: words.actual } : {}),
      ...(words.threshold !== undefined ? { thresholdText: words.threshold } : {}),
      ...(words.place !== undefined ? { placeText: words.place } : {}),
      ...(words.method !== undefined ? { methodText: words.method } : {}),
    };
  });
}
