/**
 * `jiqun criteria` and `--criteria` on check and review: the built-in packs listed; one filled
 * form, checked under the national standard and under 云南's pack (built in, or the same pack as
 * a file), gives the findings derived by hand in test/support/smallForm.ts; a bad pack
 * file is one Chinese message with its JSON path, exit 2, and nothing written.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CheckRecord } from "../../src/cli/check";
import type { PackListing } from "../../src/cli/criteria";
import { decideCheck } from "../../src/application/check";
import { main } from "../../src/cli/jiqun";
import {
  reviewPack,
  YUNNAN_DOCUMENT,
  YUNNAN_PACK,
  type CriteriaPack,
  type FormValues,
} from "../../src/domain";
import { fillByNames } from "../../src/xlsx/fill";
import { readTemplates } from "../../src/xlsx/read";
import { templatePlan } from "../../src/xlsx/templates";
import { addPlanSheet, writeXlsx } from "../../src/xlsx/writer";
import { FUHE, FUHE_REVIEW, sig, SMALL, SMALL_NATIONAL, SMALL_YUNNAN } from "../support/smallForm";

const dir = mkdtempSync(path.join(tmpdir(), "jiqun-criteria-"));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

async function filled(values: FormValues, name: string, criteria?: CriteriaPack): Promise<string> {
  const plan = templatePlan("shenbao", 2022, undefined, criteria);
  const wb = new ExcelJS.Workbook();
  fillByNames(addPlanSheet(wb, plan), plan, values);
  const file = path.join(dir, name);
  writeFileSync(file, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
  return file;
}

const packFile = (name: string, content: unknown): string => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
};

/** The same values in a national template and in one made with the 云南 pack. */
let small: string;
let smallYunnan: string;
beforeAll(async () => {
  small = await filled(SMALL, "small.xlsx");
  smallYunnan = await filled(SMALL, "small-yunnan.xlsx", YUNNAN_PACK);
});

/** What a check under a pack other than the sheet's adds first. */
const MISMATCH = "criteria_mismatch/warning/-";

describe("jiqun criteria", () => {
  it("lists the built-in packs: id, level, name, rules, source", async () => {
    const r = await run("criteria");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines.map((l) => l.split("\t")[0])).toEqual([
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
    expect(lines[8]).toBe(
      "yunnan-provincial\t省级\t云南省省级中小企业特色产业集群认定标准\t13 条规则\tyncx.com.cn/newsdetail_ynszxqytscyjqrdbz.htm"
    );
  });

  it("--json: the same as data", async () => {
    const r = await run("criteria", "--json");
    expect(r.code).toBe(0);
    const packs = JSON.parse(r.out) as PackListing[];
    expect(packs.find((p) => p.id === "yunnan-provincial")).toEqual({
      id: "yunnan-provincial",
      name: "云南省省级中小企业特色产业集群认定标准",
      programme: "云南省 省级中小企业特色产业集群认定",
      level: "省级",
      source: "yncx.com.cn/newsdetail_ynszxqytscyjqrdbz.htm",
      rules: 13,
    });
    expect(packs.find((p) => p.id === "national-2024")).toMatchObject({
      level: "国家级",
      batchYear: 2024,
      rules: 23,
    });
  });
});

describe("jiqun check --criteria: one form, two packs", () => {
  it("national (no --criteria): 40亿, 70%, 10%, 15% and the quality tier fail", async () => {
    const r = await run("check", small, "--json");
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as CheckRecord[]).map(sig)).toEqual(SMALL_NATIONAL);
  });

  it("--criteria yunnan-provincial: only the area and 工业互联网 8% < 10%", async () => {
    const r = await run("check", smallYunnan, "--json", "--criteria", "yunnan-provincial");
    expect(r.code).toBe(1);
    const records = JSON.parse(r.out) as CheckRecord[];
    expect(records.map(sig)).toEqual(SMALL_YUNNAN);
    expect(records[2]?.message).toBe(
      "集群工业互联网平台应用普及率为 8%，未达到「工业互联网平台应用普及率不低于10%」（差 2 个百分点）。"
    );
    expect(records[2]?.threshold).toBe(10);
  });

  it("another pack than the sheet's: the same findings after a warning naming both", async () => {
    const r = await run("check", small, "--json", "--criteria", "yunnan-provincial");
    const records = JSON.parse(r.out) as CheckRecord[];
    expect(records.map(sig)).toEqual([MISMATCH, ...SMALL_YUNNAN]);
    expect(records[0]?.message).toBe(
      "本表按评审标准「中小企业特色产业集群认定标准（2022年度）」生成，表中的实时标色依此显示；本次检查采用「云南省省级中小企业特色产业集群认定标准」，以检查结果为准。"
    );
    const back = await run("check", smallYunnan, "--json");
    expect((JSON.parse(back.out) as CheckRecord[]).map(sig)).toEqual([MISMATCH, ...SMALL_NATIONAL]);
  });

  it("the same pack as a file gives the same; the text output names the pack", async () => {
    const file = packFile("云南.json", YUNNAN_DOCUMENT);
    const fromFile = await run("check", smallYunnan, "--json", "--criteria", file);
    const builtin = await run("check", smallYunnan, "--json", "--criteria", "yunnan-provincial");
    expect(fromFile.out).toBe(builtin.out);
    const text = await run("check", small, "--criteria", file);
    expect(text.out.split("\n")[0]).toBe(
      "评审标准：云南省省级中小企业特色产业集群认定标准（yunnan-provincial）"
    );
  });

  it("--out-dir: the copy's 「审查结果」 names the pack and lists its findings", async () => {
    const outDir = path.join(dir, "copies-yunnan");
    const r = await run("check", small, "--criteria", "yunnan-provincial", "--out-dir", outDir);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, "small-审查.xlsx"));
    const ws = wb.getWorksheet("审查结果") as ExcelJS.Worksheet;
    expect(String(ws.getCell("A2").value)).toContain(
      "评审标准：云南省省级中小企业特色产业集群认定标准（yunnan-provincial）"
    );
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    expect(texts.join("\n")).toContain("未达到「工业互联网平台应用普及率不低于10%」");
    expect(texts.join("\n")).not.toContain("40亿元");
  });

  it("without --criteria the copy's 「审查结果」 names the batch's national standard", async () => {
    const outDir = path.join(dir, "copies-national");
    expect((await run("check", small, "--out-dir", outDir)).code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, "small-审查.xlsx"));
    expect(wb.getWorksheet("审查结果")?.getCell("A2").text).toContain(
      "评审标准：中小企业特色产业集群认定标准（2022年度）（national-2022）"
    );
  });

  it("a pack for another batch: the sheet is not checked, and says why", async () => {
    const r = await run("check", small, "--criteria", "national-2023");
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `${small} · 申报表-2022：该表为 2022年度批次，评审标准 national-2023 只适用于 2023年度批次，未检查。`
    );
    const both = await run("check", small, "--criteria", "national-2023", "--batch", "2022");
    expect(both.code).toBe(2);
    expect(both.err.trim()).toBe(
      "评审标准 national-2023 只适用于 2023年度批次，与 --batch 指定的 2022年度不一致。什么也没有做。"
    );
  });
});

