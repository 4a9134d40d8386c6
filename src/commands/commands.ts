/**
 * A ribbon command's work (ExecuteFunction buttons in manifest.xml), in the shared runtime: runs
 * its action (src/commands/actions.ts) with the settings remembered for the workbook, without
 * opening the pane. Outcomes go to the task pane's status list; errors open the pane so they are
 * seen. Its own chunk, loaded on the first click (src/commands/register.ts).
 */
import { officeHost } from "../excel/host";
import { localeFor } from "../i18n";
import { loadTable } from "../i18n/load";
import { hostSettingsStore } from "../settings/store";
import { runCommand } from "./actions";
import type { CommandName } from "./names";
import { publishStatus } from "./status";

export async function runRibbonCommand(name: CommandName): Promise<void> {
  const showPane = (): Promise<void> => Office.addin.showAsTaskpane();
  const locale = localeFor(Office.context.displayLanguage);
  await loadTable(locale);
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
    locale,
    hostSettingsStore().load()
  );
}
