// After `npm run build`: the page's one entry (taskpane.js) and the chunks it loads, taskpane.html,
// functions.json and functions.zh-CN.json exist; each equals its reviewed golden copy
// (test/functions/functions.golden.json, functions.zh-CN.golden.json), both let error cells through
// (allowErrorForDataTypeAny) and declare the same functions, functions.json in English and
// functions.zh-CN.json (what manifest.xml gives Excel in Chinese) in Chinese;
// taskpane.html loads taskpane.js alone of the bundles (the functions and the ribbon commands'
// code are chunks it loads itself). That the page associates every function and command it
// should, in a browser, is test/e2e/runtime.e2e.test.ts's to show.
// taskpane.html runs the engine check (engine-check.js) first, as a plain blocking script ahead of
// every bundle, and that file is the ES5 source byte for byte: Internet Explorer 11 must parse it.
// office.js is deferred ahead of the bundles: it runs before them, in order, without holding the
// page unpainted while Microsoft's CDN does not answer (the engine check then says so). Built with
// OFFICE_JS=self it comes from office-js/office.js beside the page instead, and every Office.js
// file the build copied there is Microsoft's byte for byte (tools/deploy/deploy.js lists them).
// support.html (the manifest's <SupportUrl>) is there.
// taskpane.html links favicon.ico, which is at the root and holds the add-in icon's 16 and 32 px
// PNGs byte for byte.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { parse } from "acorn";

const { OFFICE_JS_DIR, OFFICE_JS_FILES } = createRequire(import.meta.url)("./deploy/deploy.js");

// The build to check: dist/, or the directory given (a build made with --output-path).
const dist = process.argv[2]
  ? pathToFileURL(`${path.resolve(process.argv[2])}${path.sep}`)
  : new URL("../dist/", import.meta.url);
const problems = [];
for (const f of [
  "taskpane.html",
  "taskpane.js",
  "commands.js",
  "functions.js",
  "functions.json",
  "functions.zh-CN.json",
  "manifest.xml",
  "engine-check.js",
  "favicon.ico",
  "support.html",
  "assets/icon-16.png",
  "assets/icon-32.png",
]) {
  if (!existsSync(new URL(f, dist))) problems.push(`missing dist/${f}`);
}
if (problems.length === 0) {
  const meta = {};
  for (const [file, golden] of [
    ["functions.json", "functions.golden.json"],
    ["functions.zh-CN.json", "functions.zh-CN.golden.json"],
  ]) {
    meta[file] = JSON.parse(readFileSync(new URL(file, dist), "utf8"));
    const reviewed = readFileSync(new URL(`../test/functions/${golden}`, import.meta.url), "utf8");
    if (JSON.stringify(meta[file]) !== JSON.stringify(JSON.parse(reviewed)))
      problems.push(`dist/${file} differs from test/functions/${golden}`);
    // Added by webpack.config.js (finishFunctionsMetadata), not by the generator: without it Excel
    // never calls a function whose range holds an error cell.
    if (meta[file].allowErrorForDataTypeAny !== true)
      problems.push(`dist/${file} lacks allowErrorForDataTypeAny: true`);
  }
  const en = meta["functions.json"];
  const zhCN = meta["functions.zh-CN.json"];
  // The same ids and names in both: a formula reads the same in either locale.
  const names = (m) => m.functions.map((f) => `${f.id}=${f.name}`).join();
  if (names(en) !== names(zhCN))
    problems.push("dist/functions.json and functions.zh-CN.json declare different functions");
  for (const f of en.functions)
    if (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(f.description ?? ""))
      problems.push(`dist/functions.json: ${f.id} is described in Chinese, not English`);
  for (const f of zhCN.functions)
    if (!/\p{Script=Han}/u.test(f.description ?? ""))
      problems.push(`dist/functions.zh-CN.json: ${f.id} has no Chinese description`);

  const html = readFileSync(new URL("taskpane.html", dist), "utf8");
  const bundles = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/giu)]
    .map(([, src]) => src)
    .filter(
      (src) =>
        !/^https?:/iu.test(src) && src !== "engine-check.js" && src !== `${OFFICE_JS_DIR}/office.js`
    );
  if (bundles.join() !== "taskpane.js")
    problems.push(
      `taskpane.html must load taskpane.js alone of the bundles (found ${bundles.join(", ")})`
    );

  problems.push(...engineCheckProblems(html));
  problems.push(...faviconProblems(html));
  problems.push(...officeJsProblems(html));
}

/**
 * The engine check must run before the bundles (HtmlWebpackPlugin injects them with `defer`, so a
 * blocking script anywhere before them runs first) and stay ES5 after the build.
 */
