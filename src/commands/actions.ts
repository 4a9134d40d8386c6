/**
 * What each ribbon button does, given a host and a way to reach the user. Kept apart from the
 * Office.actions registration so it runs against the in-memory Excel in tests.
 */
import { batchParams, buildHuizongPlan, buildShenbaoPlan, findAuthority } from "../domain";
import type { ExcelHost } from "../excel/host";
import { insertPlan } from "../excel/insertPlan";
import { PLAN_TEXT_ZH } from "../i18n/planText";
import { evaluationSettings, type PaneSettings } from "../settings/settings";
import { insertHuizongFromForms } from "../excel/huizongFromForms";
import { checkWorkbook, clearMarks } from "../excel/review";
import { WriterError } from "../excel/errors";
import { t, writerErrorMessage, type Locale } from "../i18n";

export const COMMAND_NAMES = [
  "insertShenbao",
  "insertHuizong",
  "checkWorkbook",
  "clearMarks",
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface CommandUi {
  /** Opens the task pane. */
  readonly showPane: () => Promise<void>;
  /** Tells the user the outcome (the task pane shows it; tests record it). */
  readonly report: (message: string, intent: "success" | "warning" | "error") => void;
}

export async function runCommand(
  name: CommandName,
  host: ExcelHost,
  ui: CommandUi,
  locale: Locale,
  settings: PaneSettings
): Promise<void> {
  try {
    switch (name) {
      case "insertShenbao": {
        // The batch set in the pane (remembered per workbook), without opening the pane.
        const plan = buildShenbaoPlan(batchParams(settings.batchYear), PLAN_TEXT_ZH);
        const r = await insertPlan(host, plan);
        ui.report(t(locale, "writer.inserted", { sheet: r.sheetName }), "success");
        return;
      }
      case "insertHuizong": {
        // From the workbook's 申报表 sheets when it has some, else an empty one for the authority.
        const built = await insertHuizongFromForms(host);
        for (const s of built.sheets)
          ui.report(t(locale, "huizong.fromForms", { sheet: s.sheet, forms: s.forms }), "success");
        if (built.sheets.length > 0) return;
        const plan = buildHuizongPlan(
          batchParams(settings.batchYear),
          PLAN_TEXT_ZH,
          findAuthority(settings.authority)
        );
        const r = await insertPlan(host, plan);
        ui.report(t(locale, "writer.inserted", { sheet: r.sheetName }), "success");
        return;
      }
      case "checkWorkbook": {
        const r = await checkWorkbook(host, { locale, settings: evaluationSettings(settings) });
        if (!r.findingsSheet) {
          ui.report(t(locale, "review.nothing"), "warning");
          return;
        }
        const count = (s: string): number =>
          r.records.flat().filter((x) => x.severity === s).length;
        ui.report(
          t(locale, "review.done", {
            errors: count("error"),
            warnings: count("warning"),
            sheet: r.findingsSheet,
          }),
          count("error") > 0 ? "error" : count("warning") > 0 ? "warning" : "success"
        );
        if (!r.notesSupported) ui.report(t(locale, "review.notesUnsupported"), "warning");
        for (const cell of r.userNotesKept)
          ui.report(t(locale, "review.noteKept", { cell }), "warning");
        return;
      }
      case "clearMarks": {
        const r = await clearMarks(host);
        ui.report(
          t(locale, "review.cleared", {
            marks: r.marks,
            notes: r.notes,
            sheetPart: r.findingsSheet
              ? t(locale, "review.clearedSheet", { sheet: r.findingsSheet })
              : "",
          }),
          "success"
        );
        return;
      }
    }
  } catch (e) {
    const err =
      e instanceof WriterError ? e : new WriterError("unknown", undefined, undefined, String(e));
    ui.report(writerErrorMessage(locale, err), "error");
  }
}
