/**
 * The timed part of functions.bench.ts, run in a plain Node process (see there for why): builds
 * 100,000 rows, times each contender (median of several runs after warm-up runs) and prints one
 * JSON object on stdout.
 *
 * What is timed:
 * - CLUSTER_CAGR: one call per row on the row as Excel passes it ([[y1, y2, y3]]); results go
 *   into a Float64Array.
 * - floor: Math.pow(y3 / y1, 1 / (width − 1)) − 1 per row, read from the same arrays, same store.
 * - HyperFormula RRI: HyperFormula.buildFromArray on 100,000 rows [y1, y2, y3, =RRI(2,Ai,Ci)],
 *   i.e. parsing the formulas, building the dependency graph and computing every RRI. The same
 *   build without the formula column is timed too, so the RRI formulas' share can be reported.
 * - MEETS_STANDARD("lead_industry_share_gt_70", [[s1, s2, s3]]) per row of yearly shares.
 */
import { HyperFormula } from "hyperformula";
import { performance } from "node:perf_hooks";
import { CLUSTER_CAGR, MEETS_STANDARD } from "../src/functions/sheet";

export const ROWS = 100_000;

export interface Timings {
  readonly rows: number;
  /** Milliseconds: best of runs for CLUSTER_CAGR and the floor, medians for the rest. */
  readonly oursMs: number;
  readonly floorMs: number;
  /** Median of ours ÷ floor over paired, interleaved samples: what the budget is held to. */
  readonly pairedRatio: number;
  readonly hfMs: number;
  readonly hfValuesOnlyMs: number;
  readonly meetsMs: number;
  readonly meetsPassed: number;
  /** Largest |ours − other| / max(1, |other|) over all rows, other = floor and HyperFormula. */
  readonly maxRelDiff: number;
  readonly node: string;
}

function best(runs: number, warmups: number, f: () => void): number {
  for (let i = 0; i < warmups; i++) f();
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

function median(runs: number, warmups: number, f: () => void): number {
  for (let i = 0; i < warmups; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] as number;
}

/** Deterministic pseudo-random numbers (a linear congruential generator), so runs compare. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function runTimings(): Timings {
  const rnd = lcg(20240601);
  // Yearly levels: a start of 10–1000 (亿元) and two yearly changes of −20% … +40%.
  const levels: number[][][] = Array.from({ length: ROWS }, () => {
    const y1 = 10 + rnd() * 990;
    const y2 = y1 * (0.8 + rnd() * 0.6);
    const y3 = y2 * (0.8 + rnd() * 0.6);
    return [[y1, y2, y3]];
  });
  // Yearly 主导产业 shares of 60–80%.
  const shares: number[][][] = Array.from({ length: ROWS }, () => [
    [60 + rnd() * 20, 60 + rnd() * 20, 60 + rnd() * 20],
  ]);
  const hfConfig = { licenseKey: "gpl-v3", smartRounding: false, maxRows: ROWS };
  const withFormulas = levels.map((row, i) => [
    ...(row[0] as number[]),
    `=RRI(2,A${i + 1},C${i + 1})`,
  ]);
  const valuesOnly = levels.map((row) => [...(row[0] as number[])]);

  const out = new Float64Array(ROWS);
  const ours = (): void => {
    for (let i = 0; i < ROWS; i++) out[i] = CLUSTER_CAGR(levels[i]) as number;
  };
  const floor = (): void => {
    for (let i = 0; i < ROWS; i++) {
      const r = (levels[i] as number[][])[0] as number[];
      out[i] = Math.pow((r[2] as number) / (r[0] as number), 1 / (r.length - 1)) - 1;
    }
  };
  let meetsPassed = 0;
  const meets = (): void => {
    meetsPassed = 0;
    for (let i = 0; i < ROWS; i++)
      if (MEETS_STANDARD("lead_industry_share_gt_70", shares[i]) === true) meetsPassed++;
  };

  // The same answers first: ours against the floor and HyperFormula on every row.
  ours();
  const mine = Float64Array.from(out);
  floor();
  const hf = HyperFormula.buildFromArray(withFormulas, hfConfig);
  let maxRelDiff = 0;
  for (let i = 0; i < ROWS; i++) {
    const theirs = hf.getCellValue({ sheet: 0, row: i, col: 3 });
    const m = mine[i] as number;
    const f = out[i] as number;
    if (typeof theirs !== "number" || Number.isNaN(m)) return failed(`row ${i + 1}`);
    maxRelDiff = Math.max(
      maxRelDiff,
      Math.abs(m - f) / Math.max(1, Math.abs(f)),
      Math.abs(m - theirs) / Math.max(1, Math.abs(theirs))
    );
  }
  hf.destroy();

  // Best of many short runs for the two tight loops (~2–5 ms each): a median still carries
  // scheduler and GC noise of the same size as the loops themselves on a busy 2-core machine.
  const floorMs = best(41, 10, floor);
  const oursMs = best(41, 10, ours);
  // The ratio from paired, interleaved samples of 5 passes each: both loops see the same moment
  // of a shared machine, so its load cancels out instead of landing on one side.
  const pairs: number[] = [];
  for (let k = 0; k < 31; k++) {
    const t0 = performance.now();
    for (let p = 0; p < 5; p++) floor();
    const t1 = performance.now();
    for (let p = 0; p < 5; p++) ours();
    const t2 = performance.now();
    pairs.push((t2 - t1) / (t1 - t0));
  }
  pairs.sort((a, b) => a - b);
  const pairedRatio = pairs[Math.floor(pairs.length / 2)] as number;
  const meetsMs = median(3, 1, meets);
  // The check above already warmed HyperFormula up.
  const hfMs = median(3, 0, () => HyperFormula.buildFromArray(withFormulas, hfConfig).destroy());
  const hfValuesOnlyMs = median(3, 0, () =>
    HyperFormula.buildFromArray(valuesOnly, hfConfig).destroy()
  );
  return {
    rows: ROWS,
    oursMs,
    floorMs,
    pairedRatio,
    hfMs,
    hfValuesOnlyMs,
    meetsMs,
    meetsPassed,
    maxRelDiff,
    node: process.version,
  };
}

function failed(where: string): never {
  throw new Error(`CLUSTER_CAGR and HyperFormula's RRI disagree in kind at ${where}`);
}

if (require.main === module) process.stdout.write(JSON.stringify(runTimings()));
