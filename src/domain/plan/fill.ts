/** A template plan with form values typed into its named input cells (examples, demos, tests). */
import type { FormValues } from "../values";
import { cellsIn } from "./address";
import type { PlanCell, SheetPlan } from "./types";

export function withFormValues(plan: SheetPlan, values: FormValues): SheetPlan {
  const filled = new Map<string, string | number>();
  for (const n of plan.names) {
    const v = values[n.fieldId];
    if (!n.name.startsWith("SB_") || v === undefined) continue;
    const given = Array.isArray(v) ? v : [v];
    cellsIn(n.address.replace(/\$/gu, "")).forEach((c, i) => {
      const x: unknown = given[i];
      if (typeof x === "number" || typeof x === "string") filled.set(c.address, x);
    });
  }
  const planned = new Set(plan.cells.map((c) => c.address));
  const cells: PlanCell[] = plan.cells.map((c) =>
    filled.has(c.address) ? { ...c, value: filled.get(c.address) as string | number } : c
  );
  for (const [address, value] of filled)
    if (!planned.has(address)) cells.push({ address, value, style: "input" });
  return { ...plan, cells };
}
