/**
 * A finding's words (i18n/findings, the one place a finding becomes text): every field of both
 * forms is named by its form label and never by an id, in both languages; numbers are shown with
 * the precision that decided them and their gap is exact; a relaxed western threshold is said
 * alongside the standard's shortfall; the 汇总表's sentences read as a reviewer would write them.
 */
import {
  batchParams,
  evaluateHuizong,
  evaluateShenbao,
  EXAMPLE_A,
  EXAMPLE_B,
  EXAMPLE_C,
  findAuthority,
  FORM_CHECK_IDS,
  guizhouRows,
  HUIZONG_COLUMNS,
  PLAN_PARTS,
  RULE_IDS,
  rulesForBatch,
  SHENBAO,
  SHENBAO_EXAMPLES,
  SUMMARY_CHECK_IDS,
  type Authority,
  type CellValue,
  type FieldSpec,
  type Finding,
  type FormValues,
  type HuizongRow,
} from "../../src/domain";
import type { Locale } from "../../src/i18n";
import { findingWords, type FindingWords } from "../../src/i18n/findings";

const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];
const batch = batchParams(2022);
const zhejiang = findAuthority("浙江省") as Authority;
const guizhou = findAuthority("贵州省") as Authority;

/* ---------- every field, every rule that can apply ---------- */

const HZ_FIELD_IDS = [
  ...HUIZONG_COLUMNS.map((c) => `hz_${c.id}`),
  "hz_rows",
  "hz_authority",
  "hz_contact",
];

/** Ids a user must never read: field ids (both forms, the plan's parts), rule ids, name prefixes. */
const INTERNAL_IDS: readonly string[] = [
  ...new Set([
    ...SHENBAO.fields.map((f) => f.id),
    ...PLAN_PARTS,
    ...HUIZONG_COLUMNS.map((c) => c.id),
    ...HZ_FIELD_IDS,
    "rows",
    "authority",
    "contact",
    ...RULE_IDS,
    ...FORM_CHECK_IDS,
    ...SUMMARY_CHECK_IDS,
  ]),
];

const word = (id: string): RegExp =>
  new RegExp(`(?<![A-Za-z0-9_])${id.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}(?![A-Za-z0-9_])`, "u");

/**
 * The ids a text shows. Compound ids (output_total, hz_intro, SB_…) may not appear anywhere. A
 * one-word id (intro, name, patents) may not appear at all in Chinese; English prose uses some
 * as words (「cluster name」, 「per 10,000 employees」), so there it may not stand where a label
 * stands: quoted, or opening the sentence.
 */
function idsIn(text: string, locale: Locale): string[] {
  const found = INTERNAL_IDS.filter((id) => {
    if (/[_]/u.test(id)) return text.includes(id);
    if (locale === "zh-CN") return word(id).test(text);
    return [`“${id}”`, `「${id}」`, `"${id}"`].some((q) => text.includes(q)) || text.startsWith(id);
  });
  if (/\b(?:SB|HZ|hz)_/u.test(text)) found.push("SB_/HZ_ prefix");
  return found;
}

function textsOf(w: FindingWords): string[] {
  return [w.message, w.field, w.rule, w.actual, w.threshold, w.gap, w.place, w.method].filter(
    (x): x is string => x !== undefined
  );
}

const TIERS = ["zjtx_smes", "little_giants", "champions", "hitech_innovative"];

/**
 * Each check that can apply to the field, as the evaluator shapes it (a year where the field has
 * year columns, an option where it has options); values Chinese or numeric, so that the user's
 * own text names no id.
 */
