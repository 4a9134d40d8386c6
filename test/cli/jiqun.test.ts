/** `jiqun template` and `jiqun fields`: the acceptance of the template command line. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { listFields, main } from "../../src/cli/jiqun";
import { SHENBAO } from "../../src/domain";
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
    [["template", "shenbao", "--batch", "2019", "--out", "x.xlsx"], /批次年份无效:2019/u],
    [["template", "shenbao", "--out", "x.xlsx"], /批次年份无效/u],
    [
      ["template", "huizong", "--batch", "2024", "--authority", "火星省", "--out", "x.xlsx"],
      /未知的推荐单位:火星省/u,
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
    expect(r.err).toMatch(/文件已存在,未覆盖/u);
    expect(readFileSync(out, "utf8")).toBe("user data");
  });
});
