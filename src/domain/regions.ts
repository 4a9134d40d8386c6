/**
 * Regions and recommending authorities: 31 province-level units,
 * 5 计划单列市 and 新疆生产建设兵团 — 37 authorities, each submitting its own 汇总表.
 */
import type { AuthorityKind } from "./batch";

export type RegionId = "east" | "central" | "west" | "northeast";

export interface Authority {
  /** Official full name, as written on forms. */
  readonly name: string;
  readonly kind: AuthorityKind;
  readonly region: RegionId;
  /** For a 计划单列市: the province it lies in. */
  readonly province?: string;
  /** Short forms people type (贵州, 深圳, 兵团). */
  readonly aliases: readonly string[];
}

const PROVINCES: ReadonlyArray<readonly [string, RegionId, string]> = [
  ["北京市", "east", "北京"],
  ["天津市", "east", "天津"],
  ["河北省", "east", "河北"],
  ["上海市", "east", "上海"],
  ["江苏省", "east", "江苏"],
  ["浙江省", "east", "浙江"],
  ["福建省", "east", "福建"],
  ["山东省", "east", "山东"],
  ["广东省", "east", "广东"],
  ["海南省", "east", "海南"],
  ["山西省", "central", "山西"],
  ["安徽省", "central", "安徽"],
  ["江西省", "central", "江西"],
  ["河南省", "central", "河南"],
  ["湖北省", "central", "湖北"],
  ["湖南省", "central", "湖南"],
  ["内蒙古自治区", "west", "内蒙古"],
  ["广西壮族自治区", "west", "广西"],
  ["重庆市", "west", "重庆"],
  ["四川省", "west", "四川"],
  ["贵州省", "west", "贵州"],
  ["云南省", "west", "云南"],
  ["西藏自治区", "west", "西藏"],
  ["陕西省", "west", "陕西"],
  ["甘肃省", "west", "甘肃"],
  ["青海省", "west", "青海"],
  ["宁夏回族自治区", "west", "宁夏"],
  ["新疆维吾尔自治区", "west", "新疆"],
  ["辽宁省", "northeast", "辽宁"],
  ["吉林省", "northeast", "吉林"],
  ["黑龙江省", "northeast", "黑龙江"],
];

const CITIES: ReadonlyArray<readonly [string, string, RegionId, string]> = [
  ["大连市", "辽宁省", "northeast", "大连"],
  ["青岛市", "山东省", "east", "青岛"],
  ["宁波市", "浙江省", "east", "宁波"],
  ["厦门市", "福建省", "east", "厦门"],
  ["深圳市", "广东省", "east", "深圳"],
];

export const AUTHORITIES: readonly Authority[] = [
  ...PROVINCES.map(([name, region, short]): Authority => ({
    name,
    kind: "province",
    region,
    aliases: [short],
  })),
  ...CITIES.map(([name, province, region, short]): Authority => ({
    name,
    kind: "city",
    region,
    province,
    aliases: [short],
  })),
  { name: "新疆生产建设兵团", kind: "corps", region: "west", aliases: ["兵团", "新疆兵团"] },
];

export const REGION_IDS: readonly RegionId[] = ["east", "central", "west", "northeast"];

const BY_NAME = new Map<string, Authority>();
for (const a of AUTHORITIES) {
  BY_NAME.set(a.name, a);
  for (const alias of a.aliases) BY_NAME.set(alias, a);
}

/** Looks an authority up by full name or short form; white space is ignored. */
export function findAuthority(name: string | null | undefined): Authority | undefined {
  if (typeof name !== "string") return undefined;
  return BY_NAME.get(name.replace(/\s+/gu, ""));
}

/**
 * The authority that recommends a cluster located at (province, city): a 计划单列市 recommends
 * its own clusters, so 广东省深圳市 belongs to 深圳市, not 广东省.
 */
export function recommendingAuthority(
  province: string | null | undefined,
  city?: string | null
): Authority | undefined {
  const cityAuthority = findAuthority(city ?? undefined);
  if (cityAuthority?.kind === "city") return cityAuthority;
  return findAuthority(province);
}

export function regionOf(name: string | null | undefined): RegionId | undefined {
  return findAuthority(name)?.region;
}
