/**
 * 申报表 (application form), 附件2 of the 2022 notice: the cover and all nine sections, field by
 * field, and the texts the printed form shows around them.
 * Stable ids in English snake_case; labels verbatim from the official form.
 */
import type { FieldSpec, FormSpec, OutlineHeading, SectionSpec } from "./types";

/** The notice's attachment number, printed at the top of the form's first page. */
export const SHENBAO_ATTACHMENT = "附件2";
export const SHENBAO_TITLE = "中小企业特色产业集群申报表";
export const SHENBAO_FOOTER = "工业和信息化部 制";
/** Heading of the instructions page; its body is not published, so the template leaves it out. */
export const SHENBAO_INSTRUCTIONS_HEADING = "填报说明";

/** The official pattern for a cluster's name. */
export const NAME_PATTERN = "中小企业特色产业集群(XX产业)";
const NAME_HINT = `(${NAME_PATTERN})`;

/** Printed under every tick list of the form (eleven times): ticking needs 佐证材料. */
export const EVIDENCE_NOTE = "(注:勾选需提供佐证材料)";
/** Printed with a 是/否 whose 是 needs 佐证材料 (产业链图谱, 碳排放监测机制). */
export const EVIDENCE_IF_YES = "(如涉及,需提供佐证材料)";
/** Header of the standards grid's level column (国际, 国家, 行业, 团体). */
export const STANDARD_CATEGORY = "类别";
/** The printed lines of a 名称及数量 row: 「数量: 个」 over 「名称:」. */
export const COUNT_NAMES_LINES = { count: "数量:", names: "名称:" } as const;

/** The cover page's printed lines, verbatim (values go beside them). */
export const COVER_LINES = {
  name: "集群名称:",
  nameHint: NAME_HINT,
  region: "所属地区: 省(区、市) 市(区) 县(市、区)",
  deptSeal: "县(市、区)中小企业主管部门(盖章):",
  operator: "集群运营管理机构:",
  declaredOn: "申报时间:",
  contact: "联系人及联系电话:",
} as const;

export const SHENBAO_SECTIONS: readonly SectionSpec[] = [
  { id: "cover", title: "封面" },
  { id: "s1", title: "一、基本情况" },
  { id: "s2", title: "二、主导产业情况", yearHeader: "主导产业情况(近三年)" },
  { id: "s3", title: "三、创新能力情况", yearHeader: "年度" },
  { id: "s4", title: "四、数字化升级情况" },
  { id: "s5", title: "五、绿色化转型情况" },
  { id: "s6", title: "六、开放合作情况" },
  { id: "s7", title: "七、治理和服务水平" },
  { id: "s8", title: "八、未来三年中小企业特色产业集群发展规划(3000字以内)" },
  { id: "s9", title: "九、真实性声明及推荐意见" },
];

export const YESNO = ["是", "否"] as const;
export const YESNO_NA = ["是", "否", "不涉及"] as const;
/** 不适用 is accepted wherever 不涉及 is (the official texts use both). */
export const NA_SYNONYMS = ["不涉及", "不适用"] as const;
export const ABOVE_AVERAGE = ["是", "否", "非工业集群,不适用"] as const;
export const INDUSTRY_TYPES = ["第一产业", "第二产业", "第三产业"] as const;
export const STANDARD_LEVELS = ["国际", "国家", "行业", "团体"] as const;
export const STANDARD_ROLES = ["主持数量", "参与数量"] as const;

const ABOVE_AVERAGE_LABEL = "是否高于行业平均水平";

const cover: FieldSpec[] = [
  {
    id: "cover_name",
    section: "cover",
    label: "集群名称",
    kind: "text",
    hint: NAME_HINT,
  },
  { id: "province", section: "cover", label: "省(区、市)", kind: "text", group: "所属地区" },
  { id: "city", section: "cover", label: "市(区)", kind: "text", group: "所属地区" },
  { id: "county", section: "cover", label: "县(市、区)", kind: "text", group: "所属地区" },
  {
    id: "cover_dept_seal",
    section: "cover",
    label: "县(市、区)中小企业主管部门(盖章)",
    kind: "seal",
    optional: true,
  },
  { id: "cover_operator", section: "cover", label: "集群运营管理机构", kind: "text" },
  { id: "declared_on", section: "cover", label: "申报时间", kind: "date" },
  { id: "cover_contact", section: "cover", label: "联系人及联系电话", kind: "text" },
];

