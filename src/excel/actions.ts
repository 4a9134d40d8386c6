/** The application's WorkbookPort on Office.js: what the ribbon and the pane inside Excel both run. */
import type { WorkbookPort } from "../application";
import type { ExcelHost } from "./host";
import { addSheets } from "./insertPlan";
import { checkInExcel, clearInExcel } from "./check";
import { runBatch } from "./run";

export function officePort(host: ExcelHost): WorkbookPort {
  return {
    addSheets: async (decide, options) =>
      (await addSheets(host, decide, options)).map(({ sheet, forms }) => ({
        sheet,
        ...(forms !== undefined ? { forms } : {}),
      })),
    check: (decide) => checkInExcel(host, decide),
    clear: async () => {
      const r = await clearInExcel(host);
      return {
        marks: r.marks,
        notes: r.notes,
        ...(r.findingsSheet ? { sheet: r.findingsSheet } : {}),
      };
    },
  };
}

/** Shows a cell to the user (a finding's, clicked in the pane): its sheet activated, it selected. */
export function selectCell(host: ExcelHost, sheet: string, cell: string): Promise<void> {
  return runBatch(host, undefined, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}
