/**
 * The add-in as an organisation hosts it: one production build for a base under a path
 * (ADDIN_BASE_URL=https://127.0.0.1:<port>/jiqun/) with Office.js beside it (OFFICE_JS=self),
 * written to a temp dir (webpack --output-path, so the repository's dist/ is left alone), served by
 * a plain Node https server (a certificate made here with the openssl command line) under /jiqun/
 * only, as any static web server would, and opened in Debian's chromium.
 *
 * It shows: every URL in the built manifest answers 200 with its file's Content-Type; the pane
 * draws its first screen there; Office.js initialises from the local copy (Office.onReady answers,
 * outside Office, with host null, and its loader's base is the add-in's own office-js/); and no
 * request leaves the add-in's origin. A build that linked anything absolutely (publicPath "/",
 * say) would ask for it outside /jiqun/ and get 404; one that kept a localhost URL in the manifest
 * fails the URL check.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser, BrowserContext, ConsoleMessage } from "playwright-core";
import { t } from "../../src/i18n";
import { contentTypeFor, describeBrowser, launchChromium, REPO_ROOT } from "../support/browser";

const MOUNT = "/jiqun/";

/** What each kind of file must be served as (Office and browsers go by the header). */
const EXPECTED_TYPE: Readonly<Record<string, RegExp>> = {
  ".html": /^text\/html\b/u,
  ".js": /^(?:text|application)\/javascript\b/u,
  ".json": /^application\/json\b/u,
  ".png": /^image\/png$/u,
};

/** A self-signed certificate for 127.0.0.1, made with the openssl command line. */
function certificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  const r = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-sha256",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { encoding: "utf8" }
  );
  if (r.status !== 0) throw new Error(`openssl failed: ${r.error?.message ?? r.stderr}`);
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

interface HttpsStatic {
  readonly port: number;
  /** Paths asked for that the server did not have (or outside the mount). */
  readonly notFound: string[];
  close(): Promise<void>;
}

/** Serves `dir` at https://127.0.0.1:<port>/jiqun/ (GET and HEAD), nothing elsewhere. */
async function serveHttps(dir: string, tls: { key: Buffer; cert: Buffer }): Promise<HttpsStatic> {
  const notFound: string[] = [];
  const server = https.createServer(tls, (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "https://x").pathname);
    const file = pathname.startsWith(MOUNT)
      ? path.resolve(dir, `./${pathname.slice(MOUNT.length)}`)
      : "";
    let ok = file.startsWith(path.resolve(dir) + path.sep);
    try {
      ok = ok && fs.statSync(file).isFile();
    } catch {
      ok = false;
    }
    if (!ok || (req.method !== "GET" && req.method !== "HEAD")) {
      notFound.push(pathname);
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { "Content-Type": contentTypeFor(file), "Content-Length": body.length });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    notFound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `webpack --mode production --output-path <out>` with `env` added; rejects with its output. */
function build(out: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const webpack = path.join(REPO_ROOT, "node_modules", "webpack", "bin", "webpack.js");
    const child = spawn(process.execPath, [webpack, "--mode", "production", "--output-path", out], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (output += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`webpack exit ${code}:\n${output.slice(-4000)}`))
    );
  });
}

/** GET over https, trusting our own certificate only. */
function get(url: string, ca: Buffer): Promise<{ status: number; type: string; size: number }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let size = 0;
        res.on("data", (d: Buffer) => (size += d.length));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"] ?? ""),
            size,
          })
        );
      })
      .on("error", reject);
  });
}

