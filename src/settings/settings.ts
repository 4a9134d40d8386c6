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

export interface PaneSettings {
  readonly batchYear: number;
  /** A recommending authority's official name, or "" for none chosen. */
  readonly authority: string;
  readonly westernMode: WesternMode;
  readonly relaxedThresholds: Readonly<Record<string, number>>;
  readonly shareReading: ShareReading;
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
};

/** Whatever was stored, made valid field by field (old or hand-edited settings never break). */
export function normaliseSettings(raw: unknown): PaneSettings {
  const o = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const relaxed: Record<string, number> = {};
  if (typeof o.relaxedThresholds === "object" && o.relaxedThresholds !== null)
    for (const [k, v] of Object.entries(o.relaxedThresholds as Record<string, unknown>))
      if (typeof v === "number" && Number.isFinite(v)) relaxed[k] = v;
  return {
    batchYear: isValidBatchYear(o.batchYear) ? o.batchYear : DEFAULT_PANE_SETTINGS.batchYear,
    authority: typeof o.authority === "string" && findAuthority(o.authority) ? o.authority : "",
    westernMode: o.westernMode === "thresholds" ? "thresholds" : "warn",
    relaxedThresholds: relaxed,
    shareReading: o.shareReading === "latest_year" ? "latest_year" : "every_year",
  };
}

/** The evaluator's settings from the pane's. */
export const evaluationSettings = (s: PaneSettings): EvaluationSettings => ({
  ...DEFAULT_SETTINGS,
  westernMode: s.westernMode,
  relaxedThresholds: s.relaxedThresholds,
  shareReading: s.shareReading,
});
