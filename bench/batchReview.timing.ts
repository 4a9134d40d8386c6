/**
 * The timed part of batchReview.bench.ts, run in plain Node processes on the package compiled with
 * its Node build settings (see functions.bench.ts for why not inside jest). One mode per process,
 * one JSON object on stdout:
 *
 *   generate IN           writes the batch: 申报表 files made from examples A–E with varied values,
 *                         names, provinces and batches 2022–2025, and a few 推荐汇总表 files
 *   review IN OUT [N]     `jiqun review` (main) on the first N files of IN (all without N), worker
 *                         threads as the command picks them; wall time and peak RSS
 *   floor IN [THREADS]    exceljs alone loading every file of IN (Workbook().xlsx.load(buffer)):
 *                         sequentially in this thread, or spread over THREADS worker threads
 *   phases IN OUT EVERY   reviewFile's steps one by one in this thread on every EVERY-th file,
 *                         each step timed (where the time of the review goes)
 *   check IN              `jiqun check --json` on every file of IN, for the verdicts to compare
 *
 * Every time is wall time inside the process, from after its modules are loaded; worker threads
 * start (and load their modules) inside the timed part, as the command's do.
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance, PerformanceObserver } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { CheckRecord } from "../src/cli/check";
import { main } from "../src/cli/jiqun";
import { defaultWorkers } from "../src/cli/review/pool";
import { inputFiles } from "../src/cli/review/command";
import {
  authorityOfForm,
  findAuthority,
  huizongRowOfForm,
  SHENBAO,
  SHENBAO_EXAMPLES,
  type Authority,
  type CellValue,
  type FieldValue,
  type FormValues,
  type HuizongRow,
  type SheetPlan,
} from "../src/domain";
import { decideCheck } from "../src/application/check";
import { rewrittenCopy } from "../src/xlsx/annotate";
import { patchedCopy } from "../src/xlsx/patch";
import { fillByNames, fillHuizongRows } from "../src/xlsx/fill";
import { loadWorkbook, templatesOf } from "../src/xlsx/read";
import { DEFAULT_LIMITS, inspectXlsx } from "../src/xlsx/safety";
import { templatePlan } from "../src/xlsx/templates";
import * as writer from "../src/xlsx/writer";

/** Files in the batch: 申报表 files and, among them at evenly spread places, 汇总表 files. */
export const FILES = 260;
export const HUIZONG_AT: readonly number[] = [65, 130, 195, 260];
export const BATCHES: readonly number[] = [2022, 2023, 2024, 2025];

export interface Generated {
  readonly ms: number;
  readonly files: number;
  readonly shenbao: number;
  readonly huizong: number;
  readonly bytes: number;
  /** 申报表 per batch year. */
  readonly perBatch: Readonly<Record<string, number>>;
  readonly authorities: number;
}

export interface ReviewRun {
  readonly ms: number;
  /** CPU time of the whole process, all threads (user + system). */
  readonly cpuMs: number;
  readonly files: number;
  readonly code: number;
  readonly workers: number;
  readonly maxRssKB: number;
  readonly errLines: readonly string[];
}

export interface FloorRun {
  readonly ms: number;
  readonly cpuMs: number;
  readonly files: number;
  readonly threads: number;
  readonly maxRssKB: number;
  /** Worksheets loaded in all (a check that every file was parsed). */
  readonly sheets: number;
}

export const PHASES = [
  "read + inspect",
  "exceljs load (values only)",
  "defined names",
  "read templates",
  "evaluate + records",
  "patch the copy",
  "exceljs rewrite (fallback)",
  "write copy",
] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseRun {
  readonly files: number;
  readonly ms: Readonly<Record<Phase, number>>;
  readonly totalMs: number;
  /** Garbage-collection pauses of this thread during the timed loop (inside the phases' times). */
  readonly gcMs: number;
  /** exceljs load alone on the same files in the same thread (warm), for the ratio per phase. */
  readonly floorMs: number;
  /** Copies written by the exceljs rewrite instead of the patch, with the reasons. */
  readonly rewritten: readonly string[];
}

