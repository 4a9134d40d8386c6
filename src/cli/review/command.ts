/**
 * `jiqun review DIR|FILE... --out DIR [--jobs N] [--json]`: a whole batch of submissions checked
 * on all cores, with a summary workbook, a JSON report and a highlighted copy per file. Inputs
 * are only ever read; the output directory must be new or empty, so nothing is overwritten.
 * Exit 0: every sheet was checked and has no errors, within the caps; 1: errors found, a sheet
 * not checked or files refused; 2: bad arguments.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { t } from "../../i18n";
import type { CliIo } from "../io";
import type { FileOutcome } from "./file";
import { defaultWorkers, reviewAll, type Job } from "./pool";
import { summarise, summaryWorkbook } from "./summary";

export interface ReviewOptions {
  readonly outDir: string;
  readonly jobs?: number;
  readonly json?: boolean;
  /** A terminal gets a redrawn progress bar; anything else plain lines. */
  readonly tty?: boolean;
}

/**
 * What a path is, following links; undefined when it cannot be looked at: missing, a dangling
 * link, a loop of links (ELOOP), no permission.
 */
function kindOf(file: string): "directory" | "file" | "other" | undefined {
  try {
    const s = statSync(file, { throwIfNoEntry: false });
    return !s ? undefined : s.isDirectory() ? "directory" : s.isFile() ? "file" : "other";
  } catch {
    return undefined;
  }
}

/**
 * Files named directly, and the regular files of named directories (not recursive, no dotfiles).
 * An entry that cannot be looked at (a dangling link, a loop of links) is kept, so the report says
 * why it was not read instead of the whole run failing.
 */
export function inputFiles(inputs: readonly string[]): string[] {
  return inputs.flatMap((input) => {
    if (kindOf(input) !== "directory") return [input];
    return readdirSync(input)
      .filter((f) => !f.startsWith(".") && !f.startsWith("~$"))
      .map((f) => path.join(input, f))
      .filter((f) => {
        const kind = kindOf(f);
        return kind === "file" || kind === undefined;
      })
      .sort();
  });
}

/** The longest file name the common file systems take (ext4, NTFS, APFS), in UTF-8 bytes. */
const MAX_NAME_BYTES = 255;

/** What a copy's name adds to its base: 「-审查.xlsx」 and room for a number (「-99999」). */
const ADDED_BYTES = Buffer.byteLength(`${t("zh-CN", "summary.copySuffix")}.xlsx`) + 6;

/**
 * An input's name as a copy's base: characters Windows refuses in a name (\ / : * ? " < > | and
 * controls, which Linux allows) become 「_」, so the copy opens everywhere and its link in 汇总
 * can only be a file beside it (「\\host\share\x」 was a network path, 「javascript:x」 a scheme);
 * trailing dots and spaces go (Windows drops them); then cut, whole characters at a time, so that
 * the copy's name stays within MAX_NAME_BYTES.
 */
function copyBase(file: string): string {
  const raw = path.basename(file, path.extname(file));
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  let base = raw.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/gu, "_").replace(/[. ]+$/u, "");
  const chars = [...base];
  while (Buffer.byteLength(base) > MAX_NAME_BYTES - ADDED_BYTES) {
    chars.pop();
    base = chars.join("");
  }
  return base || "file";
}

/**
 * A copy name per input, after the input's name (copyBase): a number keeps apart two inputs of
 * the same name (from two folders), never taking a name another input has ("a", "a-2" and a second
 * "a"), nor one differing only in case (the same file on Windows and macOS).
 */
export function copyNames(files: readonly string[]): string[] {
  const key = (name: string): string => name.toLowerCase();
  const bases = files.map(copyBase);
  const reserved = new Set(bases.map(key));
  const taken = new Set<string>();
  return bases.map((base) => {
    let name = base;
    for (let n = 2; taken.has(key(name)) || (name !== base && reserved.has(key(name))); n++)
      name = `${base}-${n}`;
    taken.add(key(name));
    return name;
  });
}

function bar(done: number, total: number, width = 28): string {
  const filled = Math.round((done / Math.max(1, total)) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
}

export async function review(
  inputs: readonly string[],
  io: CliIo,
  options: ReviewOptions
): Promise<number> {
  const out = path.resolve(options.outDir);
  const existing = statSync(out, { throwIfNoEntry: false });
  if (existing && (!existing.isDirectory() || readdirSync(out).length > 0)) {
    io.err(t("zh-CN", "batch.outNotEmpty", { dir: options.outDir }));
    return 2;
  }
  const files = inputFiles(inputs).filter((f) => path.resolve(path.dirname(f)) !== out);
  if (files.length === 0) {
    io.err(t("zh-CN", "batch.noFiles"));
    return 2;
  }
  mkdirSync(out, { recursive: true });
  const names = copyNames(files);
  const jobs: Job[] = files.map((file, i) => ({
    file,
    options: { outDir: out, copyName: names[i] ?? `file-${i}` },
  }));
  // More threads than cores only adds memory (each thread holds its own workbook): capped, said.
  const cores = defaultWorkers();
  const workers = Math.max(1, Math.min(options.jobs ?? cores, cores));
  if (options.jobs !== undefined && options.jobs > cores)
    io.err(t("zh-CN", "batch.jobsCapped", { jobs: options.jobs, cores }));
  const started = Date.now();
  const outcomes = await reviewAll(jobs, workers, (o: FileOutcome, done) => {
    if (options.json) return;
    if (options.tty)
      io.progress?.(`\r${bar(done, files.length)} ${path.basename(o.file)}`.padEnd(80));
    else
      io.out(
        `${done}/${files.length} ${o.file}: ${
          o.status === "refused"
            ? `${t("zh-CN", "batch.refused")} ${o.reason ?? ""}`
            : o.sheets
                .map((s) =>
                  s.problem
                    ? `${s.sheet} ${s.problem}`
                    : `${s.sheet} ${t("zh-CN", "severity.error")} ${s.counts.error} ${t("zh-CN", "severity.warning")} ${s.counts.warning}`
                )
                .join("; ")
        }`
      );
  });
  if (options.tty && !options.json) io.progress?.("\n");
  const summary = summarise(outcomes);
  writeFileSync(path.join(out, t("zh-CN", "summary.file")), await summaryWorkbook(summary), {
    flag: "wx",
  });
  const report = JSON.stringify(summary, null, 2);
  writeFileSync(path.join(out, t("zh-CN", "summary.report")), report, { flag: "wx" });
  if (options.json) io.out(report);
  const refused = outcomes.filter((o) => o.status === "refused").length;
  const failing = summary.clusters.filter((c) => c.result === "fail").length;
  if (!options.json)
    io.out(
      t("zh-CN", "batch.done", {
        files: files.length,
        clusters: summary.clusters.length,
        failing,
        refused,
        seconds: ((Date.now() - started) / 1000).toFixed(1),
        dir: options.outDir,
      })
    );
  const capsOver = summary.caps.some((c) => c.over);
  // Not only clusters: a 推荐汇总表 with errors, or a sheet left unchecked, does not pass either.
  const notPassing = outcomes.some((o) => o.sheets.some((s) => s.problem || s.counts.error > 0));
  return refused > 0 || failing > 0 || capsOver || notPassing ? 1 : 0;
}
