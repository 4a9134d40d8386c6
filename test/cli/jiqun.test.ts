/** `jiqun template` and `jiqun fields`: the acceptance of the template command line. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CheckRecord } from "../../src/cli/check";
import { listFields, main } from "../../src/cli/jiqun";
import {
  batchParams,
  evaluateShenbao,
  SHENBAO,
  SHENBAO_EXAMPLES,
  type ExampleKey,
} from "../../src/domain";
import { t } from "../../src/i18n";
import { readDefinedNames } from "../../src/xlsx/writer";

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`) });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(tmpdir(), "jiqun-"));

describe("jiqun template / fields", () => {
  it.each([
    [2022, [2019, 2020, 2021]],
    [2025, [2022, 2023, 2024]],
  ])(
    "template shenbao --batch %i: every field has a named range in the file, years %p",
    async (year, years) => {
      const out = path.join(dir, `shenbao-${year}.xlsx`);
      const r = await run("template", "shenbao", "--batch", String(year), "--out", out);
      expect(r).toMatchObject({ code: 0, err: "" });
      const names = await readDefinedNames(readFileSync(out));
      const fields = JSON.parse(
        (await run("fields", "--batch", String(year), "--json")).out
      ) as ReturnType<typeof listFields>;
      expect(fields.map((f) => f.id)).toEqual(
        SHENBAO.fields.filter((f) => f.kind !== "seal").map((f) => f.id)
      );
      for (const f of fields) {
        expect(names).toContainEqual({
          name: f.name,
          sheetIndex: 0,
          ref: `'申报表-${year}'!${f.address}`,
        });
        if (f.years && f.id !== "plan_output")
          expect(f.years).toEqual(f.years.length === 3 ? years : f.years);
      }
      expect(fields.find((f) => f.id === "output_total")).toMatchObject({
        years,
        unit: "亿元",
        kind: "num",
      });
      expect(fields.find((f) => f.id === "plan_text")).toMatchObject({ limit: 3000 });
    }
  );

  it("template huizong --authority 贵州省 writes the summary with the authority on it", async () => {
    const out = path.join(dir, "huizong.xlsx");
    expect(
      (await run("template", "huizong", "--batch", "2024", "--authority", "贵州省", "--out", out))
        .code
    ).toBe(0);
    const names = await readDefinedNames(readFileSync(out));
    expect(names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["HZ_name", "HZ_intro", "HZ_authority"])
    );
  });

  it.each<[string[], RegExp]>([
    [["template", "shenbiao", "--batch", "2024", "--out", "x.xlsx"], /未知的模板/u],
    [["template", "shenbao", "--batch", "2019", "--out", "x.xlsx"], /批次年份无效：2019/u],
    [["template", "shenbao", "--out", "x.xlsx"], /批次年份无效/u],
    [
      ["template", "huizong", "--batch", "2024", "--authority", "火星省", "--out", "x.xlsx"],
      /未知的推荐单位：火星省/u,
    ],
    [
      ["template", "shenbao", "--batch", "2024", "--example", "A", "--out", "x.xlsx"],
      /^示例 A 是 2022年批次的申报表（数据年份 2019—2021年），与 --batch 2024 不符：请去掉 --batch，或改为 --batch 2022。$/mu,
    ],
    [
      ["template", "shenbao", "--example", "F", "--out", "x.xlsx"],
      /^未知的示例「F」。可选的示例：\n {2}A {2}浙江省甲县智能泵阀产业集群（2022年批次）\n(?: {2}[B-E] {2}\S+（2022年批次）\n){4}$/u,
    ],
    [["template", "shenbao", "--example", "--out", "x.xlsx"], /^--example 后缺少示例的字母。/u],
    [
      ["template", "huizong", "--example", "A", "--batch", "2022", "--out", "x.xlsx"],
      /示例数据只用于申报表：请用 jiqun template shenbao --example A/u,
    ],
    [
      ["template", "shenbao", "--example", "A", "--batch", "2019", "--out", "x.xlsx"],
      /批次年份无效：2019/u,
    ],
    [["template", "shenbao", "--batch", "2024"], /缺少 --out/u],
    [["nonsense"], /用法/u],
  ])("%p → exit 2 with a Chinese message", async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("never overwrites an existing file", async () => {
    const out = path.join(dir, "existing.xlsx");
    writeFileSync(out, "user data");
    const r = await run("template", "shenbao", "--batch", "2024", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/文件已存在，未覆盖/u);
    expect(readFileSync(out, "utf8")).toBe("user data");
  });
});

/** What each example stands for: its errors and warnings (the evaluator's, as examples.test.ts lists them). */
const EXPECTED: Readonly<Record<ExampleKey, readonly string[]>> = {
  A: [],
  B: [
    "lead_industry_share_gt_70 lead_output_share 2019 error",
    "lead_industry_share_gt_70 lead_output_share 2020 error",
    "lead_industry_share_gt_70 lead_output_share 2021 error",
    "output_growth_gt_10 lead_output_cagr - error",
    "rd_growth_gt_10 rd_growth - error",
  ],
  C: [
    "iiot_penetration_ge_15 iiot_rate - warning relaxed",
    "output_each_year_min_40 output_total 2019 warning relaxed",
    "output_each_year_min_40 output_total 2020 warning relaxed",
  ],
  D: ["growth_reported_vs_recomputed lead_output_cagr - warning"],
  E: [
    "energy_eff_vs_benchmark energy_efficiency - error",
    "gate_no_major_incident_3y gate_no_incident - error",
  ],
};

