/** Reads the filled templates of an .xlsx file (src/domain/review/read.ts does the reading). */
import ExcelJS from "exceljs";
import { addressOfReference, readTemplateSheet, type CellValue, type ReadSheet } from "../domain";
import { readDefinedNames } from "./writer";

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

/** Every sheet of ours in the workbook; other sheets are ignored. Throws if the bytes are no xlsx. */
export async function readTemplates(data: Buffer): Promise<ReadSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const defined = await readDefinedNames(data);
  const out: ReadSheet[] = [];
  wb.worksheets.forEach((ws, index) => {
    const names = defined
      .filter((n) => n.sheetIndex === index)
      .map((n) => ({ name: n.name, address: addressOfReference(n.ref) }));
    const read = readTemplateSheet(ws.name, names, (address) => plain(ws.getCell(address).value));
    if (read) out.push(read);
  });
  return out;
}
