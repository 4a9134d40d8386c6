/** 推荐汇总表 (provincial recommendation summary), 附件1 of the 2022 notice. */

/** The mark the notice prints at the top left, above the title. */
export const HUIZONG_ATTACHMENT = "附件1";

export const huizongTitle = (batchYear: number): string =>
  `${batchYear}年度中小企业特色产业集群推荐汇总表`;
export const HUIZONG_SEAL_LINE = "省级中小企业主管部门:(盖章)";
export const HUIZONG_CONTACT_LINE = "联系人和手机:";

export interface HuizongColumn {
  readonly id: "seq" | "name" | "operator" | "location" | "industry" | "founded" | "intro";
  readonly label: string;
  readonly limit?: number;
  readonly required: boolean;
}

export const HUIZONG_COLUMNS: readonly HuizongColumn[] = [
  { id: "seq", label: "序号", required: false },
  { id: "name", label: "集群名称", required: true },
  { id: "operator", label: "集群运营管理机构", required: true },
  { id: "location", label: "所在省、市、县(区)", required: true },
  { id: "industry", label: "主导产业", required: true },
  { id: "founded", label: "集群成立时间", required: true },
  { id: "intro", label: "集群简介(150字以内)", limit: 150, required: true },
];

export type HuizongColumnId = HuizongColumn["id"];
