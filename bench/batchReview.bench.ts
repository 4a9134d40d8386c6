/**
 * `jiqun review` on a batch of 260 files (申报表 made from examples A–E with varied values, names,
 * provinces and batches 2022–2025, and a few 推荐汇总表), against the floor: exceljs alone
 * reading the same files one after another in one thread. Budgets: the batch in < 60 s, linear
 * growth (130 → 260 files ≤ 2.6× the time), every file checked, every cluster with the verdict
 * and counts `jiqun check --json` gives for its file, and review ≤ 1.5× the floor. Two
 * things keep it there: the copy is patched part by part rather than re-serialised through
 * exceljs (src/xlsx/patch.ts), and the review's own exceljs load skips what reading values does
 * not need (conditional formats, validations…: VALUES_ONLY in src/xlsx/read.ts). The floor stays
 * exceljs's plain load; the phases line shows both loads side by side.
 *
 * Like functions.bench.ts, the timed parts run in child Node processes on the package compiled
 * with tsconfig.node.json (what lib/ ships): the command's worker threads need compiled JS
 * (lib/cli/review/worker.js), and jest's vm context would slow everything else down.
 * batchReview.timing.ts says what each child times. The floor and both reviews are the best of
 * three runs, interleaved; on a shared 2-core machine the spread between runs is still wide (the
 * report shows every run), so compare the CPU times too.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Summary } from "../src/cli/review/summary";
import { compileNodeBuild } from "../test/support/compile";
import {
  FILES,
  HUIZONG_AT,
  PHASES,
  type CheckRun,
  type FloorRun,
  type Generated,
  type PhaseRun,
  type ReviewRun,
} from "./batchReview.timing";

/** The review of all files, in seconds. */
const WALL_BUDGET_S = 60;
/** Review ÷ exceljs's sequential reading of the same files. */
const FLOOR_RATIO_BUDGET = 1.5;
/** Twice the files may take at most this many times as long (2 would be exactly linear). */
const GROWTH_BUDGET = 2.6;
/** The phase profile looks at every n-th file. */
const PHASE_EVERY = 5;
/** Timed runs of the floor and of both reviews; the fastest counts. */
const RUNS = 3;
const HALF = FILES / 2;

const root = path.resolve(__dirname, "..");

/** Compiles the Node build and the timing module; returns the timing module's path. */
function compile(outDir: string): string {
  compileNodeBuild(outDir, [path.join(__dirname, "batchReview.timing.ts")]);
  return path.join(outDir, "bench", "batchReview.timing.js");
}

/** What the children printed on stderr (Node's warnings), for the report. */
const stderrLines: string[] = [];

function child<T>(script: string, ...args: string[]): T {
  const run = spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_PATH: path.join(root, "node_modules") },
  });
  if (run.status !== 0) throw new Error(`${args[0]} failed (${run.status}):\n${run.stderr}`);
  if (args[0] === "review") stderrLines.push(...run.stderr.split("\n").filter(Boolean));
  return JSON.parse(run.stdout) as T;
}

const best = <T extends { ms: number }>(runs: readonly T[]): T =>
  runs.reduce((a, b) => (b.ms < a.ms ? b : a));
const spread = (runs: readonly { ms: number }[]): string =>
  `runs ${runs.map((r) => (r.ms / 1000).toFixed(1)).join(" / ")} s`;
const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;

