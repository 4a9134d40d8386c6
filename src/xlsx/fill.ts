/**
 * Writes form values into a template sheet through the plan's names (never fixed addresses):
 * how scripts, tests and the demo data fill a template. Text is written as text.
 */
import type ExcelJS from "exceljs";
import type { SheetPlan } from "../domain/plan";
import type { FormValues } from "../domain/values";

export function fillByNames(ws: ExcelJS.Worksheet, plan: SheetPlan, values: FormValues): void {
  for (const n of plan.names) {
    const v = values[n.fieldId];
    if (v === undefined || n.name.startsWith("SBX_")) continue;
    const cells: readonly (string | number | boolean | null)[] = Array.isArray(v)
      ? v
      : [v as string | number | boolean | null];
    const [a, b = a] = n.address.replace(/\$/gu, "").split(":") as [string, string?];
    const start = ws.getCell(a);
    const end = ws.getCell(b);
    let i = 0;
    for (let r = Number(start.row); r <= Number(end.row); r++) {
      for (let c = Number(start.col); c <= Number(end.col); c++) {
        const value = cells[i++];
        ws.getCell(r, c).value = value === undefined ? null : value;
      }
    }
  }
}
