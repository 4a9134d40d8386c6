/**
 * The task pane end to end: the production bundles, served over http, opened in Debian's
 * chromium outside Office (office.js unreachable, so the pane runs on its in-memory workbook), in
 * Chinese and in English. Skips locally without /usr/bin/chromium (tools/ensure-chromium.sh);
 * fails under CI. RENDER_DOCS=1 refreshes docs/taskpane.png (the pane after checking example B)
 * and docs/taskpane-320.png (the walk at 320 px after its check).
 * E2E_DIST=dist reuses an existing `npm run build` instead of building.
 *
 * What the findings list must show is computed here from the domain, the way
 * src/taskpane/gateway/memoryGateway.ts reads a sheet: plan → typed values → readTemplateSheet →
 * evaluateSheet → recordsOf. The page is read through its accessibility tree (roles and names).
 *
 * The walk (「320 px walk」) goes through the pane as a clerk does, at the narrowest width it is
 * made for, and at every step requires that nothing scrolls sideways and that axe-core finds
 * no violation of its default rules. jsdom lays nothing out and takes the hidden attribute at
 * its word, so this is where a count that widens the pane, or a folded section a style keeps on
 * screen, shows.
 *
 * New steps go into new `it`s: `const page = await openPane("zh-CN")`, drive it with Playwright
 * locators, end with `expectNoErrors(page)`.
 */
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AxeResults } from "axe-core";
import type { Locator, Page } from "playwright-core";
import { describeOutcome } from "../../src/application";
import {
  batchParams,
  buildShenbaoPlan,
  evaluateShenbao,
  EXAMPLE_B,
  findAuthority,
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
import {
  DEFAULT_PANE_SETTINGS,
  evaluationSettings,
  type PaneSettings,
} from "../../src/settings/settings";
import { describeBrowser, productionPages, REPO_ROOT, OFFICE_JS_URL } from "../support/browser";

/** Screenshots land here on every run (overwritten); RENDER_DOCS=1 also copies to docs/. */
const SHOTS = path.join(tmpdir(), "jiqun-e2e");

/** axe-core's browser build, injected into the page for each audit. */
const AXE_SCRIPT = path.join(REPO_ROOT, "node_modules", "axe-core", "axe.min.js");

const ZH: Locale = "zh-CN";
const EN: Locale = "en-US";
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

/** The localStorage key the first-run guide's 「知道了」 sets (FirstRunGuide.tsx). */
const GUIDE_DISMISSED = "jiqun.guideDismissed";

/** About the width desktop Office opens a task pane at, and the narrowest the pane is made for. */
const NARROW = { width: 320, height: 640 };

// ---------------------------------------------------------------------------------------------
// What the pane should report, from the domain

/** A sheet as the in-memory workbook holds it: the plan's cells (values typed in) by address. */
interface ExpectedSheet {
  readonly name: string;
  readonly plan: SheetPlan;
}

/** The blank 申报表 「插入申报表」 adds for a batch. */
function blankForm(batchYear: number): ExpectedSheet {
  const plan = buildShenbaoPlan(batchParams(batchYear), PLAN_TEXT_ZH);
  return { name: plan.sheetName, plan };
}

/** The blank 申报表 「插入申报表」 adds with the default settings (the latest batch). */
const BLANK: ExpectedSheet = blankForm(DEFAULT_PANE_SETTINGS.batchYear);

/** Example B typed into its batch's 申报表, as 「填入示例数据」 adds it. */
const SHEET_B: ExpectedSheet = (() => {
  const plan = withFormValues(
    buildShenbaoPlan(batchParams(EXAMPLE_B.batchYear), PLAN_TEXT_ZH),
    EXAMPLE_B.values
  );
  return { name: plan.sheetName, plan };
})();

/** The check's records for one sheet, read back from its cells like the memory gateway does. */
function expectedRecords(
  sheet: ExpectedSheet,
  locale: Locale = ZH,
  settings: PaneSettings = DEFAULT_PANE_SETTINGS
): FindingRecord[] {
  const values = new Map<string, CellValue>();
  for (const c of sheet.plan.cells) if (c.value !== undefined) values.set(c.address, c.value);
  const names = sheet.plan.names.map((n) => ({
    name: n.name,
    address: n.address.replace(/\$/gu, ""),
  }));
  const read = readTemplateSheet(sheet.name, names, (a) => values.get(a) ?? null);
  if (!read) throw new Error(`${sheet.name}: the plan has no template names`);
  return recordsOf(evaluateSheet(read, { settings: evaluationSettings(settings) }), locale);
}

const normalize = (s: string): string => s.replace(/\s+/gu, " ").trim();

/**
 * One finding as its button shows it: the severity badge, the sentence, then the details line
 * (`sheet!cell · rule · 实际值 … · 标准 … · method`; a western relaxation is in the sentence).
 */
interface ShownFinding {
  readonly severity: string;
  readonly message: string;
  readonly at: string;
  /** The details line after `sheet!cell · `. */
  readonly details: string;
}

const shown = (r: FindingRecord, locale: Locale = ZH): ShownFinding => {
  const details = [
    r.ruleName,
    ...(r.actualText !== undefined
      ? [t(locale, "pane.findings.actual", { actual: r.actualText })]
      : []),
    ...(r.thresholdText !== undefined
      ? [t(locale, "pane.findings.threshold", { threshold: r.thresholdText })]
      : []),
    ...(r.methodText !== undefined ? [r.methodText] : []),
  ].join(" · ");
  return {
    severity: t(locale, `severity.${r.severity}`),
    message: normalize(r.message),
    at: `${r.sheet}!${r.cell ?? "?"}`,
    details: normalize(details),
  };
};

/** The accessible name the finding's button has: its visible text, in reading order. */
const findingName = (r: FindingRecord, locale: Locale = ZH): string => {
  const s = shown(r, locale);
  return normalize(`${s.severity} ${s.message} ${s.at} · ${s.details}`);
};

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
 * A finding button's accessible name taken apart: "<severity> <sentence> <sheet>!<cell> · <rule
 * and numbers>". A sheet name is one word or Excel's "name (2)"; the sentence may hold spaces.
 */
function parseFindingName(name: string, locale: Locale = ZH): ShownFinding {
  const severities = SEVERITIES.map((s) => escapeRegExp(t(locale, `severity.${s}`))).join("|");
  const m = new RegExp(
    `^(${severities}) (.+) ([^\\s!]+(?: \\(\\d+\\))?)!([A-Z]+[0-9]+) · (.*)$`,
    "u"
  ).exec(name);
  if (!m) throw new Error(`finding button name not in the expected form: ${name}`);
  const [, severity = "", message = "", sheet = "", cell = "", details = ""] = m;
  return { severity, message, at: `${sheet}!${cell}`, details };
}

/** The findings groups' headers (h3s) under `scope`, in order (ARIA snapshot). */
async function groupHeaderNames(scope: Locator): Promise<string[]> {
  return (await scope.ariaSnapshot())
    .split("\n")
    .map((l) => /^\s*- heading "((?:[^"\\]|\\.)*)" \[level=3\]/u.exec(l)?.[1])
    .filter((n): n is string => n !== undefined)
    .map((n) => n.replace(/\\(.)/gu, "$1"));
}

