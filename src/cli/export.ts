/**
 * `jiqun export FILE.xlsx --out NAME.docx|NAME.pdf`: the workbook's 申报表 and 汇总表 sheets as
 * the official documents, each as its sheet prints (src/export lays it out and writes the Word
 * file). A workbook whose printed formulas carry no results is recalculated through LibreOffice
 * first; PDF is LibreOffice's rendering of the Word file. The input is only read; an existing
 * output is never overwritten, and appears whole or not at all. Exit 0: written; 2: bad
 * arguments, unreadable input, nothing to export, or LibreOffice needed and missing or failing;
 * 3: the disk was full or failed while writing (nothing partial left).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { printSheet, renderDocx } from "../export";
import { convertWith, findSoffice } from "../export-node/libreoffice";
import { readTemplateGrids, withResultsFrom, type ReadGrid } from "../export-node/workbook";
import { t } from "../i18n";
import { DISK_FAULT_EXIT, fsReason, isDiskFault, readWorkbookBytes } from "./faults";
import type { CliIo } from "./io";
import { writeNew } from "./outputs";

const reason = (e: unknown): string =>
  (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e)).slice(0, 300);

/** The template sheets, with formula results LibreOffice computes where the file has none. */
async function gridsOf(
  file: string,
  data: Buffer,
  soffice: string | undefined,
  io: CliIo
): Promise<ReadGrid[] | undefined> {
  let grids: ReadGrid[];
  try {
    grids = (await readTemplateGrids(data)).filter((g) => !g.hidden);
  } catch (e) {
    io.err(t("zh-CN", "export.unreadable", { file, reason: reason(e) }));
    return undefined;
  }
  if (grids.length === 0) {
    io.err(t("zh-CN", "export.notOurs", { file }));
    return undefined;
  }
  if (grids.every((g) => g.uncached.length === 0)) return grids;
  if (!soffice) {
    io.err(t("zh-CN", "export.needsRecalc", { file }));
    return undefined;
  }
  let recalculated: ReadGrid[];
  try {
    const { output, cleanup } = await convertWith(soffice, data, "workbook.xlsx", "xlsx");
    try {
      recalculated = await readTemplateGrids(readFileSync(output));
    } finally {
      cleanup();
    }
  } catch (e) {
    io.err(t("zh-CN", "export.recalcFailed", { file, reason: reason(e) }));
    return undefined;
  }
  const merged = withResultsFrom(grids, recalculated);
  const missing = merged.flatMap((g) => g.uncached.map((a) => `${g.grid.name}!${a}`));
  if (missing.length) {
    io.err(t("zh-CN", "export.recalcFailed", { file, reason: missing.slice(0, 5).join(", ") }));
    return undefined;
  }
  return merged;
}

export async function exportForms(input: string, out: string, io: CliIo): Promise<number> {
  const kind = path.extname(out).toLowerCase();
  if (kind !== ".docx" && kind !== ".pdf") {
    io.err(t("zh-CN", "export.badOut", { file: out }));
    return 2;
  }
  if (existsSync(out)) {
    io.err(t("zh-CN", "cli.exists", { file: out }));
    return 2;
  }
  const soffice = findSoffice();
  if (kind === ".pdf" && !soffice) {
    io.err(t("zh-CN", "export.noLibreOffice"));
    return 2;
  }
  const read = readWorkbookBytes(input);
  if ("refusal" in read) {
    io.err(t("zh-CN", "export.unreadable", { file: input, reason: read.refusal }));
    return 2;
  }
  const grids = await gridsOf(input, read.data, soffice, io);
  if (!grids) return 2;

  const names = grids.map((g) => g.grid.name);
  const docx = await renderDocx(
    grids.map((g) => printSheet(g.grid)),
    { title: names.join("、"), creator: t("zh-CN", "app.name") }
  );
  try {
    if (kind === ".docx") writeNew(out, docx);
    else {
      let converted: { output: string; cleanup: () => void };
      try {
        converted = await convertWith(soffice as string, docx, "export.docx", "pdf");
      } catch (e) {
        io.err(t("zh-CN", "export.pdfFailed", { reason: reason(e) }));
        return 2;
      }
      try {
        writeNew(out, readFileSync(converted.output));
      } finally {
        converted.cleanup();
      }
    }
  } catch (e) {
    io.err(
      (e as NodeJS.ErrnoException).code === "EEXIST"
        ? t("zh-CN", "cli.exists", { file: out })
        : t("zh-CN", "cli.cannotWrite", { file: out, reason: fsReason(e, "write") })
    );
    return isDiskFault(e) ? DISK_FAULT_EXIT : 2;
  }
  io.out(t("zh-CN", "export.written", { file: out, sheets: names.join("、") }));
  return 0;
}
