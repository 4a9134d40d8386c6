/**
 * `jiqun review` as users run it: compiled, in its own Node process, on worker threads. Under
 * jest the pool runs files in the test's thread (workers need compiled JavaScript), so this is
 * the test of the threaded path: the same report and byte-identical copies as the in-process
 * run, with the worker threads actually started (counted by a preload script), a bad file
 * refused inside a worker like anywhere else.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/jiqun";
import type { Summary } from "../../src/cli/review/summary";
import { t } from "../../src/i18n";
import { EXAMPLE_A, EXAMPLE_B, EXAMPLE_C, EXAMPLE_E, type FormValues } from "../../src/domain";
import { compileNodeBuild, repoRoot } from "../support/compile";
import { shenbaoXlsx } from "../support/xlsx";

const root = mkdtempSync(path.join(tmpdir(), "jiqun-workers-"));
const inDir = path.join(root, "in");

/**
 * Preloaded into the process and, inherited, into each worker thread. In the main thread it
 * counts the worker threads started, on stderr (node:worker_threads' export is looked up at
 * each \`new\`). In a worker, reading a file named crash.xlsx ends the thread, as running out of
 * memory would.
 */
const PRELOAD = `
const wt = require("node:worker_threads");
if (wt.isMainThread) {
  const Base = wt.Worker;
  wt.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      process.stderr.write("worker thread started\\n");
    }
  };
} else {
  const fs = require("node:fs");
  const read = fs.readFileSync;
  fs.readFileSync = (file, ...rest) => {
    if (String(file).endsWith("crash.xlsx")) process.exit(3);
    return read(file, ...rest);
  };
}
`;

/** The compiled jiqun in its own process, with PRELOAD; stdout, stderr and exit code. */
function jiqun(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(
    process.execPath,
    [
      "--require",
      path.join(root, "preload.js"),
      "-e",
      `require(${JSON.stringify(path.join(compiled, "src", "cli", "jiqun.js"))})` +
        `.main(process.argv.slice(1), { out: (l) => console.log(l), err: (l) => console.error(l) })` +
        `.then((code) => process.exit(code))`,
      ...args,
    ],
    {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, NODE_PATH: path.join(repoRoot, "node_modules") },
    }
  );
}

const startedThreads = (stderr: string): number =>
  stderr.split("\n").filter((l) => l === "worker thread started").length;

async function shenbao(name: string, year: number, values: FormValues): Promise<void> {
  writeFileSync(path.join(inDir, name), await shenbaoXlsx(year, [values]));
}

/** A report without what differs between any two runs (times, where the output went). */
const comparable = (s: Summary): unknown => ({
  ...s,
  files: s.files.map(({ ms: _ms, ...f }) => f),
});

let compiled: string;
beforeAll(async () => {
  mkdirSync(inDir);
  await shenbao("a.xlsx", 2024, EXAMPLE_A.values);
  await shenbao("b.xlsx", 2024, EXAMPLE_B.values);
  await shenbao("c.xlsx", 2023, EXAMPLE_C.values);
  await shenbao("e.xlsx", 2022, EXAMPLE_E.values);
  writeFileSync(path.join(inDir, "not-a-workbook.xlsx"), "这不是工作簿");
  compiled = compileNodeBuild(path.join(root, "build"));
  writeFileSync(path.join(root, "preload.js"), PRELOAD);
}, 120_000);

it("gives the in-process run's report and byte-identical copies, on two worker threads", async () => {
  const threadedOut = path.join(root, "threaded");
  const child = jiqun("review", inDir, "--out", threadedOut, "--jobs", "2", "--json");
  expect(startedThreads(child.stderr)).toBe(2);
  expect(child.status).toBe(1); // B and E fail, and one file is refused
  const threaded = JSON.parse(child.stdout) as Summary;

  const localOut = path.join(root, "local");
  let json = "";
  const code = await main(["review", inDir, "--out", localOut, "--json"], {
    out: (l) => (json += l),
    err: () => undefined,
  });
  expect(code).toBe(1);
  const local = JSON.parse(json) as Summary;

  expect(comparable(threaded)).toEqual(comparable(local));
  expect(threaded.files.find((f) => f.file.endsWith("not-a-workbook.xlsx"))?.reason).toBe(
    "不是 .xlsx 文件。"
  );
  // C is western: its misses are warnings (西部地区可适当放宽), the domain's default.
  expect(threaded.clusters.map((c) => c.result)).toEqual(["pass", "fail", "warnings", "fail"]);
  const copies = readdirSync(localOut).filter((f) => f.endsWith("-审查.xlsx"));
  expect(copies).toHaveLength(4);
  for (const copy of copies)
    expect(
      readFileSync(path.join(threadedOut, copy)).equals(readFileSync(path.join(localOut, copy)))
    ).toBe(true);
}, 120_000);