function sampleFindings(field: FieldSpec): Finding[] {
  const year = field.years === "data" ? 2020 : field.years === "plan" ? 2024 : undefined;
  const at = {
    fieldId: field.id,
    ...(year !== undefined ? { year } : {}),
  };
  const numeric = ["num", "pct", "count", "countNames", "countGrid"].includes(field.kind);
  const out: Finding[] = [
    { ruleId: "required", severity: "error", ...at },
    ...(field.options
      ? [{ ruleId: "required", severity: "error", ...at, option: field.options[0] } as Finding]
      : []),
  ];
  if (numeric) {
    out.push(
      { ruleId: "number_expected", severity: "error", ...at, actual: "大约" },
      { ruleId: "count_whole", severity: "error", ...at, actual: 2.5 },
      { ruleId: "pct_range", severity: "error", ...at, actual: 120, threshold: "[0, 100]" },
      { ruleId: "unit_slip", severity: "warning", ...at, actual: 0.5, threshold: "%" }
    );
  }
  if (["yesno", "yesnoNA", "radio", "multi"].includes(field.kind))
    out.push({
      ruleId: "choice_invalid",
      severity: "error",
      ...at,
      ...(field.kind === "multi" ? { option: field.options?.[0] ?? "" } : {}),
      actual: "大约",
      threshold: "是/否",
    });
  if (field.limit !== undefined)
    out.push({
      ruleId: "text_limit",
      severity: "error",
      ...at,
      actual: field.limit + 1,
      threshold: field.limit,
      operator: "<=",
    });
  if (field.evidence)
    out.push({
      ruleId: "evidence_required",
      severity: "info",
      ...at,
      ...(field.evidence === "perOption" ? { option: field.options?.[0] ?? "" } : {}),
    });
  if (field.id === "name" || field.id === "cover_name")
    out.push(
      { ruleId: "name_pattern", severity: "warning", ...at, actual: "甲县集群" },
      {
        ruleId: "name_mismatch",
        severity: "warning",
        ...at,
        actual: "甲县集群",
        threshold: "乙县集群",
      }
    );
  if (field.id === "smes")
    out.push({
      ruleId: "sme_count_le_firms",
      severity: "error",
      ...at,
      actual: 9,
      threshold: 8,
      operator: "<=",
    });
  if (TIERS.includes(field.id))
    out.push({
      ruleId: "tier_count_le_smes",
      severity: "warning",
      ...at,
      actual: 9,
      threshold: 8,
      operator: "<=",
    });
  if (field.id === "lead_output_cagr")
    out.push({
      ruleId: "growth_reported_vs_recomputed",
      severity: "warning",
      ...at,
      actual: 12,
      threshold: 0.5,
      method: "geomean_rates",
      detail: { recomputed: 9.86 },
    });
  if (field.id === "patents_per_10k")
    out.push({
      ruleId: "per_10k_consistency",
      severity: "warning",
      ...at,
      actual: 20,
      threshold: 0.1,
      detail: { recomputed: 12.5 },
    });
  for (const rule of rulesForBatch(batch)) {
    const c = rule.criterion;
    if ((c.kind === "qualityTier" ? "little_giants" : c.field) !== field.id) continue;
    const op = "op" in c ? c.op : undefined;
    out.push({
      ruleId: rule.id,
      severity: "error",
      fieldId: field.id,
      ...(c.kind === "eachYear" || c.kind === "qualityTier" ? { year: 2021 } : {}),
      ...(c.kind.startsWith("plan") ? { year: 2024 } : {}),
      actual: c.kind === "gate" ? "否" : 1.5,
      ...(c.kind === "gate" ? {} : { threshold: rule.threshold }),
      ...(op ? { operator: op } : {}),
      ...(c.kind === "eachYear" && c.share ? { method: "every_year" as const } : {}),
      ...(c.kind === "qualityTier" ? { detail: { broad: 3, altThreshold: c.altThreshold } } : {}),
      ...(c.kind === "planRising" ? { detail: { previous: 2 } } : {}),
    });
  }
  return out;
}

function huizongSamples(fieldId: string): Finding[] {
  return [
    ...SUMMARY_CHECK_IDS.map((ruleId): Finding => ({
      ruleId,
      severity: "error",
      fieldId,
      row: 2,
      actual: ruleId === "summary_row_cap" || ruleId === "text_limit" ? 9 : "白酒酿造",
      threshold: 7,
      operator: "<=",
      detail: ruleId === "summary_row_cap" ? { authority: "贵州省" } : { otherRow: 1 },
    })),
  ];
}

