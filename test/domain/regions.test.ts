import { AUTHORITIES, findAuthority, recommendingAuthority, regionOf } from "../../src/domain";

describe("recommending authorities", () => {
  it("31 province-level units, 5 计划单列市 and 兵团: 37", () => {
    expect(AUTHORITIES).toHaveLength(37);
    expect(AUTHORITIES.filter((a) => a.kind === "province")).toHaveLength(31);
    expect(AUTHORITIES.filter((a) => a.kind === "city").map((a) => a.name)).toEqual([
      "大连市",
      "青岛市",
      "宁波市",
      "厦门市",
      "深圳市",
    ]);
    expect(AUTHORITIES.filter((a) => a.kind === "corps").map((a) => a.name)).toEqual([
      "新疆生产建设兵团",
    ]);
  });
  it("regions: 10 east, 6 central, 12 west, 3 northeast among the provinces", () => {
    const provinces = AUTHORITIES.filter((a) => a.kind === "province");
    const count = (r: string): number => provinces.filter((a) => a.region === r).length;
    expect([count("east"), count("central"), count("west"), count("northeast")]).toEqual([
      10, 6, 12, 3,
    ]);
  });
  it.each<[string, string | undefined]>([
    ["贵州省", "west"],
    ["贵州", "west"],
    ["兵团", "west"],
    ["深圳", "east"],
    ["大连市", "northeast"],
    [" 河 南 省 ", "central"],
    ["火星省", undefined],
  ])("%p → %p", (name, region) => {
    expect(regionOf(name)).toBe(region);
  });
  it("a 计划单列市 recommends its own clusters", () => {
    expect(recommendingAuthority("广东省", "深圳市")?.name).toBe("深圳市");
    expect(recommendingAuthority("广东省", "中山市")?.name).toBe("广东省");
    expect(findAuthority(null)).toBeUndefined();
  });
});