describeBrowser("the add-in hosted under a path, with Office.js beside it", () => {
  let tmp: string;
  let out: string;
  let tls: { key: Buffer; cert: Buffer };
  let server: HttpsStatic | undefined;
  let browser: Browser | undefined;
  let base: string;

  beforeAll(async () => {
    browser = await launchChromium(); // first: a broken browser fails before the build
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jiqun-deploy-e2e-"));
    out = path.join(tmp, "dist");
    tls = certificate(tmp);
    // The port is part of the base, so the server listens first and serves the build once written.
    server = await serveHttps(out, tls);
    base = `https://127.0.0.1:${server.port}${MOUNT}`;
    await build(out, { ADDIN_BASE_URL: base, OFFICE_JS: "self" });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("serves every URL of the built manifest, each with its Content-Type", async () => {
    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/u);
    const urls = [
      ...new Set(
        [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/gu)].map(
          (m) => m[1] ?? ""
        )
      ),
    ];
    // The pane, the functions' script and metadata, the support page and every icon.
    expect(urls.length).toBeGreaterThan(50);
    expect(urls.filter((u) => !u.startsWith(base))).toEqual([]);
    for (const ext of [".html", ".js", ".json", ".png"])
      expect(urls.some((u) => u.endsWith(ext))).toBe(true);
    const answers = await Promise.all(
      urls.map(async (url) => ({ url, ...(await get(url, tls.cert)) }))
    );
    for (const a of answers) {
      expect({ url: a.url, status: a.status }).toEqual({ url: a.url, status: 200 });
      expect(a.size).toBeGreaterThan(0);
      const expected = EXPECTED_TYPE[path.extname(new URL(a.url).pathname)];
      expect(expected).toBeDefined();
      expect({ url: a.url, type: a.type }).toEqual({
        url: a.url,
        type: expect.stringMatching(expected ?? /^$/u),
      });
    }
  }, 60_000);

  it("draws the pane, Office.js from its own copy initialises, nothing leaves the origin", async () => {
    if (!browser) throw new Error("beforeAll did not finish");
    const origin = new URL(base).origin;
    const context: BrowserContext = await browser.newContext({
      locale: "zh-CN",
      viewport: { width: 360, height: 640 },
      ignoreHTTPSErrors: true,
      serviceWorkers: "block",
    });
    try {
      const requests: string[] = [];
      const outside: string[] = [];
      context.on("request", (r) => requests.push(r.url()));
      // Anything leaving the origin is recorded and never reaches a network.
      await context.route(
        (u) => u.origin !== origin,
        (route) => {
          outside.push(route.request().url());
          return route.abort("failed");
        }
      );
      const page = await context.newPage();
      const pageErrors: string[] = [];
      const consoleErrors: ConsoleMessage[] = [];
      page.on("pageerror", (e) => pageErrors.push(e.stack ?? e.message));
      page.on("console", (m) => (m.type() === "error" ? consoleErrors.push(m) : undefined));
      await page.goto(`${base}taskpane.html`, { waitUntil: "load", timeout: 30_000 });

      // The first screen, as usual: title, and an action ready to click.
      await page
        .getByRole("heading", { level: 1, name: t("zh-CN", "app.name"), exact: true })
        .waitFor({ state: "visible", timeout: 20_000 });
      await page
        .getByRole("button", { name: t("zh-CN", "pane.action.insertShenbao"), exact: true })
        .waitFor({ state: "visible", timeout: 20_000 });

      // Microsoft's loader ran from here and answered: outside Office, host null.
      const office = await page.evaluate(async () => {
        const w = window as unknown as {
          Office: { onReady(): Promise<{ host: unknown; platform: unknown }> };
          OSF: {
            _OfficeAppFactory: { getLoadScriptHelper(): { getOfficeJsBasePath(): string } };
          };
        };
        const info = await w.Office.onReady();
        return {
          host: info.host,
          platform: info.platform,
          basePath: w.OSF._OfficeAppFactory.getLoadScriptHelper().getOfficeJsBasePath(),
          script: document.querySelector<HTMLScriptElement>('script[src$="office.js"]')?.src,
        };
      });
      expect(office).toEqual({
        host: null,
        platform: null,
        basePath: `${base}office-js/`,
        script: `${base}office-js/office.js`,
      });
      expect(requests).toEqual(
        expect.arrayContaining([
          `${base}office-js/office.js`,
          `${base}office-js/o15apptofilemappingtable.js`,
        ])
      );

      // Outside Office the loader's plain-browser file adds a hidden frame on Microsoft's
      // telemetry proxy once its 3 s timer fires; the page's frame-src 'self' keeps it from
      // loading. Waited for as the frame appearing, then nothing may have left the origin.
      const telemetry = page.locator('iframe[src*="telemetryproxy"]');
      await telemetry.waitFor({ state: "attached", timeout: 20_000 });
      expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
      expect(outside).toEqual([]);
      expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
      expect(server?.notFound).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(
        consoleErrors
          .map((m) => m.text())
          // Chromium's note that it refused the frame, and nothing else.
          .filter(
            (text) =>
              !/^Framing 'https:\/\/telemetryservice\.[^']*' violates .*frame-src 'self'/u.test(
                text
              )
          )
      ).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