const s1: FieldSpec[] = [
  {
    id: "name",
    section: "s1",
    label: "集群名称",
    printedLabel: "集群名称:",
    hint: NAME_HINT,
    kind: "text",
  },
  { id: "county_dept", section: "s1", label: "县(市、区)中小企业主管部门", kind: "text" },
  {
    id: "county_dept_contact",
    section: "s1",
    label: "联系人",
    kind: "text",
    group: "县(市、区)中小企业主管部门",
  },
  {
    id: "county_dept_phone",
    section: "s1",
    label: "联系方式",
    kind: "text",
    group: "县(市、区)中小企业主管部门",
    inline: true,
  },
  { id: "operator", section: "s1", label: "集群运营管理机构", kind: "text" },
  {
    id: "operator_contact",
    section: "s1",
    label: "联系人",
    kind: "text",
    group: "集群运营管理机构",
  },
  {
    id: "operator_phone",
    section: "s1",
    label: "联系方式",
    kind: "text",
    group: "集群运营管理机构",
    inline: true,
  },
  { id: "area", section: "s1", label: "集群占地面积(平方公里)", kind: "num", unit: "平方公里" },
  {
    id: "industry_type",
    section: "s1",
    label: "主导产业所属产业类型",
    kind: "radio",
    options: INDUSTRY_TYPES,
  },
  {
    id: "gate_not_prohibited",
    section: "s1",
    label: "集群主导产业不属于国家规定的禁止、限制和淘汰类产业",
    kind: "yesno",
  },
  {
    id: "gate_no_incident",
    section: "s1",
    label: "近三年未发生较大及以上安全、质量、环境污染等事故,重大及以上网络安全事件和数据安全事件",
    kind: "yesno",
  },
  {
    id: "gate_no_tax_evasion",
    section: "s1",
    label: "不存在偷税漏税、违法违规、严重失信和其他重大问题的行为",
    kind: "yesno",
  },
  {
    id: "energy_efficiency",
    section: "s1",
    label: "属于高耗能行业的集群,能效水平高于行业基准值",
    kind: "yesnoNA",
  },
  {
    id: "water_efficiency",
    section: "s1",
    label: "属于高用水行业的集群,水效水平高于行业基准值",
    kind: "yesnoNA",
  },
  {
    id: "provincial_recognition",
    section: "s1",
    label: "获得省级中小企业特色产业集群",
    kind: "yesno",
  },
];

const memo200 = (
  id: string,
  section: FieldSpec["section"],
  label: string,
  extra: Partial<FieldSpec> = {}
): FieldSpec => ({
  id,
  section,
  label,
  kind: "memo",
  limit: 200,
  ...extra,
});

const multi = (
  id: string,
  section: FieldSpec["section"],
  label: string,
  options: readonly string[]
): FieldSpec => ({
  id,
  section,
  label,
  kind: "multi",
  options,
  evidence: "perOption",
  optional: true,
});

