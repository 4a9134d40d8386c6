/**
 * Every action a user starts from the ribbon or the pane, defined once: what it decides and what
 * its outcome is. The entry points run these over a host's WorkbookPort (the ribbon and the pane in
 * Excel through src/excel/actions.ts, the pane outside Office through its in-memory workbook), and
 * say the outcome with describeOutcome, so one label does one thing and says it one way everywhere.
 * An action is named in names.ts and defined here (the compiler holds the two to the same set);
 * it appears in the pane (ActionsPanel lists every name) with its strings pane.action.<name> in
 * both tables.
 */
import { SHENBAO_EXAMPLES, type CriteriaPack, type ExampleKey } from "../domain";
import type { Locale } from "../i18n";
import { evaluationSettings, type PaneSettings } from "../settings/settings";
import { checkedOutcome, decideCheck } from "./check";
import { criteriaOf } from "./criteria";
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

/**
 * Runs `then` with the pack the settings choose; when that pack cannot be used (a user's pack
 * document that is not valid, or one for another batch), the outcome says why and the workbook is
 * never touched: the port is not called.
 */
async function withCriteria(
  input: ActionInput,
  then: (criteria: CriteriaPack | undefined) => Promise<Outcome>,
  batchYear: number = input.settings.batchYear
): Promise<Outcome> {
  const choice = await criteriaOf(input.settings, input.locale, batchYear);
  if ("issues" in choice)
    return { kind: "criteriaInvalid", criteria: choice.name, issues: choice.issues };
  return then(choice.pack);
}

/** The plans' settings: the batch, the authority and, when one is chosen, the pack. */
const insertSettings = (settings: PaneSettings, criteria: CriteriaPack | undefined) => ({
  batchYear: settings.batchYear,
  authority: settings.authority,
  ...(criteria ? { criteria } : {}),
});

export const ACTIONS = {
  insertShenbao: {
    run: (port, input) =>
      withCriteria(input, async (criteria) => ({
        kind: "inserted",
        sheets: await port.addSheets(
          () => [shenbaoPlan(insertSettings(input.settings, criteria))],
          {
            readTemplates: false,
          }
        ),
      })),
  },
  insertHuizong: {
    run: (port, input) =>
      withCriteria(input, async (criteria) => ({
        kind: "inserted",
        sheets: await port.addSheets(
          (templates) => huizongPlans(templates, insertSettings(input.settings, criteria)),
          { readTemplates: true }
        ),
      })),
  },
  fillExample: {
    run: (port, input) =>
      withCriteria(
        input,
        async (criteria) => {
          const planned = examplePlan(input.example, criteria);
          const [added] = await port.addSheets(() => [planned], { readTemplates: false });
          return {
            kind: "example",
            key: input.example,
            sheet: added?.sheet ?? planned.plan.sheetName,
            batchYear: planned.batchYear,
          };
        },
        // The example's sheet is of its own batch, whatever the settings' batch.
        SHENBAO_EXAMPLES.find((e) => e.key === input.example)?.batchYear
      ),
  },
  check: {
    run: (port, input) =>
      withCriteria(input, async (criteria) =>
        checkedOutcome(
          await port.check((templates) =>
            decideCheck(templates, {
              locale: input.locale,
              settings: evaluationSettings(input.settings),
              ...(criteria ? { criteria } : {}),
            })
          ),
          input.locale
        )
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
