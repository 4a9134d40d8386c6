/**
 * The xlsx writer: applies a sheet plan to an exceljs workbook, for people without the add-in,
 * batch review and the LibreOffice checks. Same plan as the Office.js writer (src/excel).
 */
import ExcelJS from "exceljs";
import { attr, relsPathOf, xmlEscape, xmlUnescape, XlsxPackage } from "./package";
import { argb, BORDER_ARGB, FONT } from "./styles";
import {
  absolute,
  cellsIn,
  quoteSheet,
  sheetRef,
  HIGHLIGHT_COLORS,
  type CellStyle,
  type PageMargins,
  type PlanValidation,
  type SheetPlan,
} from "../domain/plan";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: BORDER_ARGB } };
const DEFAULT_MARGINS: PageMargins = {
  left: 0.5,
  right: 0.5,
  top: 0.6,
  bottom: 0.6,
  header: 0.3,
  footer: 0.3,
};

/** The edges a style draws: all four, or the sides (and foot) of a box over several rows. */
function bordersOf(border: CellStyle["border"]): Partial<ExcelJS.Borders> | undefined {
  if (border === true) return { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (border === "sides") return { left: THIN, right: THIN };
  if (border === "sidesBottom") return { left: THIN, bottom: THIN, right: THIN };
  return undefined;
}

function styleCell(c: ExcelJS.Cell, s: CellStyle): void {
  c.font = {
    name: FONT,
    size: s.fontSize ?? 11,
    ...(s.bold ? { bold: true } : {}),
    ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
  };
  if (s.fill) c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  c.alignment = {
    wrapText: s.wrap ?? false,
    ...(s.hAlign ? { horizontal: s.hAlign.toLowerCase() as "left" | "center" | "right" } : {}),
    ...(s.vAlign
      ? {
          vertical: s.vAlign === "Center" ? "middle" : (s.vAlign.toLowerCase() as "top" | "bottom"),
        }
      : {}),
  };
  const border = bordersOf(s.border);
  if (border) c.border = border;
}

function validationOf(v: PlanValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: v.error.title,
    error: v.error.message,
  } as const;
  const r = v.rule;
  switch (r.kind) {
    case "list":
      return { ...common, type: "list", formulae: [`"${r.source.join(",")}"`] };
    case "listRange":
      return { ...common, type: "list", formulae: [r.address] };
    case "decimal":
      if (r.max !== undefined)
        return { ...common, type: "decimal", operator: "between", formulae: [r.min ?? 0, r.max] };
      return {
        ...common,
        type: "decimal",
        operator: r.minExclusive ? "greaterThan" : "greaterThanOrEqual",
        formulae: [r.min ?? 0],
      };
    case "whole":
      return { ...common, type: "whole", operator: "greaterThanOrEqual", formulae: [r.min] };
    case "textLength":
      return { ...common, type: "textLength", operator: "lessThanOrEqual", formulae: [r.max] };
  }
}

