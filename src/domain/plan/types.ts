/**
 * The sheet plan: everything a template sheet consists of, as plain data in the Excel add-in
 * API's own shapes (A1 addresses relative to the sheet, Excel number-format codes, data
 * validation rules). Two writers apply it: src/excel (inside Excel) and src/xlsx (exceljs).
 */

export type CellStyleId =
  | "title"
  | "subtitle"
  | "section"
  | "header"
  | "label"
  | "option"
  | "input"
  | "derived"
  | "note"
  | "helper"
  | "legendError"
  | "legendWarning"
  /** Printed text beside inputs: a choice shown as ☑/□, a unit, 「数量:」. */
  | "display"
  /** A line of a box drawn over several rows (a tick list, the outline of 八, the declaration). */
  | "box"
  | "boxHeading"
  /** The last line of such a box where nothing bordered follows (the end of the form). */
  | "boxBottom"
  /** The cover page's lines, which have no table around them. */
  | "cover"
  /** A heading outside the tables (填报说明). */
  | "heading"
  /** 「年 月 日」 at the right of a declaration box, and at its foot where the form ends. */
  | "dateLine"
  | "dateLineEnd";

/**
 * Which edges of a cell carry a thin line: all of them (true), or those of a box drawn over
 * several rows, whose top and bottom come from the bordered rows around it.
 */
export type BorderEdges = boolean | "sides" | "sidesBottom";

export interface CellStyle {
  readonly bold?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  /** Fill colour, #RRGGBB. */
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly hAlign?: "Left" | "Center" | "Right";
  readonly vAlign?: "Top" | "Center" | "Bottom";
  readonly border?: BorderEdges;
}

export interface PlanCell {
  readonly address: string;
  /** Literal content. Text is always written as text, never parsed as a formula. */
  readonly value?: string | number;
  /** A native formula (starts with "="), Excel-file syntax (future functions carry _xlfn.). */
  readonly formula?: string;
  /**
   * The formula's value when the plan was made, written with it as its cached result, so a reader
   * that does not calculate (a viewer, an export) shows what a spreadsheet would.
   */
  readonly result?: string;
  /** What a printed display formula shows, so a filled plan can bring `result` up to date. */
  readonly shows?: ChoiceDisplay;
  readonly style?: CellStyleId;
  readonly numberFormat?: string;
}

/**
 * A printed cell showing an input's choice as tick boxes, ☑ chosen and □ not: one option of a tick
 * list, or all the options of a single choice with the chosen one ticked.
 */
export interface ChoiceDisplay {
  readonly kind: "tick" | "choice";
  /** The input cell it reads: a drop-down outside the print area. */
  readonly input: string;
  readonly options: readonly string[];
  /** Official text printed after the boxes. */
  readonly after?: string;
}

export type ValidationRule =
  | { readonly kind: "list"; readonly source: readonly string[] }
  /** List whose options live in cells (an option contains a comma). */
  | { readonly kind: "listRange"; readonly address: string }
  | {
      readonly kind: "decimal";
      readonly min?: number;
      readonly max?: number;
      readonly minExclusive?: boolean;
    }
  | { readonly kind: "whole"; readonly min: number }
  | { readonly kind: "textLength"; readonly max: number };

export interface PlanValidation {
  readonly address: string;
  readonly rule: ValidationRule;
  readonly prompt: { readonly title: string; readonly message: string };
  readonly error: { readonly title: string; readonly message: string };
}

/** A sheet-scoped defined name; one per field, so reading never depends on fixed addresses. */
export interface PlanName {
  readonly name: string;
  readonly address: string;
  /** The field (or derived value) it holds. */
  readonly fieldId: string;
}

/** Page margins in inches, as Excel's page setup keeps them. */
export interface PageMargins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly header: number;
  readonly footer: number;
}

/** Rows 1-based and inclusive. */
export interface RowSpan {
  readonly first: number;
  readonly last: number;
}

/**
 * How a form's rows fill pages: the writers get manual breaks (breaksAfterRows), worked out
 * from the row heights, so a heading never ends a page. Kept with the plan so that a plan whose
 * rows grow (a filled memo) is paginated again (repaginate).
 */
