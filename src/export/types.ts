/**
 * The export's two data shapes. A SheetGrid is what a host reads of one worksheet (an .xlsx file
 * in Node, a live workbook in the pane): cells with their values, number formats and looks, the
 * grid's sizes, merges and page setup. A PrintedSheet is what that sheet prints: the rows and
 * columns of its print area, page by page, each cell with its displayed text and spans. Both are
 * plain data, so building and rendering them needs no host.
 */

/** 1-based, inclusive. */
export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type HAlign = "left" | "center" | "right" | "justify" | "distributed";
export type VAlign = "top" | "center" | "bottom";

export interface Edges<T> {
  readonly top: T;
  readonly right: T;
  readonly bottom: T;
  readonly left: T;
}

/** A cell as the sheet stores it. */
export interface GridCell {
  /** Formula results are their cached values; an error is its code, e.g. #DIV/0!. */
  readonly value: string | number | boolean | { readonly error: string } | null;
  /** Excel number-format code; absent means General. */
  readonly format?: string;
  /**
   * The text as the host displays it, when the host knows it (Office.js Range.text): then value
   * and format are not used for the text.
   */
  readonly text?: string;
  readonly bold?: boolean;
  /** Points. */
  readonly fontSize?: number;
  /** Absent: Excel's General alignment (numbers right, text left, TRUE/FALSE and errors centred). */
  readonly hAlign?: HAlign;
  /** Absent: bottom, Excel's default. */
  readonly vAlign?: VAlign;
  readonly wrap?: boolean;
  /** Which edges carry a line (any style: the printed form has thin lines only). */
  readonly border?: Partial<Edges<boolean>>;
}

export interface Margins {
  /** Inches, as Excel's page setup keeps them. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly header: number;
  readonly footer: number;
}

export type FormKind = "shenbao" | "huizong";

export interface SheetGrid {
  readonly name: string;
  /** Which official document the sheet is: decides the page orientation. */
  readonly form: FormKind;
  /** The print areas; empty means the used range, as Excel prints a sheet without one. */
  readonly printAreas: readonly Area[];
  /** Rows repeated at the top of every printed page (print titles). */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /** Manual page breaks: a new page starts after each of these rows. */
  readonly rowBreaks: readonly number[];
  readonly margins?: Margins;
  /** The odd-page footer in Excel's header/footer codes, e.g. &C第 &P 页 共 &N 页. */
  readonly footer?: string;
  /** Points; Excel's default is 15. */
  readonly defaultRowHeight: number;
  /** Character units; Excel's default is 8.43. */
  readonly defaultColumnWidth: number;
  /** Character units, by 1-based column; missing columns have the default width. */
  readonly columnWidths: ReadonlyMap<number, number>;
  readonly hiddenColumns: ReadonlySet<number>;
  /** Points, by 1-based row; missing rows have the default height. */
  readonly rowHeights: ReadonlyMap<number, number>;
  readonly hiddenRows: ReadonlySet<number>;
  readonly merges: readonly Area[];
  /** Cells by A1 address; missing cells are empty and unstyled. */
  readonly cells: ReadonlyMap<string, GridCell>;
}

export interface PrintedCell {
  /** 0-based among the page's printed columns. */
  readonly column: number;
  readonly columnSpan: number;
  readonly rowSpan: number;
  /** As displayed; line breaks are "\n". */
  readonly text: string;
  readonly bold: boolean;
  /** Points. */
  readonly fontSize: number;
  readonly hAlign: HAlign;
  readonly vAlign: VAlign;
  readonly border: Edges<boolean>;
}

export interface PrintedRow {
  /** The sheet row it prints. */
  readonly sheetRow: number;
  /** Points: the row's height on the sheet; text that needs more makes it taller. */
  readonly height: number;
  /** The cells starting in this row; positions covered by a cell from a row above are absent. */
  readonly cells: readonly PrintedCell[];
}

/** Rows printed as one table; its first `headerRows` rows repeat on every page it spans. */
export interface PrintedTable {
  readonly headerRows: number;
  readonly rows: readonly PrintedRow[];
}

/** What prints from one new page on: a manual page break or another print area starts the next. */
export interface PrintedPage {
  /** Character units, one per printed column. */
  readonly columnWidths: readonly number[];
  /** Tables stacked on the page (two when print titles start below the top of the page). */
  readonly tables: readonly PrintedTable[];
}

/** Footer text, or the page number (&P) or the number of pages (&N) of the sheet's printout. */
export type FooterPiece = string | { readonly field: "page" | "pages" };

export interface PrintedSheet {
  readonly sheet: string;
  readonly form: FormKind;
  readonly orientation: "portrait" | "landscape";
  readonly margins: Margins;
  /** The footer's left, centre and right sections; absent when the sheet prints none. */
  readonly footer?: Partial<Record<"left" | "center" | "right", readonly FooterPiece[]>>;
  readonly pages: readonly PrintedPage[];
}
