/**
 * The task pane in a real browser: the production bundles built once into a temp dir, served
 * over plain http on 127.0.0.1, and opened in Debian's chromium driven by playwright-core (never
 * a Playwright browser download). Install the browser with `tools/ensure-chromium.sh`.
 *
 * Facts this module relies on:
 * - taskpane.html loads office.js from Microsoft's CDN. There is no network in tests, so every
 *   request that leaves our origin is routed: office.js is aborted (or fulfilled with a script
 *   the test supplies), anything else is aborted and reported. Outside Office the pane renders
 *   all the same (src/taskpane/index.tsx mounts when `Office` is undefined).
 * - An aborted <script> logs one console error, "Failed to load resource: net::ERR_FAILED",
 *   located at the office.js URL; `isOfficeJsLoadFailure` recognises exactly that one.
 * - `chromium.launch` gives every browser a fresh temporary profile (user-data dir) and deletes
 *   it on close; each `openPage` gets its own context, so locales never leak between pages.
 *
 * Environment: E2E_DIST=<dir> reuses an existing production build (e.g. `dist/` after
 * `npm run build`) instead of building; E2E_CHROMIUM=<path> overrides /usr/bin/chromium (point
 * it at a missing file to see the local skip).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
} from "playwright-core";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** Where taskpane.html loads office.js from (src/taskpane/taskpane.html). */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The flags from our toolchain notes: headless, no sandbox (root in containers), no network chatter. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Same rule as the LibreOffice tests: CI set to anything but "", "false" or "0". */
export function inCi(): boolean {
  const ci = process.env.CI;
  return !!ci && ci !== "false" && ci !== "0";
}

/** Debian's chromium, or E2E_CHROMIUM when set. */
export function chromiumPath(): string {
  return process.env.E2E_CHROMIUM || "/usr/bin/chromium";
}

export function chromiumAvailable(): boolean {
  try {
    fs.accessSync(chromiumPath(), fs.constants.X_OK);
    return fs.statSync(chromiumPath()).isFile();
  } catch {
    return false;
  }
}

function missingChromiumMessage(): string {
  return `chromium not found at ${chromiumPath()}: run tools/ensure-chromium.sh (Debian's chromium)`;
}

/**
 * `describe` for browser tests. Without chromium it skips with a warning locally; under CI it
 * runs and every test fails with the reason, so a CI machine without chromium cannot go green.
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (chromiumAvailable()) {
    describe(name, fn);
  } else if (inCi()) {
    describe(name, () => {
      beforeAll(() => {
        throw new Error(`${missingChromiumMessage()}; CI requires it.`);
      });
      fn();
    });
  } else {
    console.warn(`${missingChromiumMessage()}. Skipping "${name}" (CI fails instead).`);
    describe.skip(name, fn);
  }
}

// ---------------------------------------------------------------------------------------------
// (a) The production bundles

export interface Dist {
  /** The directory holding taskpane.html, the bundles, manifest.xml and assets/. */
  readonly dir: string;
  /** False when E2E_DIST pointed at an existing build. */
  readonly built: boolean;
  /** How long the build took (0 when reused). */
  readonly ms: number;
  /** Removes the directory if this module built it; leaves a reused E2E_DIST alone. */
  cleanup(): void;
}

let distPromise: Promise<Dist> | undefined;

/**
 * The production build, made once per test process (`webpack --mode production --output-path
 * <tmp>`), or the existing build in E2E_DIST. Rejects with webpack's output when it fails.
 */
export function productionBuild(options: { timeoutMs?: number } = {}): Promise<Dist> {
  distPromise ??= makeBuild(options.timeoutMs ?? 120_000);
  return distPromise;
}

