/**
 * The gateway outside Office (a plain browser: development, demos, the end-to-end test): an
 * in-memory workbook of sheet plans and typed values, checked by the same domain code. It keeps
 * the selected cell so the pane can show where a click would have taken the user.
 */
import { runAction, type WorkbookPort } from "../../application";
import { readTemplateSheet, uniqueName, type CellValue, type SheetPlan } from "../../domain";
import { t, type Locale } from "../../i18n";
import { memoryFacts } from "./facts";
import type { Gateway } from "./gateway";

interface MemorySheet {
  readonly name: string;
  readonly plan?: SheetPlan;
  readonly values: Map<string, CellValue>;
}

export interface MemoryWorkbook {
  readonly sheets: readonly MemorySheet[];
  readonly selection: string | undefined;
}

export interface MemoryGateway extends Gateway {
  /** The workbook as it stands, for the pane's "outside Office" panel and for tests. */
  workbook(): MemoryWorkbook;
  subscribe(listener: () => void): () => void;
}

export function memoryGateway(locale: Locale): MemoryGateway {
  const FINDINGS = t(locale, "review.sheetName");
  let sheets: MemorySheet[] = [{ name: "Sheet1", values: new Map() }];
  let selection: string | undefined;
  const listeners = new Set<() => void>();
  // One snapshot object per change, so React's useSyncExternalStore sees a stable value.
  let snapshot: MemoryWorkbook = { sheets, selection };
  const changed = (): void => {
    snapshot = { sheets, selection };
    listeners.forEach((l) => l());
  };

  const add = (plan: SheetPlan): string => {
    const name = uniqueName(
      plan.sheetName,
      sheets.map((s) => s.name)
    );
    const values = new Map<string, CellValue>();
    for (const c of plan.cells) if (c.value !== undefined) values.set(c.address, c.value);
    sheets = [...sheets, { name, plan, values }];
    changed();
    return name;
  };

  /** Our templates read back through their names, as from a real workbook. */
  const reads = () =>
    sheets.flatMap((s) => {
      if (!s.plan || s.plan.form === "findings") return [];
      const names = s.plan.names.map((n) => ({
        name: n.name,
        address: n.address.replace(/\$/gu, ""),
      }));
      const read = readTemplateSheet(s.name, names, (a) => s.values.get(a) ?? null);
      return read ? [read] : [];
    });

  const port: WorkbookPort = {
    addSheets: async (decide, { readTemplates }) =>
      decide(readTemplates ? reads() : []).map(({ plan, forms }) => ({
        sheet: add(plan),
        ...(forms !== undefined ? { forms } : {}),
      })),
    check: async (decide) => {
      const report = decide(reads());
      sheets = sheets.filter((s) => s.name !== FINDINGS);
      if (report.findings) sheets = [...sheets, { name: FINDINGS, values: new Map() }];
      changed();
      return {
        report,
        ...(report.findings ? { findingsSheet: FINDINGS } : {}),
        notesSupported: true,
        userNotesKept: [],
      };
    },
    clear: async () => {
      const had = sheets.some((s) => s.name === FINDINGS);
      sheets = sheets.filter((s) => s.name !== FINDINGS);
      changed();
      return { marks: 0, notes: 0, ...(had ? { sheet: FINDINGS } : {}) };
    },
  };

  return {
    ...memoryFacts(locale),
    workbook: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run: (action, input) => runAction(action, port, input),
    exportWord: async () => ({ sheets: [] }),
    selectCell: async (sheet, cell) => {
      selection = `${sheet}!${cell}`;
      changed();
    },
  };
}
