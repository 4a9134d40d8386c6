/**
 * The shared runtime's other two parts in chromium: the production page, with a stand-in office.js
 * that records what the page hands to Office, associates every custom function functions.json
 * names (after holding Excel's start with CustomFunctions.delayInitialization, so formulas wait
 * while the functions' chunk loads after the first paint) and every ribbon command manifest.xml
 * names (at once; the command's own code loads on its first click, and the click completes).
 * Also in a page no one sees, where the browser produces no frames: the functions still come.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { t } from "../../src/i18n";
import { describeBrowser, productionPages, type Dist, type OpenedPage } from "../support/browser";

/** Records delayInitialization, every associate and what a command does with Office. */
const RECORDING_OFFICE_JS = `(function () {
  var log = (window.officeLog = []);
  var handlers = (window.commandHandlers = {});
  window.CustomFunctions = {
    delayInitialization: function () { log.push("delay"); },
    associate: function (id) { log.push("function " + id); },
  };
  window.Office = {
    onReady: function (callback) {
      var info = { host: null, platform: null };
      if (callback) callback(info);
      return Promise.resolve(info);
    },
    PlatformType: {},
    context: { displayLanguage: "zh-CN" },
    actions: {
      associate: function (name, handler) { log.push("command " + name); handlers[name] = handler; },
    },
    addin: { showAsTaskpane: function () { log.push("showAsTaskpane"); return Promise.resolve(); } },
  };
})();`;

/** A page no one sees: hidden, and no animation frames ever. */
async function hidden(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(document, "visibilityState", { get: () => "hidden" });
    window.requestAnimationFrame = () => 0;
  });
}

const functionIds = (dist: Dist, file = "functions.json"): string[] =>
  (
    JSON.parse(readFileSync(path.join(dist.dir, file), "utf8")) as {
      functions: { id: string }[];
    }
  ).functions.map((f) => f.id);

const commandNames = (dist: Dist): string[] =>
  [
    ...readFileSync(path.join(dist.dir, "manifest.xml"), "utf8").matchAll(
      /<FunctionName>([^<]+)<\/FunctionName>/gu
    ),
  ].map((m) => m[1] ?? "");

describeBrowser("the shared runtime in chromium: custom functions and ribbon commands", () => {
  const pages = productionPages();

  const open = (prepare?: (page: Page) => Promise<unknown>): Promise<OpenedPage> =>
    pages.open("/taskpane.html", {
      locale: "zh-CN",
      officeJs: RECORDING_OFFICE_JS,
      ...(prepare ? { prepare } : {}),
    });

  const log = (page: Page): Promise<string[]> =>
    page.evaluate(() => (window as unknown as { officeLog: string[] }).officeLog);

  async function functionsAssociated(page: Page, ids: readonly string[]): Promise<string[]> {
    await page.waitForFunction(
      (n) =>
        (window as unknown as { officeLog: string[] }).officeLog.filter((e) =>
          e.startsWith("function ")
        ).length >= n,
      ids.length,
      // Polled on a timer: a hidden page may produce no animation frames to poll on.
      { timeout: 20_000, polling: 100 }
    );
    return log(page);
  }

  function expectNoErrors(o: OpenedPage): void {
    expect(o.problems.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
    expect(o.unexpectedConsoleErrors()).toEqual([]);
    expect(o.unexpectedRequests()).toEqual([]);
  }

  it("holds Excel's start, then associates every function in functions.json", async () => {
    const ids = functionIds(pages.dist());
    expect(ids.length).toBeGreaterThan(5);
    // Excel in Chinese reads functions.zh-CN.json: the same functions, so the same associations.
    expect(functionIds(pages.dist(), "functions.zh-CN.json")).toEqual(ids);
    const o = await open();
    const events = await functionsAssociated(o.page, ids);
    const associated = events.filter((e) => e.startsWith("function ")).map((e) => e.slice(9));
    expect([...associated].sort()).toEqual([...ids].sort());
    // Held before the first association: Excel waits (#BUSY!) instead of answering #VALUE!.
    expect(events.indexOf("delay")).toBeGreaterThanOrEqual(0);
    expect(events.indexOf("delay")).toBeLessThan(
      events.findIndex((e) => e.startsWith("function "))
    );
    expectNoErrors(o);
  }, 60_000);

  it("associates every ribbon command at once; a click loads its code and completes", async () => {
    const names = commandNames(pages.dist());
    expect(names.length).toBeGreaterThan(0);
    const o = await open();
    const requested: string[] = [];
    o.page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    const events = await log(o.page);
    expect(events.filter((e) => e.startsWith("command ")).map((e) => e.slice(8))).toEqual(names);
    expect(requested.filter((p) => /\/commands[.\w-]*\.js$/u.test(p))).toEqual([]);

    // Outside Excel the command's action cannot reach a workbook: it says so, opens the pane and
    // completes, as every command must.
    const completed = await o.page.evaluate(
      (name) =>
        new Promise<boolean>((resolve) => {
          const handlers = (
            window as unknown as {
              commandHandlers: Record<string, (e: { completed(): void }) => unknown>;
            }
          ).commandHandlers;
          void handlers[name]?.({ completed: () => resolve(true) });
        }),
      names[0] ?? ""
    );
    expect(completed).toBe(true);
    expect(requested.filter((p) => /\/commands[.\w-]*\.js$/u.test(p))).toHaveLength(1);
    expect(await log(o.page)).toContain("showAsTaskpane");
    // One runtime, one module registry: what the command said is in the pane's status list.
    const status = o.page.getByRole("region", { name: t("zh-CN", "pane.status.title") });
    await status.waitFor({ state: "visible", timeout: 15_000 });
    expect(await status.textContent()).toContain(t("zh-CN", "writer.unknown"));
    expectNoErrors(o);
  }, 60_000);

  it("in a page no one sees (no frames), the functions are associated all the same", async () => {
    const ids = functionIds(pages.dist());
    const o = await open(hidden);
    const events = await functionsAssociated(o.page, ids);
    expect(events.filter((e) => e.startsWith("function ")).length).toBe(ids.length);
    expectNoErrors(o);
  }, 60_000);
});