const s2: FieldSpec[] = [
  {
    id: "output_total",
    section: "s2",
    label: "集群总产值(亿元)",
    kind: "num",
    unit: "亿元",
    years: "data",
  },
  {
    id: "sme_output_share",
    section: "s2",
    label: "集群内中小企业产值占集群总产值比例(%)",
    kind: "pct",
    years: "data",
  },
  {
    id: "lead_output_share",
    section: "s2",
    label: "集群主导产业产值占集群总产值比例(%)",
    kind: "pct",
    years: "data",
  },
  {
    id: "lead_output_growth",
    section: "s2",
    label: "集群主导产业产值增速(%)",
    kind: "pct",
    years: "data",
    rate: true,
  },
  {
    id: "lead_output_cagr",
    section: "s2",
    label: "近三年主导产业产值年均增速(%)",
    kind: "pct",
    rate: true,
  },
  { id: "firms", section: "s2", label: "集群企业数量", kind: "count", years: "data" },
  { id: "smes", section: "s2", label: "其中:集群中小企业数量", kind: "count", years: "data" },
  { id: "zjtx_smes", section: "s2", label: "专精特新中小企业数量", kind: "count", years: "data" },
  {
    id: "little_giants",
    section: "s2",
    label: "专精特新“小巨人”企业数量",
    kind: "count",
    years: "data",
  },
  { id: "champions", section: "s2", label: "制造业单项冠军企业数量", kind: "count", years: "data" },
  {
    id: "hitech_innovative",
    section: "s2",
    label: "国家级高新技术企业和创新型中小企业数量",
    kind: "count",
    years: "data",
  },
  {
    id: "chain_map",
    section: "s2",
    label: "集群是否绘制产业链图谱",
    kind: "yesno",
    evidence: "ifYes",
    after: EVIDENCE_IF_YES,
  },
  memo200("chain_cultivation", "s2", "集群产业链培育和招商情况(200字以内)"),
  memo200("supply_chain_risk", "s2", "集群供应链风险评估情况(200字以内)"),
  memo200("resource_sharing", "s2", "集群制造资源共享情况(200字以内)"),
  multi("resource_sharing_work", "s2", "集群已开展的制造资源共享工作", [
    "建有产业链上下游产供销一体化协同协作机制",
    "建立了共享制造机制,开展通用生产设备、物流、仓储、人力、设计等资源共享",
    "开展了同类设备和产品的集中采销",
    "建立了共享车间、共享工厂",
  ]),
  memo200(
    "collaboration",
    "s2",
    "集群协同发展情况(与先进制造业集群、国家新型工业化产业示范基地或龙头企业合作情况,200字以内)"
  ),
  memo200("quality_brand", "s2", "集群质量品牌建设情况(200字以内)"),
  multi("quality_brand_work", "s2", "集群已开展的质量品牌建设工作", [
    "开展了先进质量管理模式推广、品牌管理标准宣贯、质量诊断服务等工作",
    "获得了集体商标、地理标志产品批准认证或证明商标通过注册",
    "建立了品牌运营机制",
    "依托质量技术基础公共服务平台,提供计量、测试、认证等服务",
  ]),
];

const PLATFORMS_GROUP = "创新平台建设情况";

const s3: FieldSpec[] = [
  {
    id: "rd_intensity",
    section: "s3",
    label: "集群中小企业近三年研发投入强度(%)",
    kind: "pct",
    years: "data",
  },
  {
    id: "rd_growth",
    section: "s3",
    label: "集群近三年研发经费增速(%)",
    kind: "pct",
    years: "data",
    rate: true,
  },
  {
    id: "standards",
    section: "s3",
    label: "集群中小企业近三年主持(起草单位排名前三位)或参与制修订标准数量情况(需提供清单)",
    kind: "countGrid",
    years: "data",
    gridRows: STANDARD_LEVELS,
    gridCols: STANDARD_ROLES,
    evidence: "always",
  },
  {
    id: "platforms_national",
    section: "s3",
    group: PLATFORMS_GROUP,
    label: "国家制造业创新中心或国家级创新平台名称及数量",
    kind: "countNames",
    unit: "个",
  },
  {
    id: "platforms_provincial",
    section: "s3",
    group: PLATFORMS_GROUP,
    label: "省级制造业创新中心或省级创新平台名称及数量",
    kind: "countNames",
    unit: "个",
  },
  {
    id: "platforms_other",
    section: "s3",
    group: PLATFORMS_GROUP,
    label: "其他平台名称及数量",
    kind: "countNames",
    unit: "个",
  },
  {
    id: "employees",
    section: "s3",
    label: "集群内中小企业从业人员数量",
    kind: "count",
    unit: "人",
  },
  { id: "rd_staff_share", section: "s3", label: "集群内研发人员占从业人员比例(%)", kind: "pct" },
  {
    id: "patent_growth",
    section: "s3",
    label: "集群有效发明专利年均增速(%)",
    kind: "pct",
    rate: true,
  },
  {
    id: "patents_per_10k",
    section: "s3",
    label: "集群每万人有效发明专利拥有量",
    kind: "num",
    unit: "件/万人",
  },
  {
    id: "patents",
    section: "s3",
    label:
      "集群内中小企业有效发明专利拥有量(包括发明专利、国防专利、植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计专有权等)",
    kind: "count",
    unit: "个",
    evidence: "always",
    after: "个\n(需提供清单)",
  },
  memo200("co_innovation", "s3", "协同创新总体情况(200字以内)"),
  multi("co_innovation_work", "s3", "集群已开展的协同创新工作", [
    "绘制了集群主导产业技术路线图",
    "形成了集群技术难点清单或创新项目库",
    "建立了“揭榜挂帅”、“赛马”或众创众包等激励机制",
    "联合集群上下游企业,组建了创新联合体,并开展了产业链联合攻关",
    "集群引入了高等院校、科研院所开展核心和关键共性技术产学研协同创新",
  ]),
];

