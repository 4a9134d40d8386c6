/**
 * Ribbon commands (ExecuteFunction buttons in manifest.xml), running in the shared runtime.
 * Until the insert, check and clear actions land, each button opens the task pane, where those
 * actions will live, and completes at once so Excel never shows a hung command.
 */
export const COMMAND_NAMES = [
  "insertShenbao",
  "insertHuizong",
  "checkWorkbook",
  "clearMarks",
] as const;

async function openPane(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

// Outside Office (plain browser, tests) there is nothing to register with.
if (typeof Office !== "undefined" && Office.actions) {
  for (const name of COMMAND_NAMES) Office.actions.associate(name, openPane);
}
