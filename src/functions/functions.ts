/**
 * Worksheet functions (namespace SME, set in manifest.xml): thin wrappers over sheet.ts, whose
 * ExcelError values become the runtime's error objects. functions.json is generated from these
 * JSDoc blocks at build time; the ids after @customfunction never change.
 *
 * Two locales: these English descriptions are functions.json, the manifest's default (en-US);
 * Excel in Chinese reads functions.zh-CN.json instead, the same file with the descriptions of
 * descriptions.zh-CN.json (webpack.config.js, localizeFunctionsMetadata). Names stay these ASCII
 * ids in both, so a formula typed in one locale reads the same in the other. Each description
 * stays on one line: the generator keeps a line break of the JSDoc in the text Excel shows.
 *
 * Error cells reach every function: the build adds allowErrorForDataTypeAny to functions.json
 * (webpack.config.js, finishFunctionsMetadata), a switch for the whole file that lets Excel pass
 * an error to each parameter of type any, which all of ours are (`unknown` generates any, and
 * `unknown[][]` any with dimensionality matrix). Without it Excel never called a function whose
 * range held one error cell: =SME.REVIEW(A1:K80) answered #DIV/0! instead of reviewing. Each
 * body below says what that function does with an error argument, and why.
 */
import * as sheet from "./sheet";
import { excelError } from "./errors";

/** Excel shows a thrown CustomFunctions.Error as that error in the cell; throwing (rather than
 * returning it) keeps each result type exact in functions.json, spills included. */
function out<T>(r: T | sheet.ExcelError): T {
  if (r instanceof sheet.ExcelError) throw excelError(r.code, r.message);
  return r;
}

/**
 * Compound annual growth rate from yearly levels, the same result as Excel's RRI (periods, first value, last value), returned as a fraction (format the cell as a percentage).
 * @customfunction CLUSTER_CAGR CLUSTER_CAGR
 * @param values Yearly levels (one row or one column); the first and last non-blank cells are used
 * @param [periods] Number of periods; defaults to the years between the first and last cells
 * @returns Average annual growth (a fraction: 0.1 is 10%)
 */
export function clusterCagr(values: unknown[][], periods?: unknown): number {
  // RRI reads only its periods, first and last values, so an error cell between the first and
  // last years is skipped and one in those three is the answer, in RRI's order.
  return out(sheet.CLUSTER_CAGR(values, periods));
}

/**
 * Average annual growth from yearly growth rates in percent (12.5 means 12.5%): the geometric mean ((1+g1)…(1+gn))^(1/n) − 1, returned in percent.
 * @customfunction AVG_GROWTH_PCT AVG_GROWTH_PCT
 * @param rates Yearly growth rates in percent (one row or one column; blanks are skipped)
 * @returns Average annual growth (percent)
 */
export function avgGrowthPct(rates: unknown[][]): number {
  // Every year enters the mean: the first error in the range is the answer.
  return out(sheet.AVG_GROWTH_PCT(rates));
}

/**
 * Whether the values meet a recognition criterion, at the batch's threshold and for the region of the recommending authority; in the western region a missed hard criterion may be relaxed and returns TRUE (entry conditions are never relaxed).
 * @customfunction MEETS_STANDARD MEETS_STANDARD
 * @param rule Rule id (such as lead_industry_share_gt_70) or the criterion's Chinese wording
 * @param values Values: the last three years for a yearly indicator, yes or no (in Chinese) for an entry condition, the counts of champions, little giants, specialized SMEs and high-tech enterprises for the quality tier
 * @param [batch] Batch year; defaults to the latest batch
 * @param [authority] Recommending authority or province, for the western-region relaxation
 * @param [criteria] Criteria pack id (such as yunnan-provincial) or its Chinese name; defaults to the national standard of the batch
 * @returns TRUE when met, FALSE when not
 */
export function meetsStandard(
  rule: unknown,
  values: unknown[][],
  batch?: unknown,
  authority?: unknown,
  criteria?: unknown
): boolean {
  // A verdict needs every value it is given: the first error among the arguments is the answer.
  return out(sheet.MEETS_STANDARD(rule, values, batch, authority, criteria));
}

