/**
 * A file-system layer for outputs (src/cli/outputs.ts) whose Nth file creation fails the way a
 * full or failing disk fails: part of the bytes written, then the error. Deterministic, so the
 * fault tests run the same on every machine.
 */
import { writeFileSync } from "node:fs";
import { NODE_FS, type OutputFs } from "../../src/cli/outputs";

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
