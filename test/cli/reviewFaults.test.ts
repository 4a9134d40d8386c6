/**
 * `jiqun review` compiled, in its own process, meeting faults: a disk that fills (a real small
 * tmpfs where this machine can mount one, and always a fault injected into the worker threads),
 * kills at twenty points chosen from a seeded sequence, and two runs into the same folder. What
 * is checked holds in every order of events: kill points count the process's own writes (a
 * preload script), never time, and the two-run tests accept only outcomes that are right
 * whichever run gets there first.
 */
import ExcelJS from "exceljs";
import { spawn, spawnSync, execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EXAMPLE_A, EXAMPLE_B } from "../../src/domain";
import { compileNodeBuild, repoRoot } from "../support/compile";
import { shenbaoXlsx } from "../support/xlsx";

const root = mkdtempSync(path.join(tmpdir(), "jiqun-faults-"));
const inDir = path.join(root, "in");
const MARKER = "未完成-审查未结束.txt";
const COPIES = ["a1-审查.xlsx", "a2-审查.xlsx", "b-审查.xlsx"];

/**
 * Preloaded into the process and, inherited, into its worker threads. It counts this thread's
 * writes into JIQUN_TEST_OUT (file creations, links, renames, removals) and:
 * - JIQUN_KILL_AT=N: kills the whole process at the Nth, a creation half written first when N
 *   is odd (as a kill in the middle of writing leaves it);
 * - JIQUN_WORKER_FAIL_AT=N: in a worker thread, its Nth creation writes half and fails as a
 *   full disk does;
 * - JIQUN_HOLD=F: at the first copy linked, creates F and waits until F.go exists.
 */
const PRELOAD = `
const fs = require("node:fs");
const wt = require("node:worker_threads");
const OUT = process.env.JIQUN_TEST_OUT;
const KILL_AT = Number(process.env.JIQUN_KILL_AT || 0);
const FAIL_AT = Number(process.env.JIQUN_WORKER_FAIL_AT || 0);
const HOLD = process.env.JIQUN_HOLD;
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
let ops = 0;
let created = 0;
let held = false;
for (const name of ["writeFileSync", "linkSync", "renameSync", "unlinkSync", "rmSync"]) {
  const real = fs[name];
  fs[name] = function (...args) {
    const target = String(name === "linkSync" || name === "renameSync" ? args[1] : args[0]);
    if (OUT && target.startsWith(OUT)) {
      ops++;
      const half = () => {
        const data = Buffer.from(args[1]);
        real.call(fs, args[0], data.subarray(0, data.length >> 1), args[2]);
      };
      if (ops === KILL_AT) {
        if (name === "writeFileSync" && ops % 2 === 1) half();
        process.kill(process.pid, "SIGKILL");
        for (;;) pause(1000);
      }
      if (name === "writeFileSync" && !wt.isMainThread && FAIL_AT && ++created >= FAIL_AT) {
        half();
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      }
      if (HOLD && !held && name === "linkSync" && target.endsWith("-审查.xlsx")) {
        held = true;
        fs.writeFileSync(HOLD, "");
        while (!fs.existsSync(HOLD + ".go")) pause(20);
      }
    }
    return real.apply(fs, args);
  };
}
`;

let compiled: string;

function args(...rest: string[]): string[] {
  return [
    "--require",
    path.join(root, "preload.js"),
    "-e",
    `require(${JSON.stringify(path.join(compiled, "src", "cli", "jiqun.js"))})` +
      `.main(process.argv.slice(1), { out: (l) => console.log(l), err: (l) => console.error(l) })` +
      `.then((code) => process.exit(code))`,
    ...rest,
  ];
}

const envOf = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_PATH: path.join(repoRoot, "node_modules"),
  ...extra,
});

interface Ended {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function jiqun(extra: Record<string, string>, ...rest: string[]): Ended {
  const r = spawnSync(process.execPath, args(...rest), {
    cwd: repoRoot,
    encoding: "utf8",
    env: envOf(extra),
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The same, started now and awaited later. */
function started(
  extra: Record<string, string>,
  ...rest: string[]
): { readonly pid: number; readonly ended: Promise<Ended> } {
  const child = spawn(process.execPath, args(...rest), { cwd: repoRoot, env: envOf(extra) });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const ended = new Promise<Ended>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }))
  );
  return { pid: child.pid ?? 0, ended };
}

/** Files a user sees (the review's temporary files are dot-files). */
const visible = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => !f.startsWith("."))
        .sort()
    : [];

async function opens(file: string): Promise<boolean> {
  try {
    await new ExcelJS.Workbook().xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    return true;
  } catch {
    return false;
  }
}

/**
 * What any end leaves: nothing visible, or the marker, or a complete review (汇总.xlsx and a
 * report that says so); and every visible workbook opens.
 */
