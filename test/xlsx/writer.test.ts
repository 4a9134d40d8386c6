/** The xlsx writer produces the plan: read the file back (exceljs, and workbook.xml for name scope). */
import ExcelJS from "exceljs";
import { findAuthority, type Authority, type SheetPlan } from "../../src/domain";
import { XlsxPackage } from "../../src/xlsx/package";
import { readDefinedNames } from "../../src/xlsx/writer";
import { templatePlan, templateXlsx } from "../../src/xlsx/templates";

async function roundTrip(plan: SheetPlan): Promise<{ ws: ExcelJS.Worksheet; buffer: Buffer }> {
  const buffer = await templateXlsx(plan);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return { ws: wb.worksheets[0] as ExcelJS.Worksheet, buffer };
}

describe("xlsx writer: 申报表", () => {
  const plan = templatePlan("shenbao", 2022);
  let ws: ExcelJS.Worksheet;
  let buffer: Buffer;
  beforeAll(async () => ({ ws, buffer } = await roundTrip(plan)));

  it("writes every literal and formula cell of the plan", () => {
    expect(ws.name).toBe("申报表-2022");
    for (const c of plan.cells) {
      const got = ws.getCell(c.address);
      if (c.formula) expect([c.address, got.formula]).toEqual([c.address, c.formula.slice(1)]);
      else if (c.value !== undefined && c.value !== "") {
        // Merged cells other than the master read back as the master's value; compare masters only.
        if (got.isMerged && got.master.address !== c.address) continue;
        expect([c.address, got.value]).toEqual([c.address, c.value]);
      }
      if (c.numberFormat && !(got.isMerged && got.master.address !== c.address)) {
        expect([c.address, got.numFmt]).toEqual([c.address, c.numberFormat]);
      }
    }
  });

  it("keeps RRI behind _xlfn. so Excel and LibreOffice know the function", () => {
    const rri = plan.cells.filter((c) => c.formula?.includes("RRI"));
    expect(rri.length).toBeGreaterThan(0);
    for (const c of rri) expect(ws.getCell(c.address).formula).toContain("_xlfn.RRI(");
  });

  it("merges every planned range", () => {
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect([...merges].sort()).toEqual(plan.merges.map((m) => m.replace(/\$/gu, "")).sort());
  });

  it("names are sheet-scoped and point at the planned ranges", async () => {
    const names = await readDefinedNames(buffer);
    for (const n of plan.names) {
      expect(names).toContainEqual({
        name: n.name,
        sheetIndex: 0,
        ref: `'申报表-2022'!${n.address}`,
      });
    }
  });

  it("data validation with Chinese prompts on each input", () => {
    const gate = plan.names
      .find((n) => n.name === "SB_gate_no_incident")
      ?.address.replace(/\$/gu, "") as string;
    expect(ws.getCell(gate).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"是,否"'],
      promptTitle: "请选择",
    });
    const share = plan.names
      .find((n) => n.name === "SB_sme_output_share")
      ?.address.replace(/\$/gu, "")
      .split(":")[0] as string;
    expect(ws.getCell(share).dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
    });
  });

  it("print setup: A4 at 100 %, the form's area (an absolute reference), margins, centred, black and white, page-number footer; frozen panes", async () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: false,
      scale: 100,
      horizontalCentered: true,
      blackAndWhite: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    });
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(ws.getColumn(10).hidden).toBe(true);
    // The area's defined name is absolute, or LibreOffice prints the whole sheet.
    const names = await readDefinedNames(buffer);
    expect(names.filter((n) => n.name === "_xlnm.Print_Area")).toEqual([
      { name: "_xlnm.Print_Area", sheetIndex: 0, ref: `'申报表-2022'!${plan.print.area}` },
    ]);
    expect(plan.print.area).toMatch(/^\$A\$4:\$G\$\d+$/u);
  });

  it("manual page breaks where the plan puts them; every row's height", () => {
    const xml = new XlsxPackage(buffer).text("xl/worksheets/sheet1.xml") ?? "";
    const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/gu)].map((m) => Number(m[1]));
    expect(breaks).toEqual(plan.print.breaksAfterRows);
    for (const [row, h] of Object.entries(plan.rowHeights))
      expect(ws.getRow(Number(row)).height).toBe(h);
  });

  it("a printed display formula carries its known text as the cached result", () => {
    const shown = plan.cells.filter((c) => c.shows);
    expect(shown.length).toBeGreaterThan(50);
    for (const c of shown)
      expect([c.address, ws.getCell(c.address).result]).toEqual([c.address, c.result]);
  });
});

describe("xlsx writer: 推荐汇总表", () => {
  it("an Excel table with the official columns and the authority's row count", async () => {
    const plan = templatePlan("huizong", 2024, findAuthority("贵州省") as Authority);
    const { ws, buffer } = await roundTrip(plan);
    const table = ws.getTable("HZ_2024") as unknown as {
      table: { ref: string; columns: { name: string }[] };
    };
    expect(table.table.columns.map((c) => c.name)).toEqual(plan.table?.headers);
    expect(ws.getCell("A1").value).toBe("附件1");
    expect(ws.getCell("A2").value).toBe("2024年度中小企业特色产业集群推荐汇总表");
    expect(ws.getCell("C3").value).toBe("贵州省");
    expect(ws.getCell("A5").value).toBe(1);
    expect(ws.getCell("A12").value).toBe(8);
    const names = await readDefinedNames(buffer);
    expect(names).toContainEqual({
      name: "HZ_intro",
      sheetIndex: 0,
      ref: "'推荐汇总表-2024'!$G$5:$G$12",
    });
  });
});
