/**
 * The application's actions on a gateway, called as the pane calls them (Gateway.run with the
 * pane's settings), for tests that drive one action at a time.
 */
import type { ActionName, CheckOutcome, Outcome } from "../../src/application";
import type { ExampleKey } from "../../src/domain";
import { DEFAULT_PANE_SETTINGS, type PaneSettings } from "../../src/settings/settings";
import type { Gateway } from "../../src/taskpane/gateway/gateway";

export function on(g: Pick<Gateway, "run">) {
  const run = (action: ActionName, settings = DEFAULT_PANE_SETTINGS, example: ExampleKey = "B") =>
    g.run(action, { settings, example, locale: "zh-CN" });
  return {
    insertShenbao: (s?: PaneSettings): Promise<Outcome> => run("insertShenbao", s),
    insertHuizong: (s?: PaneSettings): Promise<Outcome> => run("insertHuizong", s),
    fillExample: (key: ExampleKey): Promise<Outcome> => run("fillExample", undefined, key),
    check: async (s?: PaneSettings): Promise<CheckOutcome> => {
      const o = await run("check", s);
      if (o.kind !== "checked") throw new Error(`a check gave ${o.kind}`);
      return o;
    },
    clear: (): Promise<Outcome> => run("clear"),
  };
}
