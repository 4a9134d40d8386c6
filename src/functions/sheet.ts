/**
 * The worksheet functions' implementations under their Excel names, without Excel: plain values
 * in, plain values or an ExcelError out, never a throw. The @customfunction wrappers in
 * functions.ts map ExcelError onto the runtime's error objects; scripts and the command line
 * import these from the package (`require("jiqun-shenbao-zhushou").CLUSTER_CAGR`).
 *
 * Arguments arrive as Excel passes them: a scalar, a 2-D array for a range, "" or null for a
 * blank, an error object for an error cell (functions.json sets allowErrorForDataTypeAny, so an
 * error cell reaches the function instead of Excel answering with it). Text numbers and booleans
 * are coerced as Excel coerces a cell for a numeric parameter, so CLUSTER_CAGR agrees with RRI
 * case by case. Errors: CLUSTER_CAGR reads only RRI's arguments (an error between the first and
 * last years is skipped), REVIEW reads an error cell as its text, and every other function
 * answers with the first error among its arguments, as Excel did before it let errors through.
 */
import {
  batchParams,
  batchOfTitle,
  buildHuizongPlan,
  builtinPacks,
  buildShenbaoPlan,
  cagrFromLevels,
  codePointLength,
  DEFAULT_SETTINGS,
  ExcelError,
  findAuthority,
  findBuiltinPack,
  geometricMeanOfRates,
  HUIZONG_TITLE_ROW,
  huizongTitleRow,
  isValidBatchYear,
  nationalPack,
  parseCell,
  PUBLISHED_BATCH_YEARS,
  readTemplateSheet,
  evaluateSheet,
  ruleVerdict,
  shiftRows,
  type Authority,
  type BatchParams,
  type CellValue,
  type CriteriaPack,
  type ExcelErrorCode,
  type FormValues,
  type RegionId,
  type Rule,
} from "../domain";
import { t } from "../i18n";
import { PLAN_TEXT_ZH } from "../i18n/planText";
import { recordsOf } from "../findings";

export { ExcelError };
export type Scalar = number | string | boolean;
export type Result<T extends Scalar = Scalar> = T | ExcelError;
export type Spill = Scalar[][] | ExcelError;

/** The batch when none is given: the latest published one. */
export const DEFAULT_BATCH: number =
  PUBLISHED_BATCH_YEARS[PUBLISHED_BATCH_YEARS.length - 1] ?? 2025;

/**
 * The codes Excel passes an error cell with. functions.json sets allowErrorForDataTypeAny, so
 * Excel hands every parameter of type any (all of ours) an error cell as a CustomFunctions.Error
 * whose code is a CustomFunctions.ErrorCode string; #NAME? and #REF! are input-only codes, which a
 * custom function cannot return (Microsoft's pages "Handle and return errors from your custom
 * function" and "Manually create JSON metadata for custom functions").
 */
const INPUT_CODES: readonly string[] = [
  "#NUM!",
  "#VALUE!",
  "#DIV/0!",
  "#N/A",
  "#NULL!",
  "#REF!",
  "#NAME?",
];
const RETURNABLE_CODES: readonly string[] = ["#NUM!", "#VALUE!", "#DIV/0!", "#N/A"];
const isReturnable = (code: string): code is ExcelErrorCode => RETURNABLE_CODES.includes(code);

/**
 * The code of an error value passed in, else undefined: the runtime's CustomFunctions.Error
 * ({ code }); Excel's data-type error object ({ type: "Error", basicValue: "#DIV/0!" }), which a
 * custom function may also be given because functions.json sets allowCustomDataForDataTypeAny
 * ("Use data types with custom functions in Excel"); or our ExcelError, from a script chaining
 * these functions.
 */
function errorCodeOf(v: unknown): string | undefined {
  if (v instanceof ExcelError) return v.code;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const { code, type, basicValue } = v as { code?: unknown; type?: unknown; basicValue?: unknown };
  if (typeof code === "string" && INPUT_CODES.includes(code)) return code;
  if (type === "Error" && typeof basicValue === "string" && basicValue.startsWith("#"))
    return basicValue;
  return undefined;
}

/**
 * An error passed in, as the error to answer with: ours as it is, else its own code, or #VALUE!
 * for one a custom function cannot return (#REF!, #NAME?; #NULL! and the data-type-only codes
 * such as #SPILL! are outside ExcelErrorCode).
 */
