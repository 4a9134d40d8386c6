/**
 * LibreOffice as the independent check of the templates: it opens the files, recalculates, and
 * its own output (HTML export, re-saved xlsx, PDF) must show the labels, merges, formats, names,
 * validations and derived values the domain helpers compute. (`npm run docs:images` renders the
 * README's pictures of the printed forms.)
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  batchParams,
  cagrFromLevels,
  codePointLength,
  EXAMPLE_A,
  fieldName,
  findAuthority,
  geometricMeanOfRates,
  guizhouRows,
  type Authority,
  type SheetPlan,
} from "../../src/domain";
import { fillByNames, fillHuizongRows } from "../../src/xlsx/fill";
import { templatePlan } from "../../src/xlsx/templates";
import { addPlanSheet, readDefinedNames, writeXlsx } from "../../src/xlsx/writer";
import {
  cellAt,
  convert,
  htmlCells,
  libreOfficeAvailable,
  pdfToPng,
  type HtmlSheet,
} from "../support/libreoffice";

const available = libreOfficeAvailable();
const inCi = Boolean(process.env.CI);
if (!available && !inCi)
  console.warn(
    "LibreOffice is not installed: skipping the template checks (tools/ensure-libreoffice.sh)."
  );
const describeLo = available || inCi ? describe : describe.skip;

const dir = mkdtempSync(path.join(tmpdir(), "jiqun-lo-"));

async function writeFilled(
  plan: SheetPlan,
  fill: (ws: ExcelJS.Worksheet) => void,
  file: string
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = addPlanSheet(wb, plan);
  fill(ws);
  const out = path.join(dir, file);
  writeFileSync(out, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
  return out;
}

const first = (plan: SheetPlan, name: string): string =>
  (plan.names
    .find((n) => n.name === name)
    ?.address.replace(/\$/gu, "")
    .split(":")[0] as string) ?? "";

function expectClose(actual: number | undefined, expected: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected))
  );
}

describeLo("templates opened and recalculated by LibreOffice", () => {
  const plan = templatePlan("shenbao", 2022);
  const a = EXAMPLE_A.values;
  let sheet: HtmlSheet;
  let file: string;

  beforeAll(async () => {
    file = await writeFilled(plan, (ws) => fillByNames(ws, plan, a), "shenbao-A.xlsx");
    const [html] = htmlCells(await convert(file, "html", dir));
    sheet = html as HtmlSheet;
  }, 120_000);

  it("shows the official labels, the title merged across the form, and the batch's years", () => {
    const title = plan.cells.find((c) => c.value === "中小企业特色产业集群申报表")?.address ?? "";
    expect(cellAt(sheet, title)).toMatchObject({ text: "中小企业特色产业集群申报表", colSpan: 7 });
    const texts = sheet.rows.flat().map((c) => c.text);
    for (const label of [
      "一、基本情况",
      "集群总产值(亿元)",
      "主导产业情况(近三年)",
      "2019年",
      "2021年",
      "真实性声明",
    ]) {
      expect(texts).toContain(label);
    }
    // Choices print as tick boxes, recalculated from the drop-downs beside the form.
    expect(texts).toContain("□第一产业  ☑第二产业  □第三产业");
    expect(texts).toContain("□是  □否  ☑不涉及");
  });

  it("applies the number formats: percentages as 82.00%, amounts with 2 decimals", () => {
    expect(cellAt(sheet, first(plan, fieldName("sme_output_share"))).text).toBe("82.00%");
    expect(cellAt(sheet, first(plan, fieldName("output_total"))).text).toBe("52.00");
    expect(cellAt(sheet, first(plan, fieldName("employees"))).text).toBe("38000");
  });

  it("recalculates every derived cell to what the domain helpers compute (1e-9 relative)", () => {
    const derived = (id: string) => cellAt(sheet, first(plan, `SBX_${id}`)).value;
    const cagr = cagrFromLevels(a.output_total as number[]);
    expectClose(derived("output_total"), cagr.ok ? cagr.value * 100 : NaN);
    for (const id of ["lead_output_growth", "rd_growth"]) {
      const g = geometricMeanOfRates(a[id] as number[]);
      expectClose(derived(id), g.ok ? g.value : NaN);
    }
    expectClose(
      derived("patents_per_10k"),
      ((a.patents as number) / (a.employees as number)) * 10000
    );
    for (const id of ["chain_cultivation", "plan_text", "carbon_work"]) {
      expectClose(derived(id), codePointLength(String(a[id])));
    }
    expect(cellAt(sheet, first(plan, "SBX_output_total")).text).toMatch(/^12\.\d\d%$/u);
  });

  it("keeps the names and the validations when LibreOffice re-saves the file", async () => {
    const resaved = await convert(file, "xlsx", path.join(dir, "resaved"));
    const names = (await readDefinedNames(readFileSync(resaved))).map((n) => n.name);
    for (const n of plan.names) expect(names).toContain(n.name);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(resaved);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell(first(plan, fieldName("gate_no_incident"))).dataValidation).toMatchObject({
      type: "list",
    });
    expect(ws.getCell(first(plan, fieldName("supply_chain_risk"))).dataValidation).toMatchObject({
      type: "textLength",
    });
  }, 120_000);

  it("renders the filled form to legible A4 pages (PNG)", async () => {
    const pdf = await convert(file, "pdf", path.join(dir, "pdf"));
    const pages = await pdfToPng(pdf, path.join(dir, "png", "shenbao"), { dpi: 80 });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) expect(statSync(p).size).toBeGreaterThan(10_000);
  }, 120_000);

  it("the 汇总表: title, official columns, 简介 character count computed", async () => {
    const hz = templatePlan("huizong", 2023, findAuthority("贵州省") as Authority);
    const rows = guizhouRows(6);
    const hzFile = await writeFilled(hz, (ws) => fillHuizongRows(ws, hz, rows), "huizong.xlsx");
    const [html] = htmlCells(await convert(hzFile, "html", dir));
    const s = html as HtmlSheet;
    expect(cellAt(s, "A1").text).toBe("附件1");
    expect(cellAt(s, "A2").text).toBe("2023年度中小企业特色产业集群推荐汇总表");
    expect(["A4", "B4", "G4"].map((x) => cellAt(s, x).text)).toEqual([
      "序号",
      "集群名称",
      "集群简介(150字以内)",
    ]);
    expect(cellAt(s, "H5").value).toBe(codePointLength(String(rows[0]?.intro)));
  }, 120_000);

  it("the batch decides the years: 2025 shows 2022–2024", async () => {
    const p = templatePlan("shenbao", 2025);
    const f = await writeFilled(p, () => undefined, "shenbao-2025.xlsx");
    const [html] = htmlCells(await convert(f, "html", dir));
    const texts = (html as HtmlSheet).rows.flat().map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(["2022年", "2023年", "2024年", "(3)2027年度"]));
    expect(texts).not.toContain("2019年");
    expect(batchParams(2025).dataYears).toEqual([2022, 2023, 2024]);
  }, 120_000);
});
