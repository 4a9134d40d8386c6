/**
 * Worksheet functions (namespace SME, set in manifest.xml). Thin wrappers over the domain; the
 * metadata (functions.json) is generated from these JSDoc blocks at build time. Ids never change.
 */
import { cagrFromLevels } from "../domain/growth";
import { excelError } from "./errors";

/**
 * 由逐年水平值计算复合年均增长率,与 Excel 的 RRI(期数, 首值, 末值) 结果一致,以小数返回(请设为百分比格式)。
 * @customfunction CLUSTER_CAGR CLUSTER_CAGR
 * @param values 逐年水平值(一行或一列,取第一个和最后一个数字)
 * @param [periods] 期数,默认为数字个数减 1
 * @returns 年均增长率(小数)
 */
export function clusterCagr(values: number[][], periods?: number): number | CustomFunctions.Error {
  const numbers = values.flat().filter((v): v is number => typeof v === "number");
  if (numbers.length === 0) return excelError("#VALUE!", "没有可用的数字");
  const r = cagrFromLevels(numbers, periods ?? numbers.length - 1);
  return r.ok ? r.value : excelError(r.error);
}
