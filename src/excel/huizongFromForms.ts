/**
 * 生成汇总表: one 推荐汇总表 per batch and recommending authority, built from the 申报表 sheets
 * in the workbook (集群名称, 运营管理机构, 所在地, 主导产业 per form), so a provincial clerk does not
 * retype them. New sheets only; 2 round trips to read, 1 to write.
 */
import { uniqueName, huizongPlansOfForms } from "../domain";
import { PLAN_TEXT_ZH } from "../i18n/planText";
import type { ExcelHost } from "./host";
import { runBatch } from "./run";
import { INSERT_REQUIREMENT, queuePlan } from "./insertPlan";
import { scanWorkbook } from "./scan";

export interface HuizongFromFormsResult {
  /** One per batch and authority, in the order the forms appear. */
  readonly sheets: readonly { readonly sheet: string; readonly forms: number }[];
  readonly batches: readonly number[];
}

export async function insertHuizongFromForms(host: ExcelHost): Promise<HuizongFromFormsResult> {
  return runBatch(host, INSERT_REQUIREMENT, async (context) => {
    const tables = context.workbook.tables.load("items/name");
    const scans = await scanWorkbook(context);
    const plans = huizongPlansOfForms(
      scans.map((s) => s.read),
      PLAN_TEXT_ZH
    );
    const taken = scans.map((s) => s.name);
    const takenTables = tables.items.map((t) => t.name);
    const sheets: { sheet: string; forms: number }[] = [];
    for (const { plan, forms } of plans) {
      const sheet = uniqueName(plan.sheetName, taken);
      const table = plan.table
        ? uniqueName(plan.table.name, takenTables, 255, (n) => `_${n}`)
        : undefined;
      queuePlan(context.workbook.worksheets.add(sheet), sheet, plan, table);
      taken.push(sheet);
      if (table) takenTables.push(table);
      sheets.push({ sheet, forms });
    }
    if (sheets.length > 0) await context.sync();
    return { sheets, batches: [...new Set(plans.map((p) => p.year))] };
  });
}
