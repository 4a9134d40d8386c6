/**
 * The engine check (src/taskpane/legacy/engine-check.js), the ES5 script taskpane.html runs before
 * office.js and the ES2020 bundles. It is read as a file and run inside the real taskpane.html
 * template in a jsdom window of its own, once with the modern features removed (as Internet
 * Explorer 11, "Trident", lacks them) and once as is. Everything waits on the page's load event,
 * never on a timer: the office.js watch's one timer is taken from the page and fired by hand.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { getByRole, queryByRole } from "@testing-library/dom";
import { parse } from "acorn";
import { JSDOM, VirtualConsole, type DOMWindow } from "jsdom";
import { t, type Locale } from "../../src/i18n";
import { OFFICE_JS_LATE_ID, OFFICE_READY_LIMIT_MS } from "../../src/taskpane/Boot";

const SOURCE = readFileSync(
  path.join(__dirname, "../../src/taskpane/legacy/engine-check.js"),
  "utf8"
);
const TEMPLATE = readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
const TAG = '<script src="engine-check.js"></script>';

/** Stands in for the bundles HtmlWebpackPlugin appends to <head>: ES2020 fails to parse in Trident. */
const BUNDLE = '<script>window.bundleRan = true; throw new SyntaxError("ES2020 bundle");</script>';

const es5 = (src: string): unknown => parse(src, { ecmaVersion: 5, sourceType: "script" });

interface Page {
  readonly window: DOMWindow;
  readonly document: Document;
  /** Uncaught script errors jsdom reported (what the webview would show or log). */
  readonly errors: readonly string[];
}

/**
 * The template with the engine check inlined where its tag is (jsdom loads no files, and must not
 * fetch office.js: it does not, without `resources`), then the stand-in bundle. `strip` runs
 * before any script.
 */
const opened: DOMWindow[] = [];
afterEach(() => opened.splice(0).forEach((w) => w.close()));

async function openPage(strip: (window: DOMWindow) => void, withCheck = true): Promise<Page> {
  expect(TEMPLATE.split(TAG)).toHaveLength(2);
  const html = TEMPLATE.replace(TAG, withCheck ? `<script>${SOURCE}</script>` : "").replace(
    "</head>",
    `${BUNDLE}</head>`
  );
  const errors: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (e: Error) => errors.push(e.message));
  let onLoad = (): void => undefined;
  const loaded = new Promise<void>((resolve) => (onLoad = resolve));
  const dom = new JSDOM(html, {
    runScripts: "dangerously",
    virtualConsole,
    beforeParse(window) {
      strip(window);
      window.addEventListener("load", () => onLoad());
    },
  });
  await loaded;
  const { window } = dom;
  opened.push(window);
  return { window, document: window.document, errors };
}

/** What each old engine lacks; Trident lacks all of it. */
const REMOVALS: Readonly<Record<string, (w: DOMWindow) => void>> = {
  Promise: (w) => delete (w as { Promise?: unknown }).Promise,
  Symbol: (w) => delete (w as { Symbol?: unknown }).Symbol,
  "Object.assign": (w) => delete (w.Object as { assign?: unknown }).assign,
  "Object.fromEntries": (w) => delete (w.Object as { fromEntries?: unknown }).fromEntries,
  "String.prototype.replaceAll": (w) =>
    delete (w.String.prototype as { replaceAll?: unknown }).replaceAll,
  "document.documentMode": (w) =>
    Object.defineProperty(w.document, "documentMode", { value: 11, configurable: true }),
};
const trident = (w: DOMWindow): void => Object.values(REMOVALS).forEach((remove) => remove(w));
const modern = (): void => undefined;

const ZH_HEADING = "此 Office 版本过旧，无法运行集群申报助手";

/** The message's Chinese part: everything in the alert outside the English block. */
function chineseText(alert: HTMLElement): string {
  return Array.from(alert.children)
    .filter((c) => c.getAttribute("lang") !== "en")
    .map((c) => c.textContent ?? "")
    .join("\n");
}

function englishBlock(alert: HTMLElement): HTMLElement {
  const en = alert.querySelector<HTMLElement>('[lang="en"]');
  if (!en) throw new Error("no English block");
  return en;
}

