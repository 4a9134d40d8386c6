/**
 * Worksheet functions (namespace SME, set in manifest.xml): thin wrappers over sheet.ts, whose
 * ExcelError values become the runtime's error objects. functions.json is generated from these
 * JSDoc blocks at build time; the ids after @customfunction never change.
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
 * 由逐年水平值计算复合年均增长率,与 Excel 的 RRI(期数, 首值, 末值) 结果一致,以小数返回(请设为百分比格式)。
 * @customfunction CLUSTER_CAGR CLUSTER_CAGR
 * @param values 逐年水平值(一行或一列),取第一个和最后一个非空单元格
 * @param [periods] 期数,默认为首末单元格之间的年数
 * @returns 年均增长率(小数,0.1 即 10%)
 */
export function clusterCagr(values: unknown[][], periods?: unknown): number {
  // RRI reads only its periods, first and last values, so an error cell between the first and
  // last years is skipped and one in those three is the answer, in RRI's order.
  return out(sheet.CLUSTER_CAGR(values, periods));
}

/**
 * 由各年增速(百分数,12.5 表示 12.5%)计算年均增速:几何平均 ((1+g1)…(1+gn))^(1/n) − 1,以百分数返回。
 * @customfunction AVG_GROWTH_PCT AVG_GROWTH_PCT
 * @param rates 各年增速(百分数,一行或一列,空白跳过)
 * @returns 年均增速(百分数)
 */
export function avgGrowthPct(rates: unknown[][]): number {
  // Every year enters the mean: the first error in the range is the answer.
  return out(sheet.AVG_GROWTH_PCT(rates));
}

/**
 * 判断数值是否达到认定标准(按批次阈值与推荐单位所在地区;西部地区未达硬性指标视为「可适当放宽」返回 TRUE,准入条件不放宽)。
 * @customfunction MEETS_STANDARD MEETS_STANDARD
 * @param rule 规则编号(如 lead_industry_share_gt_70)或标准原文
 * @param values 数值:逐年指标给近三年,准入条件给「是/否」,梯度培育给冠军、小巨人、专精特新、高新四个数
 * @param [batch] 批次年份,默认最新批次
 * @param [authority] 推荐单位或省份,用于西部地区放宽
 * @returns TRUE 达标,FALSE 未达标
 */
export function meetsStandard(
  rule: unknown,
  values: unknown[][],
  batch?: unknown,
  authority?: unknown
): boolean {
  // A verdict needs every value it is given: the first error among the arguments is the answer.
  return out(sheet.MEETS_STANDARD(rule, values, batch, authority));
}

/**
 * 与 MEETS_STANDARD 参数相同,返回「达标」「未达标」或「西部地区可适当放宽」。
 * @customfunction STANDARD_STATUS STANDARD_STATUS
 * @param rule 规则编号或标准原文
 * @param values 数值
 * @param [batch] 批次年份,默认最新批次
 * @param [authority] 推荐单位或省份
 * @returns 判断结果文字
 */
export function standardStatus(
  rule: unknown,
  values: unknown[][],
  batch?: unknown,
  authority?: unknown
): string {
  // As MEETS_STANDARD: the first error among the arguments is the answer.
  return out(sheet.STANDARD_STATUS(rule, values, batch, authority));
}

/**
 * 规则在该批次的阈值(占比、增速类为百分数)。
 * @customfunction RULE_THRESHOLD RULE_THRESHOLD
 * @param rule 规则编号或标准原文
 * @param [batch] 批次年份,默认最新批次
 * @returns 阈值
 */
export function ruleThreshold(rule: unknown, batch?: unknown): number {
  // Scalars only, nothing to skip: the first error among the arguments is the answer.
  return out(sheet.RULE_THRESHOLD(rule, batch));
}

/**
 * 推荐单位在该批次可推荐的集群数量上限(省级、计划单列市、兵团各不相同)。
 * @customfunction RECOMMEND_CAP RECOMMEND_CAP
 * @param authority 推荐单位或省份名称
 * @param [batch] 批次年份,默认最新批次
 * @returns 推荐数量上限
 */
export function recommendCap(authority: unknown, batch?: unknown): number {
  // Scalars only, nothing to skip: the first error among the arguments is the answer.
  return out(sheet.RECOMMEND_CAP(authority, batch));
}

/**
 * 省份、计划单列市或兵团所属地区:东部、中部、西部或东北。
 * @customfunction REGION REGION
 * @param name 名称(全称或简称)
 * @returns 地区
 */
export function region(name: unknown): string {
  // An error name has no region: the error is the answer.
  return out(sheet.REGION(name));
}

/**
 * 每万人有效发明专利拥有量 = 有效发明专利拥有量 ÷ 从业人员数量 × 10000。
 * @customfunction PATENTS_PER_10K PATENTS_PER_10K
 * @param patents 有效发明专利拥有量(件)
 * @param employees 从业人员数量(人)
 * @returns 件/万人
 */
export function patentsPer10k(patents: unknown, employees: unknown): number {
  // Arithmetic on both arguments, as =A1/B1*10000: the first error is the answer.
  return out(sheet.PATENTS_PER_10K(patents, employees));
}

/**
 * 按申报表的计数方式统计字数(去掉首尾空白后的字符数;生僻字按 1 个字计,与 LEN 不同)。
 * @customfunction TEXT_LENGTH TEXT_LENGTH
 * @param text 文字
 * @returns 字数
 */
export function textLength(text: unknown): number {
  // As LEN: an error argument is the answer.
  return out(sheet.TEXT_LENGTH(text));
}

/**
 * 批次的近三年数据年份,横向溢出三个单元格。
 * @customfunction DATA_YEARS DATA_YEARS
 * @param [batch] 批次年份,默认最新批次
 * @returns 三个年份
 */
export function dataYears(batch?: unknown): unknown[][] {
  // An error batch is the answer.
  return out(sheet.DATA_YEARS(batch));
}

/**
 * 审查按模板布局的申报表或推荐汇总表(从 A1 开始选取整表),溢出显示「级别 | 单元格 | 说明」。
 * @customfunction REVIEW REVIEW
 * @param range 整张表格区域,如 '申报表-2024'!A1:K300
 * @param [batch] 批次年份,默认读取标题中的年度
 * @returns 审查结果
 */
export function review(range: unknown[][], batch?: unknown): unknown[][] {
  // The range is a filled form, and an error cell in it is one of its values: read as its text,
  // the review reports that cell as `jiqun check` would. An error batch is the answer.
  return out(sheet.REVIEW(range, batch));
}
