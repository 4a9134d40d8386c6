/**
 * The @customfunction wrappers: values pass through, ExcelError values become the runtime's
 * CustomFunctions.Error, thrown (Excel shows a thrown error in the cell), with the message only
 * where Excel can show one (#VALUE!, #N/A).
 */
import {
  avgGrowthPct,
  clusterCagr,
  dataYears,
  meetsStandard,
  patentsPer10k,
  review,
  standardStatus,
} from "../../src/functions/functions";
import { installCustomFunctionsStub, StubError } from "./customFunctionsStub";

// The wrappers touch the runtime only when called, so installing it before the tests suffices.
beforeAll(installCustomFunctionsStub);

function thrown(f: () => unknown): StubError {
  try {
    f();
  } catch (e) {
    if (e instanceof StubError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("SME.* wrappers", () => {
  it("=SME.CLUSTER_CAGR({100,110,121}) = 0.1 within 1e-12; a column works like a row", () => {
    expect(Math.abs(clusterCagr([[100, 110, 121]]) - 0.1)).toBeLessThan(1e-12);
    expect(clusterCagr([[100], [110], [121]])).toBeCloseTo(0.1, 12);
    expect(clusterCagr([[100, 121]], 2)).toBeCloseTo(0.1, 12);
  });

  it.each<[unknown[][], unknown, string, boolean]>([
    [[[0, 110, 121]], undefined, "#NUM!", false],
    [[[100, -121]], undefined, "#NUM!", false],
    [[[100, 121]], 0, "#NUM!", false],
    [[["", ""]], undefined, "#VALUE!", true],
    [[["甲", 121]], undefined, "#VALUE!", true],
  ])("CLUSTER_CAGR(%p, %p) throws %s (message: %p)", (values, periods, code, hasMessage) => {
    const e = thrown(() => clusterCagr(values, periods));
    expect(e.code).toBe(code);
    expect(e.message !== undefined).toBe(hasMessage);
  });

  it("=SME.MEETS_STANDARD: 70 is not above 70, 70.01 is; unknown rules are #N/A naming the ids", () => {
    expect(meetsStandard("lead_industry_share_gt_70", [[70]])).toBe(false);
    expect(meetsStandard("lead_industry_share_gt_70", [[70.01]])).toBe(true);
    const e = thrown(() => meetsStandard("no_such_rule", [[1]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("lead_industry_share_gt_70");
  });

  it("a western miss of a hard rule is relaxed, and the status says so", () => {
    expect(meetsStandard("output_each_year_min_40", [[32, 36, 41]], 2022, "甘肃省")).toBe(true);
    expect(standardStatus("output_each_year_min_40", [[32, 36, 41]], 2022, "甘肃省")).toBe(
      "西部地区可适当放宽"
    );
    expect(meetsStandard("output_each_year_min_40", [[32, 36, 41]], 2022, "浙江省")).toBe(false);
  });

  it("the other wrappers pass values and spills through", () => {
    expect(avgGrowthPct([[10, 10, 10]])).toBeCloseTo(10, 12);
    expect(patentsPer10k(19, 38000)).toBeCloseTo(5, 12);
    expect(dataYears(2024)).toEqual([[2021, 2022, 2023]]);
    expect(thrown(() => patentsPer10k(1, 0)).code).toBe("#DIV/0!");
    expect(thrown(() => review([["x"]])).code).toBe("#VALUE!");
  });
});
