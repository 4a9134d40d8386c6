import {
  batchParams,
  evaluateHuizong,
  evaluateShenbao,
  findAuthority,
  FORM_CHECK_IDS,
  guizhouRows,
  RULE_IDS,
  SHENBAO_EXAMPLES,
  SUMMARY_CHECK_IDS,
  EXAMPLE_B,
  EXAMPLE_C,
  type Authority,
  type Finding,
} from "../../src/domain";
import { localeFor, t, writerErrorMessage, type Locale } from "../../src/i18n";
import { enUS } from "../../src/i18n/en-US";
import { zhCN } from "../../src/i18n/zh-CN";
import { formatFinding } from "../../src/i18n/findings";

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1] as string).sort();

describe("string tables", () => {
  const zh = zhCN;
  const en = enUS;

  it("en-US has exactly the zh-CN keys (the type-check enforces it; this catches casts)", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it.each(Object.keys(zh).map((k) => [k]))(
    "%s: same placeholders in both languages, no empty string",
    (key) => {
      const k = key as keyof typeof zh;
      expect(placeholders(en[k])).toEqual(placeholders(zh[k]));
      expect(zh[k].trim()).not.toBe("");
      expect(en[k].trim()).not.toBe("");
    }
  );

  it("every rule and check id has a message", () => {
    for (const id of [...RULE_IDS, ...FORM_CHECK_IDS, ...SUMMARY_CHECK_IDS]) {
      expect(Object.keys(zh)).toContain(`finding.${id}`);
    }
  });

  it("the completeness check fails on a missing key", () => {
    const broken: Record<string, string> = { ...en };
    delete broken["app.name"];
    expect(Object.keys(broken).sort()).not.toEqual(Object.keys(zh).sort());
  });

  it.each<[string | undefined, Locale]>([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US", "en-US"],
    ["fr-FR", "en-US"],
    [undefined, "zh-CN"],
  ])("display language %p → %p", (lang, locale) => {
    expect(localeFor(lang)).toBe(locale);
  });
});

describe("formatFinding", () => {
  const all: Finding[] = [
    ...SHENBAO_EXAMPLES.flatMap((e) =>
      evaluateShenbao(e.values, { batch: batchParams(e.batchYear) })
    ),
    ...evaluateHuizong(
      { rows: guizhouRows(7) },
      { batch: batchParams(2023), authority: findAuthority("贵州省") as Authority }
    ),
    ...evaluateShenbao(
      { ...EXAMPLE_B.values, area: "大约", name: "x", smes: [1, 2, 1e6] },
      { batch: batchParams(2022) }
    ),
  ];

  it.each<Locale>(["zh-CN", "en-US"])(
    "%s: every example finding reads as a sentence without leftover placeholders",
    (locale) => {
      for (const f of all) {
        const s = formatFinding(locale, f);
        expect(s).not.toMatch(/\{\w+\}/u);
        expect(s.length).toBeGreaterThan(8);
      }
    }
  );

  it("says what fails, why and by how much, in Chinese", () => {
    const f = evaluateShenbao(EXAMPLE_C.values, { batch: batchParams(2022) }).find(
      (x) => x.ruleId === "output_each_year_min_40"
    );
    expect(formatFinding("zh-CN", f as Finding)).toBe(
      "2019年集群总产值为 32 亿元，未达到「近三年产值均在40亿元以上」（差 8 亿元）。【西部地区可适当放宽】"
    );
    const g = evaluateShenbao(EXAMPLE_B.values, { batch: batchParams(2022) }).find(
      (x) => x.ruleId === "rd_growth_gt_10"
    );
    expect(formatFinding("zh-CN", g as Finding)).toBe(
      "研发经费年均增速为 10%，未达到「近三年中小企业研发经费年均增长高于10%」（须高于 10%，按各年增速的几何平均）。"
    );
  });

  it("every writer error code has a message that says what to do", () => {
    for (const code of [
      "unsupported",
      "protected",
      "cellEditMode",
      "readOnly",
      "selection",
      "inactiveWorkbook",
      "tooLarge",
      "unknown",
    ] as const) {
      expect(writerErrorMessage("zh-CN", { code, detail: "ExcelApi 1.9" })).not.toMatch(/\{\w+\}/u);
    }
    expect(writerErrorMessage("zh-CN", { code: "unsupported", detail: "ExcelApi 1.9" })).toContain(
      "ExcelApi 1.9"
    );
  });

  it("t() fills parameters and leaves unknown ones visible", () => {
    expect(t("zh-CN", "cli.exists", { file: "申报表.xlsx" })).toBe(
      "文件已存在，未覆盖：申报表.xlsx"
    );
    expect(t("en-US", "host.missingRequirement")).toContain("{feature}");
  });
});