async function expectCompleteOrMarked(dir: string): Promise<"empty" | "marked" | "complete"> {
  const files = visible(dir);
  for (const f of files.filter((n) => n.endsWith(".xlsx")))
    expect([f, await opens(path.join(dir, f))]).toEqual([f, true]);
  if (files.length === 0) return "empty";
  if (files.includes(MARKER)) {
    expect(readFileSync(path.join(dir, MARKER), "utf8")).toMatch(/审查没有完成/u);
    // The report, once there, says so too until the finished one replaces it whole.
    if (files.includes("审查报告.json"))
      expect(
        (
          JSON.parse(readFileSync(path.join(dir, "审查报告.json"), "utf8")) as {
            complete?: boolean;
          }
        ).complete
      ).toBe(false);
    return "marked";
  }
  expect(files).toEqual([...COPIES, "审查报告.json", "汇总.xlsx"].sort());
  const report = JSON.parse(readFileSync(path.join(dir, "审查报告.json"), "utf8")) as {
    complete?: boolean;
  };
  expect(report.complete).toBe(true);
  return "complete";
}

/** A seeded sequence in [0, 1): the same kill points on every run of the suite. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

let serial = 0;
const outDir = (name: string): string => path.join(root, `${serial++}-${name}`);

beforeAll(async () => {
  mkdirSync(inDir);
  const a = await shenbaoXlsx(2024, [EXAMPLE_A.values]);
  writeFileSync(path.join(inDir, "a1.xlsx"), a);
  writeFileSync(path.join(inDir, "a2.xlsx"), a);
  writeFileSync(path.join(inDir, "b.xlsx"), await shenbaoXlsx(2024, [EXAMPLE_B.values]));
  writeFileSync(path.join(inDir, "z-not-a-workbook.xlsx"), "这不是工作簿");
  writeFileSync(path.join(root, "preload.js"), PRELOAD);
  compiled = compileNodeBuild(path.join(root, "build"));
}, 120_000);

describe("a full disk", () => {
  it("in a worker thread comes back as the output folder's fault: one message, exit 3, no input blamed", async () => {
    const out = outDir("worker-full");
    // Each thread's second copy fails: the two first copies are written whatever the order.
    const r = jiqun(
      { JIQUN_TEST_OUT: out, JIQUN_WORKER_FAIL_AT: "2" },
      "review",
      inDir,
      "--out",
      out,
      "--jobs",
      "2"
    );
    expect(r.status).toBe(3);
    expect(r.stderr).toBe(
      `写入输出文件夹「${out}」时出错：磁盘空间已满。审查已停止，结果不完整：已写出 2 个带标记的副本（每个都完整可用），汇总.xlsx 和审查报告.json 没有写全；未写完的临时文件已删除。文件夹中的「${MARKER}」标明结果不全：请解决上述问题（如腾出磁盘空间）后删除该文件夹（或指定另一个输出文件夹），重新审查。\n`
    );
    // The file that is not a workbook may be refused for itself; no good file is blamed.
    expect(r.stdout).not.toMatch(/(a1|a2|b)\.xlsx: 未读取|无法解析/u);
    expect(readdirSync(out).filter((f) => f.startsWith("."))).toEqual([]);
    const files = visible(out);
    expect(files).toContain(MARKER);
    expect(files.filter((f) => f.endsWith("-审查.xlsx"))).toHaveLength(2);
    await expectCompleteOrMarked(out);
  }, 60_000);

  /** A tmpfs of this size at a new folder, or why not. */
  function tmpfs(kb: number): { dir: string } | { why: string } {
    const dir = outDir("tmpfs");
    mkdirSync(dir);
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", `size=${kb}k`, "tmpfs", dir], {
        stdio: "pipe",
      });
      return { dir };
    } catch (e) {
      return { why: String(e instanceof Error ? e.message : e).split("\n")[0] ?? "" };
    }
  }
  const mounted: string[] = [];
  afterAll(() => {
    for (const dir of mounted) spawnSync("umount", [dir]);
  });

  it("on a real disk (tmpfs), when this machine can mount one: the same end, threads and all", async () => {
    const fs = tmpfs(256);
    if ("why" in fs) {
      // Not silent: the injected fault above ran in its place, and CI logs say so.
      console.warn(`tmpfs unavailable (${fs.why}); the injected full disk stood in for it`);
      return;
    }
    mounted.push(fs.dir);
    const many = path.join(root, "many");
    mkdirSync(many);
    const bytes = readFileSync(path.join(inDir, "a1.xlsx"));
    // Enough copies to fill the disk several times over.
    const count = Math.ceil((256 * 1024) / bytes.length) * 2 + 2;
    for (let i = 0; i < count; i++)
      writeFileSync(path.join(many, `f${String(i).padStart(3, "0")}.xlsx`), bytes);
    const out = path.join(fs.dir, "结果");
    const r = jiqun({}, "review", many, "--out", out, "--jobs", "2");
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(
      new RegExp(
        `^写入输出文件夹「${out}」时出错：磁盘空间已满。审查已停止，结果不完整：已写出 \\d+ 个带标记的副本`,
        "u"
      )
    );
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).not.toMatch(/无法解析|未读取/u);
    const written = Number(/已写出 (\d+) 个/u.exec(r.stderr)?.[1]);
    const copies = visible(out).filter((f) => f.endsWith("-审查.xlsx"));
    expect(copies).toHaveLength(written);
    expect(written).toBeLessThan(count);
    expect(readdirSync(out).filter((f) => f.startsWith("."))).toEqual([]);
    for (const c of copies) expect(statSync(path.join(out, c)).size).toBeGreaterThan(0);
    expect(visible(out)).toContain(MARKER);
    for (const c of copies) expect([c, await opens(path.join(out, c))]).toEqual([c, true]);

    // template --out on a disk filled to the last byte: no empty file left to block the retry.
    try {
      writeFileSync(path.join(fs.dir, "filler"), Buffer.alloc(1024 * 1024));
    } catch {
      // ENOSPC, as meant.
    }
    const template = path.join(fs.dir, "申报表.xlsx");
    const t = jiqun({}, "template", "shenbao", "--batch", "2024", "--out", template);
    expect(t.status).toBe(3);
    expect(t.stderr).toBe(`无法写入「${template}」：磁盘空间已满。没有留下不完整的文件。\n`);
    expect(existsSync(template)).toBe(false);
  }, 60_000);
});

