/**
 * The task pane end to end: the production bundles, served over http, opened in Debian's
 * chromium outside Office (office.js unreachable), in Chinese and in English. Skips locally
 * without /usr/bin/chromium (tools/ensure-chromium.sh); fails under CI. RENDER_DOCS=1 refreshes
 * docs/taskpane.png. E2E_DIST=dist reuses an existing `npm run build` instead of building.
 *
 * New steps go into new `it`s: `const page = await openPane("zh-CN")`, drive it with Playwright
 * locators, end with `expectNoErrors(page)`.
 */
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { t, type Locale } from "../../src/i18n";
import {
  describeBrowser,
  launchChromium,
  openPage,
  productionBuild,
  serveDir,
  type Dist,
  type OpenedPage,
  type StaticServer,
  OFFICE_JS_URL,
} from "../support/browser";

/** Screenshots land here on every run (overwritten); RENDER_DOCS=1 also copies to docs/. */
const SHOTS = path.join(tmpdir(), "jiqun-e2e");

describeBrowser("task pane in chromium (outside Office)", () => {
  let browser: Browser | undefined;
  let dist: Dist | undefined;
  let server: StaticServer | undefined;
  const opened = new Map<Page, OpenedPage>();

  beforeAll(async () => {
    browser = await launchChromium(); // first: a broken browser fails before a 15 s build
    dist = await productionBuild();
    server = await serveDir(dist.dir);
  }, 150_000);

  afterEach(async () => {
    await Promise.all([...opened.values()].map((o) => o.context.close()));
    opened.clear();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    dist?.cleanup();
  });

  /** The pane in a fresh context whose browser reports `locale`; resolves once it has rendered. */
  async function openPane(locale: Locale): Promise<Page> {
    if (!browser || !server) throw new Error("beforeAll did not finish");
    const o = await openPage(browser, server.origin, server.url("/taskpane.html"), { locale });
    opened.set(o.page, o);
    await o.page
      .getByRole("heading", { level: 1, name: t(locale, "app.name"), exact: true })
      .waitFor({ state: "visible", timeout: 15_000 });
    return o.page;
  }

  /** No uncaught exception, no console error but office.js failing to load, no other request out. */
  function expectNoErrors(page: Page): void {
    const o = opened.get(page);
    if (!o) throw new Error("not a page from openPane");
    expect(o.problems.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
    expect(o.unexpectedConsoleErrors()).toEqual([]);
    expect(o.unexpectedRequests()).toEqual([]);
  }

  async function screenshot(page: Page, name: string): Promise<string> {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    mkdirSync(SHOTS, { recursive: true });
    const file = path.join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(5_000);
    return file;
  }

  it("renders in Chinese for a zh-CN browser: heading, title, lang, no errors", async () => {
    const page = await openPane("zh-CN");
    await expect(
      page.getByRole("heading", { level: 1, name: "集群申报助手", exact: true }).isVisible()
    ).resolves.toBe(true);
    expect(await page.title()).toBe("集群申报助手");
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/u);
    expect(opened.get(page)?.problems.external).toEqual([OFFICE_JS_URL]); // routed, not fetched
    expectNoErrors(page);

    const file = await screenshot(page, "taskpane-zh-CN");
    if (process.env.RENDER_DOCS) {
      mkdirSync("docs", { recursive: true });
      copyFileSync(file, "docs/taskpane.png");
    }
  }, 30_000);

  it("renders in English for an en-US browser", async () => {
    const page = await openPane("en-US");
    expect(await page.evaluate(() => navigator.language)).toBe("en-US");
    await expect(
      page
        .getByRole("heading", { level: 1, name: "Cluster Declaration Assistant", exact: true })
        .isVisible()
    ).resolves.toBe(true);
    expectNoErrors(page);
    await screenshot(page, "taskpane-en-US");
  }, 30_000);
});
