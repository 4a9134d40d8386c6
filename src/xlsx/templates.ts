/** Template files: a workbook holding one freshly planned 申报表 or 推荐汇总表. */
import ExcelJS from "exceljs";
import { emptyHuizongPlan, shenbaoPlan } from "../application/plans";
import type { Authority, CriteriaPack, SheetPlan } from "../domain";
import { addPlanSheet, writeXlsx } from "./writer";

/** The sheet 插入申报表 or 插入汇总表 adds to a workbook without forms, as a file of its own. */
export function templatePlan(
  form: "shenbao" | "huizong",
  batchYear: number,
  authority?: Authority,
  criteria?: CriteriaPack
): SheetPlan {
  const settings = {
    batchYear,
    authority: authority?.name ?? "",
    ...(criteria ? { criteria } : {}),
  };
  return form === "shenbao" ? shenbaoPlan(settings).plan : emptyHuizongPlan(settings);
}

export async function templateXlsx(plan: SheetPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "集群申报助手";
  addPlanSheet(wb, plan);
  return writeXlsx(wb, [{ sheet: plan.sheetName, plan }]);
}
