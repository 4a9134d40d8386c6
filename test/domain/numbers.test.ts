import {
  batchParams,
  codePointLength,
  compare,
  comparePct,
  InvalidBatchYearError,
  roundTo,
} from "../../src/domain";

describe("roundTo: half away from zero on 15 significant digits, like Excel's ROUND", () => {
  it.each<[number, number, number]>([
    [10.000000000000009, 2, 10],
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [2.675, 2, 2.68],
    [9.8593, 2, 9.86],
    [0.125, 2, 0.13],
    [70, 2, 70],
    [1e308, 2, 1e308],
    [-1e308, 2, -1e308],
    [5e-324, 2, 0],
  ])("ROUND(%p, %p) = %p", (x, d, expected) => {
    expect(roundTo(x, d)).toBe(expected);
  });
});

describe("thresholds read as 民法典 第1259条 says", () => {
  it("以上/不低于 include the number, 高于 excludes it", () => {
    expect(compare(40, ">=", 40)).toBe(true);
    expect(comparePct(70, ">", 70)).toBe(false);
    expect(comparePct(70.01, ">", 70)).toBe(true);
    expect(comparePct(70.004, ">", 70)).toBe(false);
    expect(compare(100, "<=", 100)).toBe(true);
    expect(compare(100.5, "<=", 100)).toBe(false);
    expect(compare(14.99, "<", 15)).toBe(true);
  });
  it("an infinity is level with nothing but itself", () => {
    expect(compare(Infinity, ">", 70)).toBe(true);
    expect(compare(70, ">=", Infinity)).toBe(false);
    expect(compare(-Infinity, "<", 0)).toBe(true);
    expect(compare(Infinity, ">=", Infinity)).toBe(true);
  });
  it("float noise does not decide a level comparison", () => {
    expect(compare(0.1 + 0.2, "<=", 0.3)).toBe(true);
    expect(compare(0.1 + 0.2, ">", 0.3)).toBe(false);
  });
});

describe("codePointLength", () => {
  it.each<[string, number]>([
    ["集群", 2],
    ["  集群\u3000", 2],
    ["𠀀𠀁", 2],
    ["", 0],
    ["abc 中文", 6],
  ])("%p has %p characters", (s, n) => {
    expect(codePointLength(s)).toBe(n);
  });
});

describe("batch parameters", () => {
  it.each<[number, number[], number[], number, number, string, boolean]>([
    [2022, [2019, 2020, 2021], [2022, 2023, 2024], 5, 3, "error", false],
    [2023, [2020, 2021, 2022], [2023, 2024, 2025], 6, 2, "warning", true],
    [2024, [2021, 2022, 2023], [2024, 2025, 2026], 8, 2, "warning", true],
    [2025, [2022, 2023, 2024], [2025, 2026, 2027], 8, 2, "warning", true],
    [2027, [2024, 2025, 2026], [2027, 2028, 2029], 8, 2, "warning", true],
  ])("%i", (year, data, plan, provinceCap, cityCap, dup, provincial) => {
    const b = batchParams(year);
    expect(b.dataYears).toEqual(data);
    expect(b.planYears).toEqual(plan);
    expect(b.targetYear).toBe(plan[2]);
    expect(b.caps).toEqual({ province: provinceCap, city: cityCap, corps: cityCap });
    expect(b.duplicateIndustry).toBe(dup);
    expect(b.requiresProvincialRecognition).toBe(provincial);
  });
  it("everything is overridable", () => {
    expect(batchParams(2026, { caps: { province: 9, city: 3, corps: 3 } }).caps.province).toBe(9);
  });
  it.each([2021, 2022.5, Number.NaN])("%p is not a batch year", (y) => {
    expect(() => batchParams(y)).toThrow(InvalidBatchYearError);
  });
});