function passedError(v: unknown): ExcelError | undefined {
  if (v instanceof ExcelError) return v;
  const code = errorCodeOf(v);
  if (code === undefined) return undefined;
  return new ExcelError(isReturnable(code) ? code : "#VALUE!");
}

/** An error passed in keeps its code; any other object is an argument we cannot read. */
function errorIn(v: unknown): ExcelError | undefined {
  const passed = passedError(v);
  if (passed) return passed;
  if (typeof v === "object" && v !== null && !Array.isArray(v))
    return new ExcelError("#VALUE!", t("zh-CN", "fn.badArgument"));
  return undefined;
}

/**
 * The first error passed in, argument by argument and row by row within a range. Excel answers a
 * function that takes no errors with the error itself, never calling it; the functions that only
 * propagate errors start here, before any other check, so letting error cells through
 * (allowErrorForDataTypeAny, which functions.json can set only for the whole file) leaves their
 * answers as they were. Which of several errors Excel showed is undocumented: the first is ours.
 */
function firstError(...args: unknown[]): ExcelError | undefined {
  for (const arg of args) {
    const e = errorWithin(arg);
    if (e) return e;
  }
  return undefined;
}

function errorWithin(arg: unknown): ExcelError | undefined {
  if (!Array.isArray(arg)) return passedError(arg);
  for (let i = 0; i < arg.length; i++) {
    if (!(i in arg)) continue;
    const e = errorWithin(arg[i]);
    if (e) return e;
  }
  return undefined;
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === "";

/**
 * A range or a scalar as one list, row by row (holes in a sparse array are skipped). A plain
 * loop: the recursive flatMap this replaces cost about 1 µs per call on a three-cell row.
 */
function flat(arg: unknown, into: unknown[] = []): unknown[] {
  if (!Array.isArray(arg)) into.push(arg);
  else for (let i = 0; i < arg.length; i++) if (i in arg) flat(arg[i], into);
  return into;
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/u;

/** One value as Excel coerces a cell for a numeric parameter: blank 0, TRUE 1, "12.5" 12.5. */
function toNumber(v: unknown): number | ExcelError {
  const err = errorIn(v);
  if (err) return err;
  if (isBlank(v)) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return Number.isFinite(v) ? v : new ExcelError("#NUM!");
  if (typeof v === "string") {
    const s = v.trim();
    if (!NUMERIC_TEXT.test(s))
      return new ExcelError("#VALUE!", t("zh-CN", "fn.notNumber", { value: v.slice(0, 30) }));
    const n = s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);
    return Number.isFinite(n) ? n : new ExcelError("#NUM!");
  }
  return new ExcelError("#VALUE!");
}

/** A value as the evaluator reads a form cell: numbers stay, numeric text becomes a number. */
function toCell(v: unknown): CellValue | ExcelError {
  const err = errorIn(v);
  if (err) return err;
  if (isBlank(v)) return null;
  if (typeof v === "string") {
    const s = v.trim();
    if (!NUMERIC_TEXT.test(s) || s.endsWith("%")) return v;
    // Numeric text out of range ("1e400") is #NUM!, as the number itself would be.
    const n = Number(s);
    return Number.isFinite(n) ? n : new ExcelError("#NUM!");
  }
  if (typeof v === "number") return Number.isFinite(v) ? v : new ExcelError("#NUM!");
  if (typeof v === "boolean") return v;
  return new ExcelError("#VALUE!");
}

/**
 * A text parameter given a range: a one-cell range is its cell, a larger one #VALUE! (never
 * String() of an array, which joins cells with commas and throws on objects without toString).
 */
function scalarOf(arg: unknown): unknown {
  let v = arg;
  while (Array.isArray(v)) {
    if (v.length !== 1) return new ExcelError("#VALUE!", t("zh-CN", "fn.badArgument"));
    v = (v as unknown[])[0];
  }
  return v;
}

function batchOf(arg: unknown): BatchParams | ExcelError {
  if (isBlank(arg)) return batchParams(DEFAULT_BATCH);
  const year = toNumber(arg);
  if (year instanceof ExcelError) return year;
  if (!isValidBatchYear(year))
    return new ExcelError("#NUM!", t("zh-CN", "fn.badBatch", { value: String(arg) }));
  return batchParams(year);
}

function authorityOf(given: unknown, required: boolean): Authority | undefined | ExcelError {
  const arg = scalarOf(given);
  const err = errorIn(arg);
  if (err) return err;
  if (isBlank(arg))
    return required ? new ExcelError("#N/A", t("zh-CN", "fn.noAuthority")) : undefined;
  return (
    findAuthority(String(arg)) ??
    new ExcelError("#N/A", t("zh-CN", "fn.badAuthority", { value: String(arg) }))
  );
}

/**
 * A built-in criteria pack by its id or its Chinese name (trimmed, exactly); undefined for a blank
 * argument, #VALUE! for anything else (unknown text, a number, a boolean), as for a batch year
 * that is not one. The national standard of any batch year is found by its name too, as
 * national-YYYY is by its id, published or not.
 */
function packOf(given: unknown): CriteriaPack | undefined | ExcelError {
  const arg = scalarOf(given);
  const err = errorIn(arg);
  if (err) return err;
  if (isBlank(arg)) return undefined;
  const key = typeof arg === "string" ? arg.trim() : "";
  const year = Number(/\d{4}/u.exec(key)?.[0]);
  const national = isValidBatchYear(year) ? nationalPack(year) : undefined;
  return (
    (key === "" ? undefined : findBuiltinPack(key)) ??
    builtinPacks().find((p) => p.name === key) ??
    (national?.name === key ? national : undefined) ??
    new ExcelError(
      "#VALUE!",
      t("zh-CN", "fn.badCriteria", {
        value: String(arg),
        ids: builtinPacks()
          .map((p) => p.id)
          .join(", "),
      })
    )
  );
}

/** The batch, and the criteria a rule is read under: the batch's national standard by default. */
interface Standard {
  readonly batch: BatchParams;
  readonly pack: CriteriaPack;
}

/**
 * The batch and the pack together. A pack made for one batch (national-YYYY) supplies its batch
 * when none is given and is #VALUE! with a different one; a pack for any batch (云南) reads the
 * batch given, or the latest. The batch is checked first, then the pack, in argument order.
 */
function standardOf(batch: unknown, criteria: unknown): Standard | ExcelError {
  const given = isBlank(batch) ? undefined : batchOf(batch);
  if (given instanceof ExcelError) return given;
  const pack = packOf(criteria);
  if (pack instanceof ExcelError) return pack;
  if (pack?.batchYear !== undefined && given !== undefined && given.year !== pack.batchYear)
    return new ExcelError(
      "#VALUE!",
      t("zh-CN", "fn.criteriaBatch", {
        criteria: pack.id,
        expected: pack.batchYear,
        given: given.year,
      })
    );
  const b = given ?? batchParams(pack?.batchYear ?? DEFAULT_BATCH);
  return { batch: b, pack: pack ?? nationalPack(b.year) };
}

/** A rule of the pack by id or by the pack's Chinese wording (white space ignored). */
function ruleOf(given: unknown, pack: CriteriaPack): Rule | ExcelError {
  const arg = scalarOf(given);
  const err = errorIn(arg);
  if (err) return err;
  const key = String(arg ?? "").trim();
  const squeezed = key.replace(/\s/gu, "");
  const rule =
    pack.rules.find((r) => r.id === key) ??
    pack.rules.find((r) => r.wording === key || r.wording.replace(/\s/gu, "") === squeezed);
  return (
    rule ??
    new ExcelError(
      "#N/A",
      t("zh-CN", "fn.badRule", { value: key, ids: pack.rules.map((r) => r.id).join(", ") })
    )
  );
}

/**
 * =SME.CLUSTER_CAGR(values, [periods]): compound annual growth from yearly levels, as a fraction,
 * exactly RRI(periods, first, last) on the first and last non-blank cells; periods defaults to
 * their distance (a blank year in between still counts as a year).
 */
export function CLUSTER_CAGR(values: unknown, periods?: unknown): Result<number> {
  if (periods === undefined || periods === null || periods === "") {
    const quick = cagrOfPlainNumbers(values);
    if (quick !== undefined) return quick;
  }
  const cells = flat(values);
  let firstAt = -1;
  let lastAt = -1;
  for (let i = 0; i < cells.length; i++) {
    if (isBlank(cells[i])) continue;
    if (firstAt < 0) firstAt = i;
    lastAt = i;
  }
  if (firstAt < 0) return new ExcelError("#VALUE!", t("zh-CN", "fn.noNumbers"));
  const n = isBlank(periods) ? lastAt - firstAt : toNumber(periods);
  if (n instanceof ExcelError) return n;
  const first = toNumber(cells[firstAt]);
  if (first instanceof ExcelError) return first;
  const last = toNumber(cells[lastAt]);
  if (last instanceof ExcelError) return last;
  const r = cagrFromLevels([first, last], n);
  return r.ok ? r.value : new ExcelError(r.error, t("zh-CN", "fn.rriInvalid"));
}

/**
 * The common case, a range of plain numbers and valid RRI inputs, without allocating: the same
 * expression as rri(). Anything else (blanks, text, errors, invalid inputs) returns undefined and
 * takes the general path, which also explains errors.
 */
function cagrOfPlainNumbers(values: unknown): number | undefined {
  if (!Array.isArray(values)) return undefined;
  let first = 0;
  let last = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const row: unknown = values[i];
    if (!Array.isArray(row)) return undefined;
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (typeof v !== "number") return undefined;
      if (count === 0) first = v;
      last = v;
      count++;
    }
  }
  const n = count - 1;
  if (n <= 0 || first === 0 || !Number.isFinite(first) || !Number.isFinite(last)) return undefined;
  // Opposite signs: the general path says #NUM! (decided on the signs, as rri() does).
  if (last !== 0 && last < 0 !== first < 0) return undefined;
  const ratio = last / first;
  const r = Math.pow(ratio, 1 / n) - 1;
  return Number.isFinite(r) ? r : undefined;
}

