/**
 * 插入汇总表 inside Excel: the 申报表 sheets are read through their names, then the sheets the
 * application decides (src/application/plans.ts: one 汇总表 per batch and authority from the forms,
 * or an empty one) are added as new sheets. 3 round trips to read, 1 to write; nothing replaced.
 */
import { huizongPlans, type InsertSettings } from "../application/plans";
import { uniqueName } from "../domain";
import type { ExcelHost } from "./host";
import { INSERT_REQUIREMENT, queuePlan } from "./insertPlan";
import { runBatch } from "./run";
import { scanWorkbook } from "./scan";

export interface HuizongResult {
  /** One per batch and authority, in the order the forms appear; `forms` when built from them. */
  readonly sheets: readonly { readonly sheet: string; readonly forms?: number }[];
}

export async function insertHuizong(
  host: ExcelHost,
  settings: InsertSettings
): Promise<HuizongResult> {
  return runBatch(host, INSERT_REQUIREMENT, async (context) => {
    const tables = context.workbook.tables.load("items/name");
    const scans = await scanWorkbook(context);
    const planned = huizongPlans(
      scans.flatMap((s) => (s.read ? [s.read] : [])),
      settings
    );
    const taken = scans.map((s) => s.name);
    const takenTables = tables.items.map((t) => t.name);
    const sheets: { sheet: string; forms?: number }[] = [];
    for (const { plan, forms } of planned) {
      const sheet = uniqueName(plan.sheetName, taken);
      const table = plan.table
        ? uniqueName(plan.table.name, takenTables, 255, (n) => `_${n}`)
        : undefined;
      queuePlan(context.workbook.worksheets.add(sheet), sheet, plan, table);
      taken.push(sheet);
      if (table) takenTables.push(table);
      sheets.push({ sheet, ...(forms !== undefined ? { forms } : {}) });
    }
    await context.sync();
    return { sheets };
  });
}
