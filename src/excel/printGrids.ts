/**
 * The template sheets of the open workbook as SheetGrids (src/export), read through Office.js so
 * the pane exports what Excel shows and prints: the print areas with their displayed text
 * (Range.text, formula results included), fonts, alignment, wrapping, borders, row heights, column
 * widths, merges, manual page breaks, margins and footer. The same grids as the command line reads
 * from an .xlsx file, so one renderer makes the Word file in both.
 *
 * Round trips: two to list the sheets and their names, one for the page setup of every template
 * sheet, one per group of row bands whose cells fit the response budget (a 申报表 takes two: its
 * cells with their properties come to about 750 KB), and one for the cells after the page breaks.
 */
import { cell, parseCell } from "../domain/plan/address";
import type { Area, FormKind, GridCell, HAlign, SheetGrid, VAlign } from "../export/types";
import { WriterError } from "./errors";
import type { ExcelHost } from "./host";
import { runBatch } from "./run";
import { groupsWithin, listSheets } from "./scan";
import { EXPORT_REQUIREMENT } from "./requirements";

export { EXPORT_REQUIREMENT };

/**
 * What one read of cells may bring back, estimated before asking: three quarters of the add-in's
 * 1 MB budget per response. A cell's properties (font, alignment, wrap, and the style of each of
 * the eight edges Excel reports) with its text, value and type come to about 400 bytes of JSON; a
 * long text weighs more, so the budget keeps room.
 */
const READ_BYTES = 768 * 1024;
const BYTES_PER_CELL = 400;
/** Cells per read of one area at most: about 600 KB by the estimate above. */
const BAND_CELLS = 1_500;
/** The most cells one sheet may print: a 申报表 prints about 1,300, a full 汇总表 a few hundred. */
const MAX_PRINTED_CELLS = 100_000;

/**
 * Column widths: Office.js gives points, a SheetGrid keeps Excel's character units. In the Normal
 * style's font (Calibri 11 on Windows) a character unit is 7 px, and a column keeps 5 px of padding:
 * 8.43 characters are 64 px, 48 pt (1 px = 0.75 pt).
 */
export const charactersOfPoints = (points: number): number => Math.max(0, (points / 0.75 - 5) / 7);

const H_ALIGN: Readonly<Record<string, HAlign>> = {
  Left: "left",
  Center: "center",
  CenterAcrossSelection: "center",
  Right: "right",
  Justify: "justify",
  Distributed: "distributed",
  Fill: "left",
};
const V_ALIGN: Readonly<Record<string, VAlign>> = {
  Top: "top",
  Center: "center",
  Bottom: "bottom",
  Justify: "top",
  Distributed: "center",
};

const CELL_OPTIONS: Excel.CellPropertiesLoadOptions = {
  format: {
    font: { bold: true, size: true },
    horizontalAlignment: true,
    verticalAlignment: true,
    wrapText: true,
    // One set of options for every edge: the answer has top, bottom, left, right and the rest.
    borders: { style: true },
  },
};

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/**
 * An address as Office.js reports it → the area, 1-based: "申报表!$A$4:$G$185", "'O''Brien'!A4",
 * whole rows "Sheet1!$3:$3" (print titles), whole columns "Sheet1!$A:$C".
 */
