/**
 * Printed sheets → an editable Word document (the `docx` package, which runs in Node and in the
 * browser alike): one section per sheet on A4, portrait for the 申报表 and landscape for the
 * 汇总表; each printed page is a Word table whose columns share the text width in the sheet's
 * proportions, with the sheet's merges as spans, its lines as cell borders and its row heights
 * as minimum heights. Text is 宋体 at no less than 10 pt and may grow a row; rows break across
 * pages, so a plan of thousands of characters flows on; print titles repeat as header rows.
 * Pages are numbered through the document: LibreOffice leaves a per-section count (SECTIONPAGES)
 * blank, and the PDF is LibreOffice's rendering, so &N is the document's page count (NUMPAGES).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from "docx";
import type {
  FooterPiece,
  HAlign,
  PrintedCell,
  PrintedPage,
  PrintedSheet,
  PrintedTable,
  VAlign,
} from "./types";

/** 宋体: Word finds it as SimSun for Latin text and 宋体 for Chinese, on Chinese and other systems. */
export const FONT = { ascii: "SimSun", hAnsi: "SimSun", eastAsia: "宋体", cs: "SimSun" } as const;
/** The official forms' smallest text; smaller sheet fonts are raised to it. */
export const MIN_FONT_PT = 10;
/** A4 in twips (1/20 pt): 210 × 297 mm. */
const A4 = { width: 11906, height: 16838 } as const;
const TWIPS_PER_INCH = 1440;
const TWIPS_PER_PT = 20;
/** Room between a cell's lines and its text, as Excel leaves about 2 px (≈ 1.5 pt) a side. */
const CELL_MARGIN = { left: 40, right: 40, top: 0, bottom: 0 } as const;

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const NO_LINE: IBorderOptions = { style: BorderStyle.NIL, size: 0, color: "auto" };

const ALIGN: Readonly<Record<HAlign, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
  distributed: AlignmentType.DISTRIBUTE,
};
const VALIGN: Readonly<
  Record<VAlign, (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable]>
> = {
  top: VerticalAlignTable.TOP,
  center: VerticalAlignTable.CENTER,
  bottom: VerticalAlignTable.BOTTOM,
};

/** Excel draws a column `w` characters wide as trunc(7w + 5) px: shares of the text width follow that. */
const columnPixels = (w: number): number => Math.max(0, Math.trunc(w * 7 + 5));

/** Twips per printed column, summing exactly to `total`. */
export function columnTwips(widths: readonly number[], total: number): number[] {
  const px = widths.map(columnPixels);
  const sum = px.reduce((a, b) => a + b, 0) || 1;
  let used = 0;
  return px.map((p, i) => {
    const twips = i === px.length - 1 ? total - used : Math.round((p / sum) * total);
    used += twips;
    return twips;
  });
}

/** An empty paragraph 1 pt high: the separator Word needs between two tables. */
const spacer = (pageBreakBefore = false): Paragraph =>
  new Paragraph({
    pageBreakBefore,
    spacing: { before: 0, after: 0, line: TWIPS_PER_PT, lineRule: LineRuleType.EXACT },
    run: { size: 2 },
  });

function cellParagraphs(c: PrintedCell): Paragraph[] {
  const size = Math.round(Math.max(MIN_FONT_PT, c.fontSize) * 2);
  return c.text.split("\n").map(
    (line) =>
      new Paragraph({
        alignment: ALIGN[c.hAlign],
        spacing: { before: 0, after: 0 },
        // The paragraph mark's size: an empty cell is as tall as its text would be.
        run: { size },
        children: line
          ? [new TextRun({ text: line, size, font: FONT, ...(c.bold ? { bold: true } : {}) })]
          : [],
      })
  );
}

