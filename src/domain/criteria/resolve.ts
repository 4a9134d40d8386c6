/**
 * Pack documents ⇄ resolved packs. A pack rule names a rule of the catalogue: what it reads and
 * how (the criterion) stays the catalogue's; the pack gives its threshold, operator, class and
 * wording. So a pack cannot invent a computation, only set the numbers and words of known ones.
 */
import type { Criterion, Rule, RuleClass } from "../rules/types";
import { baseRule } from "../rules/catalogue";
import type { CriteriaPack, PackDocument, PackRuleDocument } from "./types";

/** Which keys of a pack rule the rule takes, and which classes it may have. */
export interface RuleShape {
  /** Compares a number: a threshold is required. Gates and 逐年增加 take none. */
  readonly threshold: boolean;
  readonly operator: boolean;
  /** quality_sme_tier: the second count's threshold is required. */
  readonly altThreshold: boolean;
  readonly classes: readonly RuleClass[];
}

const GATE_CLASSES: readonly RuleClass[] = ["gate", "info"];
const NUMERIC_CLASSES: readonly RuleClass[] = ["hard", "soft", "plan", "info"];

export function shapeOf(criterion: Criterion): RuleShape {
  const yesNo = criterion.kind === "gate";
  return {
    threshold: !yesNo && criterion.kind !== "planRising",
    operator: "op" in criterion,
    altThreshold: criterion.kind === "qualityTier",
    // A yes/no answer has no number to be 「一般」 about; a number is no 是/否 gate.
    classes: yesNo ? GATE_CLASSES : NUMERIC_CLASSES,
  };
}

/** A validated pack rule as the evaluator's rule. Throws for an unknown id (validate first). */
export function resolveRule(doc: PackRuleDocument): Rule {
  const base = baseRule(doc.id);
  if (!base) throw new Error(`Unknown rule id: ${doc.id}`);
  let criterion: Criterion = base.criterion;
  if (doc.operator !== undefined && "op" in criterion)
    criterion = { ...criterion, op: doc.operator };
  if (doc.altThreshold !== undefined && criterion.kind === "qualityTier")
    criterion = { ...criterion, altThreshold: doc.altThreshold };
  return {
    id: base.id,
    cls: doc.class ?? base.cls,
    wording: doc.wording,
    threshold: doc.threshold ?? base.threshold,
    criterion,
  };
}

export function resolvePack(doc: PackDocument): CriteriaPack {
  return {
    format: doc.format,
    id: doc.id,
    name: doc.name,
    programme: doc.programme,
    level: doc.level,
    ...(doc.source !== undefined ? { source: doc.source } : {}),
    ...(doc.batchYear !== undefined ? { batchYear: doc.batchYear } : {}),
    ...(doc.review !== undefined
      ? { review: { recognitionYear: doc.review.recognitionYear } }
      : {}),
    relaxWest: doc.relaxWest,
    caps: doc.caps ?? null,
    rules: doc.rules.map(resolveRule),
  };
}

/** A pack as the document that loads back into it: every key the rule takes, written out. */
export function packDocument(pack: CriteriaPack): PackDocument {
  return {
    format: pack.format,
    id: pack.id,
    name: pack.name,
    programme: pack.programme,
    level: pack.level,
    ...(pack.source !== undefined ? { source: pack.source } : {}),
    ...(pack.batchYear !== undefined ? { batchYear: pack.batchYear } : {}),
    ...(pack.review !== undefined ? { review: pack.review } : {}),
    relaxWest: pack.relaxWest,
    caps: pack.caps,
    rules: pack.rules.map((rule): PackRuleDocument => {
      const c = rule.criterion;
      const shape = shapeOf(c);
      return {
        id: rule.id,
        class: rule.cls,
        wording: rule.wording,
        ...(shape.threshold ? { threshold: rule.threshold } : {}),
        ...("op" in c ? { operator: c.op } : {}),
        ...(c.kind === "qualityTier" ? { altThreshold: c.altThreshold } : {}),
      };
    }),
  };
}
