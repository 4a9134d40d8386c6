/** What a sheet prints, on small grids: areas, hidden rows and columns, breaks, titles, merges. */
import { parseFooter, printSheet, type GridCell, type SheetGrid } from "../../src/export";
import { columnTwips } from "../../src/export/docx";

const LINE = { top: true, right: true, bottom: true, left: true };

function grid(cells: Record<string, Partial<GridCell>>, more: Partial<SheetGrid> = {}): SheetGrid {
  return {
    name: "申报表-2022",
    form: "shenbao",
    printAreas: [],
    rowBreaks: [],
    defaultRowHeight: 15,
    defaultColumnWidth: 8.43,
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
    hiddenRows: new Set(),
    merges: [],
    cells: new Map(Object.entries(cells).map(([a, c]) => [a, { value: null, ...c }])),
    ...more,
  };
}

const texts = (sheet: ReturnType<typeof printSheet>): string[][][] =>
  sheet.pages.map((p) => p.tables.flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.text))));

describe("printSheet", () => {
  it("prints the print area only, without hidden rows and columns", () => {
    const g = grid(
      {
        A1: { value: "标题" },
        B1: { value: "隐藏列" },
        C1: { value: 1.5, format: "0.00" },
        A2: { value: "隐藏行" },
        A3: { value: "三" },
        D3: { value: "区域外" },
      },
      {
        printAreas: [{ top: 1, left: 1, bottom: 3, right: 3 }],
        hiddenColumns: new Set([2]),
        hiddenRows: new Set([2]),
      }
    );
    const sheet = printSheet(g);
    expect(texts(sheet)).toEqual([
      [
        ["标题", "1.50"],
        ["三", ""],
      ],
    ]);
    expect(sheet.pages[0]?.columnWidths).toEqual([8.43, 8.43]);
  });

  it("prints the used range when no print area is set, and nothing for an empty sheet", () => {
    expect(texts(printSheet(grid({ B2: { value: "x" } })))).toEqual([
      [
        ["", ""],
        ["", "x"],
      ],
    ]);
    expect(printSheet(grid({})).pages).toEqual([]);
  });

  it("cuts whole-column print areas at the last row anything is set in", () => {
    const g = grid(
      { A1: { value: "a" }, A4: { value: "d" } },
      { printAreas: [{ top: 1, left: 1, bottom: 1048576, right: 1 }] }
    );
    expect(printSheet(g).pages[0]?.tables[0]?.rows).toHaveLength(4);
  });

  it("starts a page after each manual break and for each print area", () => {
    const cells = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`A${i + 1}`, { value: `r${i + 1}` }])
    );
    const g = grid(cells, {
      printAreas: [
        { top: 1, left: 1, bottom: 4, right: 1 },
        { top: 6, left: 1, bottom: 6, right: 1 },
      ],
      rowBreaks: [2],
    });
    expect(texts(printSheet(g))).toEqual([[["r1"], ["r2"]], [["r3"], ["r4"]], [["r6"]]]);
  });

  it("repeats the print titles at the top of every later page, as header rows", () => {
    const cells = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`A${i + 1}`, { value: `r${i + 1}` }])
    );
    const g = grid(cells, { titleRows: { first: 2, last: 2 }, rowBreaks: [3] });
    const sheet = printSheet(g);
    // Page 1: the row above the titles, then a table headed by them; page 2: titles + rows.
    expect(sheet.pages[0]?.tables.map((t) => t.headerRows)).toEqual([0, 1]);
    expect(sheet.pages[1]?.tables.map((t) => t.headerRows)).toEqual([1]);
    expect(texts(sheet)).toEqual([
      [["r1"], ["r2"], ["r3"]],
      [["r2"], ["r4"], ["r5"], ["r6"]],
    ]);
  });

  it("turns merges into spans, the text in the top-left cell, clipped at a page break", () => {
    const g = grid(
      {
        A1: { value: "横跨", border: LINE },
        B1: { border: LINE },
        A2: { value: "纵跨", border: LINE },
        A3: { border: LINE },
        B2: { value: "b2" },
        B3: { value: "b3" },
      },
      {
        merges: [
          { top: 1, left: 1, bottom: 1, right: 2 },
          { top: 2, left: 1, bottom: 3, right: 1 },
        ],
      }
    );
    const rows = printSheet(g).pages[0]?.tables[0]?.rows ?? [];
    expect(rows.map((r) => r.cells.map((c) => [c.text, c.columnSpan, c.rowSpan]))).toEqual([
      [["横跨", 2, 1]],
      [
        ["纵跨", 1, 2],
        ["b2", 1, 1],
      ],
      [["b3", 1, 1]],
    ]);
    expect(rows[2]?.cells[0]?.column).toBe(1);

    const broken = printSheet({ ...g, rowBreaks: [2] });
    expect(
      broken.pages.map((p) => p.tables[0]?.rows.map((r) => r.cells.map((c) => [c.text, c.rowSpan])))
    ).toEqual([
      [
        [["横跨", 1]],
        [
          ["纵跨", 1],
          ["b2", 1],
        ],
      ],
      [
        [
          ["", 1],
          ["b3", 1],
        ],
      ],
    ]);
  });

  it("draws a cell's edge when it or the cell across has a line there", () => {
    const g = grid({ A1: { value: "a", border: { right: true } }, B1: { value: "b" } });
    const [a, b] = printSheet(g).pages[0]?.tables[0]?.rows[0]?.cells ?? [];
    expect(a?.border).toEqual({ top: false, right: true, bottom: false, left: false });
    expect(b?.border).toEqual({ top: false, right: false, bottom: false, left: true });
  });

  it("aligns as Excel's General does and keeps the sheet's row heights", () => {
    const g = grid(
      {
        A1: { value: 5 },
        B1: { value: "x" },
        C1: { value: true },
        D1: { value: "c", hAlign: "center", vAlign: "top", bold: true, fontSize: 16 },
      },
      { rowHeights: new Map([[1, 127.6]]) }
    );
    const row = printSheet(g).pages[0]?.tables[0]?.rows[0];
    expect(row?.height).toBe(127.6);
    expect(row?.cells.map((c) => [c.text, c.hAlign, c.vAlign, c.bold, c.fontSize])).toEqual([
      ["5", "right", "bottom", false, 11],
      ["x", "left", "bottom", false, 11],
      ["TRUE", "center", "bottom", false, 11],
      ["c", "center", "top", true, 16],
    ]);
  });

  it("takes the host's displayed text when it has one", () => {
    const g = grid({ A1: { value: 0.5, format: "0%", text: "五成" } });
    expect(texts(printSheet(g))).toEqual([[["五成"]]]);
  });

  it("orients the 申报表 portrait and the 汇总表 landscape", () => {
    expect(printSheet(grid({ A1: { value: 1 } })).orientation).toBe("portrait");
    expect(printSheet(grid({ A1: { value: 1 } }, { form: "huizong" })).orientation).toBe(
      "landscape"
    );
  });
});

describe("footer and column widths", () => {
  it("reads Excel's footer codes", () => {
    expect(parseFooter("&C第 &P 页 共 &N 页")).toEqual({
      center: ["第 ", { field: "page" }, " 页 共 ", { field: "pages" }, " 页"],
    });
    expect(parseFooter('&L&"宋体,Bold"&12左&R右 && 页')).toEqual({
      left: ["左"],
      right: ["右 & 页"],
    });
    expect(parseFooter("")).toBeUndefined();
  });

  it("shares the text width as Excel draws the columns (7 px a character + 5)", () => {
    expect(columnTwips([44, 11, 11], 10000)).toEqual([6562, 1719, 1719]);
    expect(columnTwips([10, 10, 10], 1000).reduce((a, b) => a + b, 0)).toBe(1000);
  });
});
