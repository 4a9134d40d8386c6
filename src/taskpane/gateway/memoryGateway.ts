/**
 * The gateway outside Office (a plain browser: development, demos, the end-to-end test): an
 * in-memory workbook of sheet plans and typed values, checked by the same domain code. It keeps
 * the selected cell so the pane can show where a click would have taken the user.
 */
import {
  batchParams,
  buildHuizongPlan,
  buildShenbaoPlan,
  findAuthority,
  readTemplateSheet,
  reviewSheet,
  SHENBAO_EXAMPLES,
  uniqueName,
  withFormValues,
  type CellValue,
  type SheetPlan,
  huizongPlansOfForms,
} from "../../domain";
import { t, type Locale } from "../../i18n";
import { PLAN_TEXT_ZH } from "../../i18n/planText";
import { recordsOf } from "../../review";
import { evaluationSettings } from "../../settings/settings";
import type { Gateway } from "./gateway";
import { outcomeOf } from "./outcome";

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

  return {
    inOffice: false,
    // The export reads the print layout Excel keeps; the in-memory workbook has none.
    unavailable: { exportWord: t(locale, "pane.exportWord.outsideOffice") },
    // A plain browser saves an `<a download>` file; only Office's Apple webview drops it.
    canDownload: true,
    workbook: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    insertShenbao: async (s) => ({
      sheet: add(buildShenbaoPlan(batchParams(s.batchYear), PLAN_TEXT_ZH)),
    }),
    insertHuizong: async (s) => ({
      sheet: add(
        buildHuizongPlan(batchParams(s.batchYear), PLAN_TEXT_ZH, findAuthority(s.authority))
      ),
    }),
    huizongFromForms: async () => ({
      sheets: huizongPlansOfForms(reads(), PLAN_TEXT_ZH).map(({ plan, forms }) => ({
        sheet: add(plan),
        forms,
      })),
    }),
    fillExample: async (key) => {
      const example = SHENBAO_EXAMPLES.find((e) => e.key === key);
      if (!example) throw new Error(`unknown example ${key}`);
      const plan = buildShenbaoPlan(batchParams(example.batchYear), PLAN_TEXT_ZH);
      return { sheet: add(withFormValues(plan, example.values)), batchYear: example.batchYear };
    },
    check: async (settings) => {
      const rs = reads().map((r) => reviewSheet(r, { settings: evaluationSettings(settings) }));
      const records = rs.map((r) => recordsOf(r, locale));
      sheets = sheets.filter((s) => s.name !== FINDINGS);
      if (rs.length > 0) sheets = [...sheets, { name: FINDINGS, values: new Map() }];
      changed();
      return outcomeOf(
        {
          reviews: rs,
          records,
          ...(rs.length > 0 ? { findingsSheet: FINDINGS } : {}),
          notesSupported: true,
          userNotesKept: [],
        },
        locale
      );
    },
    clear: async () => {
      const had = sheets.some((s) => s.name === FINDINGS);
      sheets = sheets.filter((s) => s.name !== FINDINGS);
      changed();
      return { marks: 0, notes: 0, ...(had ? { sheet: FINDINGS } : {}) };
    },
    exportWord: async () => ({ sheets: [] }),
    selectCell: async (sheet, cell) => {
      selection = `${sheet}!${cell}`;
      changed();
    },
  };
}
