/**
 * Ribbon commands (ExecuteFunction buttons in manifest.xml), running in the shared runtime: each
 * runs its action (src/commands/actions.ts) with the settings remembered for the workbook, without
 * opening the pane, and always completes, so Excel never shows a hung command. Outcomes go to the
 * task pane's status list; errors open the pane so they are seen.
 */
import { officeHost } from "../excel/host";
import { localeFor } from "../i18n";
import { hostSettingsStore } from "../settings/store";
import { COMMAND_NAMES, runCommand, type CommandName } from "./actions";
import { publishStatus } from "./status";

export { COMMAND_NAMES };

function handler(name: CommandName) {
  return async (event: Office.AddinCommands.Event): Promise<void> => {
    try {
      const showPane = (): Promise<void> => Office.addin.showAsTaskpane();
      await runCommand(
        name,
        officeHost(),
        {
          showPane,
          report: (message, intent) => {
            publishStatus({ message, intent });
            if (intent === "error") void showPane();
          },
        },
        localeFor(Office.context.displayLanguage),
        hostSettingsStore().load()
      );
    } finally {
      event.completed();
    }
  };
}

// Outside Office (plain browser, tests) there is nothing to register with.
if (typeof Office !== "undefined" && Office.actions) {
  for (const name of COMMAND_NAMES) Office.actions.associate(name, handler(name));
}