/** Deterministic pseudo-random numbers (a linear congruential generator), so runs compare. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

/** [province, city]: a 计划单列市 recommends its own clusters (深圳市, 宁波市). */
const PLACES: ReadonlyArray<readonly [string, string]> = [
  ["浙江省", "湖州市"],
  ["浙江省", "宁波市"],
  ["江苏省", "苏州市"],
  ["山东省", "潍坊市"],
  ["河南省", "许昌市"],
  ["湖北省", "襄阳市"],
  ["四川省", "德阳市"],
  ["甘肃省", "金昌市"],
  ["广东省", "佛山市"],
  ["广东省", "深圳市"],
  ["贵州省", "遵义市"],
  ["辽宁省", "鞍山市"],
];
const COUNTY_HEAD = ["东", "西", "南", "北", "新", "安", "平", "宁", "清", "永", "龙", "金"];
const COUNTY_TAIL = ["阳", "山", "川", "丰", "和", "兴", "江", "河", "源", "溪", "台", "城"];
const INDUSTRIES = [
  "智能泵阀",
  "电子元件",
  "有色金属深加工",
  "食品机械",
  "化工新材料",
  "纺织服装",
  "汽车零部件",
  "五金工具",
  "光伏组件",
  "中药材加工",
  "茶叶加工",
  "家具制造",
  "医疗器械",
  "陶瓷制品",
];

/** Fields varied together, so the cross-field checks see consistent figures. */
const GROUPS: ReadonlyArray<readonly string[]> = [
  ["firms", "smes", "zjtx_smes", "little_giants", "champions", "hitech_innovative"],
  ["patents", "employees"],
  ["lead_output_growth", "lead_output_cagr"],
];

/** Numbers ±20% (one factor per field, the same for all its years), kept in their kind. */
function varied(values: FormValues, rnd: () => number): Record<string, FieldValue | undefined> {
  const factor = new Map<string, number>();
  for (const g of GROUPS) {
    const f = 0.8 + 0.4 * rnd();
    for (const id of g) factor.set(id, f);
  }
  const out: Record<string, FieldValue | undefined> = { ...values };
  for (const field of SHENBAO.fields) {
    if (field.kind !== "num" && field.kind !== "pct" && field.kind !== "count") continue;
    const v = values[field.id];
    if (v === undefined) continue;
    const f = factor.get(field.id) ?? 0.8 + 0.4 * rnd();
    const one = (x: CellValue): CellValue => {
      if (typeof x !== "number") return x;
      const y = x * f;
      if (field.kind === "count") return Math.round(y);
      if (field.kind === "pct" && !field.rate) return Math.min(100, Math.round(y * 10) / 10);
      return Math.round(y * 100) / 100;
    };
    out[field.id] = Array.isArray(v) ? v.map(one) : one(v as CellValue);
  }
  return out;
}

interface Submission {
  readonly file: string;
  readonly batchYear: number;
  readonly values: FormValues;
}

function submission(i: number, rnd: () => number): Submission {
  const example = SHENBAO_EXAMPLES[i % SHENBAO_EXAMPLES.length];
  if (!example) throw new Error("no examples");
  const batchYear = pick(rnd, BATCHES);
  const [province, city] = pick(rnd, PLACES);
  const county = `${pick(rnd, COUNTY_HEAD)}${pick(rnd, COUNTY_TAIL)}${rnd() < 0.8 ? "县" : "区"}`;
  const industry = pick(rnd, INDUSTRIES);
  const name = `${province}${city === "深圳市" || city === "宁波市" ? city : ""}${county}${industry}产业集群`;
  const operator = `${county}${industry}产业集群发展促进中心`;
  const values: FormValues = {
    ...varied(example.values, rnd),
    cover_name: name,
    name,
    province,
    city,
    county,
    cover_operator: operator,
    operator,
    county_dept: `${county}经济和信息化局`,
    declared_on: `${batchYear}-06-30`,
  };
  const no = String(i + 1).padStart(3, "0");
  return { file: `${no}-申报表-${example.key}-${province}-${batchYear}.xlsx`, batchYear, values };
}

async function shenbaoBytes(plan: SheetPlan, values: FormValues): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "集群申报助手";
  fillByNames(writer.addPlanSheet(wb, plan), plan, values);
  return writer.writeXlsx(wb, [{ sheet: plan.sheetName, plan }]);
}

async function huizongBytes(plan: SheetPlan, rows: readonly HuizongRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "集群申报助手";
  fillHuizongRows(writer.addPlanSheet(wb, plan), plan, rows);
  return writer.writeXlsx(wb, [{ sheet: plan.sheetName, plan }]);
}

