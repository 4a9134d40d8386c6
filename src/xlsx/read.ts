/** Reads the filled templates of an .xlsx file (src/domain/sheets/read.ts does the reading). */
import ExcelJS from "exceljs";
import { addressOfReference, readTemplateSheet, type CellValue, type ReadSheet } from "../domain";
import { readDefinedNames, withoutDefinedNames, type DefinedName } from "./writer";

export type { ReadSheet };

/** A cell's value as the evaluator sees it: formula results, rich text joined, errors as text. */
function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("richText" in v)
      return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    if ("error" in v) return (v as ExcelJS.CellErrorValue).error;
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return null;
}

/**
 * What reading values needs of a worksheet is its cells and merges: exceljs skips the rest of
 * each sheet's XML (a template's hundreds of conditional formats and validations took a third of
 * the load). A workbook loaded this way is for reading only; writing one would lose those parts.
 */
const VALUES_ONLY: Partial<ExcelJS.XlsxReadOptions> = {
  ignoreNodes: [
    "sheetPr",
    "dimension",
    "sheetViews",
    "sheetFormatPr",
    "cols",
    "autoFilter",
    "rowBreaks",
    "hyperlinks",
    "pageMargins",
    "dataValidations",
    "pageSetup",
    "headerFooter",
    "printOptions",
    "picture",
    "drawing",
    "sheetProtection",
    "tableParts",
    "conditionalFormatting",
    "extLst",
  ],
};

/** A workbook loaded once for reading, with its defined names (exceljs drops their scope). */
export interface LoadedWorkbook {
  /** Cell values and merges only (see VALUES_ONLY). */
  readonly wb: ExcelJS.Workbook;
  readonly names: readonly DefinedName[];
  /** The file's bytes, which a highlighted copy patches (see annotate.ts). */
  readonly data: Buffer;
}

/** Throws if the bytes are no xlsx. */
export async function loadWorkbook(data: Buffer): Promise<LoadedWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(withoutDefinedNames(data) as unknown as ExcelJS.Buffer, VALUES_ONLY);
  return { wb, names: await readDefinedNames(data), data };
}

/** Every sheet of ours in a loaded workbook; other sheets are ignored. */
export function templatesOf({ wb, names }: LoadedWorkbook): ReadSheet[] {
  const out: ReadSheet[] = [];
  wb.worksheets.forEach((ws, index) => {
    const own = names
      .filter((n) => n.sheetIndex === index)
      .map((n) => ({ name: n.name, address: addressOfReference(n.ref) }));
    const read = readTemplateSheet(ws.name, own, (address) => plain(ws.getCell(address).value));
    if (read) out.push(read);
  });
  return out;
}

/** Every sheet of ours in the file. Throws if the bytes are no xlsx. */
export async function readTemplates(data: Buffer): Promise<ReadSheet[]> {
  return templatesOf(await loadWorkbook(data));
}