/** A group header's counts, read back through the pane.findings.group template. */
interface GroupHeader {
  readonly sheet: string;
  readonly section: string;
  readonly counts: Record<Severity, number>;
}

function parseGroupName(name: string, locale: Locale = ZH): GroupHeader {
  const pattern = escapeRegExp(t(locale, "pane.findings.group")).replace(
    /\\\{(\w+)\\\}/gu,
    (_, p: string) =>
      ["errors", "warnings", "infos"].includes(p) ? `(?<${p}>\\d+)` : `(?<${p}>.+?)`
  );
  const g = new RegExp(`^${pattern}$`, "u").exec(name)?.groups;
  if (!g) throw new Error(`group header not in the expected form: ${name}`);
  return {
    sheet: g.sheet ?? "",
    section: g.section ?? "",
    counts: {
      error: Number(g.errors),
      warning: Number(g.warnings),
      info: Number(g.infos),
    },
  };
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
    // Generous: a check of a blank form renders a hundred findings on a busy CI machine.
    await region.waitFor({ state: "visible", timeout: 15_000 });
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

/** The pane fits its width: no sideways scrolling (360 px by default, 320 px in the walk). */
async function expectFitsWidth(page: Page, step = ""): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect({ step, scroll, client }).toEqual({ step, scroll: client, client });
}

