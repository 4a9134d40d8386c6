/**
 * The worksheet functions under their Excel names (src/functions/sheet.ts), without Excel:
 * (a) a hand-written case table per function, from Excel's coercion rules and the 认定标准;
 * (b) CLUSTER_CAGR against HyperFormula's RRI (dev-only oracle, GPL key) on one shared table;
 * (c) fast-check properties: no input throws, every result has an allowed shape, and every function
 *     but CLUSTER_CAGR and REVIEW answers the first error among its arguments.
 * Error cells go in as Excel passes them (customFunctionsStub.ts, inputError), and every call Excel
 * could make goes through excelWouldPass first: an error only where functions.json lets one in.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CheckRecord } from "../../src/cli/check";
import { main } from "../../src/cli/jiqun";
import {
  batchParams,
  builtinPacks,
  evaluateShenbao,
  EXAMPLE_B,
  EXAMPLE_C,
  EXAMPLE_E_2023,
  findAuthority,
  findBuiltinPack,
  guizhouRows,
  nationalPack,
  readTemplateSheet,
  evaluateSheet,
  RULE_IDS,
  type Authority,
  type CellValue,
  type ExcelErrorCode,
  type ShenbaoExample,
  type SheetPlan,
} from "../../src/domain";
import {
  AVG_GROWTH_PCT,
  CLUSTER_CAGR,
  DATA_YEARS,
  DEFAULT_BATCH,
  ExcelError,
  MEETS_STANDARD,
  PATENTS_PER_10K,
  RECOMMEND_CAP,
  REGION,
  REVIEW,
  RULE_THRESHOLD,
  STANDARD_STATUS,
  TEXT_LENGTH,
} from "../../src/functions/sheet";
import { recordsOf } from "../../src/findings";
import { fillByNames, fillHuizongRows } from "../../src/xlsx/fill";
import { templatePlan } from "../../src/xlsx/templates";
import { addPlanSheet, writeXlsx } from "../../src/xlsx/writer";
import { earlierHuizongPlan } from "../support/xlsx";
import { ErrorCode, excelWouldPass, inputError, StubError } from "./customFunctionsStub";
import { generatedMetadata, type Metadata } from "./generatedMetadata";

// ---------------------------------------------------------------------------------------------
// Inputs and expectations
// ---------------------------------------------------------------------------------------------

/**
 * Error cells as Excel passes them to a parameter of type any once functions.json sets
 * allowErrorForDataTypeAny: the runtime's CustomFunctions.Error with the cell's code. #REF! and
 * #NAME? arrive but cannot be returned, nor can #NULL! here (outside ExcelErrorCode): #VALUE!.
 */
