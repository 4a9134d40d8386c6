/**
 * Example clusters A–F: fictional names, invented numbers, for tests, training and
 * demos. All are 2022-batch forms (data years 2019–2021). Fields an example does not give take
 * values that pass every rule, so each example produces exactly the findings its comment below
 * names (test/domain/examples.test.ts holds them to it).
 */
import { SHENBAO, STANDARD_LEVELS, STANDARD_ROLES } from "./forms";
import type { HuizongRow } from "./rules";
import { EXAMPLE_LIST, type ExampleKey } from "./exampleList";
import type { CellValue, FormValues } from "./values";

export type { ExampleKey };

type Values = Record<string, CellValue | CellValue[]>;

const memo = (topic: string): string => `${topic}情况良好,相关工作按计划推进。`;

const unticked = (id: string): CellValue[] =>
  (SHENBAO.fields.find((f) => f.id === id)?.options ?? []).map(() => "否");

/** A complete 申报表 that passes every rule: the base of every example. */
function passingBase(name: string, province: string, county: string): Values {
  const multis = Object.fromEntries(
    SHENBAO.fields.filter((f) => f.kind === "multi").map((f) => [f.id, unticked(f.id)])
  );
  const memos = Object.fromEntries(
    SHENBAO.fields
      .filter((f) => f.kind === "memo" && !f.optional)
      .map((f) => [f.id, memo(f.label.replace(/\(.*$/u, ""))])
  );
  return {
    ...memos,
    ...multis,
    cover_name: name,
    province,
    city: "示例市",
    county,
    cover_operator: `${county}产业集群发展促进中心`,
    declared_on: "2022-06-30",
    cover_contact: "张三 13800000000",
    name,
    county_dept: `${county}经济和信息化局`,
    county_dept_contact: "李四",
    county_dept_phone: "0571-00000000",
    operator: `${county}产业集群发展促进中心`,
    operator_contact: "王五",
    operator_phone: "13900000000",
    area: 35,
    industry_type: "第二产业",
    gate_not_prohibited: "是",
    gate_no_incident: "是",
    gate_no_tax_evasion: "是",
    energy_efficiency: "不涉及",
    water_efficiency: "不涉及",
    provincial_recognition: "是",
    output_total: [52.0, 58.5, 66.0],
    sme_output_share: [82, 83, 84],
    lead_output_share: [78, 79, 80],
    lead_output_growth: [14.1, 13.94, 14.25],
    lead_output_cagr: 14.1,
    firms: [400, 410, 420],
    smes: [390, 400, 410],
    zjtx_smes: [14, 16, 18],
    little_giants: [1, 2, 2],
    champions: [0, 0, 0],
    hitech_innovative: [30, 33, 35],
    chain_map: "否",
    rd_intensity: [4.2, 4.5, 4.8],
    rd_growth: [12, 14, 11],
    standards: Array.from({ length: STANDARD_LEVELS.length * STANDARD_ROLES.length * 3 }, () => 0),
    platforms_national: [0, null],
    platforms_provincial: [1, "省级智能泵阀创新中心"],
    platforms_other: [0, null],
    employees: 38000,
    rd_staff_share: 12,
    patent_growth: 18,
    patents_per_10k: 110.5,
    patents: 420,
    cloud_rate: 60,
    iiot_rate: 32,
    software_rising: "是",
    software_spend: [800, 900, 1000],
    carbon_monitoring: "否",
    co2_intensity: [0.5, 0.48, 0.45],
    carbon_work: "",
    energy_intensity_drop: 8,
    solid_waste_rate: 85,
    solid_waste_above_avg: "是",
    water_reuse_rate: 90,
    water_reuse_above_avg: "是",
    overseas_branches: 0,
    export_growth: [8, 9, 10],
    fdi_growth: [5, 5, 5],
  };
}

export interface ShenbaoExample {
  readonly key: ExampleKey;
  readonly title: string;
  readonly batchYear: number;
  readonly values: FormValues;
}

/** The listed example `key` (name, place, batch from exampleList.ts) with values over the base. */
function example(key: ExampleKey, over: Values): ShenbaoExample {
  const listed = EXAMPLE_LIST.find((e) => e.key === key);
  if (!listed) throw new Error(`example ${key} is not in EXAMPLE_LIST`);
  const base = passingBase(listed.title, listed.province, listed.county);
  // carbon_work is a required memo; filled here so it stays out of the base's evidence list.
  return {
    key,
    title: listed.title,
    batchYear: listed.batchYear,
    values: { ...base, carbon_work: memo("碳达峰碳中和宣传"), ...over },
  };
}

export const EXAMPLE_A = example("A", {});

export const EXAMPLE_B = example("B", {
  output_total: [40.0, 44.0, 48.4],
  sme_output_share: [70.0, 70.0, 70.0],
  lead_output_share: [70.0, 70.0, 70.0],
  lead_output_growth: [10, 10, 10],
  lead_output_cagr: 10,
  little_giants: [0, 0, 0],
  champions: [0, 0, 0],
  zjtx_smes: [4, 4, 4],
  hitech_innovative: [6, 6, 6],
  rd_growth: [10, 10, 10],
  patent_growth: 15.0,
  patents: 45,
  employees: 30000,
  patents_per_10k: 15.0,
  iiot_rate: 15.0,
  area: 100.0,
});

export const EXAMPLE_C = example("C", {
  output_total: [32, 36, 41],
  sme_output_share: [75, 75, 75],
  lead_output_share: [72, 72, 72],
  iiot_rate: 12,
});

export const EXAMPLE_D = example("D", {
  lead_output_growth: [25, 2, 4],
  lead_output_cagr: 10.5,
});

export const EXAMPLE_E = example("E", {
  output_total: [120, 140, 165],
  energy_efficiency: "否",
  gate_no_incident: "否",
});

/** E as a 2023-batch form that is not yet a provincial cluster: a third gate failure. */
export const EXAMPLE_E_2023: ShenbaoExample = {
  ...EXAMPLE_E,
  batchYear: 2023,
  values: { ...EXAMPLE_E.values, provincial_recognition: "否" },
};

export const SHENBAO_EXAMPLES: readonly ShenbaoExample[] = [
  EXAMPLE_A,
  EXAMPLE_B,
  EXAMPLE_C,
  EXAMPLE_D,
  EXAMPLE_E,
];

/** Real cluster names from the published lists, for demo 汇总表 rows. */
export const DEMO_CLUSTER_NAMES: readonly string[] = [
  "北京市海淀区行业应用软件产业集群",
  "天津市滨海新区车规级芯片产业集群",
  "河北省清河县羊绒及制品产业集群",
  "上海市金山区纤维材料产业集群",
  "福建省晋江市运动鞋原辅材料产业集群",
  "河南省叶县尼龙材料产业集群",
  "新疆生产建设兵团阿拉尔市纺织原料生产及加工产业集群",
  "江苏省溧阳市动力电池产业集群",
  "广东省深圳市南山区智能终端芯片设计产业集群",
  "广东省中山市小榄镇智能锁具产业集群",
];

const GUIZHOU_INDUSTRIES = [
  "白酒酿造",
  "茶叶加工",
  "磷化工",
  "电子信息",
  "中药材加工",
  "新型建材",
  "装备制造",
];

/** F: 汇总表 rows for 贵州省 (n ≤ 7 distinct industries, each row complete). */
export function guizhouRows(n: number): HuizongRow[] {
  return GUIZHOU_INDUSTRIES.slice(0, n).map((industry, i) => ({
    seq: i + 1,
    name: `贵州省示例${i + 1}县${industry}产业集群`,
    operator: `示例${i + 1}县${industry}产业发展服务中心`,
    location: `贵州省示例市示例${i + 1}县`,
    industry,
    founded: 2015 + i,
    intro: `集群以${industry}为主导产业,产业链完整,中小企业活跃。`,
  }));
}

/** F: 深圳市 rows (three is one over its 2024 cap of 2). */
export const SHENZHEN_ROWS: readonly HuizongRow[] = [
  {
    seq: 1,
    name: "广东省深圳市南山区智能终端芯片设计产业集群",
    operator: "南山区集成电路产业促进中心",
    location: "广东省深圳市南山区",
    industry: "芯片设计",
    founded: 2010,
    intro: "芯片设计企业集聚,创新活跃。",
  },
  {
    seq: 2,
    name: "广东省深圳市宝安区智能装备产业集群",
    operator: "宝安区智能装备产业联盟",
    location: "广东省深圳市宝安区",
    industry: "智能装备",
    founded: 2012,
    intro: "智能装备整机与零部件配套齐全。",
  },
  {
    seq: 3,
    name: "广东省深圳市龙岗区新型显示产业集群",
    operator: "龙岗区新型显示产业促进会",
    location: "广东省深圳市龙岗区",
    industry: "新型显示",
    founded: 2014,
    intro: "新型显示上下游企业集聚。",
  },
];
