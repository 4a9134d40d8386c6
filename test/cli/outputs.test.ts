/**
 * Outputs appear whole or not at all, and never replace a file: a full disk or an I/O error in
 * the middle of a write (injected, the same on every machine) leaves no partial file that would
 * block the retry, and the commands say what happened in Chinese, naming the output as given.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NODE_FS, writeNew } from "../../src/cli/outputs";
import { guizhouXlsx } from "../support/xlsx";
import { failingAt, folders, opens, run, threeForms, withFs } from "./faultFs";

const fresh = folders("jiqun-outputs-");

let inputs: string;
beforeAll(async () => {
  inputs = await threeForms(fresh);
});

afterEach(() => jest.restoreAllMocks());

describe("writeNew", () => {
  it("refuses a name that is taken, leaving the file and no temporary file", () => {
    const dir = fresh("taken");
    const file = path.join(dir, "x.txt");
    writeFileSync(file, "old");
    expect(() => writeNew(file, "new")).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["x.txt"]);
  });

  it("leaves nothing when the disk fills in the middle of the bytes", () => {
    const dir = fresh("full");
    expect(() => writeNew(path.join(dir, "x.txt"), "0123456789", failingAt(1))).toThrow(
      expect.objectContaining({ code: "ENOSPC" })
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("renames where the file system has no hard links, still refusing a taken name", () => {
    const dir = fresh("nolinks");
    const noLinks = {
      ...NODE_FS,
      link: () => {
        throw Object.assign(new Error("EPERM: operation not permitted, link"), { code: "EPERM" });
      },
    };
    writeNew(path.join(dir, "x.txt"), "one", noLinks);
    expect(() => writeNew(path.join(dir, "x.txt"), "two", noLinks)).toThrow(
      expect.objectContaining({ code: "EEXIST" })
    );
    expect(readdirSync(dir)).toEqual(["x.txt"]);
    expect(readFileSync(path.join(dir, "x.txt"), "utf8")).toBe("one");
  });
});

describe("a full disk", () => {
  it("template --out: exit 3, one message, no file left, and the retry writes it", async () => {
    const dir = fresh("template");
    const out = path.join(dir, "申报表.xlsx");
    const r = await withFs(failingAt(1), () =>
      run("template", "shenbao", "--batch", "2024", "--out", out)
    );
    expect(r).toEqual({
      code: 3,
      out: "",
      err: `无法写入「${out}」：磁盘空间已满。没有留下不完整的文件。\n`,
    });
    expect(readdirSync(dir)).toEqual([]);
    const retry = await run("template", "shenbao", "--batch", "2024", "--out", out);
    expect(retry.code).toBe(0);
    await opens(out);
  });

  it("export --out x.docx: exit 3, one message, no file left", async () => {
    const dir = fresh("export");
    const input = path.join(dir, "guizhou.xlsx");
    // A 推荐汇总表 has nothing to calculate in its print area: no LibreOffice needed.
    writeFileSync(input, await guizhouXlsx(3));
    const out = path.join(dir, "汇总表.docx");
    const r = await withFs(failingAt(1), () => run("export", input, "--out", out));
    expect(r).toEqual({
      code: 3,
      out: "",
      err: `无法写入「${out}」：磁盘空间已满。没有留下不完整的文件。\n`,
    });
    expect(readdirSync(dir)).toEqual(["guizhou.xlsx"]);
  });

  it("check --out-dir: stops at the fault with what is complete, exit 3; the rest is checked on a retry", async () => {
    const outDir = path.join(fresh("check"), "审查");
    const files = ["a1.xlsx", "a2.xlsx", "a3.xlsx"].map((n) => path.join(inputs, n));
    const r = await withFs(failingAt(2), () => run("check", ...files, "--out-dir", outDir));
    expect(r.code).toBe(3);
    expect(r.err).toBe(
      `写入输出文件夹「${outDir}」时出错：磁盘空间已满。检查已停止：已写出 1 个带标记的副本（每个都完整可用），未写完的临时文件已删除，其余文件没有检查。请腾出空间后重新运行（已写出的副本不会被覆盖，可先删除）。\n`
    );
    expect(readdirSync(outDir)).toEqual(["a1-审查.xlsx"]);
    await opens(path.join(outDir, "a1-审查.xlsx"));
    // No empty copy stands in the way: the files not copied are copied now.
    const retry = await run("check", files[1] as string, files[2] as string, "--out-dir", outDir);
    expect(retry.code).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(["a1-审查.xlsx", "a2-审查.xlsx", "a3-审查.xlsx"]);
  });
});

describe("folders the system refuses", () => {
  it("a check --out-dir that cannot be made: said once, exit 2, nothing checked", async () => {
    const file = fresh("notdir");
    const blocker = path.join(file, "文件");
    writeFileSync(blocker, "");
    const outDir = path.join(blocker, "审查");
    const r = await run("check", path.join(inputs, "a1.xlsx"), "--out-dir", outDir);
    expect(r).toEqual({
      code: 2,
      out: "",
      err: `无法使用输出文件夹「${outDir}」：路径中有一段不是文件夹。什么也没有检查，没有写出副本。\n`,
    });
  });
});