/** Writes the batch into `dir` (which must exist and be empty). */
export async function generate(dir: string): Promise<Generated> {
  const t0 = performance.now();
  const rnd = lcg(20250301);
  const plans = new Map(BATCHES.map((y) => [y, templatePlan("shenbao", y)]));
  const forms: Submission[] = [];
  let bytes = 0;
  let hz = 0;
  const perBatch: Record<string, number> = {};
  const authorities = new Set<string>();
  for (let n = 1; n <= FILES; n++) {
    if (HUIZONG_AT.includes(n)) {
      // A 汇总表 of one authority and batch, its rows taken from that authority's 申报表 so far.
      const year = BATCHES[hz % BATCHES.length] as number;
      const authority = findAuthority(["浙江省", "广东省", "深圳市", "河南省"][hz] ?? "");
      hz++;
      const rows = forms
        .filter((f) => f.batchYear === year && authorityOfForm(f.values)?.name === authority?.name)
        .slice(0, 10)
        .map((f, k) => ({
          ...huizongRowOfForm(f.values),
          seq: k + 1,
          founded: 2010 + k,
          intro: "集群主导产业突出,产业链配套完整,中小企业活跃。",
        }));
      const plan = templatePlan("huizong", year, authority as Authority);
      const data = await huizongBytes(plan, rows);
      const name = `${String(n).padStart(3, "0")}-汇总表-${authority?.name ?? ""}-${year}.xlsx`;
      writeFileSync(path.join(dir, name), data, { flag: "wx" });
      bytes += data.length;
      continue;
    }
    const s = submission(n - 1, rnd);
    forms.push(s);
    const data = await shenbaoBytes(plans.get(s.batchYear) as SheetPlan, s.values);
    writeFileSync(path.join(dir, s.file), data, { flag: "wx" });
    bytes += data.length;
    perBatch[s.batchYear] = (perBatch[s.batchYear] ?? 0) + 1;
    authorities.add(authorityOfForm(s.values)?.name ?? "—");
  }
  return {
    ms: performance.now() - t0,
    files: FILES,
    shenbao: forms.length,
    huizong: hz,
    bytes,
    perBatch,
    authorities: authorities.size,
  };
}

const maxRssKB = (): number => process.resourceUsage().maxRSS;
/** User + system CPU time of this process since `since` (getrusage: every thread counts). */
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/** `jiqun review` on the first `count` files of `inDir` (as `main` gets them from the shell). */
export async function reviewRun(inDir: string, outDir: string, count?: number): Promise<ReviewRun> {
  const all = inputFiles([inDir]);
  const files = count === undefined ? all : all.slice(0, count);
  const args = count === undefined ? [inDir] : files;
  const errLines: string[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const code = await main(["review", ...args, "--out", outDir], {
    out: () => undefined,
    err: (l) => errLines.push(l),
  });
  const ms = performance.now() - t0;
  return {
    ms,
    cpuMs: cpuMs(cpu0),
    files: files.length,
    code,
    workers: defaultWorkers(),
    maxRssKB: maxRssKB(),
    errLines,
  };
}

async function loadOne(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb.worksheets.length;
}

/** exceljs alone: sequentially here, or over `threads` worker threads (one file in flight each). */
export async function floorRun(inDir: string, threads: number): Promise<FloorRun> {
  const files = inputFiles([inDir]);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let sheets = 0;
  if (threads <= 1) {
    for (const f of files) sheets += await loadOne(f);
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: threads }, async () => {
        const worker = new Worker(__filename, { workerData: { floorWorker: true } });
        try {
          for (let i = next++; i < files.length; i = next++) {
            const n = await new Promise<number>((resolve, reject) => {
              const failed = (e: Error): void => reject(e);
              worker.once("error", failed);
              worker.once("message", (m: number) => {
                worker.off("error", failed);
                resolve(m);
              });
              worker.postMessage(files[i]);
            });
            sheets += n;
          }
        } finally {
          await worker.terminate();
        }
      })
    );
  }
  const ms = performance.now() - t0;
  return { ms, cpuMs: cpuMs(cpu0), files: files.length, threads, maxRssKB: maxRssKB(), sheets };
}

/**
 * reviewFile's steps (src/cli/review/file.ts) one by one, timed: annotateLoaded's two ways to
 * the copy are called directly, so a file the patch leaves to the rewrite shows as such.
 */
