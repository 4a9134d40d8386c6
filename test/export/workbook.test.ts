/**
 * The .xlsx reader of the export: a written template read back as the plan made it, and a
 * hand-made workbook in the shapes other writers use (LibreOffice's escaped formats, cached empty
 * strings, rich and phonetic text, whole-column print areas, several areas, sheets not ours).
 */
import ExcelJS from "exceljs";
import { parseCell } from "../../src/domain";
import { formatValue } from "../../src/export";
import {
  areasOfReference,
  readTemplateGrids,
  withResultsFrom,
} from "../../src/export-node/workbook";
import { templatePlan, templateXlsx } from "../../src/xlsx/templates";
import { zip } from "../../src/xlsx/zip";

/** Whether an A1 area ("$A$4:$G$210") holds a cell ("B7"). */
function contains(area: string, cell: string): boolean {
  const [from, to = from] = area.replace(/\$/gu, "").split(":") as [string, string?];
  const a = parseCell(from);
  const b = parseCell(to);
  const c = parseCell(cell);
  return c.row >= a.row && c.row <= b.row && c.col >= a.col && c.col <= b.col;
}

describe("a template written by the project", () => {
  const plan = templatePlan("shenbao", 2022);

  it("reads back as planned: print setup, sizes, merges, formats, uncalculated formulas", async () => {
    const [read, ...more] = await readTemplateGrids(await templateXlsx(plan));
    expect(more).toEqual([]);
    const g = read?.grid;
    expect(g?.name).toBe(plan.sheetName);
    expect(g?.form).toBe("shenbao");
    expect(g?.printAreas).toEqual(areasOfReference(plan.print.area));
    // The 申报表 repeats no rows on its pages: the printed form is 附件2 alone.
    expect(plan.print.titleRows).toBeUndefined();
    expect(g?.titleRows).toBeUndefined();
    expect(g?.rowBreaks).toEqual(plan.print.breaksAfterRows);
    expect(g?.footer).toBe(`&C${plan.print.footer}`);
    expect(g?.margins).toEqual({
      left: 0.5,
      right: 0.5,
      top: 0.6,
      bottom: 0.6,
      header: 0.3,
      footer: 0.3,
    });
    plan.columnWidths.forEach((w, i) => expect(g?.columnWidths.get(i + 1)).toBe(w));
    expect([...(g?.hiddenColumns ?? [])]).toEqual(plan.hiddenColumns);
    for (const [row, h] of Object.entries(plan.rowHeights))
      expect(g?.rowHeights.get(Number(row))).toBe(h);
    expect(g?.merges).toHaveLength(plan.merges.length);
    for (const c of plan.cells.filter((x) => x.numberFormat))
      expect([c.address, g?.cells.get(c.address)?.format]).toEqual([c.address, c.numberFormat]);
    // Formulas written without a result: the printed ones (the hidden flag is not printed) that
    // the plan gives no result (the ☑/□ displays carry theirs).
    const printedFormulas = plan.cells
      .filter(
        (c) =>
          c.formula &&
          c.result === undefined &&
          plan.print.area.split(",").some((a) => contains(a, c.address))
      )
      .map((c) => c.address);
    expect([...(read?.uncached ?? [])].sort()).toEqual(printedFormulas.sort());
  });

  it("ignores sheets without our names", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "x";
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await readTemplateGrids(data)).toEqual([]);
  });
});

const part = (name: string, text: string): { name: string; data: Buffer } => ({
  name,
  data: Buffer.from(text, "utf8"),
});

/** A workbook as LibreOffice or Excel writes one, cut down to what the reader looks at. */
function handMade(cells: string, names: string): Buffer {
  return zip([
    part(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="申报表 (2)" sheetId="2" r:id="rId2"/></sheets><definedNames>${names}</definedNames></workbook>`
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`
    ),
    part(
      "xl/styles.xml",
      `<styleSheet><numFmts count="2"><numFmt numFmtId="170" formatCode="0.00\\%"/><numFmt numFmtId="171" formatCode="yyyy\\年m\\月d\\日"/></numFmts><fonts count="2"><font><sz val="11"/></font><font><b val="true"/><sz val="16"/></font></fonts><borders count="2"><border><left/><right/><top/><bottom/></border><border><left style="thin"><color rgb="FF000000"/></left><right style="hair"/><top style="none"/><bottom/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="1" borderId="1"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" borderId="0"/><xf numFmtId="170" fontId="0" borderId="1" applyNumberFormat="true"/><xf numFmtId="171" fontId="1" borderId="0"><alignment horizontal="centerContinuous" vertical="center" wrapText="true"/></xf><xf numFmtId="10" fontId="0" borderId="0"/></cellXfs></styleSheet>`
    ),
    part(
      "xl/sharedStrings.xml",
      `<sst count="2" uniqueCount="2"><si><r><t>集群</t></r><r><rPr><b/></rPr><t xml:space="preserve">名称 </t></r><rPh sb="0" eb="2"><t>ジグン</t></rPh></si><si><t>第一行_x000D_
第二行</t></si></sst>`
    ),
    part("xl/worksheets/sheet1.xml", `<worksheet><sheetData/></worksheet>`),
    part(
      "xl/worksheets/sheet2.xml",
      `<worksheet><sheetFormatPr baseColWidth="10" defaultRowHeight="16"/><cols><col min="2" max="3" width="20.5" customWidth="1"/><col min="4" max="4" width="5" hidden="true"/></cols><sheetData>${cells}</sheetData><mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><headerFooter><oddFooter>&amp;C第 &amp;P 页</oddFooter></headerFooter><rowBreaks count="2" manualBreakCount="1"><brk id="3" man="true" max="16383" min="0"/><brk id="4" max="16383"/></rowBreaks></worksheet>`
    ),
  ]);
}

