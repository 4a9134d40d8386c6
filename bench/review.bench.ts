/**
 * Check and clear budgets: round trips to Excel (≤ 3 to read, ≤ 2 to write; a request that
 * changes nothing counts as a read), on a workbook of several filled forms and a 汇总表, plus
 * the evaluator's time per form. Bytes per request: payload.bench.ts.
 */
import { performance } from "node:perf_hooks";
import { batchParams, evaluateShenbao, SHENBAO_EXAMPLES, type ShenbaoExample } from "../src/domain";
import { insertHuizong } from "../test/support/excel";
import { DEFAULT_PANE_SETTINGS } from "../src/settings/settings";

import { checkInExcel, clearInExcel } from "../src/excel/check";

import { FakeExcel } from "../test/officejs";
import { countSyncs } from "../test/support/syncs";
import { addFilled, hostFor } from "../test/support/excel";

/** The sheet list, the names, the template sheets' areas (one read for up to 8 forms). */
const READ_BUDGET = 3;
const WRITE_BUDGET = 2;

it("check and clear: round trips per action, evaluator time", async () => {
  const wb = new FakeExcel();
  for (const e of SHENBAO_EXAMPLES) await addFilled(wb, e);
  await insertHuizong(hostFor(wb), DEFAULT_PANE_SETTINGS);
  const sheets = wb.snapshot().sheets.length;

  const t0 = performance.now();
  const check = await countSyncs(wb, () => checkInExcel(hostFor(wb), { locale: "zh-CN" }));
  const checkMs = performance.now() - t0;
  const findings = check.result.report.sheets.flatMap((s) => s.records).length;
  const recheck = await countSyncs(wb, () => checkInExcel(hostFor(wb), { locale: "zh-CN" }));
  const clear = await countSyncs(wb, () => clearInExcel(hostFor(wb)));

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
      `${line("check", check.syncs)} · ${findings} findings · ${checkMs.toFixed(0)} ms through the client library and host\n` +
      `${line("re-check", recheck.syncs)}\n${line("clear", clear.syncs)}\n` +
      `evaluator ${evalMs.toFixed(3)} ms per 申报表\n`
  );
  for (const s of [check.syncs, recheck.syncs, clear.syncs]) {
    expect(s.reads).toBeLessThanOrEqual(READ_BUDGET);
    expect(s.writes).toBeLessThanOrEqual(WRITE_BUDGET);
  }
  expect(findings).toBeGreaterThan(0);
});
