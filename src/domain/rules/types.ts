/**
 * The rules catalogue's vocabulary. Rules are data; the evaluator interprets them.
 * Findings carry codes and numbers, never sentences: i18n turns them into words.
 */
import type { Operator } from "../numbers";

/** hard: 认定标准 numeric criterion (error; west: relaxed) · soft: 「一般」 (warning) · gate: yes/no
 * precondition, never relaxed · plan: 发展目标 targets, experts judge (warning) · info: shown only. */
export type RuleClass = "hard" | "soft" | "gate" | "plan" | "info";

export type Criterion =
  /** Every data year (or only the latest, for share rules under that setting) against a threshold. */
  | {
      readonly kind: "eachYear";
      readonly field: string;
      readonly op: Operator;
      readonly share: boolean;
    }
  /** One value; for growth, a blank reported value falls back to a recomputation. */
  | {
      readonly kind: "value";
      readonly field: string;
      readonly op: Operator;
      readonly growthFallback?: boolean;
    }
  /** Geometric mean of the yearly rates (年均增速 from 增速). */
  | { readonly kind: "geomean"; readonly field: string; readonly op: Operator }
  /** 冠军 + 小巨人 ≥ threshold, or 专精特新 + 高新和创新型 ≥ altThreshold, latest data year. */
  | { readonly kind: "qualityTier"; readonly altThreshold: number }
  /** A 是/否 answer that must be one of `pass`. */
  | { readonly kind: "gate"; readonly field: string; readonly pass: readonly string[] }
  /** Helper table: CAGR base → target year. */
  | { readonly kind: "planCagr"; readonly field: string; readonly op: Operator }
  /** Helper table: strictly rising each plan year. */
  | { readonly kind: "planRising"; readonly field: string }
  /** Helper table: target-year value reaches the threshold. */
  | { readonly kind: "planReach"; readonly field: string; readonly op: Operator }
  /** Helper table: cut from base to target year, in percent. */
  | { readonly kind: "planCut"; readonly field: string; readonly op: Operator };

export interface Rule {
  readonly id: string;
  readonly cls: RuleClass;
  /** Official wording, shortened (domain data, shown with the finding). */
  readonly wording: string;
  /** Threshold for the batch (a percentage for pct fields). */
  readonly threshold: number;
  readonly criterion: Criterion;
}

export type Severity = "error" | "warning" | "info";

/** How a computed value was obtained: a finding says which method was used. */
export type Method = "reported" | "geomean_rates" | "cagr_levels" | "latest_year" | "every_year";

export interface Finding {
  readonly ruleId: string;
  readonly fieldId: string;
  readonly severity: Severity;
  readonly year?: number;
  /** 汇总表 row (1-based, as 序号) or the option ticked in a multi field. */
  readonly row?: number;
  readonly option?: string;
  readonly actual?: number | string | boolean | null;
  readonly threshold?: number | string;
  readonly operator?: Operator;
  readonly method?: Method;
  /** Western relaxation applied (「西部地区可适当放宽」). */
  readonly relaxed?: boolean;
  /**
   * The 认定标准's own threshold, where `threshold` is a relaxed one that decided instead: the
   * shortfall against the standard is still what the reviewer must weigh.
   */
  readonly standard?: number;
  /** Secondary numbers a message needs (e.g. the other tier's count, the recomputed value). */
  readonly detail?: Readonly<Record<string, number | string>>;
}
