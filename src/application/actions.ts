/**
 * Every action a user starts from the ribbon or the pane, defined once: what it decides and what
 * its outcome is. The entry points run these over a host's WorkbookPort (the ribbon and the pane in
 * Excel through src/excel/actions.ts, the pane outside Office through its in-memory workbook), and
 * say the outcome with describeOutcome, so one label does one thing and says it one way everywhere.
 * An action is named in names.ts and defined here (the compiler holds the two to the same set);
 * it appears in the pane (ActionsPanel lists every name) with its strings pane.action.<name> in
 * both tables.
 */
import type { ExampleKey } from "../domain";
import type { Locale } from "../i18n";
import { evaluationSettings, type PaneSettings } from "../settings/settings";
import { checkedOutcome, decideCheck } from "./check";
import { ACTION_NAMES, type ActionName } from "./names";
import type { Outcome } from "./outcome";
import { examplePlan, huizongPlans, shenbaoPlan } from "./plans";
import type { WorkbookPort } from "./port";

export interface ActionInput {
  /** The batch, authority and evaluation settings the user set (the pane's, remembered per workbook). */
  readonly settings: PaneSettings;
  /** The example 填入示例数据 inserts. */
  readonly example: ExampleKey;
  readonly locale: Locale;
}

interface Action {
  run(port: WorkbookPort, input: ActionInput): Promise<Outcome>;
}

export const ACTIONS = {
  insertShenbao: {
    run: async (port, { settings }) => ({
      kind: "inserted",
      sheets: await port.addSheets(() => [shenbaoPlan(settings)], { readTemplates: false }),
    }),
  },
  insertHuizong: {
    run: async (port, { settings }) => ({
      kind: "inserted",
      sheets: await port.addSheets((templates) => huizongPlans(templates, settings), {
        readTemplates: true,
      }),
    }),
  },
  fillExample: {
    run: async (port, { example }) => {
      const planned = examplePlan(example);
      const [added] = await port.addSheets(() => [planned], { readTemplates: false });
      return {
        kind: "example",
        key: example,
        sheet: added?.sheet ?? planned.plan.sheetName,
        batchYear: planned.batchYear,
      };
    },
  },
  check: {
    run: async (port, { settings, locale }) =>
      checkedOutcome(
        await port.check((templates) =>
          decideCheck(templates, { locale, settings: evaluationSettings(settings) })
        ),
        locale
      ),
  },
  clear: {
    run: async (port) => ({ kind: "cleared", ...(await port.clear()) }),
  },
} as const satisfies Readonly<Record<ActionName, Action>>;

export { ACTION_NAMES, type ActionName };

export function runAction(
  name: ActionName,
  port: WorkbookPort,
  input: ActionInput
): Promise<Outcome> {
  return (ACTIONS[name] as Action).run(port, input);
}
