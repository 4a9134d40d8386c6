/**
 * One filled form judged under two criteria packs, with its findings derived by hand: shared by
 * the domain test (test/domain/criteriaPack.test.ts) and the command line's (test/cli/criteria.test.ts),
 * so both hold the evaluator and `jiqun check` to the same expectations.
 */
import { EXAMPLE_A, type FormValues } from "../../src/domain";

/**
 * Example A (浙江, east, batch 2022: data years 2019–2021) made smaller: 产值 15/16/17 亿元,
 * 中小企业占比 55%, 主导占比 65%, 年均增速 5% (yearly 5/5/5), no 冠军 or 小巨人 and 2 + 2
 * 专精特新/高新, 研发增速 7/7/7, 专利增速 12%, 工业互联网 8%, 面积 120 平方公里.
 */
export const SMALL: FormValues = {
  ...EXAMPLE_A.values,
  output_total: [15, 16, 17],
  sme_output_share: [55, 55, 55],
  lead_output_share: [65, 65, 65],
  lead_output_growth: [5, 5, 5],
  lead_output_cagr: 5,
  little_giants: [0, 0, 0],
  champions: [0, 0, 0],
  zjtx_smes: [2, 2, 2],
  hitech_innovative: [2, 2, 2],
  rd_growth: [7, 7, 7],
  patent_growth: 12,
  iiot_rate: 8,
  area: 120,
};

/** A finding (or a `--json` record) as rule/severity/year, the shape the lists below use. */
export const sig = (r: { ruleId: string; severity: string; year?: number }): string =>
  `${r.ruleId}/${r.severity}/${r.year ?? "-"}`;

/** SMALL under the national standard of 2022, in the evaluator's order. */
export const SMALL_NATIONAL: readonly string[] = [
  // 120 > 100 平方公里: 「一般」, a warning.
  "area_max_100/warning/-",
  // 15, 16, 17 < 40 亿元, each year.
  "output_each_year_min_40/error/2019",
  "output_each_year_min_40/error/2020",
  "output_each_year_min_40/error/2021",
  // 55 < 70, each year.
  "sme_output_share_min_70/error/2019",
  "sme_output_share_min_70/error/2020",
  "sme_output_share_min_70/error/2021",
  // 65 is not > 70, each year.
  "lead_industry_share_gt_70/error/2019",
  "lead_industry_share_gt_70/error/2020",
  "lead_industry_share_gt_70/error/2021",
  // 5 is not > 10.
  "output_growth_gt_10/error/-",
  // 0 冠军 + 小巨人 < 1 and 2 + 2 专精特新等 < 10, in 2021.
  "quality_sme_tier/error/2021",
  // geometric mean of 7/7/7 is 7, not > 10.
  "rd_growth_gt_10/error/-",
  // 12 < 15.
  "patent_growth_ge_15/error/-",
  // The 佐证材料 the form asks for (有效发明专利, 碳达峰碳中和工作): form checks, under any pack.
  "evidence_required/info/-",
  // 8 < 15.
  "iiot_penetration_ge_15/error/-",
  "evidence_required/info/-",
];

/** SMALL under 云南's pack: 10亿 / 50% / 60% / 3% / 3家 / 5% pass, no patent rule, 8% < 10% fails. */
export const SMALL_YUNNAN: readonly string[] = [
  "area_max_100/warning/-",
  // The same 佐证材料 as under the national standard.
  "evidence_required/info/-",
  "iiot_penetration_ge_15/error/-",
  "evidence_required/info/-",
];

/**
 * SMALL as a cluster recognised in 2022 reports it for its 复核 in 2025 (a 2025 form: data years
 * 2022–2024), with two things only an application is judged on: 「已获得省级认定」 answered 否 and
 * a 发展目标 of 17 → 18.5 亿元 (2.9% a year, below 10%).
 */
export const FUHE: FormValues = {
  ...SMALL,
  provincial_recognition: "否",
  plan_output: [17, 17.5, 18, 18.5],
};

/** FUHE under the 复核 of 2022's clusters: SMALL's findings in 2022–2024; no plan, no 省级认定. */
export const FUHE_REVIEW: readonly string[] = SMALL_NATIONAL.map((s) =>
  s.replace(/\/(2019|2020|2021)$/u, (_, y: string) => `/${Number(y) + 3}`)
);