/**
 * =SME.AVG_GROWTH_PCT(rates): 年均增速 from yearly growth rates in percent (12.5 = 12.5%), the
 * geometric mean ((1+g1)…(1+gn))^(1/n) − 1, in percent. Blanks are skipped.
 */
export function AVG_GROWTH_PCT(rates: unknown): Result<number> {
  const passed = firstError(rates);
  if (passed) return passed;
  const numbers: number[] = [];
  for (const v of flat(rates)) {
    if (isBlank(v)) continue;
    const n = toNumber(v);
    if (n instanceof ExcelError) return n;
    numbers.push(n);
  }
  if (numbers.length === 0) return new ExcelError("#VALUE!", t("zh-CN", "fn.noNumbers"));
  const r = geometricMeanOfRates(numbers);
  if (r.ok) return r.value;
  return numbers.some((n) => n <= -100)
    ? new ExcelError(r.error, t("zh-CN", "fn.rateTooLow"))
    : new ExcelError(r.error);
}

/** The values a rule reads, shaped as the form holds them. */
function formValuesFor(
  rule: Rule,
  given: readonly CellValue[]
): { rule: Rule; values: FormValues } {
  const c = rule.criterion;
  switch (c.kind) {
    case "qualityTier": {
      const [ch = null, lg = null, zj = null, ht = null] = given;
      const latest = (v: CellValue): CellValue[] => [null, null, v];
      return {
        rule,
        values: {
          champions: latest(ch),
          little_giants: latest(lg),
          zjtx_smes: latest(zj),
          hitech_innovative: latest(ht),
        },
      };
    }
    case "value":
    case "gate":
      return { rule, values: { [c.field]: given.filter((v) => v !== null).at(-1) ?? null } };
    case "geomean":
      // One number is the average itself; several are the yearly rates.
      return given.filter((v) => v !== null).length === 1
        ? {
            rule: { ...rule, criterion: { kind: "value", field: c.field, op: c.op } },
            values: { [c.field]: given.find((v) => v !== null) ?? null },
          }
        : { rule, values: { [c.field]: given.slice(-3) } };
    case "eachYear":
      return { rule, values: { [c.field]: given.slice(-3) } };
    default:
      return { rule, values: { [c.field]: given.slice(0, 4) } };
  }
}

