/**
 * Formulas a script wrote without a result (<c r="B33"><f>50+2</f></c>, no <v>): recalculated
 * through LibreOffice when it is there, else each such cell a field reads gets an error naming
 * the field and the cell and saying to open and save the file in Excel or WPS first. Never read
 * as blank silently. JIQUN_SOFFICE=none (or loadWorkbook's soffice: null) forces the second way.
 */
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decideCheck } from "../../src/application/check";
import { EXAMPLE_A, findAuthority, guizhouRows, type Authority } from "../../src/domain";
import type { FindingRecord } from "../../src/findings";
import { fillHuizongRows } from "../../src/xlsx/fill";
import { loadWorkbook, sofficeFor, templatesOf, type ReadSheet } from "../../src/xlsx/read";
import { templatePlan } from "../../src/xlsx/templates";
import { addPlanSheet, writeXlsx } from "../../src/xlsx/writer";
import ExcelJS from "exceljs";
import { libreOfficeAvailable } from "../support/libreoffice";
import { shenbaoXlsx } from "../support/xlsx";

/** 集群总产值's first year (B33) as a formula with no result. */
const shenbao = (): Promise<Buffer> =>
  shenbaoXlsx(2024, [EXAMPLE_A.values], {
    eachSheet: (ws) => {
      ws.getCell("B33").value = { formula: "50+2" } as ExcelJS.CellFormulaValue;
    },
  });

/** 贵州's 汇总表 with row 2's 主导产业 (E6) a formula with no result. */
async function huizong(): Promise<Buffer> {
  const plan = templatePlan("huizong", 2023, findAuthority("贵州省") as Authority);
  const wb = new ExcelJS.Workbook();
  const ws = addPlanSheet(wb, plan);
  fillHuizongRows(ws, plan, guizhouRows(3));
  const industry = plan.names.find((n) => n.name === "HZ_industry")?.address ?? "";
  const second = `${industry.replace(/\$/gu, "").replace(/^([A-Z]+)(\d+).*$/u, (_, c: string, r: string) => `${c}${Number(r) + 1}`)}`;
  ws.getCell(second).value = { formula: '"白"&"酒"' } as ExcelJS.CellFormulaValue;
  return writeXlsx(wb, [{ sheet: plan.sheetName, plan }]);
}

async function check(
  data: Buffer,
  soffice?: string | null
): Promise<{ reads: ReadSheet[]; records: FindingRecord[] }> {
  const loaded = await loadWorkbook(data, soffice === undefined ? {} : { soffice });
  const reads = templatesOf(loaded);
  const report = decideCheck(reads, { locale: "zh-CN" });
  return { reads, records: report.sheets.flatMap((s) => s.records) };
}

const outputTotal = (reads: readonly ReadSheet[]) => {
  const r = reads[0];
  return r?.form === "shenbao" ? r.values.output_total : undefined;
};

describe("without LibreOffice", () => {
  it("an uncached formula in a field is an error naming the field and the cell, not 未填写", async () => {
    const { reads, records } = await check(await shenbao(), null);
    expect(outputTotal(reads)).toEqual([null, 58.5, 66]);
    const found = records.filter((r) => r.ruleId === "formula_uncached");
    expect(found).toHaveLength(1);
    const [f] = found as [FindingRecord];
    expect(f.severity).toBe("error");
    expect(f.cell).toBe("B33");
    expect(f.message).toContain("集群总产值");
    expect(f.message).toContain("B33");
    // The first of the three data years, as every other finding on that cell would say.
    expect(f.year).toBe(2021);
    expect(f.message).toMatch(/^「集群总产值」2021年（单元格 B33）/u);
    expect(f.message).toMatch(/Excel.*WPS.*保存/u);
    expect(f.message).not.toMatch(/[,:;()]/u);
    // Nothing else is said about a value that is unknown, not blank.
    expect(records.filter((r) => r.cell === "B33").map((r) => r.ruleId)).toEqual([
      "formula_uncached",
    ]);
  });

  it("in a 汇总表 row, the finding names the column and the row", async () => {
    const { records } = await check(await huizong(), null);
    const found = records.filter((r) => r.ruleId === "formula_uncached");
    expect(found.map((r) => [r.cell, r.row, r.fieldLabel])).toEqual([["E6", 2, "主导产业"]]);
    expect(found[0]?.message).toContain("E6");
    expect(records.filter((r) => r.cell === "E6").map((r) => r.ruleId)).toEqual([
      "formula_uncached",
    ]);
  });

  it("JIQUN_SOFFICE=none turns LibreOffice off", async () => {
    const before = process.env.JIQUN_SOFFICE;
    process.env.JIQUN_SOFFICE = "none";
    try {
      expect(sofficeFor()).toBeUndefined();
      const { records } = await check(await shenbao());
      expect(records.some((r) => r.ruleId === "formula_uncached")).toBe(true);
    } finally {
      if (before === undefined) delete process.env.JIQUN_SOFFICE;
      else process.env.JIQUN_SOFFICE = before;
    }
  });
});

describe("a soffice that fails, or that is needed for no cell", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "jiqun-fake-soffice-"));
  const marker = path.join(dir, "ran");
  const fake = path.join(dir, "soffice");
  writeFileSync(fake, `#!/bin/sh\ntouch "${marker}"\nexit 1\n`);
  chmodSync(fake, 0o755);

  it("a form whose fields all keep their results never starts it", async () => {
    // The template's own helper formulas (SBX_) carry no result either; no field reads them.
    const { records } = await check(await shenbaoXlsx(2024, [EXAMPLE_A.values]), fake);
    expect(existsSync(marker)).toBe(false);
    expect(records.some((r) => r.ruleId === "formula_uncached")).toBe(false);
  });

  it("one that fails leaves the finding, not a failure", async () => {
    const { records } = await check(await shenbao(), fake);
    expect(existsSync(marker)).toBe(true);
    expect(records.filter((r) => r.ruleId === "formula_uncached").map((r) => r.cell)).toEqual([
      "B33",
    ]);
  });
});

const describeLo = libreOfficeAvailable() ? describe : describe.skip;

describeLo("with LibreOffice", () => {
  it("the formulas are recalculated and read, with no finding about them", async () => {
    const { reads, records } = await check(await shenbao());
    expect(outputTotal(reads)).toEqual([52, 58.5, 66]);
    expect(records.some((r) => r.ruleId === "formula_uncached")).toBe(false);
  }, 120_000);

  it("in a 汇总表 too", async () => {
    const { reads, records } = await check(await huizong());
    const r = reads[0];
    expect(r?.form === "huizong" && r.rows[1]?.industry).toBe("白酒");
    expect(records.some((x) => x.ruleId === "formula_uncached")).toBe(false);
  }, 120_000);
});
