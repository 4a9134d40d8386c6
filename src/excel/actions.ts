/** The application's actions on Office.js: what the ribbon and the pane inside Excel both run. */
import { checkOutcomeOf, examplePlan, shenbaoPlan, type WorkbookActions } from "../application";
import type { Locale } from "../i18n";
import type { ExcelHost } from "./host";
import { insertHuizong } from "./huizongFromForms";
import { insertPlan } from "./insertPlan";
import { runBatch } from "./run";
import { checkInExcel, clearInExcel } from "./check";

export function officeActions(host: ExcelHost, locale: Locale): WorkbookActions {
  return {
    insertShenbao: async (s) => {
      const r = await insertPlan(host, shenbaoPlan(s).plan);
      return { kind: "inserted", sheets: [{ sheet: r.sheetName }] };
    },
    insertHuizong: async (s) => ({ kind: "inserted", ...(await insertHuizong(host, s)) }),
    fillExample: async (key) => {
      const { plan, batchYear } = examplePlan(key);
      const r = await insertPlan(host, plan);
      return { kind: "example", key, sheet: r.sheetName, batchYear };
    },
    check: async (settings) =>
      checkOutcomeOf(await checkInExcel(host, { locale, settings }), locale),
    clear: async () => {
      const r = await clearInExcel(host);
      return {
        kind: "cleared",
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