/**
 * axe-core's default rules (WCAG 2 A and AA, and its best practices) over the whole document;
 * fails listing each violation with its id, impact, help text and the elements it found.
 */
async function expectNoAxeViolations(page: Page, step: string): Promise<void> {
  if (!(await page.evaluate(() => "axe" in globalThis))) {
    await page.addScriptTag({ path: AXE_SCRIPT });
  }
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: { run(context: Document): Promise<AxeResults> };
    };
    const results = await axe.run(document);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${(n.failureSummary ?? "").trim()}`),
    }));
  });
  const report = violations.map(
    (v) => `${step}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.join("\n    ")}`
  );
  expect(report).toEqual([]);
}

/**
 * Waits for the page's finite animations to end: an accordion group opens with a fade, and axe
 * measures colours as painted, so text caught mid-fade would count as low contrast.
 */
async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => {
      const end = a.effect?.getComputedTiming().endTime;
      return typeof end === "number" && Number.isFinite(end);
    });
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/** One step of the walk: the pane fits its width and axe finds nothing. */
async function audit(page: Page, step: string): Promise<void> {
  await animationsDone(page);
  await expectFitsWidth(page, step);
  await expectNoAxeViolations(page, step);
}

// ---------------------------------------------------------------------------------------------

describeBrowser("task pane in chromium (outside Office)", () => {
  const pages = productionPages();

  interface PaneOptions {
    readonly deviceScaleFactor?: number;
    readonly viewport?: { width: number; height: number };
  }

  /** The pane in a fresh context whose browser reports `locale`; resolves once it has rendered. */
  async function openPane(locale: Locale, options: PaneOptions = {}) {
    const o = await pages.open("/taskpane.html", { locale, ...options });
    await o.page
      .getByRole("heading", { level: 1, name: t(locale, "app.name"), exact: true })
      .waitFor({ state: "visible", timeout: 15_000 });
    return o.page;
  }

  /** The first screen, then the later panels (示例集群 among them). */
  const panelsLoaded = async (page: Page, locale: Locale): Promise<void> => {
    await page
      .getByRole("button", { name: action(locale, "insertShenbao"), exact: true })
      .waitFor({ state: "visible", timeout: 15_000 });
    await page
      .getByRole("combobox", { name: t(locale, "pane.example.label"), exact: true })
      .waitFor({ state: "visible", timeout: 15_000 });
  };

  /** The pane with its later panels loaded. */
  async function openWorkspace(locale: Locale, options: PaneOptions = {}) {
    const page = await openPane(locale, options);
    await panelsLoaded(page, locale);
    return page;
  }

  /** No uncaught exception, no console error but office.js failing to load, no other request out. */
  function expectNoErrors(page: Page): void {
    const o = pages.opened(page);
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

  /** With RENDER_DOCS set, the screenshot becomes the README's picture `docs/<name>`. */
  function toDocs(file: string, name: string): void {
    if (!process.env.RENDER_DOCS) return;
    const docs = path.join(REPO_ROOT, "docs");
    mkdirSync(docs, { recursive: true });
    copyFileSync(file, path.join(docs, name));
  }

  const region = (page: Page, titleKey: StringKey, locale: Locale = ZH): Locator =>
    page.getByRole("region", { name: t(locale, titleKey), exact: true });

  const clickAction = (
    page: Page,
    a: (typeof ACTIONS)[number],
    locale: Locale = ZH
  ): Promise<void> => page.getByRole("button", { name: action(locale, a), exact: true }).click();

  /** 「填入示例数据」 with example B chosen in 示例集群. */
  async function fillExampleB(page: Page, locale: Locale = ZH): Promise<void> {
    const select = page.getByRole("combobox", {
      name: t(locale, "pane.example.label"),
      exact: true,
    });
    await select.selectOption(EXAMPLE_B.key);
    expect(await select.inputValue()).toBe(EXAMPLE_B.key);
    await clickAction(page, "fillExample", locale);
    await liveMessage(
      page,
      t(locale, "pane.result.example", {
        key: EXAMPLE_B.key,
        sheet: SHEET_B.name,
        year: EXAMPLE_B.batchYear,
      })
    );
  }

  /** 「检查」; waits for its summary (a live region) and returns the findings region. */
  async function check(
    page: Page,
    expected: readonly FindingRecord[],
    sheets: number,
    locale: Locale = ZH
  ) {
    await clickAction(page, "check", locale);
    const c = counts(expected);
    await liveMessage(
      page,
      t(locale, "review.done", {
        sheets,
        errors: c.error,
        warnings: c.warning,
        infos: c.info,
        sheet: t(locale, "review.sheetName"),
      }),
      region(page, "pane.actions.title", locale)
    );
    return region(page, "pane.findings.title", locale);
  }

  /**
   * Opens every folded group (a long list opens its first one only), then waits until the list
   * holds `items` findings. A group's header is an h3 holding the button that folds it.
   */
  async function expandAllGroups(findings: Locator, items: number): Promise<void> {
    const folded = findings
      .getByRole("heading", { level: 3 })
      .getByRole("button", { expanded: false });
    while ((await folded.count()) > 0) {
      await folded.first().click();
    }
    if (items > 0)
      await findings
        .getByRole("listitem")
        .nth(items - 1)
        .waitFor();
    expect(await findings.getByRole("listitem").count()).toBe(items);
  }

  /**
   * The list shows exactly `expected` (as a multiset: the pane groups by sheet and section),
   * every group open; each group's header counts what its list holds.
   */
  async function expectFindings(
    findings: Locator,
    expected: readonly FindingRecord[],
    locale: Locale = ZH
  ) {
    expect(expected.filter((r) => r.cell === undefined)).toEqual([]); // every one is clickable
    await expandAllGroups(findings, expected.length);
    const names = await findingButtonNames(findings);
    const onPage = names.map((n) => parseFindingName(n, locale)).sort(bySortKey);
    expect(onPage).toEqual(expected.map((r) => shown(r, locale)).sort(bySortKey));

    const headers = await groupHeaderNames(findings);
    const lists = findings.getByRole("list");
    expect(await lists.count()).toBe(headers.length);
    for (const [i, header] of headers.entries()) {
      const inList = (await findingButtonNames(lists.nth(i))).map((n) =>
        parseFindingName(n, locale)
      );
      const g = parseGroupName(header, locale);
      const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
      for (const f of inList) {
        expect(f.at.startsWith(`${g.sheet}!`)).toBe(true);
        const s = SEVERITIES.find((x) => t(locale, `severity.${x}`) === f.severity);
        if (s) c[s]++;
      }
      expect({ header, counts: g.counts }).toEqual({ header, counts: c });
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
    await page.getByRole("button", { name: findingName(r), exact: true }).click();
    const memory = region(page, "pane.memory.title");
    await liveMessage(page, t(ZH, "pane.memory.selection", { cell: shown(r).at }), memory);
    expect(await memory.getByRole("status").count()).toBe(1);
  }

  /** The severity filter: a group of toggle buttons, 全部 first. */
  const filterGroup = (findings: Locator, locale: Locale = ZH): Locator =>
    findings.getByRole("group", { name: t(locale, "pane.findings.filter"), exact: true });

  /** The filter buttons' names for `records`: 全部 and one per level, each with its count. */
  function filterNames(records: readonly FindingRecord[], locale: Locale = ZH): string[] {
    const c = counts(records);
    return [
      t(locale, "pane.findings.all", { count: records.length }),
      ...SEVERITIES.map((s) =>
        t(locale, "pane.findings.bySeverity", { label: t(locale, `severity.${s}`), count: c[s] })
      ),
    ];
  }

  /** The headings' levels and texts, in document order. */
  const headings = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => ({
        level: Number(h.tagName.slice(1)),
        text: (h.textContent ?? "").trim(),
      }))
    );

  // -------------------------------------------------------------------------------------------

  it("renders in Chinese for a zh-CN browser: heading, title, lang, no errors", async () => {
    const page = await openPane(ZH);
    await expect(
      page.getByRole("heading", { level: 1, name: "集群申报助手", exact: true }).isVisible()
    ).resolves.toBe(true);
    expect(await page.title()).toBe("集群申报助手");
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/u);
    expect(pages.opened(page).problems.external).toEqual([OFFICE_JS_URL]); // routed, not fetched
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
    const page = await openWorkspace(EN);
    expect(await page.evaluate(() => navigator.language)).toBe("en-US");
    await expect(
      page
        .getByRole("heading", { level: 1, name: "Cluster Declaration Assistant", exact: true })
        .isVisible()
    ).resolves.toBe(true);
    for (const a of ACTIONS) {
      const name = action(EN, a);
      expect(name).not.toBe(action(ZH, a));
      expect(await page.getByRole("button", { name, exact: true }).count()).toBe(1);
    }
    expect(await page.getByRole("button", { name: action(ZH, "check") }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^en/u);
    expect(await page.title()).toBe(t(EN, "app.name"));
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
    const groups = await findings.getByRole("heading", { level: 3 }).allTextContents();
    expect(groups).toEqual(
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

    // The severity filter: one toggle button per level with its count, 全部 first and pressed.
    const filter = filterGroup(findings);
    const names = filterNames(all);
    expect(await roleNames(filter, "button")).toEqual(names);
    expect(await filter.getByRole("button").count()).toBe(names.length);
    const pressed = async () =>
      Promise.all(
        names.map((name) =>
          filter.getByRole("button", { name, exact: true }).getAttribute("aria-pressed")
        )
      );
    expect(await pressed()).toEqual(["true", "false", "false", "false"]);

    // 错误 only.
    await filter.getByRole("button", { name: names[1], exact: true }).click();
    await filter
      .getByRole("button", { name: names[1], exact: true, pressed: true })
      .waitFor({ state: "visible" });
    expect(await pressed()).toEqual(["false", "true", "false", "false"]);
    const errors = all.filter((r) => r.severity === "error");
    expect(errors.length).toBe(c.error);
    await expectFindings(findings, errors);

    // A B finding selects its cell in the in-memory workbook.
    await selectFinding(page, leadShareError(all));
    expectNoErrors(page);
  }, 90_000);

  it("accessibility (zh-CN): names, headings, keyboard order, live regions, list; docs screenshot", async () => {
    const page = await openWorkspace(ZH, { deviceScaleFactor: 2 });

    // Keyboard: Tab from the page start reaches the guide's 知道了, 修改设置, the two insert
    // actions, 检查 and 清除标记 (导出 Word is off outside Office), then 示例集群, and nothing
    // between them: the folded settings are out of reach.
    const settingsButton = page.getByRole("button", {
      name: t(ZH, "pane.settings.edit"),
      exact: true,
    });
    const targets = [
      t(ZH, "pane.guide.dismiss"),
      t(ZH, "pane.settings.edit"),
      action(ZH, "insertShenbao"),
      action(ZH, "insertHuizong"),
      action(ZH, "check"),
      action(ZH, "clear"),
      t(ZH, "pane.example.label"),
    ];
    const visited: string[] = [];
    for (let i = 0; i < 30 && !visited.includes(t(ZH, "pane.example.label")); i++) {
      await page.keyboard.press("Tab");
      visited.push(await focusedText(page));
    }
    expect(visited).toEqual(targets);

    // Opened, the settings come right after their button.
    expect(await settingsButton.getAttribute("aria-expanded")).toBe("false");
    await settingsButton.click();
    const closeSettings = page.getByRole("button", {
      name: t(ZH, "pane.settings.close"),
      exact: true,
      expanded: true,
    });
    await closeSettings.waitFor({ state: "visible" });
    await page.keyboard.press("Tab");
    expect(await focusedText(page)).toBe(t(ZH, "pane.settings.batch"));
    await page.keyboard.press("Tab");
    expect(await focusedText(page)).toBe(t(ZH, "pane.settings.authority"));

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
      ["combobox", t(ZH, "pane.settings.criteria")],
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
    // The pack file's <input type=file> is hidden: its named button opens it.
    const formControls = await page.evaluate(
      () =>
        document.querySelectorAll("select, input:not([type=hidden]):not([hidden]), textarea").length
    );
    expect(formControls).toBe(controls); // none left over without one of the names above
    expect(
      await page
        .getByRole("button", { name: t(ZH, "pane.settings.criteria.load"), exact: true })
        .count()
    ).toBe(1);
    await expectEveryControlNamed(page);
    await page
      .getByRole("radio", { name: t(ZH, "pane.settings.western.warn"), exact: true })
      .check();
    await closeSettings.click();
    await page
      .getByRole("combobox", { name: t(ZH, "pane.settings.batch"), exact: true })
      .waitFor({ state: "hidden" });

    // Headings: one h1 (the app), then the panels' h2s in order, the guide's first until it is
    // dismissed; no level skipped.
    const h2s = (guide: boolean) => [
      ...(guide ? [t(ZH, "pane.guide.title")] : []),
      ...[
        t(ZH, "pane.settings.title"),
        t(ZH, "pane.actions.title"),
        t(ZH, "pane.findings.title"),
        t(ZH, "pane.criteria.title", { year: DEFAULT_PANE_SETTINGS.batchYear }),
        t(ZH, "pane.memory.title"),
      ],
    ];
    const expectOutline = async (guide: boolean) => {
      const hs = await headings(page);
      expect(hs[0]).toEqual({ level: 1, text: t(ZH, "app.name") });
      expect(hs.filter((h) => h.level === 1)).toHaveLength(1);
      expect(hs.filter((h) => h.level === 2).map((h) => h.text)).toEqual(h2s(guide));
      hs.forEach((h, i) => {
        if (i > 0) expect(h.level).toBeLessThanOrEqual((hs[i - 1]?.level ?? 1) + 1);
      });
      expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual(h2s(guide));
      return hs;
    };
    await expectOutline(true);
    await page.getByRole("button", { name: t(ZH, "pane.guide.dismiss"), exact: true }).click();
    await region(page, "pane.guide.title").waitFor({ state: "detached" });
    await expectOutline(false);

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
    await expectEveryControlNamed(page); // the filter buttons and finding buttons too
    const outline = await expectOutline(false);
    // One h3 per group, its header: the list's groups are reachable by heading.
    expect(outline.filter((h) => h.level === 3).length).toBe(await lists.count());

    await selectFinding(page, leadShareError(b));
    expectNoErrors(page);

    toDocs(await screenshot(page, "taskpane-zh-CN-check"), "taskpane.png");
  }, 60_000);

  /**
   * The clerk's walk at 320 px: first run, settings, insert, fill, check, work through, filter,
   * clear. After every step: no sideways scrolling and no axe-core violation.
   */
  it.each([ZH, EN])(
    "320 px walk (%s): every step fits the width and passes axe-core",
    async (locale) => {
      const page = await openWorkspace(locale, { viewport: NARROW });
      const button = (key: StringKey, options: { expanded?: boolean } = {}) =>
        page.getByRole("button", { name: t(locale, key), exact: true, ...options });

      // First run: the three-step guide, above the settings.
      const guide = region(page, "pane.guide.title", locale);
      await guide.waitFor({ state: "visible" });
      expect(await guide.getByRole("listitem").allTextContents()).toEqual([
        t(locale, "pane.guide.step1"),
        t(locale, "pane.guide.step2"),
        t(locale, "pane.guide.step3"),
      ]);
      expect((await headings(page)).find((h) => h.level === 2)?.text).toBe(
        t(locale, "pane.guide.title")
      );
      await audit(page, "first run");

      // Dismissed, it is gone, and stays gone when the pane opens again on this computer.
      await guide.getByRole("button", { name: t(locale, "pane.guide.dismiss") }).click();
      await guide.waitFor({ state: "detached" });
      expect(await page.evaluate((key) => localStorage.getItem(key), GUIDE_DISMISSED)).toBe("1");
      await audit(page, "guide dismissed");
      await page.reload({ waitUntil: "load" });
      await panelsLoaded(page, locale);
      expect(await guide.count()).toBe(0);

      // Settings: a summary line; the form folded (off screen) until 修改设置.
      const settings = region(page, "pane.settings.title", locale);
      const batch = page.getByRole("combobox", {
        name: t(locale, "pane.settings.batch"),
        exact: true,
      });
      const authority = page.getByRole("combobox", {
        name: t(locale, "pane.settings.authority"),
        exact: true,
      });
      expect(await batch.isVisible()).toBe(false);
      await button("pane.settings.edit", { expanded: false }).click();
      await batch.waitFor({ state: "visible" });
      await button("pane.settings.close", { expanded: true }).waitFor({ state: "visible" });
      await audit(page, "settings open");

      // A batch and an authority; each change is saved, and the summary says what is set.
      const year = 2023;
      const jiangsu = findAuthority("江苏省");
      if (!jiangsu) throw new Error("江苏省 is not among the authorities");
      await batch.selectOption(String(year));
      await liveMessage(page, t(locale, "pane.settings.savedLocal"), settings);
      await authority.selectOption(jiangsu.name);
      const walked: PaneSettings = { ...DEFAULT_PANE_SETTINGS, batchYear: year };
      const summary = t(locale, "pane.settings.summary", {
        year,
        authority: jiangsu.name,
        western: t(locale, `pane.settings.western.${walked.westernMode}.short`),
      });
      await settings.getByText(summary, { exact: true }).waitFor({ state: "visible" });
      await settings
        .getByText(t(locale, "pane.settings.region", { region: t(locale, "region.east") }), {
          exact: true,
        })
        .waitFor({ state: "visible" });
      await audit(page, "settings changed");
      await button("pane.settings.close", { expanded: true }).click();
      await batch.waitFor({ state: "hidden" });
      await audit(page, "settings closed");

      // 插入申报表: the chosen batch's form.
      const blank = blankForm(year);
      await clickAction(page, "insertShenbao", locale);
      await liveMessage(page, t(locale, "writer.inserted", { sheet: blank.name }));
      await audit(page, "申报表 inserted");

      await fillExampleB(page, locale);
      await audit(page, "example B filled");

      // 检查: both forms, counted as the domain counts them.
      const records = [
        ...expectedRecords(blank, locale, walked),
        ...expectedRecords(SHEET_B, locale, walked),
      ];
      const findings = await check(page, records, 2, locale);
      const filter = filterGroup(findings, locale);
      expect(await roleNames(filter, "button")).toEqual(filterNames(records, locale));
      await audit(page, "checked");
      if (locale === ZH) toDocs(await screenshot(page, "taskpane-zh-CN-320"), "taskpane-320.png");

      // 下一处 ×2, 上一处: each stop in the status line, in the memory panel and in the list.
      const located = records.filter((r) => r.cell !== undefined);
      const memory = region(page, "pane.memory.title", locale);
      const stopAt = async (index: number, step: string) => {
        const r = located[index];
        if (!r) throw new Error(`no located finding ${index + 1}`);
        const at = shown(r, locale).at;
        await liveMessage(
          page,
          t(locale, "pane.findings.position", {
            index: index + 1,
            count: located.length,
            cell: at,
          }),
          findings
        );
        await liveMessage(page, t(locale, "pane.memory.selection", { cell: at }), memory);
        // The finding in hand is marked in the list, and only that one.
        expect(await findings.locator('[aria-current="true"]').count()).toBe(1);
        expect(
          await findings
            .getByRole("button", { name: findingName(r, locale), exact: true })
            .getAttribute("aria-current")
        ).toBe("true");
        await audit(page, step);
      };
      await button("pane.findings.next").click();
      await stopAt(0, "下一处 1");
      await button("pane.findings.next").click();
      await stopAt(1, "下一处 2");
      await button("pane.findings.previous").click();
      await stopAt(0, "上一处");

      // 错误 only: pressed, the others not; every group shows errors alone.
      const errorsName = filterNames(records, locale)[1] ?? "";
      await filter.getByRole("button", { name: errorsName, exact: true }).click();
      await filter
        .getByRole("button", { name: errorsName, exact: true, pressed: true })
        .waitFor({ state: "visible" });
      expect(await filter.getByRole("button", { pressed: true }).count()).toBe(1);
      const errors = records.filter((r) => r.severity === "error");
      await liveMessage(
        page,
        t(locale, "pane.findings.walk", {
          count: errors.filter((r) => r.cell !== undefined).length,
        }),
        findings
      );
      const headers = await groupHeaderNames(findings);
      const shownCounts = headers.map((h) => parseGroupName(h, locale).counts);
      expect(shownCounts.reduce((n, c) => n + c.error, 0)).toBe(errors.length);
      expect(shownCounts.every((c) => c.warning === 0 && c.info === 0)).toBe(true);
      for (const name of await findingButtonNames(findings)) {
        expect(parseFindingName(name, locale).severity).toBe(t(locale, "severity.error"));
      }
      await audit(page, "filtered to errors");

      // 清除标记: the findings sheet goes, and the list with it.
      await clickAction(page, "clear", locale);
      await liveMessage(
        page,
        describeOutcome(
          { kind: "cleared", marks: 0, notes: 0, sheet: t(locale, "review.sheetName") },
          locale
        ).text
      );
      await findings
        .getByText(t(locale, "pane.findings.notYet"), { exact: true })
        .waitFor({ state: "visible" });
      expect(
        await memory.getByText(t(locale, "pane.memory.sheets", { sheets: "" })).textContent()
      ).toBe(
        t(locale, "pane.memory.sheets", {
          sheets: ["Sheet1", blank.name, SHEET_B.name].join(t(locale, "pane.list.separator")),
        })
      );
      await audit(page, "marks cleared");
      expectNoErrors(page);
    },
    120_000
  );

  it.each([ZH, EN])(
    "320 px, three-digit counts (%s): a blank 申报表's check does not widen the pane",
    async (locale) => {
      const page = await openWorkspace(locale, { viewport: NARROW });
      await clickAction(page, "insertShenbao", locale);
      await liveMessage(page, t(locale, "writer.inserted", { sheet: BLANK.name }));
      const records = expectedRecords(BLANK, locale);
      expect(records.length).toBeGreaterThanOrEqual(100); // the point: three digits in the filter
      const findings = await check(page, records, 1, locale);
      const filter = filterGroup(findings, locale);
      expect(await roleNames(filter, "button")).toEqual(filterNames(records, locale));
      await audit(page, "blank checked");

      // Every group open: the whole list at 320 px, long sentences and cell names included.
      await expandAllGroups(findings, records.length);
      await audit(page, "blank checked, every group open");
      expectNoErrors(page);
    },
    120_000
  );
});
