/**
 * `jiqun review DIR|FILE... --out DIR [--jobs N] [--json] [--criteria ID|FILE]`: a whole batch of submissions checked
 * on all cores, with a summary workbook, a JSON report and a highlighted copy per file. Inputs
 * are only ever read; the output directory must be new or empty, so nothing is overwritten, and
 * one run at a time writes into it. Every output appears whole under its name (outputs.ts); the
 * folder is marked incomplete until the summary is in place, so a run killed or stopped by a
 * full disk never leaves results that look finished. Exit codes: see review().
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import type { CriteriaPack } from "../../domain";
import { t } from "../../i18n";
import { codeOf, DISK_FAULT_EXIT, fsReason, isDiskFault } from "../faults";
import type { CliIo } from "../io";
import { isTempName, replaceOwn, TEMP_PREFIX, writeNew } from "../outputs";
import type { FileOutcome } from "./file";
import { defaultWorkers, reviewAll, type Job } from "./pool";
import { summarise, summaryWorkbook } from "./summary";

export interface ReviewOptions {
  readonly outDir: string;
  readonly jobs?: number;
  readonly json?: boolean;
  /** A terminal gets a redrawn progress bar; anything else plain lines. */
  readonly tty?: boolean;
  /** The pack every sheet is checked with; absent: each sheet's batch's national standard. */
  readonly criteria?: CriteriaPack;
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

