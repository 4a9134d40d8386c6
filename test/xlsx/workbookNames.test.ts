/**
 * Forms whose names are at workbook scope, as a script filling a template through exceljs writes
 * them (exceljs keeps the names but drops their localSheetId): a name is the sheet's it points
 * into, when it points into exactly one sheet.
 */
import ExcelJS from "exceljs";
import { EXAMPLE_A, sheetOfReference } from "../../src/domain";
import { XlsxPackage } from "../../src/xlsx/package";
import { decideCheck } from "../../src/application/check";
import { FINDINGS_NAME } from "../../src/findings";
import { annotateLoaded } from "../../src/xlsx/annotate";
import { loadWorkbook, readTemplates, templatesOf } from "../../src/xlsx/read";
import { readDefinedNames, sheetNamesOf } from "../../src/xlsx/writer";
import { shenbaoXlsx } from "../support/xlsx";

const SHEET = "申报表-2024";

test("a form filled by a script through exceljs is read", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await shenbaoXlsx(2024, [EXAMPLE_A.values])) as unknown as ExcelJS.Buffer);
  const nameCell = wb.definedNames.getRanges("SB_name").ranges[0] ?? "";
  const ws = wb.getWorksheet(SHEET) as ExcelJS.Worksheet;
  ws.getCell(nameCell.replace(/^.*!/u, "").replace(/\$/gu, "")).value = "脚本填写的集群";
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  // What the script's file is like: no name is scoped to a sheet.
  const names = await readDefinedNames(data);
  expect(names.filter((n) => n.name.startsWith("SB_")).length).toBeGreaterThan(20);
  expect(
    names.filter((n) => n.name.startsWith("SB_")).every((n) => n.sheetIndex === undefined)
  ).toBe(true);

  const [read, ...others] = await readTemplates(data);
  expect(others).toEqual([]);
  expect(read?.sheet).toBe(SHEET);
  expect(read?.form).toBe("shenbao");
  expect(read?.batchYear).toBe(2024);
  expect(read?.form === "shenbao" && read.values).toEqual({
    ...(
      (await readTemplates(await shenbaoXlsx(2024, [EXAMPLE_A.values])))[0] as {
        values: object;
      }
    ).values,
    name: "脚本填写的集群",
  });
});

/** The form with its names moved to workbook scope, and `edit` applied to workbook.xml. */
async function unscoped(edit: (xml: string) => string): Promise<Buffer> {
  const data = await shenbaoXlsx(2024, [EXAMPLE_A.values], {
    before: (wb) => {
      const other = wb.addWorksheet("其他");
      other.getCell("B18").value = "不是这张表的";
      other.getCell("B7").value = "也不是";
    },
  });
  const pkg = new XlsxPackage(data);
  const xml = pkg.text("xl/workbook.xml") ?? "";
  pkg.put(
    "xl/workbook.xml",
    edit(xml.replace(/(<definedName name="SB_[^"]*") localSheetId="0"/gu, "$1"))
  );
  return pkg.toBuffer();
}

test("a workbook-scope name pointing at another sheet, or at two, is not the form's", async () => {
  const data = await unscoped((xml) =>
    xml
      .replace(
        /(<definedName name="SB_name">)[^<]*/u,
        (_, tag: string) => `${tag}&apos;其他&apos;!$B$18`
      )
      .replace(
        /(<definedName name="SB_cover_name">)[^<]*/u,
        (_, tag: string) => `${tag}&apos;${SHEET}&apos;!$B$7,&apos;其他&apos;!$B$7`
      )
  );
  const reads = await readTemplates(data);
  const form = reads.find((r) => r.sheet === SHEET);
  expect(form?.form).toBe("shenbao");
  if (form?.form !== "shenbao") return;
  expect(form.values.province).toBe(EXAMPLE_A.values.province);
  expect(form.values.name).toBeUndefined();
  expect(form.values.cover_name).toBeUndefined();
  // The sheet the name does point into has it, and nothing of the union.
  const other = reads.find((r) => r.sheet === "其他");
  expect(other?.form === "shenbao" && other.values).toEqual({ name: "不是这张表的" });
});

test("a sheet-scoped name outranks a workbook-scope one of the same name", async () => {
  const data = await unscoped((xml) =>
    xml.replace(
      /<definedName name="SB_name">[^<]*<\/definedName>/u,
      () =>
        `<definedName name="SB_name">&apos;其他&apos;!$B$18</definedName><definedName name="SB_name" localSheetId="0">&apos;${SHEET}&apos;!$B$18</definedName>`
    )
  );
  const [form] = (await readTemplates(data)).filter((r) => r.sheet === SHEET);
  expect(form?.form === "shenbao" && form.values.name).toBe(EXAMPLE_A.values.name);
});

test("the sheet a reference points into: one, or none", () => {
  expect(sheetOfReference("'O''Brien'!$A$1:$H$9")).toBe("O'Brien");
  expect(sheetOfReference("=Sheet1!$B$5")).toBe("Sheet1");
  expect(sheetOfReference("'甲'!$B$5,'乙'!$B$5")).toBeUndefined();
  expect(sheetOfReference("'甲'!$B$5,'甲'!$C$5")).toBe("甲");
  expect(sheetOfReference("Sheet1:Sheet2!$B$5")).toBe("Sheet1:Sheet2");
  expect(sheetOfReference("$B$5")).toBeUndefined();
});

test("a checked copy saved again by a script is checked again with one 审查结果 sheet", async () => {
  const first = await loadWorkbook(await shenbaoXlsx(2024, [EXAMPLE_A.values]));
  const copy = await annotateLoaded(
    first,
    decideCheck(templatesOf(first), { locale: "zh-CN" }),
    "zh-CN"
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(copy as unknown as ExcelJS.Buffer);
  const script = Buffer.from(await wb.xlsx.writeBuffer());
  expect((await readDefinedNames(script)).find((n) => n.name === FINDINGS_NAME)?.sheetIndex).toBe(
    undefined
  );

  const loaded = await loadWorkbook(script);
  const reads = templatesOf(loaded);
  expect(reads.map((r) => r.sheet)).toEqual([SHEET]);
  const again = await annotateLoaded(loaded, decideCheck(reads, { locale: "zh-CN" }), "zh-CN");
  const sheets = sheetNamesOf(new XlsxPackage(again).text("xl/workbook.xml") ?? "");
  expect(sheets).toEqual([SHEET, "审查结果"]);
  const findings = (await readDefinedNames(again)).filter((n) => n.name === FINDINGS_NAME);
  expect(findings.map((n) => sheets[n.sheetIndex ?? -1])).toEqual(["审查结果"]);
});
