/**
 * One file of a batch review: refuse what is unsafe or unreadable with a per-file reason, else
 * read its templates once, check every sheet, and write the highlighted copy (whole, under its
 * name, or not at all). Never throws, never writes next to the input.
 */
import path from "node:path";
import {
  findAuthority,
  regionOf,
  isBlank,
  authorityOfForm,
  huizongRowOfForm,
  type CriteriaPack,
  type Severity,
} from "../../domain";
import { t } from "../../i18n";
import { decideCheck } from "../../application/check";
import { conclusionRows, type ConclusionRow, type FindingRecord } from "../../findings";
import { annotateLoaded } from "../../xlsx/annotate";
import { loadWorkbook, templatesOf } from "../../xlsx/read";
import type { Limits } from "../../xlsx/safety";
import { codeOf, fsReason, readWorkbookBytes } from "../faults";
import { writeNew } from "../outputs";

/** One checked sheet of a file: a cluster (申报表) or a 推荐汇总表. */
export interface SheetOutcome {
  readonly sheet: string;
  readonly form: "shenbao" | "huizong";
  readonly batchYear?: number;
  /** Not checked, and why (no batch title, labels disagree). */
  readonly problem?: string;
  readonly authority?: string;
  readonly region?: string;
  readonly name?: string;
  readonly industry?: string;
  /** 汇总表 rows filled (for the per-authority cap across files). */
  readonly rows?: number;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly records: readonly FindingRecord[];
  /** Under a 复核 pack, a 申报表's 复核结论: each criterion, its conclusion and reasons. */
  readonly conclusions?: readonly ConclusionRow[];
}

export interface FileOutcome {
  readonly file: string;
  readonly status: "checked" | "refused";
  /** For a refused file: the reason in Chinese. */
  readonly reason?: string;
  readonly sheets: readonly SheetOutcome[];
  /** The highlighted copy, relative to the output directory. */
  readonly copy?: string;
  readonly ms: number;
}

/**
 * A file whose copy could not be written: the output folder failed (a full disk, an I/O error),
 * whatever the input. Never a refusal of the input.
 */
export interface OutputFault {
  readonly file: string;
  readonly status: "outputFault";
  readonly code: string;
  /** Why, in Chinese. */
  readonly reason: string;
}

export type FileResult = FileOutcome | OutputFault;

export interface FileOptions {
  readonly outDir: string;
  readonly limits?: Limits;
  /** Copies are named after the input; a number keeps two inputs of the same name apart. */
  readonly copyName: string;
  /** The pack chosen (plain data: it crosses to the worker threads as a message). */
  readonly criteria?: CriteriaPack;
}

const countsOf = (records: readonly FindingRecord[]): Record<Severity, number> => {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of records) c[r.severity]++;
  return c;
};

export async function reviewFile(file: string, options: FileOptions): Promise<FileResult> {
  const started = Date.now();
  const refused = (reason: string): FileOutcome => ({
    file,
    status: "refused",
    reason,
    sheets: [],
    ms: Date.now() - started,
  });
  const input = readWorkbookBytes(file, options.limits);
  if ("refusal" in input) return refused(input.refusal);
  try {
    const loaded = await loadWorkbook(input.data);
    const reads = templatesOf(loaded);
    if (reads.length === 0) return refused(t("zh-CN", "batch.notOurs"));
    const report = decideCheck(reads, {
      locale: "zh-CN",
      source: path.basename(file),
      ...(options.criteria ? { criteria: options.criteria } : {}),
    });
    const sheets: SheetOutcome[] = report.sheets.map(({ review, records: own }) => {
      const read = review.read;
      const base = {
        sheet: read.sheet,
        form: read.form,
        ...(review.batchYear !== undefined ? { batchYear: review.batchYear } : {}),
        ...(review.problem
          ? {
              problem: t("zh-CN", `review.problem.${review.problem}`, {
                year: review.batchYear ?? "",
                expected: review.expectedBatch ?? "",
              }),
            }
          : {}),
        counts: countsOf(own),
        records: own,
      };
      const conclusions = conclusionRows(review, own, "zh-CN");
      if (read.form === "shenbao") {
        const row = huizongRowOfForm(read.values);
        const authority = authorityOfForm(read.values);
        return {
          ...base,
          ...(conclusions.length > 0 ? { conclusions } : {}),
          ...(authority ? { authority: authority.name, region: authority.region } : {}),
          ...(row.name ? { name: String(row.name) } : {}),
          ...(row.industry ? { industry: String(row.industry) } : {}),
        };
      }
      const authority = findAuthority(read.authority);
      const filled = read.rows.filter((r) =>
        Object.entries(r).some(([k, v]) => k !== "seq" && !isBlank(v ?? null))
      );
      return {
        ...base,
        ...(authority ? { authority: authority.name, region: regionOf(authority.name) ?? "" } : {}),
        rows: filled.length,
      };
    });
    const copy = `${options.copyName}${t("zh-CN", "summary.copySuffix")}.xlsx`;
    const bytes = await annotateLoaded(loaded, report, "zh-CN");
    try {
      writeNew(path.join(options.outDir, copy), bytes);
    } catch (e) {
      // The output folder's fault, not the input's: the run stops (see pool.ts and command.ts).
      return { file, status: "outputFault", code: codeOf(e) ?? "", reason: fsReason(e, "write") };
    }
    return { file, status: "checked", sheets, copy, ms: Date.now() - started };
  } catch (e) {
    return refused(
      t("zh-CN", "batch.unreadable", {
        reason: String(e instanceof Error ? e.message : e).slice(0, 160),
      })
    );
  }
}