it("review: 260 files on worker threads vs exceljs alone; linear growth; every file checked", async () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "jiqun-review-bench-"));
  try {
    const inDir = path.join(tmp, "in");
    mkdirSync(inDir);
    const t0 = performance.now();
    const script = compile(path.join(tmp, "build"));
    const compileMs = performance.now() - t0;

    const gen = child<Generated>(script, "generate", inDir);
    // Best of RUNS, each in a fresh process, interleaved so a busy spell of the machine hits all
    // three alike: the sequential floor, the review of all files, the review of the first half.
    const floors: FloorRun[] = [];
    const alls: ReviewRun[] = [];
    const halves: ReviewRun[] = [];
    for (let r = 0; r < RUNS; r++) {
      floors.push(child<FloorRun>(script, "floor", inDir, "1"));
      alls.push(child<ReviewRun>(script, "review", inDir, path.join(tmp, `out-all-${r}`)));
      halves.push(
        child<ReviewRun>(script, "review", inDir, path.join(tmp, `out-half-${r}`), String(HALF))
      );
    }
    const floor2 = child<FloorRun>(script, "floor", inDir, "2");
    const phases = child<PhaseRun>(
      script,
      "phases",
      inDir,
      path.join(tmp, "out-phases"),
      String(PHASE_EVERY)
    );
    const check = child<CheckRun>(script, "check", inDir);
    const floor = best(floors);
    const all = best(alls);
    const half = best(halves);
    const outAll = path.join(tmp, `out-all-${alls.indexOf(all)}`);

    // What the review wrote: every file checked.
    const report = JSON.parse(readFileSync(path.join(outAll, "审查报告.json"), "utf8")) as Summary;
    const checked = report.files.filter((f) => f.status === "checked").length;
    const results = { pass: 0, fail: 0, warnings: 0, unchecked: 0 };
    for (const c of report.clusters) results[c.result]++;
    // Every cluster's verdict and counts against `jiqun check --json` on its file.
    const counts = new Map<string, { errors: number; warnings: number }>();
    for (const r of check.records) {
      const key = `${r.file}|${r.sheet}`;
      const c = counts.get(key) ?? { errors: 0, warnings: 0 };
      if (r.severity === "error") c.errors++;
      if (r.severity === "warning") c.warnings++;
      counts.set(key, c);
    }
    const mismatches: string[] = [];
    for (const row of report.clusters) {
      const c = counts.get(`${row.file}|${row.sheet}`) ?? { errors: 0, warnings: 0 };
      const direct = c.errors > 0 ? "fail" : c.warnings > 0 ? "warnings" : "pass";
      if (row.result !== direct || row.errors !== c.errors || row.warnings !== c.warnings)
        mismatches.push(
          `${path.basename(row.file)}: review ${row.result} ${row.errors}/${row.warnings}, check ${direct} ${c.errors}/${c.warnings}`
        );
    }

    const ratio = all.ms / floor.ms;
    const growth = all.ms / half.ms;
    const phaseTotal = PHASES.reduce((sum, p) => sum + phases.ms[p], 0);
    const perFile = (x: number): string => `${(x / phases.files).toFixed(1).padStart(6)} ms`;
    const inWorkers = median(report.files.map((f) => f.ms));
    const warnings = [...new Set(stderrLines.filter((l) => /Warning/u.test(l)))];
    console.log(
      [
        "",
        `== bench: jiqun review on ${all.files} files (Node ${process.version}, ${all.workers} cores → ${all.workers} worker threads; best of ${RUNS})`,
        `batch        ${gen.shenbao} 申报表 (batches ${Object.entries(gen.perBatch)
          .map(([y, n]) => `${y}: ${n}`)
          .join(", ")}; ${gen.authorities} authorities) + ${gen.huizong} 汇总表, ` +
          `${(gen.bytes / gen.files / 1024).toFixed(0)} KB per file; generated in ${s(gen.ms)}, ` +
          `compiled in ${s(compileMs)} (neither counts)`,
        `review       ${s(all.ms)} wall (budget < ${WALL_BUDGET_S} s), ` +
          `${(all.ms / all.files).toFixed(1)} ms per file, CPU ${s(all.cpuMs)} all threads, ` +
          `peak RSS ${mb(all.maxRssKB)} (workers included), exit ${all.code}; ${spread(alls)}`,
        `             per file inside a worker: median ${inWorkers} ms (one thread, warm: ` +
          `${(phases.totalMs / phases.files).toFixed(1)} ms, see phases)`,
        `floor        ${s(floor.ms)} exceljs load, sequential, 1 thread ` +
          `(${(floor.ms / floor.files).toFixed(1)} ms per file, CPU ${s(floor.cpuMs)}, ` +
          `peak RSS ${mb(floor.maxRssKB)}); ${spread(floors)}`,
        `             ${s(floor2.ms)} the same on 2 worker threads (for information: ` +
          `×${(floor.ms / floor2.ms).toFixed(2)} faster, CPU ${s(floor2.cpuMs)}, peak RSS ${mb(floor2.maxRssKB)})`,
        `ratio        review / sequential floor ${ratio.toFixed(2)} (budget ≤ ${FLOOR_RATIO_BUDGET}); ` +
          `review / 2-thread floor ${(all.ms / floor2.ms).toFixed(2)}; ` +
          `CPU review / floor ${(all.cpuMs / floor.cpuMs).toFixed(2)}`,
        `growth       ${half.files} files ${s(half.ms)} → ${all.files} files ${s(all.ms)}: ` +
          `×${growth.toFixed(2)} (budget ≤ ${GROWTH_BUDGET}); ${spread(halves)}; ` +
          `${((all.ms - half.ms) / (all.files - half.files)).toFixed(1)} ms per extra file, ` +
          `≈ ${s(Math.max(0, 2 * half.ms - all.ms))} fixed (workers starting, summary)`,
        `checked      ${checked}/${report.files.length} files; ${report.clusters.length} clusters: ` +
          `${results.pass} pass, ${results.warnings} warnings only, ${results.fail} fail, ${results.unchecked} unchecked; ` +
          `${report.caps.filter((c) => c.over).length} of ${report.caps.length} caps over; ` +
          `verdicts and counts of all ${report.clusters.length} clusters vs \`jiqun check --json\` on each file ` +
          `(${s(check.ms)}): ${mismatches.length} differ`,
        `phases       one thread, ${phases.files} files (every ${PHASE_EVERY}th), warm; per file:`,
        ...PHASES.map(
          (p) =>
            `  ${p.padEnd(34)}${perFile(phases.ms[p])}  ${((phases.ms[p] / phaseTotal) * 100)
              .toFixed(0)
              .padStart(3)}%`
        ),
        `  ${"sum".padEnd(34)}${perFile(phaseTotal)}  exceljs's plain load (the floor) on the same ` +
          `files: ${perFile(phases.floorMs).trim()} → one thread's review is ` +
          `${(phases.totalMs / phases.floorMs).toFixed(2)}× the floor`,
        `  copies patched ${phases.files - phases.rewritten.length}/${phases.files}` +
          (phases.rewritten.length ? `; rewritten: ${phases.rewritten.join(" | ")}` : ""),
        `  of which garbage collection   ${perFile(phases.gcMs)}  (pauses of this thread, spread over the phases)`,
        ...(warnings.length ? [`stderr       the review printed: ${warnings.join(" | ")}`] : []),
        "",
      ].join("\n")
    );

    expect(gen.files).toBe(FILES);
    expect(gen.huizong).toBe(HUIZONG_AT.length);
    for (const run of [...alls, ...halves]) {
      expect(run.errLines).toEqual([]);
      expect([0, 1]).toContain(run.code);
    }
    expect(readdirSync(outAll).filter((f) => f.endsWith("-审查.xlsx"))).toHaveLength(FILES);
    expect(report.files).toHaveLength(FILES);
    expect(checked).toBe(FILES);
    expect(report.clusters).toHaveLength(gen.shenbao);
    expect(floor.sheets).toBe(FILES);
    expect(floor2.sheets).toBe(FILES);
    expect(check.errLines).toEqual([]);
    expect(check.records.length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
    // Generated submissions are the common case the patch is for: none may need the rewrite.
    expect(phases.rewritten).toEqual([]);
    expect(all.ms).toBeLessThan(WALL_BUDGET_S * 1000);
    expect(growth).toBeLessThanOrEqual(GROWTH_BUDGET);
    expect(ratio).toBeLessThanOrEqual(FLOOR_RATIO_BUDGET);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}, 300_000);