export async function phasesRun(inDir: string, outDir: string, every: number): Promise<PhaseRun> {
  const files = inputFiles([inDir]).filter((_, i) => i % every === 0);
  const ms = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  const rewritten: string[] = [];
  let measuring = false;
  const timed = async <T>(phase: Phase, f: () => Promise<T> | T): Promise<T> => {
    const t = performance.now();
    const r = await f();
    if (measuring) ms[phase] += performance.now() - t;
    return r;
  };
  const w = writer as unknown as Record<string, unknown>;
  const readNames = writer.readDefinedNames;
  w.readDefinedNames = (...a: Parameters<typeof readNames>) =>
    timed("defined names", () => readNames(...a));

  const one = async (file: string, k: number): Promise<void> => {
    const data = await timed("read + inspect", () => {
      const d = readFileSync(file);
      if (inspectXlsx(d, DEFAULT_LIMITS)) throw new Error(`refused: ${file}`);
      return d;
    });
    // loadWorkbook = exceljs load + readDefinedNames (timed by its wrapper): the load is the rest.
    const before = ms["defined names"];
    const t = performance.now();
    const loaded = await loadWorkbook(data);
    if (measuring)
      ms["exceljs load (values only)"] += performance.now() - t - (ms["defined names"] - before);
    const reads = await timed("read templates", () => templatesOf(loaded));
    const source = path.basename(file);
    const report = await timed("evaluate + records", () =>
      decideCheck(reads, { locale: "zh-CN", source })
    );
    const patched = await timed("patch the copy", () => patchedCopy(data, report, "zh-CN"));
    let bytes: Buffer;
    if ("copy" in patched) bytes = patched.copy;
    else {
      if (measuring) rewritten.push(`${source}: ${patched.why}`);
      bytes = await timed("exceljs rewrite (fallback)", () => rewrittenCopy(loaded, report));
    }
    await timed("write copy", () =>
      writeFileSync(path.join(outDir, `${k}-审查.xlsx`), bytes, { flag: "wx" })
    );
  };
  mkdirSync(outDir, { recursive: true });
  // Warm-up (JIT, lazy requires), not counted.
  for (const [k, f] of files.slice(0, 3).entries()) await one(f, -1 - k);
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  });
  gc.observe({ entryTypes: ["gc"] });
  measuring = true;
  const t0 = performance.now();
  for (const [k, f] of files.entries()) await one(f, k);
  const totalMs = performance.now() - t0;
  measuring = false;
  // Entries are delivered asynchronously: let the last ones arrive.
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc.disconnect();
  const t2 = performance.now();
  for (const f of files) await loadOne(f);
  const floorMs = performance.now() - t2;
  return { files: files.length, ms, totalMs, gcMs, floorMs, rewritten };
}

export interface CheckRun {
  readonly ms: number;
  readonly code: number;
  readonly records: readonly CheckRecord[];
  readonly errLines: readonly string[];
}

/** `jiqun check FILES --json` on every file of `inDir`, as `main` gets them from the shell. */
export async function checkRun(inDir: string): Promise<CheckRun> {
  let out = "";
  const errLines: string[] = [];
  const t0 = performance.now();
  const code = await main(["check", ...inputFiles([inDir]), "--json"], {
    out: (l) => (out += l),
    err: (l) => errLines.push(l),
  });
  const ms = performance.now() - t0;
  return { ms, code, records: JSON.parse(out) as CheckRecord[], errLines };
}

async function cli(argv: readonly string[]): Promise<unknown> {
  const [mode, a, b, c] = argv;
  if (mode === "generate" && a) return generate(a);
  if (mode === "review" && a && b) return reviewRun(a, b, c ? Number(c) : undefined);
  if (mode === "floor" && a) return floorRun(a, Number(b ?? 1));
  if (mode === "phases" && a && b) return phasesRun(a, b, Number(c ?? 1));
  if (mode === "check" && a) return checkRun(a);
  throw new Error(
    `usage: generate IN | review IN OUT [N] | floor IN [THREADS] | phases IN OUT N | check IN`
  );
}

if (!isMainThread && (workerData as { floorWorker?: boolean } | null)?.floorWorker) {
  parentPort?.on("message", (file: string) => {
    void loadOne(file).then((n) => parentPort?.postMessage(n));
  });
} else if (require.main === module) {
  void cli(process.argv.slice(2)).then(
    (r) => process.stdout.write(JSON.stringify(r)),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    }
  );
}
