/**
 * Typography of the string tables, so a new or edited string cannot slip back into western habits.
 *
 * The rule for zh-CN prose:
 *   - Punctuation next to Chinese is full-width: ，：；（）？！. A half-width mark stays only between
 *     ASCII tokens (inside a number, a file name, a command line, an Excel address).
 *   - Quoting is 「」, nested 『』; never “” ‘’ or straight quotes.
 *   - One half-width space between Chinese and a number or a Latin word (「为 32 亿元」, 「Excel 不支持」,
 *     「第 {row} 行」); a year is written solid with 年/年度 as the forms print 「XXXX年度」 (「2019年」,
 *     「{year}年度批次」). No space beside full-width punctuation, never two spaces in a row.
 * Placeholders that stand for Chinese text ({field}, {method}, {sheet}…) are written solid, which no
 * regular expression can tell from a number's placeholder: that part is kept by review.
 *
 * Official labels and the 认定标准's wordings stay exactly as published, half-width brackets and
 * commas included. They reach the sentences through placeholders ({field}, {wording}, {threshold})
 * from the form specs and the rules catalogue, so the table itself quotes none of them; a string
 * that must break the rule for another reason is in EXEMPT, which names the check it is spared and
 * why, and which the last tests keep from going stale.
 *
 * en-US: no doubled spaces, and full-width punctuation only inside Chinese it quotes (an official
 * label such as “所在省、市、县(区)”), never around English.
 */
import type { StringKey } from "../../src/i18n";
import { enUS } from "../../src/i18n/en-US";
import { zhCN } from "../../src/i18n/zh-CN";

type Check =
  | "half-width mark beside Chinese"
  | "brackets of two widths"
  | "western quotes"
  | "doubled space"
  | "space beside full-width punctuation"
  | "no space between Chinese and a number or Latin word"
  | "space between a year and 年"
  | "full-width punctuation in English";

interface Exemption {
  readonly from: readonly Check[];
  readonly reason: string;
}

const ZH_EXEMPT: Readonly<Partial<Record<StringKey, Exemption>>> = {
  "batch.refused": {
    from: ["half-width mark beside Chinese"],
    reason:
      "a field of the review's progress line ('3/12 a.xlsx: 未读取: …'), where the CLI joins it to the reason with a half-width space",
  },
  "cli.exampleLine": {
    from: ["doubled space"],
    reason: "a row of the CLI's example list: two-space columns, as in the usage text",
  },
};

const EN_EXEMPT: Readonly<Partial<Record<StringKey, Exemption>>> = {
  "cli.exampleLine": {
    from: ["doubled space"],
    reason: "a row of the CLI's example list: two-space columns, as in the usage text",
  },
};

/** Chinese text for the width rules: ideographs, CJK punctuation (「」、。) and full-width forms. */
const CJK = String.raw`[\p{Script=Han}\u3000-\u303F\uFF01-\uFF65]`;
const HALF_WIDTH = String.raw`[:,();?!]`;
/** Full-width punctuation, which takes no space on either side. */
const FULL_WIDTH = String.raw`[\u3001\u3002\u3008-\u3011\u3014-\u301B\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]`;

