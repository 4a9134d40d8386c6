/**
 * A template plan with form values typed into its named input cells (examples, demos, tests).
 * What a spreadsheet would do on typing, the plan does too: the printed ☑/□ of each choice
 * follows its drop-down, and a row whose text outgrows it is made taller (Excel does not grow a
 * row for a merged cell), a plan cell fitted to its text; the pages are then broken again.
 */
import { SHENBAO } from "../forms";
import type { FormValues } from "../values";
import { cellsIn, parseCell } from "./address";
import { displayText } from "./choices";
import { heightFor, MAX_ROW_PT, paginate, textWidth } from "./paper";
import type { PlanCell, SheetPlan } from "./types";

/** The rows and columns a cell covers: its merge, or itself. */
function spanOf(
  plan: SheetPlan,
  address: string
): { row: number; col: number; rows: number; cols: number } {
  const at = parseCell(address);
  for (const m of plan.merges) {
    const [a, b = a] = m.replace(/\$/gu, "").split(":") as [string, string?];
    const s = parseCell(a);
    if (s.row !== at.row || s.col !== at.col) continue;
    const e = parseCell(b);
    return { ...s, rows: e.row - s.row + 1, cols: e.col - s.col + 1 };
  }
  return { ...at, rows: 1, cols: 1 };
}

/** Value ids of the cells a text is written in part by part (the plan's, one per heading). */
const PART_IDS: ReadonlySet<string> = new Set(SHENBAO.fields.flatMap((f) => f.parts ?? []));

export function withFormValues(plan: SheetPlan, values: FormValues): SheetPlan {
  const filled = new Map<string, string | number>();
  const plans = new Set<string>();
  for (const n of plan.names) {
    const v = values[n.fieldId];
    if (!n.name.startsWith("SB_") || v === undefined) continue;
    if (PART_IDS.has(n.fieldId)) plans.add(n.address.replace(/\$/gu, ""));
    const given = Array.isArray(v) ? v : [v];
    cellsIn(n.address.replace(/\$/gu, "")).forEach((c, i) => {
      const x: unknown = given[i];
      if (typeof x === "number" || typeof x === "string") filled.set(c.address, x);
    });
  }
  const planned = new Set(plan.cells.map((c) => c.address));
  const cells: PlanCell[] = plan.cells.map((c) => {
    if (filled.has(c.address)) return { ...c, value: filled.get(c.address) as string | number };
    if (c.shows) return { ...c, result: displayText(c.shows, filled.get(c.shows.input) ?? null) };
    return c;
  });
  for (const [address, value] of filled)
    if (!planned.has(address)) cells.push({ address, value, style: "input" });

  // Rows tall enough for the text typed into wrapping cells; a plan cell exactly so.
  const heights: Record<number, number> = { ...plan.rowHeights };
  for (const c of cells) {
    const style = c.style ? plan.styles[c.style] : undefined;
    if (typeof c.value !== "string" || !filled.has(c.address) || !style?.wrap) continue;
    const span = spanOf(plan, c.address);
    const widths = plan.columnWidths.slice(span.col - 1, span.col - 1 + span.cols);
    const size = style.fontSize ?? 11;
    const text = heightFor(c.value, textWidth(widths), size);
    // A plan cell keeps at least two lines, room to go on writing.
    const need = plans.has(c.address) ? Math.max(text, heightFor("\n", 1, size)) : text;
    const rows = Array.from({ length: span.rows }, (_, i) => span.row + i);
    const have = rows.reduce((h, r) => h + (heights[r] ?? 0), 0);
    if (need > have || plans.has(c.address)) {
      const each = Math.min(MAX_ROW_PT, Math.ceil(need / span.rows));
      for (const r of rows) heights[r] = each;
    }
  }
  const flow = plan.print.flow;
  if (!flow) return { ...plan, cells, rowHeights: heights };
  const [first, last] = plan.print.area.replace(/\$/gu, "").split(":") as [string, string];
  return {
    ...plan,
    cells,
    rowHeights: heights,
    print: {
      ...plan.print,
      breaksAfterRows: paginate(parseCell(first).row, parseCell(last).row, heights, flow),
    },
  };
}
