/**
 * The template sheets of an .xlsx file as SheetGrids, read from the package's XML: shared
 * strings, the cell formats of styles.xml, and per sheet its cells, rows, columns, merges, manual
 * row breaks, margins, footer, print area and print titles. Read directly rather than through
 * exceljs, which cannot say what printing needs: it drops <rowBreaks>, turns the escaped format
 * 0.00\% (how LibreOffice writes 0.00"%") into the percent format 0.00%, and reads a formula
 * whose cached result is "" like one that has no cached result.
 */
import { columnLetter, parseCell } from "../domain/plan/address";
import { TEMPLATE_NAME } from "../domain/sheets/read";
import type { Area, FormKind, GridCell, HAlign, Margins, SheetGrid, VAlign } from "../export/types";
import { attr, xmlUnescape, XlsxPackage } from "../xlsx/package";
import { readDefinedNames, type DefinedName } from "../xlsx/writer";

export interface ReadGrid {
  readonly grid: SheetGrid;
  /** 0-based position in the workbook. */
  readonly index: number;
  /** Hidden sheets do not print. */
  readonly hidden: boolean;
  /** Printed cells holding a formula the file keeps no result for (never calculated). */
  readonly uncached: readonly string[];
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** Excel's built-in number formats by id (those a file may use without declaring them). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: 'AM/PMh"时"mm"分"',
  35: 'AM/PMh"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;(#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;(#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'AM/PMh"时"mm"分"',
  56: 'AM/PMh"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** OOXML strings escape characters XML cannot hold as _xHHHH_ (a CR is _x000D_). */
const text = (xml: string): string =>
  xmlUnescape(xml).replace(/_x([0-9A-Fa-f]{4})_/gu, (_, h: string) =>
    String.fromCharCode(parseInt(h, 16))
  );

/** The text of a string item (<si>, <is>): its runs' <t>, without phonetic guides (<rPh>). */
function runText(xml: string): string {
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/gu, "").matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/gu)]
    .map((m) => text(m[1] ?? ""))
    .join("");
}

const truthy = (v: string | undefined): boolean => v === "1" || v === "true";

/** The part of `xml` between <tag …> and </tag>, or "". */
function block(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "u").exec(xml);
  return m?.[1] ?? "";
}

/** Each element `tag` of `xml`: its start tag's attributes and its content ("" when empty). */
function elements(xml: string, tag: string): { attrs: string; body: string }[] {
  const re = new RegExp(`<${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${tag}>)`, "gu");
  return [...xml.matchAll(re)].map((m) => ({ attrs: ` ${m[1] ?? ""}`, body: m[2] ?? "" }));
}

interface Xf {
  readonly format: string;
  readonly bold: boolean;
  readonly fontSize?: number;
  readonly hAlign?: HAlign;
  readonly vAlign?: VAlign;
  readonly wrap: boolean;
  readonly border: { top: boolean; right: boolean; bottom: boolean; left: boolean };
}

const H_ALIGN: Readonly<Record<string, HAlign>> = {
  left: "left",
  center: "center",
  centerContinuous: "center",
  right: "right",
  justify: "justify",
  distributed: "distributed",
  fill: "left",
};
const V_ALIGN: Readonly<Record<string, VAlign>> = {
  top: "top",
  center: "center",
  bottom: "bottom",
  justify: "top",
  distributed: "center",
};

