/**
 * The task pane end to end: the production bundles, served over http, opened in Debian's
 * chromium outside Office (office.js unreachable, so the pane runs on its in-memory workbook), in
 * Chinese and in English. Skips locally without /usr/bin/chromium (tools/ensure-chromium.sh);
 * fails under CI. RENDER_DOCS=1 refreshes docs/taskpane.png (the pane after checking example B).
 * E2E_DIST=dist reuses an existing `npm run build` instead of building.
 *
 * What the findings list must show is computed here from the domain, the way
 * src/taskpane/gateway/memoryGateway.ts reads a sheet: plan → typed values → readTemplateSheet →
 * evaluateSheet → recordsOf. The page is read through its accessibility tree (roles and names).
 *
 * New steps go into new `it`s: `const page = await openPane("zh-CN")`, drive it with Playwright
 * locators, end with `expectNoErrors(page)`.
 */
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import {
  batchParams,
  buildShenbaoPlan,
  evaluateShenbao,
  EXAMPLE_B,
  readTemplateSheet,
  evaluateSheet,
  rulesForBatch,
  withFormValues,
  type CellValue,
  type Severity,
  type SheetPlan,
} from "../../src/domain";
import { t, type Locale, type StringKey } from "../../src/i18n";
import { formatFinding } from "../../src/i18n/findings";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { recordsOf, type FindingRecord } from "../../src/findings";
import { DEFAULT_PANE_SETTINGS, evaluationSettings } from "../../src/settings/settings";
import {
  describeBrowser,
  launchChromium,
  openPage,
  productionBuild,
  serveDir,
  REPO_ROOT,
  type Dist,
  type OpenedPage,
  type StaticServer,
  OFFICE_JS_URL,
} from "../support/browser";

/** Screenshots land here on every run (overwritten); RENDER_DOCS=1 also copies to docs/. */
const SHOTS = path.join(tmpdir(), "jiqun-e2e");

const ZH: Locale = "zh-CN";
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const ACTIONS = [
  "insertShenbao",
  "insertHuizong",
  "fillExample",
  "check",
  "clear",
  "exportWord",
] as const;
const action = (locale: Locale, a: (typeof ACTIONS)[number]): string =>
  t(locale, `pane.action.${a}` as StringKey);

// ---------------------------------------------------------------------------------------------
// What the pane should report, from the domain

/** A sheet as the in-memory workbook holds it: the plan's cells (values typed in) by address. */
interface ExpectedSheet {
  readonly name: string;
  readonly plan: SheetPlan;
}

/** The blank 申报表 「插入申报表」 adds with the default settings (the latest batch). */
const BLANK: ExpectedSheet = (() => {
  const plan = buildShenbaoPlan(batchParams(DEFAULT_PANE_SETTINGS.batchYear), PLAN_TEXT_ZH);
  return { name: plan.sheetName, plan };
})();

/** Example B typed into its batch's 申报表, as 「填入示例数据」 adds it. */
const SHEET_B: ExpectedSheet = (() => {
  const plan = withFormValues(
    buildShenbaoPlan(batchParams(EXAMPLE_B.batchYear), PLAN_TEXT_ZH),
    EXAMPLE_B.values
  );
  return { name: plan.sheetName, plan };
})();

/** The check's records for one sheet, read back from its cells like the memory gateway does. */
function expectedRecords(sheet: ExpectedSheet): FindingRecord[] {
  const values = new Map<string, CellValue>();
  for (const c of sheet.plan.cells) if (c.value !== undefined) values.set(c.address, c.value);
  const names = sheet.plan.names.map((n) => ({
    name: n.name,
    address: n.address.replace(/\$/gu, ""),
  }));
  const read = readTemplateSheet(sheet.name, names, (a) => values.get(a) ?? null);
  if (!read) throw new Error(`${sheet.name}: the plan has no template names`);
  const settings = evaluationSettings(DEFAULT_PANE_SETTINGS);
  return recordsOf(evaluateSheet(read, { settings }), ZH);
}

/** One finding as the list shows it: severity, sentence, and the cell its button selects. */
interface ShownFinding {
  readonly severity: string;
  readonly message: string;
  readonly at: string;
}

const shown = (r: FindingRecord): ShownFinding => ({
  severity: t(ZH, `severity.${r.severity}`),
  message: r.message,
  at: `${r.sheet}!${r.cell ?? "?"}`,
});

const bySortKey = (a: ShownFinding, b: ShownFinding): number =>
  `${a.at}\u0000${a.message}`.localeCompare(`${b.at}\u0000${b.message}`);