/** Read from a marker: the process that wrote it, if it says. */
function markerPid(file: string): number | undefined {
  try {
    const pid = Number(/进程号：(\d+)/u.exec(readFileSync(file, "utf8"))?.[1]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process runs with this id (EPERM: it does, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === "EPERM";
  }
}

/**
 * Why a folder holding the incomplete marker is refused: another review is writing it, or one
 * ended without finishing (its process is gone). Neither is taken over: the folder holds part of
 * a review, and review writes only into new or empty folders. A marker without a readable pid
 * (being written) counts as in use.
 */
function lockedText(dir: string, marker: string): string {
  const pid = markerPid(marker);
  return pid !== undefined && !alive(pid)
    ? t("zh-CN", "batch.stale", { dir, pid })
    : t("zh-CN", "batch.locked", { dir, pid: pid ?? "?" });
}

/** What a folder holds besides review's temporary files (a killed run may leave those). */
const contents = (dir: string): string[] => readdirSync(dir).filter((f) => !isTempName(f));

/** Removes this process's temporary files left in the folder (a thread that failed mid-write). */
function removeOwnTemps(dir: string): void {
  const own = `${TEMP_PREFIX}${process.pid}-`;
  try {
    for (const f of readdirSync(dir))
      if (f.startsWith(own) && isTempName(f)) rmSync(path.join(dir, f), { force: true });
  } catch {
    // The folder cannot be listed any more: nothing more to clean.
  }
}

/** The report while the review runs, and after one that did not finish. */
const incompleteReport = (): { complete: false; pid: number; started: string; note: string } => ({
  complete: false,
  pid: process.pid,
  started: new Date().toISOString(),
  note: t("zh-CN", "batch.incompleteReport"),
});

/**
 * Exit 0: every sheet checked and passing, within the caps; 1: errors, unchecked sheets, refused
 * files; 2: bad arguments, an unreadable input folder, an output folder that cannot be used, is
 * not empty, or is in use by another review (nothing written); 3: writing into the folder failed
 * once the run had started (a full disk, a quota, an I/O error, or anything else refusing a
 * copy): the run stopped and the folder stays marked incomplete.
 */
export async function review(
  inputs: readonly string[],
  io: CliIo,
  options: ReviewOptions
): Promise<number> {
  const out = path.resolve(options.outDir);
  const dir = options.outDir;
  const markerName = t("zh-CN", "batch.incompleteFile");
  const marker = path.join(out, markerName);
  try {
    const existing = statSync(out, { throwIfNoEntry: false });
    if (existing && existing.isDirectory() && contents(out).includes(markerName)) {
      io.err(lockedText(dir, marker));
      return 2;
    }
    if (existing && (!existing.isDirectory() || contents(out).length > 0)) {
      io.err(t("zh-CN", "batch.outNotEmpty", { dir }));
      return 2;
    }
  } catch (e) {
    io.err(t("zh-CN", "batch.outUnusable", { dir, reason: fsReason(e) }));
    return 2;
  }
  let files: string[];
  try {
    files = inputFiles(inputs).filter((f) => path.resolve(path.dirname(f)) !== out);
  } catch (e) {
    const input = inputs.find((i) => (e as { path?: unknown }).path === i) ?? inputs.join("、");
    io.err(t("zh-CN", "batch.inputUnreadable", { input, reason: fsReason(e) }));
    return 2;
  }
  if (files.length === 0) {
    io.err(t("zh-CN", "batch.noFiles"));
    return 2;
  }
  // The marker is also the lock: created whole and only if absent, by one run at a time. It says
  // "incomplete" until 汇总.xlsx and the JSON report are in place, whatever ends the run.
  try {
    mkdirSync(out, { recursive: true });
    writeNew(
      marker,
      t("zh-CN", "batch.incompleteText", { pid: process.pid, time: new Date().toISOString() })
    );
  } catch (e) {
    if (codeOf(e) === "EEXIST") {
      io.err(lockedText(dir, marker));
      return 2;
    }
    io.err(t("zh-CN", "batch.outUnusable", { dir, reason: fsReason(e, "write") }));
    return isDiskFault(e) ? DISK_FAULT_EXIT : 2;
  }
  // Under the lock, the folder looked at again: another run may have finished in it meanwhile.
  if (contents(out).some((f) => f !== markerName)) {
    rmSync(marker, { force: true });
    io.err(t("zh-CN", "batch.outNotEmpty", { dir }));
    return 2;
  }
  // The report says "incomplete" from the start, for scripts that read it rather than the
  // marker; the finished report replaces it whole at the end.
  const reportFile = path.join(out, t("zh-CN", "summary.report"));
  try {
    writeNew(reportFile, `${JSON.stringify(incompleteReport(), null, 2)}\n`);
  } catch (e) {
    rmSync(marker, { force: true });
    io.err(t("zh-CN", "batch.outUnusable", { dir, reason: fsReason(e, "write") }));
    return isDiskFault(e) ? DISK_FAULT_EXIT : 2;
  }
  const names = copyNames(files);
  const jobs: Job[] = files.map((file, i) => ({
    file,
    options: {
      outDir: out,
      copyName: names[i] ?? `file-${i}`,
      ...(options.criteria ? { criteria: options.criteria } : {}),
    },
  }));
  // More threads than cores only adds memory (each thread holds its own workbook): capped, said.
  const cores = defaultWorkers();
  const workers = Math.max(1, Math.min(options.jobs ?? cores, cores));
  if (options.jobs !== undefined && options.jobs > cores)
    io.err(t("zh-CN", "batch.jobsCapped", { jobs: options.jobs, cores }));
  if (options.criteria && !options.json)
    io.out(t("zh-CN", "check.criteria", { name: options.criteria.name, id: options.criteria.id }));
  const started = Date.now();
  const { outcomes, fault } = await reviewAll(jobs, workers, (o: FileOutcome, done) => {
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
  const copies = outcomes.filter((o) => o.copy !== undefined).length;
  const stopped = (reason: string): number => {
    removeOwnTemps(out);
    io.err(t("zh-CN", "batch.diskFault", { dir, reason, copies, marker: markerName }));
    return DISK_FAULT_EXIT;
  };
  if (fault) return stopped(fault.reason);
  const summary = summarise(outcomes, options.criteria);
  const criteria = options.criteria
    ? { criteria: { id: options.criteria.id, name: options.criteria.name } }
    : {};
  const report = JSON.stringify({ complete: true, ...criteria, ...summary }, null, 2);
  try {
    writeNew(path.join(out, t("zh-CN", "summary.file")), await summaryWorkbook(summary));
    replaceOwn(reportFile, report);
    unlinkSync(marker);
  } catch (e) {
    return stopped(fsReason(e, "write"));
  }
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