/** Adds the plan as a new sheet named `name` (the caller makes it unique). */
export function addPlanSheet(
  wb: ExcelJS.Workbook,
  plan: SheetPlan,
  name = plan.sheetName
): ExcelJS.Worksheet {
  const p = plan.print;
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: p.orientation === "Portrait" ? "portrait" : "landscape",
      ...(p.scale !== undefined
        ? { fitToPage: false, scale: p.scale }
        : { fitToPage: true, fitToWidth: p.fitToPagesWide ?? 1, fitToHeight: 0 }),
      // exceljs writes the area's name as '<sheet>'!$<first>:$<last>, a $ before each part: with
      // the rows' $ already in place the reference is absolute ($A$4:$G$300). Given "A4:G300" it
      // would read $A4:$G300, which LibreOffice does not take for a print area.
      printArea: p.area.replace(/\$([A-Z]+)/gu, "$1"),
      ...(p.titleRows ? { printTitlesRow: p.titleRows.replace(/\$/gu, "") } : {}),
      margins: p.margins ?? DEFAULT_MARGINS,
      ...(p.centerHorizontally ? { horizontalCentered: true } : {}),
      ...(p.blackAndWhite ? { blackAndWhite: true } : {}),
    },
    headerFooter: { oddFooter: `&C${p.footer}` },
  });
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const col of plan.hiddenColumns) ws.getColumn(col).hidden = true;
  for (const [row, h] of Object.entries(plan.rowHeights)) ws.getRow(Number(row)).height = h;

  for (const c of plan.cells) {
    const cell = ws.getCell(c.address);
    // Text stays text: exceljs writes strings as shared strings, never as formulas.
    // A display's known text goes in as the formula's cached result, for readers that do not
    // calculate; Excel, WPS and LibreOffice recalculate it.
    if (c.formula !== undefined)
      cell.value = {
        formula: c.formula.replace(/^=/u, ""),
        ...(c.result !== undefined ? { result: c.result } : {}),
      } as ExcelJS.CellFormulaValue;
    else if (c.value !== undefined) cell.value = c.value;
    if (c.style) styleCell(cell, plan.styles[c.style]);
    if (c.numberFormat) cell.numFmt = c.numberFormat;
  }
  for (const m of plan.merges) ws.mergeCells(m.replace(/\$/gu, ""));
  for (const v of plan.validations) {
    const dv = validationOf(v);
    for (const c of cellsIn(v.address)) ws.getCell(c.address).dataValidation = dv;
  }
  for (const row of p.breaksAfterRows) ws.getRow(row).addPageBreak();
  plan.highlights.forEach((h, i) => {
    const colors = HIGHLIGHT_COLORS[h.severity];
    ws.addConditionalFormatting({
      ref: h.address,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [h.formula],
          // bgColor is where Excel itself keeps a conditional fill.
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(colors.fill) } },
            font: { color: { argb: argb(colors.font) } },
          },
        },
      ],
    });
  });

  if (plan.table) {
    const t = plan.table;
    const [first] = t.address.split(":") as [string];
    const cells = cellsIn(t.address);
    const headerRow = cells[0]?.row ?? 0;
    const rows: ExcelJS.CellValue[][] = [];
    for (const c of cells)
      if (c.row > headerRow) (rows[c.row - headerRow - 1] ??= []).push(ws.getCell(c.address).value);
    ws.addTable({
      name: t.name,
      ref: first,
      headerRow: true,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: t.headers.map((h) => ({ name: h })),
      rows,
    });
  }
  return ws;
}

export interface DefinedName {
  readonly name: string;
  /** 0-based sheet index for a sheet-scoped name; absent for workbook scope. */
  readonly sheetIndex?: number;
  /** The reference, e.g. '申报表-2024'!$B$5. */
  readonly ref: string;
}

/** exceljs writes its parts uncompressed; zip() compresses each once, natively. */
export const STORED = { zip: { compression: "STORE" } } as const;

/** What may follow <definedNames> in a workbook part (CT_Workbook's sequence). */
const AFTER_NAMES =
  /<(?:calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/workbook>/u;

/** workbook.xml with `names` added to its <definedNames> (created in its place if missing). */
export function withDefinedNames(xml: string, names: readonly DefinedName[]): string {
  if (names.length === 0) return xml;
  const entries = names
    .map(
      (n) =>
        `<definedName name="${xmlEscape(n.name)}"${n.sheetIndex === undefined ? "" : ` localSheetId="${n.sheetIndex}"`}>${xmlEscape(n.ref)}</definedName>`
    )
    .join("");
  if (xml.includes("<definedNames>"))
    return xml.replace("<definedNames>", `<definedNames>${entries}`);
  const at = AFTER_NAMES.exec(xml);
  if (!at) throw new Error("workbook.xml: no place for <definedNames>");
  return `${xml.slice(0, at.index)}<definedNames>${entries}</definedNames>${xml.slice(at.index)}`;
}

/** Adds defined names to xl/workbook.xml of a written workbook, and compresses it. */
export function injectDefinedNames(
  buffer: ArrayBuffer | Buffer,
  names: readonly DefinedName[]
): Buffer {
  const pkg = new XlsxPackage(Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer));
  const path = "xl/workbook.xml";
  pkg.put(path, withDefinedNames(pkg.text(path) ?? "", names));
  return pkg.toBuffer();
}

