/**
 * What the output fault tests share: a file-system layer for outputs (src/cli/outputs.ts) whose
 * Nth file creation fails the way a full or failing disk fails, part of the bytes written, then
 * the error (deterministic, so the tests run the same on every machine); jiqun run in this
 * process; fresh folders and inputs.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/jiqun";
import { NODE_FS, useOutputFs, type OutputFs } from "../../src/cli/outputs";
import { EXAMPLE_A } from "../../src/domain";
import { shenbaoXlsx } from "../support/xlsx";

export interface FailingFs extends OutputFs {
  /** Files created so far, the failing one included. */
  readonly created: () => number;
}

export function failingAt(n: number, code = "ENOSPC"): FailingFs {
  let count = 0;
  return {
    ...NODE_FS,
    create: (file, data) => {
      count++;
      if (count < n) return NODE_FS.create(file, data);
      const bytes = typeof data === "string" ? Buffer.from(data) : Buffer.from(data);
      writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)), { flag: "wx" });
      throw Object.assign(new Error(`${code}: write failed, write '${file}'`), {
        code,
        path: file,
      });
    },
    created: () => count,
  };
}

/** A run of jiqun in this process: its exit code and what it wrote to stdout and stderr. */
export async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

/** Runs with the layer in place, restored whatever happens. */
export async function withFs<T>(layer: OutputFs, body: () => Promise<T>): Promise<T> {
  const restore = useOutputFs(layer);
  try {
    return await body();
  } finally {
    restore();
  }
}

/** Resolves when exceljs can load the file; rejects when it cannot. */
export async function opens(file: string): Promise<void> {
  await new ExcelJS.Workbook().xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
}

/** New empty folders under one temporary root, numbered so that none is reused. */
export function folders(prefix: string): (name: string) => string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  let serial = 0;
  return (name) => {
    const dir = path.join(root, `${serial++}-${name}`);
    mkdirSync(dir);
    return dir;
  };
}

/** Three copies of example A's 申报表 (a1, a2, a3) in a new folder. */
export async function threeForms(fresh: (name: string) => string): Promise<string> {
  const dir = fresh("inputs");
  const bytes = await shenbaoXlsx(2024, [EXAMPLE_A.values]);
  for (const n of ["a1.xlsx", "a2.xlsx", "a3.xlsx"]) writeFileSync(path.join(dir, n), bytes);
  return dir;
}