describe("jiqun template shenbao --example", () => {
  const sig = (r: { ruleId: string; severity: string; year?: number }): string =>
    `${r.ruleId}/${r.severity}/${r.year ?? "-"}`;
  const significant = (records: readonly CheckRecord[]): string[] =>
    records
      .filter((r) => r.severity !== "info")
      .map((r) =>
        [
          r.ruleId,
          r.fieldId,
          r.year ?? "-",
          r.severity,
          r.message.includes("西部地区可适当放宽") ? "relaxed" : "",
        ]
          .join(" ")
          .trim()
      )
      .sort();

  it.each(SHENBAO_EXAMPLES.map((e) => [e.key, e] as const))(
    "example %s in its own batch: jiqun check finds exactly what the example stands for",
    async (key, example) => {
      const out = path.join(dir, `example-${key}.xlsx`);
      const written = await run("template", "shenbao", "--example", key, "--out", out);
      expect(written).toEqual({
        code: 0,
        out: `已生成 ${out}（申报表-${example.batchYear}，示例 ${key}：${example.title}）\n`,
        err: "",
      });
      const checked = await run("check", out, "--json");
      const records = JSON.parse(checked.out) as CheckRecord[];
      expect(significant(records)).toEqual([...EXPECTED[key]].sort());
      // Information items too: the file holds every value the pane's 填入示例数据 types.
      const evaluated = evaluateShenbao(example.values, { batch: batchParams(example.batchYear) });
      expect(records.map(sig)).toEqual(evaluated.map(sig));
      expect(checked.code).toBe(EXPECTED[key].some((f) => f.endsWith(" error")) ? 1 : 0);
    }
  );

  it("the example's own --batch is accepted, a lower-case key too", async () => {
    const out = path.join(dir, "example-b-2022.xlsx");
    const r = await run("template", "shenbao", "--example", "b", "--batch", "2022", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/示例 B：江苏省乙县电子元件产业集群/u);
  });

  it("a refused example writes nothing", async () => {
    const out = path.join(dir, "refused.xlsx");
    const r = await run("template", "shenbao", "--example", "A", "--batch", "2023", "--out", out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    // 推荐单位 belongs on the 汇总表: on the 申报表 it used to be dropped without a word.
    [
      ["template", "shenbao", "--batch", "2024", "--authority", "四川省", "--out"],
      "--authority",
      "template shenbao",
    ],
    [
      ["template", "huizong", "--batch", "2024", "--autority", "四川省", "--out"],
      "--autority",
      "template huizong",
    ],
    [["fields", "--batch", "2024", "--jsno"], "--jsno", "fields"],
    [["check", "a.xlsx", "--out", "x"], "--out", "check"],
    [["review", "in", "--out-dir", "x"], "--out-dir", "review"],
    [["export", "a.xlsx", "--out", "a.docx", "--pdf"], "--pdf", "export"],
  ])("refuses an option the command does not take: %j", async (args, option, command) => {
    const out = path.join(dir, `unknown-${option.slice(2)}-${command.replace(" ", "-")}.xlsx`);
    const argv = args[args.length - 1] === "--out" ? [...args, out] : args;
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe(t("zh-CN", "cli.unknownOption", { option, command }));
    expect(r.err).toContain(t("zh-CN", "cli.usage"));
    expect(r.out).toBe("");
    expect(existsSync(out)).toBe(false);
  });
});
