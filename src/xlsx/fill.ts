/**
 * Writes values into a template sheet through the plan's names (never fixed addresses): how
 * scripts, tests and the demo data fill a template. Text is written as text.
 */
import type ExcelJS from "exceljs";
import type { HuizongRow } from "../domain";
import { cellsIn, huizongRowCells, type SheetPlan } from "../domain/plan";
import type { CellValue, FormValues } from "../domain/values";

export function fillByNames(ws: ExcelJS.Worksheet, plan: SheetPlan, values: FormValues): void {
  for (const n of plan.names) {
    const v = values[n.fieldId];
    if (v === undefined || n.name.startsWith("SBX_")) continue;
    const given: readonly CellValue[] = Array.isArray(v) ? v : [v as CellValue];
    cellsIn(n.address).forEach((c, i) => (ws.getCell(c.address).value = given[i] ?? null));
  }
}

/** Fills 汇总表 rows through the HZ_ names (rows over the cap continue below the named ones). */
export function fillHuizongRows(
  ws: ExcelJS.Worksheet,
  plan: SheetPlan,
  rows: readonly HuizongRow[]
): void {
  for (const c of huizongRowCells(plan, rows)) ws.getCell(c.address).value = c.value;
}
