/** A check's reviews as the pane shows them: records, sheets, and the sheets not checked. */
import type { SheetReview } from "../../domain";
import { t, type Locale } from "../../i18n";
import type { FindingRecord } from "../../review";
import type { CheckOutcome } from "./gateway";

export function outcomeOf(
  r: {
    readonly reviews: readonly SheetReview[];
    readonly records: readonly (readonly FindingRecord[])[];
    readonly findingsSheet?: string;
    readonly notesSupported: boolean;
    readonly userNotesKept: readonly string[];
  },
  locale: Locale
): CheckOutcome {
  return {
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
