/**
 * `jiqun check FILE... [--json] [--out-dir DIR] [--batch YYYY] [--criteria ID|FILE]`: the
 * evaluator on filled templates, under the batch's national standard or the pack chosen. Per file a clear message when it cannot be read, and the run goes on. With
 * --out-dir, a highlighted copy (「审查结果」 sheet, marks, notes) per file; the input is never
 * modified, and each copy appears whole or not at all. Files are held to review's limits and
 * refused with its words (too large, a zip bomb, .xls, not xlsx) before anything parses them.
 * Exit 0: no errors; 1: errors found; 2: unreadable input, a sheet not checked or a copy not
 * written; 3: the disk was full or failed while writing a copy (the check stops there).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { checkedOutcome, decideCheck } from "../application/check";
import { describeOutcome } from "../application/outcome";
import type { CriteriaPack } from "../domain";
import { t } from "../i18n";
import { conclusionRows, type FindingRecord } from "../findings";
import { annotateLoaded, copyFindingsSheet } from "../xlsx/annotate";
import { loadWorkbook, templatesOf, type LoadedWorkbook, type ReadSheet } from "../xlsx/read";
import { codeOf, DISK_FAULT_EXIT, fsReason, isDiskFault, readWorkbookBytes } from "./faults";
import type { CliIo } from "./io";
import { writeNew } from "./outputs";

/** One finding in `--json` output. */
export interface CheckRecord {
  readonly file: string;
  readonly sheet: string;
  readonly ruleId: string;
  readonly fieldId: string;
  readonly year?: number;
  readonly cell?: string;
  readonly severity: FindingRecord["severity"];
  readonly actual?: FindingRecord["actual"];
  readonly threshold?: FindingRecord["threshold"];
  readonly message: string;
}

export interface CheckOptions {
  readonly json: boolean;
  readonly outDir?: string;
  readonly expectedBatch?: number;
  readonly criteria?: CriteriaPack;
}

const reason = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e).slice(0, 120);

