/**
 * The one narrow door between an action and a workbook: add sheets, check, clear. The Office.js
 * adapter (src/excel/actions.ts), the pane's in-memory workbook and the tests' hosts implement it;
 * what to add and what a check finds are decided by the action and handed in.
 */
import type { ReadSheet } from "../domain";
import type { CheckApplied, CheckReport } from "./check";
import type { PlannedSheet } from "./plans";

export interface AddedSheet {
  readonly sheet: string;
  /** How many 申报表 a 汇总表 built from the forms lists. */
  readonly forms?: number;
}

export interface Cleared {
  readonly marks: number;
  readonly notes: number;
  /** The 「审查结果」 sheet removed. */
  readonly sheet?: string;
}

export interface WorkbookPort {
  /**
   * Adds the sheets `decide` plans, as new sheets (a taken name gets a suffix; nothing is ever
   * replaced). `decide` gets the workbook's template sheets as read when `readTemplates` is set,
   * none otherwise (reading costs round trips an insert of a fixed plan does not need).
   */
  addSheets(
    decide: (templates: readonly ReadSheet[]) => readonly PlannedSheet[],
    options: { readonly readTemplates: boolean }
  ): Promise<readonly AddedSheet[]>;
  /** Reads the template sheets and writes what the report `decide` makes of them, replacing an earlier check's output. */
  check(decide: (templates: readonly ReadSheet[]) => CheckReport): Promise<CheckApplied>;
  /** Removes what checks added (the 「审查结果」 sheet, marks, notes), and nothing else. */
  clear(): Promise<Cleared>;
}