/** Blank, unreadable and out-of-range values in every cell of every 申报表 field. */
function shenbaoValueSets(): FormValues[] {
  const fill = (value: (f: FieldSpec) => CellValue): FormValues => {
    const values: Record<string, CellValue | CellValue[]> = {};
    for (const f of SHENBAO.fields) {
      const n =
        f.years === "data"
          ? 3
          : f.years === "plan"
            ? 4
            : f.kind === "multi"
              ? (f.options?.length ?? 1)
              : f.kind === "countNames"
                ? 2
                : f.kind === "countGrid"
                  ? (f.gridRows?.length ?? 1) * (f.gridCols?.length ?? 1) * 3
                  : 1;
      values[f.id] = n === 1 ? value(f) : Array.from({ length: n }, () => value(f));
      for (const part of f.parts?.slice(1) ?? []) values[part] = value(f);
    }
    return values;
  };
  return [
    {},
    fill(() => "大约"),
    fill(() => -5.25),
    fill(() => 1e9 + 0.1 + 0.2),
    fill(() => 0.5),
    fill((f) => (f.limit ? "字".repeat(f.limit + 1) : 2.5)),
    { ...fill(() => 12), name: "某集群", cover_name: "另一集群", lead_output_cagr: 50 },
  ];
}

/** 汇总表 rows: blank cells, too-long text, bad names, repeated industries, too many rows. */
function huizongRowSets(): HuizongRow[][] {
  const full = guizhouRows(7);
  return [
    full.map((r) => ({ seq: r.seq, name: "某某" })),
    full.map((r) => ({ ...r, intro: "字".repeat(151), industry: "白酒酿造业", name: "某某" })),
    [...full, ...guizhouRows(2)],
  ];
}

describe("every field is named by its form label, never by an id", () => {
  const evaluated: Finding[] = [
    ...shenbaoValueSets().flatMap((values) => [
      ...evaluateShenbao(values, { batch }),
      ...evaluateShenbao(values, { batch, authority: zhejiang }),
      ...evaluateShenbao(values, {
        batch,
        settings: {
          westernMode: "thresholds",
          relaxedThresholds: Object.fromEntries(RULE_IDS.map((id) => [id, 1])),
        },
      }),
    ]),
    ...huizongRowSets().flatMap((rows) => [
      ...evaluateHuizong({ rows }, { batch: batchParams(2023), authority: guizhou }),
      ...evaluateHuizong({ rows }, { batch: batchParams(2023) }),
    ]),
  ];
  const constructed: Finding[] = [
    ...SHENBAO.fields.flatMap(sampleFindings),
    ...HZ_FIELD_IDS.flatMap(huizongSamples),
  ];

  it("together they are about every 申报表 field and every 汇总表 column and line", () => {
    const about = new Set([...evaluated, ...constructed].map((f) => f.fieldId));
    const missing = [...SHENBAO.fields.map((f) => f.id), ...HZ_FIELD_IDS].filter(
      (id) => !about.has(id)
    );
    expect(missing).toEqual([]);
    // The evaluator itself reaches every field a check can flag: all but the seals and the
    // province's optional, unlimited opinion.
    const reached = new Set(evaluated.map((f) => f.fieldId));
    expect(
      SHENBAO.fields.filter((f) => f.kind !== "seal" && !reached.has(f.id)).map((f) => f.id)
    ).toEqual(["provincial_opinion"]);
    expect(
      [
        ...HUIZONG_COLUMNS.filter((c) => c.required).map((c) => `hz_${c.id}`),
        "hz_rows",
        "hz_authority",
      ].filter((id) => !reached.has(id))
    ).toEqual([]);
  });

  it.each(LOCALES)("%s: no id in any message, label, rule name or number", (locale) => {
    const leaks: string[] = [];
    for (const f of [...evaluated, ...constructed]) {
      const w = findingWords(locale, f, 2022);
      for (const text of textsOf(w)) {
        const ids = idsIn(text, locale);
        if (ids.length > 0) leaks.push(`${f.ruleId}/${f.fieldId}: ${ids.join(",")} in ${text}`);
        if (/\{\w+\}|undefined|NaN|null| {2}|^ | $/u.test(text))
          leaks.push(`${f.ruleId}/${f.fieldId}: unfilled or loose text: «${text}»`);
      }
    }
    expect([...new Set(leaks)]).toEqual([]);
  });

  it("the detector sees the ids the old words leaked", () => {
    expect(idsIn("「intro」第 2 行共 600 字", "zh-CN")).toEqual(["intro"]);
    expect(idsIn("「founded」未填写。", "zh-CN")).toEqual(["founded"]);
    expect(idsIn("“industry” (row 2) is empty.", "en-US")).toEqual(["industry"]);
    expect(idsIn("output_total 为 32", "en-US")).toContain("output_total");
    expect(idsIn("见 SB_area", "zh-CN")).toContain("SB_/HZ_ prefix");
  });

  it("labels come from the form specs: 申报表 fields, 汇总表 columns and its two lines", () => {
    for (const locale of LOCALES) {
      for (const field of SHENBAO.fields) {
        const w = findingWords(locale, {
          ruleId: "required",
          severity: "error",
          fieldId: field.id,
        });
        expect(w.field).toBe(field.label);
      }
      for (const column of HUIZONG_COLUMNS) {
        const f: Finding = {
          ruleId: "required",
          severity: "error",
          fieldId: `hz_${column.id}`,
          row: 1,
        };
        expect(findingWords(locale, f).field).toBe(column.label);
        expect(findingWords(locale, f).message).toContain(column.label);
      }
      const line = (fieldId: string): string =>
        findingWords(locale, { ruleId: "required", severity: "error", fieldId }).field;
      expect(line("hz_authority")).toBe("省级中小企业主管部门");
      expect(line("hz_contact")).toBe("联系人和手机");
    }
  });

  it("a sentence names the field once and gives the unit with the number, not in the label too", () => {
    const f: Finding = {
      ruleId: "output_each_year_min_40",
      severity: "error",
      fieldId: "output_total",
      year: 2019,
      actual: 32,
      threshold: 40,
      operator: ">=",
    };
    const w = findingWords("zh-CN", f);
    expect(w.field).toBe("集群总产值(亿元)");
    expect(w.message).toMatch(/^2019年集群总产值为 32 亿元，/u);
    expect(w.message.match(/亿元/gu)).toHaveLength(3); // the value, the 认定标准's wording, the gap
    const share = findingWords("zh-CN", {
      ruleId: "sme_output_share_min_70",
      severity: "error",
      fieldId: "sme_output_share",
      year: 2019,
      actual: 65,
      threshold: 70,
      operator: ">=",
      method: "every_year",
    });
    expect(share.message).toBe(
      "2019年集群内中小企业产值占集群总产值比例为 65%，未达到「中小企业产值占集群总产值70%以上」（差 5 个百分点，按近三年逐年）。"
    );
  });
});

