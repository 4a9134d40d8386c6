/**
 * A sheet plan written straight as worksheet XML, for a copy patched part by part (see
 * annotate.ts). It covers what the 「审查结果」 plan uses: values, formulas, styles, column widths,
 * row heights, merges, frozen rows and the print setup. A plan using anything else (validations,
 * live highlights, tables, hidden columns, page breaks) is refused with an error rather than
 * written half; writer.ts's addPlanSheet writes every plan.
 */
import { absolute, cell, parseCell, sheetRef, type PlanCell, type SheetPlan } from "../domain";
import { xmlEscape } from "./package";
import type { StylesPart } from "./styles";
import { planNames, type DefinedName } from "./writer";

/** Characters XML 1.0 cannot carry (control characters, lone surrogates) are dropped. */
const xmlText = (s: string): string =>
  xmlEscape(s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ""));

function cellXml(c: PlanCell, style: number | undefined): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (c.formula !== undefined)
    return `<c r="${c.address}"${s}><f>${xmlText(c.formula.replace(/^=/u, ""))}</f></c>`;
  if (typeof c.value === "number" && Number.isFinite(c.value))
    return `<c r="${c.address}"${s}><v>${c.value}</v></c>`;
  if (c.value !== undefined && c.value !== "")
    // An inline string: text, whatever it starts with, is never a formula.
    return `<c r="${c.address}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(c.value))}</t></is></c>`;
  return `<c r="${c.address}"${s}/>`;
}

export interface PlanSheetXml {
  readonly xml: string;
  /** The plan's names and its print area and title rows, scoped to the sheet. */
  readonly names: DefinedName[];
}

export function planSheetXml(
  plan: SheetPlan,
  name: string,
  sheetIndex: number,
  styles: StylesPart
): PlanSheetXml {
  const unsupported = [
    plan.validations.length && "validations",
    plan.highlights.length && "highlights",
    plan.table && "table",
    plan.hiddenColumns.length && "hiddenColumns",
    plan.print.breaksAfterRows.length && "breaksAfterRows",
    plan.cells.some((c) => c.numberFormat) && "numberFormat",
  ].filter(Boolean);
  if (unsupported.length) throw new Error(`planSheetXml: ${unsupported.join(", ")} not supported`);

  const rows = new Map<number, { col: number; xml: string }[]>();
  let maxRow = 1;
  let maxCol = 1;
  for (const c of plan.cells) {
    const { row, col } = parseCell(c.address);
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, col);
    const style = c.style ? styles.xf(plan.styles[c.style]) : undefined;
    const list = rows.get(row) ?? [];
    list.push({ col, xml: cellXml(c, style) });
    rows.set(row, list);
  }
  for (const r of Object.keys(plan.rowHeights)) if (!rows.has(Number(r))) rows.set(Number(r), []);
  const sheetData = [...rows]
    .sort(([a], [b]) => a - b)
    .map(([row, cells]) => {
      const h = plan.rowHeights[row];
      const height = h === undefined ? "" : ` ht="${h}" customHeight="1"`;
      const body = cells
        .sort((a, b) => a.col - b.col)
        .map((c) => c.xml)
        .join("");
      return `<row r="${row}"${height}>${body}</row>`;
    })
    .join("");

  const { rows: frozenRows, columns: frozenCols } = plan.freeze;
  const topLeft = cell(frozenRows + 1, frozenCols + 1);
  const pane =
    frozenRows || frozenCols
      ? `<pane${frozenCols ? ` xSplit="${frozenCols}"` : ""}${frozenRows ? ` ySplit="${frozenRows}"` : ""} topLeftCell="${topLeft}" activePane="${
          frozenRows && frozenCols ? "bottomRight" : frozenRows ? "bottomLeft" : "topRight"
        }" state="frozen"/>`
      : "";
  const cols = plan.columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const merges = plan.merges.length
    ? `<mergeCells count="${plan.merges.length}">${plan.merges
        .map((m) => `<mergeCell ref="${m.replace(/\$/gu, "")}"/>`)
        .join("")}</mergeCells>`
    : "";
  const p = plan.print;
  const last = cell(maxRow, maxCol);
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${sheetData}</sheetData>` +
    merges +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${p.orientation === "Portrait" ? "portrait" : "landscape"}" fitToWidth="${p.fitToPagesWide}" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>${xmlText(`&C${p.footer}`)}</oddFooter></headerFooter>` +
    "</worksheet>";

  const ref = (address: string): string => sheetRef(name, address);
  const names: DefinedName[] = [
    ...planNames(plan, name, sheetIndex),
    { name: "_xlnm.Print_Area", sheetIndex, ref: ref(absolute(p.area.replace(/\$/gu, ""))) },
    ...(p.titleRows ? [{ name: "_xlnm.Print_Titles", sheetIndex, ref: ref(p.titleRows) }] : []),
  ];
  return { xml, names };
}