type Verdict = ReturnType<typeof ruleVerdict>;

function verdictOf(
  rule: unknown,
  values: unknown,
  batch: unknown,
  authority: unknown,
  criteria: unknown
): Verdict | ExcelError {
  const passed = firstError(rule, values, batch, authority, criteria);
  if (passed) return passed;
  const standard = standardOf(batch, criteria);
  if (standard instanceof ExcelError) return standard;
  const { batch: b, pack } = standard;
  const r = ruleOf(rule, pack);
  if (r instanceof ExcelError) return r;
  const a = authorityOf(authority, false);
  if (a instanceof ExcelError) return a;
  const given: CellValue[] = [];
  for (const v of flat(values)) {
    const cell = toCell(v);
    if (cell instanceof ExcelError) return cell;
    if (r.criterion.kind !== "gate" && typeof cell === "string")
      return new ExcelError("#VALUE!", t("zh-CN", "fn.notNumber", { value: cell.slice(0, 30) }));
    given.push(cell);
  }
  const shaped = formValuesFor(r, given);
  const verdict = ruleVerdict(shaped.rule, shaped.values, {
    dataYears: b.dataYears,
    planYears: b.planYears,
    // 「西部地区可适当放宽」 is a clause of the national standard, not of every pack (as evaluateShenbao).
    western: a?.region === "west" && pack.relaxWest,
    settings: DEFAULT_SETTINGS,
  });
  return verdict === "nodata" ? new ExcelError("#VALUE!", t("zh-CN", "fn.noNumbers")) : verdict;
}