/* ---------- precision ---------- */

describe("numbers are shown with the precision that decided them", () => {
  const outputFinding = (values: readonly number[]): Finding[] =>
    evaluateShenbao(
      { ...EXAMPLE_A.values, output_total: [...values] },
      { batch, authority: zhejiang }
    ).filter((f) => f.ruleId === "output_each_year_min_40");
  const words = (f: Finding | undefined, locale: Locale = "zh-CN"): FindingWords =>
    findingWords(locale, f as Finding);

  it("39.995 against 40 reads 39.995, short by 0.005: never level with the threshold", () => {
    const [f] = outputFinding([39.995, 50, 50]);
    expect(words(f).message).toBe(
      "2019年集群总产值为 39.995 亿元，未达到「近三年产值均在40亿元以上」（差 0.005 亿元）。"
    );
    expect(words(f, "en-US").message).toBe(
      "集群总产值 in 2019 is 39.995 hundred million CNY, short of “近三年产值均在40亿元以上” by 0.005 hundred million CNY."
    );
    expect(words(f)).toMatchObject({
      actual: "39.995 亿元",
      threshold: "不低于 40 亿元",
      gap: "0.005 亿元",
    });
  });

  it("39.99 keeps the usual 2 decimals, short by 0.01; 38.123 reads 38.12, short by 1.88", () => {
    const [a, b] = outputFinding([39.99, 38.123, 50]);
    expect(words(a)).toMatchObject({ actual: "39.99 亿元", gap: "0.01 亿元" });
    expect(words(b)).toMatchObject({ actual: "38.12 亿元", gap: "1.88 亿元" });
  });

  it("only as many more decimals as it takes: 39.9951 reads 39.995; 39.9999999 all seven", () => {
    const [a, b] = outputFinding([39.9951, 39.9999999, 50]);
    expect(words(a)).toMatchObject({ actual: "39.995 亿元", gap: "0.005 亿元" });
    expect(words(b)).toMatchObject({ actual: "39.9999999 亿元", gap: "0.0000001 亿元" });
  });

  it("binary noise is never shown: 39.7 + 0.2, 100 + 0.1 + 0.2, 0.1 + 0.2", () => {
    const [noisy] = outputFinding([39.7 + 0.2, 50, 50]);
    expect(39.7 + 0.2).not.toBe(39.9);
    expect(words(noisy)).toMatchObject({ actual: "39.9 亿元", gap: "0.1 亿元" });
    const area = evaluateShenbao(
      { ...EXAMPLE_A.values, area: 100 + 0.1 + 0.2 },
      { batch, authority: zhejiang }
    ).find((f) => f.ruleId === "area_max_100");
    expect(words(area).message).toBe(
      "集群占地面积为 100.3 平方公里，超过「占地面积一般不超过100平方公里」（超出 0.3 平方公里）。"
    );
    const whole = evaluateShenbao(
      { ...EXAMPLE_A.values, firms: [0.1 + 0.2, 100, 100] },
      { batch, authority: zhejiang }
    ).find((f) => f.ruleId === "count_whole");
    expect(words(whole).message).toBe("「集群企业数量」2019年应为不小于 0 的整数，现为 0.3。");
  });

  it("a value over a 「不超过」 threshold reads over it: 100.004 km² is 0.004 over", () => {
    const area = evaluateShenbao(
      { ...EXAMPLE_A.values, area: 100.004 },
      { batch, authority: zhejiang }
    ).find((f) => f.ruleId === "area_max_100");
    expect(words(area)).toMatchObject({ actual: "100.004 平方公里", gap: "0.004 平方公里" });
  });

  it("without a threshold to read against, every digit: 100.001% is out of range as shown", () => {
    const f = evaluateShenbao(
      { ...EXAMPLE_A.values, iiot_rate: 100.001 },
      { batch, authority: zhejiang }
    ).find((x) => x.ruleId === "pct_range");
    expect(words(f).message).toBe(
      "「集群工业互联网平台应用普及率」为 100.001%，超出允许范围 [0, 100]。"
    );
  });

  it("any failing value: shown below the threshold, and shown value + gap = threshold exactly", () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 400; i++) {
      const digits = 1 + Math.floor(random() * 7);
      const value = Number((40 - random() ** 3 * 3).toFixed(digits));
      if (value >= 40) continue;
      const [f] = outputFinding([value, 50, 50]);
      const w = words(f);
      const shown = Number.parseFloat(w.actual ?? "");
      const gap = Number.parseFloat(w.gap ?? "");
      expect(shown).toBeLessThan(40);
      expect(`${shown}`).toBe(`${Number(shown.toPrecision(15))}`);
      expect(Math.round((shown + gap) * 1e9)).toBe(40e9);
      expect(w.message).not.toMatch(/\d\.\d*(?:0{6,}|9{6,})\d/u);
    }
  });
});

