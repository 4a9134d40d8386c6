/** Filled template workbooks as bytes, the inputs of the xlsx and command-line tests. */
import ExcelJS from "exceljs";
import { findAuthority, guizhouRows, type Authority, type FormValues } from "../../src/domain";
import { fillByNames, fillHuizongRows } from "../../src/xlsx/fill";
import { templatePlan } from "../../src/xlsx/templates";
import { addPlanSheet, writeXlsx } from "../../src/xlsx/writer";

/**
 * A 申报表 workbook, one sheet per values (the second and later get Excel's " (n)" names).
 * `eachSheet` runs on every filled sheet, `before` on the workbook just before it is written.
 */
export async function shenbaoXlsx(
  batchYear: number,
  sheets: readonly FormValues[],
  options: {
    readonly eachSheet?: (ws: ExcelJS.Worksheet) => void;
    readonly before?: (wb: ExcelJS.Workbook) => void;
  } = {}
): Promise<Buffer> {
  const plan = templatePlan("shenbao", batchYear);
  const wb = new ExcelJS.Workbook();
  const scoped = sheets.map((values, i) => {
    const sheet = i === 0 ? plan.sheetName : `${plan.sheetName} (${i + 1})`;
    const ws = addPlanSheet(wb, plan, sheet);
    fillByNames(ws, plan, values);
    options.eachSheet?.(ws);
    return { sheet, plan };
  });
  options.before?.(wb);
  return writeXlsx(wb, scoped);
}

/** 贵州省's 2023 推荐汇总表 with its first `rows` demo rows. */
export async function guizhouXlsx(rows = 7): Promise<Buffer> {
  const plan = templatePlan("huizong", 2023, findAuthority("贵州省") as Authority);
  const wb = new ExcelJS.Workbook();
  fillHuizongRows(addPlanSheet(wb, plan), plan, guizhouRows(rows));
  return writeXlsx(wb, [{ sheet: plan.sheetName, plan }]);
}
