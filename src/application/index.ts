/**
 * The application layer: what each user action does, decided once for the ribbon (src/commands),
 * the task pane (src/taskpane) and the command line (src/cli). An action's decision is pure (which
 * sheet plans to add, given the workbook's template sheets as read); the host adapters (src/excel
 * for Office.js, the pane's in-memory workbook, src/xlsx for files) apply it; its outcome is data,
 * put into words in one place (describeOutcome).
 */
export * from "./plans";
export * from "./outcome";
export * from "./check";
export * from "./actions";
