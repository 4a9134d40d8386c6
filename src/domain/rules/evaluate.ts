/**
 * The evaluator: form values + batch + authority + settings → findings. Pure and synchronous;
 * the in-Excel action, the command line and the custom functions all call these two functions.
 */
import type { BatchParams } from "../batch";
import type { CriteriaPack } from "../criteria/types";
import { HUIZONG_COLUMNS, SHENBAO, type HuizongColumnId } from "../forms";
import { recommendingAuthority, type Authority } from "../regions";
import { codePointLength } from "../text";
import { asText, isBlank, scalar, type CellValue, type FormValues } from "../values";
import { rulesForBatch } from "./catalogue";
import { evaluateCriteria, ruleVerdict, type CriteriaContext } from "./criteria";
import { evaluateFormChecks, nameLooksRight } from "./formChecks";
import { DEFAULT_SETTINGS, type EvaluationSettings } from "./settings";
import type { Finding, Rule, Severity } from "./types";

export interface EvaluationContext {
  readonly batch: BatchParams;
  /** The applicant's authority; when absent it is derived from the cover's 省/市. */
  readonly authority?: Authority;
  readonly settings?: Partial<EvaluationSettings>;
  /** The criteria applied; absent: the national standard of the batch. */
  readonly criteria?: CriteriaPack;
}

const FIELD_ORDER = new Map(SHENBAO.fields.map((f, i) => [f.id, i]));
const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Form order, then year, then severity: the order a reviewer reads the paper form in. */
function byFormOrder(a: Finding, b: Finding): number {
  return (
    (FIELD_ORDER.get(a.fieldId) ?? 1e9) - (FIELD_ORDER.get(b.fieldId) ?? 1e9) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.year ?? 0) - (b.year ?? 0) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

export function applicantAuthority(
  values: FormValues,
  authority?: Authority
): Authority | undefined {
  return (
    authority ??
    recommendingAuthority(asText(scalar(values, "province")), asText(scalar(values, "city")))
  );
}

function criteriaContext(values: FormValues, ctx: EvaluationContext): CriteriaContext {
  const authority = applicantAuthority(values, ctx.authority);
  return {
    dataYears: ctx.batch.dataYears,
    planYears: ctx.batch.planYears,
    // 「西部地区可适当放宽」 is the national standard's clause; a pack says whether it has it.
    western: authority?.region === "west" && (ctx.criteria?.relaxWest ?? true),
    settings: { ...DEFAULT_SETTINGS, ...ctx.settings },
  };
}

export function evaluateShenbao(values: FormValues, ctx: EvaluationContext): Finding[] {
  const c = criteriaContext(values, ctx);
  const criteria = evaluateCriteria(ctx.criteria?.rules ?? rulesForBatch(ctx.batch), values, c);
  const checks = evaluateFormChecks(values, c.dataYears, c.planYears, c.settings);
  return [...criteria, ...checks].sort(byFormOrder);
}

/**
 * A 复核's conclusion on one rule: met; not met; missed but 「西部地区可适当放宽」; missed where the
 * standard says 「一般」 (a warning rule: the reviewer weighs the reasons); or not judged because
 * the form does not give the figures.
 */
export type Conclusion = "met" | "unmet" | "relaxed" | "explain" | "nodata";

export interface RuleConclusion {
  readonly rule: Rule;
  readonly conclusion: Conclusion;
}

/** Every rule of the applied criteria with its conclusion, in the criteria's order. */
export function ruleConclusions(values: FormValues, ctx: EvaluationContext): RuleConclusion[] {
  const c = criteriaContext(values, ctx);
  return (ctx.criteria?.rules ?? rulesForBatch(ctx.batch)).map((rule) => {
    const verdict = ruleVerdict(rule, values, c);
    const conclusion: Conclusion =
      verdict === "pass"
        ? "met"
        : verdict === "nodata"
          ? "nodata"
          : verdict === "relaxed"
            ? "relaxed"
            : rule.cls === "soft" || rule.cls === "info"
              ? "explain"
              : "unmet";
    return { rule, conclusion };
  });
}

export type HuizongRow = Readonly<Partial<Record<HuizongColumnId, CellValue>>>;

export interface HuizongValues {
  readonly rows: readonly HuizongRow[];
  /** The table has more rows than were read (see MAX_HUIZONG_ROWS). */
  readonly truncated?: boolean;
}

/** Field ids of 汇总表 columns, as findings name them. */
export const huizongFieldId = (column: HuizongColumnId): string => `hz_${column}`;

/** 主导产业 compared loosely: white space, punctuation and a trailing 产业/业 do not make two different. */
export function industryKey(industry: string): string {
  return industry
    .normalize("NFKC")
    .replace(/[\s\p{P}\p{S}]+/gu, "")
    .replace(/(产业|行业|业)$/u, "");
}

export function evaluateHuizong(summary: HuizongValues, ctx: EvaluationContext): Finding[] {
  const out: Finding[] = [];
  // A pack without caps (a province recognising its own clusters) has no count to hold to.
  const caps = ctx.criteria ? ctx.criteria.caps : ctx.batch.caps;
  const filled = summary.rows
    .map((row, i) => ({ row, n: i + 1 }))
    .filter(({ row }) =>
      HUIZONG_COLUMNS.some((c) => c.id !== "seq" && !isBlank(row[c.id] ?? null))
    );

  if (caps && !ctx.authority) {
    out.push({ ruleId: "summary_authority_unknown", severity: "error", fieldId: "hz_authority" });
  } else if (caps && ctx.authority && !summary.truncated) {
    // A cut table's count is the cut, not the recommendations: summary_rows_unread says so.
    const cap = caps[ctx.authority.kind];
    if (filled.length > cap) {
      out.push({
        ruleId: "summary_row_cap",
        severity: "error",
        fieldId: "hz_rows",
        actual: filled.length,
        threshold: cap,
        operator: "<=",
        detail: { authority: ctx.authority.name },
      });
    }
  }

  if (summary.truncated)
    out.push({
      ruleId: "summary_rows_unread",
      severity: "error",
      fieldId: "hz_rows",
      // The rows read; the finding points at the first row not read.
      threshold: summary.rows.length,
    });

  const seen = new Map<string, number>();
  for (const { row, n } of filled) {
    for (const col of HUIZONG_COLUMNS) {
      const v = row[col.id] ?? null;
      if (col.required && isBlank(v)) {
        out.push({
          ruleId: "required",
          severity: "error",
          fieldId: huizongFieldId(col.id),
          row: n,
        });
        continue;
      }
      if (col.limit !== undefined && !isBlank(v)) {
        const len = codePointLength(String(v));
        if (len > col.limit) {
          out.push({
            ruleId: "text_limit",
            severity: "error",
            fieldId: huizongFieldId(col.id),
            row: n,
            actual: len,
            threshold: col.limit,
            operator: "<=",
          });
        }
      }
    }
    const name = asText(row.name ?? null);
    if (name !== undefined && !nameLooksRight(name)) {
      out.push({
        ruleId: "name_pattern",
        severity: "warning",
        fieldId: huizongFieldId("name"),
        row: n,
        actual: name,
      });
    }
    const industry = asText(row.industry ?? null);
    if (industry !== undefined) {
      const key = industryKey(industry);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, n);
      else {
        out.push({
          ruleId: "duplicate_industry",
          severity: ctx.batch.duplicateIndustry,
          fieldId: huizongFieldId("industry"),
          row: n,
          actual: industry,
          detail: { otherRow: first },
        });
      }
    }
  }
  return out.sort(byFormOrder);
}
