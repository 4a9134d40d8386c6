/**
 * Criteria packs: which rules a programme applies, with its thresholds, operators and wording, as
 * data. A pack document is the JSON a user writes ("jiqun-criteria/1"); a resolved pack holds the
 * evaluator's rules. The national standard of each batch is a built-in pack, so a programme
 * (a province's 认定, say) is a document, not code.
 */
import type { AuthorityKind } from "../batch";
import type { Operator } from "../numbers";
import type { Rule, RuleClass } from "../rules/types";

export const PACK_FORMAT = "jiqun-criteria/1";

export type PackLevel = "国家级" | "省级";

/** One rule of a pack document: a known rule id, with the pack's numbers and words for it. */
export interface PackRuleDocument {
  readonly id: string;
  /** Defaults to the rule's class in the national standard. */
  readonly class?: RuleClass;
  readonly wording: string;
  /** Required where the rule compares a number; absent for yes/no gates and 逐年增加. */
  readonly threshold?: number;
  /** Defaults to the national standard's operator; only where the rule compares. */
  readonly operator?: Operator;
  /** quality_sme_tier only: the count of 专精特新、创新型和高新技术企业 that also passes. */
  readonly altThreshold?: number;
}

/**
 * A 复核 (re-review) of clusters recognised in `recognitionYear`: the pack's batchYear is the year
 * of the 复核, whose three years before are the data years, as for a batch.
 */
export interface PackReview {
  readonly recognitionYear: number;
}

export interface PackDocument {
  readonly format: typeof PACK_FORMAT;
  readonly id: string;
  readonly name: string;
  readonly programme: string;
  readonly level: PackLevel;
  readonly source?: string;
  /** Set: only sheets of this batch are checked with the pack. Unset: any batch. */
  readonly batchYear?: number;
  /** Whether 「西部地区可适当放宽」 applies (a clause of the national standard). */
  readonly relaxWest: boolean;
  /** Set: the pack is a 复核 of clusters recognised that year (batchYear is then required). */
  readonly review?: PackReview;
  /** Recommendation caps per authority kind; null or absent: no cap. */
  readonly caps?: Readonly<Record<AuthorityKind, number>> | null;
  readonly rules: readonly PackRuleDocument[];
}

/** A pack as the evaluator uses it: the document's own facts, rules complete with their criteria. */
export interface CriteriaPack extends Omit<PackDocument, "caps" | "rules"> {
  readonly caps: Readonly<Record<AuthorityKind, number>> | null;
  /** Only these rules apply, in this order. */
  readonly rules: readonly Rule[];
}

/** A JSON value's kind, as a message names what was found. */
export type JsonKind = "string" | "number" | "boolean" | "null" | "array" | "object";

/**
 * What is wrong with a pack document, at a JSON path (「rules[2].threshold」; "" is the
 * document itself). Codes and values only: i18n says it in words. `value` is the offending
 * value written as JSON (strings quoted), cut to a readable length.
 */
export type PackIssue =
  | {
      readonly code: "type";
      readonly path: string;
      readonly expected: string;
      readonly actual: JsonKind;
      readonly value: string;
    }
  /** `key` is missing from the object at `path`. */
  | { readonly code: "missing"; readonly path: string; readonly key: string }
  | {
      readonly code: "unknownKey";
      readonly path: string;
      readonly key: string;
      readonly allowed: readonly string[];
    }
  | {
      readonly code: "unknownRule";
      readonly path: string;
      readonly value: string;
      readonly allowed: readonly string[];
    }
  /** Not one of the allowed values (format, level, class, operator). */
  | {
      readonly code: "oneOf";
      readonly path: string;
      readonly value: string;
      readonly allowed: readonly string[];
    }
  | { readonly code: "empty"; readonly path: string }
  | { readonly code: "packId"; readonly path: string; readonly value: string }
  | { readonly code: "batchYear"; readonly path: string; readonly value: string }
  | { readonly code: "cap"; readonly path: string; readonly value: string }
  /** A 复核 whose recognition year is not before its batchYear. */
  | {
      readonly code: "reviewYears";
      readonly path: string;
      readonly value: string;
      readonly batchYear: string;
    }
  | {
      readonly code: "duplicate";
      readonly path: string;
      readonly value: string;
      readonly first: string;
    }
  /** The rule takes no such key (a threshold on a yes/no gate). */
  | { readonly code: "notUsed"; readonly path: string; readonly rule: string; readonly key: string }
  | {
      readonly code: "ruleClass";
      readonly path: string;
      readonly rule: string;
      readonly value: string;
      readonly allowed: readonly string[];
    }
  | { readonly code: "invalid"; readonly path: string };

export type PackParse =
  | { readonly ok: true; readonly pack: CriteriaPack }
  | { readonly ok: false; readonly issues: readonly PackIssue[] };
