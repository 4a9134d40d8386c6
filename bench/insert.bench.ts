/**
 * Insert budget: round trips to Excel per template insert (≤ 2, the floor is 1), counted by the
 * modelled host behind Microsoft's client library (Excel.run's closing release not counted), plus the cost of building the plan and writing the .xlsx here.
 */
import { performance } from "node:perf_hooks";
import {
  batchParams,
  buildHuizongPlan,
  buildShenbaoPlan,
  findAuthority,
  type Authority,
  type SheetPlan,
} from "../src/domain";
import { insertPlan } from "../src/excel/insertPlan";
import { PLAN_TEXT_ZH } from "../src/i18n/planText";
import { templateXlsx } from "../src/xlsx/templates";
import { FakeExcel } from "../test/officejs";
import { hostFor } from "../test/support/excel";
import { countSyncs } from "../test/support/syncs";

const SYNC_BUDGET = 2;

async function median(runs: number, f: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] as number;
}

const plans: Array<[string, () => SheetPlan]> = [
  ["申报表 2024", () => buildShenbaoPlan(batchParams(2024), PLAN_TEXT_ZH)],
  [
    "推荐汇总表 2024 贵州省",
    () => buildHuizongPlan(batchParams(2024), PLAN_TEXT_ZH, findAuthority("贵州省") as Authority),
  ],
];

it("insert: context.sync round trips per insert, plan and xlsx cost", async () => {
  const rows: string[] = [];
  for (const [label, make] of plans) {
    const plan = make();
    const wb = new FakeExcel();
    const { syncs: counted } = await countSyncs(wb, () => insertPlan(hostFor(wb), plan));
    const syncs = counted.reads + counted.writes;
    const planMs = await median(21, make);
    const xlsxMs = await median(5, () => templateXlsx(plan));
    rows.push(
      `${label.padEnd(22)} syncs ${syncs} (budget ${SYNC_BUDGET}, floor 1) · cells ${plan.cells.length} · names ${plan.names.length} · ` +
        `validations ${plan.validations.length} · plan ${planMs.toFixed(2)} ms · xlsx ${xlsxMs.toFixed(1)} ms`
    );
    expect(syncs).toBeLessThanOrEqual(SYNC_BUDGET);
  }
  console.log(`\n== bench: insert\n${rows.join("\n")}\n`);
});
