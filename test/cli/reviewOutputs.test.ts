/**
 * `jiqun review`'s output folder under faults, in this process with an injected file-system
 * layer (the same on every machine): a full disk or an I/O error stops the run with one message
 * that blames no input, the folder stays marked incomplete until the summary is in place, a
 * marker is also the folder's lock, and folders the system refuses are said so in Chinese.
 * The compiled run (threads, kills, two processes) is reviewFaults.test.ts.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { failingAt, folders, opens, run, threeForms, withFs } from "./faultFs";

const fresh = folders("jiqun-review-outputs-");

let inputs: string;
beforeAll(async () => {
  inputs = await threeForms(fresh);
});

afterEach(() => jest.restoreAllMocks());

describe("a full disk", () => {
  it.each([
    ["ENOSPC", "磁盘空间已满"],
    ["EIO", "磁盘读写出错（I/O 错误）"],
  ])(
    "review (%s): stops at once with one message naming the folder and the copies written, blames no input, exit 3",
    async (code, words) => {
      const out = path.join(fresh(`review-${code}`), "结果");
      // The first files created are the incomplete marker and report; then a copy per file.
      const r = await withFs(failingAt(5, code), () => run("review", inputs, "--out", out));
      expect(r.code).toBe(3);
      expect(r.err).toBe(
        `写入输出文件夹「${out}」时出错：${words}。审查已停止，结果不完整：已写出 2 个带标记的副本（每个都完整可用），汇总.xlsx 和审查报告.json 没有写全；未写完的临时文件已删除。文件夹中的「未完成-审查未结束.txt」标明结果不全：请解决上述问题（如腾出磁盘空间）后删除该文件夹（或指定另一个输出文件夹），重新审查。\n`
      );
      expect(r.out).not.toMatch(/无法解析|未读取/u);
      expect(readdirSync(out).sort()).toEqual([
        "a1-审查.xlsx",
        "a2-审查.xlsx",
        "审查报告.json",
        "未完成-审查未结束.txt",
      ]);
      expect(JSON.parse(readFileSync(path.join(out, "审查报告.json"), "utf8"))).toMatchObject({
        complete: false,
      });
      for (const copy of ["a1-审查.xlsx", "a2-审查.xlsx"]) await opens(path.join(out, copy));
      expect(readFileSync(path.join(out, "未完成-审查未结束.txt"), "utf8")).toMatch(
        /审查没有完成.*\n.*结果不全/u
      );
    }
  );

  it("review: a disk full for the summary leaves the copies and the marker, exit 3", async () => {
    const out = path.join(fresh("review-summary"), "结果");
    // Marker, report, three copies, then 汇总.xlsx fails.
    const r = await withFs(failingAt(6), () => run("review", inputs, "--out", out, "--json"));
    expect(r.code).toBe(3);
    expect(r.out).toBe("");
    expect(r.err).toMatch(
      /^写入输出文件夹「.*结果」时出错：磁盘空间已满。.*已写出 3 个带标记的副本/u
    );
    expect(readdirSync(out).sort()).toEqual([
      "a1-审查.xlsx",
      "a2-审查.xlsx",
      "a3-审查.xlsx",
      "审查报告.json",
      "未完成-审查未结束.txt",
    ]);
    expect(JSON.parse(readFileSync(path.join(out, "审查报告.json"), "utf8"))).toMatchObject({
      complete: false,
    });
  });
});

describe("the marker", () => {
  it("is gone after a review that ends, and the report says it is complete", async () => {
    const out = path.join(fresh("complete"), "结果");
    const r = await run("review", inputs, "--out", out, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ complete: true });
    expect(JSON.parse(readFileSync(path.join(out, "审查报告.json"), "utf8"))).toMatchObject({
      complete: true,
    });
    expect(readdirSync(out).sort()).toEqual([
      "a1-审查.xlsx",
      "a2-审查.xlsx",
      "a3-审查.xlsx",
      "审查报告.json",
      "汇总.xlsx",
    ]);
  });
});

describe("the lock", () => {
  const MARKER = "未完成-审查未结束.txt";

  it("a marker whose process has ended: refused with what to do, not waited for; a live one: in use", async () => {
    const out = fresh("stale");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(
      path.join(out, MARKER),
      `这个文件夹中的审查没有完成（jiqun review，进程号：${dead}）。`
    );
    expect(await run("review", inputs, "--out", out)).toEqual({
      code: 2,
      out: "",
      err: `输出文件夹「${out}」中有一次没有完成的审查（进程 ${dead} 已结束），其中的结果不全。请删除该文件夹或指定另一个输出文件夹，再重新审查。\n`,
    });
    const live = fresh("live");
    writeFileSync(path.join(live, MARKER), `（jiqun review，进程号：${process.pid}）`);
    expect((await run("review", inputs, "--out", live)).err).toBe(
      `输出文件夹「${live}」正被另一次审查（进程 ${process.pid}）使用。请等它结束，或指定另一个输出文件夹。什么也没有写。\n`
    );
    expect(readdirSync(live)).toEqual([MARKER]);
  });

  it("a folder holding only a killed run's temporary files counts as empty", async () => {
    const out = fresh("temps");
    writeFileSync(path.join(out, ".jiqun-999999-0-0-0badf00d.tmp"), "half");
    const r = await run("review", inputs, "--out", out);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toContain("汇总.xlsx");
  });
});

describe("folders the system refuses", () => {
  const denied = (target: string) => (): never => {
    throw Object.assign(new Error(`EACCES: permission denied, '${target}'`), {
      code: "EACCES",
      path: target,
    });
  };

  it("an input folder review may not read: its name and why, exit 2, nothing written", async () => {
    const real = fs.readdirSync;
    jest
      .spyOn(fs, "readdirSync")
      .mockImplementation(((dir: fs.PathLike, ...rest: []) =>
        dir === inputs ? denied(inputs)() : real(dir, ...rest)) as typeof fs.readdirSync);
    const out = path.join(fresh("denied-in"), "结果");
    const r = await run("review", inputs, "--out", out);
    expect(r).toEqual({
      code: 2,
      out: "",
      err: `无法读取输入「${inputs}」：没有权限。什么也没有写。\n`,
    });
    expect(fs.existsSync(out)).toBe(false);
  });

  it("an output folder review may not create: its name as given and why, exit 2", async () => {
    const parent = fresh("denied-out");
    const out = path.join(parent, "结果");
    const real = fs.mkdirSync;
    jest
      .spyOn(fs, "mkdirSync")
      .mockImplementation(((dir: fs.PathLike, ...rest: []) =>
        path.resolve(String(dir)) === out
          ? denied(out)()
          : real(dir, ...rest)) as typeof fs.mkdirSync);
    const r = await run("review", inputs, "--out", out);
    expect(r).toEqual({
      code: 2,
      out: "",
      err: `无法使用输出文件夹「${out}」：没有权限。什么也没有写。\n`,
    });
    expect(readdirSync(parent)).toEqual([]);
  });
});