async function makeBuild(timeoutMs: number): Promise<Dist> {
  const reuse = process.env.E2E_DIST;
  if (reuse) {
    const dir = path.resolve(reuse);
    if (!fs.existsSync(path.join(dir, "taskpane.html"))) {
      throw new Error(`E2E_DIST=${reuse} has no taskpane.html: not a production build`);
    }
    return { dir, built: false, ms: 0, cleanup: () => undefined };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jiqun-e2e-dist-"));
  const webpackBin = path.join(REPO_ROOT, "node_modules", "webpack", "bin", "webpack.js");
  const start = Date.now();
  const args = [webpackBin, "--mode", "production", "--output-path", dir];
  const { code, output, timedOut } = await runNode(args, timeoutMs);
  if (code !== 0 || !fs.existsSync(path.join(dir, "taskpane.html"))) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `webpack --mode production failed (${timedOut ? "timed out" : `exit code ${code}`}):\n` +
        output.slice(-4000)
    );
  }
  return {
    dir,
    built: true,
    ms: Date.now() - start,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function runNode(
  args: string[],
  timeoutMs: number
): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let timedOut = false;
    child.stdout.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// (b) A static http server

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export interface StaticServer {
  /** e.g. "http://127.0.0.1:41234" */
  readonly origin: string;
  /** Absolute URL of a path in the served directory ("/taskpane.html" or "taskpane.html"). */
  url(p: string): string;
  /** Paths that got a 404 (a missing asset shows up here as well as in the console). */
  readonly notFound: string[];
  close(): Promise<void>;
}

/** Serves `dir` read-only (GET/HEAD) on a free 127.0.0.1 port; no caching, no directory listing. */
export async function serveDir(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const notFound: string[] = [];
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(root, `.${pathname}`);
    let ok = file.startsWith(root + path.sep);
    try {
      ok = ok && fs.statSync(file).isFile();
    } catch {
      ok = false;
    }
    if (!ok) {
      notFound.push(pathname);
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, {
      "Content-Type": contentTypeFor(file),
      "Content-Length": body.length,
      "Cache-Control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p) => new URL(p.replace(/^\/?/u, "/"), origin).href,
    notFound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// (c) Chromium

/** Launches Debian's chromium headless with a fresh temporary profile. */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(missingChromiumMessage());
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: 30_000,
  });
}

export interface PageProblems {
  /** Uncaught exceptions in the page. */
  readonly pageErrors: Error[];
  /** console.error calls and resource-load errors, office.js included. */
  readonly consoleErrors: ConsoleMessage[];
  /** Requests to anywhere but our origin (all aborted), office.js included. */
  readonly external: string[];
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: PageProblems;
  /** `consoleErrors` without the expected office.js load failure, as "text @ url" lines. */
  unexpectedConsoleErrors(): string[];
  /** `external` without office.js. */
  unexpectedRequests(): string[];
}

export interface OpenPageOptions {
  /** BCP 47 locale the browser reports (navigator.language, Accept-Language). */
  readonly locale: string;
  /** Task-pane-sized by default. */
  readonly viewport?: { width: number; height: number };
  readonly deviceScaleFactor?: number;
  /**
   * When given, office.js is answered with this script (e.g. a fake `Office`); otherwise its
   * request is aborted, as when the CDN is unreachable.
   */
  readonly officeJs?: string;
  /** Runs on the new page before it navigates: page.route() here takes precedence over the above. */
  readonly prepare?: (page: Page) => Promise<unknown>;
  /** What `openPage` waits for; "commit" when a request is held on purpose and `load` would wait. */
  readonly waitUntil?: "load" | "commit";
}

/** The console error an aborted office.js request produces, and nothing else. */
export function isOfficeJsLoadFailure(msg: ConsoleMessage): boolean {
  return (
    msg.type() === "error" &&
    msg.location().url === OFFICE_JS_URL &&
    /^Failed to load resource: net::ERR_FAILED$/u.test(msg.text())
  );
}

/**
 * A new context (own locale, own storage) and page on `url`, with every request outside
 * `origin` routed, console errors and page errors collected from the start. Waits for `load`.
 */
export async function openPage(
  browser: Browser,
  origin: string,
  url: string,
  options: OpenPageOptions
): Promise<OpenedPage> {
  const context = await browser.newContext({
    locale: options.locale,
    viewport: options.viewport ?? { width: 360, height: 640 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    serviceWorkers: "block",
  });
  const problems: PageProblems = { pageErrors: [], consoleErrors: [], external: [] };
  await context.route(
    (u) => u.origin !== origin,
    async (route) => {
      const u = route.request().url();
      problems.external.push(u);
      if (u === OFFICE_JS_URL && options.officeJs !== undefined) {
        await route.fulfill({
          status: 200,
          contentType: "text/javascript; charset=utf-8",
          body: options.officeJs,
        });
      } else {
        await route.abort("failed");
      }
    }
  );
  const page = await context.newPage();
  page.on("pageerror", (err) => problems.pageErrors.push(err));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.consoleErrors.push(msg);
  });
  await options.prepare?.(page);
  await page.goto(url, { waitUntil: options.waitUntil ?? "load", timeout: 30_000 });
  return {
    context,
    page,
    problems,
    unexpectedConsoleErrors: () =>
      problems.consoleErrors
        .filter((m) => !isOfficeJsLoadFailure(m))
        .map((m) => `${m.text()} @ ${m.location().url || "(no url)"}`),
    unexpectedRequests: () => problems.external.filter((u) => u !== OFFICE_JS_URL),
  };
}

// ---------------------------------------------------------------------------------------------
// (d) A describe block's pages

export interface ProductionPages {
  /** The build under test (after beforeAll). */
  dist(): Dist;
  /** Opens the page at `path` (e.g. "/taskpane.html"); its context closes after the test. */
  open(path: string, options: OpenPageOptions): Promise<OpenedPage>;
  /** The OpenedPage of a page `open` returned. */
  opened(page: Page): OpenedPage;
}

/**
 * For the calling describe block: chromium, the production build and a server for it
 * (beforeAll), every page's context closed after each test, the rest after the last.
 */
export function productionPages(): ProductionPages {
  let browser: Browser | undefined;
  let dist: Dist | undefined;
  let server: StaticServer | undefined;
  const pages = new Map<Page, OpenedPage>();

  beforeAll(async () => {
    browser = await launchChromium(); // first: a broken browser fails before a 15 s build
    dist = await productionBuild();
    server = await serveDir(dist.dir);
  }, 150_000);

  afterEach(async () => {
    await Promise.all([...pages.values()].map((o) => o.context.close()));
    pages.clear();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    dist?.cleanup();
  });

  return {
    dist: () => {
      if (!dist) throw new Error("beforeAll did not finish");
      return dist;
    },
    open: async (path, options) => {
      if (!browser || !server) throw new Error("beforeAll did not finish");
      const o = await openPage(browser, server.origin, server.url(path), options);
      pages.set(o.page, o);
      return o;
    },
    opened: (page) => {
      const o = pages.get(page);
      if (!o) throw new Error("not a page from this describe block's open()");
      return o;
    },
  };
}
