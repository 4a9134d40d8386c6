/** Each form-level check (required fields, ranges, limits, cross-field rules) fires on a minimal change to the passing example A. */
import {
  batchParams,
  evaluateShenbao,
  EXAMPLE_A,
  type FieldValue,
  type Finding,
} from "../../src/domain";

const run = (over: Record<string, FieldValue>): Finding[] =>
  evaluateShenbao({ ...EXAMPLE_A.values, ...over }, { batch: batchParams(2022) }).filter(
    (f) => f.severity !== "info"
  );

const sig = (f: Finding): string =>
  `${f.ruleId}:${f.fieldId}${f.year ? `@${f.year}` : ""}${f.option ? `#${f.option}` : ""}:${f.severity}`;

describe("form-level checks", () => {
  it.each<[string, Record<string, FieldValue>, string[]]>([
    ["required text", { operator: "  " }, ["required:operator:error"]],
    ["required per year", { firms: [400, null, 420] }, ["required:firms@2020:error"]],
    ["text in a number cell", { area: "35平方公里" }, ["number_expected:area:error"]],
    ["share above 100", { rd_staff_share: 120 }, ["pct_range:rd_staff_share:error"]],
    [
      "rate at −100%",
      { patent_growth: -100 },
      ["pct_range:patent_growth:error", "patent_growth_ge_15:patent_growth:error"],
    ],
    ["count not whole", { employees: 38000.5 }, ["count_whole:employees:error"]],
    ["negative count", { overseas_branches: -1 }, ["count_whole:overseas_branches:error"]],
    [
      "memo over 200",
      { supply_chain_risk: "字".repeat(201) },
      ["text_limit:supply_chain_risk:error"],
    ],
    ["plan over 3000", { plan_text: "字".repeat(3001) }, ["text_limit:plan_text:error"]],
    [
      "plan over 3000 across its outline's cells",
      {
        plan_text: "字".repeat(1500),
        plan_text_results: "字".repeat(1000),
        plan_text_tasks: "字".repeat(501),
      },
      ["text_limit:plan_text:error"],
    ],
    [
      "plan of exactly 3000 across its cells, each trimmed",
      { plan_text: ` ${"字".repeat(1500)} `, plan_text_stage3: `${"字".repeat(1500)}\n` },
      [],
    ],
    [
      "plan written under a later heading only",
      { plan_text: "", plan_text_measures: "保障措施。" },
      [],
    ],
    [
      "plan blank in every cell",
      { plan_text: " ", plan_text_goals: "" },
      ["required:plan_text:error"],
    ],
    ["invalid 是/否", { chain_map: "有" }, ["choice_invalid:chain_map:error"]],
    ["不适用 reads as 不涉及", { water_efficiency: "不适用" }, []],
    ["invalid radio", { industry_type: "第四产业" }, ["choice_invalid:industry_type:error"]],
    [
      "invalid tick mark",
      { governance_work: ["是", "maybe", "否"] },
      ["choice_invalid:governance_work#建立了中小企业合法权益保护机制:error"],
    ],
    ["SMEs above firms", { smes: [390, 400, 430] }, ["sme_count_le_firms:smes@2021:error"]],
    [
      "a tier above SMEs",
      { hitech_innovative: [30, 33, 500] },
      ["tier_count_le_smes:hitech_innovative@2021:warning"],
    ],
    [
      "每万人 off by more than 10%",
      { patents_per_10k: 130 },
      ["per_10k_consistency:patents_per_10k:warning"],
    ],
    ["每万人 within 10%", { patents_per_10k: 120 }, []],
    [
      "output typed in 万元",
      { output_total: [520000, 585000, 660000] },
      [
        "unit_slip:output_total@2019:warning",
        "unit_slip:output_total@2020:warning",
        "unit_slip:output_total@2021:warning",
      ],
    ],
    [
      "share typed as a fraction",
      { iiot_rate: 0.32 },
      ["iiot_penetration_ge_15:iiot_rate:error", "unit_slip:iiot_rate:warning"],
    ],
    [
      "name not 「…产业集群」",
      { name: "浙江省甲县智能泵阀", cover_name: "浙江省甲县智能泵阀" },
      ["name_pattern:cover_name:warning", "name_pattern:name:warning"],
    ],
    [
      "official name pattern accepted",
      {
        name: "中小企业特色产业集群(智能泵阀产业)",
        cover_name: "中小企业特色产业集群(智能泵阀产业)",
      },
      [],
    ],
    [
      "cover and section 一 disagree",
      { name: "浙江省甲县泵阀产业集群" },
      ["name_mismatch:name:warning"],
    ],
    [
      "count without names",
      { platforms_national: [2, null] },
      ["required:platforms_national#名称:error"],
    ],
    ["empty standards grid", { standards: [] }, ["required:standards:error"]],
    [
      "helper table half filled",
      { plan_output: [66, "七十", null, 90] },
      ["number_expected:plan_output@2022:error", "required:plan_output@2023:error"],
    ],
  ])("%s", (_name, over, expected) => {
    expect(run(over).map(sig).sort()).toEqual([...expected].sort());
  });
});

describe("plan targets a–g (helper table, warnings only)", () => {
  it("a filled helper table that meets every target gives nothing", () => {
    expect(
      run({
        plan_output: [66, 73, 80, 88],
        plan_quality_smes: [55, 60, 66, 72],
        plan_rd_spend: [1000, 1100, 1210, 1331],
        plan_patents: [420, 483, 556, 639],
        plan_iiot_rate: [32, 37, 41, 45],
        plan_co2_intensity: [0.45, 0.43, 0.4, 0.369],
        plan_energy_intensity: [0.2, 0.19, 0.18, 0.173],
      })
    ).toEqual([]);
  });
  it("targets missed are warnings naming the target year", () => {
    const fs = run({
      plan_output: [66, 70, 75, 80],
      plan_quality_smes: [55, 60, 60, 72],
      plan_rd_spend: [1000, 1100, 1210, 1330],
      plan_patents: [420, 450, 500, 600],
      plan_iiot_rate: [32, 37, 41, 44],
      plan_co2_intensity: [0.45, 0.43, 0.4, 0.38],
      plan_energy_intensity: [0.2, 0.19, 0.18, 0.175],
    });
    expect(fs.map(sig).sort()).toEqual(
      [
        "plan_output_cagr_ge_10:plan_output@2024:warning",
        "plan_quality_smes_rising:plan_quality_smes@2023:warning",
        "plan_rd_cagr_ge_10:plan_rd_spend@2024:warning",
        "plan_patent_cagr_ge_15:plan_patents@2024:warning",
        "plan_iiot_about_45:plan_iiot_rate@2024:warning",
        "plan_co2_cut_about_18:plan_co2_intensity@2024:warning",
        "plan_energy_drop_about_13_5:plan_energy_intensity@2024:warning",
      ].sort()
    );
  });
});

describe("evidence checklist (information)", () => {
  it("lists each ticked evidence option and each 是 that needs attachments", () => {
    const fs = evaluateShenbao(
      { ...EXAMPLE_A.values, chain_map: "是", intl_activities: ["✓", "", "否", "是", null] },
      { batch: batchParams(2022) }
    ).filter((f) => f.ruleId === "evidence_required");
    expect(fs.map((f) => `${f.fieldId}${f.option ? `#${f.option}` : ""}`)).toEqual([
      "chain_map",
      "patents",
      "carbon_work",
      "intl_activities#建立或参与主导产业国际合作机制",
      "intl_activities#参加中国国际中小企业博览会等展会类活动",
    ]);
  });
});
