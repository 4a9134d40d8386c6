/**
 * Criteria packs: the same filled form judged under the national standard and under 云南省's
 * provincial pack gives the findings derived by hand below; a malformed pack is refused with each
 * problem at its JSON path, in Chinese; the built-in packs load back from their documents; and
 * the README's example is the built-in 云南 pack, loaded from the README's own text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  batchParams,
  buildHuizongPlan,
  buildShenbaoPlan,
  builtinPacks,
  evaluateHuizong,
  evaluateShenbao,
  EXAMPLE_C,
  findAuthority,
  findBuiltinPack,
  guizhouRows,
  highlightedAsNational,
  nationalPack,
  packDocument,
  PACK_FORMAT,
  reviewPack,
  ruleConclusions,
  RULE_IDS,
  SHENBAO_EXAMPLES,
  YUNNAN_DOCUMENT,
  YUNNAN_PACK,
  type Authority,
  type CriteriaPack,
  type Finding,
  type FormValues,
  type PlanHighlight,
} from "../../src/domain";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { parsePack } from "../../src/domain/criteria/schema";
import { packIssueText } from "../../src/i18n/criteria";
import { formatFinding } from "../../src/i18n/findings";
import { FUHE, FUHE_REVIEW, sig, SMALL, SMALL_NATIONAL, SMALL_YUNNAN } from "../support/smallForm";

const BATCH_2022 = batchParams(2022);
const national = (values: FormValues): Finding[] => evaluateShenbao(values, { batch: BATCH_2022 });
const yunnan = (values: FormValues): Finding[] =>
  evaluateShenbao(values, { batch: BATCH_2022, criteria: YUNNAN_PACK });
const words = (f: Finding, pack?: CriteriaPack): string => formatFinding("zh-CN", f, 2022, pack);

describe("the same form under the national and the 云南 pack", () => {
  it("national: every number below 40亿 / 70% / 10% / 15% fails, and the area warns", () => {
    expect(national(SMALL).map(sig)).toEqual(SMALL_NATIONAL);
  });

  it("云南: 10亿 / 50% / 60% / 3% / 3家 / 5% pass, no patent rule, 8% < 10% fails", () => {
    expect(yunnan(SMALL).map(sig)).toEqual(SMALL_YUNNAN);
  });

  it("the sentences quote each pack's wording and measure against its threshold", () => {
    const n = national(SMALL);
    const y = yunnan(SMALL);
    const find = (fs: Finding[], id: string): Finding => fs.find((f) => f.ruleId === id) as Finding;
    expect(words(find(n, "output_each_year_min_40"))).toBe(
      "2019年集群总产值为 15 亿元，未达到「近三年产值均在40亿元以上」（差 25 亿元）。"
    );
    expect(words(find(n, "iiot_penetration_ge_15"))).toBe(
      "集群工业互联网平台应用普及率为 8%，未达到「工业互联网平台应用普及率不低于15%」（差 7 个百分点）。"
    );
    expect(words(find(y, "iiot_penetration_ge_15"), YUNNAN_PACK)).toBe(
      "集群工业互联网平台应用普及率为 8%，未达到「工业互联网平台应用普及率不低于10%」（差 2 个百分点）。"
    );
    expect(find(y, "iiot_penetration_ge_15").threshold).toBe(10);
    expect(words(find(y, "area_max_100"), YUNNAN_PACK)).toBe(
      "集群占地面积为 120 平方公里，超过「占地面积一般不超过100平方公里」（超出 20 平方公里）。"
    );
  });

  it("a western applicant: relaxed under the national standard, not under 云南's", () => {
    // C (甘肃): 产值 32/36/41, 工业互联网 here 8.
    const values: FormValues = { ...EXAMPLE_C.values, iiot_rate: 8 };
    const n = national(values);
    expect(n.map((f) => `${sig(f)}/${f.relaxed === true}`)).toEqual([
      "output_each_year_min_40/warning/2019/true",
      "output_each_year_min_40/warning/2020/true",
      "evidence_required/info/-/false",
      "iiot_penetration_ge_15/warning/-/true",
      "evidence_required/info/-/false",
    ]);
    // 32, 36, 41 ≥ 10; 75 ≥ 50; 72 > 60; 8 < 10: an error, with no 「西部地区可适当放宽」.
    const y = yunnan(values);
    expect(y.map((f) => `${sig(f)}/${f.relaxed === true}`)).toEqual([
      "evidence_required/info/-/false",
      "iiot_penetration_ge_15/error/-/false",
      "evidence_required/info/-/false",
    ]);
    expect(words(y[1] as Finding, YUNNAN_PACK)).not.toContain("西部地区");
  });

  it("caps follow the pack: 贵州 2023 with 7 rows is over the national cap, no cap under 云南", () => {
    const guizhou = findAuthority("贵州省") as Authority;
    const rows = { rows: guizhouRows(7) };
    const batch = batchParams(2023);
    const ids = (fs: Finding[]): string[] => fs.map((f) => f.ruleId);
    expect(ids(evaluateHuizong(rows, { batch, authority: guizhou }))).toContain("summary_row_cap");
    expect(
      ids(evaluateHuizong(rows, { batch, authority: guizhou, criteria: YUNNAN_PACK }))
    ).not.toContain("summary_row_cap");
    // Without a 推荐单位 there is a cap to check only under the national standard.
    expect(ids(evaluateHuizong(rows, { batch }))).toContain("summary_authority_unknown");
    expect(ids(evaluateHuizong(rows, { batch, criteria: YUNNAN_PACK }))).not.toContain(
      "summary_authority_unknown"
    );
  });

  it("the national pack of a batch gives exactly what no pack gives", () => {
    for (const e of [...SHENBAO_EXAMPLES, { key: "small", batchYear: 2022, values: SMALL }]) {
      const batch = batchParams(e.batchYear);
      expect(evaluateShenbao(e.values, { batch, criteria: nationalPack(e.batchYear) })).toEqual(
        evaluateShenbao(e.values, { batch })
      );
    }
  });
});

describe("templates follow the pack", () => {
  const highlights = (pack?: CriteriaPack): readonly PlanHighlight[] =>
    buildShenbaoPlan(BATCH_2022, PLAN_TEXT_ZH, pack).highlights;
  const of = (list: readonly PlanHighlight[], ruleId: string): PlanHighlight[] =>
    list.filter((h) => h.ruleId === ruleId);

  it("云南: 10亿 and 50% where the national template has 40亿 and 70%; red only, no patents", () => {
    const output = of(highlights(YUNNAN_PACK), "output_each_year_min_40");
    expect(output.map((h) => [h.severity, h.formula])).toEqual([
      ["error", expect.stringMatching(/<10\)$/u)],
    ]);
    const nationalOutput = of(highlights(), "output_each_year_min_40");
    expect(nationalOutput.map((h) => h.severity)).toEqual(["error", "warning"]);
    expect(nationalOutput.every((h) => h.formula.includes("<40,"))).toBe(true);
    expect(of(highlights(YUNNAN_PACK), "sme_output_share_min_70")[0]?.formula).toContain("<50)");
    expect(of(highlights(YUNNAN_PACK), "lead_industry_share_gt_70")[0]?.formula).toContain("<=60)");
    expect(of(highlights(YUNNAN_PACK), "patents_per_10k_ge_15")).toEqual([]);
    expect(of(highlights(), "patents_per_10k_ge_15")).not.toEqual([]);
    // No western relaxation in the pack: no amber for a threshold rule.
    const rules = new Set(YUNNAN_PACK.rules.map((r) => r.id));
    expect(
      highlights(YUNNAN_PACK)
        .filter((h) => rules.has(h.ruleId) && h.severity === "warning")
        .map((h) => h.ruleId)
    ).toEqual(["area_max_100"]);
  });

  it("the sheet records its pack; a 汇总表 under a pack without caps has no row-cap highlight", () => {
    const plan = buildShenbaoPlan(BATCH_2022, PLAN_TEXT_ZH, YUNNAN_PACK);
    const record = plan.names.find((n) => n.name === "SBX_criteria");
    expect(
      plan.cells.find((c) => `$${c.address.replace(/(\d)/u, "$$$1")}` === record?.address)?.value
    ).toBe("yunnan-provincial");
    const guizhou = findAuthority("贵州省") as Authority;
    const capped = buildHuizongPlan(BATCH_2022, PLAN_TEXT_ZH, guizhou);
    const uncapped = buildHuizongPlan(BATCH_2022, PLAN_TEXT_ZH, guizhou, YUNNAN_PACK);
    expect(of(capped.highlights, "summary_row_cap")).toHaveLength(1);
    expect(of(uncapped.highlights, "summary_row_cap")).toEqual([]);
    expect([capped.criteria, uncapped.criteria]).toEqual(["national-2022", "yunnan-provincial"]);
  });
});

describe("复核: the clusters recognised in 2022, reviewed in 2025", () => {
  const FUHE_PACK = reviewPack(2022);
  const batch = batchParams(2025);

  it("the pack: fuhe-2022-2025, data years 2022–2024, no cap, the 2022 standard less plan and 省级认定", () => {
    expect(FUHE_PACK.id).toBe("fuhe-2022-2025");
    expect(findBuiltinPack("fuhe-2022-2025")).toBe(FUHE_PACK);
    expect(findBuiltinPack("fuhe-2023-2026")?.review).toEqual({ recognitionYear: 2023 });
    expect(findBuiltinPack("fuhe-2025-2022")).toBeUndefined();
    expect([FUHE_PACK.batchYear, FUHE_PACK.caps, FUHE_PACK.relaxWest]).toEqual([2025, null, true]);
    expect(batchParams(FUHE_PACK.batchYear as number).dataYears).toEqual([2022, 2023, 2024]);
    expect(FUHE_PACK.rules.map((r) => r.id)).toEqual([
      "output_each_year_min_40",
      "sme_output_share_min_70",
      "lead_industry_share_gt_70",
      "output_growth_gt_10",
      "quality_sme_tier",
      "rd_growth_gt_10",
      "patent_growth_ge_15",
      "patents_per_10k_ge_15",
      "iiot_penetration_ge_15",
      "area_max_100",
      "gate_not_prohibited_industry",
      "gate_no_major_incident_3y",
      "gate_no_tax_evasion",
      "energy_eff_vs_benchmark",
      "water_eff_vs_benchmark",
    ]);
  });

  it("findings: the 2022 standard on 2022–2024; the plan and 省级认定 only in an application", () => {
    const review = evaluateShenbao(FUHE, { batch, criteria: FUHE_PACK }).map(sig);
    expect(review).toEqual(FUHE_REVIEW);
    const application = evaluateShenbao(FUHE, { batch }).map(sig);
    expect(application.filter((s) => !review.includes(s))).toEqual([
      "gate_provincial_recognition/error/-",
      "plan_output_cagr_ge_10/warning/2027",
    ]);
  });

  it("复核结论: each rule of the pack, met or not, with 一般 weighed and no figures unjudged", () => {
    const conclusions = ruleConclusions(FUHE, { batch, criteria: FUHE_PACK });
    expect(Object.fromEntries(conclusions.map((c) => [c.rule.id, c.conclusion]))).toEqual({
      output_each_year_min_40: "unmet",
      sme_output_share_min_70: "unmet",
      lead_industry_share_gt_70: "unmet",
      output_growth_gt_10: "unmet",
      quality_sme_tier: "unmet",
      rd_growth_gt_10: "unmet",
      patent_growth_ge_15: "unmet",
      patents_per_10k_ge_15: "met",
      iiot_penetration_ge_15: "unmet",
      area_max_100: "explain",
      gate_not_prohibited_industry: "met",
      gate_no_major_incident_3y: "met",
      gate_no_tax_evasion: "met",
      energy_eff_vs_benchmark: "met",
      water_eff_vs_benchmark: "met",
    });
    const blank = ruleConclusions({}, { batch, criteria: FUHE_PACK });
    expect(new Set(blank.map((c) => c.conclusion))).toEqual(new Set(["nodata"]));
    // A western cluster's missed hard criterion: 「西部地区可适当放宽」, as in the national standard.
    const western = ruleConclusions(
      { ...FUHE, province: "贵州省" },
      { batch, criteria: FUHE_PACK }
    );
    expect(western.find((c) => c.rule.id === "output_each_year_min_40")?.conclusion).toBe(
      "relaxed"
    );
  });

  it("no cap: 深圳 with 3 rows in a 2025 汇总表 (a 计划单列市's cap is 2)", () => {
    const rows = guizhouRows(3);
    const guizhou = findAuthority("深圳市") as Authority;
    const capped = evaluateHuizong({ rows }, { batch, authority: guizhou });
    const reviewed = evaluateHuizong({ rows }, { batch, authority: guizhou, criteria: FUHE_PACK });
    expect(capped.map((f) => f.ruleId)).toContain("summary_row_cap");
    expect(reviewed.map((f) => f.ruleId)).not.toContain("summary_row_cap");
  });

  it("a 复核 pack file: batchYear required, after the recognition year", () => {
    const doc = { ...packDocument(FUHE_PACK), id: "my-fuhe" };
    const ok = parsePack(doc);
    expect(ok.ok && ok.pack.review).toEqual({ recognitionYear: 2022 });
    const { batchYear: _dropped, ...noYear } = doc;
    const texts = (d: unknown): string[] => {
      const r = parsePack(d);
      return r.ok ? [] : r.issues.map((i) => packIssueText("zh-CN", i));
    };
    expect(texts(noYear)).toEqual(["文件顶层：缺少 batchYear"]);
    expect(texts({ ...doc, batchYear: 2022 })).toEqual([
      "review.recognitionYear：认定年份 2022 应早于复核年份 batchYear 2022",
    ]);
    expect(texts({ ...doc, review: { recognitionYear: "2022" } })).toEqual([
      'review.recognitionYear：应为数字，现为字符串 "2022"',
    ]);
    expect(texts({ ...doc, review: { year: 2022 } })).toEqual([
      "review：缺少 recognitionYear",
      "review.year：未知的字段（可用：recognitionYear）",
    ]);
  });
});

describe("built-in packs", () => {
  it("national-2022…2025, their 复核 and yunnan-provincial, found by id; national-YYYY for later batches", () => {
    expect(builtinPacks().map((p) => p.id)).toEqual([
      "national-2022",
      "national-2023",
      "national-2024",
      "national-2025",
      "fuhe-2022-2025",
      "fuhe-2023-2026",
      "fuhe-2024-2027",
      "fuhe-2025-2028",
      "yunnan-provincial",
    ]);
    expect(findBuiltinPack("national-2027")?.batchYear).toBe(2027);
    expect(findBuiltinPack("national-2021")).toBeUndefined();
    expect(findBuiltinPack("yunnan-provincial")).toBe(YUNNAN_PACK);
    expect(YUNNAN_PACK).toMatchObject({ level: "省级", relaxWest: false, caps: null });
    expect(nationalPack(2024)).toMatchObject({ level: "国家级", relaxWest: true });
    expect(nationalPack(2024).caps).toEqual(batchParams(2024).caps);
  });

  it("the templates' highlights show what the national packs find, not what 云南's does", () => {
    expect(highlightedAsNational(nationalPack(2022), 2022)).toBe(true);
    // The same rules loaded from a file judge the same way: compared by content, not identity.
    const copy = parsePack(JSON.parse(JSON.stringify(packDocument(nationalPack(2023)))));
    expect(copy.ok && highlightedAsNational(copy.pack, 2023)).toBe(true);
    // 2022's 省级 gate is information only, 2023's a gate.
    expect(highlightedAsNational(nationalPack(2022), 2023)).toBe(false);
    expect(highlightedAsNational(YUNNAN_PACK, 2022)).toBe(false);
  });

  it("a pack is plain data: it crosses to the review's worker threads whole", () => {
    expect(structuredClone(YUNNAN_PACK)).toEqual(YUNNAN_PACK);
    expect(structuredClone(nationalPack(2025))).toEqual(nationalPack(2025));
  });

  it.each(builtinPacks().map((p) => [p.id, p] as const))(
    "%s: its document, as JSON, loads back into the same pack",
    (_id, pack) => {
      const doc: unknown = JSON.parse(JSON.stringify(packDocument(pack)));
      expect(parsePack(doc)).toEqual({ ok: true, pack });
    }
  );

  it("the README's example pack is the built-in 云南 pack, and loads", () => {
    const readme = readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)\n```/gu)].map((m) => m[1] ?? "");
    const example = blocks.find((b) => b.includes(PACK_FORMAT));
    expect(example).toBeDefined();
    const doc: unknown = JSON.parse(example ?? "");
    expect(doc).toEqual(YUNNAN_DOCUMENT);
    expect(parsePack(doc)).toEqual({ ok: true, pack: YUNNAN_PACK });
  });
});

describe("a malformed pack: each problem in Chinese at its JSON path", () => {
  const GOOD = {
    format: PACK_FORMAT,
    id: "test-pack",
    name: "测试标准",
    programme: "测试",
    level: "省级",
    relaxWest: false,
    rules: [
      { id: "output_each_year_min_40", wording: "近三年产值均在10亿元以上", threshold: 10 },
      { id: "iiot_penetration_ge_15", wording: "工业互联网平台应用普及率不低于10%", threshold: 10 },
      { id: "area_max_100", wording: "占地面积一般不超过100平方公里", threshold: 100 },
      { id: "gate_no_tax_evasion", wording: "不存在偷税漏税行为" },
      { id: "quality_sme_tier", wording: "不少于1家或不少于3家", threshold: 1, altThreshold: 3 },
    ],
  };
  type Doc = Record<string, unknown> & { rules: Record<string, unknown>[] };
  const edited = (edit: (doc: Doc) => void): unknown => {
    const doc = structuredClone(GOOD) as unknown as Doc;
    edit(doc);
    return doc;
  };
  const messages = (doc: unknown): string[] => {
    const r = parsePack(doc);
    return r.ok ? [] : r.issues.map((i) => packIssueText("zh-CN", i));
  };

  it("the good pack loads", () => {
    expect(parsePack(GOOD).ok).toBe(true);
  });

  it.each<[string, (doc: Doc) => void, string]>([
    [
      "wrong type",
      (d) => ((d.rules[2] as Record<string, unknown>).threshold = "abc"),
      'rules[2].threshold：应为数字，现为字符串 "abc"',
    ],
    [
      "unknown rule id",
      (d) => ((d.rules[0] as Record<string, unknown>).id = "foo"),
      `rules[0].id：未知的规则编号 "foo"（可用：${RULE_IDS.join("、")}）`,
    ],
    [
      "missing threshold",
      (d) => delete (d.rules[1] as Record<string, unknown>).threshold,
      "rules[1]：缺少 threshold",
    ],
    [
      "missing altThreshold",
      (d) => delete (d.rules[4] as Record<string, unknown>).altThreshold,
      "rules[4]：缺少 altThreshold",
    ],
    ["missing top-level key", (d) => delete d.relaxWest, "文件顶层：缺少 relaxWest"],
    [
      "a boolean written as text",
      (d) => (d.relaxWest = "否"),
      'relaxWest：应为布尔值（true 或 false），现为字符串 "否"',
    ],
    ["unknown level", (d) => (d.level = "市级"), 'level：应为 "国家级" 或 "省级"，现为 "市级"'],
    [
      "another format",
      (d) => (d.format = "jiqun-criteria/2"),
      'format：应为 "jiqun-criteria/1"，现为 "jiqun-criteria/2"',
    ],
    [
      "a threshold on a yes/no gate",
      (d) => ((d.rules[3] as Record<string, unknown>).threshold = 1),
      "rules[3].threshold：规则 gate_no_tax_evasion 不使用 threshold",
    ],
    [
      "a misspelt key",
      (d) => ((d.rules[0] as Record<string, unknown>).thresold = 10),
      "rules[0].thresold：未知的字段（可用：id、class、wording、threshold、operator、altThreshold）",
    ],
    [
      "a rule twice",
      (d) => ((d.rules[1] as Record<string, unknown>).id = "output_each_year_min_40"),
      'rules[1].id：规则编号 "output_each_year_min_40" 与 rules[0] 重复',
    ],
    [
      "a gate class on a number",
      (d) => ((d.rules[0] as Record<string, unknown>).class = "gate"),
      'rules[0].class：规则 output_each_year_min_40 的类别应为 "hard"、"soft"、"plan" 或 "info"，现为 "gate"',
    ],
    [
      "a cap of 0",
      (d) => (d.caps = { province: 0, city: 2, corps: 2 }),
      "caps.province：应为正整数，现为 0",
    ],
    ["no rules", (d) => (d.rules = []), "rules：不能为空"],
    [
      "a batch year before the first batch",
      (d) => (d.batchYear = 2021),
      "batchYear：应为 2022 至 2100 之间的批次年份，现为 2021",
    ],
    [
      "an id with capitals",
      (d) => (d.id = "Test Pack"),
      'id：只能由小写字母、数字和连字符组成（至多 64 个字符），现为 "Test Pack"',
    ],
  ])("%s", (_name, edit, message) => {
    const doc = edited(edit);
    const before = JSON.stringify(doc);
    expect(messages(doc)).toEqual([message]);
    // Nothing changes: the document is only read.
    expect(JSON.stringify(doc)).toBe(before);
  });

  it("not an object at all", () => {
    expect(messages([])).toEqual(["文件顶层：应为对象，现为数组"]);
  });

  it("every problem at once, in the file's order", () => {
    const doc = edited((d) => {
      (d.rules[1] as Record<string, unknown>).threshold = undefined;
      (d.rules[2] as Record<string, unknown>).threshold = "abc";
      d.level = "市级";
    });
    expect(messages(doc)).toEqual([
      'level：应为 "国家级" 或 "省级"，现为 "市级"',
      "rules[1]：缺少 threshold",
      'rules[2].threshold：应为数字，现为字符串 "abc"',
    ]);
  });

  it("in English too", () => {
    const r = parsePack(edited((d) => ((d.rules[2] as Record<string, unknown>).threshold = "abc")));
    expect(r.ok ? [] : r.issues.map((i) => packIssueText("en-US", i))).toEqual([
      'rules[2].threshold: should be a number, is the string "abc"',
    ]);
  });
});