describe("engine check: source", () => {
  it("parses as ES5 (acorn, ecmaVersion 5)", () => {
    expect(() => es5(SOURCE)).not.toThrow();
  });

  it.each([
    "var f = () => 1;",
    "let x = 1;",
    "const y = 1;",
    "var s = `x`;",
    "var o = { ...{} };",
    "class C {}",
    "var p = a?.b;",
  ])("a planted %s fails that parse", (planted) => {
    expect(() => es5(`${SOURCE}\n${planted}`)).toThrow(SyntaxError);
  });

  it("builds no HTML from strings, evaluates no code, and names nothing on the network", () => {
    const code = SOURCE.replace(/\/\*[\s\S]*?\*\//gu, "").replace(/^\s*\/\/.*$/gmu, "");
    for (const banned of [
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write/u,
      // A timer with a function is no evaluation; with a string it would be.
      /\beval\b|\bFunction\s*\(|setInterval|set(Timeout|Interval)\s*\(\s*["'`]/u,
      /XMLHttpRequest|fetch|sendBeacon|WebSocket|EventSource|\bImage\b|import/u,
      /https?:|\.src\b|\bhref\b|createElement\("(script|img|link|iframe)"/u,
    ]) {
      expect(code).not.toMatch(banned);
    }
  });

  it("taskpane.html loads office.js deferred, so that a CDN that does not answer blocks no paint", () => {
    const office = /<script\b[^>]*\bsrc="https:\/\/appsforoffice\.microsoft\.com\/[^>]*>/u.exec(
      TEMPLATE
    )?.[0];
    expect(office).toMatch(/\sdefer\b/u);
    expect(office).not.toMatch(/\basync\b|type="module"/u); // still in order, before the bundles
  });

  it("taskpane.html loads it before office.js as a plain blocking script", () => {
    const at = TEMPLATE.indexOf(TAG);
    expect(at).toBeGreaterThan(TEMPLATE.indexOf('http-equiv="X-UA-Compatible"'));
    expect(at).toBeLessThan(TEMPLATE.indexOf('src="https://appsforoffice.microsoft.com/'));
    expect(TEMPLATE.indexOf("<script")).toBe(at);
  });
});

describe("engine check: in an old engine", () => {
  it("Trident: shows the message in Chinese first, English below in smaller type", async () => {
    const { document } = await openPage(trident);
    const alert = getByRole(document.body, "alert");
    expect(document.body.firstElementChild).toBe(alert);
    const heading = getByRole(alert, "heading", { level: 1 });
    expect(heading.textContent).toBe(ZH_HEADING);
    expect(alert.firstElementChild).toBe(heading);
    expect(heading.textContent).toContain(t("zh-CN", "app.name"));

    const zh = chineseText(alert);
    for (const step of [
      "「文件」→「帐户」→「更新选项」",
      "Microsoft Edge WebView2 运行时",
      "Office 2021",
      "重新启动 Excel",
    ]) {
      expect(zh).toContain(step);
    }

    const en = englishBlock(alert);
    expect(alert.lastElementChild).toBe(en);
    for (const step of [
      t("en-US", "app.name"),
      "File → Account → Update Options",
      "Microsoft Edge WebView2 Runtime",
      "restart Excel",
    ]) {
      expect(en.textContent).toContain(step);
    }
    expect(parseFloat(en.style.fontSize)).toBeLessThan(parseFloat(alert.style.fontSize));
  });

  it("Trident: the Chinese prose uses full-width punctuation and 「」 quotes only", async () => {
    const { document } = await openPage(trident);
    const zh = chineseText(getByRole(document.body, "alert"));
    expect(zh).toMatch(/[，：（）。]/u);
    expect(zh.match(/[,:;()!?"'“”‘’『』]/gu) ?? []).toEqual([]);
    expect((zh.match(/「/gu) ?? []).length).toBe((zh.match(/」/gu) ?? []).length);
  });

  it("Trident: leaves #root alone and swallows the bundles' errors", async () => {
    const { window, document, errors } = await openPage(trident);
    expect(document.getElementById("root")?.childNodes).toHaveLength(0);
    expect((window as unknown as { bundleRan?: boolean }).bundleRan).toBe(true);
    expect(errors).toEqual([]);
  });

  it.each(Object.keys(REMOVALS))("without %s alone, shows the message", async (feature) => {
    const remove = REMOVALS[feature];
    if (!remove) throw new Error(feature);
    const { document } = await openPage(remove);
    expect(getByRole(document.body, "heading", { level: 1 }).textContent).toBe(ZH_HEADING);
  });
});

describe("engine check: in a modern engine", () => {
  it("changes nothing: same page as without it, no alert, errors still reported", async () => {
    const withCheck = await openPage(modern);
    const without = await openPage(modern, false);
    expect(withCheck.document.body.outerHTML).toBe(without.document.body.outerHTML);
    expect(queryByRole(withCheck.document.body, "alert")).toBeNull();
    expect(withCheck.window.onerror).toBeNull();
    expect(withCheck.errors).toEqual([expect.stringContaining("ES2020 bundle")]);
    expect(without.errors).toEqual(withCheck.errors);
  });
});

describe("engine check: while office.js does not come", () => {
  interface Watch {
    readonly page: Page;
    /** The timers the check started: [milliseconds, callback]. */
    readonly timers: [number, () => void][];
  }

  /** A modern page whose timers are recorded, not run, and whose browser says `language`. */
  async function watch(language: string, strip: (w: DOMWindow) => void = modern): Promise<Watch> {
    const timers: [number, () => void][] = [];
    const page = await openPage((w) => {
      strip(w);
      Object.defineProperty(w.navigator, "language", { value: language, configurable: true });
      (w as unknown as { setTimeout: (f: () => void, ms: number) => number }).setTimeout = (
        f,
        ms
      ) => timers.push([ms, f]);
    });
    return { page, timers };
  }

  /** Fires the check's timer as if office.js had not come: the page parsed, #root empty. */
  function fireWhileWaiting({ page, timers }: Watch): void {
    expect(timers.map(([ms]) => ms)).toEqual([OFFICE_READY_LIMIT_MS]);
    expect(page.document.getElementById("root")?.childNodes).toHaveLength(0);
    timers[0]?.[1]();
  }

  const late = (document: Document): HTMLElement | null =>
    document.getElementById(OFFICE_JS_LATE_ID);

  it.each<[string, Locale]>([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["", "zh-CN"],
    ["en-GB", "en-US"],
    ["fr-FR", "en-US"],
  ])(
    "browser language %p: after the pane's time limit, the pane's title, message and 重试 (%s)",
    async (language, locale) => {
      const w = await watch(language);
      fireWhileWaiting(w);
      const { document, errors } = w.page;
      const notice = late(document);
      if (!notice) throw new Error("no notice");
      expect(document.body.firstElementChild).toBe(notice);
      expect(notice.getAttribute("lang")).toBe(locale);
      expect(getByRole(notice, "heading", { level: 1 }).textContent).toBe(t(locale, "app.name"));
      expect(getByRole(notice, "alert").textContent).toBe(
        t(locale, "pane.failure.officeJs", { seconds: OFFICE_READY_LIMIT_MS / 1000 })
      );
      const retry = getByRole(notice, "button", { name: t(locale, "pane.retry") });
      // 重试 reloads the page, which jsdom does not implement (and says so).
      expect(errors).toEqual(["ES2020 bundle"].map((m) => expect.stringContaining(m)));
      retry.click();
      expect(errors.at(-1)).toMatch(/^Not implemented: navigation/u);
    }
  );

  it("says nothing once office.js has run, or once the pane is drawn without it", async () => {
    const arrived = await watch("zh-CN", (w) => {
      (w as unknown as { Office: object }).Office = {};
    });
    fireWhileWaiting(arrived);
    expect(late(arrived.page.document)).toBeNull();

    // office.js failed, the bundles ran and drew the pane outside Office.
    const failed = await watch("zh-CN");
    failed.page.document.getElementById("root")?.append(failed.page.document.createElement("main"));
    failed.timers[0]?.[1]();
    expect(late(failed.page.document)).toBeNull();
    expect(queryByRole(failed.page.document.body, "alert")).toBeNull();
  });

  it("Trident gets its own message and no watch", async () => {
    const { timers } = await watch("zh-CN", trident);
    expect(timers).toEqual([]);
  });
});
