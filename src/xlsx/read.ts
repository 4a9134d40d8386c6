/** Reads the filled templates of an .xlsx file (src/domain/sheets/read.ts does the reading). */
import ExcelJS from "exceljs";
import {
  addressOfReference,
  readTemplateSheet,
  sheetOfReference,
  type CellValue,
  type ReadSheet,
} from "../domain";
import { XlsxPackage } from "./package";
import { recalculatedBytes, sofficeFor } from "./recalc";
import { readDefinedNames, sheetNamesOf, forExceljs, type DefinedName } from "./writer";

export type { ReadSheet };
export { sofficeFor };

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

/** A formula cell the file keeps no result for: a script wrote it and nothing calculated it. */
function isUncached(v: ExcelJS.CellValue): boolean {
  return (
    typeof v === "object" &&
    v !== null &&
    ("formula" in v || "sharedFormula" in v) &&
    (v as ExcelJS.CellFormulaValue).result === undefined
  );
}

/** A workbook loaded once for reading, with its defined names (exceljs drops their scope). */
export interface LoadedWorkbook {
  /** Cell values and merges only (see VALUES_ONLY). */
  readonly wb: ExcelJS.Workbook;
  readonly names: readonly DefinedName[];
  /** The workbook's sheet names in file order, which a name's sheetIndex counts in (chart sheets
   * included, which exceljs does not load). */
  readonly sheets: readonly string[];
  /** The file's bytes, which a highlighted copy patches (see annotate.ts). */
  readonly data: Buffer;
  /**
   * By sheet and address, the results LibreOffice computed for the formulas a template read
   * needs and the file keeps no result for; those it could not compute stay unknown.
   */
  readonly computed?: ReadonlyMap<string, ReadonlyMap<string, CellValue>>;
}

export interface LoadOptions {
  /** The soffice to recalculate uncached formulas with; null for none (see sofficeFor). */
  readonly soffice?: string | null;
}

async function loadValues(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(forExceljs(data) as unknown as ExcelJS.Buffer, VALUES_ONLY);
  return wb;
}

/**
 * Results for the cells a template read needs whose formulas the file keeps no result for, from
 * a copy LibreOffice recalculated; undefined when there are none or LibreOffice is not to be
 * used or fails (each such cell then gets a formula_uncached finding).
 */
async function computedResults(
  loaded: LoadedWorkbook,
  soffice: string | undefined
): Promise<Map<string, Map<string, CellValue>> | undefined> {
  const wanted = templatesOf(loaded).filter((r) => (r.uncached ?? []).length > 0);
  if (wanted.length === 0 || soffice === undefined) return undefined;
  let recalculated: ExcelJS.Workbook;
  try {
    recalculated = await loadValues(await recalculatedBytes(soffice, loaded.data));
  } catch {
    return undefined;
  }
  const out = new Map<string, Map<string, CellValue>>();
  for (const read of wanted) {
    const ws = recalculated.getWorksheet(read.sheet);
    if (!ws) continue;
    const results = new Map<string, CellValue>();
    for (const address of read.uncached ?? []) {
      const v = ws.getCell(address).value;
      if (!isUncached(v)) results.set(address, plain(v));
    }
    out.set(read.sheet, results);
  }
  return out;
}

/**
 * Loads a workbook for reading. Formulas a template read needs and the file keeps no result for
 * are recalculated through LibreOffice when there is one (sofficeFor: `options.soffice`, else
 * JIQUN_SOFFICE, else soffice on PATH). Throws if the bytes are no xlsx.
 */
export async function loadWorkbook(
  data: Buffer,
  options: LoadOptions = {}
): Promise<LoadedWorkbook> {
  const wb = await loadValues(data);
  const sheets = sheetNamesOf(new XlsxPackage(data).text("xl/workbook.xml") ?? "");
  const loaded: LoadedWorkbook = { wb, names: await readDefinedNames(data), sheets, data };
  const computed = await computedResults(loaded, sofficeFor(options.soffice));
  return computed ? { ...loaded, computed } : loaded;
}

/**
 * The names a sheet owns: those scoped to it, and those at workbook scope that point into it and
 * into no other sheet, which a sheet-scoped name of the same name outranks. A form filled by a
 * script through exceljs has only the latter: exceljs writes every name at workbook scope.
 */
export function namesOfSheet(
  names: readonly DefinedName[],
  sheets: readonly string[],
  sheet: string
): DefinedName[] {
  const scoped = names.filter((n) => n.sheetIndex !== undefined && sheets[n.sheetIndex] === sheet);
  const taken = new Set(scoped.map((n) => n.name));
  const global = names.filter(
    (n) => n.sheetIndex === undefined && !taken.has(n.name) && sheetOfReference(n.ref) === sheet
  );
  // Two workbook-scope names of one name pointing into the same sheet: neither is taken.
  const once = (n: DefinedName): boolean => global.filter((m) => m.name === n.name).length === 1;
  return [...scoped, ...global.filter(once)];
}

/** Every sheet of ours in a loaded workbook; other sheets are ignored. */
export function templatesOf({ wb, names, sheets, computed }: LoadedWorkbook): ReadSheet[] {
  const out: ReadSheet[] = [];
  wb.worksheets.forEach((ws) => {
    const results = computed?.get(ws.name);
    // The cells read whose formulas have no result here, nor one LibreOffice computed.
    const unknown = new Set<string>();
    const valueAt = (address: string): CellValue => {
      const v = ws.getCell(address).value;
      if (!isUncached(v)) return plain(v);
      const result = results?.get(address);
      if (result !== undefined) return result;
      unknown.add(address);
      return null;
    };
    const own = namesOfSheet(names, sheets, ws.name).map((n) => ({
      name: n.name,
      address: addressOfReference(n.ref),
    }));
    const read = readTemplateSheet(ws.name, own, valueAt);
    if (read) out.push(unknown.size > 0 ? { ...read, uncached: [...unknown] } : read);
  });
  return out;
}

/** Every sheet of ours in the file. Throws if the bytes are no xlsx. */
export async function readTemplates(data: Buffer): Promise<ReadSheet[]> {
  return templatesOf(await loadWorkbook(data));
}