it("takes --criteria to the worker threads: the in-process report, under 云南's pack", async () => {
  const threadedOut = path.join(root, "threaded-yunnan");
  const args = ["--json", "--criteria", "yunnan-provincial"];
  const child = jiqun("review", inDir, "--out", threadedOut, "--jobs", "2", ...args);
  expect(startedThreads(child.stderr)).toBe(2);
  const threaded = JSON.parse(child.stdout) as Summary & { criteria: { id: string } };
  let json = "";
  await main(["review", inDir, "--out", path.join(root, "local-yunnan"), ...args], {
    out: (l) => (json += l),
    err: () => undefined,
  });
  expect(comparable(threaded)).toEqual(comparable(JSON.parse(json) as Summary));
  expect(threaded.criteria.id).toBe("yunnan-provincial");
  // B's boundaries at the national numbers and C's western misses clear 云南's lower ones; E's
  // two gates fail under any pack. The forms were made with the national standard, so each also
  // warns that its own highlights show other numbers than 云南's, and warns of nothing else.
  expect(threaded.clusters.map((c) => c.result)).toEqual([
    "warnings",
    "warnings",
    "warnings",
    "fail",
  ]);
  const warned = threaded.files.flatMap((f) =>
    f.sheets.flatMap((s) => s.records.filter((r) => r.severity === "warning").map((r) => r.ruleId))
  );
  expect(new Set(warned)).toEqual(new Set(["criteria_mismatch"]));
}, 120_000);

it("goes on when a worker thread dies: that file is refused with the reason, the other threads take the rest", async () => {
  const dir = path.join(root, "crashing");
  mkdirSync(dir);
  for (const name of ["a.xlsx", "b.xlsx", "e.xlsx"])
    writeFileSync(path.join(dir, name), readFileSync(path.join(inDir, name)));
  writeFileSync(path.join(dir, "crash.xlsx"), readFileSync(path.join(inDir, "a.xlsx")));
  const out = path.join(root, "crashing-out");
  const child = jiqun("review", dir, "--out", out, "--jobs", "2", "--json");
  expect(child.status).toBe(1);
  const report = JSON.parse(child.stdout) as Summary;
  const crash = report.files.find((f) => f.file.endsWith("crash.xlsx"));
  expect(crash).toMatchObject({
    status: "refused",
    reason:
      "审查此文件的线程意外退出（退出码 3），可能是文件过于复杂或内存不足；其余文件照常审查。",
  });
  expect(report.files.filter((f) => f.status === "checked")).toHaveLength(3);
  expect(report.clusters.map((c) => path.basename(c.file))).toEqual(["a.xlsx", "b.xlsx", "e.xlsx"]);
  // Two threads to begin with. The lane whose thread died starts a new one only if it takes
  // another file, and the other lane may already have taken them all: both orders are right, and
  // either way every other file was checked (above) and copied (below).
  expect([2, 3]).toContain(startedThreads(child.stderr));
  expect(
    readdirSync(out)
      .filter((f) => f.endsWith("-审查.xlsx"))
      .sort()
  ).toEqual(["a-审查.xlsx", "b-审查.xlsx", "e-审查.xlsx"]);
}, 120_000);

it("caps --jobs at the processor cores, and says so", () => {
  const out = path.join(root, "capped-out");
  const cores = availableParallelism();
  const jobs = cores + 62;
  const child = jiqun("review", inDir, "--out", out, "--jobs", String(jobs), "--json");
  expect(child.status).toBe(1);
  expect(child.stderr).toContain(t("zh-CN", "batch.jobsCapped", { jobs, cores }));
  expect(startedThreads(child.stderr)).toBeLessThanOrEqual(cores);
  const report = JSON.parse(child.stdout) as Summary;
  expect(report.files.length).toBeGreaterThan(1);
}, 120_000);