const ZH_CHECKS: ReadonlyArray<readonly [Check, RegExp]> = [
  [
    "half-width mark beside Chinese",
    new RegExp(`(?<=${CJK})${HALF_WIDTH}|${HALF_WIDTH}(?=${CJK})`, "gu"),
  ],
  ["western quotes", /[“”‘’"']/gu],
  ["doubled space", /(?<=\S) {2,}/gu],
  [
    "space beside full-width punctuation",
    new RegExp(` (?=${FULL_WIDTH})|(?<=${FULL_WIDTH}) `, "gu"),
  ],
  [
    "no space between Chinese and a number or Latin word",
    /\p{Script=Han}[A-Za-z0-9]|(?![0-9X]年)[A-Za-z0-9]\p{Script=Han}/gu,
  ],
  ["space between a year and 年", /[0-9X}] +年/gu],
];

/** A 「（」 closed by 「)」 or a 「(」 by 「）」: half a conversion. */
function mismatchedBrackets(text: string): string[] {
  const open: string[] = [];
  const found: string[] = [];
  for (const [i, c] of [...text].entries()) {
    if (c === "(" || c === "（") open.push(c);
    else if (c === ")" || c === "）") {
      const opener = open.pop();
      if (opener !== undefined && (opener === "(") !== (c === ")"))
        found.push(`${opener}…${c} at ${i}`);
    }
  }
  return found;
}

/** Where the text shows the match: a few characters either side. */
const around = (text: string, index: number, length: number): string =>
  JSON.stringify(text.slice(Math.max(0, index - 6), index + length + 6));

function zhProblems(text: string): Array<[Check, string]> {
  const found: Array<[Check, string]> = [];
  for (const [check, pattern] of ZH_CHECKS)
    for (const m of text.matchAll(pattern))
      found.push([check, around(text, m.index ?? 0, m[0].length)]);
  for (const where of mismatchedBrackets(text)) found.push(["brackets of two widths", where]);
  return found;
}

function enProblems(text: string): Array<[Check, string]> {
  const found: Array<[Check, string]> = [];
  for (const m of text.matchAll(/(?<=\S) {2,}/gu))
    found.push(["doubled space", around(text, m.index ?? 0, m[0].length)]);
  // Full-width punctuation with no Chinese character beside it punctuates English.
  const stray = new RegExp(`(?<!\\p{Script=Han})${FULL_WIDTH}(?!\\p{Script=Han})`, "gu");
  for (const m of text.matchAll(stray))
    found.push(["full-width punctuation in English", around(text, m.index ?? 0, m[0].length)]);
  return found;
}

const unexempted = (
  found: Array<[Check, string]>,
  exemption: Exemption | undefined
): Array<[Check, string]> => found.filter(([check]) => !exemption?.from.includes(check));

const zh = zhCN;
const en = enUS;
const KEYS = Object.keys(zh) as StringKey[];

describe("zh-CN typography", () => {
  it.each(KEYS)("%s", (key) => {
    expect(unexempted(zhProblems(zh[key]), ZH_EXEMPT[key])).toEqual([]);
  });

  it.each<[string, Check]>([
    ["中小企业特色产业集群申报:官方模板", "half-width mark beside Chinese"],
    ["{file}:无法读取", "half-width mark beside Chinese"],
    ["已跳过,继续", "half-width mark beside Chinese"],
    ["期数须大于 0,首值", "half-width mark beside Chinese"],
    ["「XXXX年度…」)", "half-width mark beside Chinese"],
    ["不足;其余", "half-width mark beside Chinese"],
    ["真的?", "half-width mark beside Chinese"],
    ["功能（{detail})", "brackets of two widths"],
    ["单项冠军与“小巨人”合计", "western quotes"],
    ["工作表'{sheet}'", "western quotes"],
    ["共 {n}  项", "doubled space"],
    ["已跳过 。", "space beside full-width punctuation"],
    ["不支持 {feature} ，相关", "space beside full-width punctuation"],
    ["Excel不支持", "no space between Chinese and a number or Latin word"],
    ["为32 亿元", "no space between Chinese and a number or Latin word"],
    ["{year} 年度批次", "space between a year and 年"],
    ["2022 年及以后", "space between a year and 年"],
  ])("the checks catch %p (%s)", (text, check) => {
    expect(zhProblems(text).map(([c]) => c)).toContain(check);
  });

  it.each([
    "{year}年{field}为 {actual}，未达到「{wording}」（差 {gap}）。",
    "2019年集群总产值为 32 亿元（差 8 亿元）。",
    "{file} · {sheet}：错误 {errors} 项，警告 {warnings} 项",
    "定位到 {sheet}!{cell}",
    "用法 / usage:\n  jiqun check <文件.xlsx>... [--json]",
    "增速不能低于或等于 -100%。",
    "（与 RRI 相同）",
    "「{field}」填报为「{actual}」，不符合「{wording}」。",
    "标题行应为「XXXX年度…」",
    "1,234.5 与 12:30",
  ])("the checks pass %p", (text) => {
    expect(zhProblems(text)).toEqual([]);
  });
});

describe("en-US typography", () => {
  it.each(KEYS)("%s", (key) => {
    expect(unexempted(enProblems(en[key]), EN_EXEMPT[key])).toEqual([]);
  });

  it.each([
    "Inserted sheet 「{sheet}」.",
    "Error code：{code}",
    "Skipped.  The others are checked.",
  ])("the checks catch %p", (text) => {
    expect(enProblems(text)).not.toEqual([]);
  });

  it.each([
    "Use a province-level unit, a 计划单列市 or 新疆生产建设兵团.",
    "“所在省、市、县(区)” is empty.",
    "usage:\n  jiqun fields --batch <year> [--json]",
  ])("the checks pass %p", (text) => {
    expect(enProblems(text)).toEqual([]);
  });
});

const exemptions = (
  locale: "zh-CN" | "en-US",
  list: Readonly<Partial<Record<StringKey, Exemption>>>
): Array<[string, string, Exemption]> =>
  Object.entries(list).flatMap(([key, e]) => (e ? [[locale, key, e]] : []));

describe("exemptions do not go stale", () => {
  it.each([...exemptions("zh-CN", ZH_EXEMPT), ...exemptions("en-US", EN_EXEMPT)])(
    "%s %s: still a key, still needs each check it is spared",
    (locale, key, exemption) => {
      const table = locale === "zh-CN" ? zh : en;
      expect(Object.keys(table)).toContain(key);
      const text = table[key as StringKey];
      const found = (locale === "zh-CN" ? zhProblems(text) : enProblems(text)).map(([c]) => c);
      for (const check of exemption.from) expect(found).toContain(check);
      expect(exemption.reason.length).toBeGreaterThan(20);
    }
  );
});
