/**
 * 检查 and 清除标记 inside Excel. The check reads every template sheet through its names (2 round
 * trips), runs the evaluator, and writes: the 「审查结果」 sheet, a static mark on cells whose
 * finding no live highlight shows, and a note on each cell with findings (notes need ExcelApi
 * 1.18; without it the sheet alone carries the results). Clearing removes exactly those
 * additions, recognised by their tags; re-running the check first clears its previous output.
 */
import { decideCheck, type CheckOptions, type CheckReport } from "../application/check";
import { HIGHLIGHT_COLORS, type ReadSheet } from "../domain";
import { FINDINGS_NAME, isOurMark, isOurNote, MARK_FORMULA, type CellMark } from "../findings";
import type { ExcelHost } from "./host";
import { runBatch } from "./run";
import { uniqueName } from "../domain";
import { INSERT_REQUIREMENT, queuePlan } from "./insertPlan";
import { scanWorkbook, type SheetScan } from "./scan";

/** Notes (Excel.NoteCollection) arrived in ExcelApi 1.18. */
export const NOTES_REQUIREMENT = { name: "ExcelApi", version: "1.18" } as const;

export interface CheckResult {
  readonly report: CheckReport;
  /** The 「审查结果」 sheet written, or undefined when the workbook has no template sheet. */
  readonly findingsSheet?: string;
  readonly marks: number;
  readonly notes: number;
  readonly notesSupported: boolean;
  /** Cells where the user's own note was left alone instead of adding ours. */
  readonly userNotesKept: readonly string[];
}

export interface ClearResult {
  readonly marks: number;
  readonly notes: number;
  readonly findingsSheet?: string;
}

/** Queues the removal of everything the add-in added; returns what it will remove. */
function queueClear(scans: readonly SheetScan[]): ClearResult & { deletedSheet?: string } {
  let marks = 0;
  let notes = 0;
  let findingsSheet: string | undefined;
  for (const s of scans) {
    if (s.names.some((n) => n.name === FINDINGS_NAME)) {
      findingsSheet = s.name;
      s.sheet.delete();
      continue;
    }
    for (const cf of s.conditionalFormats?.items ?? []) {
      const custom = cf.customOrNullObject;
      if (!custom.isNullObject && isOurMark(custom.rule.formula)) {
        cf.delete();
        marks++;
      }
    }
    for (const note of s.notes?.items ?? []) {
      if (isOurNote(note.content)) {
        note.delete();
        notes++;
      }
    }
  }
  return { marks, notes, ...(findingsSheet ? { findingsSheet } : {}) };
}

function queueMark(sheet: Excel.Worksheet, mark: CellMark): void {
  const cf = sheet.getRange(mark.cell).conditionalFormats.add("Custom");
  cf.custom.rule.formula = `=${MARK_FORMULA}`;
  cf.custom.format.fill.color = HIGHLIGHT_COLORS[mark.severity].fill;
  cf.custom.format.font.color = HIGHLIGHT_COLORS[mark.severity].font;
}

/**
 * Reads the template sheets, and writes the report `decide` makes of them (or the standard check
 * with `options`): the 「审查结果」 sheet, static marks, notes; an earlier check's output goes first.
 */
export async function checkInExcel(
  host: ExcelHost,
  how: CheckOptions | ((templates: readonly ReadSheet[]) => CheckReport)
): Promise<CheckResult> {
  const decide = typeof how === "function" ? how : (t: readonly ReadSheet[]) => decideCheck(t, how);
  const notesSupported = host.isSetSupported(NOTES_REQUIREMENT.name, NOTES_REQUIREMENT.version);
  return runBatch(host, INSERT_REQUIREMENT, async (context) => {
    const scans = await scanWorkbook(context, {
      conditionalFormats: true,
      notes: notesSupported,
    });
    const templates = scans.filter((s) => s.read !== undefined);
    const report = decide(scans.flatMap((s) => (s.read ? [s.read] : [])));
    const empty = { report, marks: 0, notes: 0, notesSupported, userNotesKept: [] };
    const plan = report.findings;
    if (!plan) return empty;

    // Write 1: take away the previous run's output, then put the new one in its place.
    const cleared = queueClear(scans);
    const taken = scans.filter((s) => s.name !== cleared.findingsSheet).map((s) => s.name);
    const findingsSheet = uniqueName(plan.sheetName, taken);
    const marks = report.sheets.flatMap((s) => s.marks);
    const sheetOf = new Map(templates.map((s) => [s.name, s.sheet]));
    let staticMarks = 0;
    for (const m of marks) {
      const sheet = sheetOf.get(m.sheet);
      if (sheet && !m.live) {
        queueMark(sheet, m);
        staticMarks++;
      }
    }
    // A note can only go where the user has none: look, in the same round trip.
    const existing = notesSupported
      ? marks.map((m) => ({
          mark: m,
          note: sheetOf.get(m.sheet)?.notes.getItemOrNullObject(m.cell).load("content"),
        }))
      : [];
    queuePlan(context.workbook.worksheets.add(findingsSheet), findingsSheet, plan);
    await context.sync();

    // Write 2: the notes.
    const userNotesKept: string[] = [];
    let notes = 0;
    for (const { mark, note } of existing) {
      if (!note) continue;
      if (!note.isNullObject) {
        userNotesKept.push(`${mark.sheet}!${mark.cell}`);
        continue;
      }
      sheetOf.get(mark.sheet)?.notes.add(mark.cell, mark.note);
      notes++;
    }
    if (notes > 0) await context.sync();
    return { ...empty, findingsSheet, marks: staticMarks, notes, userNotesKept };
  });
}

export async function clearInExcel(host: ExcelHost): Promise<ClearResult> {
  const notesSupported = host.isSetSupported(NOTES_REQUIREMENT.name, NOTES_REQUIREMENT.version);
  return runBatch(host, undefined, async (context) => {
    const scans = await scanWorkbook(context, { conditionalFormats: true, notes: notesSupported });
    const result = queueClear(scans);
    if (result.marks + result.notes > 0 || result.findingsSheet) await context.sync();
    return result;
  });
}
