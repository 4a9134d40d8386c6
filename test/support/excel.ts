/** Shared set-up for tests and benches on Microsoft's Excel client library and the modelled host. */
import {
  batchParams,
  buildShenbaoPlan,
  cellsIn,
  type SheetPlan,
  type ShenbaoExample,
} from "../../src/domain";
import { runAction, type Outcome } from "../../src/application";
import { officePort } from "../../src/excel/actions";
import type { ExcelHost } from "../../src/excel/host";
import { insertPlan } from "../../src/excel/insertPlan";
import { DEFAULT_PANE_SETTINGS, type PaneSettings } from "../../src/settings/settings";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { hostFor, type FakeExcel } from "../officejs";

export { hostFor };

const plans = new Map<number, SheetPlan>();
export function shenbaoPlanFor(year: number): SheetPlan {
  const hit = plans.get(year) ?? buildShenbaoPlan(batchParams(year), PLAN_TEXT_ZH);
  plans.set(year, hit);
  return hit;
}

/** Inserts a template through the add-in, then types the example into it through its names. */
export async function addFilled(wb: FakeExcel, example: ShenbaoExample): Promise<string> {
  const plan = shenbaoPlanFor(example.batchYear);
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
  return sheetName;
}

/** 插入汇总表 as the ribbon and the pane run it (the application's action on Office.js). */
export async function insertHuizong(
  host: ExcelHost,
  settings: PaneSettings = DEFAULT_PANE_SETTINGS
): Promise<Extract<Outcome, { kind: "inserted" }>> {
  const o = await runAction("insertHuizong", officePort(host), {
    settings,
    example: "B",
    locale: "zh-CN",
  });
  if (o.kind !== "inserted") throw new Error(`插入汇总表 gave ${o.kind}`);
  return o;
}
