/**
 * Reads what the check, the clear and the 汇总表 builder need from the workbook, and no more:
 * the sheet list; every sheet's sheet-scoped names (small); then, for the sheets that carry our
 * names only, the area those names cover (values), and on request their conditional formats and
 * notes. A user's own sheets are never read cell by cell, however large.
 *
 * Excel on the web refuses a response over 5 MB and any read of more than 5,000,000 cells
 * (Resource limits and performance optimization for Office Add-ins); the add-in keeps each
 * response under 1 MB, so the template sheets are read in as many round trips as their size
 * needs (one for up to about twenty forms).
 */
import {
  addressOfReference,
  cellsIn,
  parseCell,
  readTemplateSheet,
  templateArea,
  type CellValue,
  type NamedRange,
  type ReadSheet,
} from "../domain";

export interface SheetScan {
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  readonly names: readonly NamedRange[];
  /** Our template read through its names; undefined for other sheets. */
  readonly read: ReadSheet | undefined;
  readonly conditionalFormats?: Excel.ConditionalFormatCollection;
  readonly notes?: Excel.NoteCollection;
}

export interface ScanOptions {
  readonly conditionalFormats?: boolean;
  readonly notes?: boolean;
}

/**
 * What one read of template sheets may bring back, estimated before asking: three quarters of
 * the add-in's 1 MB budget, because the estimate below is coarse (a cell of long text weighs
 * more). Measured on a filled 申报表: about 30 KB of values and 40 KB of conditional formats.
 */
const READ_BYTES = 768 * 1024;
/** Per cell of a values read: the JSON of a number or short text, with its separator. */
const BYTES_PER_CELL = 16;
/** A template's conditional formats (about 200 rules of up to 200 bytes) and its notes. */
const BYTES_PER_FORMATS = 40 * 1024;
const BYTES_PER_NOTES = 16 * 1024;

/** Office.js gives "" for an empty cell; the domain reads blanks as null, as files give them. */
const cellValue = (v: unknown): CellValue =>
  v === "" || v === undefined
    ? null
    : typeof v === "number" || typeof v === "string" || typeof v === "boolean"
      ? v
      : String(v);

/** Splits items into consecutive groups whose weights stay within `budget` (one item at least). */
export function groupsWithin<T>(
  items: readonly T[],
  weight: (t: T) => number,
  budget: number
): T[][] {
  const groups: T[][] = [];
  let load = Infinity;
  for (const item of items) {
    const w = weight(item);
    const last = groups[groups.length - 1];
    if (!last || load + w > budget) {
      groups.push([item]);
      load = w;
    } else {
      last.push(item);
      load += w;
    }
  }
  return groups;
}

export interface ListedSheet {
  readonly sheet: Excel.Worksheet;
  /** Loaded: the printout leaves hidden sheets out. */
  readonly visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";
  readonly names: readonly NamedRange[];
  /** The area our names cover; undefined for a sheet that is not one of our templates. */
  readonly area: string | undefined;
}

/** Every sheet with its sheet-scoped range names: two small round trips, no cells read. */
export async function listSheets(context: Excel.RequestContext): Promise<ListedSheet[]> {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  await context.sync();
  const named = sheets.items.map((sheet) => ({
    sheet,
    names: sheet.names.load("items/name,items/type,items/formula"),
  }));
  await context.sync();
  return named.map(({ sheet, names }) => {
    const ranges = names.items
      .filter((n) => n.type === "Range")
      .map((n) => ({ name: n.name, address: addressOfReference(n.formula) }));
    return { sheet, visibility: sheet.visibility, names: ranges, area: templateArea(ranges) };
  });
}

export async function scanWorkbook(
  context: Excel.RequestContext,
  options: ScanOptions = {}
): Promise<SheetScan[]> {
  const listed = await listSheets(context);
  const templates = listed.filter((s) => s.area !== undefined);
  const weight = (s: { area?: string }): number =>
    cellsIn(s.area as string).length * BYTES_PER_CELL +
    (options.conditionalFormats ? BYTES_PER_FORMATS : 0) +
    (options.notes ? BYTES_PER_NOTES : 0);

  const loaded = new Map<
    Excel.Worksheet,
    {
      values: Excel.Range;
      conditionalFormats?: Excel.ConditionalFormatCollection;
      notes?: Excel.NoteCollection;
    }
  >();
  for (const group of groupsWithin(templates, weight, READ_BYTES)) {
    for (const s of group)
      loaded.set(s.sheet, {
        values: s.sheet.getRange(s.area).load("values"),
        ...(options.conditionalFormats
          ? {
              conditionalFormats: s.sheet
                .getRange()
                .conditionalFormats.load("items/customOrNullObject/rule/formula"),
            }
          : {}),
        ...(options.notes ? { notes: s.sheet.notes.load("items/content") } : {}),
      });
    // One round trip per group on purpose: a group is what fits in one response.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }

  return listed.map(({ sheet, names }) => {
    const got = loaded.get(sheet);
    if (!got) return { name: sheet.name, sheet, names, read: undefined };
    const values = got.values.values;
    const valueAt = (address: string): CellValue => {
      const c = parseCell(address);
      return cellValue(values[c.row - 1]?.[c.col - 1]);
    };
    return {
      name: sheet.name,
      sheet,
      names,
      read: readTemplateSheet(sheet.name, names, valueAt),
      ...(got.conditionalFormats ? { conditionalFormats: got.conditionalFormats } : {}),
      ...(got.notes ? { notes: got.notes } : {}),
    };
  });
}