describe("the check's marks: live where the sheet's own highlights show the finding", () => {
  const iiot = async (file: string): Promise<boolean | undefined> => {
    const reads = await readTemplates(readFileSync(file));
    const report = decideCheck(reads, { locale: "zh-CN", criteria: YUNNAN_PACK });
    const [sheet] = report.sheets;
    const at = sheet?.review.findings.find((f) => f.ruleId === "iiot_penetration_ge_15")?.cell;
    return sheet?.marks.find((m) => m.cell === at)?.live;
  };

  it("工业互联网 8% < 10%: lit by the 云南 template, drawn as a mark on the national one", async () => {
    expect(await iiot(smallYunnan)).toBe(true);
    expect(await iiot(small)).toBe(false);
  });
});

describe("jiqun template --criteria", () => {
  const yunnanTemplate = (form: string, out: string) =>
    run("template", form, "--batch", "2024", "--criteria", "yunnan-provincial", "--out", out);

  it("the 云南 pack: named on the batch line, recorded in the sheet, checked without a warning", async () => {
    const out = path.join(dir, "t-yunnan.xlsx");
    const r = await yunnanTemplate("shenbao", out);
    expect(r.code).toBe(0);
    const [read] = await readTemplates(readFileSync(out));
    expect(read?.criteria).toBe("yunnan-provincial");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.getWorksheet("申报表-2024")?.getCell("A2").value)).toBe(
      "2024年度申报 · 近三年数据为 2021、2022、2023 年 · 评审标准：云南省省级中小企业特色产业集群认定标准 · 黄色单元格为填写区"
    );
    const national = path.join(dir, "t-national.xlsx");
    expect((await run("template", "shenbao", "--batch", "2024", "--out", national)).code).toBe(0);
    const [plain] = await readTemplates(readFileSync(national));
    expect(plain?.criteria).toBe("national-2024");
    const summary = path.join(dir, "t-hz-yunnan.xlsx");
    const hz = await yunnanTemplate("huizong", summary);
    expect(hz.code).toBe(0);
    const [table] = await readTemplates(readFileSync(summary));
    expect(table?.form === "huizong" && table.criteria).toBe("yunnan-provincial");
  });

  it("a pack for one batch gives the batch; another --batch is refused, nothing written", async () => {
    const out = path.join(dir, "t-2023.xlsx");
    expect(
      (await run("template", "shenbao", "--criteria", "national-2023", "--out", out)).code
    ).toBe(0);
    const [read] = await readTemplates(readFileSync(out));
    expect([read?.sheet, read?.batchYear, read?.criteria]).toEqual([
      "申报表-2023",
      2023,
      "national-2023",
    ]);
    const refused = path.join(dir, "t-refused.xlsx");
    const r = await run(
      "template",
      "shenbao",
      "--batch",
      "2022",
      "--criteria",
      "national-2023",
      "--out",
      refused
    );
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(
      "评审标准 national-2023 只适用于 2023年度批次，与 --batch 指定的 2022年度不一致。什么也没有做。"
    );
    expect(existsSync(refused)).toBe(false);
    const bad = packFile("bad-template.json", { ...YUNNAN_DOCUMENT, rules: "none" });
    const badOut = path.join(dir, "t-bad.xlsx");
    const b = await run(
      "template",
      "shenbao",
      "--batch",
      "2024",
      "--criteria",
      bad,
      "--out",
      badOut
    );
    expect(b.code).toBe(2);
    expect(b.err).toContain("  rules：应为数组");
    expect(existsSync(badOut)).toBe(false);
  });
});