export async function check(
  files: readonly string[],
  io: CliIo,
  options: CheckOptions
): Promise<number> {
  let unreadable = false;
  let errors = false;
  const out: CheckRecord[] = [];
  let copies = 0;
  if (options.outDir) {
    try {
      mkdirSync(options.outDir, { recursive: true });
    } catch (e) {
      io.err(t("zh-CN", "check.outDirUnusable", { dir: options.outDir, reason: fsReason(e) }));
      return isDiskFault(e) ? DISK_FAULT_EXIT : 2;
    }
  }
  if (options.criteria && !options.json) {
    io.out(t("zh-CN", "check.criteria", { name: options.criteria.name, id: options.criteria.id }));
    const review = options.criteria.review;
    const year = options.criteria.batchYear;
    if (review && year !== undefined)
      io.out(
        t("zh-CN", "review.fuhe", {
          recognised: review.recognitionYear,
          year,
          first: year - 3,
          last: year - 1,
        })
      );
  }
  for (const file of files) {
    const input = readWorkbookBytes(file);
    if ("refusal" in input) {
      unreadable = true;
      io.err(t("zh-CN", "check.refused", { file, reason: input.refusal }));
      continue;
    }
    let loaded: LoadedWorkbook;
    let sheets: ReadSheet[];
    try {
      // Loaded once: read for the check, then annotated for the copy.
      loaded = await loadWorkbook(input.data);
      sheets = templatesOf(loaded);
    } catch (e) {
      unreadable = true;
      io.err(t("zh-CN", "check.unreadable", { file, reason: reason(e) }));
      continue;
    }
    if (sheets.length === 0) {
      unreadable = true;
      io.err(t("zh-CN", "check.notOurs", { file }));
      continue;
    }
    const report = decideCheck(sheets, {
      locale: "zh-CN",
      source: path.basename(file),
      ...(options.expectedBatch ? { expectedBatch: options.expectedBatch } : {}),
      ...(options.criteria ? { criteria: options.criteria } : {}),
    });
    for (const { review, records: mine } of report.sheets) {
      const sheet = review.read.sheet;
      if (review.problem) {
        unreadable = true;
        // A batch the pack is for, not one --batch gave, says so.
        const pinned = review.problem === "otherBatch" && options.expectedBatch === undefined;
        io.err(
          t("zh-CN", pinned ? "check.otherBatchPack" : `check.${review.problem}`, {
            file,
            sheet,
            year: review.batchYear ?? "",
            expected: review.expectedBatch ?? "",
            criteria: options.criteria?.id ?? "",
          })
        );
        continue;
      }
      errors ||= mine.some((r) => r.severity === "error");
      out.push(
        ...mine.map((r) => ({
          file,
          sheet: r.sheet,
          ruleId: r.ruleId,
          fieldId: r.fieldId,
          ...(r.year !== undefined ? { year: r.year } : {}),
          ...(r.cell !== undefined ? { cell: r.cell } : {}),
          severity: r.severity,
          ...(r.actual !== undefined ? { actual: r.actual } : {}),
          ...(r.threshold !== undefined ? { threshold: r.threshold } : {}),
          message: r.message,
        }))
      );
      if (!options.json) {
        const count = (s: FindingRecord["severity"]): number =>
          mine.filter((r) => r.severity === s).length;
        io.out(
          t("zh-CN", "check.header", {
            file,
            sheet,
            errors: count("error"),
            warnings: count("warning"),
            infos: count("info"),
          })
        );
        for (const r of mine)
          io.out(`  [${t("zh-CN", `severity.${r.severity}`)}] ${r.cell ?? "-"} ${r.message}`);
        const conclusions = conclusionRows(review, mine, "zh-CN");
        if (conclusions.length > 0) {
          io.out(t("zh-CN", "review.conclusions", { sheet }));
          for (const c of conclusions)
            io.out(
              `  ${c.seq}. ${c.wording}：${c.conclusionText}${
                c.reasons.length > 0 ? `。${c.reasons.join("")}` : ""
              }`
            );
        }
      }
    }
    if (options.outDir) {
      // Always .xlsx: exceljs writes a macro-free workbook, which Excel refuses under .xlsm/.xltx.
      const target = path.join(
        options.outDir,
        `${path.basename(file, path.extname(file))}${t("zh-CN", "summary.copySuffix")}.xlsx`
      );
      let copy: Buffer;
      try {
        copy = await annotateLoaded(loaded, report, "zh-CN");
      } catch (e) {
        unreadable = true;
        io.err(t("zh-CN", "check.unreadable", { file, reason: reason(e) }));
        continue;
      }
      try {
        writeNew(target, copy);
        copies++;
      } catch (e) {
        if (isDiskFault(e)) {
          // Every further copy would fail the same way: stopped, with what is complete.
          io.err(
            t("zh-CN", "check.diskFault", {
              dir: options.outDir,
              reason: fsReason(e, "write"),
              copies,
            })
          );
          return DISK_FAULT_EXIT;
        }
        unreadable = true;
        io.err(
          codeOf(e) === "EEXIST"
            ? t("zh-CN", "cli.exists", { file: target })
            : t("zh-CN", "cli.cannotWrite", { file: target, reason: fsReason(e, "write") })
        );
        continue;
      }
      if (!options.json) {
        io.out(t("zh-CN", "check.copyWritten", { file: target }));
        // The sentence the ribbon and the pane say after the same check.
        const findingsSheet = report.findings && copyFindingsSheet(loaded, report.findings);
        const applied = {
          report,
          ...(findingsSheet ? { findingsSheet } : {}),
          notesSupported: true,
          // A note of the user's on a marked cell stays, and the copy adds none there; unlike
          // Excel's check, the copy does not list those cells.
          userNotesKept: [],
        };
        io.out(describeOutcome(checkedOutcome(applied, "zh-CN"), "zh-CN").text);
      }
    }
  }
  if (options.json) io.out(JSON.stringify(out, null, 2));
  return unreadable ? 2 : errors ? 1 : 0;
}