function table(t: PrintedTable, twips: readonly number[]): Table {
  const total = twips.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...twips],
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGIN,
    borders: {
      top: NO_LINE,
      bottom: NO_LINE,
      left: NO_LINE,
      right: NO_LINE,
      insideHorizontal: NO_LINE,
      insideVertical: NO_LINE,
    },
    rows: t.rows.map(
      (row, i) =>
        new TableRow({
          // Rows may break across pages (Word's default, left unsaid): a plan of thousands of
          // characters is one cell.
          ...(i < t.headerRows ? { tableHeader: true } : {}),
          height: { value: Math.round(row.height * TWIPS_PER_PT), rule: HeightRule.ATLEAST },
          children: row.cells.map(
            (c) =>
              new TableCell({
                columnSpan: c.columnSpan,
                rowSpan: c.rowSpan,
                width: {
                  size: twips.slice(c.column, c.column + c.columnSpan).reduce((a, b) => a + b, 0),
                  type: WidthType.DXA,
                },
                verticalAlign: VALIGN[c.vAlign],
                borders: {
                  top: c.border.top ? LINE : NO_LINE,
                  bottom: c.border.bottom ? LINE : NO_LINE,
                  left: c.border.left ? LINE : NO_LINE,
                  right: c.border.right ? LINE : NO_LINE,
                },
                children: cellParagraphs(c),
              })
          ),
        })
    ),
  });
}

function footerOf(sheet: PrintedSheet, textWidth: number): Footer | undefined {
  const f = sheet.footer;
  if (!f) return undefined;
  const runs = (
    pieces: readonly FooterPiece[] | undefined
  ): (string | (typeof PageNumber)[keyof typeof PageNumber])[] =>
    (pieces ?? []).map((p) =>
      typeof p === "string" ? p : p.field === "page" ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES
    );
  const size = MIN_FONT_PT * 2;
  const only = !f.left && !f.right;
  // Left, centre and right sections share one line through a centre and a right tab stop.
  const children = only
    ? [new TextRun({ children: runs(f.center), size, font: FONT })]
    : [
        new TextRun({ children: runs(f.left), size, font: FONT }),
        new TextRun({ children: ["\t", ...runs(f.center)], size, font: FONT }),
        new TextRun({ children: ["\t", ...runs(f.right)], size, font: FONT }),
      ];
  return new Footer({
    children: [
      new Paragraph({
        alignment: only ? AlignmentType.CENTER : AlignmentType.LEFT,
        tabStops: only
          ? []
          : [
              { type: TabStopType.CENTER, position: Math.round(textWidth / 2) },
              { type: TabStopType.RIGHT, position: textWidth },
            ],
        children,
      }),
    ],
  });
}

function section(sheet: PrintedSheet): ISectionOptions {
  const m = sheet.margins;
  const twips = (inches: number): number => Math.round(inches * TWIPS_PER_INCH);
  const landscape = sheet.orientation === "landscape";
  const pageWidth = landscape ? A4.height : A4.width;
  const textWidth = pageWidth - twips(m.left) - twips(m.right);
  const children: (Paragraph | Table)[] = [];
  sheet.pages.forEach((page: PrintedPage, p) => {
    const widths = columnTwips(page.columnWidths, textWidth);
    page.tables.forEach((t, i) => {
      if (p > 0 || i > 0) children.push(spacer(p > 0 && i === 0));
      children.push(table(t, widths));
    });
  });
  // Word ends a section with a paragraph (it carries the section's properties).
  children.push(spacer());
  const footer = footerOf(sheet, textWidth);
  return {
    properties: {
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: twips(m.top),
          bottom: twips(m.bottom),
          left: twips(m.left),
          right: twips(m.right),
          header: twips(m.header),
          footer: twips(m.footer),
        },
      },
    },
    ...(footer ? { footers: { default: footer } } : {}),
    children,
  };
}

/** The Word document of the printed sheets, as the bytes of a .docx file. */
export async function renderDocx(
  sheets: readonly PrintedSheet[],
  meta: { readonly title?: string; readonly creator?: string } = {}
): Promise<Uint8Array> {
  const doc = new Document({
    creator: meta.creator ?? "",
    title: meta.title ?? sheets.map((s) => s.sheet).join("、"),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: MIN_FONT_PT * 2 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: sheets.map(section),
  });
  return Packer.pack(doc, "uint8array");
}
