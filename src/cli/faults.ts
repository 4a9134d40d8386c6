/**
 * What the command line says when the file system refuses it, and why a file is not read: one
 * place for every command (check, review, template, export), so a permission problem is never
 * called a broken workbook and a full disk never an input's fault.
 */
import { statSync, readFileSync } from "node:fs";
import { t, type StringKey } from "../i18n";
import { DEFAULT_LIMITS, inspectXlsx, type Limits, type Refusal } from "../xlsx/safety";

/** The error codes with words of their own; any other is named by its code. */
const WORDED = [
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
  "EEXIST",
  "ENAMETOOLONG",
] as const;

export const codeOf = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" ? code : undefined;
};

/**
 * Why the file system refused, in Chinese: reading a file, or writing one (where ENOENT means
 * the folder it goes into is missing). An error without a code (not the file system's) keeps
 * its first words.
 */
export function fsReason(e: unknown, doing: "read" | "write" = "read"): string {
  const code = codeOf(e);
  if (code === "ENOENT" && doing === "write") return t("zh-CN", "fs.ENOENT.write");
  if (code && (WORDED as readonly string[]).includes(code))
    return t("zh-CN", `fs.${code}` as StringKey);
  if (code) return t("zh-CN", "fs.other", { code });
  return String(e instanceof Error ? e.message : e).slice(0, 160);
}

/**
 * Faults of the disk rather than of a path: a full disk, a quota, a failing device. Writing
 * anything more to it is pointless, so a run that meets one stops (exit 3).
 */
export const isDiskFault = (e: unknown): boolean =>
  ["ENOSPC", "EDQUOT", "EIO", "EFBIG"].includes(codeOf(e) ?? "");

/** Exit code of a run stopped by a disk fault while writing; see jiqun.ts. */
export const DISK_FAULT_EXIT = 3;

const MB = (n: number): string => (n / 1024 / 1024).toFixed(1);

/** A refused file's reason, in Chinese; the same words in check, review and export. */
export function refusalText(r: Refusal): string {
  switch (r.kind) {
    case "tooLarge":
      return t("zh-CN", "batch.tooLarge", { size: MB(r.bytes) });
    case "encrypted":
      return t("zh-CN", "batch.encrypted");
    case "notXlsx":
      return t("zh-CN", "batch.notXlsx");
    case "corrupt":
      return t("zh-CN", "batch.corrupt");
    case "zipBomb":
      return t("zh-CN", "batch.zipBomb", { size: MB(r.bytes) });
    case "enormousSheet":
      return t("zh-CN", "batch.enormousSheet", { size: MB(r.bytes) });
  }
}

/**
 * A workbook's bytes, or why they are not read, in Chinese. Too large is known from the size, so
 * such a file is never read into memory; then its bytes are inspected (an .xls or encrypted file,
 * an .ods or anything not xlsx, a zip bomb) before anything parses them.
 */
export function readWorkbookBytes(
  file: string,
  limits: Limits = DEFAULT_LIMITS
): { readonly data: Buffer } | { readonly refusal: string } {
  let data: Buffer;
  try {
    const { size } = statSync(file);
    if (size > limits.maxFileBytes)
      return { refusal: refusalText({ kind: "tooLarge", bytes: size }) };
    data = readFileSync(file);
  } catch (e) {
    return { refusal: t("zh-CN", "batch.cannotRead", { reason: fsReason(e) }) };
  }
  const refusal = inspectXlsx(data, limits);
  return refusal ? { refusal: refusalText(refusal) } : { data };
}
