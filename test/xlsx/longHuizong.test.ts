/**
 * A 推荐汇总表 far longer than any province's: rows are read down to MAX_HUIZONG_ROWS, and a
 * table with more is reported as such (an error saying the rows past the limit were not read),
 * never cut silently, and the cap finding never states a count that is really the cut.
 */
import ExcelJS from "exceljs";
import { decideCheck } from "../../src/application/check";
import {
  findAuthority,
  MAX_HUIZONG_ROWS,
  type Authority,
  type HuizongRow,
  type ReadSheet,
} from "../../src/domain";
import { fillHuizongRows } from "../../src/xlsx/fill";
import { readTemplates } from "../../src/xlsx/read";
import { templatePlan } from "../../src/xlsx/templates";
import { addPlanSheet, writeXlsx } from "../../src/xlsx/writer";

const plan = templatePlan("huizong", 2023, findAuthority("贵州省") as Authority);

const rowsOf = (n: number): HuizongRow[] =>
  Array.from({ length: n }, (_, i) => ({
    seq: i + 1,
    name: `示例${i + 1}县产业${i + 1}集群`,
    operator: `示例${i + 1}县服务中心`,
    location: `贵州省示例市示例${i + 1}县`,
    industry: `产业${i + 1}`,
    founded: 2015,
    intro: "简介",
  }));

async function huizong(rows: number): Promise<ReadSheet> {
  const wb = new ExcelJS.Workbook();
  fillHuizongRows(addPlanSheet(wb, plan), plan, rowsOf(rows));
  const [read] = await readTemplates(await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
  return read as ReadSheet;
}

const records = (read: ReadSheet) =>
  decideCheck([read], { locale: "zh-CN" }).sheets[0]?.records ?? [];

test("the limit is generous: thousands of rows, far past any province's cap", () => {
  expect(MAX_HUIZONG_ROWS).toBeGreaterThanOrEqual(2000);
});

test("a table of 10,000 rows is read to the limit and reported, not cut silently", async () => {
  const read = await huizong(10_000);
  expect(read.form === "huizong" && read.rows.length).toBe(MAX_HUIZONG_ROWS);
  const found = records(read);
  const unread = found.filter((r) => r.ruleId === "summary_rows_unread");
  expect(unread).toHaveLength(1);
  expect(unread[0]?.severity).toBe("error");
  expect(unread[0]?.message).toContain(String(MAX_HUIZONG_ROWS));
  expect(unread[0]?.message).toContain("未读取");
  // No sentence states the cut as the count of recommendations.
  for (const r of found) expect(r.message).not.toContain(`推荐 ${MAX_HUIZONG_ROWS}`);
  expect(found.some((r) => r.ruleId === "summary_row_cap")).toBe(false);
}, 60_000);

test("a table of exactly the limit is read whole, with the cap stated as counted", async () => {
  const read = await huizong(MAX_HUIZONG_ROWS);
  expect(read.form === "huizong" && read.rows.length).toBe(MAX_HUIZONG_ROWS);
  const found = records(read);
  expect(found.some((r) => r.ruleId === "summary_rows_unread")).toBe(false);
  const cap = found.find((r) => r.ruleId === "summary_row_cap");
  expect(cap?.actual).toBe(MAX_HUIZONG_ROWS);
}, 60_000);