/**
 * Same arguments as MEETS_STANDARD; returns the verdict as Chinese text: met, not met, or may be relaxed in the western region.
 * @customfunction STANDARD_STATUS STANDARD_STATUS
 * @param rule Rule id or the criterion's Chinese wording
 * @param values Values
 * @param [batch] Batch year; defaults to the latest batch
 * @param [authority] Recommending authority or province
 * @param [criteria] Criteria pack id (such as yunnan-provincial) or its Chinese name; defaults to the national standard of the batch
 * @returns The verdict as text
 */
export function standardStatus(
  rule: unknown,
  values: unknown[][],
  batch?: unknown,
  authority?: unknown,
  criteria?: unknown
): string {
  // As MEETS_STANDARD: the first error among the arguments is the answer.
  return out(sheet.STANDARD_STATUS(rule, values, batch, authority, criteria));
}

/**
 * The rule's threshold in the batch (in percent for shares and growth rates).
 * @customfunction RULE_THRESHOLD RULE_THRESHOLD
 * @param rule Rule id or the criterion's Chinese wording
 * @param [batch] Batch year; defaults to the latest batch
 * @param [criteria] Criteria pack id (such as yunnan-provincial) or its Chinese name; defaults to the national standard of the batch
 * @returns Threshold
 */
export function ruleThreshold(rule: unknown, batch?: unknown, criteria?: unknown): number {
  // Scalars only, nothing to skip: the first error among the arguments is the answer.
  return out(sheet.RULE_THRESHOLD(rule, batch, criteria));
}

/**
 * How many clusters the recommending authority may recommend in the batch (different for provinces, cities with independent planning status and the Xinjiang Production and Construction Corps).
 * @customfunction RECOMMEND_CAP RECOMMEND_CAP
 * @param authority Name of the recommending authority or province
 * @param [batch] Batch year; defaults to the latest batch
 * @param [criteria] Criteria pack id (such as yunnan-provincial) or its Chinese name; defaults to the national standard of the batch
 * @returns Most clusters it may recommend
 */
export function recommendCap(authority: unknown, batch?: unknown, criteria?: unknown): number {
  // Scalars only, nothing to skip: the first error among the arguments is the answer.
  return out(sheet.RECOMMEND_CAP(authority, batch, criteria));
}

/**
 * Region of a province, city with independent planning status or the Xinjiang Production and Construction Corps: east, central, west or northeast (in Chinese).
 * @customfunction REGION REGION
 * @param name Name (full or short)
 * @returns Region
 */
export function region(name: unknown): string {
  // An error name has no region: the error is the answer.
  return out(sheet.REGION(name));
}

/**
 * Valid invention patents per 10,000 employees = valid invention patents ÷ employees × 10000.
 * @customfunction PATENTS_PER_10K PATENTS_PER_10K
 * @param patents Valid invention patents (count)
 * @param employees Employees (persons)
 * @returns Patents per 10,000 employees
 */
export function patentsPer10k(patents: unknown, employees: unknown): number {
  // Arithmetic on both arguments, as =A1/B1*10000: the first error is the answer.
  return out(sheet.PATENTS_PER_10K(patents, employees));
}

/**
 * Counts characters as the declaration forms do: characters after trimming leading and trailing blanks, a rare character counting as one (unlike LEN).
 * @customfunction TEXT_LENGTH TEXT_LENGTH
 * @param text Text
 * @returns Number of characters
 */
export function textLength(text: unknown): number {
  // As LEN: an error argument is the answer.
  return out(sheet.TEXT_LENGTH(text));
}

/**
 * The batch's three data years (the last three years), spilled across three cells.
 * @customfunction DATA_YEARS DATA_YEARS
 * @param [batch] Batch year; defaults to the latest batch
 * @returns Three years
 */
export function dataYears(batch?: unknown): unknown[][] {
  // An error batch is the answer.
  return out(sheet.DATA_YEARS(batch));
}

/**
 * Reviews a declaration form or recommendation summary table laid out as the template (select the whole sheet from A1) and spills the findings as level | cell | note (in Chinese).
 * @customfunction REVIEW REVIEW
 * @param range The whole sheet's range from A1, such as A1:K300 on the declaration form
 * @param [batch] Batch year; defaults to the year in the title
 * @returns Review findings
 */
export function review(range: unknown[][], batch?: unknown): unknown[][] {
  // The range is a filled form, and an error cell in it is one of its values: read as its text,
  // the review reports that cell as `jiqun check` would. An error batch is the answer.
  return out(sheet.REVIEW(range, batch));
}
