/**
 * Bundle budget: the task pane's initial JavaScript, gzip, at most 1.2 × what Microsoft's React
 * task-pane template (Fluent v9) weighs. The reference is our stand-in with the template's imports
 * (bench/reference/ms-taskpane-react); both entries go through webpack's production build with the
 * module rules, resolve and optimization of our webpack.config.js and no html/copy/metadata
 * plugins, in a temporary directory. Initial = the JS files of the entry's initial chunks; chunks
 * reached only by import() are reported as lazy and left out of the budget.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import webpack, {
  type Configuration,
  type MultiStats,
  type RuleSetRule,
  type Stats,
} from "webpack";

const GZIP_BUDGET = 1.2;
const ROOT = path.resolve(__dirname, "..");
const OURS_ENTRY = "./src/taskpane/index.tsx";
const REFERENCE_ENTRY = "./bench/reference/ms-taskpane-react/index.tsx";

type NestedRule = RuleSetRule | false | "" | 0 | null | undefined;
type Rule = NestedRule | "...";
type ConfigFactory = (
  env: unknown,
  argv: { mode: string }
) => Configuration | Promise<Configuration>;

interface Size {
  files: string[];
  raw: number;
  gzip: number;
}

interface Measured {
  initial: Size;
  lazy: Size;
}

/** Our production config, as `webpack --mode production` sees it. */
async function ourConfig(): Promise<Configuration> {
  const loaded = createRequire(__filename)(path.join(ROOT, "webpack.config.js")) as
    ConfigFactory | Configuration;
  return typeof loaded === "function"
    ? await loaded({}, { mode: "production" })
    : (loaded as Configuration);
}

function isTsLoader(loader: unknown): boolean {
  return typeof loader === "string" && /(^|[\\/])ts-loader([\\/]|$)/u.test(loader);
}

/** ts-loader with transpileOnly: true wherever a rule uses it; counts the loaders changed. */
function transpileOnlyRule(rule: RuleSetRule, found: { count: number }): RuleSetRule {
  const out: RuleSetRule = { ...rule };
  const nested = (rules: NestedRule[]) => rules.map((r) => (r ? transpileOnlyRule(r, found) : r));
  if (rule.rules) out.rules = nested(rule.rules);
  if (rule.oneOf) out.oneOf = nested(rule.oneOf);
  if (isTsLoader(rule.loader)) {
    found.count++;
    const options = typeof rule.options === "object" ? rule.options : {};
    out.options = { ...options, transpileOnly: true };
  }
  const useItem = <T>(use: T) => {
    if (typeof use === "string" && isTsLoader(use)) {
      found.count++;
      return { loader: use, options: { transpileOnly: true } };
    }
    if (use && typeof use === "object" && "loader" in use && isTsLoader(use.loader)) {
      found.count++;
      const options = "options" in use && typeof use.options === "object" ? use.options : {};
      return { ...use, options: { ...options, transpileOnly: true } };
    }
    return use;
  };
  if (Array.isArray(rule.use)) out.use = rule.use.map(useItem);
  else if (rule.use !== undefined) out.use = useItem(rule.use);
  return out;
}

function buildConfig(ours: Configuration, rules: Rule[], entry: string, outDir: string) {
  const config: Configuration = {
    name: entry,
    mode: "production",
    context: ROOT,
    devtool: false,
    entry: { taskpane: entry },
    output: {
      path: outDir,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: ours.resolve,
    module: { ...ours.module, rules },
    optimization: ours.optimization,
    externals: ours.externals,
    target: ours.target,
    plugins: [],
    performance: { hints: false },
    infrastructureLogging: { level: "error" },
  };
  return config;
}

function sizeOf(dir: string, files: string[]): Size {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(dir, f));
    raw += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

/** Initial chunks = every chunk of the entrypoint (runtime and split chunks too); the rest is lazy. */
function measure(stats: Stats, outDir: string): Measured {
  const { compilation } = stats;
  const initialChunks = new Set([...compilation.entrypoints.values()].flatMap((ep) => ep.chunks));
  const initial: string[] = [];
  const lazy: string[] = [];
  for (const chunk of compilation.chunks) {
    for (const file of chunk.files) {
      if (!/\.[cm]?js$/u.test(file)) continue;
      (initialChunks.has(chunk) ? initial : lazy).push(file);
    }
  }
  return { initial: sizeOf(outDir, initial.sort()), lazy: sizeOf(outDir, lazy.sort()) };
}

function run(configs: Configuration[]): Promise<MultiStats> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(configs);
    compiler.run((err, stats) => {
      compiler.close((closeErr) => {
        if (err || closeErr || !stats) {
          reject(err ?? closeErr ?? new Error("webpack gave no stats"));
          return;
        }
        if (stats.hasErrors()) {
          const text = stats.toString({ all: false, errors: true, errorDetails: true });
          reject(new Error(`webpack build failed:\n${text}`));
          return;
        }
        resolve(stats);
      });
    });
  });
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const line = (label: string, s: Size) =>
  `${label.padEnd(10)} raw ${kB(s.raw).padStart(9)} · gzip ${kB(s.gzip).padStart(8)} · ${s.files.length} file(s)`;

it("bundle: task pane initial JavaScript vs Microsoft's React task-pane template", async () => {
  const t0 = performance.now();
  const ours = await ourConfig();
  const found = { count: 0 };
  const rules = ((ours.module?.rules ?? []) as Rule[]).map((r) =>
    r && r !== "..." ? transpileOnlyRule(r, found) : r
  );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-bench-"));
  try {
    const dirs = { ours: path.join(tmp, "ours"), ref: path.join(tmp, "reference") };
    const multi = await run([
      buildConfig(ours, rules, OURS_ENTRY, dirs.ours),
      buildConfig(ours, rules, REFERENCE_ENTRY, dirs.ref),
    ]);
    const [oursStats, refStats] = multi.stats as [Stats, Stats];
    const mine = measure(oursStats, dirs.ours);
    const ref = measure(refStats, dirs.ref);
    const seconds = (performance.now() - t0) / 1000;
    const warnings = multi.stats.reduce((n, s) => n + s.compilation.warnings.length, 0);

    const gzipRatio = mine.initial.gzip / ref.initial.gzip;
    const rawRatio = mine.initial.raw / ref.initial.raw;
    console.log(
      [
        "",
        "== bench: bundle (initial JavaScript of the task pane entry, webpack production)",
        line("ours", mine.initial) + `  ${OURS_ENTRY}`,
        line("  lazy", mine.lazy),
        line("reference", ref.initial) + `  ${REFERENCE_ENTRY}`,
        line("  lazy", ref.lazy),
        `ratio      gzip ${gzipRatio.toFixed(2)}× (budget ≤ ${GZIP_BUDGET}×) · raw ${rawRatio.toFixed(2)}×`,
        "reference: our stand-in importing what OfficeDev/Office-Addin-TaskPane-React (Fluent v9) imports " +
          "(react, react-dom/client, 8 Fluent exports, 3 icons), built like ours: our rules/resolve/optimization, " +
          "no plugins, template's polyfill/vendor entries not counted",
        `build      ${seconds.toFixed(1)} s for both (ts-loader rules set to transpileOnly: ${found.count}) · ` +
          `webpack warnings ${warnings}`,
        "",
      ].join("\n")
    );

    expect(ref.initial.files.length).toBeGreaterThan(0);
    expect(mine.initial.files.length).toBeGreaterThan(0);
    expect(mine.initial.gzip).toBeLessThanOrEqual(GZIP_BUDGET * ref.initial.gzip);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, 180_000);
