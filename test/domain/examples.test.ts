/**
 * The example clusters A–F produce exactly the findings the domain reference names for each: errors and
 * warnings compared as a whole (rule id, field, year, severity); information items separately.
 */
import {
  batchParams,
  evaluateHuizong,
  evaluateShenbao,
  EXAMPLE_A,
  EXAMPLE_B,
  EXAMPLE_C,
  EXAMPLE_D,
  EXAMPLE_E,
  EXAMPLE_E_2023,
  findAuthority,
  guizhouRows,
  SHENZHEN_ROWS,
  type Authority,
  type Finding,
  type ShenbaoExample,
} from "../../src/domain";

const key = (f: Finding): string =>
  [f.ruleId, f.fieldId, f.year ?? "-", f.severity, f.relaxed ? "relaxed" : ""].join(" ").trim();

function findingsOf(example: ShenbaoExample): Finding[] {
  return evaluateShenbao(example.values, { batch: batchParams(example.batchYear) });
}

const significant = (fs: Finding[]): string[] =>
  fs
    .filter((f) => f.severity !== "info")
    .map(key)
    .sort();

describe("申报表 examples A–E", () => {
  it.each<[string, ShenbaoExample, string[]]>([
    ["A comfortable pass", EXAMPLE_A, []],
    [
      "B boundaries",
      EXAMPLE_B,
      [
        "lead_industry_share_gt_70 lead_output_share 2019 error",
        "lead_industry_share_gt_70 lead_output_share 2020 error",
        "lead_industry_share_gt_70 lead_output_share 2021 error",
        "output_growth_gt_10 lead_output_cagr - error",
        "rd_growth_gt_10 rd_growth - error",
      ],
    ],
    [
      "C western relaxation",
      EXAMPLE_C,
      [
        "iiot_penetration_ge_15 iiot_rate - warning relaxed",
        "output_each_year_min_40 output_total 2019 warning relaxed",
        "output_each_year_min_40 output_total 2020 warning relaxed",
      ],
    ],
    ["D growth conflict", EXAMPLE_D, ["growth_reported_vs_recomputed lead_output_cagr - warning"]],
    [
      "E gate failures (2022)",
      EXAMPLE_E,
      [
        "energy_eff_vs_benchmark energy_efficiency - error",
        "gate_no_major_incident_3y gate_no_incident - error",
      ],
    ],
    [
      "E as a 2023 form without 省级 recognition",
      EXAMPLE_E_2023,
      [
        "energy_eff_vs_benchmark energy_efficiency - error",
        "gate_no_major_incident_3y gate_no_incident - error",
        "gate_provincial_recognition provincial_recognition - error",
      ],
    ],
  ])("%s", (_name, example, expected) => {
    expect(significant(findingsOf(example))).toEqual([...expected].sort());
  });

  it("B: 40.0 passes 「40亿元以上」, 70.0 passes 「70%以上」, 15.0 passes 「不低于15」, 100 passes 「不超过100」", () => {
    const ids = new Set(findingsOf(EXAMPLE_B).map((f) => f.ruleId));
    for (const passing of [
      "output_each_year_min_40",
      "sme_output_share_min_70",
      "quality_sme_tier",
      "patent_growth_ge_15",
      "patents_per_10k_ge_15",
      "iiot_penetration_ge_15",
      "area_max_100",
    ]) {
      expect(ids.has(passing)).toBe(false);
    }
  });

  it("B: the failing growth carries actual, threshold, operator and the method used", () => {
    const growth = findingsOf(EXAMPLE_B).find((f) => f.ruleId === "output_growth_gt_10");
    expect(growth).toMatchObject({ actual: 10, threshold: 10, operator: ">", method: "reported" });
    const rd = findingsOf(EXAMPLE_B).find((f) => f.ruleId === "rd_growth_gt_10");
    expect(rd).toMatchObject({ actual: 10, threshold: 10, operator: ">", method: "geomean_rates" });
  });

  it("B without a reported 年均增速: the CAGR of 40→48.4 is 10.000000000000009% in floats, rounds to 10.00 and fails", () => {
    const values = {
      ...EXAMPLE_B.values,
      lead_output_cagr: null,
      lead_output_growth: [null, null, null],
    };
    const fs = evaluateShenbao(values, { batch: batchParams(2022) });
    expect((48.4 / 40) ** 0.5 - 1).not.toBe(0.1);
    expect(fs.find((f) => f.ruleId === "output_growth_gt_10")).toMatchObject({
      severity: "error",
      actual: 10,
      method: "cagr_levels",
    });
  });

  it("C: with relaxed thresholds set per rule, the relaxed threshold decides and is marked", () => {
    const fs = evaluateShenbao(EXAMPLE_C.values, {
      batch: batchParams(2022),
      settings: {
        westernMode: "thresholds",
        relaxedThresholds: { output_each_year_min_40: 35, iiot_penetration_ge_15: 10 },
      },
    });
    const out = fs.filter((f) => f.ruleId === "output_each_year_min_40");
    expect(out.map((f) => [f.year, f.severity, f.threshold, f.relaxed])).toEqual([
      [2019, "error", 35, true],
      [2020, "info", 35, true],
    ]);
    expect(fs.find((f) => f.ruleId === "iiot_penetration_ge_15")).toMatchObject({
      severity: "info",
      relaxed: true,
    });
  });

  it("C as an eastern applicant: the same numbers are errors", () => {
    const fs = evaluateShenbao(EXAMPLE_C.values, {
      batch: batchParams(2022),
      authority: findAuthority("浙江省") as Authority,
    });
    expect(fs.filter((f) => f.ruleId === "output_each_year_min_40").map((f) => f.severity)).toEqual(
      ["error", "error"]
    );
  });

  it("gates are never relaxed for western applicants", () => {
    const values = { ...EXAMPLE_C.values, gate_no_tax_evasion: "否" };
    const fs = evaluateShenbao(values, { batch: batchParams(2022) });
    expect(fs.find((f) => f.ruleId === "gate_no_tax_evasion")).toMatchObject({ severity: "error" });
    expect(fs.find((f) => f.ruleId === "gate_no_tax_evasion")?.relaxed).toBeUndefined();
  });

  it("D: passes on the reported 10.5 and the warning names the recomputed geometric mean 9.86", () => {
    const fs = findingsOf(EXAMPLE_D);
    expect(fs.find((f) => f.ruleId === "output_growth_gt_10")).toBeUndefined();
    expect(fs.find((f) => f.ruleId === "growth_reported_vs_recomputed")).toMatchObject({
      actual: 10.5,
      method: "geomean_rates",
      detail: { recomputed: 9.86 },
    });
  });

  it("E in 2022: not being a provincial cluster is information only", () => {
    const values = { ...EXAMPLE_E.values, provincial_recognition: "否" };
    const fs = evaluateShenbao(values, { batch: batchParams(2022) });
    expect(fs.find((f) => f.ruleId === "gate_provincial_recognition")?.severity).toBe("info");
  });

  it("latest-year reading of share rules looks at the last data year only", () => {
    const values = { ...EXAMPLE_A.values, lead_output_share: [65, 68, 75] };
    const every = evaluateShenbao(values, { batch: batchParams(2022) }).filter(
      (f) => f.ruleId === "lead_industry_share_gt_70"
    );
    const latest = evaluateShenbao(values, {
      batch: batchParams(2022),
      settings: { shareReading: "latest_year" },
    }).filter((f) => f.ruleId === "lead_industry_share_gt_70");
    expect(every.map((f) => [f.year, f.method])).toEqual([
      [2019, "every_year"],
      [2020, "every_year"],
    ]);
    expect(latest).toEqual([]);
  });
});

