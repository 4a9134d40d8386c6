/**
 * What the check adds to the checked sheets, and how it recognises its own additions later:
 *   - a static mark (conditional format whose formula carries MARK_TAG, always true) on a cell
 *     whose finding no live highlight of the template covers (cross-field rules, required cells);
 *   - a note on each cell with findings, starting with NOTE_TAG.
 * Recognition is by these tags only, so a user's own formats and notes are never touched.
 */
import {
  batchParams,
  buildHuizongPlan,
  buildShenbaoPlan,
  cellsIn,
  findingCell,
  findingIndex,
  findBuiltinPack,
  highlightsAgree,
  nationalPack,
  type CriteriaPack,
  type NamedRange,
  type EvaluatedSheet,
} from "../domain";
import { t, type Locale } from "../i18n";
import { PLAN_TEXT_ZH } from "../i18n/planText";
import type { FindingRecord } from "./records";

/** N(text) is 0 in Excel, WPS and LibreOffice: the formula is TRUE and names its author. */
export const MARK_TAG = "集群申报助手·检查标记";
export const MARK_FORMULA = `N("${MARK_TAG}")=0`;
export const NOTE_TAG = "【集群申报助手】";
/** The sheet-scoped name that makes a 「审查结果」 sheet ours (a user's sheet of that name is not). */
export const FINDINGS_NAME = "JQ_FINDINGS";

export const isOurMark = (formula: string | null | undefined): boolean =>
  typeof formula === "string" && formula.includes(MARK_TAG);
export const isOurNote = (content: string | null | undefined): boolean =>
  typeof content === "string" && content.startsWith(NOTE_TAG);

export interface CellMark {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: "error" | "warning";
  /** True when a live highlight of the template already colours this finding. */
  readonly live: boolean;
  readonly note: string;
}

interface LiveRules {
  /** "ruleId|cell" on the template as planned. */
  readonly covered: ReadonlySet<string>;
  /** The plan's names, to find a finding's cell on the plan. */
  readonly names: readonly NamedRange[];
}

const liveCache = new Map<string, LiveRules>();

/** "ruleId|cell" pairs the template's live highlights colour, per form, batch and pack: a finding
 * is shown live only if its own rule lights its own cell. */
function liveRules(form: "shenbao" | "huizong", year: number, pack: CriteriaPack): LiveRules {
  // A user's pack file may reuse an id with other numbers: only built-in packs are cached.
  const key = `${form}:${year}:${pack.id}`;
  const cacheable = findBuiltinPack(pack.id) === pack;
  const hit = cacheable ? liveCache.get(key) : undefined;
  if (hit) return hit;
  const batch = batchParams(year);
  const plan =
    form === "shenbao"
      ? buildShenbaoPlan(batch, PLAN_TEXT_ZH, pack)
      : buildHuizongPlan(batch, PLAN_TEXT_ZH, undefined, pack);
  const covered = new Set<string>();
  for (const h of plan.highlights)
    for (const c of cellsIn(h.address)) covered.add(`${h.ruleId}|${c.address}`);
  const names = plan.names.map((n) => ({ name: n.name, address: n.address.replace(/\$/gu, "") }));
  const live = { covered, names };
  if (cacheable) liveCache.set(key, live);
  return live;
}

/** One mark per cell with findings (info findings are listed, not marked). */
export function marksOf(
  review: EvaluatedSheet,
  records: readonly FindingRecord[],
  locale: Locale
): CellMark[] {
  if (review.batchYear === undefined) return [];
  const year = review.batchYear;
  // The sheet's highlights are those of the pack it was built with (its batch's national standard
  // when it records none); under another pack's numbers they mark other cells, so every mark is
  // drawn then. A pack file's sheets are known only when the same pack is applied.
  const applied = review.criteria ?? nationalPack(year);
  const recorded = review.read.criteria ?? nationalPack(year).id;
  const shown = recorded === applied.id ? applied : findBuiltinPack(recorded);
  const highlighted = shown !== undefined && highlightsAgree(shown, applied);
  const live = liveRules(review.read.form, year, shown ?? applied);
  const byCell = new Map<
    string,
    { severity: "error" | "warning"; live: boolean; lines: string[] }
  >();
  review.findings.forEach((f, i) => {
    if (!f.cell || f.severity === "info") return;
    const m = byCell.get(f.cell) ?? { severity: "warning", live: true, lines: [] };
    if (f.severity === "error") m.severity = "error";
    // Compared where the plan has the finding, not at the sheet's cell: rows a user inserted, or
    // a 汇总表 made before 附件1 was printed above its title, put the sheet's cells elsewhere,
    // and its highlights with them.
    const planned = findingCell(live.names, f.fieldId, findingIndex(review.read, year, f));
    m.live &&= highlighted && planned !== undefined && live.covered.has(`${f.ruleId}|${planned}`);
    // records are the review's findings in its order (recordsOf), so the i-th says the i-th.
    m.lines.push(`· [${t(locale, `severity.${f.severity}`)}] ${records[i]?.message ?? ""}`);
    byCell.set(f.cell, m);
  });
  return [...byCell].map(([cell, m]) => ({
    sheet: review.read.sheet,
    cell,
    severity: m.severity,
    live: m.live,
    note: `${NOTE_TAG}${t(locale, "review.noteHeader")}\n${m.lines.join("\n")}`,
  }));
}
