/**
 * Reads every sheet of the workbook in two round trips: the sheet list, then per sheet its
 * sheet-scoped names, used values and (on request) conditional formats and notes. The check,
 * the clear and the 汇总表 builder all start from this scan.
 */
import {
  addressOfReference,
  parseCell,
  readTemplateSheet,
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

/** Office.js gives "" for an empty cell; the domain reads blanks as null, as files give them. */
const cellValue = (v: unknown): CellValue =>
  v === "" || v === undefined
    ? null
    : typeof v === "number" || typeof v === "string" || typeof v === "boolean"
      ? v
      : String(v);

export async function scanWorkbook(
  context: Excel.RequestContext,
  options: ScanOptions = {}
): Promise<SheetScan[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const pending = sheets.items.map((sheet) => ({
    sheet,
    names: sheet.names.load("items/name,items/type,items/formula"),
    used: sheet.getUsedRangeOrNullObject(true).load("address,values"),
    ...(options.conditionalFormats
      ? {
          conditionalFormats: sheet
            .getRange()
            .conditionalFormats.load("items/customOrNullObject/rule/formula"),
        }
      : {}),
    ...(options.notes ? { notes: sheet.notes.load("items/content") } : {}),
  }));
  await context.sync();
  return pending.map((p) => {
    const names = p.names.items
      .filter((n) => n.type === "Range")
      .map((n) => ({ name: n.name, address: addressOfReference(n.formula) }));
    let valueAt = (_: string): CellValue => null;
    if (!p.used.isNullObject) {
      const origin = parseCell(addressOfReference(p.used.address).split(":")[0] as string);
      const values = p.used.values;
      valueAt = (address) => {
        const c = parseCell(address);
        return cellValue(values[c.row - origin.row]?.[c.col - origin.col]);
      };
    }
    return {
      name: p.sheet.name,
      sheet: p.sheet,
      names,
      read: readTemplateSheet(p.sheet.name, names, valueAt),
      ...(p.conditionalFormats ? { conditionalFormats: p.conditionalFormats } : {}),
      ...(p.notes ? { notes: p.notes } : {}),
    };
  });
}
