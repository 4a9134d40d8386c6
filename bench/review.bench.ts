/**
 * Check and clear budgets: round trips to Excel (≤ 2 to read, ≤ 2 to write; a sync after which
 * the in-memory workbook is unchanged counts as a read), on a workbook of several filled forms
 * and a 汇总表, plus the evaluator's time per form.
 */
import { performance } from "node:perf_hooks";
import {
  batchParams,
  buildShenbaoPlan,
  cellsIn,
  evaluateShenbao,
  SHENBAO_EXAMPLES,
  type ShenbaoExample,
} from "../src/domain";
import type { ExcelHost } from "../src/excel/host";
import { insertHuizongFromForms } from "../src/excel/huizongFromForms";
import { insertPlan } from "../src/excel/insertPlan";
import { checkWorkbook, clearMarks } from "../src/excel/review";
import { PLAN_TEXT_ZH } from "../src/i18n/planText";
import { FakeExcel, fakeRun } from "../test/fakes/excel";
import { countSyncs } from "../test/support/syncs";

const READ_BUDGET = 2;
const WRITE_BUDGET = 2;

const hostFor = (wb: FakeExcel): ExcelHost => ({
  run: fakeRun(wb),
  isSetSupported: (n, v) => wb.requirements.isSetSupported(n, v),
});

async function addFilled(wb: FakeExcel, example: ShenbaoExample): Promise<void> {
  const plan = buildShenbaoPlan(batchParams(example.batchYear), PLAN_TEXT_ZH);
  const { sheetName } = await insertPlan(hostFor(wb), plan);
  const cells: Record<string, string | number> = {};
  for (const n of plan.names) {
    const v = example.values[n.fieldId];
    if (!n.name.startsWith("SB_") || v === undefined) continue;
    const given = Array.isArray(v) ? v : [v];
    cellsIn(n.address.replace(/\$/gu, "")).forEach((c, i) => {
      const x = given[i];
      if (typeof x === "number" || typeof x === "string") cells[c.address] = x;
    });
  }
  wb.seedSheet(sheetName).cells(cells);
}

it("check and clear: round trips per action, evaluator time", async () => {
  const wb = new FakeExcel();
  for (const e of SHENBAO_EXAMPLES) await addFilled(wb, e);
  await insertHuizongFromForms(hostFor(wb));
  const sheets = wb.snapshot().sheets.length;

  const t0 = performance.now();
  const check = await countSyncs(wb, () => checkWorkbook(hostFor(wb), { locale: "zh-CN" }));
  const checkMs = performance.now() - t0;
  const findings = check.result.records.flat().length;
  const recheck = await countSyncs(wb, () => checkWorkbook(hostFor(wb), { locale: "zh-CN" }));
  const clear = await countSyncs(wb, () => clearMarks(hostFor(wb)));

  const example = SHENBAO_EXAMPLES[1] as ShenbaoExample;
  const runs = 200;
  const t1 = performance.now();
  for (let i = 0; i < runs; i++)
    evaluateShenbao(example.values, { batch: batchParams(example.batchYear) });
  const evalMs = (performance.now() - t1) / runs;

  const line = (label: string, s: { reads: number; writes: number; sequence: string }): string =>
    `${label.padEnd(10)} reads ${s.reads} (budget ${READ_BUDGET}) · writes ${s.writes} (budget ${WRITE_BUDGET}) · ${s.sequence}`;
  console.log(
    `\n== bench: check/clear on ${sheets} sheets (${SHENBAO_EXAMPLES.length} 申报表 + 汇总表)\n` +
      `${line("check", check.syncs)} · ${findings} findings · ${checkMs.toFixed(0)} ms on the fake\n` +
      `${line("re-check", recheck.syncs)}\n${line("clear", clear.syncs)}\n` +
      `evaluator ${evalMs.toFixed(3)} ms per 申报表\n`
  );
  for (const s of [check.syncs, recheck.syncs, clear.syncs]) {
    expect(s.reads).toBeLessThanOrEqual(READ_BUDGET);
    expect(s.writes).toBeLessThanOrEqual(WRITE_BUDGET);
  }
  expect(findings).toBeGreaterThan(0);
});
