/**
 * functions.json: generated from the JSDoc of src/functions/functions.ts by the same generator the
 * webpack plugin runs and finished by the build's own step (generatedMetadata.ts), checked against
 * the metadata rules of learn.microsoft.com ("Manually create JSON metadata for custom functions")
 * and against a golden copy, so a changed id, type or help text is a reviewed change. The same
 * for functions.zh-CN.json, what Excel in Chinese reads: functions.json with the Chinese texts of
 * src/functions/descriptions.zh-CN.json, the same functions otherwise.
 * UPDATE_GOLDEN=1 rewrites both golden files.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ZH_CN_DESCRIPTIONS } from "../../src/functions/descriptions";
import * as sheet from "../../src/functions/sheet";
import { excelWouldPass, inputError } from "./customFunctionsStub";
import { generatedMetadata, localizeFunctionsMetadata, type Metadata } from "./generatedMetadata";
import { CHINESE, HAN, descriptionsOf, halfWidthInChinese } from "./localeText";

const GOLDEN = path.join(__dirname, "functions.golden.json");
const GOLDEN_ZH_CN = path.join(__dirname, "functions.zh-CN.golden.json");

let metadata: Metadata;
let zhCN: Metadata;

beforeAll(async () => {
  const generated = await generatedMetadata();
  expect(generated.errors).toEqual([]);
  metadata = generated.metadata;
  zhCN = generated.zhCN;
  if (process.env.UPDATE_GOLDEN === "1") {
    writeFileSync(GOLDEN, `${JSON.stringify(metadata, null, 2)}\n`);
    writeFileSync(GOLDEN_ZH_CN, `${JSON.stringify(zhCN, null, 2)}\n`);
  }
}, 60_000);

describe("functions.json", () => {
  it("follows the documented metadata rules", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of metadata.functions) {
      // id: A-Z a-z 0-9 . _ and at most 128 characters, as the autogeneration page and Microsoft's
      // generator allow (the older manual-JSON page lists only alphanumerics and periods); never
      // changed. name: what users type after "SME.", starting with a letter.
      expect(f.id).toMatch(/^[A-Za-z0-9._]{1,128}$/u);
      expect(f.name).toMatch(/^[A-Za-z][A-Za-z0-9._]{0,127}$/u);
      expect(["number", "string", "boolean", "any", undefined]).toContain(f.result.type);
      expect(["matrix", undefined]).toContain(f.result.dimensionality);
      let optionalSeen = false;
      for (const p of f.parameters) {
        expect(p.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/u);
        expect(["number", "string", "boolean", "any"]).toContain(p.type);
        expect(["matrix", undefined]).toContain(p.dimensionality);
        // A required parameter cannot follow an optional one.
        if (p.optional) optionalSeen = true;
        else expect([f.id, p.name, optionalSeen]).toEqual([f.id, p.name, false]);
      }
    }
  });

  it("declares exactly the functions the package exports under their Excel names", () => {
    const exported = Object.entries(sheet)
      .filter(([name, v]) => typeof v === "function" && /^[A-Z][A-Z0-9_]+$/u.test(name))
      .map(([name]) => name)
      .sort();
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(exported);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it("types results exactly: numbers, booleans, text, and spills for the array functions", () => {
    const result = Object.fromEntries(metadata.functions.map((f) => [f.id, f.result]));
    expect(result.CLUSTER_CAGR).toEqual({ type: "number" });
    expect(result.MEETS_STANDARD).toEqual({ type: "boolean" });
    expect(result.STANDARD_STATUS).toEqual({ type: "string" });
    expect(result.REVIEW).toEqual({ dimensionality: "matrix" });
    expect(result.DATA_YEARS).toEqual({ dimensionality: "matrix" });
  });

  it("lets error cells through to every range parameter, keeping its matrix dimensionality", () => {
    // A top-level switch ("Manually create JSON metadata for custom functions"): without it Excel
    // answers a range holding one error cell with that error and never calls the function, so
    // =SME.REVIEW(A1:K80) could not review a sheet with one #DIV/0!. It reaches only parameters
    // of type any (or any[][]), so every range parameter must stay any and matrix.
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    const ranges = metadata.functions.flatMap((f) =>
      f.parameters
        .filter((p) => p.dimensionality === "matrix")
        .map((p) => [f.id, p.name, p.type ?? "any"])
    );
    expect(ranges).toEqual(
      expect.arrayContaining([
        ["CLUSTER_CAGR", "values", "any"],
        ["AVG_GROWTH_PCT", "rates", "any"],
        ["MEETS_STANDARD", "values", "any"],
        ["STANDARD_STATUS", "values", "any"],
        ["REVIEW", "range", "any"],
      ])
    );
    for (const [id, name, type] of ranges) expect([id, name, type]).toEqual([id, name, "any"]);
    // The property belongs at the top, beside allowCustomDataForDataTypeAny, not in options.
    for (const f of metadata.functions)
      expect([f.id, f.options?.allowErrorForDataTypeAny]).toEqual([f.id, undefined]);
  });

  it("every parameter is of type any, so scalar arguments take error cells too", () => {
    // The switch is for the whole file; sheet.ts answers an error in a scalar argument with it.
    for (const f of metadata.functions)
      for (const p of f.parameters)
        expect([f.id, p.name, p.type ?? "any"]).toEqual([f.id, p.name, "any"]);
  });

  it("the stub refuses an error input wherever functions.json lets none through", () => {
    const args = [[[100, inputError("#DIV/0!"), 121]]];
    expect(() => excelWouldPass(metadata, "CLUSTER_CAGR", args)).not.toThrow();
    expect(() => excelWouldPass(metadata, "CLUSTER_CAGR", [[[100, 110, 121]]])).not.toThrow();
    const without: Metadata = { ...metadata, allowErrorForDataTypeAny: false };
    expect(() => excelWouldPass(without, "CLUSTER_CAGR", args)).toThrow(
      /allowErrorForDataTypeAny/u
    );
    expect(() => excelWouldPass(without, "CLUSTER_CAGR", [[[100, 121]]])).not.toThrow();
    const numberTyped: Metadata = {
      ...metadata,
      functions: metadata.functions.map((f) =>
        f.id === "PATENTS_PER_10K"
          ? { ...f, parameters: f.parameters.map((p) => ({ ...p, type: "number" })) }
          : f
      ),
    };
    expect(() => excelWouldPass(numberTyped, "PATENTS_PER_10K", [1, inputError("#N/A")])).toThrow(
      /employees/u
    );
    expect(() =>
      excelWouldPass(metadata, "PATENTS_PER_10K", [1, inputError("#N/A")])
    ).not.toThrow();
    expect(() => excelWouldPass(metadata, "NO_SUCH", [])).toThrow();
    expect(() => excelWouldPass(metadata, "REGION", ["甘肃", "x"])).toThrow(/1 arguments/u);
  });
});

describe("two locales: functions.json (en-US, the default) and functions.zh-CN.json", () => {
  const withoutDescriptions = (m: Metadata): Metadata => ({
    ...m,
    functions: m.functions.map(({ description: _d, ...f }) => ({
      ...f,
      parameters: f.parameters.map(({ description: _p, ...p }) => p),
    })),
  });

  it.each([
    ["functions.json", GOLDEN, () => metadata],
    ["functions.zh-CN.json", GOLDEN_ZH_CN, () => zhCN],
  ])("%s equals its reviewed golden copy", (_name, golden, built) => {
    expect(existsSync(golden)).toBe(true);
    const expected = JSON.parse(readFileSync(golden, "utf8")) as unknown;
    expect(built()).toEqual(expected);
    // Key order too: tools/check-build.mjs compares both dist files with their goldens as text.
    expect(JSON.stringify(built())).toBe(JSON.stringify(expected));
  });

  it("declare the same functions: ids, names, parameters and types; only the help texts differ", () => {
    // The id and the name stay the same in both: a formula typed in one locale is the same formula
    // in the other, and the id never changes once set.
    expect(withoutDescriptions(zhCN)).toEqual(withoutDescriptions(metadata));
    expect(JSON.stringify(withoutDescriptions(zhCN))).toBe(
      JSON.stringify(withoutDescriptions(metadata))
    );
    expect(descriptionsOf(zhCN).map(([where]) => where)).toEqual(
      descriptionsOf(metadata).map(([where]) => where)
    );
  });

  it("describe every function and parameter in both, each on one line", () => {
    // The generator keeps a JSDoc line break in the description, and Excel would show it.
    for (const [where, text] of [...descriptionsOf(metadata), ...descriptionsOf(zhCN)])
      expect([where, text.trim() === "", /[\r\n]/u.test(text)]).toEqual([where, false, false]);
  });

  it("functions.json is English: not one Chinese character or full-width mark", () => {
    for (const [where, text] of descriptionsOf(metadata))
      expect([where, CHINESE.exec(text)?.[0]]).toEqual([where, undefined]);
  });

  it("functions.zh-CN.json is Chinese, with full-width ( ) , : ; in its Chinese text", () => {
    for (const [where, text] of descriptionsOf(zhCN)) {
      expect([where, HAN.test(text)]).toEqual([where, true]);
      expect([where, halfWidthInChinese(text)]).toEqual([where, []]);
    }
  });

  it("the typed zh-CN table has exactly the functions and parameters functions.json has", () => {
    const table: Readonly<Record<string, { parameters: Readonly<Record<string, string>> }>> =
      ZH_CN_DESCRIPTIONS;
    expect(Object.keys(table).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    for (const f of metadata.functions)
      expect([f.id, Object.keys(table[f.id]?.parameters ?? {}).sort()]).toEqual([
        f.id,
        f.parameters.map((p) => p.name).sort(),
      ]);
  });

  it("a missing, empty or stray translation fails (the build and this test)", () => {
    const table = (): Record<
      string,
      { description?: string; parameters: Record<string, string | undefined> }
    > => JSON.parse(JSON.stringify(ZH_CN_DESCRIPTIONS)) as never;
    expect(() => localizeFunctionsMetadata(metadata, table())).not.toThrow();
    const noFunction = table();
    delete noFunction.REGION;
    expect(() => localizeFunctionsMetadata(metadata, noFunction)).toThrow(
      /REGION: no description/u
    );
    const noParameter = table();
    delete noParameter.CLUSTER_CAGR?.parameters.periods;
    expect(() => localizeFunctionsMetadata(metadata, noParameter)).toThrow(
      /CLUSTER_CAGR\(periods\): no description/u
    );
    const empty = table();
    if (empty.REVIEW) empty.REVIEW.description = " ";
    expect(() => localizeFunctionsMetadata(metadata, empty)).toThrow(/REVIEW: no description/u);
    const stray = table();
    stray.NO_SUCH = { description: "无", parameters: {} };
    if (stray.REGION) stray.REGION.parameters.province = "省份";
    expect(() => localizeFunctionsMetadata(metadata, stray)).toThrow(
      /NO_SUCH: no such function.*REGION\(province\): no such parameter/u
    );
  });

  it("the text checks catch what they are for and let ASCII material be", () => {
    expect(CHINESE.test("Batch year; defaults to the latest batch (2024)")).toBe(false);
    expect(CHINESE.test("Values: 是/否")).toBe(true);
    expect(CHINESE.test("Batch year，default")).toBe(true);
    expect(CHINESE.test("「met」")).toBe(true);
    expect(halfWidthInChinese("逐年水平值(一行或一列),取第一个")).toEqual([
      "值(一",
      "列),",
      "),取",
      "(一行或一列)",
    ]);
    expect(halfWidthInChinese("RRI(期数, 首值, 末值)")).toHaveLength(5);
    expect(halfWidthInChinese("地区:东部")).toEqual(["区:东"]);
    expect(halfWidthInChinese("阈值 ( 百分数 )")).not.toEqual([]);
    expect(halfWidthInChinese("平均 = ((1+g1)…(1+gn))^(1/n) − 1，以百分数返回")).toEqual([]);
    expect(halfWidthInChinese("整张表格区域，如 '申报表-2024'!A1:K300")).toEqual([]);
    expect(halfWidthInChinese("规则编号（如 lead_industry_share_gt_70）或标准原文")).toEqual([]);
  });
});