describe("F: 推荐汇总表", () => {
  const guizhou = findAuthority("贵州省") as Authority;
  const shenzhen = findAuthority("深圳市") as Authority;
  const sig = (fs: Finding[]): string[] =>
    fs.map((f) => `${f.ruleId} ${f.severity}${f.row ? ` row${f.row}` : ""}`);

  it("贵州省 2023 with 6 rows passes", () => {
    expect(
      evaluateHuizong({ rows: guizhouRows(6) }, { batch: batchParams(2023), authority: guizhou })
    ).toEqual([]);
  });

  it("贵州省 2023 with a 7th row is over the cap of 6: an error", () => {
    const fs = evaluateHuizong(
      { rows: guizhouRows(7) },
      { batch: batchParams(2023), authority: guizhou }
    );
    expect(sig(fs)).toEqual(["summary_row_cap error"]);
    expect(fs[0]).toMatchObject({ actual: 7, threshold: 6 });
  });

  it("深圳市 2024 with 3 rows is over the 计划单列市 cap of 2", () => {
    const fs = evaluateHuizong(
      { rows: SHENZHEN_ROWS },
      { batch: batchParams(2024), authority: shenzhen }
    );
    expect(sig(fs)).toEqual(["summary_row_cap error"]);
    expect(fs[0]).toMatchObject({ actual: 3, threshold: 2 });
  });

  it("a 151-character 集群简介 is an error; 150 passes", () => {
    const rows = guizhouRows(2);
    const at = (n: number) => [{ ...rows[0], intro: "集".repeat(n) }, rows[1] ?? {}];
    const batch = batchParams(2023);
    expect(sig(evaluateHuizong({ rows: at(150) }, { batch, authority: guizhou }))).toEqual([]);
    const fs = evaluateHuizong({ rows: at(151) }, { batch, authority: guizhou });
    expect(sig(fs)).toEqual(["text_limit error row1"]);
    expect(fs[0]).toMatchObject({ actual: 151, threshold: 150, fieldId: "hz_intro" });
  });

  it.each([
    [2023, "warning"],
    [2024, "warning"],
    [2022, "error"],
  ] as const)("two rows with 主导产业 「装备制造」 in %i: %s", (year, severity) => {
    const rows = [
      ...guizhouRows(2),
      { ...guizhouRows(7)[6], seq: 3 },
      {
        ...guizhouRows(7)[6],
        seq: 4,
        name: "贵州省另一县装备制造业产业集群",
        industry: "装备制造业",
      },
    ];
    const fs = evaluateHuizong({ rows }, { batch: batchParams(year), authority: guizhou });
    expect(sig(fs)).toEqual([`duplicate_industry ${severity} row4`]);
    expect(fs[0]?.detail).toEqual({ otherRow: 3 });
  });

  it("empty required cells and a name that is not 「…产业集群」 are reported per row", () => {
    const rows = [{ ...guizhouRows(1)[0], operator: "", name: "贵州省某县白酒" }];
    const fs = evaluateHuizong({ rows }, { batch: batchParams(2023), authority: guizhou });
    expect(sig(fs).sort()).toEqual(["name_pattern warning row1", "required error row1"]);
  });

  it("blank rows do not count against the cap; an unknown authority is an error", () => {
    const rows = [...guizhouRows(6), {}, { seq: 8 }];
    expect(evaluateHuizong({ rows }, { batch: batchParams(2023), authority: guizhou })).toEqual([]);
    expect(sig(evaluateHuizong({ rows }, { batch: batchParams(2023) }))).toEqual([
      "summary_authority_unknown error",
    ]);
  });
});
