/**
 * Writes values into a template sheet through the plan's names (never fixed addresses): how
 * scripts, tests and the demo data fill a template. Text is written as text.
 */
import type ExcelJS from "exceljs";
import type { HuizongRow } from "../domain";
import { HUIZONG_COLUMNS } from "../domain/forms";
import { cell, cellsIn, parseCell, type SheetPlan } from "../domain/plan";
import type { CellValue, FormValues } from "../domain/values";

export function fillByNames(ws: ExcelJS.Worksheet, plan: SheetPlan, values: FormValues): void {
  for (const n of plan.names) {
    const v = values[n.fieldId];
    if (v === undefined || n.name.startsWith("SBX_")) continue;
    const given: readonly CellValue[] = Array.isArray(v) ? v : [v as CellValue];
    cellsIn(n.address).forEach((c, i) => (ws.getCell(c.address).value = given[i] ?? null));
  }
}

/** Fills 汇总表 rows from its first data row down, column by column through the HZ_ names; rows
 * beyond the named ones (over the cap) continue below them, as a clerk would type them. */
export function fillHuizongRows(
  ws: ExcelJS.Worksheet,
  plan: SheetPlan,
  rows: readonly HuizongRow[]
): void {
  for (const column of HUIZONG_COLUMNS) {
    const named = plan.names.find((n) => n.fieldId === `hz_${column.id}`);
    if (!named || column.id === "seq") continue;
    const top = parseCell(named.address.replace(/\$/gu, "").split(":")[0] as string);
    rows.forEach((r, i) => (ws.getCell(cell(top.row + i, top.col)).value = r[column.id] ?? null));
  }
}
