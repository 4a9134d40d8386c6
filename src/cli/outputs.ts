/**
 * Every file the command line writes appears whole or not at all, and never replaces one that
 * is there: the bytes go to a temporary dot-file in the same folder (which review's input walker
 * skips, and which a kill may leave behind, unmistakably not a result), then a hard link gives
 * them their name, failing with EEXIST when the name is taken, atomically; the temporary name
 * is removed either way. Where the file system has no hard links (FAT, some network shares)
 * the temporary file is renamed instead after a look for the name, which is not atomic against
 * another writer; review's lock keeps other runs out of its folder.
 *
 * The file-system calls go through a replaceable layer, so tests can make a write fail with a
 * full disk or an I/O error at a chosen point.
 */
import { existsSync, linkSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { threadId } from "node:worker_threads";

export interface OutputFs {
  /** Creates the file with these bytes; EEXIST when it exists. */
  readonly create: (file: string, data: Uint8Array | string) => void;
  readonly link: (existing: string, created: string) => void;
  readonly rename: (from: string, to: string) => void;
  readonly unlink: (file: string) => void;
  readonly exists: (file: string) => boolean;
}

/** Node's fs, looked up at each call (a test's preload may wrap it). */
export const NODE_FS: OutputFs = {
  create: (file, data) => writeFileSync(file, data, { flag: "wx" }),
  link: (existing, created) => linkSync(existing, created),
  rename: (from, to) => renameSync(from, to),
  unlink: (file) => unlinkSync(file),
  exists: (file) => existsSync(file),
};

let current: OutputFs = NODE_FS;

/** Replaces the layer (tests); returns what restores the previous one. */
export function useOutputFs(fs: OutputFs): () => void {
  const previous = current;
  current = fs;
  return () => {
    current = previous;
  };
}

/** Temporary files start with this: a dot-file, skipped as an input and as a result. */
export const TEMP_PREFIX = ".jiqun-";
export const TEMP_SUFFIX = ".tmp";

export const isTempName = (name: string): boolean =>
  name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);

let serial = 0;

/** Not derived from the final name, which may already be as long as a name can be. */
const tempName = (): string =>
  `${TEMP_PREFIX}${process.pid}-${threadId}-${serial++}-${randomBytes(4).toString("hex")}${TEMP_SUFFIX}`;

/** Codes of a link the file system cannot make (not a refusal of this file). */
const NO_LINKS = ["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"];

/**
 * Writes a new file whole, or throws (EEXIST when the name is taken) leaving nothing: neither
 * the file nor its temporary copy.
 */
export function writeNew(file: string, data: Uint8Array | string, fs: OutputFs = current): void {
  const temp = path.join(path.dirname(file), tempName());
  try {
    // A full disk fails here, leaving part of the temporary file: removed below.
    fs.create(temp, data);
    try {
      fs.link(temp, file);
    } catch (e) {
      if (!NO_LINKS.includes((e as NodeJS.ErrnoException).code ?? "")) throw e;
      if (fs.exists(file))
        throw Object.assign(new Error(`EEXIST: file already exists, '${file}'`), {
          code: "EEXIST",
        });
      fs.rename(temp, file);
    }
  } finally {
    try {
      fs.unlink(temp);
    } catch {
      // Renamed away, or the disk failing: nothing more to do with a temporary file.
    }
  }
}

/**
 * Replaces a file this run wrote itself, whole: readers see the old bytes or the new, never a
 * mix (rename over a name is atomic on one file system). Throws leaving the old file as it was.
 */
export function replaceOwn(file: string, data: Uint8Array | string, fs: OutputFs = current): void {
  const temp = path.join(path.dirname(file), tempName());
  try {
    fs.create(temp, data);
    fs.rename(temp, file);
  } finally {
    try {
      if (fs.exists(temp)) fs.unlink(temp);
    } catch {
      // The disk failing: nothing more to do with a temporary file.
    }
  }
}
