/** The findings list's arithmetic: grouping by form section, counts, filters, CSV and TSV. */
import { fieldById, SHENBAO, type Severity } from "../domain";
import { t, type Locale } from "../i18n";
import { FINDINGS_COLUMNS, findingCells, findingsHeader, type FindingRecord } from "../findings";

export type SeverityFilter = Severity | "all";

export interface FindingGroup {
  readonly key: string;
  readonly sheet: string;
  readonly title: string;
  readonly records: readonly FindingRecord[];
}

function sectionTitle(fieldId: string, locale: Locale): string {
  if (fieldId.startsWith("hz_")) return t(locale, "pane.findings.section.huizong");
  try {
    const section = fieldById(fieldId).section;
    return SHENBAO.sections.find((s) => s.id === section)?.title ?? section;
  } catch {
    return t(locale, "pane.findings.section.other");
  }
}

/** Groups in the order the findings come (form order), one per sheet and section. */
export function groupFindings(records: readonly FindingRecord[], locale: Locale): FindingGroup[] {
  const groups = new Map<string, { sheet: string; title: string; records: FindingRecord[] }>();
  for (const r of records) {
    const title = sectionTitle(r.fieldId, locale);
    const key = `${r.sheet}\u0000${title}`;
    const g = groups.get(key) ?? { sheet: r.sheet, title, records: [] };
    g.records.push(r);
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => ({ key, ...g }));
}

export function countBySeverity(records: readonly FindingRecord[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of records) out[r.severity]++;
  return out;
}

export const filterFindings = (
  records: readonly FindingRecord[],
  filter: SeverityFilter
): FindingRecord[] => records.filter((r) => filter === "all" || r.severity === filter);

/** A cell for a spreadsheet: text that looks like a formula gets a leading apostrophe. */
function safe(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

/**
 * The 「审查结果」 sheet's columns, headers and words, one row per finding (序号 counts the rows
 * given): what the sheet shows, with the cell's address where the sheet has its link.
 */
function rows(records: readonly FindingRecord[], locale: Locale): string[][] {
  return [
    findingsHeader(locale),
    ...records.map((r, i) => {
      const cells = findingCells(r, i + 1, locale);
      return FINDINGS_COLUMNS.map((id) => String(cells[id] ?? ""));
    }),
  ].map((row) => row.map(safe));
}

/** Tab-separated, for pasting into Excel. */
export const findingsTsv = (records: readonly FindingRecord[], locale: Locale): string =>
  rows(records, locale)
    // A line break or tab inside a cell would split it; one space stands for it and what
    // surrounds it, so an English sentence never gets two.
    .map((r) => r.map((c) => c.replace(/ *[\t\r\n]+ */gu, " ")).join("\t"))
    .join("\n");

/** RFC 4180 CSV with a BOM, so Excel opens the Chinese text as UTF-8. */
export const findingsCsv = (records: readonly FindingRecord[], locale: Locale): string =>
  `\uFEFF${rows(records, locale)
    .map((r) => r.map((c) => (/[",\r\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c)).join(","))
    .join("\r\n")}\r\n`;
