/**
 * `jiqun check` holds each file to review's limits and says why in review's words, from the
 * bytes, before anything parses them; and a file the system will not let it read is called
 * that, not a broken workbook.
 */
import JSZip from "jszip";
import fs from "node:fs";
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/jiqun";
import { EXAMPLE_A } from "../../src/domain";
import { shenbaoXlsx } from "../support/xlsx";

const root = mkdtempSync(path.join(tmpdir(), "jiqun-check-limits-"));
const at = (name: string): string => path.join(root, name);

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

const SKIPPED = "已跳过，继续检查其他文件。";

let good: string;
beforeAll(async () => {
  good = at("good.xlsx");
  writeFileSync(good, await shenbaoXlsx(2024, [EXAMPLE_A.values]));
});

afterEach(() => jest.restoreAllMocks());

it("refuses a zip bomb from its bytes, in review's words, and goes on", async () => {
  // 8 MB of zeros packed into a few KB: over the 200:1 ratio review refuses. Parsed, such a file
  // grows to whatever it holds (1 GiB cost 1.2 GB and ended in a RangeError).
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("xl/workbook.xml", "<workbook/>");
  zip.file("xl/worksheets/sheet1.xml", Buffer.alloc(8 * 1024 * 1024));
  const bomb = at("炸弹.xlsx");
  writeFileSync(
    bomb,
    await zip.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      compressionOptions: { level: 9 },
    })
  );
  const r = await run("check", bomb, good);
  expect(r.code).toBe(2);
  expect(r.err).toBe(`${bomb}：解压后过大（8.0 MB），疑似压缩炸弹，未读取。${SKIPPED}\n`);
  expect(r.out).toMatch(/good\.xlsx · 申报表-2024：错误 0 项/u);
});

it("calls an .xls an old or protected workbook, an .ods not xlsx, and an oversized file too large, unread", async () => {
  const xls = at("旧格式.xls");
  writeFileSync(xls, Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(4096)]));
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
  zip.file("content.xml", "<office:document-content/>");
  const ods = at("表格.ods");
  writeFileSync(ods, await zip.generateAsync({ type: "nodebuffer" }));
  // Sparse: 51 MB that take no room, and that check must not read to know they are too many.
  const large = at("大文件.xlsx");
  writeFileSync(large, "");
  truncateSync(large, 51 * 1024 * 1024);
  const read = jest.spyOn(fs, "readFileSync");
  const r = await run("check", xls, ods, large);
  expect(r.code).toBe(2);
  expect(r.err.split("\n")).toEqual([
    `${xls}：文件受密码保护（或为旧版 .xls 格式），无法读取。请提供未加密的 .xlsx 文件。${SKIPPED}`,
    `${ods}：不是 .xlsx 文件。${SKIPPED}`,
    `${large}：文件过大（51.0 MB），超过单个文件上限，未读取。${SKIPPED}`,
    "",
  ]);
  expect(read.mock.calls.map(([file]) => file)).not.toContain(large);
});

it("says a file it may not read is not readable, not that it is a broken xlsx", async () => {
  // As root (CI containers) a chmod would not keep it out: the read fails as it would for a user.
  const real = fs.readFileSync;
  jest.spyOn(fs, "readFileSync").mockImplementation(((
    file: fs.PathOrFileDescriptor,
    ...rest: []
  ) => {
    if (file === good)
      throw Object.assign(new Error(`EACCES: permission denied, open '${good}'`), {
        code: "EACCES",
      });
    return real(file, ...rest);
  }) as typeof fs.readFileSync);
  const r = await run("check", good);
  expect(r.code).toBe(2);
  expect(r.err).toBe(`${good}：无法打开文件（没有权限）。${SKIPPED}\n`);
});

it("says what the system refused in Chinese for every error code it names, never a bare code", async () => {
  const { fsReason } = await import("../../src/cli/faults");
  const reasons = [
    "EACCES",
    "EPERM",
    "ENOENT",
    "ENOSPC",
    "EDQUOT",
    "EIO",
    "EISDIR",
    "ENOTDIR",
    "ELOOP",
    "EROFS",
  ].map((code) => fsReason(Object.assign(new Error(code), { code })));
  for (const r of reasons) expect(r).toMatch(/^[^A-Z]*[\u4e00-\u9fff][^]*$/u);
  expect(new Set(reasons).size).toBe(reasons.length);
  expect(fsReason(Object.assign(new Error(""), { code: "ENOENT" }), "write")).toBe(
    "所在的文件夹不存在"
  );
  const dir = at("一个文件夹.xlsx");
  fs.mkdirSync(dir);
  const r = await run("check", dir);
  expect(r.err).toBe(`${dir}：无法打开文件（这是文件夹，不是文件）。${SKIPPED}\n`);
});
