/**
 * `jiqun check FILE... [--json]`: the evaluator on filled templates. Per file a clear message when
 * it cannot be read, and the run goes on. Exit 0: no errors; 1: errors found; 2: unreadable input.
 */
import { readFileSync } from "node:fs";
import {
  batchParams,
  evaluateHuizong,
  evaluateShenbao,
  fieldById,
  findAuthority,
  type Finding,
} from "../domain";
import { formatFinding, t } from "../i18n";
import { findingCell, readTemplates, type ReadSheet } from "../xlsx/read";
import type { CliIo } from "./io";

export interface CheckRecord {
  readonly file: string;
  readonly sheet: string;
  readonly ruleId: string;
  readonly fieldId: string;
  readonly year?: number;
  readonly cell?: string;
  readonly severity: Finding["severity"];
  readonly actual?: Finding["actual"];
  readonly threshold?: Finding["threshold"];
  readonly message: string;
}

/** Position of a finding inside its field's range: year column, option row, or 汇总表 row. */
function indexIn(sheet: ReadSheet, f: Finding): number {
  if (sheet.form === "huizong") return (f.row ?? 1) - 1;
  if (sheet.batchYear === undefined) return 0;
  const field = fieldById(f.fieldId);
  const b = batchParams(sheet.batchYear);
  if (f.year !== undefined && field.years === "data") return b.dataYears.indexOf(f.year);
  if (f.year !== undefined && field.years === "plan")
    return [b.dataYears[2], ...b.planYears].indexOf(f.year);
  if (f.option !== undefined)
    return field.kind === "countNames" ? 1 : (field.options ?? []).indexOf(f.option);
  return 0;
}

function evaluate(sheet: ReadSheet): Finding[] {
  const batch = batchParams(sheet.batchYear as number);
  return sheet.form === "shenbao"
    ? evaluateShenbao(sheet.values, { batch })
    : evaluateHuizong(
        { rows: sheet.rows },
        {
          batch,
          ...(findAuthority(sheet.authority) ? { authority: findAuthority(sheet.authority) } : {}),
        }
      );
}

export async function check(files: readonly string[], json: boolean, io: CliIo): Promise<number> {
  let unreadable = false;
  let errors = false;
  const records: CheckRecord[] = [];
  for (const file of files) {
    let sheets: ReadSheet[];
    try {
      sheets = await readTemplates(readFileSync(file));
    } catch (e) {
      unreadable = true;
      io.err(
        t("zh-CN", "check.unreadable", {
          file,
          reason: (e as NodeJS.ErrnoException).code ?? String(e).slice(0, 120),
        })
      );
      continue;
    }
    if (sheets.length === 0) {
      unreadable = true;
      io.err(t("zh-CN", "check.notOurs", { file }));
      continue;
    }
    for (const sheet of sheets) {
      if (sheet.batchYear === undefined) {
        unreadable = true;
        io.err(t("zh-CN", "check.noBatch", { file, sheet: sheet.sheet }));
        continue;
      }
      const findings = evaluate(sheet);
      const mine = findings.map((f) => {
        const cell = findingCell(sheet.names, f.fieldId, indexIn(sheet, f));
        return {
          file,
          sheet: sheet.sheet,
          ruleId: f.ruleId,
          fieldId: f.fieldId,
          ...(f.year !== undefined ? { year: f.year } : {}),
          ...(cell ? { cell } : {}),
          severity: f.severity,
          ...(f.actual !== undefined ? { actual: f.actual } : {}),
          ...(f.threshold !== undefined ? { threshold: f.threshold } : {}),
          message: formatFinding("zh-CN", f, sheet.batchYear),
        };
      });
      errors ||= mine.some((r) => r.severity === "error");
      records.push(...mine);
      if (!json) {
        const count = (s: Finding["severity"]): number =>
          mine.filter((r) => r.severity === s).length;
        io.out(
          t("zh-CN", "check.header", {
            file,
            sheet: sheet.sheet,
            errors: count("error"),
            warnings: count("warning"),
            infos: count("info"),
          })
        );
        for (const r of mine)
          io.out(`  [${t("zh-CN", `severity.${r.severity}`)}] ${r.cell ?? "-"} ${r.message}`);
      }
    }
  }
  if (json) io.out(JSON.stringify(records, null, 2));
  return unreadable ? 2 : errors ? 1 : 0;
}
