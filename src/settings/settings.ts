/**
 * What a reviewer sets once: the batch, the recommending authority, and the two reading choices
 * the criteria leave open: how a western applicant's missed hard criterion is treated (a
 * warning marked 「西部地区可适当放宽」, or per-rule relaxed thresholds) and whether share rules read
 * every data year or the latest only. Plain data and validation, no host.
 */
import {
  DEFAULT_SETTINGS,
  findAuthority,
  isValidBatchYear,
  PUBLISHED_BATCH_YEARS,
  type EvaluationSettings,
  type ShareReading,
  type WesternMode,
} from "../domain";
import type { StringKey } from "../i18n";

export interface PaneSettings {
  readonly batchYear: number;
  /** A recommending authority's official name, or "" for none chosen. */
  readonly authority: string;
  readonly westernMode: WesternMode;
  readonly relaxedThresholds: Readonly<Record<string, number>>;
  readonly shareReading: ShareReading;
  /**
   * The criteria pack every action applies: "" for the batch's national standard, a built-in
   * pack's id (BUILTIN_CRITERIA_IDS), or the id of the user's own pack (customCriteria).
   */
  readonly criteria: string;
  /**
   * The pack document the user loaded, as JSON, kept with the workbook's settings so it travels
   * with the file. Checked cheaply here (an object with a string id); validated in full only when
   * it is used (src/application/criteria.ts).
   */
  readonly customCriteria?: unknown;
}

/**
 * The built-in packs one can choose besides the batch's national standard (national-YYYY follows
 * the batch), with the key of the short name the settings summary gives each. Ids and keys only,
 * so the first chunk does not carry the packs; test/taskpane/settings.test.ts holds the ids to
 * builtinPacks().
 */
export const BUILTIN_CRITERIA_SHORT: Readonly<Record<string, StringKey>> = {
  "yunnan-provincial": "pane.settings.criteria.short.yunnan-provincial",
};
export const BUILTIN_CRITERIA_IDS: readonly string[] = Object.keys(BUILTIN_CRITERIA_SHORT);

/**
 * The 复核 of the clusters recognised three years before the batch (fuhe-2022-2025 for 2025), when
 * that year was a batch; its data years are the batch's. Written here, as the ids above, so that
 * the first chunk does not carry the packs.
 */
export const reviewCriteriaId = (batchYear: number): string | undefined =>
  batchYear - 3 >= (PUBLISHED_BATCH_YEARS[0] ?? 2022)
    ? `fuhe-${batchYear - 3}-${batchYear}`
    : undefined;

/** The recognition year a 复核 id names (fuhe-2022-2025 → 2022); undefined for any other id. */
export const reviewRecognitionYear = (id: string): number | undefined => {
  const m = /^fuhe-(\d{4})-\d{4}$/u.exec(id);
  return m ? Number(m[1]) : undefined;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The id of a stored custom pack document, if it has one. */
export const customCriteriaId = (custom: unknown): string | undefined =>
  isPlainObject(custom) && typeof custom.id === "string" && custom.id !== ""
    ? custom.id
    : undefined;

/** How the user knows a stored pack document: its name if it has one, else its id. */
export function customCriteriaName(custom: unknown): string {
  return isPlainObject(custom) && typeof custom.name === "string" && custom.name.trim() !== ""
    ? custom.name
    : (customCriteriaId(custom) ?? "");
}

export const LATEST_BATCH: number = PUBLISHED_BATCH_YEARS[PUBLISHED_BATCH_YEARS.length - 1] ?? 2025;

/** Published batches and two derived ones after them. */
export const BATCH_CHOICES: readonly number[] = [
  ...PUBLISHED_BATCH_YEARS,
  LATEST_BATCH + 1,
  LATEST_BATCH + 2,
];

export const DEFAULT_PANE_SETTINGS: PaneSettings = {
  batchYear: LATEST_BATCH,
  authority: "",
  westernMode: DEFAULT_SETTINGS.westernMode,
  relaxedThresholds: {},
  shareReading: DEFAULT_SETTINGS.shareReading,
  criteria: "",
};

/** Whatever was stored, made valid field by field (old or hand-edited settings never break). */
export function normaliseSettings(raw: unknown): PaneSettings {
  const o = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const relaxed: Record<string, number> = {};
  if (typeof o.relaxedThresholds === "object" && o.relaxedThresholds !== null)
    for (const [k, v] of Object.entries(o.relaxedThresholds as Record<string, unknown>))
      if (typeof v === "number" && Number.isFinite(v)) relaxed[k] = v;
  const customId = customCriteriaId(o.customCriteria);
  const criteria =
    typeof o.criteria === "string" &&
    (BUILTIN_CRITERIA_IDS.includes(o.criteria) ||
      reviewRecognitionYear(o.criteria) !== undefined ||
      o.criteria === customId)
      ? o.criteria
      : "";
  return {
    batchYear: isValidBatchYear(o.batchYear) ? o.batchYear : DEFAULT_PANE_SETTINGS.batchYear,
    authority: typeof o.authority === "string" && findAuthority(o.authority) ? o.authority : "",
    westernMode: o.westernMode === "thresholds" ? "thresholds" : "warn",
    relaxedThresholds: relaxed,
    shareReading: o.shareReading === "latest_year" ? "latest_year" : "every_year",
    criteria,
    ...(customId !== undefined ? { customCriteria: o.customCriteria } : {}),
  };
}

/** The evaluator's settings from the pane's. */
export const evaluationSettings = (s: PaneSettings): EvaluationSettings => ({
  ...DEFAULT_SETTINGS,
  westernMode: s.westernMode,
  relaxedThresholds: s.relaxedThresholds,
  shareReading: s.shareReading,
});