/* ---------- numbers at the ends of what a cell holds ---------- */

describe("numbers as people write them, however large or small", () => {
  const all = (values: FormValues): Finding[] =>
    evaluateShenbao({ ...EXAMPLE_A.values, ...values }, { batch, authority: zhejiang });
  const words = (f: Finding | undefined, locale: Locale = "zh-CN"): FindingWords =>
    findingWords(locale, f as Finding);

  it("1e308 亿元 reads 1×10³⁰⁸ 亿元, never 1e+308 or Infinity; its excess too", () => {
    const found = all({ output_total: [1e308, 50, 60], area: 1e308 });
    const slip = found.find((f) => f.ruleId === "unit_slip" && f.fieldId === "output_total");
    expect(words(slip).message).toBe(
      "「集群总产值」2019年为 1×10³⁰⁸ 亿元，远在常见范围之外，可能是单位填错（万元/亿元、小数/百分数）。"
    );
    expect(words(found.find((f) => f.ruleId === "area_max_100"))).toMatchObject({
      actual: "1×10³⁰⁸ 平方公里",
      gap: "1×10³⁰⁸ 平方公里",
    });
    for (const f of found)
      for (const locale of LOCALES)
        expect(words(f, locale).message).not.toMatch(/Infinity|NaN|\de[+-]?\d/u);
  });

  it("a number or TRUE in a 是/否 cell is quoted as the cell shows it", () => {
    const choice = (v: CellValue): string | undefined =>
      words(all({ chain_map: v }).find((f) => f.ruleId === "choice_invalid")).message;
    expect(choice(1e308)).toBe("「集群是否绘制产业链图谱」只能填 是/否，现为「1×10³⁰⁸」。");
    expect(choice(0.5)).toBe("「集群是否绘制产业链图谱」只能填 是/否，现为「0.5」。");
    expect(choice(true)).toBe("「集群是否绘制产业链图谱」只能填 是/否，现为「TRUE」。");
    expect(choice("有")).toBe("「集群是否绘制产业链图谱」只能填 是/否，现为「有」。");
  });

  it("a share of 1e308% is over 70%, not short of it (no Infinity on the way)", () => {
    const found = all({ lead_output_share: [1e308, 1e308, 1e308] });
    expect(found.filter((f) => f.ruleId === "lead_industry_share_gt_70")).toEqual([]);
    const range = found.find((f) => f.ruleId === "pct_range");
    expect(words(range).actual).toBe("1×10³⁰⁸%");
  });

  it("5e-324 亿元 is not shown as 0: 5×10⁻³²⁴ next to 40, short by 40; every digit alone", () => {
    const found = all({ output_total: [5e-324, 50, 60] });
    const short = found.find((f) => f.ruleId === "output_each_year_min_40");
    expect(words(short).message).toBe(
      "2019年集群总产值为 5×10⁻³²⁴ 亿元，未达到「近三年产值均在40亿元以上」（差 40 亿元）。"
    );
    const slip = found.find((f) => f.ruleId === "unit_slip");
    expect(words(slip).actual).toBe("4.94065645841247×10⁻³²⁴ 亿元");
  });

  it("0.001 亿元 next to 40 reads 0.001, not 0; a 21-digit value in 15 significant digits", () => {
    const [tiny] = all({ output_total: [0.001, 50, 60] }).filter(
      (f) => f.ruleId === "output_each_year_min_40"
    );
    expect(words(tiny)).toMatchObject({ actual: "0.001 亿元", gap: "39.999 亿元" });
    const slip = all({ output_total: [123456789012345680000, 50, 60] }).find(
      (f) => f.ruleId === "unit_slip"
    );
    expect(words(slip).actual).toBe("1.23456789012346×10²⁰ 亿元");
  });

  it("9.999999999999999e22 rounds to 1×10²³ at 15 digits, as a cell shows it", () => {
    const slip = all({ output_total: [9.999999999999999e22, 50, 60] }).find(
      (f) => f.ruleId === "unit_slip"
    );
    expect(words(slip).actual).toBe("1×10²³ 亿元");
  });
});

