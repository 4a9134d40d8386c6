/**
 * The highlighted copy `jiqun check --out-dir` writes: the user's workbook plus the 「审查结果」
 * sheet, static marks and notes, exactly what the in-Excel check adds. Like the in-Excel check,
 * it first takes away a previous check's output (a workbook checked in Excel and saved, or a copy
 * corrected and checked again), so no stale sheet, mark or note survives. The input file is never
 * touched. A file no check has touched and without notes is patched part by part (patch.ts, the
 * fast path a batch review relies on); any other is rewritten by exceljs, with every sheet-scoped
 * name carried over by hand (exceljs would merge them into workbook scope).
 */
import ExcelJS from "exceljs";
import type { CheckReport } from "../application/check";
import { HIGHLIGHT_COLORS, sheetOfReference, uniqueName, type SheetPlan } from "../domain";
import type { Locale } from "../i18n";
import { FINDINGS_NAME, isOurMark, isOurNote, MARK_FORMULA } from "../findings";
import { addPlanSheet, planNames, forExceljs, writeWithNames, type DefinedName } from "./writer";
import { withDrawingsOf } from "./drawings";
import { patchedCopy } from "./patch";
import { argb } from "./styles";
import type { LoadedWorkbook } from "./read";

const noteText = (note: ExcelJS.Cell["note"]): string | undefined =>
  typeof note === "string" ? note : note?.texts?.map((t) => t.text).join("");

/** exceljs 4.4 has no API to delete a note: a loaded cell keeps it in its value model as well as
 * in the private _comment, and writes it from either. */
function dropNote(cell: ExcelJS.Cell): void {
  const { comment: _dropped, ...model } = cell.model as Partial<ExcelJS.CellModel>;
  cell.model = model as ExcelJS.CellModel;
  (cell as unknown as { _comment?: unknown })._comment = undefined;
}

/**
 * The sheet a name belongs to, by name (sheets: the file's, in file order): a sheet-scoped one's
 * own, a workbook-scope one's the one sheet it points into (a copy saved again by a script
 * through exceljs has every name at workbook scope).
 */
const sheetOf = (n: DefinedName, sheets: readonly string[]): string | undefined =>
  n.sheetIndex === undefined ? sheetOfReference(n.ref) : sheets[n.sheetIndex];

/**
 * Removes what an earlier check added, recognised as the in-Excel 清除标记 recognises it: the
 * sheet owning the sheet-scoped FINDINGS_NAME, conditional formats carrying MARK_TAG, notes
 * starting with NOTE_TAG. Returns `names` without the removed sheet's, re-indexed to the sheets
 * that remain in exceljs's worksheet order, the order it writes them in. localSheetId counts the
 * file's sheets (`sheets`), chart sheets included, which exceljs does not load: a sheet-scoped
 * name is matched to its worksheet by the sheet's name, and one of a chart sheet is dropped.
 */
function clearPrevious(
  wb: ExcelJS.Workbook,
  names: readonly DefinedName[],
  sheets: readonly string[]
): DefinedName[] {
  const removed = new Set<string>();
  for (const n of names) {
    const sheet = n.name === FINDINGS_NAME ? sheetOf(n, sheets) : undefined;
    const ws = sheet === undefined ? undefined : wb.getWorksheet(sheet);
    if (ws && sheet !== undefined) {
      wb.removeWorksheet(ws.id);
      removed.add(sheet);
    }
  }
  const after = wb.worksheets;
  for (const ws of after) {
    type Cf = { rules: { formulae?: unknown[] }[] };
    const ours = (cf: Cf): boolean =>
      cf.rules.some((r) => (r.formulae ?? []).some((f) => isOurMark(String(f))));
    ws.removeConditionalFormatting((cf: Cf) => !ours(cf));
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      for (let c = 1; row && c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        if (cell && isOurNote(noteText(cell.note))) dropNote(cell);
      }
    }
  }
  return names.flatMap((n) => {
    if (n.sheetIndex === undefined) {
      const sheet = sheetOfReference(n.ref);
      return sheet !== undefined && removed.has(sheet) ? [] : [n];
    }
    const sheet = sheetOf(n, sheets);
    const index = after.findIndex((ws) => ws.name === sheet);
    return index < 0 ? [] : [{ ...n, sheetIndex: index }];
  });
}

/**
 * The name the 「审查结果」 sheet gets in the copy: its plan's, made unique among the workbook's
 * sheets, an earlier check's findings sheet aside (the copy replaces it).
 */
export function copyFindingsSheet(loaded: LoadedWorkbook, plan: SheetPlan): string {
  const earlier = new Set(
    loaded.names.filter((n) => n.name === FINDINGS_NAME).map((n) => sheetOf(n, loaded.sheets))
  );
  return uniqueName(
    plan.sheetName,
    loaded.sheets.filter((name) => !earlier.has(name))
  );
}

/**
 * The highlighted copy of a workbook already loaded for reading: patched part by part when the
 * file allows (patch.ts), else rewritten through exceljs.
 */
export async function annotateLoaded(
  loaded: LoadedWorkbook,
  report: CheckReport,
  locale: Locale
): Promise<Buffer> {
  const patched = patchedCopy(loaded.data, report, locale);
  return "copy" in patched ? patched.copy : rewrittenCopy(loaded, report);
}

/**
 * The highlighted copy through exceljs: any workbook, any earlier check's output cleared. The
 * file is loaded again in full (the loaded workbook holds values only).
 */
export async function rewrittenCopy(loaded: LoadedWorkbook, report: CheckReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Every name, print areas and titles included, is carried over by hand: exceljs sees none.
  await wb.xlsx.load(forExceljs(loaded.data) as unknown as ExcelJS.Buffer);
  const original = clearPrevious(wb, loaded.names, loaded.sheets);

  for (const { review, marks } of report.sheets) {
    const ws = wb.getWorksheet(review.read.sheet);
    if (!ws) continue;
    for (const m of marks) {
      const c = ws.getCell(m.cell);
      if (c.note === undefined) c.note = m.note;
      if (m.live) continue;
      const colors = HIGHLIGHT_COLORS[m.severity];
      ws.addConditionalFormatting({
        ref: m.cell,
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [MARK_FORMULA],
            style: {
              fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(colors.fill) } },
              font: { color: { argb: argb(colors.font) } },
            },
          },
        ],
      });
    }
  }

  const plan = report.findings;
  if (!plan) throw new RangeError("a copy needs a checked sheet");
  const name = uniqueName(
    plan.sheetName,
    wb.worksheets.map((w) => w.name)
  );
  addPlanSheet(wb, plan, name);
  const index = wb.worksheets.findIndex((w) => w.name === name);
  return withDrawingsOf(
    loaded.data,
    await writeWithNames(wb, [...original, ...planNames(plan, name, index)])
  );
}
