/** The package's Node entry: the domain core, the string tables, the xlsx templates and the worksheet
 * functions, without Excel. */
import "./i18n/all";

export * from "./domain";
export { parsePack } from "./domain/criteria/schema";
export { packIssueText } from "./i18n/criteria";
export { localeFor, t, type Locale } from "./i18n";
export { findingWords, formatFinding, type FindingWords } from "./i18n/findings";
export { templatePlan, templateXlsx } from "./xlsx/templates";
export { readDefinedNames } from "./xlsx/writer";
// The worksheet functions under their Excel names, for scripts: plain values or an ExcelError.
export {
  AVG_GROWTH_PCT,
  CLUSTER_CAGR,
  DATA_YEARS,
  DEFAULT_BATCH,
  MEETS_STANDARD,
  PATENTS_PER_10K,
  RECOMMEND_CAP,
  REGION,
  REVIEW,
  RULE_THRESHOLD,
  STANDARD_STATUS,
  TEXT_LENGTH,
} from "./functions/sheet";