const DIV0 = inputError("#DIV/0!");
const NA = inputError("#N/A");
const NUM = inputError("#NUM!");
const VALUE = inputError("#VALUE!");
const REF = inputError("#REF!");
const NAME = inputError("#NAME?");
const NULL = inputError("#NULL!");
/** Excel's data-type error object, which functions.json's allowCustomDataForDataTypeAny admits. */
const DIV0_VALUE = { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" };

/** functions.json as the build ships it, for excelWouldPass. */
let metadata: Metadata;

beforeAll(async () => {
  const generated = await generatedMetadata();
  expect(generated.errors).toEqual([]);
  metadata = generated.metadata;
}, 60_000);

/** Calls an Excel-named function as Excel would, after checking Excel would pass these arguments. */
function viaExcel(name: string, fn: (...args: never[]) => unknown, args: readonly unknown[]) {
  excelWouldPass(metadata, name, args);
  return (fn as (...a: unknown[]) => unknown)(...args);
}

type Expected =
  | number
  | boolean
  | string
  | (number | string | boolean)[][]
  | { readonly error: ExcelErrorCode }
  | { readonly near: number; readonly tol: number };

const err = (error: ExcelErrorCode): Expected => ({ error });
/** A number within tol·max(1, |value|). */
const near = (value: number, tol = 1e-12): Expected => ({ near: value, tol });

function expectResult(actual: unknown, expected: Expected): void {
  if (typeof expected === "object" && "error" in expected) {
    expect(actual).toBeInstanceOf(ExcelError);
    expect((actual as ExcelError).code).toBe(expected.error);
  } else if (typeof expected === "object" && "near" in expected) {
    expect(typeof actual).toBe("number");
    const diff = Math.abs((actual as number) - expected.near);
    expect(diff).toBeLessThanOrEqual(expected.tol * Math.max(1, Math.abs(expected.near)));
  } else {
    expect(actual).toEqual(expected);
  }
}

const showOne = (x: unknown): unknown =>
  x === undefined
    ? "undefined"
    : x instanceof ExcelError
      ? `ExcelError(${x.code})`
      : x instanceof StubError
        ? `CustomFunctions.Error(${x.code})`
        : x;
const show = (v: unknown): string =>
  JSON.stringify(showOne(v), (_k, x: unknown) => showOne(x)) ?? String(v);

type Case = readonly [args: readonly unknown[], expected: Expected, note?: string];

function table(name: string, fn: (...args: never[]) => unknown, cases: readonly Case[]): void {
  describe(`${name} (case table)`, () => {
    it.each(
      cases.map(([args, expected, note]) => [args.map(show).join(", "), args, expected, note])
    )(`${name}(%s)`, (_title, args, expected) => {
      expectResult(viaExcel(name, fn, args as unknown[]), expected as Expected);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// (a) Case tables
// ---------------------------------------------------------------------------------------------

table("CLUSTER_CAGR", CLUSTER_CAGR, [
  // RRI(2, 100, 121) = 1.21^(1/2) − 1 = 0.1
  [[[[100, 110, 121]]], near(0.1)],
  [[[[100], [110], [121]]], near(0.1), "a column works like a row"],
  // Periods default to the distance between the first and last non-blank cells.
  [[[[100, "", 121]]], near(0.1)],
  [[[[100, null, 121]]], near(0.1)],
  [[[["", 100, 121, null]]], near(0.21)],
  [[[[null], [100], [""], [121], [""]]], near(0.1)],
  [[[[100, 999, 121]]], near(0.1), "middle years do not enter RRI"],
  [[[[100, "abc", 121]]], near(0.1), "nor does text in between"],
  [[[[100, DIV0, 121]]], near(0.1), "nor an error in between"],
  [[[[100, REF, 121]]], near(0.1), "whatever its code"],
  [[[[[100]], [[121]]]], near(0.21), "nested arrays are read row by row"],
  // Explicit periods, coerced as RRI's nper.
  [[[[100, 121]], 2], near(0.1)],
  [[[[100, 121]], "2"], near(0.1)],
  [[[[100, 121]], " 2 "], near(0.1)],
  [[[[100, 121]], ""], near(0.21), "blank periods: the default"],
  [[[[100, 121]], null], near(0.21)],
  [[[[100, 121]], 0.5], near(1.21 * 1.21 - 1)],
  [[[[100, 121]], true], near(0.21)],
  [[[[100, 121]], false], err("#NUM!")],
  [[[[100, 121]], 0], err("#NUM!")],
  [[[[100, 121]], -1], err("#NUM!")],
  [[[[100, 121]], "abc"], err("#VALUE!")],
  [[[[100, 121]], DIV0], err("#DIV/0!")],
  [[[[100, 121]], NA], err("#N/A")],
  [[[[100, 121]], 1e-300], err("#NUM!"), "1.21^(1e300) overflows"],
  [[[[100, 121]], 1e300], 0, "1.21^(1e-300) is 1"],
  // Levels.
  [[[[0, 110, 121]]], err("#NUM!"), "zero start"],
  [[[[100, 110, 0]]], -1, "zero end: −100%"],
  [[[[0, 0]]], err("#NUM!")],
  [[[[-100, -110, -121]]], near(0.1), "both negative: the ratio is positive"],
  [[[[-100, 121]]], err("#NUM!"), "opposite signs"],
  [[[[-100, 5e-324]]], err("#NUM!"), "opposite signs, though 5e-324 / −100 underflows to −0"],
  [[[[-100, 0]]], -1, "zero end from a negative start: −100%"],
  [[[[100, -110, -121]]], err("#NUM!")],
  [[[[100]]], err("#NUM!"), "one value: zero periods"],
  [[100], err("#NUM!")],
  [[[["", null]]], err("#VALUE!"), "no value at all"],
  [[[[]]], err("#VALUE!")],
  [[""], err("#VALUE!")],
  [[null], err("#VALUE!")],
  [[undefined], err("#VALUE!")],
  // Text and booleans in the end cells, as RRI coerces a referenced cell.
  [[[["100", "121"]]], near(0.21)],
  [[[[" 1e2 ", "", "121"]]], near(0.1)],
  [[[["10%", "12.1%"]]], near(0.21)],
  [[[["-100", "-121"]]], near(0.21)],
  [[[["abc", 121]]], err("#VALUE!")],
  [[[[100, "abc"]]], err("#VALUE!")],
  [[[["TRUE", 4]]], err("#VALUE!"), "text TRUE is not a number"],
  [[[[true, 4]]], 3],
  [[[[true, "", 4]]], 1],
  [[[[false, 4]]], err("#NUM!"), "FALSE is a zero start"],
  // Errors in the end cells propagate, periods first, then first, then last.
  [[[[DIV0, 121]]], err("#DIV/0!")],
  [[[[100, NUM]]], err("#NUM!")],
  [[[[VALUE, 121]]], err("#VALUE!")],
  [[[[DIV0, NA]]], err("#DIV/0!")],
  [[[["abc", 121]], NA], err("#N/A")],
  [[[[REF, 121]]], err("#VALUE!"), "a code a custom function cannot return becomes #VALUE!"],
  [[[[100, NAME]]], err("#VALUE!")],
  [[[[NULL, 121]]], err("#VALUE!")],
  [[[[DIV0_VALUE, 121]]], err("#DIV/0!"), "a data-type error object keeps its code"],
  [[[[100, { type: "Error", basicValue: "#SPILL!" }]]], err("#VALUE!")],
  [[[[{ foo: 1 }, 121]]], err("#VALUE!")],
  // Huge and tiny.
  [[[[1e300, 1e300]]], 0],
  [[[[1e300, 1e-300]]], -1, "the ratio underflows to 0"],
  [[[[1e-300, 1e300]]], err("#NUM!"), "the ratio overflows"],
  [[[[1e-300, 2e-300]]], near(1)],
  [[[[Infinity, 1]]], err("#NUM!")],
  [[[[1, NaN]]], err("#NUM!")],
  // The 2022 examples' 总产值.
  [[[[40, 44, 48.4]]], near(0.1)],
  [[[[32, 36, 41]]], near(Math.sqrt(41 / 32) - 1)],
]);

table("AVG_GROWTH_PCT", AVG_GROWTH_PCT, [
  [[[[10, 10, 10]]], near(10)],
  [[[[25, 2, 4]]], near((Math.cbrt(1.25 * 1.02 * 1.04) - 1) * 100), "≈ 9.8621, example D"],
  [[[[12, 14, 11]]], near((Math.cbrt(1.12 * 1.14 * 1.11) - 1) * 100)],
  [[[[-10, 10, 0]]], near((Math.cbrt(0.99) - 1) * 100)],
  [[[[0, 0, 0]]], 0],
  [[[[0]]], 0],
  [[12.5], near(12.5), "one rate is its own mean"],
  [[[[-50, -50]]], near(-50)],
  [[[[-99.9]]], near(-99.9)],
  [[[[10, "", null, 10]]], near(10), "blanks are skipped, not zero"],
  [[[[10], [""], [21]]], near((Math.sqrt(1.1 * 1.21) - 1) * 100)],
  [[[["", null]]], err("#VALUE!")],
  [[""], err("#VALUE!")],
  [[null], err("#VALUE!")],
  [[[[-100, 10]]], err("#NUM!"), "−100% has no geometric mean"],
  [[[[-150]]], err("#NUM!")],
  [[[["abc"]]], err("#VALUE!")],
  [[[[10, "abc"]]], err("#VALUE!")],
  [[[["10", " 1e1 "]]], near(10)],
  [[[["10%"]]], near(0.1), "text 10% is 0.1, i.e. 0.1 percent"],
  [[[[true]]], near(1)],
  [[[[false]]], 0],
  [[[[10, DIV0]]], err("#DIV/0!")],
  [[[[NA, 10]]], err("#N/A")],
  [[[["abc", DIV0]]], err("#DIV/0!"), "an error before any check, as when Excel answered it"],
  [
    [
      [
        [10, ""],
        [DIV0, NA],
      ],
    ],
    err("#DIV/0!"),
    "the first error, row by row",
  ],
  [[[[10, REF]]], err("#VALUE!")],
  [[[[10, DIV0_VALUE]]], err("#DIV/0!")],
  [[[[1e300]]], near(1e300)],
  [[[[1e300, 1e300]]], err("#NUM!"), "the product overflows"],
  [[[[1e-300]]], 0, "1 + 1e-302 is 1"],
]);

const LEAD = "lead_industry_share_gt_70";
const OUTPUT = "output_each_year_min_40";
const SME_SHARE = "sme_output_share_min_70";
/** 云南省's provincial 认定 (src/domain/criteria/builtin.ts): 10亿元, 50%, 高于60%, no patents. */
const YN = "yunnan-provincial";
const YN_NAME = "云南省省级中小企业特色产业集群认定标准";

const meetsCases: readonly (readonly [readonly unknown[], boolean | ExcelErrorCode, string])[] = [
  // 主导产业占比 高于 70%: strictly above.
  [[LEAD, 70], false, "未达标"],
  [[LEAD, 70.01], true, "达标"],
  [[LEAD, [[71, 72, 73]]], true, "达标"],
  [[LEAD, [[71, 70, 73]]], false, "未达标"],
  [[LEAD, [[60, 71, 72, 73]]], true, "达标"],
  [[LEAD, "71"], true, "达标"],
  [[LEAD, " 7.1e1 "], true, "达标"],
  [["sme_output_share_min_70", 70], true, "达标"],
  // 近三年产值均在40亿元以上: hard, so relaxed (TRUE) for a western authority only.
  [[OUTPUT, [[32, 36, 41]], 2022, "甘肃省"], true, "西部地区可适当放宽"],
  [[OUTPUT, [[32, 36, 41]], 2022, "甘肃"], true, "西部地区可适当放宽"],
  [[OUTPUT, [[32, 36, 41]], 2022, "兵团"], true, "西部地区可适当放宽"],
  [[OUTPUT, [[32, 36, 41]], 2022, "浙江省"], false, "未达标"],
  [[OUTPUT, [[32, 36, 41]], 2022, "深圳市"], false, "未达标"],
  [[OUTPUT, [[32, 36, 41]]], false, "未达标"],
  [[OUTPUT, [[32, 36, 41]], 2022, ""], false, "未达标"],
  [[OUTPUT, [[40, 40, 40]], 2022, "甘肃省"], true, "达标"],
  [[OUTPUT, [[41, "", 41]]], true, "达标"],
  [[OUTPUT, 0], false, "未达标"],
  [[OUTPUT, -5], false, "未达标"],
  [[OUTPUT, 1e300], true, "达标"],
  [[OUTPUT, 1e-300], false, "未达标"],
  // Gates are never relaxed.
  [["gate_no_major_incident_3y", "否", 2022, "甘肃省"], false, "未达标"],
  [["gate_no_major_incident_3y", "否", 2022, "浙江省"], false, "未达标"],
  [["gate_no_major_incident_3y", "是", 2022, "甘肃省"], true, "达标"],
  [["gate_no_major_incident_3y", " 是 "], true, "达标"],
  [["energy_eff_vs_benchmark", "不涉及"], true, "达标"],
  [["energy_eff_vs_benchmark", "否", 2024, "贵州省"], false, "未达标"],
  [["gate_no_major_incident_3y", "maybe"], "#VALUE!", ""],
  [["gate_no_major_incident_3y", 1], "#VALUE!", ""],
  // 第二批起需先获得省级认定: information only in 2022.
  [["gate_provincial_recognition", "否", 2022], true, "达标"],
  [["gate_provincial_recognition", "否", 2023], false, "未达标"],
  // Soft rules are not relaxed either.
  [["area_max_100", 100], true, "达标"],
  [["area_max_100", 100.5, 2022, "甘肃省"], false, "未达标"],
  [["output_growth_gt_10", 10], false, "未达标"],
  [["output_growth_gt_10", 10.01], true, "达标"],
  // Geometric mean of yearly rates, or one reported mean.
  [["rd_growth_gt_10", [[10, 10, 10]]], false, "未达标"],
  [["rd_growth_gt_10", [[10, 10, 10]], 2022, "甘肃省"], true, "西部地区可适当放宽"],
  [["rd_growth_gt_10", [[12, 14, 11]]], true, "达标"],
  [["rd_growth_gt_10", 10.01], true, "达标"],
  // 冠军, 小巨人, 专精特新, 高新: ≥ 1 of the first two or ≥ 10 of the last two.
  [["quality_sme_tier", [[0, 0, 4, 6]]], true, "达标"],
  [["quality_sme_tier", [[0, 1, 0, 0]]], true, "达标"],
  [["quality_sme_tier", [[0, 0, 4, 5]]], false, "未达标"],
  [["quality_sme_tier", [[0, 0, 4, 5]], 2022, "甘肃省"], true, "西部地区可适当放宽"],
  // 发展目标: base year then three plan years.
  [["plan_output_cagr_ge_10", [[100, 110, 121, 133.1]]], true, "达标"],
  [["plan_output_cagr_ge_10", [[100, 110, 121, 133]]], false, "未达标"],
  // The rule by its Chinese wording, white space ignored, or as a one-cell range.
  [["主导产业占集群总产值比例高于70%", 71], true, "达标"],
  [["主导产业占集群总产值 比例高于 70%", 70], false, "未达标"],
  [[[[LEAD]], 71], true, "达标"],
  // Bad arguments.
  [["no_such_rule", 71], "#N/A", ""],
  [["", 71], "#N/A", ""],
  [[null, 71], "#N/A", ""],
  [[70, 71], "#N/A", ""],
  [[DIV0, 71], "#DIV/0!", ""],
  [[[[LEAD, OUTPUT]], 71], "#VALUE!", ""],
  [[LEAD, "abc"], "#VALUE!", ""],
  [[LEAD, "71%"], "#VALUE!", ""],
  [[LEAD, ""], "#VALUE!", ""],
  [[LEAD, null], "#VALUE!", ""],
  [[LEAD, [["", "", ""]]], "#VALUE!", ""],
  [[LEAD, true], "#VALUE!", ""],
  [[LEAD, DIV0], "#DIV/0!", ""],
  [[LEAD, [[71, NA, 73]]], "#N/A", ""],
  [[LEAD, "1e400"], "#NUM!", ""],
  [[LEAD, Infinity], "#NUM!", ""],
  [[LEAD, 71, 2021], "#NUM!", ""],
  [[LEAD, 71, 2024.5], "#NUM!", ""],
  [[LEAD, 71, true], "#NUM!", ""],
  [[LEAD, 71, "abc"], "#VALUE!", ""],
  [[LEAD, 71, DIV0], "#DIV/0!", ""],
  [[LEAD, 71, "2030"], true, "达标"],
  [[LEAD, 71, 2022, "火星"], "#N/A", ""],
  [[LEAD, 71, 2022, NA], "#N/A", ""],
  // The first error among the arguments, before any other check, as when Excel answered it.
  [[LEAD, [[71, DIV0]], 2021], "#DIV/0!", ""],
  [["no_such_rule", NA], "#N/A", ""],
  [[DIV0, NA, NUM, VALUE], "#DIV/0!", ""],
  [[LEAD, "abc", NUM], "#NUM!", ""],
  [[LEAD, 71, 2022, REF], "#VALUE!", ""],
  [["gate_no_major_incident_3y", [["是", NAME]]], "#VALUE!", ""],
  // [criteria]: a built-in pack by id or by its Chinese name; blank is the national standard.
  // 产值 15, 16, 17 亿元: under 40 nationally, at least 10 each year for 云南.
  [[OUTPUT, [[15, 16, 17]]], false, "未达标"],
  [[OUTPUT, [[15, 16, 17]], null, null, null], false, "未达标"],
  [[OUTPUT, [[15, 16, 17]], "", "", ""], false, "未达标"],
  [[OUTPUT, [[15, 16, 17]], null, null, YN], true, "达标"],
  [[OUTPUT, [[15, 16, 17]], 2025, null, YN], true, "达标"],
  // 云南's pack has no batchYear: any batch.
  [[OUTPUT, [[15, 16, 17]], 2030, "浙江省", YN], true, "达标"],
  [[OUTPUT, [[15, 16, 17]], null, null, YN_NAME], true, "达标"],
  [[OUTPUT, [[15, 16, 17]], null, null, ` ${YN} `], true, "达标"],
  [[OUTPUT, [[15, 16, 17]], null, null, [[YN]]], true, "达标"],
  [[OUTPUT, [[10, 10, 10]], null, null, YN], true, "达标"],
  [[OUTPUT, [[9.99, 16, 17]], null, null, YN], false, "未达标"],
  [[OUTPUT, [[15, 16, 17]], null, null, "national-2025"], false, "未达标"],
  // The wording is the pack's: 「10亿元」 under 云南, 「40亿元」 nationally, the id in both.
  [["近三年产值均在10亿元以上", [[15, 16, 17]], null, null, YN], true, "达标"],
  [["近三年产值均在 10亿元 以上", [[9, 16, 17]], null, null, YN], false, "未达标"],
  [["近三年产值均在40亿元以上", [[15, 16, 17]], null, null, YN], "#N/A", ""],
  [["近三年产值均在10亿元以上", [[15, 16, 17]]], "#N/A", ""],
  // 中小企业产值占比 55%: under 70% nationally, at least 50% for 云南.
  [[SME_SHARE, [[55, 55, 55]]], false, "未达标"],
  [[SME_SHARE, [[55, 55, 55]], null, null, YN], true, "达标"],
  [[SME_SHARE, 55, null, null, YN], true, "达标"],
  [[SME_SHARE, [[55, 49.9, 55]], null, null, YN], false, "未达标"],
  [["中小企业产值占集群总产值50%以上", 50, null, null, YN_NAME], true, "达标"],
  // 主导产业占比: strictly above 60% for 云南.
  [[LEAD, 60, null, null, YN], false, "未达标"],
  [[LEAD, 60.5, null, null, YN], true, "达标"],
  [[LEAD, 60.5], false, "未达标"],
  // Rules 云南 does not have: #N/A, as an unknown rule.
  [["patents_per_10k_ge_15", 20], true, "达标"],
  [["patents_per_10k_ge_15", 20, null, null, YN], "#N/A", ""],
  [["patent_growth_ge_15", 20, 2024, "贵州省", YN], "#N/A", ""],
  [["gate_provincial_recognition", "是", null, null, YN], "#N/A", ""],
  [["plan_output_cagr_ge_10", [[100, 110, 121, 133.1]], null, null, YN], "#N/A", ""],
  [["gate_no_major_incident_3y", "是", null, null, YN], true, "达标"],
  [["gate_no_major_incident_3y", "否", null, "甘肃省", YN], false, "未达标"],
  // 质量梯度 for 贵州省 (west), 0 冠军/小巨人 and 1 + 1 专精特新/高新: under 10 nationally, so
  // relaxed; 云南 relaxes nothing and asks 1, or 3 of the broad count.
  [["quality_sme_tier", [[0, 0, 1, 1]], 2024, "贵州省"], true, "西部地区可适当放宽"],
  [
    ["quality_sme_tier", [[0, 0, 1, 1]], 2024, "贵州省", "national-2024"],
    true,
    "西部地区可适当放宽",
  ],
  [["quality_sme_tier", [[0, 0, 1, 1]], 2024, "贵州省", YN], false, "未达标"],
  [["quality_sme_tier", [[0, 0, 2, 1]], 2024, "贵州省", YN], true, "达标"],
  [["quality_sme_tier", [[0, 0, 2, 1]], 2024, "贵州省"], true, "西部地区可适当放宽"],
  [[OUTPUT, [[5, 6, 7]], 2024, "贵州省"], true, "西部地区可适当放宽"],
  [[OUTPUT, [[5, 6, 7]], 2024, "贵州省", YN], false, "未达标"],
  [["rd_growth_gt_10", [[4, 5, 5]], 2024, "甘肃省", YN], false, "未达标"],
  [["rd_growth_gt_10", [[6, 6, 6]], 2024, "甘肃省", YN], true, "达标"],
  // A national pack of a batch: the batch it is for, whether given or not.
  [[LEAD, 71, null, null, "national-2024"], true, "达标"],
  [[LEAD, 71, 2024, null, "national-2024"], true, "达标"],
  [[LEAD, 71, "2024", null, "national-2024"], true, "达标"],
  [[LEAD, 71, 2025, null, "national-2024"], "#VALUE!", ""],
  [[LEAD, 71, 2024, null, "national-2025"], "#VALUE!", ""],
  [[LEAD, 71, 2024, null, "中小企业特色产业集群认定标准（2024年度）"], true, "达标"],
  [[LEAD, 71, 2025, null, "中小企业特色产业集群认定标准（2024年度）"], "#VALUE!", ""],
  [[LEAD, 71, null, null, "中小企业特色产业集群认定标准（2030年度）"], true, "达标"],
  [[LEAD, 71, null, null, "national-2030"], true, "达标"],
  // The 2022 batch took 「已获得省级认定」 as information only: the pack's batch is the one read.
  [["gate_provincial_recognition", "否", null, null, "national-2022"], true, "达标"],
  [["gate_provincial_recognition", "否", 2022, null, "national-2022"], true, "达标"],
  [["gate_provincial_recognition", "否"], false, "未达标"],
  [["gate_provincial_recognition", "否", null, null, "national-2025"], false, "未达标"],
  // Not a pack: unknown ids and names, numbers, booleans, white space, several cells.
  [[LEAD, 71, null, null, "no-such-pack"], "#VALUE!", ""],
  [[LEAD, 71, null, null, "Yunnan-Provincial"], "#VALUE!", ""],
  [[LEAD, 71, null, null, "national-2021"], "#VALUE!", ""],
  [[LEAD, 71, null, null, "national-24"], "#VALUE!", ""],
  [[LEAD, 71, null, null, "云南"], "#VALUE!", ""],
  [[LEAD, 71, null, null, "中小企业特色产业集群认定标准（2021年度）"], "#VALUE!", ""],
  [[LEAD, 71, null, null, 2024], "#VALUE!", ""],
  [[LEAD, 71, null, null, true], "#VALUE!", ""],
  [[LEAD, 71, null, null, " "], "#VALUE!", ""],
  [[LEAD, 71, null, null, [[YN, YN]]], "#VALUE!", ""],
  // Errors: the first error among the arguments, then the batch and the pack (which the rule is
  // looked up in), then the rule, then the authority.
  [[LEAD, 71, null, null, DIV0], "#DIV/0!", ""],
  [[LEAD, 71, null, null, DIV0_VALUE], "#DIV/0!", ""],
  [[LEAD, 71, null, null, REF], "#VALUE!", ""],
  [[LEAD, 71, null, NA, DIV0], "#N/A", ""],
  [[LEAD, 71, NUM, null, DIV0], "#NUM!", ""],
  [[LEAD, [[71, DIV0]], null, null, NA], "#DIV/0!", ""],
  [[DIV0, 71, null, null, NA], "#DIV/0!", ""],
  [["patents_per_10k_ge_15", 20, null, null, NA], "#N/A", ""],
  [["patents_per_10k_ge_15", "abc", null, null, DIV0], "#DIV/0!", ""],
  [[LEAD, [[71, DIV0]], null, null, "no-such-pack"], "#DIV/0!", ""],
  [[LEAD, 71, 2021, null, "no-such-pack"], "#NUM!", ""],
  [[LEAD, 71, "abc", null, YN], "#VALUE!", ""],
  [["no_such_rule", 71, null, null, "no-such-pack"], "#VALUE!", ""],
  [["patents_per_10k_ge_15", 71, null, "火星", YN], "#N/A", ""],
  [[LEAD, 71, null, "火星", "no-such-pack"], "#VALUE!", ""],
];

describe("MEETS_STANDARD and STANDARD_STATUS (case table)", () => {
  it.each(
    meetsCases.map(([args, meets, status]) => [args.map(show).join(", "), meets, status, args])
  )("(%s) → %p %s", (_title, meets, status, args) => {
    const a = args as unknown[];
    const m = viaExcel("MEETS_STANDARD", MEETS_STANDARD, a);
    const s = viaExcel("STANDARD_STATUS", STANDARD_STATUS, a);
    if (typeof meets === "boolean") {
      expect(m).toBe(meets);
      expect(s).toBe(status);
    } else {
      expectResult(m, err(meets as ExcelErrorCode));
      expectResult(s, err(meets as ExcelErrorCode));
    }
  });

  it("an unknown rule is #N/A whose message lists every valid id", () => {
    const r = MEETS_STANDARD("no_such_rule", 71);
    expect(r).toBeInstanceOf(ExcelError);
    const message = (r as ExcelError).message ?? "";
    expect(message).toContain("no_such_rule");
    for (const id of RULE_IDS) expect(message).toContain(id);
    expect(RULE_IDS.length).toBeGreaterThan(20);
  });

  it("a rule not in the criteria pack is #N/A whose message lists the pack's ids", () => {
    const r = MEETS_STANDARD("patents_per_10k_ge_15", 20, null, null, YN);
    expect(r).toBeInstanceOf(ExcelError);
    const ids = (r as ExcelError).message?.split("：").at(-1) ?? "";
    expect(ids.split(", ")).toEqual(findBuiltinPack(YN)?.rules.map((rule) => rule.id));
    expect(ids).not.toContain("patent");
  });

  it("an unknown pack, a pack of another batch and a pack without caps say so in Chinese", () => {
    const message = (r: unknown): string | undefined => (r as ExcelError).message;
    expect(message(MEETS_STANDARD(LEAD, 71, null, null, "云南"))).toBe(
      "未知的评审标准「云南」。内置标准：national-2022, national-2023, national-2024, national-2025, fuhe-2022-2025, fuhe-2023-2026, fuhe-2024-2027, fuhe-2025-2028, yunnan-provincial"
    );
    expect(message(RULE_THRESHOLD(LEAD, 2024, "national-2025"))).toBe(
      "评审标准 national-2025 只适用于 2025年度批次，与批次参数 2024 不符。"
    );
    expect(message(RECOMMEND_CAP("贵州省", null, YN))).toBe(
      "评审标准「云南省省级中小企业特色产业集群认定标准」没有推荐数量上限。"
    );
  });

  it("every built-in pack's rules are found by id and by wording, at the pack's threshold", () => {
    for (const pack of [...builtinPacks(), nationalPack(2030)])
      for (const rule of pack.rules) {
        const where = [pack.id, rule.id];
        expect([...where, RULE_THRESHOLD(rule.id, null, pack.id)]).toEqual([
          ...where,
          rule.threshold,
        ]);
        expect([...where, RULE_THRESHOLD(rule.wording, "", pack.name)]).toEqual([
          ...where,
          rule.threshold,
        ]);
      }
  });
});

table("RULE_THRESHOLD", RULE_THRESHOLD, [
  [[LEAD], 70],
  [[OUTPUT], 40],
  [["patent_growth_ge_15"], 15],
  [["plan_energy_drop_about_13_5"], 13.5],
  [["quality_sme_tier"], 1],
  [["gate_no_tax_evasion"], 0],
  [["产值年均增速高于10%"], 10],
  [[[[LEAD]]], 70],
  [[LEAD, 2022], 70],
  [[LEAD, "2025"], 70],
  [[LEAD, 2099], 70],
  [[LEAD, 2021], err("#NUM!")],
  [[LEAD, 0], err("#NUM!")],
  [[LEAD, -2024], err("#NUM!")],
  [[LEAD, 1e300], err("#NUM!")],
  [[LEAD, 1e-300], err("#NUM!")],
  [[LEAD, "abc"], err("#VALUE!")],
  [[LEAD, NA], err("#N/A")],
  [["nope", DIV0], err("#DIV/0!"), "an error before an unknown rule"],
  [["nope"], err("#N/A")],
  [[""], err("#N/A")],
  [[null], err("#N/A")],
  [[70], err("#N/A")],
  [[true], err("#N/A")],
  [[DIV0], err("#DIV/0!")],
  [[NA], err("#N/A")],
  [[[[LEAD, OUTPUT]]], err("#VALUE!")],
  // [criteria]: the pack's threshold; its batch, if it has one, must be the batch given.
  [[SME_SHARE, null, YN], 50],
  [[SME_SHARE], 70],
  [[SME_SHARE, null, null], 70],
  [[SME_SHARE, "", ""], 70],
  [[SME_SHARE, 2024, YN_NAME], 50],
  [[OUTPUT, null, YN], 10],
  [[OUTPUT, 2030, YN], 10],
  [[LEAD, null, YN], 60],
  [["output_growth_gt_10", null, YN], 3],
  [["rd_growth_gt_10", null, YN], 5],
  [["iiot_penetration_ge_15", null, YN], 10],
  [["quality_sme_tier", null, YN], 1],
  [["近三年产值均在10亿元以上", null, YN], 10],
  [["近三年产值均在40亿元以上", null, YN], err("#N/A")],
  [["近三年产值均在40亿元以上", null, "national-2024"], 40],
  [["patents_per_10k_ge_15", null, YN], err("#N/A")],
  [["patents_per_10k_ge_15"], 15],
  [[OUTPUT, null, "national-2024"], 40],
  [[OUTPUT, 2024, "national-2024"], 40],
  [[OUTPUT, 2024, "national-2025"], err("#VALUE!")],
  [[OUTPUT, 2025, "中小企业特色产业集群认定标准（2024年度）"], err("#VALUE!")],
  [[OUTPUT, null, "no-such-pack"], err("#VALUE!")],
  [[OUTPUT, null, 2024], err("#VALUE!")],
  [[OUTPUT, null, false], err("#VALUE!")],
  [[OUTPUT, null, [[YN, YN]]], err("#VALUE!")],
  [[OUTPUT, null, DIV0], err("#DIV/0!")],
  [[OUTPUT, null, NAME], err("#VALUE!")],
  [["nope", null, DIV0], err("#DIV/0!"), "an error before an unknown rule"],
  [[DIV0, null, NA], err("#DIV/0!")],
  [[OUTPUT, NA, "no-such-pack"], err("#N/A")],
  [[OUTPUT, 2021, YN], err("#NUM!")],
  [[OUTPUT, 2021, "no-such-pack"], err("#NUM!"), "the batch before the pack"],
  [["nope", null, "no-such-pack"], err("#VALUE!"), "the pack before the rule looked up in it"],
]);

table("RECOMMEND_CAP", RECOMMEND_CAP, [
  // Provinces: 5, 6, 8, 8 in the 2022–2025 notices; later batches reuse 2025.
  [["贵州省", 2022], 5],
  [["贵州省", 2023], 6],
  [["贵州省", 2024], 8],
  [["贵州省", 2025], 8],
  [["贵州省", 2030], 8],
  [["贵州省"], 8, "default batch: the latest published"],
  [["贵州"], 8],
  [[" 贵 州 ", "2023"], 6],
  [["北京", 2022], 5],
  [["新疆维吾尔自治区", 2023], 6],
  // 计划单列市 and 兵团: 3 in 2022, then 2.
  [["深圳市", 2022], 3],
  [["深圳市", 2023], 2],
  [["深圳", 2024], 2],
  [["宁波", 2022], 3],
  [["兵团", 2022], 3],
  [["新疆生产建设兵团", 2024], 2],
  [["新疆兵团", 2025], 2],
  [[[["深圳"]], 2022], 3],
  [[""], err("#N/A")],
  [[null], err("#N/A")],
  [["火星"], err("#N/A")],
  [[5], err("#N/A")],
  [[true], err("#N/A")],
  [[DIV0], err("#DIV/0!")],
  [["贵州省", 2021], err("#NUM!")],
  [["贵州省", "abc"], err("#VALUE!")],
  [["贵州省", NA], err("#N/A")],
  [["火星", DIV0], err("#DIV/0!"), "an error before an unknown name"],
  [[REF, 2024], err("#VALUE!")],
  // [criteria]: the pack's caps; 云南's provincial 认定 has none, so no cap applies: #N/A.
  [["贵州省", null, null], 8],
  [["贵州省", "", ""], 8],
  [["贵州省", null, YN], err("#N/A")],
  [["云南省", 2024, YN], err("#N/A")],
  [["云南省", 2024, YN_NAME], err("#N/A")],
  [["贵州省", null, "national-2022"], 5],
  [["贵州省", 2022, "national-2022"], 5],
  [["贵州省", 2023, "national-2022"], err("#VALUE!")],
  [["贵州省", null, "中小企业特色产业集群认定标准（2023年度）"], 6],
  [["深圳", null, "national-2023"], 2],
  [["深圳", null, "national-2030"], 2],
  [["贵州省", null, "no-such-pack"], err("#VALUE!")],
  [["贵州省", null, 8], err("#VALUE!")],
  [["贵州省", null, DIV0], err("#DIV/0!")],
  [["贵州省", NA, DIV0], err("#N/A")],
  [[DIV0, null, "no-such-pack"], err("#DIV/0!")],
  [["火星", null, YN], err("#N/A")],
  [["", null, YN], err("#N/A")],
  [["火星", null, "no-such-pack"], err("#VALUE!"), "the pack before the authority"],
  [["贵州省", 2021, "no-such-pack"], err("#NUM!")],
]);

table("REGION", REGION, [
  [["北京"], "东部"],
  [["广东省"], "东部"],
  [["深圳市"], "东部"],
  [["深圳"], "东部"],
  [["青岛"], "东部"],
  [["大连市"], "东北"],
  [["黑龙江"], "东北"],
  [["河南省"], "中部"],
  [["湖南"], "中部"],
  [["内蒙古"], "西部"],
  [["广西壮族自治区"], "西部"],
  [["新疆"], "西部"],
  [["兵团"], "西部"],
  [["新疆生产建设兵团"], "西部"],
  [[" 贵 州 "], "西部"],
  [[[["甘肃"]]], "西部"],
  [[""], err("#N/A")],
  [[null], err("#N/A")],
  [["火星"], err("#N/A")],
  [[5], err("#N/A")],
  [[true], err("#N/A")],
  [[DIV0], err("#DIV/0!")],
  [[NA], err("#N/A")],
  [[[["甘肃", "贵州"]]], err("#VALUE!")],
  [[[["甘肃", DIV0]]], err("#DIV/0!"), "an error before a range too large"],
  [[NAME], err("#VALUE!")],
]);

table("PATENTS_PER_10K", PATENTS_PER_10K, [
  [[45, 30000], 15, "example B"],
  [[420, 38000], near(4200000 / 38000)],
  [[0, 5], 0],
  [[-0, 15], 0, "−0 typed gives plain 0: Excel has no negative zero"],
  [["45", "30000"], 15],
  [[" 4.5e1 ", "3e4"], 15],
  [["10%", 1], near(1000)],
  [[true, 1], 10000],
  [[1, 0], err("#DIV/0!")],
  [[1, ""], err("#DIV/0!"), "a blank is zero employees"],
  [[1, null], err("#DIV/0!")],
  [[1, false], err("#DIV/0!")],
  [[-1, 0], err("#DIV/0!")],
  [[-1, 5], err("#NUM!")],
  [[1, -5], err("#NUM!")],
  [["45", "abc"], err("#VALUE!")],
  [["abc", 0], err("#VALUE!")],
  [[DIV0, 1], err("#DIV/0!")],
  [[1, NA], err("#N/A")],
  [["abc", DIV0], err("#DIV/0!"), "an error before text, as when Excel answered it"],
  [[DIV0, NA], err("#DIV/0!"), "the first error"],
  [[1, DIV0_VALUE], err("#DIV/0!")],
  [[NULL, 1], err("#VALUE!")],
  [[1e300, 1], near(1e304)],
  [[1e300, 1e-300], err("#NUM!"), "overflow, never Infinity"],
  [[1e-300, 1e300], 0],
]);

table("TEXT_LENGTH", TEXT_LENGTH, [
  [["𠮷野家"], 3, "a character outside the BMP counts once (LEN says 4)"],
  [["😀"], 1],
  [["集群简介"], 4],
  [["  abc　"], 3, "trimmed, full-width space included"],
  [[""], 0],
  [[null], 0],
  [["   "], 0],
  [[true], 4],
  [[false], 5],
  [[0], 1],
  [[12.5], 4],
  [[-5], 2],
  [[1e300], 6, "1E+300"],
  [[1e-300], 6, "1E-300"],
  [[[["abc"]]], 3],
  [[[["ab", "c"]]], err("#VALUE!")],
  [[DIV0], err("#DIV/0!")],
  [[NA], err("#N/A")],
  [[[["ab", DIV0]]], err("#DIV/0!"), "an error before a range too large"],
  [[REF], err("#VALUE!")],
]);

table("DATA_YEARS", DATA_YEARS, [
  [[2024], [[2021, 2022, 2023]]],
  [[2022], [[2019, 2020, 2021]]],
  [[2030], [[2027, 2028, 2029]]],
  [[], [[2022, 2023, 2024]], "default: the 2025 batch"],
  [[""], [[2022, 2023, 2024]]],
  [[null], [[2022, 2023, 2024]]],
  [["2024"], [[2021, 2022, 2023]]],
  [[" 2024 "], [[2021, 2022, 2023]]],
  [[2021], err("#NUM!")],
  [[2024.5], err("#NUM!")],
  [[0], err("#NUM!")],
  [[-2024], err("#NUM!")],
  [[1e300], err("#NUM!")],
  [[1e-300], err("#NUM!")],
  [[true], err("#NUM!")],
  [["abc"], err("#VALUE!")],
  [[DIV0], err("#DIV/0!")],
  [[NA], err("#N/A")],
  [[DIV0_VALUE], err("#DIV/0!")],
]);

it("a script chaining the functions passes our ExcelError on as it is, message included", () => {
  // The package's own error value, not Excel's: scripts and the command line call sheet.ts.
  const e = PATENTS_PER_10K(1, 0);
  expect(e).toBeInstanceOf(ExcelError);
  expect(AVG_GROWTH_PCT([[10, e]])).toBe(e);
  expect(MEETS_STANDARD(LEAD, [[e]])).toBe(e);
  expect(TEXT_LENGTH(e)).toBe(e);
  expect(CLUSTER_CAGR([[100, e]])).toBe(e);
  expect(REVIEW([["2024年度中小企业特色产业集群申报表"]], e)).toBe(e);
});

it("DEFAULT_BATCH is the latest published batch", () => {
  expect(DEFAULT_BATCH).toBe(2025);
});

// ---------------------------------------------------------------------------------------------
// REVIEW on a generated, filled template read back as Excel would pass the range
// ---------------------------------------------------------------------------------------------

/** A cell as a custom function receives it: formulas as their result (none cached: null). */
function passed(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : passed(result as ExcelJS.CellValue);
  }
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("error" in v) return inputError(v.error);
  if ("text" in v) return String(v.text);
  return null;
}

/** A merged range's value sits in its top-left cell only, as Excel passes it. */
const mergedAway = (c: ExcelJS.Cell): boolean => c.isMerged && c.master.address !== c.address;

/** The worksheet from A1 to its last used cell (an exceljs sheet, not Office.js). */
function gridOf(ws: ExcelJS.Worksheet): unknown[][] {
  const grid: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++)
      row.push(mergedAway(ws.getCell(r, c)) ? null : passed(ws.getCell(r, c).value));
    grid.push(row);
  }
  return grid;
}

const SEVERITY_ZH: Readonly<Record<string, string>> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};
const HEADER = ["级别", "单元格", "说明"];

const dir = mkdtempSync(path.join(tmpdir(), "jiqun-sheet-fn-"));

async function jiqunCheck(file: string): Promise<CheckRecord[]> {
  let out = "";
  await main(["check", file, "--json"], { out: (l) => (out += `${l}\n`), err: () => undefined });
  return JSON.parse(out) as CheckRecord[];
}

interface Filled {
  readonly plan: SheetPlan;
  readonly ws: ExcelJS.Worksheet;
  readonly file: string;
}

async function filledShenbao(example: ShenbaoExample): Promise<Filled> {
  const plan = templatePlan("shenbao", example.batchYear);
  const wb = new ExcelJS.Workbook();
  const ws = addPlanSheet(wb, plan);
  fillByNames(ws, plan, example.values);
  const file = path.join(dir, `${example.key}-${example.batchYear}.xlsx`);
  writeFileSync(file, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
  return { plan, ws, file };
}

/** The review of the same cells through the reader and evaluator, as the 审查结果 rows. */
function reviewRows(plan: SheetPlan, grid: unknown[][]): unknown[][] {
  const valueAt = (address: string): CellValue => {
    const m = /^([A-Z]+)(\d+)$/u.exec(address) as RegExpExecArray;
    const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const v = grid[Number(m[2]) - 1]?.[col - 1];
    return (v ?? null) as CellValue;
  };
  const names = plan.names.map((n) => ({ name: n.name, address: n.address.replace(/\$/gu, "") }));
  const read = readTemplateSheet(plan.sheetName, names, valueAt);
  if (!read) throw new Error("not a template sheet");
  return recordsOf(evaluateSheet(read), "zh-CN").map((r) => [
    SEVERITY_ZH[r.severity],
    r.cell ?? "",
    r.message,
  ]);
}

describe("REVIEW", () => {
  it("example B: the same findings, cells and messages as evaluateSheet and `jiqun check --json`", async () => {
    const { plan, ws, file } = await filledShenbao(EXAMPLE_B);
    const grid = gridOf(ws);
    const r = viaExcel("REVIEW", REVIEW, [grid]);
    expect(Array.isArray(r)).toBe(true);
    const rows = r as unknown[][];
    expect(rows[0]).toEqual(HEADER);
    for (const row of rows) expect(row).toHaveLength(3);

    const records = await jiqunCheck(file);
    const fromCheck = records.map((x) => [SEVERITY_ZH[x.severity], x.cell ?? "", x.message]);
    expect(rows.slice(1)).toEqual(fromCheck);
    expect(rows.slice(1)).toEqual(reviewRows(plan, grid));

    // The rules are the evaluator's on B's values: 主导占比 exactly 70 in each year (not above),
    // 年均增速 and 研发增速 exactly 10 (not above); two evidence notes.
    const expected = evaluateShenbao(EXAMPLE_B.values, { batch: batchParams(2022) });
    expect(records.map((x) => `${x.ruleId}/${x.severity}/${x.year ?? "-"}`)).toEqual(
      expected.map((f) => `${f.ruleId}/${f.severity}/${f.year ?? "-"}`)
    );
    expect(records.filter((x) => x.severity === "error").map((x) => x.ruleId)).toEqual([
      "lead_industry_share_gt_70",
      "lead_industry_share_gt_70",
      "lead_industry_share_gt_70",
      "output_growth_gt_10",
      "rd_growth_gt_10",
    ]);
    const shareRow = (plan.names.find((n) => n.name === "SB_lead_output_share")?.address ?? "")
      .replace(/\$/gu, "")
      .replace(/^[A-Z]+(\d+).*$/u, "$1");
    expect(rows.slice(1, 4).map((x) => x[1])).toEqual([
      `B${shareRow}`,
      `C${shareRow}`,
      `D${shareRow}`,
    ]);

    // The batch may be given; the title's year is the default.
    expect(viaExcel("REVIEW", REVIEW, [grid, 2022])).toEqual(rows);
    expect(viaExcel("REVIEW", REVIEW, [grid, "2022"])).toEqual(rows);
  });

  it.each([EXAMPLE_C, EXAMPLE_E_2023])(
    "example $key ($batchYear): the same rows as `jiqun check --json`",
    async (example) => {
      const { plan, ws, file } = await filledShenbao(example);
      const grid = gridOf(ws);
      const rows = viaExcel("REVIEW", REVIEW, [grid]) as unknown[][];
      const records = await jiqunCheck(file);
      expect(rows[0]).toEqual(HEADER);
      expect(rows.slice(1)).toEqual(
        records.map((x) => [SEVERITY_ZH[x.severity], x.cell ?? "", x.message])
      );
      expect(rows.slice(1)).toEqual(reviewRows(plan, grid));
      expect(rows.length).toBeGreaterThan(1);
    }
  );

  it("example B with a #DIV/0! cell: that cell reported as `jiqun check` reports it", async () => {
    // Before functions.json let error cells through, Excel answered this call with #DIV/0!.
    const plan = templatePlan("shenbao", EXAMPLE_B.batchYear);
    const wb = new ExcelJS.Workbook();
    const ws = addPlanSheet(wb, plan);
    fillByNames(ws, plan, EXAMPLE_B.values);
    const share = plan.names.find((n) => n.name === "SB_lead_output_share")?.address ?? "";
    const cell = share.replace(/\$/gu, "").split(":")[0] as string;
    ws.getCell(cell).value = { error: "#DIV/0!" };
    const file = path.join(dir, "B-div0.xlsx");
    writeFileSync(file, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
    const grid = gridOf(ws);

    const rows = viaExcel("REVIEW", REVIEW, [grid]) as unknown[][];
    expect(Array.isArray(rows)).toBe(true);
    expect(rows[0]).toEqual(HEADER);
    const records = await jiqunCheck(file);
    expect(rows.slice(1)).toEqual(
      records.map((x) => [SEVERITY_ZH[x.severity], x.cell ?? "", x.message])
    );
    expect(rows).toContainEqual(["错误", cell, expect.stringContaining("现为「#DIV/0!」")]);
  });

  it("a 推荐汇总表 over its cap is one error; within it, 「未发现问题。」", async () => {
    const review = async (n: number): Promise<unknown[][]> => {
      const plan = templatePlan("huizong", 2023, findAuthority("贵州省") as Authority);
      const wb = new ExcelJS.Workbook();
      const ws = addPlanSheet(wb, plan);
      fillHuizongRows(ws, plan, guizhouRows(n));
      const file = path.join(dir, `huizong-${n}.xlsx`);
      writeFileSync(file, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
      const rows = viaExcel("REVIEW", REVIEW, [gridOf(ws)]) as unknown[][];
      const records = await jiqunCheck(file);
      if (records.length > 0)
        expect(rows.slice(1)).toEqual(
          records.map((x) => [SEVERITY_ZH[x.severity], x.cell ?? "", x.message])
        );
      return rows;
    };
    const over = await review(7);
    expect(over).toHaveLength(2);
    expect(over[1]?.[0]).toBe("错误");
    expect(String(over[1]?.[2])).toContain("上限 6");
    expect(await review(3)).toEqual([HEADER, ["", "", "未发现问题。"]]);
  });

  it("a 推荐汇总表 made before 附件1 was printed (title in A1) reviews as `jiqun check` does", async () => {
    const plan = earlierHuizongPlan(
      templatePlan("huizong", 2023, findAuthority("贵州省") as Authority)
    );
    const wb = new ExcelJS.Workbook();
    const ws = addPlanSheet(wb, plan);
    fillHuizongRows(ws, plan, guizhouRows(7));
    const file = path.join(dir, "huizong-earlier.xlsx");
    writeFileSync(file, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
    expect(ws.getCell("A1").value).toBe("2023年度中小企业特色产业集群推荐汇总表");
    const rows = viaExcel("REVIEW", REVIEW, [gridOf(ws)]) as unknown[][];
    const records = await jiqunCheck(file);
    expect(records).toHaveLength(1);
    expect(rows.slice(1)).toEqual(
      records.map((x) => [SEVERITY_ZH[x.severity], x.cell ?? "", x.message])
    );
    // The first row over the cap of 6 is the 7th, in row 10 under a header in row 3.
    expect(rows[1]?.slice(0, 2)).toEqual(["错误", "B10"]);
  });

  it.each<[string, unknown, unknown, ExcelErrorCode]>([
    ["a scalar", 5, undefined, "#VALUE!"],
    ["a blank", "", undefined, "#VALUE!"],
    ["no title", [["", ""]], undefined, "#VALUE!"],
    [
      "an unknown batch: #NUM! as in every function",
      [["2024年度中小企业特色产业集群申报表"]],
      2021,
      "#NUM!",
    ],
    ["a text batch", [["2024年度中小企业特色产业集群申报表"]], "abc", "#VALUE!"],
    ["an error batch", [["2024年度中小企业特色产业集群申报表"]], DIV0, "#DIV/0!"],
    ["a #REF! batch", [["2024年度中小企业特色产业集群申报表"]], REF, "#VALUE!"],
  ])("%s → %s", (_label, range, batch, code) => {
    expectResult(viaExcel("REVIEW", REVIEW, [range, batch]), err(code));
  });

  it("an empty 申报表 of 2024 lists its blanks as errors, error cells included", () => {
    const grid: unknown[][] = [["2024年度中小企业特色产业集群申报表"], [NA, DIV0]];
    const rows = viaExcel("REVIEW", REVIEW, [grid]) as unknown[][];
    expect(rows[0]).toEqual(HEADER);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.slice(1).every((x) => x[0] === "错误" || x[0] === "警告" || x[0] === "提示")).toBe(
      true
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (b) CLUSTER_CAGR against HyperFormula's RRI, one shared table
// ---------------------------------------------------------------------------------------------

interface RriCase {
  readonly label: string;
  /** One row of cells as Excel passes them to CLUSTER_CAGR (and as they sit in the HF sheet). */
  readonly cells: readonly unknown[];
  /** Explicit periods (a cell in the HF sheet); absent: the distance, as a number in =RRI(…). */
  readonly periods?: unknown;
}

const RRI_CASES: readonly RriCase[] = [
  { label: "10% a year", cells: [100, 110, 121] },
  { label: "blank year between", cells: [100, "", 121] },
  { label: "null year between", cells: [100, null, 121] },
  { label: "leading and trailing blanks", cells: [null, 100, null, 121, ""] },
  { label: "example B levels", cells: [40, 44, 48.4] },
  { label: "example A levels", cells: [52, 58.5, 66] },
  { label: "example C levels", cells: [32, 36, 41] },
  { label: "decline", cells: [100, 90, 50] },
  { label: "one value", cells: [100] },
  { label: "periods 2", cells: [100, 121], periods: 2 },
  { label: "periods text", cells: [100, 121], periods: "2" },
  { label: "periods padded text", cells: [100, 121], periods: " 2 " },
  { label: "periods 0", cells: [100, 121], periods: 0 },
  { label: "periods −1", cells: [100, 121], periods: -1 },
  { label: "periods −0.5", cells: [100, 121], periods: -0.5 },
  { label: "periods 0.5", cells: [100, 121], periods: 0.5 },
  { label: "periods 2.5", cells: [100, 150], periods: 2.5 },
  { label: "periods 1e-300", cells: [100, 121], periods: 1e-300 },
  { label: "periods 1e300", cells: [100, 121], periods: 1e300 },
  { label: "periods TRUE", cells: [100, 121], periods: true },
  { label: "periods FALSE", cells: [100, 121], periods: false },
  { label: "periods text abc", cells: [100, 121], periods: "abc" },
  { label: "periods 10% text", cells: [100, 121], periods: "10%" },
  { label: "periods #DIV/0!", cells: [100, 121], periods: DIV0 },
  { label: "periods #N/A", cells: [100, 121], periods: NA },
  { label: "periods error before a text level", cells: ["abc", 121], periods: NUM },
  { label: "periods text before an error level", cells: [DIV0, 121], periods: "abc" },
  { label: "zero start", cells: [0, 110, 121] },
  { label: "zero end", cells: [100, 110, 0] },
  { label: "both zero", cells: [0, 0] },
  { label: "both negative", cells: [-100, -110, -121] },
  { label: "negative to positive", cells: [-100, 121], periods: 2 },
  { label: "positive to negative", cells: [100, -121], periods: 2 },
  { label: "opposite signs, cube root", cells: [-100, 50, 121], periods: 3 },
  { label: "text levels", cells: ["100", "121"] },
  { label: "padded exponent text", cells: [" 1e2 ", "", 121] },
  { label: "percent text", cells: ["10%", "12.1%"] },
  { label: "signed and bare-point text", cells: ["+5", ".5", "5."] },
  { label: "negative text", cells: ["-100", "-121"] },
  { label: "text start", cells: ["abc", 121] },
  { label: "text end", cells: [100, "abc"] },
  { label: "text between", cells: [100, "abc", 121] },
  { label: "text TRUE", cells: ["TRUE", 4] },
  { label: "TRUE start", cells: [true, 4] },
  { label: "TRUE start, blank between", cells: [true, "", 4] },
  { label: "FALSE start", cells: [false, 4] },
  { label: "#DIV/0! start", cells: [DIV0, 121] },
  { label: "#NUM! end", cells: [100, NUM] },
  { label: "#N/A between", cells: [100, NA, 121] },
  { label: "#VALUE! end", cells: [100, VALUE] },
  { label: "two errors: the first wins", cells: [DIV0, NA] },
  { label: "huge, equal", cells: [1e300, 1e300] },
  { label: "huge to tiny", cells: [1e300, 1e-300] },
  { label: "tiny to huge", cells: [1e-300, 1e300] },
  { label: "tiny doubling", cells: [1e-300, 2e-300] },
  { label: "tiny, flat", cells: [1e-300, 1e-300, 1e-300] },
  { label: "large growth", cells: [1, 1e6], periods: 3 },
  // Left out on purpose, where HyperFormula is not a faithful stand-in for Excel's RRI or
  // Excel's answer is not known (LibreOffice 7.4.7 Calc, en-US, as a second opinion):
  // - periods 0 with a text start, RRI(0,"abc",121): HyperFormula #NUM! (it checks nper > 0 while
  //   coercing, before it looks at pv). Excel documents "invalid data types → #VALUE!" apart from
  //   "invalid values → #NUM!", and converts every argument first; LibreOffice gives #VALUE!,
  //   as ours does.
  // - periods 0 with an error start, RRI(0,#DIV/0!,121): HyperFormula #NUM!; an error argument
  //   propagates in Excel before the function runs (LibreOffice #DIV/0!), as ours does.
  // - text "1e400": HyperFormula and LibreOffice read it as Infinity and answer −1; ours is #NUM!,
  //   as for the number Infinity. Excel unverified.
  // - opposite signs over one period, RRI(1,−100,121): HyperFormula and ours #NUM!, LibreOffice
  //   −2.21. Excel only documents "invalid values → #NUM!"; unverified.
  // - currency, grouped, date or bracketed text ("$100", "1,000", "2022-06-30", "(100)"):
  //   HyperFormula coerces "$100", LibreOffice all four; ours answers #VALUE! (it reads plain
  //   decimal/exponent/percent text only), a known gap against Excel's locale-dependent coercion.
];

const ERROR_FORMULA: Readonly<Record<string, string>> = {
  "#DIV/0!": "=1/0",
  "#N/A": "=NA()",
  "#NUM!": "=SQRT(-1)",
  "#VALUE!": '="a"+1',
};

const codeOf = (v: unknown): string | undefined =>
  v instanceof ExcelError
    ? v.code
    : typeof v === "object" && v !== null && "code" in v
      ? String((v as { code: unknown }).code)
      : undefined;

/** What HyperFormula is given for one cell: text always as text (leading apostrophe). */
function hfContent(v: unknown): unknown {
  const code = codeOf(v);
  if (code !== undefined) return ERROR_FORMULA[code];
  if (v === "" || v === undefined) return null;
  if (typeof v === "string") return `'${v}`;
  return v;
}

const isBlankCell = (v: unknown): boolean => v === "" || v === null || v === undefined;

function colName(col: number): string {
  return String.fromCharCode(65 + col);
}

describe("CLUSTER_CAGR matches HyperFormula's RRI", () => {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false });
  const sheet = hf.getSheetId(hf.addSheet("rri")) as number;
  const FORMULA_COL = 8;
  const PERIODS_COL = 7;

  beforeAll(() => {
    RRI_CASES.forEach((c, row) => {
      const filled = c.cells.flatMap((v, i) => (isBlankCell(v) ? [] : [i]));
      const first = filled[0] as number;
      const last = filled[filled.length - 1] as number;
      const a1 = (col: number): string => `${colName(col)}${row + 1}`;
      const periods = isBlankCell(c.periods) ? String(last - first) : a1(PERIODS_COL);
      const contents: unknown[] = Array.from({ length: FORMULA_COL + 1 }, () => null);
      c.cells.forEach((v, i) => (contents[i] = hfContent(v)));
      if (!isBlankCell(c.periods)) contents[PERIODS_COL] = hfContent(c.periods);
      contents[FORMULA_COL] = `=RRI(${periods},${a1(first)},${a1(last)})`;
      hf.setCellContents({ sheet, row, col: 0 }, [
        contents as (string | number | boolean | null)[],
      ]);
    });
  });

  afterAll(() => hf.destroy());

  it("has at least 40 cases", () => {
    expect(RRI_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it("holds text as text, booleans as booleans and error cells as those errors", () => {
    RRI_CASES.forEach((c, row) => {
      const inputs: [unknown, number][] = c.cells.map((v, i) => [v, i]);
      if (!isBlankCell(c.periods)) inputs.push([c.periods, PERIODS_COL]);
      for (const [v, col] of inputs) {
        const at = { sheet, row, col };
        const held = hf.getCellValue(at);
        const code = codeOf(v);
        if (code !== undefined) expect((held as { value: string }).value).toBe(code);
        else if (isBlankCell(v)) expect(hf.getCellValueType(at)).toBe("EMPTY");
        else if (typeof v === "string") {
          expect(hf.getCellValueType(at)).toBe("STRING");
          expect(held).toBe(v);
        } else if (typeof v === "boolean") {
          expect(hf.getCellValueType(at)).toBe("BOOLEAN");
          expect(held).toBe(v);
        } else expect(held).toBe(v);
      }
    });
  });

  it.each(RRI_CASES.map((c, row) => [c.label, c, row] as const))("%s", (_label, c, row) => {
    const theirs = hf.getCellValue({ sheet, row, col: FORMULA_COL });
    const ours = viaExcel("CLUSTER_CAGR", CLUSTER_CAGR, [[c.cells], c.periods]);
    if (typeof theirs === "number") {
      expect(typeof ours).toBe("number");
      expect(Math.abs((ours as number) - theirs)).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(theirs))
      );
    } else {
      const code = (theirs as { value: string }).value;
      expect(["#NUM!", "#VALUE!", "#DIV/0!", "#N/A"]).toContain(code);
      expect(ours).toBeInstanceOf(ExcelError);
      expect((ours as ExcelError).code).toBe(code);
    }
  });

  it("covers numbers and each error code on HyperFormula's side", () => {
    const kinds = new Set(
      RRI_CASES.map((_c, row) => {
        const v = hf.getCellValue({ sheet, row, col: FORMULA_COL });
        return typeof v === "number" ? "number" : (v as { value: string }).value;
      })
    );
    expect([...kinds].sort()).toEqual(["#DIV/0!", "#N/A", "#NUM!", "#VALUE!", "number"]);
  });
});

// ---------------------------------------------------------------------------------------------
// (c) Properties
// ---------------------------------------------------------------------------------------------

const RUNS = { numRuns: 500 };
const CODES = ["#NUM!", "#VALUE!", "#DIV/0!", "#N/A"];

/** Error cells as Excel passes them: the runtime's error, or a data-type error object. */
const excelErrorCell = fc.oneof(
  fc.constantFrom(...Object.values(ErrorCode)).map(inputError),
  fc
    .constantFrom("#DIV/0!", "#N/A", "#REF!", "#SPILL!", "#CALC!", "#BUSY!")
    .map((basicValue) => ({ type: "Error", basicValue }))
);
/** Those, and objects that only look like one. */
const errorObject = fc.oneof(
  excelErrorCell,
  fc.constantFrom("#BUSY!", "", "DIV/0!").map((code) => ({ code })),
  fc.constantFrom("", "x").map((basicValue) => ({ type: "Error", basicValue }))
);
const ourError = fc
  .constantFrom<ExcelErrorCode>("#NUM!", "#VALUE!", "#DIV/0!", "#N/A")
  .map((code) => new ExcelError(code, "given"));
const numericText = fc
  .tuple(fc.double({ noNaN: true }), fc.constantFrom("", "%", " ", "e3", "E-2"))
  .map(([n, suffix]) => ` ${n}${suffix}`);
const words = fc.constantFrom(
  ...RULE_IDS,
  "主导产业占集群总产值比例高于70%",
  "贵州省",
  "甘肃",
  "深圳市",
  "兵团",
  "是",
  "否",
  "不涉及",
  "2024",
  "2024年度中小企业特色产业集群申报表"
);
const scalar = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 2100 }),
  fc.constantFrom(0, -0, 1e300, -1e300, 1e-300, 2022, 2024, 70, 70.01, 40),
  fc.string(),
  numericText,
  words,
  fc.boolean(),
  fc.constantFrom(null, "", undefined),
  errorObject,
  ourError
);
const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  maxDepth: 3,
});
const hostile = fc.constantFrom<unknown>(
  Object.create(null),
  { toString: 0, valueOf: 0 },
  [Object.create(null)],
  [[{ toString: 0, valueOf: 0 }]],
  [1, , 3], // eslint-disable-line no-sparse-arrays
  { code: 5 },
  new Date(0)
);
const cell = fc.oneof(scalar, anything, hostile);
const arg = fc.oneof(
  { weight: 3, arbitrary: cell },
  { weight: 2, arbitrary: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(cell, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 3 })) }
);
/** A template-like range: a title with a year in A1, anything else below. */
const titled = fc
  .tuple(fc.constantFrom(2022, 2023, 2024, 2025, 2021), fc.constantFrom("申报表", "推荐汇总表"))
  .chain(([year, form]) =>
    fc
      .array(fc.array(cell, { maxLength: 6 }), { maxLength: 40 })
      .map((rows) => [[`${year}年度中小企业特色产业集群${form}`], ...rows])
  );

type Kind = "number" | "boolean" | "string" | "spill";

function allowed(r: unknown, kind: Kind): boolean {
  if (r instanceof ExcelError) return CODES.includes(r.code);
  const scalarOk = (v: unknown): boolean =>
    (typeof v === "number" && Number.isFinite(v)) ||
    typeof v === "boolean" ||
    typeof v === "string";
  if (kind === "spill")
    return (
      Array.isArray(r) &&
      r.length > 0 &&
      r.every((row) => Array.isArray(row) && row.length > 0 && row.every(scalarOk))
    );
  if (kind === "number") return typeof r === "number" && Number.isFinite(r);
  return typeof r === kind;
}

const FUNCTIONS: readonly (readonly [string, (...a: unknown[]) => unknown, number, Kind])[] = [
  ["CLUSTER_CAGR", CLUSTER_CAGR as (...a: unknown[]) => unknown, 2, "number"],
  ["AVG_GROWTH_PCT", AVG_GROWTH_PCT as (...a: unknown[]) => unknown, 1, "number"],
  ["MEETS_STANDARD", MEETS_STANDARD as (...a: unknown[]) => unknown, 5, "boolean"],
  ["STANDARD_STATUS", STANDARD_STATUS as (...a: unknown[]) => unknown, 5, "string"],
  ["RULE_THRESHOLD", RULE_THRESHOLD as (...a: unknown[]) => unknown, 3, "number"],
  ["RECOMMEND_CAP", RECOMMEND_CAP as (...a: unknown[]) => unknown, 3, "number"],
  ["REGION", REGION as (...a: unknown[]) => unknown, 1, "string"],
  ["PATENTS_PER_10K", PATENTS_PER_10K as (...a: unknown[]) => unknown, 2, "number"],
  ["TEXT_LENGTH", TEXT_LENGTH as (...a: unknown[]) => unknown, 1, "number"],
  ["DATA_YEARS", DATA_YEARS as (...a: unknown[]) => unknown, 1, "spill"],
  ["REVIEW", REVIEW as (...a: unknown[]) => unknown, 2, "spill"],
];

describe("properties", () => {
  it("every exported function is covered", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.entries(require("../../src/functions/sheet") as object)
      .filter(([name, v]) => typeof v === "function" && /^[A-Z0-9_]+$/u.test(name))
      .map(([name]) => name)
      .sort();
    expect(exported).toEqual(FUNCTIONS.map(([name]) => name).sort());
  });

  it.each(FUNCTIONS.map(([name, fn, arity, kind]) => [name, fn, arity, kind] as const))(
    "%s never throws and answers a finite number, boolean, string, spill or one of four errors",
    (_name, fn, arity, kind) => {
      const first = _name === "REVIEW" ? fc.oneof(titled, arg) : arg;
      fc.assert(
        fc.property(first, fc.array(arg, { maxLength: arity - 1 }), (a, rest) => {
          excelWouldPass(metadata, _name, [a, ...rest]);
          const r = fn(a, ...rest);
          if (!allowed(r, kind)) throw new Error(`answered ${show(r)}`);
        }),
        RUNS
      );
    }
  );

  // What Excel answered before functions.json let error cells through: it never called the
  // function and showed the error. Read here as the first error argument by argument, row by row
  // within a range; a code a custom function cannot return (#REF!, #NAME?, #NULL!, #SPILL! …)
  // becomes #VALUE!. CLUSTER_CAGR (RRI skips the years between) and REVIEW (an error cell is form
  // content) read errors their own way; their case tables cover them.
  const plainCell = fc.oneof(
    fc.double(),
    fc.integer({ min: -5, max: 2100 }),
    numericText,
    words,
    fc.string(),
    fc.boolean(),
    fc.constantFrom(null, "", undefined)
  );
  const cellOrError = fc.oneof(
    { weight: 3, arbitrary: plainCell },
    { weight: 1, arbitrary: excelErrorCell }
  );
  const excelArg = fc.oneof(
    cellOrError,
    fc.array(fc.array(cellOrError, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
  );
  const firstErrorCode = (args: readonly unknown[]): string | undefined => {
    for (const v of (args as unknown[]).flat(3) as unknown[]) {
      const code = codeOf(v) ?? (v as { basicValue?: string } | null)?.basicValue;
      if (typeof v === "object" && v !== null && code !== undefined)
        return CODES.includes(code) ? code : "#VALUE!";
    }
    return undefined;
  };

  it.each(
    FUNCTIONS.filter(([name]) => name !== "CLUSTER_CAGR" && name !== "REVIEW").map(
      ([name, fn, arity]) => [name, fn, arity] as const
    )
  )(
    "%s answers the first error among its arguments, as before Excel let errors in",
    (name, fn, arity) => {
      fc.assert(
        fc.property(fc.array(excelArg, { minLength: arity, maxLength: arity }), (args) => {
          const expected = firstErrorCode(args);
          fc.pre(expected !== undefined);
          excelWouldPass(metadata, name, args);
          const r = fn(...args);
          expect(r).toBeInstanceOf(ExcelError);
          expect((r as ExcelError).code).toBe(expected);
        }),
        RUNS
      );
    }
  );

  it("CLUSTER_CAGR([[a, b]]) = (b/a)^(1/1) − 1 for a, b > 0", () => {
    const level = fc.double({ min: 1e-100, max: 1e100, noNaN: true });
    fc.assert(
      fc.property(level, level, (a, b) => {
        const expected = Math.pow(b / a, 1 / 1) - 1;
        const r = CLUSTER_CAGR([[a, b]]);
        expect(typeof r).toBe("number");
        expect(Math.abs((r as number) - expected)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, Math.abs(expected))
        );
      }),
      RUNS
    );
  });

  it("AVG_GROWTH_PCT of a constant rate r > −100 is r", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -99.999, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (rate, years, column) => {
          const cells = Array.from({ length: years }, () => rate);
          const r = AVG_GROWTH_PCT(column ? cells.map((x) => [x]) : [cells]);
          expect(typeof r).toBe("number");
          expect(Math.abs((r as number) - rate)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(rate))
          );
        }
      ),
      RUNS
    );
  });
});
