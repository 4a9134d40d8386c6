/**
 * The 复核结论 a province attaches for each cluster it re-reviews: every rule of the 复核 pack, in
 * the pack's order, with its conclusion and, where it is not met, the reasons — the findings of
 * that rule as the reviewer reads them. Shared by the 「审查结果」 sheet and the command line.
 */
import type { Conclusion, EvaluatedSheet } from "../domain";
import { t, type Locale } from "../i18n";
import type { FindingRecord } from "./records";

export interface ConclusionRow {
  readonly seq: number;
  readonly ruleId: string;
  /** The criterion as the pack words it. */
  readonly wording: string;
  readonly conclusion: Conclusion;
  readonly conclusionText: string;
  /** The rule's findings in order; none where the rule is met or could not be judged. */
  readonly reasons: readonly string[];
}

/** The 复核结论 of a checked 申报表; empty unless it was checked under a 复核 pack. */
export function conclusionRows(
  review: EvaluatedSheet,
  records: readonly FindingRecord[],
  locale: Locale
): ConclusionRow[] {
  return (review.conclusions ?? []).map(({ rule, conclusion }, i) => ({
    seq: i + 1,
    ruleId: rule.id,
    wording: rule.wording,
    conclusion,
    conclusionText: t(locale, `conclusion.${conclusion}`),
    reasons: records.filter((r) => r.ruleId === rule.id).map((r) => r.message),
  }));
}

/** 「复核：2022年度认定的集群，2025年复核……」 for a 复核 pack's check; undefined otherwise. */
export function reviewLine(review: EvaluatedSheet, locale: Locale): string | undefined {
  const r = review.criteria?.review;
  const year = review.criteria?.batchYear;
  if (!r || year === undefined) return undefined;
  return t(locale, "review.fuhe", {
    recognised: r.recognitionYear,
    year,
    first: year - 3,
    last: year - 1,
  });
}
