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
 * Files named directly, and the regular files of named directories (not recursive, no dotfiles).
 * An entry that cannot be looked at (a dangling link) is kept, so the report says why it was not
 * read instead of the whole run failing.
 */
export function inputFiles(inputs: readonly string[]): string[] {
  return inputs.flatMap((input) => {
    const s = statSync(input, { throwIfNoEntry: false });
    if (!s) return [input];
    if (!s.isDirectory()) return [input];
    return readdirSync(input)
      .filter((f) => !f.startsWith(".") && !f.startsWith("~$"))
      .map((f) => path.join(input, f))
      .filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile() ?? true)
      .sort();
  });
}

/**
 * A copy name per input, after the input's name: a number keeps apart two inputs of the same
 * name (from two folders), never taking a name another input has ("a", "a-2" and a second "a"),
 * nor one differing only in case (the same file on Windows and macOS).
 */
export function copyNames(files: readonly string[]): string[] {
  const key = (name: string): string => name.toLowerCase();
  const bases = files.map((f) => path.basename(f, path.extname(f)) || "file");
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
  const workers = Math.max(1, options.jobs ?? defaultWorkers());
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
