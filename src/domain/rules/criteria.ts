/**
 * Interprets the rules catalogue on a form's values. Each criterion yields "checks" (a value and a
 * predicate over a threshold); `judge` then applies the rule class and western relaxation
 * uniformly, so relaxation logic exists once.
 */
import { fieldById } from "../forms";
import { cagrFromLevels, geometricMeanOfRates, rri } from "../growth";
import { compare, comparePct, roundPct, type Operator } from "../numbers";
import { asNumber, choiceOf, scalar, series, type FormValues } from "../values";
import type { EvaluationSettings } from "./settings";
import type { Finding, Method, Rule, Severity } from "./types";

interface Check {
  readonly actual: number | string;
  readonly passes: (threshold: number) => boolean;
  readonly year?: number;
  readonly method?: Method;
  readonly detail?: Readonly<Record<string, number>>;
}

export interface CriteriaContext {
  readonly dataYears: readonly [number, number, number];
  readonly planYears: readonly [number, number, number];
  readonly western: boolean;
  readonly settings: EvaluationSettings;
}

const isPct = (fieldId: string): boolean => fieldById(fieldId).kind === "pct";

function numericCheck(
  fieldId: string,
  actual: number,
  op: Operator,
  extra: Partial<Check> = {}
): Check {
  const pct = isPct(fieldId);
  return {
    actual: pct ? roundPct(actual) : actual,
    passes: (t) => (pct ? comparePct(actual, op, t) : compare(actual, op, t)),
    ...extra,
  };
}

function pctCheck(actualPct: number, op: Operator, extra: Partial<Check> = {}): Check {
  return { actual: roundPct(actualPct), passes: (t) => comparePct(actualPct, op, t), ...extra };
}

/** The checks a rule makes on the values; no check where the data is blank or unreadable. */
function checksFor(rule: Rule, values: FormValues, ctx: CriteriaContext): Check[] {
  const c = rule.criterion;
  switch (c.kind) {
    case "eachYear": {
      const latestOnly = c.share && ctx.settings.shareReading === "latest_year";
      const method: Method | undefined = c.share
        ? latestOnly
          ? "latest_year"
          : "every_year"
        : undefined;
      return series(values, c.field, 3).flatMap((v, i) => {
        const n = asNumber(v);
        if (n === undefined || (latestOnly && i !== 2)) return [];
        return [
          numericCheck(c.field, n, c.op, { year: ctx.dataYears[i], ...(method ? { method } : {}) }),
        ];
      });
    }
    case "value": {
      const reported = asNumber(scalar(values, c.field));
      if (reported !== undefined)
        return [
          numericCheck(c.field, reported, c.op, c.growthFallback ? { method: "reported" } : {}),
        ];
      if (!c.growthFallback) return [];
      const recomputed = recomputedLeadGrowth(values);
      return recomputed ? [pctCheck(recomputed.value, c.op, { method: recomputed.method })] : [];
    }
    case "geomean": {
      const rates = numbers(series(values, c.field, 3));
      if (!rates) return [];
      const g = geometricMeanOfRates(rates);
      return g.ok ? [pctCheck(g.value, c.op, { method: "geomean_rates" })] : [];
    }
    case "qualityTier": {
      const latest = (id: string): number | undefined => asNumber(series(values, id, 3)[2]);
      const [champions, giants, zjtx, hitech] = [
        "champions",
        "little_giants",
        "zjtx_smes",
        "hitech_innovative",
      ].map(latest);
      if (
        champions === undefined &&
        giants === undefined &&
        zjtx === undefined &&
        hitech === undefined
      )
        return [];
      const top = (champions ?? 0) + (giants ?? 0);
      const broad = (zjtx ?? 0) + (hitech ?? 0);
      return [
        {
          actual: top,
          passes: (t) => top >= t || broad >= c.altThreshold,
          year: ctx.dataYears[2],
          detail: { broad, altThreshold: c.altThreshold },
        },
      ];
    }
    case "gate": {
      const answer = choiceOf(scalar(values, c.field));
      const allowed = fieldById(c.field).kind === "yesnoNA" ? ["是", "否", "不涉及"] : ["是", "否"];
      if (answer === undefined || !allowed.includes(answer)) return [];
      return [{ actual: answer, passes: () => c.pass.includes(answer) }];
    }
    case "planCagr": {
      const row = planRow(values, c.field);
      if (row?.base === undefined || row.target === undefined) return [];
      const g = rri(3, row.base, row.target);
      return g.ok
        ? [pctCheck(g.value * 100, c.op, { year: ctx.planYears[2], method: "cagr_levels" })]
        : [];
    }
    case "planRising": {
      const row = planRow(values, c.field);
      if (!row) return [];
      const seq = row.all;
      for (let i = 1; i < seq.length; i++) {
        const prev = seq[i - 1];
        const cur = seq[i];
        if (prev === undefined || cur === undefined) return [];
        if (!(cur > prev)) {
          return [
            {
              actual: cur,
              passes: () => false,
              year: ctx.planYears[i - 1],
              detail: { previous: prev },
            },
          ];
        }
      }
      return [];
    }
    case "planReach": {
      const row = planRow(values, c.field);
      return row?.target === undefined
        ? []
        : [pctCheck(row.target, c.op, { year: ctx.planYears[2] })];
    }
    case "planCut": {
      const row = planRow(values, c.field);
      if (row?.base === undefined || row.target === undefined || row.base <= 0) return [];
      return [
        pctCheck(((row.base - row.target) / row.base) * 100, c.op, { year: ctx.planYears[2] }),
      ];
    }
  }
}