function engineCheckProblems(html) {
  const out = [];
  const scripts = [...html.matchAll(/<script\b([^>]*)>/giu)].map(([, attrs]) => ({
    attrs,
    src: /\bsrc=["']?([^"'\s>]+)/iu.exec(attrs)?.[1] ?? "",
  }));
  const at = scripts.findIndex((s) => s.src === "engine-check.js");
  if (at < 0) out.push("taskpane.html has no <script src=engine-check.js>");
  else {
    // First of all, so that nothing (office.js, a bundle) runs before it.
    if (at !== 0) out.push("taskpane.html must load engine-check.js before any other script");
    if (/\b(defer|async)\b|\btype=["']?module/iu.test(scripts[at].attrs))
      out.push("engine-check.js must be a plain blocking script (no defer, async or module)");
  }
  const built = readFileSync(new URL("engine-check.js", dist), "utf8");
  const source = readFileSync(
    new URL("../src/taskpane/legacy/engine-check.js", import.meta.url),
    "utf8"
  );
  if (built !== source)
    out.push("dist/engine-check.js differs from src/taskpane/legacy/engine-check.js");
  try {
    parse(built, { ecmaVersion: 5, sourceType: "script" });
  } catch (e) {
    out.push(`dist/engine-check.js is not ES5: ${e.message}`);
  }
  return out;
}

/**
 * office.js: deferred (not async, not blocking), before the first bundle; from the CDN, or from
 * office-js/ with Microsoft's files unchanged.
 */
function officeJsProblems(html) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/giu)].map(([, attrs]) => attrs);
  const self = new RegExp(`\\bsrc=["']?${OFFICE_JS_DIR}/office\\.js["'\\s>]`, "iu");
  const at = scripts.findIndex(
    (attrs) => /appsforoffice\.microsoft\.com\//iu.test(attrs) || self.test(attrs)
  );
  if (at < 0) return ["taskpane.html does not load office.js"];
  const out = [];
  if (self.test(scripts[at])) {
    const source = new URL("../node_modules/@microsoft/office-js/dist/", import.meta.url);
    for (const f of OFFICE_JS_FILES) {
      const copy = new URL(`${OFFICE_JS_DIR}/${f}`, dist);
      if (!existsSync(copy)) out.push(`missing dist/${OFFICE_JS_DIR}/${f}`);
      else if (!readFileSync(copy).equals(readFileSync(new URL(f, source))))
        out.push(`dist/${OFFICE_JS_DIR}/${f} differs from @microsoft/office-js's`);
    }
  }
  if (!/\bdefer\b/iu.test(scripts[at]) || /\basync\b|\btype=["']?module/iu.test(scripts[at]))
    out.push("taskpane.html must load office.js with defer (not async, not blocking)");
  const firstBundle = scripts.findIndex((attrs) => /\bsrc=["']?taskpane\.js/iu.test(attrs));
  if (firstBundle >= 0 && firstBundle < at)
    out.push("taskpane.html must load office.js before the bundles");
  return out;
}

/**
 * The page names favicon.ico as its icon, and the file is an icon (ICO) whose images are the
 * add-in icon's PNGs as the build ships them: 16 and 32 px.
 */
function faviconProblems(html) {
  const out = [];
  const links = [...html.matchAll(/<link\b([^>]*)>/giu)].map(([, attrs]) => attrs);
  const icon = links.find((attrs) => /\brel=["']?icon\b/iu.test(attrs));
  const href = icon && /\bhref=["']?([^"'\s>]+)/iu.exec(icon)?.[1];
  if (href !== "favicon.ico")
    out.push(`taskpane.html must link favicon.ico as its icon (found ${href})`);
  const ico = readFileSync(new URL("favicon.ico", dist));
  if (ico.length < 6 || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1)
    return [...out, "dist/favicon.ico is not an icon file"];
  const sizes = [];
  for (let i = 0; i < ico.readUInt16LE(4); i++) {
    const entry = 6 + 16 * i;
    const size = ico[entry] || 256;
    const image = ico.subarray(
      ico.readUInt32LE(entry + 12),
      ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8)
    );
    sizes.push(size);
    const png = new URL(`assets/icon-${size}.png`, dist);
    if (ico[entry + 1] !== ico[entry] || !existsSync(png) || !image.equals(readFileSync(png)))
      out.push(`dist/favicon.ico's ${size} px image is not dist/assets/icon-${size}.png`);
  }
  if (sizes.join() !== "16,32")
    out.push(`dist/favicon.ico holds ${sizes.join(", ")} px, not 16, 32`);
  return out;
}

if (problems.length) {
  console.error(`check-build: ${problems.length} problem(s)\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(
  "check-build: bundles, taskpane.html, functions.json and functions.zh-CN.json, the ES5 engine check, office.js deferred and the favicon OK"
);
