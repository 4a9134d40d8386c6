/**
 * The application layer: what each user action does, decided once for the ribbon (src/commands),
 * the task pane (src/taskpane) and the command line (src/cli). An action (actions.ts) decides which
 * sheet plans to add or what a check finds, from the settings and the workbook's template sheets as
 * read; a host adapter applies it through the narrow WorkbookPort (port.ts); its outcome is data,
 * put into words in one place (outcome.ts).
 */
export * from "./plans";
export * from "./outcome";
export * from "./check";
export * from "./port";
export * from "./actions";