function numbers(cells: readonly (number | string | boolean | null)[]): number[] | undefined {
  const out: number[] = [];
  for (const v of cells) {
    const n = asNumber(v);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

/** Helper-table row: base (last data year) then the three plan years. */
function planRow(
  values: FormValues,
  field: string
): { base?: number; target?: number; all: (number | undefined)[] } | undefined {
  const all = series(values, field, 4).map(asNumber);
  if (all.every((v) => v === undefined)) return undefined;
  return { base: all[0], target: all[3], all };
}

/**
 * 年均增速 recomputed when the reported one is blank: from the yearly rates (geometric mean), else
 * from the 总产值 levels (CAGR over two periods).
 */
export function recomputedLeadGrowth(
  values: FormValues
): { value: number; method: Method } | undefined {
  const rates = numbers(series(values, "lead_output_growth", 3));
  if (rates) {
    const g = geometricMeanOfRates(rates);
    if (g.ok) return { value: g.value, method: "geomean_rates" };
  }
  const levels = numbers(series(values, "output_total", 3));
  if (levels) {
    const g = cagrFromLevels(levels);
    if (g.ok) return { value: g.value * 100, method: "cagr_levels" };
  }
  return undefined;
}

const CLASS_SEVERITY: Readonly<Record<Rule["cls"], Severity>> = {
  hard: "error",
  gate: "error",
  soft: "warning",
  plan: "warning",
  info: "info",
};

function fieldOf(rule: Rule): string {
  const c = rule.criterion;
  return c.kind === "qualityTier" ? "little_giants" : c.field;
}

/** Turns one check into a finding, or none when it passes. */
function judge(rule: Rule, check: Check, ctx: CriteriaContext): Finding | undefined {
  const op = "op" in rule.criterion ? rule.criterion.op : undefined;
  const base: Finding = {
    ruleId: rule.id,
    fieldId: fieldOf(rule),
    severity: CLASS_SEVERITY[rule.cls],
    actual: check.actual,
    ...(rule.cls !== "gate" && rule.cls !== "info" && rule.criterion.kind !== "planRising"
      ? { threshold: rule.threshold }
      : {}),
    ...(op ? { operator: op } : {}),
    ...(check.year !== undefined ? { year: check.year } : {}),
    ...(check.method ? { method: check.method } : {}),
    ...(check.detail ? { detail: check.detail } : {}),
  };
  if (rule.cls === "hard" && ctx.western) {
    const relaxed =
      ctx.settings.westernMode === "thresholds"
        ? ctx.settings.relaxedThresholds[rule.id]
        : undefined;
    if (relaxed !== undefined) {
      const applied = { threshold: relaxed, standard: rule.threshold, relaxed: true } as const;
      if (!check.passes(relaxed)) return { ...base, ...applied };
      // Passing only thanks to the relaxed threshold is worth telling the reviewer.
      return check.passes(rule.threshold) ? undefined : { ...base, severity: "info", ...applied };
    }
    return check.passes(rule.threshold)
      ? undefined
      : { ...base, severity: "warning", relaxed: true };
  }
  return check.passes(rule.threshold) ? undefined : base;
}

export function evaluateCriteria(
  rules: readonly Rule[],
  values: FormValues,
  ctx: CriteriaContext
): Finding[] {
  return rules.flatMap((rule) =>
    checksFor(rule, values, ctx).flatMap((check) => {
      const f = judge(rule, check, ctx);
      return f ? [f] : [];
    })
  );
}

/**
 * One rule on some values, as a yes/no answer: "pass"; "fail" (an error, a 「一般」 or target
 * miss); "relaxed" (a western applicant's miss of a hard rule, 「西部地区可适当放宽」, or a pass
 * only under a relaxed threshold); "nodata" when nothing could be checked.
 */
export type Verdict = "pass" | "fail" | "relaxed" | "nodata";

export function ruleVerdict(rule: Rule, values: FormValues, ctx: CriteriaContext): Verdict {
  const checks = checksFor(rule, values, ctx);
  if (checks.length === 0) return "nodata";
  const findings = checks.flatMap((check) => {
    const f = judge(rule, check, ctx);
    return f ? [f] : [];
  });
  if (findings.length === 0 || findings.every((f) => f.severity === "info" && !f.relaxed))
    return "pass";
  if (findings.some((f) => !f.relaxed && f.severity !== "info")) return "fail";
  return findings.every((f) => f.relaxed && f.severity !== "error") ? "relaxed" : "fail";
}