describe("a bad --criteria: one message, exit 2, nothing written", () => {
  const badPack = {
    ...YUNNAN_DOCUMENT,
    rules: YUNNAN_DOCUMENT.rules.map((r, i) => (i === 2 ? { ...r, threshold: "abc" } : r)),
  };

  it("a malformed pack file: every problem at its JSON path; no --out-dir made", async () => {
    const file = packFile("bad.json", badPack);
    const outDir = path.join(dir, "never-made");
    const r = await run("check", small, "--criteria", file, "--out-dir", outDir);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      `评审标准文件「${file}」有误，什么也没有做：\n  rules[2].threshold：应为数字，现为字符串 "abc"\n`
    );
    expect(existsSync(outDir)).toBe(false);
  });

  it("an unknown rule id and a missing threshold, each with its path", async () => {
    const rules = YUNNAN_DOCUMENT.rules.map((r, i) =>
      i === 0 ? { ...r, id: "foo" } : i === 1 ? { ...r, threshold: undefined } : r
    );
    const file = packFile("bad2.json", { ...YUNNAN_DOCUMENT, rules });
    const r = await run("check", small, "--criteria", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('  rules[0].id：未知的规则编号 "foo"（可用：output_each_year_min_40、');
    expect(r.err).toContain("\n  rules[1]：缺少 threshold\n");
  });

  it("not JSON, an unknown id, a missing value", async () => {
    const notJson = packFile("not.json", "{ rules: [");
    const r1 = await run("check", small, "--criteria", notJson);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/^评审标准文件「.*not\.json」不是有效的 JSON（.+）。什么也没有做。\n$/u);
    const r2 = await run("check", small, "--criteria", "guangdong-provincial");
    expect(r2.code).toBe(2);
    expect(r2.err.trim()).toBe(
      "未知的评审标准「guangdong-provincial」：既不是内置标准的编号，也不是可读取的文件。内置标准：national-2022、national-2023、national-2024、national-2025、fuhe-2022-2025、fuhe-2023-2026、fuhe-2024-2027、fuhe-2025-2028、yunnan-provincial。什么也没有做。"
    );
    const r3 = await run("check", small, "--criteria");
    expect(r3.code).toBe(2);
    expect(r3.err).toMatch(/用法/u);
  });

  it("review: the output folder is not made", async () => {
    const file = packFile("bad-review.json", badPack);
    const out = path.join(dir, "review-never-made");
    const r = await run("review", small, "--out", out, "--criteria", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('rules[2].threshold：应为数字，现为字符串 "abc"');
    expect(existsSync(out)).toBe(false);
  });
});

describe("jiqun review --criteria", () => {
  it("the 云南 pack: its findings, no caps, and the report names the pack", async () => {
    const out = path.join(dir, "review-yunnan");
    const r = await run("review", small, "--out", out, "--json", "--criteria", "yunnan-provincial");
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(out, "审查报告.json"), "utf8")) as {
      criteria: { id: string };
      clusters: { failedRules: string[] }[];
      caps: unknown[];
    };
    expect(report.criteria.id).toBe("yunnan-provincial");
    expect(report.clusters.map((c) => c.failedRules)).toEqual([["iiot_penetration_ge_15"]]);
    expect(report.caps).toEqual([]);
  });
});

