/**
 * The task pane's one door to the workbook. Inside Excel it runs the Office.js actions of
 * src/excel; in a plain browser it runs the same domain code on an in-memory workbook. The pane
 * never touches Office itself, so its tests hand it a recording fake.
 */
import type { ActionInput, CheckOutcome, Outcome } from "../../application";
import type { ActionName } from "../../application/names";

/** The application's actions, and the pane's own export. */
export type ActionId = ActionName | "exportWord";

/**
 * The platform Office.onReady reports, by name. Office.js's values are these strings at run time
 * (its typings declare a numeric enum), so the entry point converts once and the gateways compare
 * plain names without Office in scope.
 */
export type OfficePlatform = "PC" | "OfficeOnline" | "Mac" | "iOS" | "Android" | "Universal";

export type { CheckOutcome };

/** What is known of a gateway before its code has loaded (see facts.ts). */
export interface GatewayFacts {
  readonly inOffice: boolean;
  /** Actions this host cannot run, with the reason (a missing requirement set). */
  readonly unavailable: Readonly<Partial<Record<ActionId, string>>>;
  /**
   * Whether a file the pane builds (the findings CSV) can be saved here. Where it cannot, the
   * click on an `<a download>` does nothing at all, so the pane offers the findings sheet instead.
   */
  readonly canDownload: boolean;
}

export interface Gateway extends GatewayFacts {
  /** Runs one of the application's actions (src/application/actions.ts) on this workbook. */
  run(action: ActionName, input: ActionInput): Promise<Outcome>;
  /**
   * The template sheets as one Word document (.docx), each as it prints (the official form). No
   * sheets: nothing to export, and no document.
   */
  exportWord(): Promise<{ readonly sheets: readonly string[]; readonly document?: Blob }>;
  selectCell(sheet: string, cell: string): Promise<void>;
}
