/** `jiqun check`: examples filled through the names give exactly the evaluator's findings, with cells. */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/jiqun";
import type { CheckRecord } from "../../src/cli/check";
import {
  batchParams,
  evaluateShenbao,
  EXAMPLE_A,
  EXAMPLE_B,
  EXAMPLE_C,
  EXAMPLE_D,
  EXAMPLE_E,
  EXAMPLE_E_2023,
  findAuthority,
  guizhouRows,
  type Authority,
  type ShenbaoExample,
} from "../../src/domain";
import { fillByNames, fillHuizongRows } from "../../src/xlsx/fill";
import { templatePlan } from "../../src/xlsx/templates";
import { addPlanSheet, writeXlsx } from "../../src/xlsx/writer";

const dir = mkdtempSync(path.join(tmpdir(), "jiqun-check-"));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

async function filled(example: ShenbaoExample): Promise<string> {
  const plan = templatePlan("shenbao", example.batchYear);
  const wb = new ExcelJS.Workbook();
  fillByNames(addPlanSheet(wb, plan), plan, example.values);
  const file = path.join(dir, `${example.key}-${example.batchYear}.xlsx`);
  writeFileSync(file, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
  return file;
}

const sig = (r: { ruleId: string; severity: string; year?: number }): string =>
  `${r.ruleId}/${r.severity}/${r.year ?? "-"}`;

describe("jiqun check", () => {
  it.each([EXAMPLE_A, EXAMPLE_B, EXAMPLE_C, EXAMPLE_D, EXAMPLE_E, EXAMPLE_E_2023])(
    "example $key ($batchYear): the file's findings are the evaluator's findings",
    async (example) => {
      const file = await filled(example);
      const r = await run("check", file, "--json");
      const records = JSON.parse(r.out) as CheckRecord[];
      const expected = evaluateShenbao(example.values, { batch: batchParams(example.batchYear) });
      expect(records.map(sig)).toEqual(expected.map(sig));
      expect(r.code).toBe(expected.some((f) => f.severity === "error") ? 1 : 0);
      for (const rec of records) expect(rec.message).toMatch(/[\u4e00-\u9fff]/u);
    }
  );

  it("points at the exact cell: B's 主导占比 per year, in the name's range", async () => {
    const plan = templatePlan("shenbao", 2022);
    const range = plan.names
      .find((n) => n.name === "SB_lead_output_share")
      ?.address.replace(/\$/gu, "") as string;
    const row = range.replace(/^[A-Z]+(\d+).*$/u, "$1");
    const records = JSON.parse(
      (await run("check", await filled(EXAMPLE_B), "--json")).out
    ) as CheckRecord[];
    expect(
      records.filter((x) => x.ruleId === "lead_industry_share_gt_70").map((x) => [x.year, x.cell])
    ).toEqual([
      [2019, `B${row}`],
      [2020, `C${row}`],
      [2021, `D${row}`],
    ]);
  });

  it("a 汇总表 over its cap is an error (exit 1)", async () => {
    const plan = templatePlan("huizong", 2023, findAuthority("贵州省") as Authority);
    const wb = new ExcelJS.Workbook();
    const ws = addPlanSheet(wb, plan);
    fillHuizongRows(ws, plan, guizhouRows(7));
    const file = path.join(dir, "hz.xlsx");
    writeFileSync(file, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
    const r = await run("check", file, "--json");
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as CheckRecord[]).map(sig)).toEqual(["summary_row_cap/error/-"]);
  });

  it("bad files get a clear message each, the run goes on, exit 2", async () => {
    const notXlsx = path.join(dir, "note.xlsx");
    writeFileSync(notXlsx, "这不是表格");
    const foreign = path.join(dir, "foreign.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = 1;
    await wb.xlsx.writeFile(foreign);
    const good = await filled(EXAMPLE_A);
    const r = await run("check", notXlsx, path.join(dir, "missing.xlsx"), foreign, good);
    expect(r.code).toBe(2);
    // The same words as jiqun review's, from the bytes: not a permission problem nor "corrupt".
    expect(r.err).toMatch(/note\.xlsx：不是 \.xlsx 文件。已跳过，继续检查其他文件。/u);
    expect(r.err).toMatch(/missing\.xlsx：无法打开文件（不存在）。已跳过/u);
    expect(r.err).toMatch(/foreign\.xlsx：不是集群申报助手生成的模板/u);
    expect(r.out).toMatch(/A-2022\.xlsx · 申报表-2022：错误 0 项/u);
  });
});
