/**
 * The filled forms as the official documents. Pure: a host reads each template sheet into a
 * SheetGrid (src/export-node does it from an .xlsx; the pane can from Office.js), printSheet
 * lays out what it prints, renderDocx writes the Word file's bytes.
 */
export * from "./types";
export { formatValue, formatGeneral } from "./numberFormat";
export { printSheet, displayedText, parseFooter, DEFAULT_MARGINS } from "./printed";
export { renderDocx, columnTwips, FONT, MIN_FONT_PT } from "./docx";

import { renderDocx } from "./docx";
import { printSheet } from "./printed";
import type { SheetGrid } from "./types";

/** The .docx bytes of the sheets, in their order, each as it prints. */
export function docxOfSheets(
  grids: readonly SheetGrid[],
  meta: { readonly title?: string; readonly creator?: string } = {}
): Promise<Uint8Array> {
  return renderDocx(grids.map(printSheet), meta);
}