describe("a workbook written elsewhere", () => {
  const cells = [
    `<row r="1" ht="30" customHeight="true"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="1"><f>B2*1</f><v>12.5</v></c><c r="C1" s="2"><v>45292</v></c></row>`,
    `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1" t="str"><f>IF(1,"","x")</f><v></v></c><c r="C2" t="inlineStr"><is><t>内联</t></is></c><c r="D2" s="3"><v>0.125</v></c></row>`,
    `<row r="3" hidden="1"><c r="A3" t="b"><v>1</v></c><c r="B3"><f>1/0</f></c><c r="C3" t="e"><v>#DIV/0!</v></c></row>`,
    `<row r="5"><c r="A5" t="str"><f>"合并"</f><v>合并</v></c><c r="E5"><f>SUM(A1)</f></c></row>`,
  ].join("");
  const names = [
    `<definedName name="SB_name" localSheetId="1">'申报表 (2)'!$A$1</definedName>`,
    `<definedName name="_xlnm.Print_Area" localSheetId="1">'申报表 (2)'!$A$1:$D$3,'申报表 (2)'!$A$5:$D$6</definedName>`,
    `<definedName name="_xlnm.Print_Titles" localSheetId="1">'申报表 (2)'!$A:$A,'申报表 (2)'!$1:$1</definedName>`,
    `<definedName name="SB_other">'说明'!$A$1</definedName>`,
  ].join("");

  it("finds only the sheet with sheet-scoped SB_/HZ_ names", async () => {
    const grids = await readTemplateGrids(handMade(cells, names));
    expect(grids.map((g) => [g.grid.name, g.index, g.grid.form])).toEqual([
      ["申报表 (2)", 1, "shenbao"],
    ]);
  });

  it("reads values, formats and looks as the file means them", async () => {
    const [read] = await readTemplateGrids(handMade(cells, names));
    const g = read?.grid;
    const at = (a: string) => g?.cells.get(a);
    expect(at("A1")?.value).toBe("集群名称 ");
    expect(at("A2")?.value).toBe("第一行\r\n第二行");
    // LibreOffice's 0.00\% is a literal percent sign: 12.5 shows 12.50%, not 1250.00%.
    expect(formatValue(at("B1")?.value ?? null, at("B1")?.format)).toBe("12.50%");
    expect(formatValue(at("D2")?.value ?? null, at("D2")?.format)).toBe("12.50%");
    expect(formatValue(at("C1")?.value ?? null, at("C1")?.format)).toBe("2024年1月1日");
    expect(at("B2")?.value).toBe("");
    expect(at("C2")?.value).toBe("内联");
    expect(at("A3")?.value).toBe(true);
    expect(at("C3")?.value).toEqual({ error: "#DIV/0!" });
    expect(at("B1")?.border).toEqual({ top: false, right: true, bottom: false, left: true });
    expect(at("C1")).toMatchObject({
      bold: true,
      fontSize: 16,
      hAlign: "center",
      vAlign: "center",
      wrap: true,
    });
    expect(g?.printAreas).toEqual([
      { top: 1, left: 1, bottom: 3, right: 4 },
      { top: 5, left: 1, bottom: 6, right: 4 },
    ]);
    expect(g?.titleRows).toEqual({ first: 1, last: 1 });
    expect(g?.rowBreaks).toEqual([3]);
    expect(g?.defaultRowHeight).toBe(16);
    expect(g?.defaultColumnWidth).toBe(10.43);
    expect(g?.columnWidths.get(3)).toBe(20.5);
    expect([...(g?.hiddenColumns ?? [])]).toEqual([4]);
    expect([...(g?.hiddenRows ?? [])]).toEqual([3]);
    expect(g?.rowHeights.get(1)).toBe(30);
    expect(g?.merges).toEqual([{ top: 5, left: 1, bottom: 6, right: 2 }]);
    expect(g?.footer).toBe("&C第 &P 页");
  });

  it("lists printed formulas without results: a cached empty string is a result", async () => {
    const [read] = await readTemplateGrids(handMade(cells, names));
    // B3 is in a hidden row and E5 outside the print areas: neither prints.
    expect(read?.uncached).toEqual([]);
    const [visible] = await readTemplateGrids(handMade(cells.replace(' hidden="1"', ""), names));
    expect(visible?.uncached).toEqual(["B3"]);
  });

  it("takes missing results from a recalculated copy, by sheet and address", async () => {
    const original = await readTemplateGrids(handMade(cells.replace(' hidden="1"', ""), names));
    const copy = await readTemplateGrids(
      handMade(
        cells
          .replace(' hidden="1"', "")
          .replace("<f>1/0</f>", "<f>1/0</f><v>#DIV/0!</v>")
          .replace('<c r="B3">', '<c r="B3" t="e">'),
        names
      )
    );
    const [merged] = withResultsFrom(original, copy);
    expect(merged?.uncached).toEqual([]);
    expect(merged?.grid.cells.get("B3")?.value).toEqual({ error: "#DIV/0!" });
    // A copy that could not compute it either leaves it missing.
    expect(withResultsFrom(original, original)[0]?.uncached).toEqual(["B3"]);
  });

  it("reads references to whole columns, whole rows and several areas", () => {
    expect(areasOfReference("'a,b'!$A:$H")).toEqual([
      { top: 1, left: 1, bottom: 1048576, right: 8 },
    ]);
    expect(areasOfReference("Sheet1!$3:$4")).toEqual([
      { top: 3, left: 1, bottom: 4, right: 16384 },
    ]);
    expect(areasOfReference("'申报表'!$A1:$H185").map((a) => a.bottom)).toEqual([185]);
  });
});
