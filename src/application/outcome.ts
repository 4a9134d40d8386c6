/**
 * What an action did, as data, and the one place that says it in the user's language: the ribbon's
 * status line and the pane's result bar show the same sentence for the same outcome.
 */
import type { FindingRecord } from "../findings";
import { t, type Locale } from "../i18n";

export type Intent = "success" | "warning" | "error";

export type Outcome =
  | {
      readonly kind: "inserted";
      /** New sheets; `forms` where a 汇总表 was built from that many 申报表. */
      readonly sheets: readonly { readonly sheet: string; readonly forms?: number }[];
    }
  | {
      readonly kind: "example";
      readonly key: string;
      readonly sheet: string;
      readonly batchYear: number;
    }
  | {
      readonly kind: "checked";
      /** Template sheets checked; those not checked (no batch title, other batch) are problems. */
      readonly sheets: readonly { readonly sheet: string; readonly form: "shenbao" | "huizong" }[];
      readonly problems: readonly { readonly sheet: string; readonly message: string }[];
      readonly records: readonly FindingRecord[];
      /** The 「审查结果」 sheet written; undefined when the workbook has no template sheet. */
      readonly findingsSheet?: string;
      readonly notesSupported: boolean;
      /** Cells where the user's own note was left alone instead of adding the check's. */
      readonly userNotesKept: readonly string[];
    }
  | {
      /** The chosen criteria pack cannot be used: nothing was done, the workbook is unchanged. */
      readonly kind: "criteriaInvalid";
      /** The pack's name (or id) as the user knows it. */
      readonly criteria: string;
      /** Each problem, 「JSON 路径：what is wrong」, in the action's locale. */
      readonly issues: readonly string[];
    }
  | {
      readonly kind: "cleared";
      readonly marks: number;
      readonly notes: number;
      readonly sheet?: string;
    };

/** A check's outcome: what the pane lists under 审查结果. */
export type CheckOutcome = Extract<Outcome, { readonly kind: "checked" }>;

export interface Described {
  readonly intent: Intent;
  readonly text: string;
}

export function describeOutcome(o: Outcome, locale: Locale): Described {
  switch (o.kind) {
    case "inserted": {
      const fromForms = o.sheets.filter((s) => s.forms !== undefined);
      if (fromForms.length === 0)
        return {
          intent: "success",
          text: t(locale, "writer.inserted", {
            sheet: o.sheets.map((s) => s.sheet).join(t(locale, "pane.list.quotedSeparator")),
          }),
        };
      // One sentence for all the 汇总表 built, however many authorities the forms name.
      return {
        intent: "success",
        text: t(locale, "huizong.fromForms", {
          forms: fromForms.reduce((n, s) => n + (s.forms ?? 0), 0),
          sheet: fromForms.map((s) => s.sheet).join(t(locale, "pane.list.quotedSeparator")),
        }),
      };
    }
    case "example":
      return {
        intent: "success",
        text: t(locale, "pane.result.example", { key: o.key, sheet: o.sheet, year: o.batchYear }),
      };
    case "checked": {
      if (!o.findingsSheet) return { intent: "warning", text: t(locale, "review.nothing") };
      const count = (severity: FindingRecord["severity"]): number =>
        o.records.filter((r) => r.severity === severity).length;
      const errors = count("error");
      const warnings = count("warning");
      const parts = [
        t(locale, "review.done", {
          sheets: o.sheets.length,
          errors,
          warnings,
          infos: count("info"),
          sheet: o.findingsSheet,
        }),
        ...(o.notesSupported ? [] : [t(locale, "review.notesUnsupported")]),
        ...o.userNotesKept.map((cell) => t(locale, "review.noteKept", { cell })),
      ];
      return {
        intent: errors > 0 ? "error" : warnings > 0 ? "warning" : "success",
        // Chinese sentences follow each other without a space; English ones with one.
        text: parts.join(locale === "zh-CN" ? "" : " "),
      };
    }
    case "criteriaInvalid":
      return {
        intent: "error",
        text: [t(locale, "pane.settings.criteria.refused", { name: o.criteria }), ...o.issues].join(
          "\n"
        ),
      };
    case "cleared":
      return {
        intent: "success",
        text: t(locale, "review.cleared", {
          marks: o.marks,
          notes: o.notes,
          sheetPart: o.sheet ? t(locale, "review.clearedSheet", { sheet: o.sheet }) : "",
        }),
      };
  }
}
