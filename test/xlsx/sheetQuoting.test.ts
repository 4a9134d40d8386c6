/**
 * A form sheet whose name holds an apostrophe (O'Brien): every reference the writer, the checked
 * copy and a re-check of that copy build quotes it as Excel does ('O''Brien'!$A$1:$H$185), so
 * jiqun reads its own output again, and LibreOffice keeps the print area.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decideCheck } from "../../src/application/check";
import { EXAMPLE_A, quoteSheet, sheetRef } from "../../src/domain";
import { annotateLoaded } from "../../src/xlsx/annotate";
import { fillByNames } from "../../src/xlsx/fill";
import { XlsxPackage } from "../../src/xlsx/package";
import { loadWorkbook, templatesOf } from "../../src/xlsx/read";
import { templatePlan } from "../../src/xlsx/templates";
import { addPlanSheet, readDefinedNames, writeXlsx } from "../../src/xlsx/writer";
import { convert, libreOfficeAvailable } from "../support/libreoffice";

const SHEET = "O'Brien";
const plan = templatePlan("shenbao", 2024);
const area = plan.print.area.replace(/\$/gu, "").split(":") as [string, string];
const AREA = `'O''Brien'!$${area[0].replace(/(\d+)/u, "$$$1")}:$${area[1].replace(/(\d+)/u, "$$$1")}`;

async function form(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fillByNames(addPlanSheet(wb, plan, SHEET), plan, EXAMPLE_A.values);
  return writeXlsx(wb, [{ sheet: SHEET, plan }]);
}

async function checked(data: Buffer): Promise<Buffer> {
  const loaded = await loadWorkbook(data);
  const report = decideCheck(templatesOf(loaded), { locale: "zh-CN" });
  return annotateLoaded(loaded, report, "zh-CN");
}

const printArea = async (data: Buffer): Promise<string | undefined> =>
  (await readDefinedNames(data)).find((n) => n.name === "_xlnm.Print_Area" && n.sheetIndex === 0)
    ?.ref;

test("one quoting: apostrophes doubled, names that need no quotes left bare", () => {
  expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
  expect(quoteSheet("申报表-2024")).toBe("'申报表-2024'");
  expect(quoteSheet("Sheet1")).toBe("Sheet1");
  // A name that reads as a cell or an R1C1 reference must be quoted.
  expect(quoteSheet("A1")).toBe("'A1'");
  expect(quoteSheet("R1C1")).toBe("'R1C1'");
  expect(sheetRef("O'Brien", "$B$5")).toBe("'O''Brien'!$B$5");
});

test("a form sheet named O'Brien is read, checked, and its checked copy checked again", async () => {
  const file = await form();
  expect(await printArea(file)).toBe(AREA);
  const once = await checked(file);
  expect(await printArea(once)).toBe(AREA);
  const twice = await checked(once);
  expect(await printArea(twice)).toBe(AREA);
  const workbookXml = new XlsxPackage(twice).text("xl/workbook.xml") ?? "";
  expect(workbookXml).not.toContain("'O'Brien'");

  const [read] = templatesOf(await loadWorkbook(twice));
  expect(read?.sheet).toBe(SHEET);
  expect(read?.form).toBe("shenbao");
  const [original] = templatesOf(await loadWorkbook(file));
  expect(read?.form === "shenbao" && read.values).toEqual(
    original?.form === "shenbao" && original.values
  );
});

const itLo = libreOfficeAvailable() ? it : it.skip;

itLo(
  "LibreOffice opens the twice-checked copy with the print area intact",
  async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jiqun-quote-"));
    const input = path.join(dir, "twice.xlsx");
    writeFileSync(input, await checked(await checked(await form())));
    const resaved = await convert(input, "xlsx", path.join(dir, "out"));
    const ref = await printArea(readFileSync(resaved));
    expect(ref?.replace(/\$/gu, "")).toBe(AREA.replace(/\$/gu, ""));
  },
  120_000
);