/* ---------- western relaxation ---------- */

describe("a relaxed western threshold", () => {
  const relaxedAt30 = (output: readonly number[]): Finding[] =>
    evaluateShenbao(
      { ...EXAMPLE_C.values, output_total: [...output] },
      {
        batch,
        settings: { westernMode: "thresholds", relaxedThresholds: { output_each_year_min_40: 30 } },
      }
    ).filter((f) => f.ruleId === "output_each_year_min_40");

  it("passing only thanks to it: short of the standard 40 by 8, and meets the applied 30", () => {
    const [f] = relaxedAt30([32, 41, 41]);
    expect(f).toMatchObject({ severity: "info", threshold: 30, standard: 40, relaxed: true });
    const zh = findingWords("zh-CN", f as Finding);
    expect(zh.message).toBe(
      "2019年集群总产值为 32 亿元，未达到「近三年产值均在40亿元以上」（差 8 亿元）。按西部地区放宽后的标准（不低于 30 亿元）判断，已达到。【西部地区可适当放宽】"
    );
    expect(zh.message).not.toContain("差 2 亿元");
    expect(zh).toMatchObject({
      gap: "8 亿元",
      threshold: "不低于 40 亿元（西部地区放宽为 30 亿元）",
    });
    expect(findingWords("en-US", f as Finding).message).toBe(
      "集群总产值 in 2019 is 32 hundred million CNY, short of “近三年产值均在40亿元以上” by 8 hundred million CNY. Against the relaxed western threshold (at least 30 hundred million CNY) it passes. [western region: may be relaxed]"
    );
  });

  it("failing it too: short of the standard by 15 and of the relaxed threshold by 5", () => {
    const [f] = relaxedAt30([25, 41, 41]);
    expect(f).toMatchObject({ severity: "error" });
    expect(findingWords("zh-CN", f as Finding).message).toBe(
      "2019年集群总产值为 25 亿元，未达到「近三年产值均在40亿元以上」（差 15 亿元）。按西部地区放宽后的标准（不低于 30 亿元）判断，仍差 5 亿元。【西部地区可适当放宽】"
    );
  });

  it("the default reading (a warning, no relaxed threshold) measures against the standard only", () => {
    const f = evaluateShenbao(EXAMPLE_C.values, { batch }).find(
      (x) => x.ruleId === "output_each_year_min_40"
    );
    expect(f?.standard).toBeUndefined();
    expect(findingWords("zh-CN", f as Finding).message).toBe(
      "2019年集群总产值为 32 亿元，未达到「近三年产值均在40亿元以上」（差 8 亿元）。【西部地区可适当放宽】"
    );
  });
});

