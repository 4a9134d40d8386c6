/**
 * The task pane's one door to the workbook. Inside Excel it runs the Office.js actions of
 * src/excel; in a plain browser it runs the same domain code on an in-memory workbook. The pane
 * never touches Office itself, so its tests hand it a recording fake.
 */
import type { ExampleKey } from "../../domain";
import type { FindingRecord } from "../../review";
import type { PaneSettings } from "../../settings/settings";

export type ActionId =
  | "insertShenbao"
  | "insertHuizong"
  | "huizongFromForms"
  | "fillExample"
  | "check"
  | "clear"
  | "exportWord";

/**
 * The platform Office.onReady reports, by name. Office.js's values are these strings at run time
 * (its typings declare a numeric enum), so the entry point converts once and the gateways compare
 * plain names without Office in scope.
 */
export type OfficePlatform = "PC" | "OfficeOnline" | "Mac" | "iOS" | "Android" | "Universal";

export interface CheckOutcome {
  /** Sheets checked; problems (no batch title, other batch) are listed apart. */
  readonly sheets: readonly { readonly sheet: string; readonly form: "shenbao" | "huizong" }[];
  readonly problems: readonly { readonly sheet: string; readonly message: string }[];
  readonly records: readonly FindingRecord[];
  readonly findingsSheet?: string;
  readonly notesSupported: boolean;
  readonly userNotesKept: readonly string[];
}

export interface Gateway {
  readonly inOffice: boolean;
  /** Actions this host cannot run, with the reason (a missing requirement set). */
  readonly unavailable: Readonly<Partial<Record<ActionId, string>>>;
  /**
   * Whether a file the pane builds (the findings CSV) can be saved here. Where it cannot, the
   * click on an `<a download>` does nothing at all, so the pane offers the findings sheet instead.
   */
  readonly canDownload: boolean;
  insertShenbao(settings: PaneSettings): Promise<{ readonly sheet: string }>;
  insertHuizong(settings: PaneSettings): Promise<{ readonly sheet: string }>;
  huizongFromForms(): Promise<{ readonly sheets: readonly { sheet: string; forms: number }[] }>;
  /** A new 申报表 of the example's own batch, filled with the example's values. */
  fillExample(key: ExampleKey): Promise<{ readonly sheet: string; readonly batchYear: number }>;
  check(settings: PaneSettings): Promise<CheckOutcome>;
  clear(): Promise<{ readonly marks: number; readonly notes: number; readonly sheet?: string }>;
  /**
   * The template sheets as one Word document (.docx), each as it prints (the official form). No
   * sheets: nothing to export, and no document.
   */
  exportWord(): Promise<{ readonly sheets: readonly string[]; readonly document?: Blob }>;
  selectCell(sheet: string, cell: string): Promise<void>;
}