export interface PageFlow {
  /** Points of row height a page takes: the page between its margins, less a safety margin. */
  readonly pageHeight: number;
  /** Rows that start a new page whatever room is left (the page after the cover). */
  readonly newPageAt: readonly number[];
  /** Runs of rows never split across pages: a heading with its first rows, a tick list, a seal block. */
  readonly keep: readonly RowSpan[];
}

export interface PrintSetup {
  readonly area: string;
  /** Rows repeated at the top of every printed page, e.g. "1:2". */
  readonly titleRows?: string;
  readonly orientation: "Portrait" | "Landscape";
  readonly paper: "A4";
  /** Shrink the print area to one page wide. Excel ignores the scale then. */
  readonly fitToPagesWide?: 1;
  /** Print at this scale (percent) instead: text prints at its size, manual breaks hold. */
  readonly scale?: number;
  /** Absent: 0.5 inch left and right, 0.6 top and bottom, 0.3 for header and footer. */
  readonly margins?: PageMargins;
  readonly centerHorizontally?: boolean;
  /** Print without fills and colours (Excel and WPS; LibreOffice prints them). */
  readonly blackAndWhite?: boolean;
  /** Footer in Excel's header/footer codes: 第 &P 页 共 &N 页. */
  readonly footer: string;
  /** Rows after which a page break is forced. */
  readonly breaksAfterRows: readonly number[];
  readonly flow?: PageFlow;
}

export interface PlanTable {
  readonly name: string;
  readonly address: string;
  readonly headers: readonly string[];
}

/**
 * A live highlight: a native conditional format whose guarded expression (written for the
 * top-left cell of `address`, relative references shift per cell) flags a breach, so Excel,
 * WPS and LibreOffice show it without the add-in.
 */
export interface PlanHighlight {
  readonly address: string;
  /** Without the leading "="; e.g. AND(ISNUMBER(B32),B32<40). */
  readonly formula: string;
  readonly severity: "error" | "warning";
  readonly ruleId: string;
}

/** Fills of the highlights (Excel's own "light red" and "yellow" presets). */
export const HIGHLIGHT_COLORS = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
} as const;

export interface SheetPlan {
  /** findings: the check's 「审查结果」 sheet, built by src/findings from the same vocabulary. */
  readonly form: "shenbao" | "huizong" | "findings";
  readonly batchYear: number;
  /**
   * The id of the criteria pack the sheet's highlights were drawn from; the sheet keeps it in a
   * hidden named cell, so a check can say when it applies another pack than the one shown.
   */
  readonly criteria?: string;
  /** Preferred sheet name; writers add a suffix when it is taken (申报表-2024 (2)). */
  readonly sheetName: string;
  readonly columnWidths: readonly number[];
  readonly rowHeights: Readonly<Record<number, number>>;
  readonly cells: readonly PlanCell[];
  readonly merges: readonly string[];
  readonly styles: Readonly<Record<CellStyleId, CellStyle>>;
  readonly names: readonly PlanName[];
  readonly validations: readonly PlanValidation[];
  /** Columns hidden on screen and in print (option lists). */
  readonly hiddenColumns: readonly number[];
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly print: PrintSetup;
  readonly table?: PlanTable;
  /** In priority order; all added by the add-in (clearing removes exactly these). */
  readonly highlights: readonly PlanHighlight[];
}

/** The words a plan carries (prompts, alerts, captions); supplied by src/i18n so the domain has none. */
export interface PlanText {
  /** `criteria`: the pack's name, when the sheet follows another than the batch's national one. */
  readonly batchLine: (
    batchYear: number,
    dataYears: readonly number[],
    criteria?: string
  ) => string;
  /** What of the sheet prints and what is for the screen only (first row, not printed). */
  readonly screenNote: string;
  /** Header of the column where choices and ticks are picked (not printed). */
  readonly choiceHeader: string;
  readonly helperNote: string;
  readonly derivedHeader: string;
  readonly derived: Readonly<
    Record<"cagrLevels" | "geomeanRates" | "per10k" | "charCount" | "cut" | "rising", string>
  >;
  readonly prompt: Readonly<
    Record<ValidationKey, { readonly title: string; readonly message: string }>
  >;
  readonly error: Readonly<Record<ValidationKey, string>>;
  readonly errorTitle: string;
  readonly legend: { readonly title: string; readonly error: string; readonly warning: string };
}

export type ValidationKey =
  "yesno" | "yesnoNA" | "choice" | "tick" | "amount" | "share" | "rate" | "count" | "memo" | "plan";
