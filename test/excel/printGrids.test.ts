/**
 * The pane's Word export reads the workbook through Office.js (Microsoft's client library against
 * the modelled host); the command line reads the same sheet from its .xlsx file. Both feed one
 * renderer, so for the same filled plan they must print the same thing: the same pages, rows,
 * texts (formula results included: the ticks, the growth rate), spans, bold and lines. And the
 * read stays within the request budget, in a bounded number of round trips.
 */
import {
  batchParams,
  buildHuizongPlan,
  EXAMPLE_A,
  findAuthority,
  guizhouRows,
  huizongRowCells,
  withFormValues,
  type Authority,
  type SheetPlan,
} from "../../src/domain";
import { docxOfSheets, printSheet, type PrintedSheet } from "../../src/export";
import { readTemplateGrids } from "../../src/export-node/workbook";
import { insertPlan } from "../../src/excel/insertPlan";
import { areaOfAddress, charactersOfPoints, readPrintGrids } from "../../src/excel/printGrids";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { templatePlan, templateXlsx } from "../../src/xlsx/templates";
import { docxParts, documentText, firstOutOfOrder } from "../export/docxText";
import { BUDGET_BYTES, FakeExcel } from "../officejs";
import { hostFor } from "../support/excel";
import { countSyncs } from "../support/syncs";

// Each case writes a whole 申报表 through the client library and reads it back: seconds on a busy
// machine, so the limit is generous rather than a timing assumption.
jest.setTimeout(60_000);

/** What a printout shows, without the measures the two readers get in different units. */
function shown(p: PrintedSheet): unknown {
  return {
    orientation: p.orientation,
    footer: p.footer,
    pages: p.pages.map((page) =>
      page.tables.map((t) => ({
        headerRows: t.headerRows,
        rows: t.rows.map((r) => ({
          sheetRow: r.sheetRow,
          cells: r.cells.map((c) => ({
            column: c.column,
            columnSpan: c.columnSpan,
            rowSpan: c.rowSpan,
            text: c.text,
            bold: c.bold,
            border: c.border,
          })),
        })),
      }))
    ),
  };
}

async function bothWays(plan: SheetPlan): Promise<{ office: PrintedSheet; file: PrintedSheet }> {
  const wb = new FakeExcel();
  await insertPlan(hostFor(wb), plan);
  const [officeGrid] = await readPrintGrids(hostFor(wb));
  const [fileGrid] = await readTemplateGrids(await templateXlsx(plan));
  if (!officeGrid || !fileGrid) throw new Error("no template sheet read");
  return { office: printSheet(officeGrid), file: printSheet(fileGrid.grid) };
}

const PLAN_TEXT = "推进主导产业提质增效,".repeat(200).slice(0, 2000);

describe("the 申报表 read through Office.js prints as the file does", () => {
  const plan = withFormValues(templatePlan("shenbao", 2022), {
    ...EXAMPLE_A.values,
    plan_text: PLAN_TEXT,
  });
  let office: PrintedSheet;
  let file: PrintedSheet;
  beforeAll(async () => {
    ({ office, file } = await bothWays(plan));
  });

  it("has the same pages, rows, texts, spans, bold and lines", () => {
    expect(shown(office)).toEqual(shown(file));
  });

  it("shows formula results as Excel displays them: the ticks from the drop-downs", () => {
    const texts = office.pages.flatMap((p) =>
      p.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text)))
    );
    expect(texts.some((x) => x.startsWith("□第一产业") && x.includes("☑第二产业"))).toBe(true);
    expect(texts.join("")).toContain(PLAN_TEXT);
  });

  it("sizes rows and columns as the file does", () => {
    const heights = (p: PrintedSheet): number[] =>
      p.pages.flatMap((pg) => pg.tables.flatMap((t) => t.rows.map((r) => r.height)));
    expect(heights(office)).toEqual(heights(file));
    const widths = (p: PrintedSheet): number[] => p.pages.flatMap((pg) => [...pg.columnWidths]);
    // Points → characters goes through whole pixels in Excel; a tenth of a character is the slack.
    const got = widths(office);
    widths(file).forEach((w, i) => expect(Math.abs((got[i] ?? 0) - w)).toBeLessThan(0.1));
    expect(office.margins).toEqual(file.margins);
  });

  it("becomes a Word document that reads in the official order", async () => {
    const wb = new FakeExcel();
    await insertPlan(hostFor(wb), plan);
    const bytes = await docxOfSheets(await readPrintGrids(hostFor(wb)));
    const text = documentText((await docxParts(bytes)).document);
    expect(
      firstOutOfOrder(text, [
        "附件2",
        "中小企业特色产业集群申报表",
        "浙江省甲县智能泵阀产业集群",
        "一、基本情况",
        "二、主导产业情况",
        "八、未来三年中小企业特色产业集群发展规划(3000字以内)",
        PLAN_TEXT.slice(0, 200),
      ])
    ).toBeUndefined();
  });
});

describe("the 汇总表 read through Office.js", () => {
  const authority = findAuthority("贵州省") as Authority;
  const base = buildHuizongPlan(batchParams(2024), PLAN_TEXT_ZH, authority);
  const filled = new Map(huizongRowCells(base, guizhouRows(5)).map((c) => [c.address, c.value]));
  const plan: SheetPlan = {
    ...base,
    cells: base.cells.map((c) =>
      filled.has(c.address) ? { ...c, value: filled.get(c.address) } : c
    ),
  };

  it("prints as the file does, landscape, the header row on every page", async () => {
    const { office, file } = await bothWays(plan);
    expect(office.orientation).toBe("landscape");
    expect(shown(office)).toEqual(shown(file));
  });
});

describe("reading for the export", () => {
  it("stays within the budget: list, page setup, cells in groups that fit, page breaks", async () => {
    const wb = new FakeExcel();
    const plan = withFormValues(templatePlan("shenbao", 2024), EXAMPLE_A.values);
    for (let i = 0; i < 4; i++) await insertPlan(hostFor(wb), plan);
    const { result: grids, syncs } = await countSyncs(wb, () => readPrintGrids(hostFor(wb)));
    expect(grids).toHaveLength(4);
    expect(syncs.writes).toBe(0);
    for (const r of syncs.requests) {
      expect(r.requestBytes).toBeLessThan(BUDGET_BYTES);
      expect(r.responseBytes).toBeLessThan(BUDGET_BYTES);
    }
    // Sheets, names, page setup, the cells in groups that fit one response, the page breaks.
    expect(syncs.sequence).toMatch(/^rrrrr+c$/u);
    expect(syncs.reads).toBeLessThanOrEqual(4 + 4 + 1);
  });

  it("finds nothing to export in a workbook without our templates", async () => {
    const wb = new FakeExcel();
    wb.seedSheet("Sheet1").cells({ A1: "自己的表" });
    expect(await readPrintGrids(hostFor(wb))).toEqual([]);
  });

  it("reads Office.js addresses and widths", () => {
    expect(areaOfAddress("'O''Brien'!$A$4:$G$185")).toEqual({
      top: 4,
      left: 1,
      bottom: 185,
      right: 7,
    });
    expect(areaOfAddress("申报表!$3:$3")).toEqual({ top: 3, left: 1, bottom: 3, right: 16384 });
    expect(areaOfAddress("Sheet1!B2")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(charactersOfPoints(48)).toBeCloseTo(8.43, 1);
  });
});