function readStyles(xml: string): Xf[] {
  const formats = new Map<number, string>();
  for (const f of elements(block(xml, "numFmts"), "numFmt"))
    formats.set(Number(attr(f.attrs, "numFmtId")), attr(f.attrs, "formatCode") ?? "General");
  const fonts = elements(block(xml, "fonts"), "font").map((f) => {
    const b = /<b\b([^>]*)\/?>/u.exec(f.body);
    const size = Number(attr(` ${/<sz\b([^>]*)\/?>/u.exec(f.body)?.[1] ?? ""}`, "val"));
    const val = b ? attr(` ${b[1] ?? ""}`, "val") : undefined;
    return {
      bold: b !== null && (val === undefined || truthy(val)),
      ...(Number.isFinite(size) && size > 0 ? { size } : {}),
    };
  });
  const borders = elements(block(xml, "borders"), "border").map((b) => {
    const side = (...names: string[]): boolean =>
      names.some((name) => {
        const s = new RegExp(`<${name}\\b([^>]*)`, "u").exec(b.body);
        const style = s ? attr(` ${s[1] ?? ""}`, "style") : undefined;
        return style !== undefined && style !== "none";
      });
    return {
      top: side("top"),
      bottom: side("bottom"),
      left: side("left", "start"),
      right: side("right", "end"),
    };
  });
  return elements(block(xml, "cellXfs"), "xf").map((x) => {
    const id = Number(attr(x.attrs, "numFmtId") ?? 0);
    const font = fonts[Number(attr(x.attrs, "fontId") ?? 0)];
    const align = ` ${/<alignment\b([^>]*)/u.exec(x.body)?.[1] ?? ""}`;
    const h = H_ALIGN[attr(align, "horizontal") ?? ""];
    const v = V_ALIGN[attr(align, "vertical") ?? ""];
    return {
      format: formats.get(id) ?? BUILT_IN_FORMATS[id] ?? "General",
      bold: font?.bold ?? false,
      ...(font?.size !== undefined ? { fontSize: font.size } : {}),
      ...(h ? { hAlign: h } : {}),
      ...(v ? { vAlign: v } : {}),
      wrap: truthy(attr(align, "wrapText")),
      border: borders[Number(attr(x.attrs, "borderId") ?? 0)] ?? {
        top: false,
        right: false,
        bottom: false,
        left: false,
      },
    };
  });
}

/** "A1:H185", "$A:$H", "$1:$2" or "B5" → an area; undefined if not a range. */
export function areaOf(ref: string): Area | undefined {
  const [a = "", b = a] = ref.replace(/\$/gu, "").trim().split(":");
  if (/^[A-Z]+$/u.test(a) && /^[A-Z]+$/u.test(b))
    return {
      top: 1,
      bottom: MAX_ROW,
      left: parseCell(`${a}1`).col,
      right: parseCell(`${b}1`).col,
    };
  if (/^\d+$/u.test(a) && /^\d+$/u.test(b))
    return { top: Number(a), bottom: Number(b), left: 1, right: MAX_COL };
  if (!/^[A-Z]+\d+$/u.test(a) || !/^[A-Z]+\d+$/u.test(b)) return undefined;
  const s = parseCell(a);
  const e = parseCell(b);
  return {
    top: Math.min(s.row, e.row),
    bottom: Math.max(s.row, e.row),
    left: Math.min(s.col, e.col),
    right: Math.max(s.col, e.col),
  };
}

/** The areas of a reference such as '申报表'!$A$1:$H$90,'申报表'!$A$95:$H$99. */
export function areasOfReference(reference: string): Area[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of reference.replace(/^=/u, "")) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.flatMap((p) => {
    const a = areaOf(p.slice(p.lastIndexOf("!") + 1));
    return a ? [a] : [];
  });
}

/** An ISO date (a cell of type d) as Excel's serial day number. */
function serialOfIso(iso: string): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/u.test(iso) ? iso : `${iso}Z`);
  if (!Number.isFinite(ms)) return null;
  const days = ms / 86400000 + 25569;
  return days < 61 ? days - 1 : days;
}

interface SheetPart {
  readonly name: string;
  readonly part: string;
  readonly hidden: boolean;
}

function sheetParts(pkg: XlsxPackage): SheetPart[] {
  const workbook = pkg.text("xl/workbook.xml") ?? "";
  const targets = new Map(pkg.relationships("xl/workbook.xml").map((r) => [r.id, r.target]));
  return elements(block(workbook, "sheets"), "sheet").map((s) => {
    const rid = /\s[\w]+:id="([^"]*)"/u.exec(s.attrs)?.[1] ?? "";
    const state = attr(s.attrs, "state");
    return {
      name: attr(s.attrs, "name") ?? "",
      part: targets.get(rid) ?? "",
      hidden: state === "hidden" || state === "veryHidden",
    };
  });
}

