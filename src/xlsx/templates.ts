/** Template files: a workbook holding one freshly planned 申报表 or 推荐汇总表. */
import ExcelJS from "exceljs";
import {
  batchParams,
  buildHuizongPlan,
  buildShenbaoPlan,
  type Authority,
  type SheetPlan,
} from "../domain";
import { PLAN_TEXT_ZH } from "../i18n/planText";
import { addPlanSheet, writeXlsx } from "./writer";

export function templatePlan(
  form: "shenbao" | "huizong",
  batchYear: number,
  authority?: Authority
): SheetPlan {
  const batch = batchParams(batchYear);
  return form === "shenbao"
    ? buildShenbaoPlan(batch, PLAN_TEXT_ZH)
    : buildHuizongPlan(batch, PLAN_TEXT_ZH, authority);
}

export async function templateXlsx(plan: SheetPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "集群申报助手";
  addPlanSheet(wb, plan);
  return writeXlsx(wb, [{ sheet: plan.sheetName, plan }]);
}
