/**
 * 认定标准 (2022年版) as data, per batch. The thresholds are the same in every
 * published batch so far; a future notice that changes one adds a row to BATCH_OVERRIDES.
 */
import type { BatchParams } from "../batch";
import { PLAN_TARGETS } from "../forms/shenbao";
import type { Criterion, Rule } from "./types";

const BASE_RULES: readonly Rule[] = [
  {
    id: "output_each_year_min_40",
    cls: "hard",
    wording: "近三年产值均在40亿元以上",
    threshold: 40,
    criterion: { kind: "eachYear", field: "output_total", op: ">=", share: false },
  },
  {
    id: "sme_output_share_min_70",
    cls: "hard",
    wording: "中小企业产值占集群总产值70%以上",
    threshold: 70,
    criterion: { kind: "eachYear", field: "sme_output_share", op: ">=", share: true },
  },
  {
    id: "lead_industry_share_gt_70",
    cls: "hard",
    wording: "主导产业占集群总产值比例高于70%",
    threshold: 70,
    criterion: { kind: "eachYear", field: "lead_output_share", op: ">", share: true },
  },
  {
    id: "output_growth_gt_10",
    cls: "hard",
    wording: "产值年均增速高于10%",
    threshold: 10,
    criterion: { kind: "value", field: "lead_output_cagr", op: ">", growthFallback: true },
  },
  {
    id: "quality_sme_tier",
    cls: "hard",
    wording:
      "不少于1家主导产业的单项冠军或“小巨人”,或不少于10家专精特新中小企业、创新型中小企业和国家级高新技术企业",
    threshold: 1,
    criterion: { kind: "qualityTier", altThreshold: 10 },
  },
  {
    id: "rd_growth_gt_10",
    cls: "hard",
    wording: "近三年中小企业研发经费年均增长高于10%",
    threshold: 10,
    criterion: { kind: "geomean", field: "rd_growth", op: ">" },
  },
  {
    id: "patent_growth_ge_15",
    cls: "hard",
    wording: "有效发明专利年均增长率不低于15%",
    threshold: 15,
    criterion: { kind: "value", field: "patent_growth", op: ">=" },
  },
  {
    id: "patents_per_10k_ge_15",
    cls: "hard",
    wording: "每万人有效发明专利拥有量不低于15个",
    threshold: 15,
    criterion: { kind: "value", field: "patents_per_10k", op: ">=" },
  },
  {
    id: "iiot_penetration_ge_15",
    cls: "hard",
    wording: "工业互联网平台应用普及率不低于15%",
    threshold: 15,
    criterion: { kind: "value", field: "iiot_rate", op: ">=" },
  },
  {
    id: "area_max_100",
    cls: "soft",
    wording: "占地面积一般不超过100平方公里",
    threshold: 100,
    criterion: { kind: "value", field: "area", op: "<=" },
  },
  gate("gate_not_prohibited_industry", "不属于禁止、限制和淘汰类产业", "gate_not_prohibited"),
  gate("gate_no_major_incident_3y", "近三年未发生较大及以上事故", "gate_no_incident"),
  gate(
    "gate_no_tax_evasion",
    "不存在偷税漏税、违法违规、严重失信和其他重大问题的行为",
    "gate_no_tax_evasion"
  ),
  gate("energy_eff_vs_benchmark", "高耗能行业能效高于行业基准值", "energy_efficiency", [
    "是",
    "不涉及",
  ]),
  gate("water_eff_vs_benchmark", "高用水行业水效高于行业基准值", "water_efficiency", [
    "是",
    "不涉及",
  ]),
  gate("gate_provincial_recognition", "第二批起需先获得省级认定", "provincial_recognition"),
  plan("plan_output_cagr_ge_10", "a", 10, "planCagr", "plan_output"),
  plan("plan_quality_smes_rising", "b", 0, "planRising", "plan_quality_smes"),
  plan("plan_rd_cagr_ge_10", "c", 10, "planCagr", "plan_rd_spend"),
  plan("plan_patent_cagr_ge_15", "d", 15, "planCagr", "plan_patents"),
  plan("plan_iiot_about_45", "e", 45, "planReach", "plan_iiot_rate"),
  plan("plan_co2_cut_about_18", "f", 18, "planCut", "plan_co2_intensity"),
  plan("plan_energy_drop_about_13_5", "g", 13.5, "planCut", "plan_energy_intensity"),
];

function gate(id: string, wording: string, field: string, pass: readonly string[] = ["是"]): Rule {
  return { id, cls: "gate", wording, threshold: 0, criterion: { kind: "gate", field, pass } };
}

/** A 发展目标 target a–g of section 八; its wording is the form's own (PLAN_TARGETS). */
function plan(
  id: string,
  letter: "a" | "b" | "c" | "d" | "e" | "f" | "g",
  threshold: number,
  kind: "planCagr" | "planRising" | "planReach" | "planCut",
  field: string
): Rule {
  const wording = PLAN_TARGETS.find((t) => t.startsWith(`${letter}.`)) ?? letter;
  const criterion: Criterion = kind === "planRising" ? { kind, field } : { kind, field, op: ">=" };
  return { id, cls: "plan", wording, threshold, criterion };
}

/** Per-batch threshold changes, keyed by batch year then rule id. None published so far. */
const BATCH_OVERRIDES: Readonly<Record<number, Readonly<Record<string, number>>>> = {};

export const RULE_IDS: readonly string[] = BASE_RULES.map((r) => r.id);

/** A rule as the 认定标准 states it, whatever the batch: what a criteria pack builds on. */
export function baseRule(id: string): Rule | undefined {
  return BASE_RULES.find((r) => r.id === id);
}

/** The catalogue for a batch: thresholds of that batch; the 省级 gate is information only before 2023. */
export function rulesForBatch(batch: BatchParams): readonly Rule[] {
  const overrides = BATCH_OVERRIDES[batch.year] ?? {};
  return BASE_RULES.map((rule) => {
    const threshold = overrides[rule.id] ?? rule.threshold;
    const cls =
      rule.id === "gate_provincial_recognition" && !batch.requiresProvincialRecognition
        ? "info"
        : rule.cls;
    return threshold === rule.threshold && cls === rule.cls ? rule : { ...rule, threshold, cls };
  });
}

export function findRule(batch: BatchParams, id: string): Rule | undefined {
  return rulesForBatch(batch).find((r) => r.id === id);
}

/** Ids of the form-level checks, for messages and filters. */
export const FORM_CHECK_IDS = [
  "required",
  "number_expected",
  "choice_invalid",
  "text_limit",
  "pct_range",
  "count_whole",
  "sme_count_le_firms",
  "tier_count_le_smes",
  "growth_reported_vs_recomputed",
  "per_10k_consistency",
  "unit_slip",
  "name_pattern",
  "name_mismatch",
  "evidence_required",
  "formula_uncached",
  "criteria_mismatch",
] as const;

/** Ids of the 汇总表 checks. */
export const SUMMARY_CHECK_IDS = [
  "summary_row_cap",
  "summary_rows_unread",
  "summary_authority_unknown",
  "duplicate_industry",
  "required",
  "text_limit",
  "name_pattern",
  "formula_uncached",
  "criteria_mismatch",
] as const;

export type FormCheckId = (typeof FORM_CHECK_IDS)[number];
export type SummaryCheckId = (typeof SUMMARY_CHECK_IDS)[number];
