/**
 * A 推荐汇总表 made before 附件1 was printed above its title (the title in A1, the header in row 3)
 * must read as it did: the same batch, authority and rows as one made today, the same findings
 * one row higher, and the same choice between a live highlight and a static mark.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CheckRecord } from "../../src/cli/check";
import { main } from "../../src/cli/jiqun";
import {
  findAuthority,
  guizhouRows,
  evaluateSheet,
  shiftRows,
  type Authority,
  type HuizongRow,
  type ReadSheet,
  type SheetPlan,
} from "../../src/domain";
import { marksOf, recordsOf } from "../../src/findings";
import { fillHuizongRows } from "../../src/xlsx/fill";
import { loadWorkbook, readTemplates } from "../../src/xlsx/read";
import { templatePlan } from "../../src/xlsx/templates";
import { addPlanSheet, writeXlsx } from "../../src/xlsx/writer";
import { earlierHuizongPlan } from "../support/xlsx";

/** Over 贵州省's cap of 6, a 151-character 简介 in the first row, a row without its 成立时间. */
const ROWS: readonly HuizongRow[] = guizhouRows(7).map((r, i) =>
  i === 0 ? { ...r, intro: "简".repeat(151) } : i === 4 ? { ...r, founded: null } : r
);

async function huizongXlsx(layout: (plan: SheetPlan) => SheetPlan): Promise<Buffer> {
  const plan = layout(templatePlan("huizong", 2023, findAuthority("贵州省") as Authority));
  const wb = new ExcelJS.Workbook();
  fillHuizongRows(addPlanSheet(wb, plan), plan, ROWS);
  return writeXlsx(wb, [{ sheet: plan.sheetName, plan }]);
}

const dir = mkdtempSync(path.join(tmpdir(), "jiqun-earlier-hz-"));

async function check(
  name: string,
  bytes: Buffer
): Promise<{ code: number; records: CheckRecord[] }> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  let out = "";
  const code = await main(["check", file, "--json"], {
    out: (l) => (out += `${l}\n`),
    err: () => undefined,
  });
  return { code, records: JSON.parse(out) as CheckRecord[] };
}

describe("a 推荐汇总表 made before 附件1 was printed", () => {
  let today: Buffer;
  let earlier: Buffer;

  beforeAll(async () => {
    today = await huizongXlsx((plan) => plan);
    earlier = await huizongXlsx(earlierHuizongPlan);
  });

  it("has the earlier layout: title in A1, seal line in row 2, header in row 3", async () => {
    const { wb, names } = await loadWorkbook(earlier);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(["A1", "A2", "C2", "A3", "B4"].map((a) => ws.getCell(a).value)).toEqual([
      "2023年度中小企业特色产业集群推荐汇总表",
      "省级中小企业主管部门:(盖章)",
      "贵州省",
      "序号",
      ROWS[0]?.name,
    ]);
    expect(names).toContainEqual(
      expect.objectContaining({ name: "HZ_name", ref: "'推荐汇总表-2023'!$B$4:$B$9" })
    );
  });

  it("reads with the same batch year, authority and rows as one made today", async () => {
    const [old] = await readTemplates(earlier);
    const [now] = await readTemplates(today);
    expect(old).toMatchObject({ form: "huizong", batchYear: 2023, authority: "贵州省" });
    expect(now).toMatchObject({ form: "huizong", batchYear: 2023, authority: "贵州省" });
    const rows = (s: ReadSheet | undefined): unknown =>
      s?.form === "huizong" ? s.rows : undefined;
    expect(rows(old)).toEqual(rows(now));
    expect((rows(old) as HuizongRow[]).map((r) => r.name)).toEqual(ROWS.map((r) => r.name));
  });

  it("jiqun check finds the same, each cell one row higher", async () => {
    const old = await check("earlier.xlsx", earlier);
    const now = await check("today.xlsx", today);
    expect(now.code).toBe(1);
    expect(old.code).toBe(now.code);
    expect(now.records.map((r) => r.ruleId)).toEqual(
      expect.arrayContaining(["summary_row_cap", "text_limit", "required"])
    );
    const moved = (r: CheckRecord): CheckRecord => ({
      ...r,
      file: "",
      ...(r.cell ? { cell: shiftRows(r.cell, -1) } : {}),
    });
    expect(old.records.map((r) => ({ ...r, file: "" }))).toEqual(now.records.map(moved));
  });

  it("lets its own highlights show what they show, and marks the rest, as today's", async () => {
    const marks = async (bytes: Buffer) => {
      const [read] = await readTemplates(bytes);
      const review = evaluateSheet(read as ReadSheet);
      return marksOf(review, recordsOf(review, "zh-CN"), "zh-CN");
    };
    const old = await marks(earlier);
    const now = await marks(today);
    // The first row's 简介 is lit by the template itself in both.
    expect(now.find((m) => m.cell === "G5")).toMatchObject({ live: true });
    expect(old.map((m) => [m.cell, m.severity, m.live])).toEqual(
      now.map((m) => [shiftRows(m.cell, -1), m.severity, m.live])
    );
  });
});
