/** Reviewer settings that change how criteria are read: western relaxation and the share rules' years. */

export type WesternMode =
  /** Default: a failed hard rule of a western applicant is a warning marked 「西部地区可适当放宽」. */
  | "warn"
  /** Per-rule relaxed thresholds from `relaxedThresholds`; rules without one fall back to "warn". */
  | "thresholds";

export type ShareReading = "every_year" | "latest_year";

export interface EvaluationSettings {
  readonly westernMode: WesternMode;
  readonly relaxedThresholds: Readonly<Record<string, number>>;
  /** Share rules (中小企业占比, 主导占比): every data year (default) or only the latest. */
  readonly shareReading: ShareReading;
  /** Reported 年均增速 vs the recomputed one: warn beyond this many percentage points. */
  readonly growthTolerancePp: number;
  /** Reported 每万人 figure vs the recomputed one: warn beyond this relative difference. */
  readonly per10kTolerance: number;
}

export const DEFAULT_SETTINGS: EvaluationSettings = {
  westernMode: "warn",
  relaxedThresholds: {},
  shareReading: "every_year",
  growthTolerancePp: 0.5,
  per10kTolerance: 0.1,
};
