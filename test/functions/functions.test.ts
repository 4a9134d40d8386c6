/**
 * The @customfunction wrappers: values pass through, ExcelError values become the runtime's
 * CustomFunctions.Error, thrown (Excel shows a thrown error in the cell), with the message only
 * where Excel can show one (#VALUE!, #N/A). Error cells come in as Excel passes them
 * (inputError) and only where functions.json lets Excel pass one (excelWouldPass).
 */
import {
  avgGrowthPct,
  clusterCagr,
  dataYears,
  meetsStandard,
  patentsPer10k,
  recommendCap,
  review,
  ruleThreshold,
  standardStatus,
  textLength,
} from "../../src/functions/functions";
import {
  excelWouldPass,
  inputError,
  installCustomFunctionsStub,
  StubError,
} from "./customFunctionsStub";
import { generatedMetadata, type Metadata } from "./generatedMetadata";

let metadata: Metadata;

// The wrappers touch the runtime only when called, so installing it before the tests suffices.
beforeAll(async () => {
  installCustomFunctionsStub();
  metadata = (await generatedMetadata()).metadata;
}, 60_000);

/** The wrapper for Excel id `id`, called as Excel would call it (and only so). */
function viaExcel<A extends unknown[], R>(id: string, fn: (...args: A) => R, ...args: A): R {
  excelWouldPass(metadata, id, args);
  return fn(...args);
}

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

  it("[criteria] applies a built-in pack: 云南's thresholds, no western relaxation, no cap", () => {
    const output = "output_each_year_min_40";
    expect(meetsStandard(output, [[15, 16, 17]])).toBe(false);
    expect(meetsStandard(output, [[15, 16, 17]], 2025, null, "yunnan-provincial")).toBe(true);
    expect(ruleThreshold("sme_output_share_min_70", null, "yunnan-provincial")).toBe(50);
    expect(
      standardStatus("quality_sme_tier", [[0, 0, 1, 1]], 2024, "贵州省", "yunnan-provincial")
    ).toBe("未达标");
    expect(
      thrown(() => ruleThreshold("patents_per_10k_ge_15", null, "yunnan-provincial")).code
    ).toBe("#N/A");
    expect(thrown(() => recommendCap("云南省", 2024, "yunnan-provincial")).code).toBe("#N/A");
    expect(thrown(() => ruleThreshold(output, 2024, "national-2025")).code).toBe("#VALUE!");
    const unknown = thrown(() =>
      viaExcel("MEETS_STANDARD", meetsStandard, output, [[1]], null, null, "no-such-pack")
    );
    expect(unknown.code).toBe("#VALUE!");
    const div0 = inputError("#DIV/0!");
    expect(thrown(() => viaExcel("RULE_THRESHOLD", ruleThreshold, output, null, div0)).code).toBe(
      "#DIV/0!"
    );
  });

  it("the other wrappers pass values and spills through", () => {
    expect(avgGrowthPct([[10, 10, 10]])).toBeCloseTo(10, 12);
    expect(patentsPer10k(19, 38000)).toBeCloseTo(5, 12);
    expect(dataYears(2024)).toEqual([[2021, 2022, 2023]]);
    expect(thrown(() => patentsPer10k(1, 0)).code).toBe("#DIV/0!");
    expect(thrown(() => review([["x"]])).code).toBe("#VALUE!");
  });

  it("an error cell reaches them as Excel passes it: skipped, propagated or reviewed", () => {
    const div0 = inputError("#DIV/0!");
    // RRI reads only the first and last years: an error between them is skipped.
    expect(viaExcel("CLUSTER_CAGR", clusterCagr, [[100, div0, 121]])).toBeCloseTo(0.1, 12);
    expect(thrown(() => viaExcel("CLUSTER_CAGR", clusterCagr, [[div0, 121]])).code).toBe("#DIV/0!");
    expect(thrown(() => viaExcel("AVG_GROWTH_PCT", avgGrowthPct, [[10, div0]])).code).toBe(
      "#DIV/0!"
    );
    const na = thrown(() => viaExcel("MEETS_STANDARD", meetsStandard, "x", [[inputError("#N/A")]]));
    expect([na.code, na.message]).toEqual(["#N/A", undefined]);
    // A custom function cannot return #REF!: the nearest it can is #VALUE!.
    expect(thrown(() => viaExcel("TEXT_LENGTH", textLength, inputError("#REF!"))).code).toBe(
      "#VALUE!"
    );
    expect(thrown(() => viaExcel("PATENTS_PER_10K", patentsPer10k, "abc", div0)).code).toBe(
      "#DIV/0!"
    );
    const form = [["2024年度中小企业特色产业集群申报表"], [div0]];
    const rows = viaExcel("REVIEW", review, form);
    expect(rows[0]).toEqual(["级别", "单元格", "说明"]);
    expect(rows.length).toBeGreaterThan(1);
  });
});
