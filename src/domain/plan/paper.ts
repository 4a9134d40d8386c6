/**
 * Paper arithmetic for the printed forms: how wide a column prints, how many lines a text wraps
 * to, how tall its row must be, and where pages break. Spreadsheets do not grow a row for a merged
 * cell's text and cut what does not fit, so the plan sizes rows itself, for the host where text
 * wraps most, and places every page break itself, so a heading never ends a page.
 *
 * Facts behind the numbers (measured on this project's machines, see test/xlsx/print.test.ts):
 * - A column width is counted in digits of the workbook's default font. Excel and WPS draw one
 *   unit as 7 px (Calibri 11, the default of the files written here) plus 5 px of padding per
 *   column, at 96 px to the inch: 5.25 pt a unit. LibreOffice on Linux measures the unit with
 *   DejaVu Sans standing in for Calibri: 7 pt a unit. So a form must fit the page at 7 pt a unit
 *   and its text must fit its rows at 5.25.
 * - Excel keeps about 3 px free on each side of a cell's text.
 * - A CJK character is one em wide, a Latin letter, digit or half-width bracket about half.
 * - SimSun lines are 1.3 em apart in Excel (a 14.25 pt row for 11 pt), WenQuanYi Zen Hei lines in
 *   LibreOffice 1.26 em (13.2 pt for 10.5 pt).
 * - Excel caps a row at 409 pt.
 * - Both print a row between the top and bottom margins; header and footer sit inside them.
 */
import type { PageFlow, PageMargins, RowSpan } from "./types";

/** A4 portrait in points (210 × 297 mm; 1 mm = 72 / 25.4 pt). */
export const A4 = { width: (210 * 72) / 25.4, height: (297 * 72) / 25.4 } as const;
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

/** Points a width unit takes where text wraps most (Excel) and where the form is widest (LibreOffice). */
export const UNIT_PT = { narrow: 5.25, wide: 7 } as const;
const COLUMN_PAD_PT = 3.75;
const TEXT_INSET_PT = 4.5;
const LINE_EM = 1.32;
const ROW_PAD_PT = 5;
export const MAX_ROW_PT = 409;

/** Printed width of a text in ems: CJK and full-width forms one, everything else a half. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    ems += cp >= 0x2e80 || (cp >= 0x2460 && cp <= 0x27bf) ? 1 : 0.5;
  }
  return ems;
}

/** Points of text a run of columns holds on one line where it is narrowest. */
export const textWidth = (widths: readonly number[]): number =>
  widths.reduce((w, u) => w + u * UNIT_PT.narrow + COLUMN_PAD_PT, 0) - TEXT_INSET_PT;

/** Points a run of columns prints across where it is widest. */
export const printedWidth = (widths: readonly number[]): number =>
  widths.reduce((w, u) => w + u * UNIT_PT.wide, 0);

/** Characters CJK line breaking keeps off the start of a line (they pull the one before down). */
const NO_LINE_START = new Set([..."，。、；：？！）》」』】,.;:?!)%"]);

/**
 * Lines a text wraps to in a cell `width` points wide: CJK text breaks between any two
 * characters, except before closing punctuation, which takes the character before it along;
 * a run of Latin letters and digits breaks only at a space, or where it is longer than a line.
 */
export function wrappedLines(text: string, width: number, size: number): number {
  const room = Math.max(1, width / size);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = 0;
    // Tokens: a Latin word with its trailing space, or one other character.
    const tokens = paragraph.match(/[A-Za-z0-9.%+\-/]+ ?| |[^A-Za-z0-9.%+\-/ ]/gu) ?? [];
    tokens.forEach((token, i) => {
      let ems = textEms(token);
      const next = tokens[i + 1];
      // Closing punctuation rides with the token before it.
      if (next !== undefined && NO_LINE_START.has(next)) ems += textEms(next);
      if (used > 0 && used + ems > room) {
        lines++;
        used = 0;
      }
      if (ems > room) {
        lines += Math.ceil(ems / room) - 1;
        used = ems % room;
      } else used += textEms(token);
    });
  }
  return lines;
}

/** Row height (points) for `lines` lines of `size`-point text. */
export const linesHeight = (lines: number, size: number): number =>
  Math.ceil(lines * size * LINE_EM + ROW_PAD_PT);

/** Row height (points) that shows `text` in a cell `width` points wide. */
export const heightFor = (text: string, width: number, size: number): number =>
  linesHeight(wrappedLines(text, width, size), size);

/** Points of rows a page holds: the page between its margins, less 4 % for hosts that round up. */
export function pageHeight(margins: PageMargins, paperHeight: number = A4.height): number {
  return Math.floor((paperHeight - (margins.top + margins.bottom) * 72) * 0.96);
}

/**
 * Manual page breaks (rows after which a page ends) for rows `first`..`last` of the given
 * heights: a kept run that does not fit on what is left of a page starts the next one; a run
 * taller than a page starts a page and then breaks where the page is full.
 */
export function paginate(
  first: number,
  last: number,
  heights: Readonly<Record<number, number>>,
  flow: PageFlow
): number[] {
  const keepAt = new Map<number, RowSpan>(flow.keep.map((k) => [k.first, k]));
  const newPage = new Set(flow.newPageAt);
  const height = (row: number): number => heights[row] ?? 15;
  const breaks: number[] = [];
  let used = 0;
  const breakBefore = (row: number): void => {
    if (used > 0 && row > first) breaks.push(row - 1);
    used = 0;
  };
  let row = first;
  while (row <= last) {
    const keep = keepAt.get(row);
    const end = Math.min(last, keep?.last ?? row);
    let runHeight = 0;
    for (let r = row; r <= end; r++) runHeight += height(r);
    if (newPage.has(row) || used + runHeight > flow.pageHeight) breakBefore(row);
    if (runHeight <= flow.pageHeight) used += runHeight;
    else
      for (let r = row; r <= end; r++) {
        if (used + height(r) > flow.pageHeight) breakBefore(r);
        used += height(r);
      }
    row = end + 1;
  }
  return breaks;
}
