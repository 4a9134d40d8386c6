/** Filled template workbooks as bytes, the inputs of the xlsx and command-line tests. */
import ExcelJS from "exceljs";
import {
  findAuthority,
  guizhouRows,
  HUIZONG_ATTACHMENT,
  shiftRows,
  type Authority,
  type FormValues,
  type SheetPlan,
} from "../../src/domain";
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

/**
 * A 汇总表 plan as files made before 附件1 was printed had it: the title in A1, the seal line in
 * row 2, the header in row 3, so every cell, name, merge, rule and print setting one row higher
 * than today's and no 附件1 line. Made from today's plan, so the rows are all that differs.
 */
export function earlierHuizongPlan(plan: SheetPlan): SheetPlan {
  const up = (address: string): string => shiftRows(address, -1);
  const upRows = (rows: string): string =>
    rows.replace(/\$(\d+)/gu, (_, row: string) => `$${Number(row) - 1}`);
  // Highlight formulas count table rows from the header's row number.
  const upFormula = (formula: string): string =>
    up(formula).replace(/ROW\(\)-(\d+)/gu, (_, row: string) => `ROW()-${Number(row) - 1}`);
  const top = plan.cells.find((c) => c.value === HUIZONG_ATTACHMENT)?.address;
  return {
    ...plan,
    rowHeights: Object.fromEntries(
      Object.entries(plan.rowHeights)
        .filter(([row]) => row !== "1")
        .map(([row, h]) => [Number(row) - 1, h])
    ),
    cells: plan.cells
      .filter((c) => c.address !== top)
      .map((c) => ({
        ...c,
        address: up(c.address),
        ...(c.formula === undefined ? {} : { formula: upFormula(c.formula) }),
      })),
    merges: plan.merges.filter((m) => !m.startsWith(`${top}:`)).map(up),
    names: plan.names.map((n) => ({ ...n, address: up(n.address) })),
    validations: plan.validations.map((v) => ({ ...v, address: up(v.address) })),
    highlights: plan.highlights.map((h) => ({
      ...h,
      address: up(h.address),
      formula: upFormula(h.formula),
    })),
    freeze: { ...plan.freeze, rows: plan.freeze.rows - 1 },
    print: {
      ...plan.print,
      // Still from A1: the title is the top line now.
      area: plan.print.area.replace(/:(.+)$/u, (_, end: string) => `:${up(end)}`),
      ...(plan.print.titleRows ? { titleRows: upRows(plan.print.titleRows) } : {}),
    },
    ...(plan.table ? { table: { ...plan.table, address: up(plan.table.address) } } : {}),
  };
}
