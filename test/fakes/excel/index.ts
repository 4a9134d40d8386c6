/**
 * A project-owned, stateful, in-memory fake of the Excel JavaScript API subset the 集群申报助手
 * writer and checker use. Production code receives `fakeRun(workbook)` where it would receive
 * `Excel.run`, or `createFakeContext(workbook)` where it expects an `Excel.RequestContext`;
 * tests assert on `workbook.snapshot()` and seed user content with `workbook.seedSheet(…)`.
 *
 * Surface (each member follows the learn.microsoft.com reference page of its class; the module
 * that implements it names the pages and the choices the fake makes where the docs are silent):
 *   RequestContext.sync · load/isNullObject protocol · ClientResult
 *   Workbook: worksheets, names, tables, comments, notes, getSelectedRange, getActiveCell
 *   WorksheetCollection: add, getItem, getItemOrNullObject, getActiveWorksheet, getFirst/Last, getCount, items
 *   Worksheet: name, position, visibility, tabColor, showGridlines, activate, delete, getRange,
 *     getRangeByIndexes, getCell, getUsedRange(OrNullObject), names, tables, freezePanes,
 *     pageLayout, horizontalPageBreaks, notes, comments
 *   Range: address, values, formulas, numberFormat, text, valueTypes, row/column index and count,
 *     columnHidden, rowHidden, getCell, getResizedRange, getOffsetRange, getEntireRow/Column,
 *     getUsedRangeOrNullObject, merge, unmerge, clear, select, format (fill, font, borders,
 *     wrapText, alignment, columnWidth, rowHeight), dataValidation, conditionalFormats, worksheet
 *   ConditionalFormat(Collection): add, clearAll, getCount, getItem(At/OrNullObject), items,
 *     priority, stopIfTrue, delete, getRange, custom(OrNullObject).rule.formula,
 *     custom(OrNullObject).format.fill/font
 *   NamedItem(Collection): add, getItem(OrNullObject), getCount, items, type, value, formula,
 *     getRange(OrNullObject), delete
 *   Table(Collection): add, getItem(OrNullObject), name, style, getRange, getHeaderRowRange,
 *     getDataBodyRange, delete, convertToRange
 *   PageLayout (orientation, paperSize, margins, zoom, print area and titles, headersFooters),
 *   WorksheetFreezePanes, PageBreakCollection, NoteCollection/Note, CommentCollection/Comment
 */
export {
  cellKey,
  columnIndex,
  columnLetters,
  formatAddress,
  formatRect,
  MAX_COLS,
  MAX_ROWS,
  parseAddress,
  quoteSheet,
  sheetNeedsQuotes,
  shiftFormula,
  splitSheet,
  type ParsedAddress,
  type Rect,
} from "./address";
export { createFakeContext, fakeRun, FakeRequestContext, type ExcelRun } from "./context";
export { FakeOfficeError, type OfficeErrorCode } from "./errors";
export { RequirementSetSupport, type RequirementSets } from "./requirements";
export {
  definedNameProblem,
  FakeExcel,
  sheetNameProblem,
  SheetSeeder,
  type CellSnapshot,
  type FakeExcelOptions,
  type SeedCell,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "./state";
export { enterInput, type CellScalar } from "./values";