function readSheet(
  xml: string,
  strings: readonly string[],
  xfs: readonly Xf[],
  base: { name: string; form: FormKind; printAreas: Area[]; titleRows?: SheetGrid["titleRows"] }
): { grid: SheetGrid; uncached: string[] } {
  const format = ` ${/<sheetFormatPr\b([^>]*)/u.exec(xml)?.[1] ?? ""}`;
  const defaultRowHeight = Number(attr(format, "defaultRowHeight") ?? 15) || 15;
  const defaultColumnWidth =
    Number(attr(format, "defaultColWidth")) ||
    (Number(attr(format, "baseColWidth") ?? 8) || 8) + 0.43;

  const columnWidths = new Map<number, number>();
  const hiddenColumns = new Set<number>();
  for (const c of elements(block(xml, "cols"), "col")) {
    const min = Number(attr(c.attrs, "min"));
    const max = Math.min(Number(attr(c.attrs, "max")), MAX_COL);
    const width = Number(attr(c.attrs, "width"));
    for (let col = min; col <= max && col - min < MAX_COL; col++) {
      if (Number.isFinite(width)) columnWidths.set(col, width);
      if (truthy(attr(c.attrs, "hidden"))) hiddenColumns.add(col);
    }
  }

  const rowHeights = new Map<number, number>();
  const hiddenRows = new Set<number>();
  const cells = new Map<string, GridCell>();
  const formulas: string[] = [];
  let rowNumber = 0;
  for (const r of elements(block(xml, "sheetData"), "row")) {
    rowNumber = Number(attr(r.attrs, "r") ?? rowNumber + 1);
    const ht = Number(attr(r.attrs, "ht"));
    if (Number.isFinite(ht) && attr(r.attrs, "ht") !== undefined) rowHeights.set(rowNumber, ht);
    if (truthy(attr(r.attrs, "hidden"))) hiddenRows.add(rowNumber);
    let colNumber = 0;
    for (const c of elements(r.body, "c")) {
      const ref = attr(c.attrs, "r");
      colNumber = ref ? parseCell(ref).col : colNumber + 1;
      const address = ref ?? `${columnLetter(colNumber)}${rowNumber}`;
      const xf = xfs[Number(attr(c.attrs, "s") ?? 0)] ?? xfs[0];
      const type = attr(c.attrs, "t") ?? "n";
      const v = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/u.exec(c.body);
      const hasFormula = /<f\b/u.test(c.body);
      if (hasFormula && !v) formulas.push(address);
      const raw = v ? text(v[1] ?? "") : undefined;
      let value: GridCell["value"] = null;
      if (type === "inlineStr") value = runText(block(c.body, "is"));
      else if (raw === undefined) value = null;
      else if (type === "s") value = strings[Number(raw)] ?? "";
      else if (type === "str") value = raw;
      else if (type === "b") value = truthy(raw);
      else if (type === "e") value = { error: raw };
      else if (type === "d") value = serialOfIso(raw);
      else value = raw.trim() === "" ? null : Number(raw);
      if (typeof value === "number" && !Number.isFinite(value)) value = null;
      cells.set(address, {
        value,
        ...(xf
          ? {
              format: xf.format,
              bold: xf.bold,
              ...(xf.fontSize !== undefined ? { fontSize: xf.fontSize } : {}),
              ...(xf.hAlign ? { hAlign: xf.hAlign } : {}),
              ...(xf.vAlign ? { vAlign: xf.vAlign } : {}),
              wrap: xf.wrap,
              border: xf.border,
            }
          : {}),
      });
    }
  }

  const merges = elements(block(xml, "mergeCells"), "mergeCell").flatMap((m) => {
    const a = areaOf(attr(m.attrs, "ref") ?? "");
    return a ? [a] : [];
  });
  const rowBreaks = elements(block(xml, "rowBreaks"), "brk")
    .filter((b) => truthy(attr(b.attrs, "man")))
    .map((b) => Number(attr(b.attrs, "id")))
    .filter((n) => Number.isInteger(n) && n > 0);
  const pm = ` ${/<pageMargins\b([^>]*)/u.exec(xml)?.[1] ?? ""}`;
  const margin = (k: keyof Margins): number | undefined => {
    const n = Number(attr(pm, k));
    return attr(pm, k) !== undefined && Number.isFinite(n) ? n : undefined;
  };
  const sides = (["top", "bottom", "left", "right", "header", "footer"] as const).map(margin);
  const margins: Margins | undefined = sides.every((n) => n !== undefined)
    ? {
        top: sides[0] as number,
        bottom: sides[1] as number,
        left: sides[2] as number,
        right: sides[3] as number,
        header: sides[4] as number,
        footer: sides[5] as number,
      }
    : undefined;
  const footerXml = /<oddFooter\b[^>]*>([\s\S]*?)<\/oddFooter>/u.exec(xml)?.[1];

  const grid: SheetGrid = {
    ...base,
    rowBreaks,
    ...(margins ? { margins } : {}),
    ...(footerXml ? { footer: text(footerXml) } : {}),
    defaultRowHeight,
    defaultColumnWidth,
    columnWidths,
    hiddenColumns,
    rowHeights,
    hiddenRows,
    merges,
    cells,
  };
  const printed = (address: string): boolean => {
    const { row, col } = parseCell(address);
    if (hiddenRows.has(row) || hiddenColumns.has(col)) return false;
    return (
      base.printAreas.length === 0 ||
      base.printAreas.some(
        (a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right
      )
    );
  };
  return { grid, uncached: formulas.filter(printed) };
}

/** Which form a sheet is, from its sheet-scoped names (as the checker finds its sheets). */
export function formOf(names: readonly DefinedName[]): FormKind | undefined {
  const ours = names.filter((n) => TEMPLATE_NAME.test(n.name));
  if (ours.length === 0) return undefined;
  return ours.some((n) => n.name.startsWith("SB")) ? "shenbao" : "huizong";
}

/** The template sheets of an .xlsx, in workbook order. Throws if the bytes are no xlsx. */
export async function readTemplateGrids(data: Buffer): Promise<ReadGrid[]> {
  const pkg = new XlsxPackage(data);
  const names = await readDefinedNames(data);
  const sst = pkg.text("xl/sharedStrings.xml") ?? "";
  const strings = elements(sst, "si").map((si) => runText(si.body));
  const xfs = readStyles(pkg.text("xl/styles.xml") ?? "");
  const out: ReadGrid[] = [];
  sheetParts(pkg).forEach((sheet, index) => {
    const own = names.filter((n) => n.sheetIndex === index);
    const form = formOf(own);
    if (!form) return;
    const xml = pkg.text(sheet.part);
    if (xml === undefined) return;
    const printArea = own.find((n) => n.name === "_xlnm.Print_Area");
    const titles = own.find((n) => n.name === "_xlnm.Print_Titles");
    const titleArea = titles
      ? areasOfReference(titles.ref).find((a) => a.left === 1 && a.right === MAX_COL)
      : undefined;
    const { grid, uncached } = readSheet(xml, strings, xfs, {
      name: sheet.name,
      form,
      printAreas: printArea ? areasOfReference(printArea.ref) : [],
      ...(titleArea ? { titleRows: { first: titleArea.top, last: titleArea.bottom } } : {}),
    });
    out.push({ grid, index, hidden: sheet.hidden, uncached });
  });
  return out;
}

/**
 * The grids with the formula results of a recalculated copy of the same workbook (LibreOffice's),
 * for the cells the original keeps no result for; sheets are matched by name.
 */
export function withResultsFrom(
  original: readonly ReadGrid[],
  recalculated: readonly ReadGrid[]
): ReadGrid[] {
  return original.map((r) => {
    const other = recalculated.find((x) => x.grid.name === r.grid.name);
    if (!other || r.uncached.length === 0) return r;
    const cells = new Map(r.grid.cells);
    const still: string[] = [];
    for (const address of r.uncached) {
      const computed = other.grid.cells.get(address);
      const own = cells.get(address);
      if (!computed || other.uncached.includes(address)) {
        still.push(address);
        continue;
      }
      cells.set(address, { ...(own ?? {}), value: computed.value });
    }
    return { ...r, grid: { ...r.grid, cells }, uncached: still };
  });
}