/**
 * =SME.MEETS_STANDARD(rule, values, [batch], [authority], [criteria]): TRUE when the values meet
 * the rule for the batch, under the criteria pack given (a built-in pack's id or Chinese name) or
 * else the national standard of the batch. For a western authority a miss of a hard criterion is
 * relaxed (「西部地区可适当放宽」, the reviewer decides) and answers TRUE, where the pack has that
 * clause (relaxWest); SME.STANDARD_STATUS tells the two apart. Gates are never relaxed. A rule
 * the pack does not have is #N/A, as an unknown one; an unknown pack, or a pack for another batch
 * than the one given, #VALUE!.
 */
export function MEETS_STANDARD(
  rule: unknown,
  values: unknown,
  batch?: unknown,
  authority?: unknown,
  criteria?: unknown
): Result<boolean> {
  const v = verdictOf(rule, values, batch, authority, criteria);
  return v instanceof ExcelError ? v : v !== "fail";
}

/** =SME.STANDARD_STATUS(…): 达标, 未达标 or 西部地区可适当放宽 (same arguments as MEETS_STANDARD). */
export function STANDARD_STATUS(
  rule: unknown,
  values: unknown,
  batch?: unknown,
  authority?: unknown,
  criteria?: unknown
): Result<string> {
  const v = verdictOf(rule, values, batch, authority, criteria);
  if (v instanceof ExcelError) return v;
  return t(
    "zh-CN",
    v === "pass" ? "fn.status.pass" : v === "fail" ? "fn.status.fail" : "relaxed.note"
  );
}

/**
 * =SME.RULE_THRESHOLD(rule, [batch], [criteria]): the rule's threshold for the batch, or in the
 * criteria pack (percent for shares).
 */
export function RULE_THRESHOLD(rule: unknown, batch?: unknown, criteria?: unknown): Result<number> {
  const passed = firstError(rule, batch, criteria);
  if (passed) return passed;
  const standard = standardOf(batch, criteria);
  if (standard instanceof ExcelError) return standard;
  const r = ruleOf(rule, standard.pack);
  return r instanceof ExcelError ? r : r.threshold;
}

/**
 * =SME.RECOMMEND_CAP(authority, [batch], [criteria]): how many clusters the authority may
 * recommend; #N/A under a criteria pack without caps (a province's 认定 has none).
 */
export function RECOMMEND_CAP(
  authority: unknown,
  batch?: unknown,
  criteria?: unknown
): Result<number> {
  const passed = firstError(authority, batch, criteria);
  if (passed) return passed;
  const standard = standardOf(batch, criteria);
  if (standard instanceof ExcelError) return standard;
  const a = authorityOf(authority, true);
  if (a instanceof ExcelError) return a;
  const caps = standard.pack.caps;
  return caps === null
    ? new ExcelError("#N/A", t("zh-CN", "fn.noCap", { criteria: standard.pack.name }))
    : caps[(a as Authority).kind];
}

const REGION_NAMES: Readonly<Record<RegionId, string>> = {
  east: "东部",
  central: "中部",
  west: "西部",
  northeast: "东北",
};

/** =SME.REGION(name): 东部, 中部, 西部 or 东北 for a province, 计划单列市 or 兵团 (short names too). */
export function REGION(name: unknown): Result<string> {
  const passed = firstError(name);
  if (passed) return passed;
  const a = authorityOf(name, true);
  if (a instanceof ExcelError) return a;
  return REGION_NAMES[(a as Authority).region];
}

