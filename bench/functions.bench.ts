/**
 * Worksheet-function throughput on 100,000 rows (functions.timing.ts says exactly what is timed):
 * SME.CLUSTER_CAGR against the bare arithmetic (a Math.pow loop over the same rows, the floor)
 * and against HyperFormula's RRI (dev-only oracle, GPL key) on the same inputs; MEETS_STANDARD on
 * 100,000 rows of yearly shares, reported only.
 *
 * The timings run in a child Node process on functions.timing.ts compiled with the package's
 * Node build settings (tsconfig.node.json, what lib/ ships), not inside jest: jest runs test code
 * in a vm context where every global lookup (Math, Array, Number …) costs a few hundred ns, which
 * made a plain Math.pow loop 10–30× slower than in Node or Excel and the ratios meaningless.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import type { Timings } from "./functions.timing";

/** CLUSTER_CAGR may take at most this many times the floor's time. */
const FLOOR_RATIO_BUDGET = 3;

const root = path.resolve(__dirname, "..");

/** Compiles functions.timing.ts and what it imports as the Node build would; returns its path. */
function compileTiming(outDir: string): string {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.node.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined }
  );
  if (!config) throw new Error("tsconfig.node.json unreadable");
  const entry = path.join(__dirname, "functions.timing.ts");
  const program = ts.createProgram([entry], {
    ...config.options,
    rootDir: root,
    outDir,
    declaration: false,
    noEmit: false,
    noEmitOnError: false,
  });
  const emitted = program.emit();
  if (emitted.emitSkipped) throw new Error("functions.timing.ts was not emitted");
  return path.join(outDir, "bench", "functions.timing.js");
}

const perSecond = (rows: number, ms: number): string =>
  `${((rows / ms) * 1000).toExponential(2)}/s`;

it("functions: CLUSTER_CAGR vs the Math.pow floor and HyperFormula RRI; MEETS_STANDARD", () => {
  const outDir = mkdtempSync(path.join(tmpdir(), "jiqun-functions-bench-"));
  let timings: Timings;
  try {
    const child = spawnSync(process.execPath, [compileTiming(outDir)], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NODE_PATH: path.join(root, "node_modules") },
    });
    if (child.status !== 0) throw new Error(`timing run failed:\n${child.stderr}`);
    timings = JSON.parse(child.stdout) as Timings;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const { rows, oursMs, floorMs, hfMs, hfValuesOnlyMs, meetsMs, pairedRatio } = timings;
  const ratio = pairedRatio;
  const ms = (x: number): string => `${x.toFixed(2).padStart(9)} ms`;
  console.log(
    [
      "",
      `== bench: functions (${rows.toLocaleString("en-US")} rows, best-of for the tight loops, medians otherwise, Node ${timings.node})`,
      `CLUSTER_CAGR             ${ms(oursMs)}  ${perSecond(rows, oursMs)}  ` +
        `ratio to floor ${ratio.toFixed(2)} (median of 31 paired, interleaved samples; budget ≤ ${FLOOR_RATIO_BUDGET})`,
      `Math.pow floor           ${ms(floorMs)}  ${perSecond(rows, floorMs)}`,
      `HyperFormula RRI build   ${ms(hfMs)}  ${perSecond(rows, hfMs)}  ` +
        `(values-only build ${hfValuesOnlyMs.toFixed(0)} ms: RRI formulas ≈ ${(hfMs - hfValuesOnlyMs).toFixed(0)} ms)`,
      `MEETS_STANDARD share>70  ${ms(meetsMs)}  ${perSecond(rows, meetsMs)}  ` +
        `(${timings.meetsPassed} of ${rows} rows meet it)`,
      `ours vs floor and HyperFormula: max relative difference ${timings.maxRelDiff.toExponential(1)}`,
      "",
    ].join("\n")
  );

  expect(timings.maxRelDiff).toBeLessThanOrEqual(1e-12);
  expect(ratio).toBeLessThanOrEqual(FLOOR_RATIO_BUDGET);
  expect(oursMs).toBeLessThan(hfMs);
}, 60_000);