function counts(records: readonly FindingRecord[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of records) out[r.severity]++;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading the page through its accessibility tree

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/**
 * A finding button's accessible name, "<severity> <message> <定位到 sheet!cell>", taken apart.
 * The last part follows the pane.findings.locate template.
 */
function parseFindingName(name: string): ShownFinding {
  const locate = escapeRegExp(t(ZH, "pane.findings.locate", { sheet: "\u0001", cell: "\u0002" }))
    .replace("\u0001", "(.+)")
    .replace("\u0002", "([A-Z]+[0-9]+)");
  const m = new RegExp(`^(\\S+) (.+) ${locate}$`, "u").exec(name);
  if (!m) throw new Error(`finding button name not in the expected form: ${name}`);
  const [, severity = "", message = "", sheet = "", cell = ""] = m;
  return { severity, message, at: `${sheet}!${cell}` };
}

/**
 * The accessible names of the buttons in the list items under `scope`, from Playwright's ARIA
 * snapshot (computed names, not attributes). Fails if a list item holds no named button.
 */
async function findingButtonNames(scope: Locator): Promise<string[]> {
  const lines = (await scope.ariaSnapshot()).split("\n");
  const names: string[] = [];
  lines.forEach((line, i) => {
    const item = /^(\s*)- listitem\b/u.exec(line);
    if (!item) return;
    const next = lines[i + 1] ?? "";
    const button = /^\s*- button "((?:[^"\\]|\\.)*)"/u.exec(next);
    if (!button || (/^(\s*)/u.exec(next)?.[1]?.length ?? 0) <= (item[1]?.length ?? 0)) {
      throw new Error(`list item without a named button: ${line} / ${next}`);
    }
    names.push((button[1] ?? "").replace(/\\(.)/gu, "$1"));
  });
  return names;
}

/** Accessible names of the elements with `role` under `scope`, in order (ARIA snapshot). */
async function roleNames(scope: Locator, role: string): Promise<string[]> {
  const line = new RegExp(`^\\s*- ${role} "((?:[^"\\\\]|\\\\.)*)"`, "u");
  return (await scope.ariaSnapshot())
    .split("\n")
    .map((l) => line.exec(l)?.[1])
    .filter((n): n is string => n !== undefined)
    .map((n) => n.replace(/\\(.)/gu, "$1"));
}

/**
 * Waits for a live region (role status or alert) under `scope` saying exactly `text`; returns
 * it. On a miss, fails with the live regions' texts rather than just a timeout.
 */
async function liveMessage(page: Page, text: string, scope?: Locator): Promise<Locator> {
  const root = scope ?? page;
  const live = root.getByRole("status").or(root.getByRole("alert"));
  const region = live.filter({ hasText: text }).first();
  try {
    await region.waitFor({ state: "visible", timeout: 5_000 });
  } catch (e) {
    expect((await live.allTextContents()).map((x) => x.trim())).toContain(text);
    throw e;
  }
  expect((await region.textContent())?.trim()).toBe(text);
  return region;
}

/** No control in the accessibility tree without a name (ARIA snapshot: `- role "name"`). */
async function expectEveryControlNamed(page: Page): Promise<void> {
  const control =
    /^\s*- (button|checkbox|combobox|listbox|radio|radiogroup|searchbox|slider|spinbutton|tab|tablist|textbox)\b(?! ")/u;
  const unnamed = (await page.locator("body").ariaSnapshot())
    .split("\n")
    .filter((l) => control.test(l));
  expect(unnamed).toEqual([]);
}

/** The accessible text of document.activeElement: aria-label, aria-labelledby, <label>, text. */
function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return "";
    const byIds = (e.getAttribute("aria-labelledby") ?? "")
      .split(/\s+/u)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    const labels =
      e instanceof HTMLSelectElement || e instanceof HTMLInputElement
        ? [...(e.labels ?? [])].map((l) => l.textContent ?? "").join(" ")
        : "";
    return (e.getAttribute("aria-label") || byIds || labels || e.textContent || "").trim();
  });
}