it("after a kill at any of twenty points, the folder is complete or marked incomplete, and every copy opens", async () => {
  const next = seeded(20261130);
  const runs = Array.from({ length: 20 }, (_, run) => {
    // Writes in the main thread: marker 3, the incomplete report 3, and with one thread 3 per
    // copy, then 汇总 3, the report's replacement 2, the marker's removal 1 (21 with --jobs 1;
    // 12 with --jobs 2, the copies on the workers): every point below is reached.
    // A few on two worker threads, killed from a worker or the main thread; most on one, cheaper.
    const jobs = run % 5 === 1 ? 2 : 1;
    const killAt = run === 19 ? 0 : 1 + Math.floor(next() * (jobs === 1 ? 19 : 10));
    return { run, jobs, killAt, out: outDir(`kill-${run}`) };
  });
  const ends: string[] = [];
  // Two at a time: each in its own process, so their order does not matter.
  for (let i = 0; i < runs.length; i += 2) {
    const pair = runs.slice(i, i + 2);
    const results = await Promise.all(
      pair.map(
        ({ jobs, killAt, out }) =>
          started(
            { JIQUN_TEST_OUT: out, JIQUN_KILL_AT: String(killAt) },
            "review",
            inDir,
            "--out",
            out,
            "--jobs",
            String(jobs),
            "--json"
          ).ended
      )
    );
    for (const [k, { killAt, out }] of pair.entries()) {
      const r = results[k] as Ended;
      if (killAt === 0) expect(r.status).toBe(1);
      else expect([killAt, r.signal]).toEqual([killAt, "SIGKILL"]);
      ends.push(`${killAt}:${await expectCompleteOrMarked(out)}`);
    }
  }
  // The points reach the states in between, not only the ends.
  expect(ends.filter((e) => e.endsWith("marked")).length).toBeGreaterThan(10);
  expect(ends[19]).toBe("0:complete");
}, 120_000);

describe("two reviews into one folder", () => {
  it("the second refuses while the first holds the folder, naming the first's process; the first completes", async () => {
    const out = outDir("held");
    const hold = path.join(root, "hold");
    const first = started(
      { JIQUN_TEST_OUT: out, JIQUN_HOLD: hold },
      "review",
      inDir,
      "--out",
      out,
      "--jobs",
      "1"
    );
    let over = false;
    void first.ended.then(() => (over = true));
    // Waits for the first run to reach its first copy, however long that takes.
    while (!existsSync(hold) && !over) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = jiqun({}, "review", inDir, "--out", out);
    expect(second).toMatchObject({
      status: 2,
      stdout: "",
      stderr: `输出文件夹「${out}」正被另一次审查（进程 ${first.pid}）使用。请等它结束，或指定另一个输出文件夹。什么也没有写。\n`,
    });
    writeFileSync(`${hold}.go`, "");
    expect((await first.ended).status).toBe(1);
    expect(await expectCompleteOrMarked(out)).toBe("complete");
  }, 60_000);

  it("started together, exactly one reviews and the other refuses, whichever comes first", async () => {
    const out = outDir("together");
    const runs = await Promise.all([
      started({}, "review", inDir, "--out", out).ended,
      started({}, "review", inDir, "--out", out).ended,
    ]);
    const reviewed = runs.filter((r) => r.status === 1);
    const refused = runs.filter((r) => r.status === 2);
    expect([reviewed.length, refused.length]).toEqual([1, 1]);
    // Refused while the other held the folder, or after it had finished there.
    expect(refused[0]?.stderr).toMatch(
      new RegExp(
        `^(输出文件夹「${out}」正被另一次审查（进程 \\d+）使用。|输出目录「${out}」已存在且不为空。)`,
        "u"
      )
    );
    expect(await expectCompleteOrMarked(out)).toBe("complete");
  }, 60_000);
});
