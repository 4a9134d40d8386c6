/** A check's result as the outcome every entry point describes the same way, and as the pane lists it. */
import type { SheetReview } from "../domain";
import { t, type Locale } from "../i18n";
import type { FindingRecord } from "../review";
import type { CheckOutcome } from "./actions";
import type { Outcome } from "./outcome";

/** What a host's check gives back, whichever host ran it. */
export interface CheckResultLike {
  readonly reviews: readonly SheetReview[];
  readonly records: readonly (readonly FindingRecord[])[];
  readonly findingsSheet?: string;
  readonly notesSupported: boolean;
  readonly userNotesKept: readonly string[];
}

export function checkedOutcome(r: CheckResultLike): Outcome {
  const all = r.records.flat();
  const count = (severity: FindingRecord["severity"]): number =>
    all.filter((x) => x.severity === severity).length;
  return {
    kind: "checked",
    sheets: r.reviews.filter((v) => !v.problem).length,
    errors: count("error"),
    warnings: count("warning"),
    infos: count("info"),
    ...(r.findingsSheet ? { findingsSheet: r.findingsSheet } : {}),
    notesSupported: r.notesSupported,
    userNotesKept: r.userNotesKept,
  };
}

/** A check's reviews as the pane lists them: records, sheets, and the sheets not checked. */
export function checkOutcomeOf(r: CheckResultLike, locale: Locale): CheckOutcome {
  return {
    summary: checkedOutcome(r),
    sheets: r.reviews
      .filter((v) => !v.problem)
      .map((v) => ({ sheet: v.read.sheet, form: v.read.form })),
    problems: r.reviews.flatMap((v) =>
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
    records: r.records.flat(),
    ...(r.findingsSheet ? { findingsSheet: r.findingsSheet } : {}),
    notesSupported: r.notesSupported,
    userNotesKept: r.userNotesKept,
  };
}
