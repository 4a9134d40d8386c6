/**
 * The actions a user starts from the ribbon or the pane, as one interface each host adapter
 * implements over its workbook (src/excel/actions.ts on Office.js, the pane's in-memory workbook
 * outside Office). Every entry point calls these, so one label does one thing everywhere.
 */
import type { EvaluationSettings, ExampleKey } from "../domain";
import type { FindingRecord } from "../findings";
import type { Outcome } from "./outcome";
import type { InsertSettings } from "./plans";

/** A check's findings with the sheets it read, and what the result bar says. */
export interface CheckOutcome {
  readonly summary: Outcome;
  /** Sheets checked; problems (no batch title, other batch) are listed apart. */
  readonly sheets: readonly { readonly sheet: string; readonly form: "shenbao" | "huizong" }[];
  readonly problems: readonly { readonly sheet: string; readonly message: string }[];
  readonly records: readonly FindingRecord[];
  readonly findingsSheet?: string;
  readonly notesSupported: boolean;
  readonly userNotesKept: readonly string[];
}

export interface WorkbookActions {
  insertShenbao(settings: InsertSettings): Promise<Outcome>;
  /** From the workbook's 申报表 when it has filled ones, else an empty 汇总表 (see huizongPlans). */
  insertHuizong(settings: InsertSettings): Promise<Outcome>;
  /** A new 申报表 of the example's own batch, filled with the example's values. */
  fillExample(key: ExampleKey): Promise<Outcome>;
  check(settings: Partial<EvaluationSettings>): Promise<CheckOutcome>;
  clear(): Promise<Outcome>;
}
