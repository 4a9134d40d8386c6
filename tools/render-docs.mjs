#!/usr/bin/env node
/**
 * `npm run docs:images`: regenerates every image in docs/ that shows a printed form, the way a
 * clerk would make it: `jiqun template … --example …` writes the workbook, LibreOffice prints it
 * to PDF (recalculating the formulas, which a generated file carries without results), pdftoppm
 * turns the pages the README shows into PNG. When the command line has `jiqun export`, the Word
 * document of the same form is rendered too (docx → PDF → PNG); without it that step is skipped
 * with a message. Needs the Node build (`npm run build:node`, which the npm script runs first),
 * LibreOffice and poppler-utils (`bash tools/ensure-libreoffice.sh`).
 *
 * Plain Node on purpose: it runs the compiled command line and library exactly as users get them,
 * with nothing of the test tooling.
 */
import { spawnSync } from "node:child_process";
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const docs = path.join(root, "docs");
const jiqun = path.join(root, "bin", "jiqun.js");
/** Readable on screen, about 200 KB a page: 110 dpi is 910 × 1287 px for A4. */
const DPI = 110;

/** Each image: the workbook it is printed from and the page of that print. */
const IMAGES = [
  { file: "shenbao-A-page-1.png", from: "shenbao-A", page: 1 },
  { file: "shenbao-A-page-2.png", from: "shenbao-A", page: 2 },
  { file: "shenbao-A-page-last.png", from: "shenbao-A", page: "last" },
  { file: "shenbao-example-B-highlights.png", from: "shenbao-B", page: 2 },
  { file: "huizong-2023.png", from: "huizong-2023", page: 1 },
];
const WORD_IMAGES = [{ file: "word-shenbao-A-page-1.png", from: "shenbao-A", page: 1 }];

/**
 * A 150-character 简介 on the first 汇总表 row, so the image shows the longest text the column
 * allows held inside its printed row.
 */
const LONG_INTRO =
  "集群以白酒酿造为主导产业，集聚规模以上酿造企业六十余家，形成高粱种植、制曲、酿造、勾调、包装和物流销售的完整产业链，带动配套企业和农户协同发展，产品畅销全国各地并出口到二十多个国家和地区。集群建有省级白酒产品质量检验中心和技术研发创新平台，专精特新企业不断涌现，数字化酿造和绿色低碳生产水平持续提升。";

function fail(message) {
  console.error(message);
  process.exit(1);
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function run(command, args, what) {
  const r = spawnSync(command, args, { encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0)
    fail(`${what} failed (${r.error ?? `exit ${r.status}`}):\n${r.stderr || r.stdout}`);
  return r;
}

/** Profile settings: recalculate OOXML on load (generated files carry no formula results). */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

/** LibreOffice prints `input` (xlsx or docx) to `<dir>/<name>.pdf`; a fresh profile per call. */
function toPdf(soffice, input) {
  const dir = path.join(path.dirname(input), `pdf-${path.extname(input).slice(1)}`);
  const profile = mkdtempSync(path.join(tmpdir(), "render-docs-lo-"));
  try {
    mkdirSync(path.join(profile, "user"));
    writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE);
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      input,
    ];
    run(soffice, args, `LibreOffice printing ${path.basename(input)}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(dir, `${path.parse(input).name}.pdf`);
  // soffice exits 0 even when it could not load the file: the PDF is the proof.
  if (!existsSync(pdf)) fail(`LibreOffice wrote no PDF for ${input}`);
  return pdf;
}

function pageCount(pdf) {
  const info = run("pdfinfo", [pdf], `pdfinfo ${path.basename(pdf)}`).stdout;
  return Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1] ?? 0);
}

function renderPage(pdf, page, target) {
  const n = page === "last" ? pageCount(pdf) : page;
  const prefix = target.replace(/\.png$/u, "");
  run(
    "pdftoppm",
    ["-png", "-r", String(DPI), "-f", String(n), "-l", String(n), "-singlefile", pdf, prefix],
    `pdftoppm page ${n} of ${path.basename(pdf)}`
  );
  console.log(
    `docs/${path.basename(target)}  (page ${n}, ${Math.round(statSync(target).size / 1024)} KB)`
  );
}

function jiqunRun(args) {
  return run(process.execPath, [jiqun, ...args], `jiqun ${args.join(" ")}`);
}

/** The workbooks the images are printed from, written as a user would write them. */
async function makeWorkbooks(dir) {
  jiqunRun(["template", "shenbao", "--example", "A", "--out", path.join(dir, "shenbao-A.xlsx")]);
  jiqunRun(["template", "shenbao", "--example", "B", "--out", path.join(dir, "shenbao-B.xlsx")]);
  // jiqun's examples are 申报表; the 汇总表 rows come from the same library, compiled.
  const lib = createRequire(import.meta.url)(path.join(root, "lib", "index.js"));
  const plan = lib.templatePlan("huizong", 2023, lib.findAuthority("贵州省"));
  const rows = lib.guizhouRows(6).map((r, i) => (i === 0 ? { ...r, intro: LONG_INTRO } : r));
  writeFileSync(
    path.join(dir, "huizong-2023.xlsx"),
    await lib.templateXlsx(lib.withHuizongRows(plan, rows))
  );
}

/** `jiqun export` exists when the usage it prints for an unknown command lists it. */
function exportSupported() {
  const r = spawnSync(process.execPath, [jiqun], { encoding: "utf8" });
  return /jiqun export /u.test(`${r.stderr}${r.stdout}`);
}

async function main() {
  const soffice = onPath("soffice") ?? onPath("libreoffice");
  if (!soffice || !onPath("pdftoppm") || !onPath("pdfinfo"))
    fail("render-docs needs LibreOffice and poppler-utils: run bash tools/ensure-libreoffice.sh");
  if (!existsSync(path.join(root, "lib", "cli", "jiqun.js")))
    fail("render-docs needs the Node build: run npm run build:node (npm run docs:images does)");
  const dir = mkdtempSync(path.join(tmpdir(), "render-docs-"));
  const pdfs = new Map();
  /** Each workbook or document is printed once, however many of its pages are shown. */
  const pdfOf = (file) => {
    if (!pdfs.has(file)) pdfs.set(file, toPdf(soffice, path.join(dir, file)));
    return pdfs.get(file);
  };
  const render = (images, ext) => {
    for (const image of images) {
      const target = path.join(dir, image.file);
      renderPage(pdfOf(`${image.from}.${ext}`), image.page, target);
      copyFileSync(target, path.join(docs, image.file));
    }
  };
  try {
    await makeWorkbooks(dir);
    mkdirSync(docs, { recursive: true });
    render(IMAGES, "xlsx");
    if (!exportSupported()) {
      console.log("jiqun has no export command yet: the Word document's images are skipped.");
      return;
    }
    for (const from of new Set(WORD_IMAGES.map((i) => i.from)))
      jiqunRun(["export", path.join(dir, `${from}.xlsx`), "--out", path.join(dir, `${from}.docx`)]);
    render(WORD_IMAGES, "docx");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