export function areaOfAddress(address: string): Area {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/gu, "");
  const [from = "", to = from] = local.split(":");
  if (/^\d+$/u.test(from) && /^\d+$/u.test(to))
    return { top: Number(from), left: 1, bottom: Number(to), right: MAX_COL };
  if (/^[A-Z]+$/u.test(from) && /^[A-Z]+$/u.test(to))
    return {
      top: 1,
      left: parseCell(`${from}1`).col,
      bottom: MAX_ROW,
      right: parseCell(`${to}1`).col,
    };
  const a = parseCell(from);
  const b = parseCell(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

const cellsOf = (a: Area): number => (a.bottom - a.top + 1) * (a.right - a.left + 1);

const rangeOf = (sheet: Excel.Worksheet, a: Area): Excel.Range =>
  sheet.getRange(`${cell(a.top, a.left)}:${cell(a.bottom, a.right)}`);

interface PageSetup {
  readonly listed: {
    readonly sheet: Excel.Worksheet;
    readonly name: string;
    readonly form: FormKind;
  };
  readonly layout: Excel.PageLayout;
  readonly footer: Excel.HeaderFooter;
  readonly printArea: Excel.RangeAreas;
  readonly titleRows: Excel.Range;
  readonly used: Excel.Range;
  readonly breaks: OfficeExtension.ClientResult<number>;
}

interface AreaRead {
  readonly area: Area;
  readonly range: Excel.Range;
  readonly props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  readonly rows: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  readonly cols: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
  readonly merged: Excel.RangeAreas;
}

function queueArea(sheet: Excel.Worksheet, area: Area): AreaRead {
  const range = rangeOf(sheet, area).load("text,values,valueTypes");
  // isNullObject is only known after a load of the object itself.
  const merged = range.getMergedAreasOrNullObject().load("areaCount");
  merged.areas.load("items/address");
  return {
    area,
    range,
    props: range.getCellProperties(CELL_OPTIONS),
    rows: range.getRowProperties({ rowIndex: true, rowHidden: true, format: { rowHeight: true } }),
    cols: range.getColumnProperties({
      columnIndex: true,
      columnHidden: true,
      format: { columnWidth: true },
    }),
    merged,
  };
}

const isEdge = (style: string | undefined): boolean => style !== undefined && style !== "None";

function gridCell(
  value: unknown,
  type: string,
  text: string,
  p: Excel.CellProperties | undefined
): GridCell | undefined {
  const f = p?.format;
  const b = f?.borders;
  const border = {
    top: isEdge(b?.top?.style),
    bottom: isEdge(b?.bottom?.style),
    left: isEdge(b?.left?.style),
    right: isEdge(b?.right?.style),
  };
  const hAlign = f?.horizontalAlignment ? H_ALIGN[f.horizontalAlignment] : undefined;
  const vAlign = f?.verticalAlignment ? V_ALIGN[f.verticalAlignment] : undefined;
  const styled =
    f?.font?.bold === true ||
    f?.wrapText === true ||
    hAlign !== undefined ||
    Object.values(border).some(Boolean);
  if (text === "" && !styled) return undefined;
  const typed: GridCell["value"] =
    type === "Error"
      ? { error: String(value) }
      : typeof value === "number" || typeof value === "boolean"
        ? value
        : text === ""
          ? null
          : String(value);
  return {
    value: typed,
    text,
    ...(f?.font?.bold === true ? { bold: true } : {}),
    ...(typeof f?.font?.size === "number" ? { fontSize: f.font.size } : {}),
    ...(hAlign ? { hAlign } : {}),
    ...(vAlign ? { vAlign } : {}),
    ...(f?.wrapText === true ? { wrap: true } : {}),
    border,
  };
}

/** "&L…&C…&R…" from the three sections Office.js gives apart. */
function footerCode(footer: Excel.HeaderFooter): string | undefined {
  const parts: Array<[string, string]> = [
    ["&L", footer.leftFooter],
    ["&C", footer.centerFooter],
    ["&R", footer.rightFooter],
  ];
  const code = parts
    .filter(([, text]) => text !== "")
    .map(([tag, text]) => tag + text)
    .join("");
  return code || undefined;
}

/** Every visible template sheet of the workbook as it prints, in workbook order. */
export function readPrintGrids(host: ExcelHost): Promise<SheetGrid[]> {
  return runBatch(host, EXPORT_REQUIREMENT, async (context) => {
    const listed = (await listSheets(context))
      .filter((s) => s.area !== undefined && s.visibility === "Visible")
      .map((s) => ({
        sheet: s.sheet,
        name: s.sheet.name,
        form: (s.names.some((n) => n.name.startsWith("SB")) ? "shenbao" : "huizong") as FormKind,
      }));
    if (listed.length === 0) return [];

    const setups: PageSetup[] = listed.map((l) => {
      const layout = l.sheet.pageLayout.load(
        "leftMargin,rightMargin,topMargin,bottomMargin,headerMargin,footerMargin"
      );
      l.sheet.load("standardHeight,standardWidth");
      const printArea = layout.getPrintAreaOrNullObject().load("areaCount");
      printArea.areas.load("items/address");
      return {
        listed: l,
        layout,
        footer: layout.headersFooters.defaultForAllPages.load(
          "leftFooter,centerFooter,rightFooter"
        ),
        printArea,
        titleRows: layout.getPrintTitleRowsOrNullObject().load("address"),
        used: l.sheet.getUsedRangeOrNullObject().load("address"),
        breaks: l.sheet.horizontalPageBreaks.getCount(),
      };
    });
    await context.sync();

    const planned = setups.map((s) => {
      const areas = s.printArea.isNullObject
        ? s.used.isNullObject
          ? []
          : [areaOfAddress(s.used.address)]
        : s.printArea.areas.items.map((r) => areaOfAddress(r.address));
      const printed = areas.reduce((n, a) => n + cellsOf(a), 0);
      if (printed > MAX_PRINTED_CELLS)
        throw new WriterError("tooLarge", undefined, s.listed.name, `${printed} cells`);
      return { setup: s, areas, printed };
    });

    // Bands of rows, so no single read outgrows a response however large the print area; a band
    // reports the merges that start in it, so each merge is read once.
    const bands = planned.flatMap((p) =>
      p.areas.flatMap((a) => {
        const rows = Math.max(1, Math.floor(BAND_CELLS / (a.right - a.left + 1)));
        const out: Array<{ setup: PageSetup; area: Area }> = [];
        for (let top = a.top; top <= a.bottom; top += rows)
          out.push({
            setup: p.setup,
            area: { ...a, top, bottom: Math.min(a.bottom, top + rows - 1) },
          });
        return out;
      })
    );
    const reads = new Map<PageSetup, AreaRead[]>();
    for (const group of groupsWithin(bands, (b) => cellsOf(b.area) * BYTES_PER_CELL, READ_BYTES)) {
      for (const b of group)
        reads.set(b.setup, [
          ...(reads.get(b.setup) ?? []),
          queueArea(b.setup.listed.sheet, b.area),
        ]);
      // One round trip per group on purpose: a group is what fits in one response.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
    // The manual page breaks, all sheets at once (a few cells each).
    const breaks = new Map(
      planned.map((p) => {
        const collection = p.setup.listed.sheet.horizontalPageBreaks;
        return [
          p.setup,
          Array.from({ length: p.setup.breaks.value }, (_, i) =>
            collection.getItem(i).getCellAfterBreak().load("rowIndex")
          ),
        ] as const;
      })
    );
    await context.sync();

    return planned.map(({ setup, areas }): SheetGrid => {
      const got = { areas: reads.get(setup) ?? [], breaks: breaks.get(setup) ?? [] };
      const cells = new Map<string, GridCell>();
      const rowHeights = new Map<number, number>();
      const hiddenRows = new Set<number>();
      const columnWidths = new Map<number, number>();
      const hiddenColumns = new Set<number>();
      const merges: Area[] = [];
      for (const r of got.areas) {
        const { top, left } = r.area;
        r.range.text.forEach((line, i) =>
          line.forEach((text, j) => {
            const c = gridCell(
              r.range.values[i]?.[j],
              String(r.range.valueTypes[i]?.[j] ?? ""),
              text,
              r.props.value[i]?.[j]
            );
            if (c) cells.set(cell(top + i, left + j), c);
          })
        );
        for (const row of r.rows.value) {
          const n = (row.rowIndex ?? 0) + 1;
          if (row.rowHidden) hiddenRows.add(n);
          if (typeof row.format?.rowHeight === "number") rowHeights.set(n, row.format.rowHeight);
        }
        for (const col of r.cols.value) {
          const n = (col.columnIndex ?? 0) + 1;
          if (col.columnHidden) hiddenColumns.add(n);
          if (typeof col.format?.columnWidth === "number")
            columnWidths.set(n, charactersOfPoints(col.format.columnWidth));
        }
        if (!r.merged.isNullObject)
          for (const m of r.merged.areas.items) merges.push(areaOfAddress(m.address));
      }
      const sheet = setup.listed.sheet;
      const footer = footerCode(setup.footer);
      const titles = setup.titleRows.isNullObject
        ? undefined
        : areaOfAddress(setup.titleRows.address);
      // Inches to the thousandth, as Excel's page setup shows them (36 pt is 0.5, not 0.5000001).
      const inch = (points: number): number => Math.round((points / 72) * 1000) / 1000;
      return {
        name: setup.listed.name,
        form: setup.listed.form,
        printAreas: areas,
        ...(titles ? { titleRows: { first: titles.top, last: titles.bottom } } : {}),
        rowBreaks: got.breaks.map((b) => b.rowIndex).sort((a, b) => a - b),
        margins: {
          top: inch(setup.layout.topMargin),
          bottom: inch(setup.layout.bottomMargin),
          left: inch(setup.layout.leftMargin),
          right: inch(setup.layout.rightMargin),
          header: inch(setup.layout.headerMargin),
          footer: inch(setup.layout.footerMargin),
        },
        ...(footer ? { footer } : {}),
        defaultRowHeight: sheet.standardHeight,
        defaultColumnWidth: sheet.standardWidth,
        columnWidths,
        hiddenColumns,
        rowHeights,
        hiddenRows,
        merges,
        cells,
      };
    });
  });
}
