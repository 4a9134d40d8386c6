/**
 * 检查, decided once: the workbook's template sheets as read become one report holding, per sheet,
 * its review (findings located on cells), its records (the findings as a reviewer reads them) and
 * its marks (a note per cell, and whether the sheet's own highlight already shows it), with the
 * 「审查结果」 sheet's plan. Office.js (src/excel/check.ts), the files of jiqun check and review
 * (src/xlsx/annotate.ts) and the pane's in-memory workbook apply the same report.
 */
import {
  evaluateSheet,
  type CriteriaPack,
  type EvaluationSettings,
  type ReadSheet,
  type SheetPlan,
  type EvaluatedSheet,
} from "../domain";
import { t, type Locale } from "../i18n";
import {
  buildFindingsPlan,
  marksOf,
  recordsOf,
  type CellMark,
  type FindingRecord,
} from "../findings";
import type { CheckOutcome } from "./outcome";

export interface SheetCheck {
  readonly review: EvaluatedSheet;
  /** The review's findings as records, in the review's order. */
  readonly records: readonly FindingRecord[];
  readonly marks: readonly CellMark[];
}

export interface CheckReport {
  readonly sheets: readonly SheetCheck[];
  /** The 「审查结果」 sheet; undefined when the workbook has no template sheet. */
  readonly findings?: SheetPlan;
}

export interface CheckOptions {
  readonly locale: Locale;
  readonly settings?: Partial<EvaluationSettings>;
  /** A batch the sheets must declare (jiqun check --batch); others are refused, not checked. */
  readonly expectedBatch?: number;
  /** The criteria pack (jiqun --criteria); absent: each sheet's batch's national standard. */
  readonly criteria?: CriteriaPack;
  /** What was checked (a file name), shown under the 「审查结果」 title. */
  readonly source?: string;
}

export function decideCheck(reads: readonly ReadSheet[], options: CheckOptions): CheckReport {
  const sheets = reads.map((read): SheetCheck => {
    const review = evaluateSheet(read, {
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.expectedBatch ? { expectedBatch: options.expectedBatch } : {}),
      ...(options.criteria ? { criteria: options.criteria } : {}),
    });
    const records = recordsOf(review, options.locale);
    return { review, records, marks: marksOf(review, records, options.locale) };
  });
  if (sheets.length === 0) return { sheets };
  const source = options.source !== undefined ? { source: options.source } : {};
  return { sheets, findings: buildFindingsPlan({ sheets, ...source }, options.locale) };
}

/** What a host did with a check's report. */
export interface CheckApplied {
  readonly report: CheckReport;
  /** The 「审查结果」 sheet written (its name made unique); undefined when nothing was checked. */
  readonly findingsSheet?: string;
  readonly notesSupported: boolean;
  /** Cells where the user's own note was left alone instead of adding the check's. */
  readonly userNotesKept: readonly string[];
}

/** The check's outcome: the sheets checked, those refused with why, and every record. */
export function checkedOutcome(r: CheckApplied, locale: Locale): CheckOutcome {
  const reviews = r.report.sheets.map((s) => s.review);
  return {
    kind: "checked",
    sheets: reviews
      .filter((v) => !v.problem)
      .map((v) => ({ sheet: v.read.sheet, form: v.read.form })),
    problems: reviews.flatMap((v) =>
      v.problem
        ? [
            {
              sheet: v.read.sheet,
              message: t(locale, `review.problem.${v.problem}`, {
                year: v.batchYear ?? "",
                expected: v.expectedBatch ?? "",
              }),
            },
          ]
        : []
    ),
    records: r.report.sheets.flatMap((s) => s.records),
    ...(r.findingsSheet ? { findingsSheet: r.findingsSheet } : {}),
    notesSupported: r.notesSupported,
    userNotesKept: r.userNotesKept,
  };
}