const s4: FieldSpec[] = [
  { id: "cloud_rate", section: "s4", label: "企业上云比例(%)", kind: "pct" },
  { id: "iiot_rate", section: "s4", label: "集群工业互联网平台应用普及率(%)", kind: "pct" },
  { id: "software_rising", section: "s4", label: "工业软件应用率稳步提升", kind: "yesno" },
  {
    id: "software_spend",
    section: "s4",
    label: "工业软件采购金额(万元)",
    kind: "num",
    unit: "万元",
    years: "data",
  },
  memo200("digital_service", "s4", "数字化服务总体情况(200字以内)"),
  multi("digital_service_work", "s4", "集群已开展的数字化服务工作", [
    "引入了数字化系统解决方案服务商",
    "开展了数字化共性解决方案开发和诊断等服务",
    "开展了两化融合管理体系推广工作",
    "开展了智能制造能力成熟度评估或数据管理能力成熟度评估等推广工作",
  ]),
  memo200(
    "new_models",
    "s4",
    "智能制造、工业互联网以及其它新模式新业态试点示范建设或应用情况(200字以内)",
    {
      group: "数字化新模式新业态推广情况",
    }
  ),
  {
    ...multi("new_models_work", "s4", "集群已开展的数字化新模式新业态推广工作", [
      "建有国家智能制造、工业互联网以及其它国家新模式新业态试点示范项目",
      "建有省级智能制造、工业互联网以及其它国家新模式新业态试点示范项目",
      "开展了智能制造、工业互联网等新模式新业态创新应用推广",
    ]),
    group: "数字化新模式新业态推广情况",
    printedLabel: "集群已开展的数字化新模式新业态推广工作:",
  },
];

const s5: FieldSpec[] = [
  {
    id: "carbon_monitoring",
    section: "s5",
    label: "建立了集群碳排放监测机制",
    kind: "yesno",
    evidence: "ifYes",
    after: EVIDENCE_IF_YES,
  },
  {
    id: "co2_intensity",
    section: "s5",
    label: "近三年单位产值二氧化碳排放量(吨二氧化碳/万元)",
    kind: "num",
    unit: "吨二氧化碳/万元",
    years: "data",
    note: "(注:单位产值二氧化碳排放量需提供计算公式)",
  },
  memo200("carbon_work", "s5", "开展碳达峰碳中和相关宣传、监测等工作情况(200字以内)", {
    evidence: "always",
    note: "(需提供相关佐证材料)",
  }),
  {
    id: "energy_intensity_drop",
    section: "s5",
    label: "近三年单位工业产值能耗降低率(%)",
    kind: "pct",
    rate: true,
  },
  { id: "solid_waste_rate", section: "s5", label: "大宗工业固废综合利用率(%)", kind: "pct" },
  {
    id: "solid_waste_above_avg",
    section: "s5",
    label: ABOVE_AVERAGE_LABEL,
    kind: "radio",
    options: ABOVE_AVERAGE,
  },
  { id: "water_reuse_rate", section: "s5", label: "工业用水重复利用率(%)", kind: "pct" },
  {
    id: "water_reuse_above_avg",
    section: "s5",
    label: ABOVE_AVERAGE_LABEL,
    kind: "radio",
    options: ABOVE_AVERAGE,
  },
  memo200("resource_use", "s5", "能源和资源综合利用工作情况(200字以内)"),
  multi("resource_use_work", "s5", "集群已开展的能源和资源综合利用工作", [
    "余热余压集中回收",
    "水资源梯级循环利用",
    "工业废弃物分类分级利用",
  ]),
  memo200("green_service", "s5", "绿色低碳公共服务总体情况(200字以内)"),
  multi("green_service_capability", "s5", "集群已具备绿色低碳公共服务能力", [
    "绿色制造系统解决方案",
    "节能诊断与服务",
    "清洁生产水平评价",
    "节能系统建设运营",
    "碳排放、碳足迹核算",
  ]),
];