describe("复核: jiqun template, check and review with fuhe-2022-2025", () => {
  let form: string;
  beforeAll(async () => {
    const plan = templatePlan("shenbao", 2025, undefined, reviewPack(2022));
    const wb = new ExcelJS.Workbook();
    fillByNames(addPlanSheet(wb, plan), plan, FUHE);
    form = path.join(dir, "fuhe.xlsx");
    writeFileSync(form, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
  });

  it("template: a 2025 form (data years 2022–2024) recording the 复核 pack", async () => {
    const out = path.join(dir, "t-fuhe.xlsx");
    const r = await run("template", "shenbao", "--criteria", "fuhe-2022-2025", "--out", out);
    expect(r.code).toBe(0);
    const [read] = await readTemplates(readFileSync(out));
    expect([read?.sheet, read?.batchYear, read?.criteria]).toEqual([
      "申报表-2025",
      2025,
      "fuhe-2022-2025",
    ]);
    expect(read?.form === "shenbao" && read.yearLabels).toEqual([2022, 2023, 2024]);
  });

  it("check: the hand-derived findings, the 复核 line and a 复核结论 per criterion", async () => {
    const json = await run("check", form, "--json", "--criteria", "fuhe-2022-2025");
    expect(json.code).toBe(1);
    expect((JSON.parse(json.out) as CheckRecord[]).map(sig)).toEqual(FUHE_REVIEW);
    const text = (await run("check", form, "--criteria", "fuhe-2022-2025")).out.split("\n");
    expect(text.slice(0, 2)).toEqual([
      "评审标准：中小企业特色产业集群复核（2022年度认定，2025年复核）（fuhe-2022-2025）",
      "复核：2022年度认定的集群于 2025年复核，数据年份 2022—2024年，按认定标准逐条审查，不设推荐数量上限。",
    ]);
    const at = text.indexOf("复核结论 · 申报表-2025");
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at + 1, at + 16).map((l) => l.replace(/。.*$/u, ""))).toEqual([
      "  1. 近三年产值均在40亿元以上：不符合",
      "  2. 中小企业产值占集群总产值70%以上：不符合",
      "  3. 主导产业占集群总产值比例高于70%：不符合",
      "  4. 产值年均增速高于10%：不符合",
      expect.stringMatching(/^ {2}5\. .+：不符合$/u),
      expect.stringMatching(/^ {2}6\. .+：不符合$/u),
      expect.stringMatching(/^ {2}7\. .+：不符合$/u),
      expect.stringMatching(/^ {2}8\. .+：符合$/u),
      expect.stringMatching(/^ {2}9\. .+：不符合$/u),
      expect.stringMatching(/^ {2}10\. .+：超出「一般」要求，需说明$/u),
      ...[11, 12, 13, 14, 15].map((n) =>
        expect.stringMatching(new RegExp(`^ {2}${n}\\. .+：符合$`, "u"))
      ),
    ]);
    // A criterion not met carries its reasons: the findings' own sentences.
    expect(text[at + 1]).toContain(
      "：不符合。2022年集群总产值为 15 亿元，未达到「近三年产值均在40亿元以上」（差 25 亿元）。"
    );
  });

  it("the copy's 「审查结果」 is titled 复核 and holds the 复核结论 table", async () => {
    const outDir = path.join(dir, "copies-fuhe");
    expect(
      (await run("check", form, "--criteria", "fuhe-2022-2025", "--out-dir", outDir)).code
    ).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, "fuhe-审查.xlsx"));
    const ws = wb.getWorksheet("审查结果") as ExcelJS.Worksheet;
    expect(ws.getCell("A1").text).toBe("集群申报助手 · 复核结果");
    expect(ws.getCell("A2").text).toContain("复核：2022年度认定的集群于 2025年复核");
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push([1, 2, 6, 9].map((c) => row.getCell(c).text)));
    const head = rows.findIndex((r) => r[0] === "复核结论 · 申报表-2025");
    expect(rows[head + 1]).toEqual(["序号", "认定标准", "复核结论", "理由"]);
    expect(rows[head + 2]?.slice(0, 3)).toEqual(["1", "近三年产值均在40亿元以上", "不符合"]);
    expect(rows[head + 2]?.[3]).toContain("2022年集群总产值为 15 亿元");
    expect(rows[head + 9]?.slice(2)).toEqual(["符合", ""]);
  });

  it("review: no cap, and the report carries each form's 复核结论", async () => {
    const out = path.join(dir, "review-fuhe");
    const r = await run("review", form, "--out", out, "--json", "--criteria", "fuhe-2022-2025");
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(out, "审查报告.json"), "utf8")) as {
      criteria: { id: string };
      caps: unknown[];
      files: { sheets: { conclusions?: { ruleId: string; conclusion: string }[] }[] }[];
    };
    expect(report.criteria.id).toBe("fuhe-2022-2025");
    expect(report.caps).toEqual([]);
    const conclusions = report.files[0]?.sheets[0]?.conclusions ?? [];
    expect(conclusions.map((c) => c.ruleId)).toEqual(reviewPack(2022).rules.map((x) => x.id));
    expect(conclusions.filter((c) => c.conclusion === "unmet")).toHaveLength(8);
  });
});
