/**
 * The static server behind the end-to-end tests (test/support/browser.ts): content types the
 * browser relies on (a script served as text/plain would not run), 404s recorded, nothing served
 * from outside the directory. No browser needed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { contentTypeFor, serveDir, type StaticServer } from "./browser";

describe("serveDir", () => {
  const parent = mkdtempSync(path.join(tmpdir(), "jiqun-serve-"));
  const dir = path.join(parent, "dist");
  let server: StaticServer;

  beforeAll(async () => {
    mkdirSync(path.join(dir, "assets"), { recursive: true });
    writeFileSync(path.join(dir, "taskpane.html"), "<!doctype html><title>集群申报助手</title>");
    writeFileSync(path.join(dir, "taskpane.js"), "console.log(1);");
    writeFileSync(path.join(dir, "assets", "icon-32.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(path.join(parent, "secret.txt"), "outside");
    server = await serveDir(dir);
  });

  function rawStatus(requestPath: string): Promise<number | undefined> {
    return new Promise((resolve, reject) => {
      const req = http.get(`${server.origin}/`, { path: requestPath }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      });
      req.on("error", reject);
    });
  }

  afterAll(async () => {
    await server.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it("serves files with the content type the browser needs", async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    const html = await fetch(server.url("/taskpane.html"));
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await html.text()).toContain("集群申报助手");
    const js = await fetch(server.url("taskpane.js"));
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    await js.arrayBuffer();
    const png = await fetch(server.url("/assets/icon-32.png"));
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await png.arrayBuffer())).toHaveLength(4);
  });

  it("answers 404 for missing files, directories and paths outside the directory", async () => {
    // Raw request paths: fetch() would normalise "/../" away before it reached the server.
    for (const p of ["/missing.js", "/", "/assets", "/../secret.txt", "/%2e%2e%2fsecret.txt"]) {
      expect([p, await rawStatus(p)]).toEqual([p, 404]);
    }
    expect(await rawStatus("/%E0%A4%A")).toBe(400); // malformed escape: an answer, not a crash
    expect(server.notFound).toEqual(expect.arrayContaining(["/missing.js", "/../secret.txt"]));
  });

  it("maps the build's extensions", () => {
    expect(contentTypeFor("functions.json")).toBe("application/json; charset=utf-8");
    expect(contentTypeFor("manifest.xml")).toBe("application/xml; charset=utf-8");
    expect(contentTypeFor("taskpane.js.LICENSE.txt")).toBe("text/plain; charset=utf-8");
    expect(contentTypeFor("blob.bin")).toBe("application/octet-stream");
  });
});