/** A plan's names, scoped to the sheet at `sheetIndex`. */
export const planNames = (plan: SheetPlan, sheet: string, sheetIndex: number): DefinedName[] =>
  plan.names.map((n) => ({ name: n.name, sheetIndex, ref: sheetRef(sheet, n.address) }));

/**
 * Each sheet's print area and print titles as names (their 0-based sheet index is exceljs's
 * worksheet order, the order it writes). exceljs would write them itself, but puts the sheet's
 * name in apostrophes without doubling one inside it ('O'Brien'!…, which neither Excel nor
 * exceljs reads back) and leaves the rows without their $.
 */
export function printNames(wb: ExcelJS.Workbook): DefinedName[] {
  const out: DefinedName[] = [];
  const bare = (s: string): string => s.replace(/\$/gu, "");
  wb.worksheets.forEach((ws, sheetIndex) => {
    const setup: Partial<ExcelJS.PageSetup> = ws.pageSetup;
    const ref = (address: string): string => sheetRef(ws.name, address);
    if (setup.printArea) {
      const areas = setup.printArea.split("&&").map((a) => ref(absolute(bare(a))));
      out.push({ name: "_xlnm.Print_Area", sheetIndex, ref: areas.join(",") });
    }
    const titles = [
      ...(setup.printTitlesColumn
        ? [bare(setup.printTitlesColumn).replace(/([A-Z]+)/gu, "$$$1")]
        : []),
      ...(setup.printTitlesRow ? [bare(setup.printTitlesRow).replace(/(\d+)/gu, "$$$1")] : []),
    ];
    if (titles.length > 0)
      out.push({ name: "_xlnm.Print_Titles", sheetIndex, ref: titles.map(ref).join(",") });
  });
  return out;
}

/**
 * Writes the workbook with `names` (sheet-scoped ones kept so: exceljs writes names at workbook
 * scope only) and every sheet's print area and titles written as printNames() quotes them.
 */
export async function writeWithNames(
  wb: ExcelJS.Workbook,
  names: readonly DefinedName[]
): Promise<Buffer> {
  const print = printNames(wb);
  const saved = wb.worksheets.map((ws) => {
    const { printArea, printTitlesRow, printTitlesColumn } = ws.pageSetup;
    delete ws.pageSetup.printArea;
    delete ws.pageSetup.printTitlesRow;
    delete ws.pageSetup.printTitlesColumn;
    return { ws, printArea, printTitlesRow, printTitlesColumn };
  });
  let written: ExcelJS.Buffer;
  try {
    written = await wb.xlsx.writeBuffer(STORED);
  } finally {
    for (const { ws, ...setup } of saved) Object.assign(ws.pageSetup, setup);
  }
  return injectDefinedNames(written, [...names, ...print]);
}

/**
 * Writes the workbook, then adds each plan's names as sheet-scoped defined names (two 申报表
 * sheets in one file must each own SB_output_total).
 */
export async function writeXlsx(
  wb: ExcelJS.Workbook,
  scoped: ReadonlyArray<{ sheet: string; plan: SheetPlan }>
): Promise<Buffer> {
  const sheetOrder = wb.worksheets.map((w) => w.name);
  return writeWithNames(
    wb,
    scoped.flatMap(({ sheet, plan }) => planNames(plan, sheet, sheetOrder.indexOf(sheet)))
  );
}

