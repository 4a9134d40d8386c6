/**
 * What each ribbon button does, given a host and a way to reach the user: the application's
 * actions on Office.js, described as the pane describes them. Kept apart from the Office.actions
 * registration so it runs against the modelled Excel in tests.
 */
import { describeOutcome, runAction, type ActionName, type Outcome } from "../application";
import { officePort } from "../excel/actions";
import { WriterError } from "../excel/errors";
import type { ExcelHost } from "../excel/host";
import { writerErrorMessage, type Locale } from "../i18n";
import type { PaneSettings } from "../settings/settings";
import { COMMAND_NAMES, type CommandName } from "./names";

export { COMMAND_NAMES, type CommandName };

export interface CommandUi {
  /** Opens the task pane. */
  readonly showPane: () => Promise<void>;
  /** Tells the user the outcome (the task pane shows it; tests record it). */
  readonly report: (message: string, intent: "success" | "warning" | "error") => void;
}

/** The manifest's command ids (ExecuteFunction names) and the actions they run. */
const ACTION_OF: Readonly<Record<CommandName, ActionName>> = {
  insertShenbao: "insertShenbao",
  insertHuizong: "insertHuizong",
  checkWorkbook: "check",
  clearMarks: "clear",
};

/** The ribbon's actions are the pane's, with the settings remembered for the workbook. */
export function commandOutcome(
  name: CommandName,
  host: ExcelHost,
  locale: Locale,
  settings: PaneSettings
): Promise<Outcome> {
  return runAction(ACTION_OF[name], officePort(host), { settings, example: "B", locale });
}

export async function runCommand(
  name: CommandName,
  host: ExcelHost,
  ui: CommandUi,
  locale: Locale,
  settings: PaneSettings
): Promise<void> {
  try {
    const d = describeOutcome(await commandOutcome(name, host, locale, settings), locale);
    ui.report(d.text, d.intent);
  } catch (e) {
    const err =
      e instanceof WriterError ? e : new WriterError("unknown", undefined, undefined, String(e));
    ui.report(writerErrorMessage(locale, err), "error");
  }
}
