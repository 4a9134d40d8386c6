/** The application's actions on Office.js: what the ribbon and the pane inside Excel both run. */
import { checkOutcomeOf, examplePlan, shenbaoPlan, type WorkbookActions } from "../application";
import type { Locale } from "../i18n";
import type { ExcelHost } from "./host";
import { insertHuizong } from "./huizongFromForms";
import { insertPlan } from "./insertPlan";
import { checkWorkbook, clearMarks } from "./review";

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
      checkOutcomeOf(await checkWorkbook(host, { locale, settings }), locale),
    clear: async () => {
      const r = await clearMarks(host);
      return {
        kind: "cleared",
        marks: r.marks,
        notes: r.notes,
        ...(r.findingsSheet ? { sheet: r.findingsSheet } : {}),
      };
    },
  };
}