// ---------------------------------------------------------------------------------------------

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
  async function openPane(locale: Locale, options: { deviceScaleFactor?: number } = {}) {
    if (!browser || !server) throw new Error("beforeAll did not finish");
    const o = await openPage(browser, server.origin, server.url("/taskpane.html"), {
      locale,
      ...options,
    });
    opened.set(o.page, o);
    await o.page
      .getByRole("heading", { level: 1, name: t(locale, "app.name"), exact: true })
      .waitFor({ state: "visible", timeout: 15_000 });
    return o.page;
  }

  /** The pane with its second chunk (the panels) loaded. */
  async function openWorkspace(locale: Locale, options: { deviceScaleFactor?: number } = {}) {
    const page = await openPane(locale, options);
    await page
      .getByRole("button", { name: action(locale, "insertShenbao"), exact: true })
      .waitFor({ state: "visible", timeout: 15_000 });
    return page;
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

  const region = (page: Page, titleKey: StringKey): Locator =>
    page.getByRole("region", { name: t(ZH, titleKey), exact: true });

  const clickAction = (page: Page, a: (typeof ACTIONS)[number]): Promise<void> =>
    page.getByRole("button", { name: action(ZH, a), exact: true }).click();

  /** 「填入示例数据」 with example B chosen in 示例集群. */
  async function fillExampleB(page: Page): Promise<void> {
    const select = page.getByRole("combobox", { name: t(ZH, "pane.example.label"), exact: true });
    await select.selectOption(EXAMPLE_B.key);
    expect(await select.inputValue()).toBe(EXAMPLE_B.key);
    await clickAction(page, "fillExample");
    await liveMessage(
      page,
      t(ZH, "pane.result.example", {
        key: EXAMPLE_B.key,
        sheet: SHEET_B.name,
        year: EXAMPLE_B.batchYear,
      })
    );
  }

  /** 「检查」; waits for its summary (a live region) and returns the findings region. */
  async function check(page: Page, expected: readonly FindingRecord[], sheets: number) {
    await clickAction(page, "check");
    const c = counts(expected);
    await liveMessage(
      page,
      t(ZH, "review.done", {
        sheets,
        errors: c.error,
        warnings: c.warning,
        infos: c.info,
        sheet: t(ZH, "review.sheetName"),
      }),
      region(page, "pane.actions.title")
    );
    return region(page, "pane.findings.title");
  }

  /** The list shows exactly `expected` (as a multiset: the pane groups by sheet and section). */
  async function expectFindings(findings: Locator, expected: readonly FindingRecord[]) {
    expect(expected.filter((r) => r.cell === undefined)).toEqual([]); // every one is clickable
    const names = await findingButtonNames(findings);
    const onPage = names.map(parseFindingName).sort(bySortKey);
    expect(onPage).toEqual(expected.map(shown).sort(bySortKey));
    for (const name of names) {
      expect(
        SEVERITIES.map((s) => `${t(ZH, `severity.${s}`)} `).some((p) => name.startsWith(p))
      ).toBe(true);
    }
  }

  /** The B finding the acceptance clicks: 主导产业占比 70.0 (not above 70), its first year. */
  function leadShareError(records: readonly FindingRecord[]): FindingRecord {
    const r = records.find(
      (x) =>
        x.sheet === SHEET_B.name &&
        x.fieldId === "lead_output_share" &&
        x.severity === "error" &&
        x.actual === 70
    );
    if (!r?.cell) throw new Error("example B has no located 主导产业占比 error");
    return r;
  }

  /** Clicks the finding and expects 内存工作簿 to say its cell is selected. */
  async function selectFinding(page: Page, r: FindingRecord): Promise<void> {
    const s = shown(r);
    await page
      .getByRole("button", {
        name: `${s.severity} ${s.message} ${t(ZH, "pane.findings.locate", { sheet: r.sheet, cell: r.cell ?? "" })}`,
        exact: true,
      })
      .click();
    const memory = region(page, "pane.memory.title");
    await liveMessage(page, t(ZH, "pane.memory.selection", { cell: s.at }), memory);
    expect(await memory.getByRole("status").count()).toBe(1);
  }

  /** The pane fits the task pane's width (360 px): no sideways scrolling. */
  async function expectFitsWidth(page: Page): Promise<void> {
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect({ scroll, client }).toEqual({ scroll: client, client });
  }

  // -------------------------------------------------------------------------------------------

  it("renders in Chinese for a zh-CN browser: heading, title, lang, no errors", async () => {
    const page = await openPane(ZH);
    await expect(
      page.getByRole("heading", { level: 1, name: "集群申报助手", exact: true }).isVisible()
    ).resolves.toBe(true);
    expect(await page.title()).toBe("集群申报助手");
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/u);
    expect(opened.get(page)?.problems.external).toEqual([OFFICE_JS_URL]); // routed, not fetched
    await page
      .getByRole("button", { name: action(ZH, "insertShenbao"), exact: true })
      .waitFor({ state: "visible" });
    expectNoErrors(page);
    await page
      .getByRole("button", { name: action(ZH, "fillExample"), exact: true })
      .waitFor({ state: "visible" });
    await expectFitsWidth(page);
    await screenshot(page, "taskpane-zh-CN");
  }, 30_000);

  it("renders in English for an en-US browser: English actions, lang, title", async () => {
    const page = await openWorkspace("en-US");
    expect(await page.evaluate(() => navigator.language)).toBe("en-US");
    await expect(
      page
        .getByRole("heading", { level: 1, name: "Cluster Declaration Assistant", exact: true })
        .isVisible()
    ).resolves.toBe(true);
    for (const a of ACTIONS) {
      const name = action("en-US", a);
      expect(name).not.toBe(action(ZH, a));
      expect(await page.getByRole("button", { name, exact: true }).count()).toBe(1);
    }
    expect(await page.getByRole("button", { name: action(ZH, "check") }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^en/u);
    expect(await page.title()).toBe(t("en-US", "app.name"));
    expectNoErrors(page);
    await expectFitsWidth(page);
    await screenshot(page, "taskpane-en-US");
  }, 30_000);

  it("acceptance (zh-CN): insert a 申报表, fill example B, check; findings, filter, click-to-select", async () => {
    const page = await openWorkspace(ZH);

    // 插入申报表 (a blank one, latest batch): its findings are part of the check below.
    await clickAction(page, "insertShenbao");
    await liveMessage(page, t(ZH, "writer.inserted", { sheet: BLANK.name }));
    await fillExampleB(page);

    const blank = expectedRecords(BLANK);
    const b = expectedRecords(SHEET_B);
    // The expectation itself: B's sentences are what the evaluator says about EXAMPLE_B directly.
    expect(b.map((r) => r.message)).toEqual(
      evaluateShenbao(EXAMPLE_B.values, { batch: batchParams(EXAMPLE_B.batchYear) }).map((f) =>
        formatFinding(ZH, f, EXAMPLE_B.batchYear)
      )
    );
    expect(blank.length).toBeGreaterThan(0);
    const all = [...blank, ...b];

    const findings = await check(page, all, 2);
    await expectFindings(findings, all);
    const c = counts(all);
    expect(await findings.getByRole("heading", { level: 3 }).allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining(BLANK.name),
        expect.stringContaining(SHEET_B.name),
      ])
    );
    // 内存工作簿 lists what the flow made, with the 审查结果 sheet last.
    expect(
      await region(page, "pane.memory.title")
        .getByText(t(ZH, "pane.memory.sheets", { sheets: "" }))
        .textContent()
    ).toBe(
      t(ZH, "pane.memory.sheets", {
        sheets: ["Sheet1", BLANK.name, SHEET_B.name, "审查结果"].join(t(ZH, "pane.list.separator")),
      })
    );

    // The severity filter: one tab per level with its count, 全部 first and selected.
    const tablist = findings.getByRole("tablist", { name: t(ZH, "pane.findings.filter") });
    const tabNames = [
      t(ZH, "pane.findings.all", { count: all.length }),
      ...SEVERITIES.map((s) =>
        t(ZH, "pane.findings.bySeverity", { label: t(ZH, `severity.${s}`), count: c[s] })
      ),
    ];
    expect(await roleNames(tablist, "tab")).toEqual(tabNames);
    expect(await tablist.getByRole("tab").count()).toBe(tabNames.length);
    for (const name of tabNames) {
      expect(await tablist.getByRole("tab", { name, exact: true }).count()).toBe(1);
    }
    const allTab = tablist.getByRole("tab", { name: tabNames[0], exact: true });
    expect(await allTab.getAttribute("aria-selected")).toBe("true");

    // 错误 only.
    const errorTab = tablist.getByRole("tab", { name: tabNames[1], exact: true });
    await errorTab.click();
    expect(await errorTab.getAttribute("aria-selected")).toBe("true");
    await findings.getByRole("listitem").nth(c.error).waitFor({ state: "detached" });
    await expectFindings(
      findings,
      all.filter((r) => r.severity === "error")
    );

    // A B finding selects its cell in the in-memory workbook.
    await selectFinding(page, leadShareError(all));
    expectNoErrors(page);
  }, 30_000);

  it("accessibility (zh-CN): names, headings, keyboard order, live regions, list; docs screenshot", async () => {
    const page = await openWorkspace(ZH, { deviceScaleFactor: 2 });

    // Keyboard: Tab from the page start reaches the two insert actions, then 示例集群.
    const targets = [
      action(ZH, "insertShenbao"),
      action(ZH, "insertHuizong"),
      t(ZH, "pane.example.label"),
    ];
    const visited: string[] = [];
    for (let i = 0; i < 30 && !visited.includes(targets[2] ?? ""); i++) {
      await page.keyboard.press("Tab");
      visited.push(await focusedText(page));
    }
    expect(visited).toEqual(expect.arrayContaining(targets));
    const inTabOrder = [...targets].sort((x, y) => visited.indexOf(x) - visited.indexOf(y));
    expect(inTabOrder).toEqual(targets);

    // Every select, input and radio has an accessible name; with relaxed thresholds on, the
    // per-rule inputs appear, so those are named too.
    await page
      .getByRole("radio", { name: t(ZH, "pane.settings.western.thresholds"), exact: true })
      .check();
    const relaxed = rulesForBatch(batchParams(DEFAULT_PANE_SETTINGS.batchYear)).filter(
      (r) => r.cls === "hard"
    );
    expect(relaxed.length).toBeGreaterThan(0);
    const named: [Parameters<Page["getByRole"]>[0], string][] = [
      ["combobox", t(ZH, "pane.example.label")],
      ["combobox", t(ZH, "pane.settings.batch")],
      ["combobox", t(ZH, "pane.settings.authority")],
      ["radiogroup", t(ZH, "pane.settings.western")],
      ["radio", t(ZH, "pane.settings.western.warn")],
      ["radio", t(ZH, "pane.settings.western.thresholds")],
      ["radiogroup", t(ZH, "pane.settings.share")],
      ["radio", t(ZH, "pane.settings.share.every_year")],
      ["radio", t(ZH, "pane.settings.share.latest_year")],
      ...relaxed.map(
        (r) =>
          ["textbox", t(ZH, "pane.settings.relaxed", { rule: r.wording })] as ["textbox", string]
      ),
    ];
    await page.getByRole("textbox").first().waitFor({ state: "visible" });
    let controls = 0;
    for (const [role, name] of named) {
      expect({
        role,
        name,
        count: await page.getByRole(role, { name, exact: true }).count(),
      }).toEqual({ role, name, count: 1 });
      if (role !== "radiogroup") controls++;
    }
    const formControls = await page.evaluate(
      () => document.querySelectorAll("select, input:not([type=hidden]), textarea").length
    );
    expect(formControls).toBe(controls); // none left over without one of the names above
    await expectEveryControlNamed(page);
    await page
      .getByRole("radio", { name: t(ZH, "pane.settings.western.warn"), exact: true })
      .check();

    // Headings: one h1 (the app), then the panels' h2s in order; no level skipped.
    const headings = async () =>
      page.evaluate(() =>
        [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => ({
          level: Number(h.tagName.slice(1)),
          text: (h.textContent ?? "").trim(),
        }))
      );
    const h2s = [
      "pane.actions.title",
      "pane.findings.title",
      "pane.memory.title",
      "pane.settings.title",
    ].map((k) => t(ZH, k as StringKey));
    const expectOutline = async () => {
      const hs = await headings();
      expect(hs[0]).toEqual({ level: 1, text: t(ZH, "app.name") });
      expect(hs.filter((h) => h.level === 1)).toHaveLength(1);
      expect(hs.filter((h) => h.level === 2).map((h) => h.text)).toEqual(h2s);
      hs.forEach((h, i) => {
        if (i > 0) expect(h.level).toBeLessThanOrEqual((hs[i - 1]?.level ?? 1) + 1);
      });
      expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual(h2s);
      return hs;
    };
    await expectOutline();

    // Example B alone (no blank 申报表): its findings exactly, in a list of list items.
    await fillExampleB(page);
    const b = expectedRecords(SHEET_B);
    const findings = await check(page, b, 1);
    await expectFindings(findings, b);
    const lists = findings.getByRole("list");
    expect(await lists.count()).toBeGreaterThan(0);
    expect(await findings.getByRole("listitem").count()).toBe(b.length);
    expect(
      await findings
        .getByRole("listitem")
        .filter({ has: page.getByRole("button") })
        .count()
    ).toBe(b.length);
    await expectEveryControlNamed(page); // the filter tabs and finding buttons too
    const outline = await expectOutline();
    expect(outline.filter((h) => h.level === 3).length).toBe(await lists.count());

    await selectFinding(page, leadShareError(b));
    expectNoErrors(page);

    const file = await screenshot(page, "taskpane-zh-CN-check");
    if (process.env.RENDER_DOCS) {
      const docs = path.join(REPO_ROOT, "docs");
      mkdirSync(docs, { recursive: true });
      copyFileSync(file, path.join(docs, "taskpane.png"));
    }
  }, 30_000);
});
