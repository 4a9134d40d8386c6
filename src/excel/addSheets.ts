/**
 * New sheets from plans an action decides, inside Excel: the names in use are read (and, when the
 * decision needs them, the template sheets through their names: 插入汇总表 builds from the 申报表),
 * then every planned sheet is queued and written in one round trip. Nothing is ever replaced: a
 * taken sheet or table name gets a suffix.
 */
import type { AddedSheet, PlannedSheet } from "../application";
import { uniqueName, type ReadSheet } from "../domain";
import type { ExcelHost } from "./host";
import { INSERT_REQUIREMENT, queuePlan } from "./insertPlan";
import { runBatch } from "./run";
import { scanWorkbook } from "./scan";

export async function addSheets(
  host: ExcelHost,
  decide: (templates: readonly ReadSheet[]) => readonly PlannedSheet[],
  options: { readonly readTemplates: boolean }
): Promise<AddedSheet[]> {
  return runBatch(host, INSERT_REQUIREMENT, async (context) => {
    const tables = context.workbook.tables.load("items/name");
    let taken: string[];
    let templates: ReadSheet[] = [];
    if (options.readTemplates) {
      // The scan's first round trip brings the table names along.
      const scans = await scanWorkbook(context);
      taken = scans.map((s) => s.name);
      templates = scans.flatMap((s) => (s.read ? [s.read] : []));
    } else {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      taken = sheets.items.map((s) => s.name);
    }
    const takenTables = tables.items.map((t) => t.name);
    const added: AddedSheet[] = [];
    for (const { plan, forms } of decide(templates)) {
      const sheet = uniqueName(plan.sheetName, taken);
      const table = plan.table
        ? uniqueName(plan.table.name, takenTables, 255, (n) => `_${n}`)
        : undefined;
      queuePlan(context.workbook.worksheets.add(sheet), sheet, plan, table);
      taken.push(sheet);
      if (table) takenTables.push(table);
      added.push({ sheet, ...(forms !== undefined ? { forms } : {}) });
    }
    if (added.length > 0) await context.sync();
    return added;
  });
}