const s6: FieldSpec[] = [
  memo200("intl_overview", "s6", "集群国际合作交流总体情况(200字以内)"),
  multi("intl_activities", "s6", "集群已开展的国际合作交流活动", [
    "建立或参与主导产业国际合作机制",
    "与境外产业园区形成较为稳定的合作关系",
    "引进了国际领先技术、先进管理经验或高端人才团队等",
    "参加中国国际中小企业博览会等展会类活动",
    "承办主导产业国际研讨会或技术交流会",
  ]),
  {
    id: "overseas_branches",
    section: "s6",
    label: "集群或集群内企业在境外设立分支机构数量",
    kind: "count",
    unit: "个",
    evidence: "always",
    after: "个\n(需提供相关佐证材料)",
  },
  {
    id: "export_growth",
    section: "s6",
    label: "近三年集群主导产品出口贸易额增长率(%)",
    kind: "pct",
    years: "data",
    rate: true,
  },
  {
    id: "fdi_growth",
    section: "s6",
    label: "近三年集群外商直接投资额增长率(%)",
    kind: "pct",
    years: "data",
    rate: true,
  },
];

const s7: FieldSpec[] = [
  memo200("governance", "s7", "治理和服务水平情况(200字以内)"),
  {
    ...multi("service_platforms", "s7", "集群已建设的中小企业公共服务平台", [
      "建设或引入国家中小企业公共服务示范平台",
      "建设或引入省级中小企业公共服务示范平台",
      "建立了中小企业公共服务平台",
    ]),
    group: "中小企业公共服务平台建设情况",
    printedLabel: "集群已建设的中小企业公共服务平台:",
  },
  {
    ...multi("public_services", "s7", "集群已提供的中小企业公共服务", [
      "信息服务",
      "创业辅导",
      "创新支持",
      "人员培训",
      "市场营销",
      "投融资服务",
      "管理咨询",
    ]),
    group: "集群提供中小企业公共服务情况",
    printedLabel: "集群已提供的中小企业公共服务:",
  },
  {
    ...multi("governance_work", "s7", "集群开展的治理工作", [
      "建立了专业化发展促进机构、开展共商共建共享",
      "建立了中小企业合法权益保护机制",
      "建立了公共服务效果考核机制",
    ]),
    group: "集群治理情况",
    printedLabel: "集群开展的治理工作:",
  },
];

/** The 备注 of section 八: the target-year values must meet a–g (2022 wording). */
export const PLAN_TARGETS_NOTE = (targetYear: number): string =>
  `${targetYear}年目标值须符合以下要求`;
/** Targets a–g as rules name them; the printed 备注 sets a space after each letter (「a. 产值…」). */
export const PLAN_TARGETS: readonly string[] = [
  "a.产值年均增速不低于10%",
  "b.优质中小企业数量逐年增加",
  "c.研发经费年均增速不低于10%",
  "d.有效发明专利数年均增长不低于15%",
  "e.工业互联网普及率达到45%左右",
  "f.二氧化碳排放量降低达到18%左右",
  "g.集群单位工业产值能耗下降达到13.5%左右",
];

/**
 * The 备注 under 1.三年总体目标 as printed, one line per target: the official text reads
 * 「(备注:基准值须符合中小企业特色产业集群认定标准,2024年目标值须符合以下要求: a. 产值年均增速不低于10%
 * b. … g. 集群单位工业产值能耗下降达到13.5%左右)」, the year being the batch's target year.
 */
export const planTargetsRemark = (targetYear: number): string[] => {
  const targets = PLAN_TARGETS.map((t) => t.replace(/^([a-g])\./u, "$1. "));
  targets[targets.length - 1] += ")";
  return [
    `(备注:基准值须符合中小企业特色产业集群认定标准,${PLAN_TARGETS_NOTE(targetYear)}:`,
    ...targets,
  ];
};

/** Value ids of the plan's cells, one per heading the writer fills, in outline order. */
export const PLAN_PARTS = [
  "plan_text",
  "plan_text_results",
  "plan_text_problems",
  "plan_text_approach",
  "plan_text_goals",
  "plan_text_stage1",
  "plan_text_stage2",
  "plan_text_stage3",
  "plan_text_tasks",
  "plan_text_measures",
] as const;

/**
 * The prescribed outline of the development plan (section 八) as the official cell prints it,
 * headings with their guidance (「*策」 of the published file is 政策), and where the writer's
 * text goes. The plan years and the target year are the batch's. Room per heading adds up to a
 * little over the 3000 characters, weighted as the guidance asks for most (成效, 重点任务).
 */
