/**
 * @jest-environment node
 */
// The hosting settings of a build (tools/deploy/deploy.js) and the manifest they produce, without
// webpack: ADDIN_BASE_URL is normalised or refused with a message, manifest.xml's development URLs
// all move onto the base, and tools/manifest/validate.mjs --base accepts the result, and refuses a
// URL left behind or a file the build lacks. test/e2e/deploy.e2e.test.ts serves a real build.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  DEV_BASE,
  DeployError,
  normaliseBase,
  resolveDeployment,
  rewriteManifest,
  type Deployment,
} from "../../tools/deploy/deploy";

const repoRoot = path.resolve(__dirname, "..", "..");
const manifest = readFileSync(path.join(repoRoot, "manifest.xml"), "utf8");
const BASE = "https://addins.example.gov.cn/jiqun/";

const urls = (xml: string): string[] =>
  [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/gu)].map((m) => m[1] ?? "");

describe("ADDIN_BASE_URL, ADDIN_SUPPORT_URL, OFFICE_JS", () => {
  it("default to the development server, its support page and the CDN", () => {
    expect(resolveDeployment({}, {})).toEqual({
      base: DEV_BASE,
      custom: false,
      supportUrl: `${DEV_BASE}support.html`,
      officeJs: "cdn",
    });
  });

  it.each([
    ["https://addins.example.gov.cn/jiqun", BASE],
    ["https://addins.example.gov.cn//jiqun//", BASE],
    ["  https://ADDINS.example.gov.cn:443/jiqun/ ", BASE],
    ["https://addins.example.gov.cn", "https://addins.example.gov.cn/"],
  ])("normalise %j to one trailing slash: %s", (raw, base) => {
    expect(normaliseBase(raw)).toBe(base);
  });

  it.each([
    ["http://addins.example.gov.cn/jiqun/", /must use https/u],
    ["addins.example.gov.cn/jiqun", /is not a URL/u],
    ["https://addins.example.gov.cn/jiqun/?v=2", /no user, \? or #/u],
  ])("refuse %j with a message", (raw, message) => {
    expect(() => resolveDeployment({}, { ADDIN_BASE_URL: raw })).toThrow(DeployError);
    expect(() => resolveDeployment({}, { ADDIN_BASE_URL: raw })).toThrow(message);
  });

  it("take --env base= as well, and refuse it disagreeing with ADDIN_BASE_URL", () => {
    expect(resolveDeployment({ base: BASE }, {}).base).toBe(BASE);
    expect(() => resolveDeployment({ base: BASE }, { ADDIN_BASE_URL: DEV_BASE })).toThrow(
      /disagree/u
    );
  });

  it("OFFICE_JS is cdn or self, ADDIN_SUPPORT_URL an https URL", () => {
    expect(resolveDeployment({}, { OFFICE_JS: "self" }).officeJs).toBe("self");
    expect(() => resolveDeployment({}, { OFFICE_JS: "local" })).toThrow(/"cdn" .* or "self"/u);
    expect(() => resolveDeployment({}, { ADDIN_SUPPORT_URL: "http://x/help" })).toThrow(
      /must use https/u
    );
  });
});

describe("the manifest for a base", () => {
  const deployment: Deployment = resolveDeployment({}, { ADDIN_BASE_URL: BASE });
  const built = rewriteManifest(manifest, deployment);

  let root: string;
  beforeAll(() => {
    // What the build serves at the base: the icons as they are, the other files empty.
    root = mkdtempSync(path.join(tmpdir(), "jiqun-deploy-"));
    for (const url of urls(built)) {
      const rel = url.slice(BASE.length);
      const file = path.join(root, ...rel.split("/"));
      mkdirSync(path.dirname(file), { recursive: true });
      if (rel.startsWith("assets/")) copyFileSync(path.join(repoRoot, rel), file);
      else writeFileSync(file, "");
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const validate = (name: string, xml: string) => {
    const file = path.join(root, `${name}.xml`);
    writeFileSync(file, xml, "utf8");
    const r = spawnSync(
      process.execPath,
      ["tools/manifest/validate.mjs", "--root", root, "--base", BASE, file],
      { cwd: repoRoot, encoding: "utf8", timeout: 30_000 }
    );
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  };

  it("has every URL on the base, the support page among them, and no localhost left", () => {
    const all = urls(built);
    expect(all).toHaveLength(urls(manifest).length);
    expect(all.filter((u) => !u.startsWith(BASE))).toEqual([]);
    expect(built).not.toMatch(/localhost/u);
    expect(built).toContain(`<SupportUrl DefaultValue="${BASE}support.html"/>`);
    // Only the URLs changed.
    expect(built.split(BASE).join(DEV_BASE)).toBe(manifest);
  });

  it("names ADDIN_SUPPORT_URL as its support page when given", () => {
    const own = resolveDeployment(
      {},
      { ADDIN_BASE_URL: BASE, ADDIN_SUPPORT_URL: "https://oa.example.gov.cn/help?id=1&v=2" }
    );
    expect(rewriteManifest(manifest, own)).toContain(
      '<SupportUrl DefaultValue="https://oa.example.gov.cn/help?id=1&amp;v=2"/>'
    );
  });

  it("passes validate.mjs --base, which refuses a URL off the base or a file the build lacks", () => {
    const ok = validate("built", built);
    expect(ok.output).toMatch(/^OK /mu);
    expect(ok.status).toBe(0);

    const stray = validate(
      "stray",
      built.replace(`${BASE}functions.json`, "https://localhost:3000/functions.json")
    );
    expect(stray.status).toBe(1);
    expect(stray.output).toMatch(
      /\[semantic\] .*<bt:Url>: DefaultValue "https:\/\/localhost:3000\/functions\.json" is not under the base https:\/\/addins\.example\.gov\.cn\/jiqun\//mu
    );

    const missing = validate("missing", built.replace(`${BASE}taskpane.html`, `${BASE}pane.html`));
    expect(missing.status).toBe(1);
    expect(missing.output).toMatch(
      /"https:\/\/addins\.example\.gov\.cn\/jiqun\/pane\.html" refers to .*pane\.html, which does not exist/mu
    );
  });
});