/** =SME.PATENTS_PER_10K(patents, employees): 每万人有效发明专利拥有量 = patents ÷ employees × 10000. */
export function PATENTS_PER_10K(patents: unknown, employees: unknown): Result<number> {
  const passed = firstError(patents, employees);
  if (passed) return passed;
  const p = toNumber(patents);
  if (p instanceof ExcelError) return p;
  const e = toNumber(employees);
  if (e instanceof ExcelError) return e;
  if (e === 0) return new ExcelError("#DIV/0!", t("zh-CN", "fn.noEmployees"));
  if (p < 0 || e < 0) return new ExcelError("#NUM!", t("zh-CN", "fn.negative"));
  // Overflow (1e300 patents per 1e-300 people) is #NUM!, as in Excel, never Infinity.
  // + 0 makes −0 (no patents, −0 typed) plain 0: Excel has no negative zero.
  const perTenThousand = (p / e) * 10000 + 0;
  return Number.isFinite(perTenThousand) ? perTenThousand : new ExcelError("#NUM!");
}

/** =SME.TEXT_LENGTH(text): characters as the form counts them (code points, trimmed), unlike LEN. */
export function TEXT_LENGTH(text: unknown): Result<number> {
  const passed = firstError(text);
  if (passed) return passed;
  const v = scalarOf(text);
  const err = errorIn(v);
  if (err) return err;
  if (isBlank(v)) return 0;
  const s = typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
  return codePointLength(s.trim());
}

/** =SME.DATA_YEARS([batch]): the batch's three data years (近三年), spilled across. */
export function DATA_YEARS(batch?: unknown): Spill {
  const passed = firstError(batch);
  if (passed) return passed;
  const b = batchOf(batch);
  return b instanceof ExcelError ? b : [[...b.dataYears]];
}

/**
 * =SME.REVIEW(range, [batch]): the findings of a 申报表 or 推荐汇总表 laid out as the template
 * (pass the sheet from A1, e.g. '申报表-2024'!A1:K300), spilled as 级别 | 单元格 | 说明.
 */
export function REVIEW(range: unknown, batch?: unknown): Spill {
  if (!Array.isArray(range)) return new ExcelError("#VALUE!", t("zh-CN", "fn.needRange"));
  const grid = range as unknown[][];
  // An error cell is a value of the form like any other: read as its text ("#DIV/0!", "#REF!"), as
  // `jiqun check` reads a file's cached error and the task pane reads Range.values, so the review
  // reports that cell (not a number, not 是/否) instead of the whole review being the error.
  const valueAt = (address: string): CellValue => {
    const { row, col } = parseCell(address);
    const cell: unknown = grid[row - 1]?.[col - 1];
    const code = errorCodeOf(cell);
    if (code !== undefined) return code;
    const v = toCell(cell);
    return v instanceof ExcelError ? v.code : v;
  };
  let b: BatchParams;
  if (isBlank(batch)) {
    const year = batchOfTitle(valueAt);
    if (year === undefined) return new ExcelError("#VALUE!", t("zh-CN", "fn.noBatchTitle"));
    b = batchParams(year);
  } else {
    const given = batchOf(batch);
    if (given instanceof ExcelError) return given;
    b = given;
  }
  const year = b.year;
  const titleRow = huizongTitleRow(valueAt);
  const plan =
    titleRow === undefined ? buildShenbaoPlan(b, PLAN_TEXT_ZH) : buildHuizongPlan(b, PLAN_TEXT_ZH);
  // The range has no names: the plan's stand in for them, moved with the title, since a 汇总表
  // made before 附件1 was printed above its title has every row one higher than the plan's.
  const shift = titleRow === undefined ? 0 : titleRow - HUIZONG_TITLE_ROW;
  const names = plan.names.map((n) => ({
    name: n.name,
    address: shiftRows(n.address.replace(/\$/gu, ""), shift),
  }));
  const read = readTemplateSheet("", names, (address) => valueAt(address));
  if (!read) return new ExcelError("#VALUE!", t("zh-CN", "fn.noBatchTitle"));
  const records = recordsOf(evaluateSheet({ ...read, batchYear: year }), "zh-CN");
  const header: Scalar[] = [
    t("zh-CN", "review.col.severity"),
    t("zh-CN", "review.col.cell"),
    t("zh-CN", "review.col.message"),
  ];
  if (records.length === 0) return [header, ["", "", t("zh-CN", "review.none")]];
  return [
    header,
    ...records.map((r) => [t("zh-CN", `severity.${r.severity}`), r.cell ?? "", r.message]),
  ];
}