export function planOutline(
  planYears: readonly number[],
  targetYear: number
): readonly OutlineHeading[] {
  const [p1, p2, p3] = PLAN_PARTS.slice(5) as [string, string, string];
  return [
    {
      heading: "一、集群基本情况简介",
      guidance: [
        "包括总体情况、主导产业、产业集群相关政策制定与实施情况、优质主体培育、品牌打造、产业链供应链建设等方面近三年来发展情况、在行业中所处的地位等。",
      ],
      part: "plan_text",
      room: 400,
    },
    {
      heading: "二、发展成效",
      guidance: [
        "包括提升集群主导产业优势、激发集群创新活力、推进集群数字化升级、加快集群绿色低碳转型、深化集群开放合作、提升集群治理和服务能力等方面开展的工作和取得的成绩。",
      ],
      part: "plan_text_results",
      room: 600,
    },
    { heading: "三、存在的问题", part: "plan_text_problems", room: 300 },
    { heading: "四、未来三年中小企业特色产业集群发展规划" },
    { heading: "(一)总体思路", part: "plan_text_approach", room: 300 },
    { heading: "(二)发展目标" },
    {
      heading: "1.三年总体目标",
      guidance: [
        "(集群须围绕主导产业、创新、数字化、绿色化、开放合作、治理和服务等方面设定清晰、可考核的发展目标,鼓励集群根据自身特色增加考核指标,不局限于以上方面)",
        planTargetsRemark(targetYear).join("\n"),
      ],
      part: "plan_text_goals",
      room: 300,
    },
    { heading: "2.阶段性目标" },
    ...[p1, p2, p3].map((part, i) => ({
      heading: `(${i + 1})${planYears[i] ?? ""}年度`,
      part,
      room: 150,
    })),
    { heading: "(三)重点任务", part: "plan_text_tasks", room: 500 },
    { heading: "(四)保障措施", part: "plan_text_measures", room: 300 },
  ];
}

/** The add-in's optional helper table; clearly not part of the official form. */
export const PLAN_HELPER_TITLE = "发展目标测算";
export const PLAN_HELPER_HEADERS = {
  indicator: "指标",
  base: "基准值",
  change: "年均增速 / 降低幅度",
} as const;

const plan = (id: string, label: string, unit: string): FieldSpec => ({
  id,
  section: "s8",
  label,
  kind: "num",
  unit,
  years: "plan",
  helper: true,
  optional: true,
});

const s8: FieldSpec[] = [
  {
    id: "plan_text",
    section: "s8",
    label: "未来三年中小企业特色产业集群发展规划(3000字以内)",
    kind: "memo",
    limit: 3000,
    parts: PLAN_PARTS,
  },
  plan("plan_output", "集群总产值(亿元)", "亿元"),
  plan("plan_quality_smes", "优质中小企业数量(家)", "家"),
  plan("plan_rd_spend", "研发经费(万元)", "万元"),
  plan("plan_patents", "有效发明专利数(件)", "件"),
  plan("plan_iiot_rate", "工业互联网平台应用普及率(%)", "%"),
  plan("plan_co2_intensity", "单位产值二氧化碳排放量(吨二氧化碳/万元)", "吨二氧化碳/万元"),
  plan("plan_energy_intensity", "单位工业产值能耗(吨标准煤/万元)", "吨标准煤/万元"),
];

export const DECLARATION_TITLE = "真实性声明";
export const DECLARATION_TEXT =
  "本单位承诺此次申报中小企业特色产业集群的申请材料(包括附件资料)真实、合法。如有不实之处,本单位愿意负相应法律责任,并承担由此产生的一切后果。";
export const RECOMMENDATION_TITLE = "省级中小企业主管部门推荐意见";
export const DATE_LINE = "年 月 日";

const s9: FieldSpec[] = [
  {
    id: "declarant_signature",
    section: "s9",
    label: "单位负责人(签字):",
    kind: "seal",
    optional: true,
  },
  {
    id: "county_seal",
    section: "s9",
    label: "县(市、区)中小企业主管部门(公章):",
    kind: "seal",
    optional: true,
  },
  {
    id: "provincial_opinion",
    section: "s9",
    label: RECOMMENDATION_TITLE,
    kind: "memo",
    optional: true,
  },
  { id: "provincial_seal", section: "s9", label: "推荐单位(公章):", kind: "seal", optional: true },
];

export const SHENBAO: FormSpec = {
  id: "shenbao",
  title: SHENBAO_TITLE,
  sections: SHENBAO_SECTIONS,
  fields: [...cover, ...s1, ...s2, ...s3, ...s4, ...s5, ...s6, ...s7, ...s8, ...s9],
};