/** The names of a workbook part's sheets, in order. */
export function sheetNamesOf(workbookXml: string): string[] {
  const sheets = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/u.exec(workbookXml)?.[1] ?? "";
  return [...sheets.matchAll(/<sheet\b([^>]*?)\/?>/gu)].map((m) =>
    xmlUnescape(attr(` ${m[1] ?? ""}`, "name") ?? "")
  );
}

/**
 * A reference as an earlier version of this project (through exceljs) wrote it for a sheet whose
 * name holds an apostrophe ('O'Brien'!…), quoted again as Excel reads it ('O''Brien'!…).
 */
function requoted(ref: string, sheets: readonly string[]): string {
  let out = ref;
  for (const sheet of sheets)
    if (sheet.includes("'")) out = out.split(`'${sheet}'!`).join(`${quoteSheet(sheet)}!`);
  return out;
}

/** Defined names of a workbook part with their scope (exceljs drops the scope). */
function definedNamesOf(workbookXml: string): DefinedName[] {
  const sheets = sheetNamesOf(workbookXml);
  const out: DefinedName[] = [];
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/gu)) {
    const tag = ` ${m[1] ?? ""}`;
    const local = attr(tag, "localSheetId");
    out.push({
      name: attr(tag, "name") ?? "",
      ref: requoted(xmlUnescape(m[2] ?? ""), sheets),
      ...(local !== undefined && /^\d+$/u.test(local) ? { sheetIndex: Number(local) } : {}),
    });
  }
  return out;
}

/**
 * The file as exceljs is given it to load, without what it fails on for the whole file:
 * - defined names: it cannot read some a valid file holds (a print area reading #REF!, a sheet
 *   name with an apostrophe quoted as an earlier version of this project wrote it); this project
 *   reads and writes the names itself (readDefinedNames, injectDefinedNames);
 * - drawings and the charts and images in them: it reads only drawings whose elements carry the
 *   xdr: prefix and fails on those that do not (as openpyxl writes them), and it cannot write a
 *   chart anyway. The values need none of it; a copy rewritten through exceljs gets each
 *   worksheet's drawing back as it was (drawings.ts), and the patched copy keeps every part.
 * Chart sheets exceljs skips by itself. Throws if the bytes are no zip.
 */
export function forExceljs(data: Buffer): Buffer {
  const pkg = new XlsxPackage(data);
  let changed = false;
  const xml = pkg.text("xl/workbook.xml");
  if (xml !== undefined && /<definedNames\b/u.test(xml)) {
    pkg.put(
      "xl/workbook.xml",
      xml.replace(/<definedNames\b[^>]*?(?:\/>|>[\s\S]*?<\/definedNames>)/u, "")
    );
    changed = true;
  }
  const drawing = /^xl\/(?:drawings\/(?:_rels\/)?drawing[^/]*\.xml(?:\.rels)?|charts\/.*)$/u;
  const names = pkg.names();
  // Most files have no drawing: their worksheets (the bulk of the file) are not even unpacked.
  if (names.some((name) => drawing.test(name))) {
    for (const name of names) {
      if (drawing.test(name)) pkg.remove(name);
      else if (/^xl\/worksheets\/[^/]+\.xml$/u.test(name)) {
        const rels = pkg.text(relsPathOf(name)) ?? "";
        if (!/relationships\/drawing"/u.test(rels)) continue;
        const sheet = pkg.text(name) ?? "";
        pkg.put(name, sheet.replace(/<drawing\b[^>]*?(?:\/>|>[\s\S]*?<\/drawing>)/gu, ""));
      }
    }
    changed = true;
  }
  // Only exceljs reads these bytes, at once: not worth compressing.
  return changed ? pkg.toBuffer(0) : data;
}

/** Defined names of an xlsx file with their scope. Throws if the bytes are no zip. */
export function readDefinedNames(data: Buffer | Uint8Array): Promise<DefinedName[]> {
  try {
    const pkg = new XlsxPackage(Buffer.isBuffer(data) ? data : Buffer.from(data));
    return Promise.resolve(definedNamesOf(pkg.text("xl/workbook.xml") ?? ""));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}