/* ---------- the 汇总表 ---------- */

describe("汇总表 sentences", () => {
  const rows = guizhouRows(7).map((r, i) =>
    i === 1 ? { ...r, intro: "字".repeat(600), founded: null, industry: null } : r
  );
  const findings = evaluateHuizong(
    { rows: [...rows, { ...rows[0], seq: 8, name: "白酒集群", industry: "白酒酿造业" }] },
    { batch: batchParams(2023), authority: guizhou }
  );
  const say = (locale: Locale): string[] =>
    findings.map((f) => findingWords(locale, f, 2023).message);

  it("zh-CN: each column by its printed header, each row by its number", () => {
    expect(say("zh-CN")).toEqual([
      "贵州省推荐 8 个集群，超过本批次上限 6 个集群，整体申报将不予受理。",
      "第 2 行「主导产业」未填写。",
      "第 2 行「集群成立时间」未填写。",
      "第 2 行「集群简介(150字以内)」共 600 字，超过 150 字的限制（多 450 字）。",
      "第 8 行主导产业「白酒酿造业」与第 1 行相同或相近。",
      "第 8 行集群名称「白酒集群」不符合「…产业集群」的命名格式。",
    ]);
  });

  it("en-US: the same, the labels verbatim", () => {
    expect(say("en-US")).toEqual([
      "贵州省 recommends 8 cluster(s), over this batch's cap of 6 cluster(s): the whole submission would be refused.",
      "“主导产业” (row 2) is empty.",
      "“集群成立时间” (row 2) is empty.",
      "“集群简介(150字以内)” (row 2) has 600 characters, over the limit of 150 characters by 450 characters.",
      "Row 8's 主导产业 “白酒酿造业” is the same as or close to row 1's.",
      "集群名称 “白酒集群” (row 8) does not follow the “…产业集群” pattern.",
    ]);
  });

  it("no authority: the sentence names the line to fill in", () => {
    const [f] = evaluateHuizong({ rows: guizhouRows(1) }, { batch: batchParams(2023) });
    expect(findingWords("zh-CN", f as Finding).message).toBe(
      "未填写「省级中小企业主管部门」，无法核对推荐数量上限。"
    );
  });

  it("the row is the place a finding is at, in words", () => {
    const f = findings.find((x) => x.ruleId === "text_limit") as Finding;
    expect(findingWords("zh-CN", f).place).toBe("第 2 行");
    expect(findingWords("en-US", f).place).toBe("row 2");
  });
});

describe("the words agree with each other", () => {
  it("every example finding's message shows its value and gap exactly as the columns do", () => {
    const all = SHENBAO_EXAMPLES.flatMap((e) =>
      evaluateShenbao(e.values, { batch: batchParams(e.batchYear) })
    );
    all.push(...evaluateShenbao(EXAMPLE_B.values, { batch, authority: zhejiang }));
    for (const locale of LOCALES)
      for (const f of all) {
        const w = findingWords(locale, f);
        if (typeof f.actual === "number") expect(w.message).toContain(w.actual);
        if (w.gap !== undefined && f.ruleId !== "lead_industry_share_gt_70")
          expect(w.message).toContain(w.gap);
      }
  });
});
