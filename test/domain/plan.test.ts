/** The sheet plans: one name per field with the right shape, year columns per batch, input rules,
 * native formulas only, merges that never overlap, print setup for paper. */
import {
  batchParams,
  buildHuizongPlan,
  buildShenbaoPlan,
  cellsIn,
  fieldName,
  findAuthority,
  HUIZONG_COLUMNS,
  SHENBAO,
  type Authority,
  type SheetPlan,
} from "../../src/domain";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";

function dims(address: string): [number, number] {
  const [a, b = a] = address.replace(/\$/gu, "").split(":") as [string, string?];
  const parse = (s: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/u.exec(s) as RegExpExecArray;
    const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return [Number(m[2]), col];
  };
  const [r1, c1] = parse(a);
  const [r2, c2] = parse(b);
  return [r2 - r1 + 1, c2 - c1 + 1];
}

const cellsOf = (address: string): string[] => cellsIn(address).map((c) => c.address);

const plan2022 = buildShenbaoPlan(batchParams(2022), PLAN_TEXT_ZH);
const plan2025 = buildShenbaoPlan(batchParams(2025), PLAN_TEXT_ZH);

describe("申报表 plan", () => {
  it("every field that holds data has exactly one sheet-scoped name SB_<id> of the right shape", () => {
    for (const f of SHENBAO.fields.filter((x) => x.kind !== "seal")) {
      const named = plan2022.names.filter((n) => n.name === fieldName(f.id));
      expect(named).toHaveLength(1);
      const expected: [number, number] =
        f.kind === "multi"
          ? [f.options?.length ?? 0, 1]
          : f.kind === "countGrid"
            ? [4, 6]
            : f.kind === "countNames"
              ? [1, 2]
              : f.years === "data"
                ? [1, 3]
                : f.years === "plan"
                  ? [1, 4]
                  : [1, 1];
      expect([f.id, dims(named[0]?.address ?? "")]).toEqual([f.id, expected]);
    }
  });

  it("names are unique, valid defined names, absolute, inside the print area", () => {
    const names = plan2022.names.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    const [printRows] = dims(plan2022.print.area);
    for (const n of plan2022.names) {
      expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/u);
      expect(n.address).toMatch(/^\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/u);
      const [rows] = dims(`A1:${n.address.split(":").pop() as string}`);
      expect(rows).toBeLessThanOrEqual(printRows);
    }
  });

  it.each<[SheetPlan, number[], number[]]>([
    [plan2022, [2019, 2020, 2021], [2022, 2023, 2024]],
    [plan2025, [2022, 2023, 2024], [2025, 2026, 2027]],
  ])("year columns follow the batch", (plan, data, planYears) => {
    const numbers = plan.cells
      .filter((c) => typeof c.value === "number" && c.style === "header")
      .map((c) => c.value);
    for (const y of [...data, ...planYears]) expect(numbers).toContain(y);
    expect(numbers).not.toContain((data[0] as number) - 1);
    expect(plan.sheetName).toBe(`申报表-${plan.batchYear}`);
  });

  it("every official label is on the sheet", () => {
    const texts = plan2022.cells.map((c) => (typeof c.value === "string" ? c.value : ""));
    for (const f of SHENBAO.fields.filter((x) => x.section !== "cover" && !x.helper)) {
      expect([
        f.id,
        texts.some((t) => t === f.label || t === `  ${f.label}` || t.startsWith(`${f.label}\n`)),
      ]).toEqual([f.id, true]);
    }
  });

  it("input rules per kind: 是/否 lists, shares 0..100, rates > −100, whole counts, text limits", () => {
    const ruleAt = (fieldId: string) => {
      const address = plan2022.names
        .find((n) => n.name === fieldName(fieldId))
        ?.address.replace(/\$/gu, "");
      return plan2022.validations.find((v) => v.address === address)?.rule;
    };
    expect(ruleAt("gate_no_incident")).toEqual({ kind: "list", source: ["是", "否"] });
    expect(ruleAt("energy_efficiency")).toEqual({ kind: "list", source: ["是", "否", "不涉及"] });
    expect(ruleAt("industry_type")).toEqual({
      kind: "list",
      source: ["第一产业", "第二产业", "第三产业"],
    });
    expect(ruleAt("solid_waste_above_avg")).toEqual({ kind: "listRange", address: "$J$1:$J$3" });
    expect(ruleAt("sme_output_share")).toEqual({ kind: "decimal", min: 0, max: 100 });
    expect(ruleAt("rd_growth")).toEqual({ kind: "decimal", min: -100, minExclusive: true });
    expect(ruleAt("firms")).toEqual({ kind: "whole", min: 0 });
    expect(ruleAt("supply_chain_risk")).toEqual({ kind: "textLength", max: 200 });
    expect(ruleAt("plan_text")).toEqual({ kind: "textLength", max: 3000 });
    expect(ruleAt("resource_sharing_work")).toEqual({ kind: "list", source: ["是", "否"] });
    for (const v of plan2022.validations) {
      expect(v.prompt.title.length).toBeLessThanOrEqual(32);
      expect(v.prompt.message.length).toBeLessThanOrEqual(255);
      expect(v.error.message.length).toBeLessThanOrEqual(225);
    }
  });

  it("the comma-bearing option list lives in a hidden column", () => {
    expect(plan2022.hiddenColumns).toEqual([10]);
    expect(plan2022.cells.filter((c) => /^J[123]$/u.test(c.address)).map((c) => c.value)).toEqual([
      "是",
      "否",
      "非工业集群,不适用",
    ]);
  });

  it("derived cells use Excel-native functions only, future ones with _xlfn.", () => {
    const formulas = plan2022.cells.flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas.length).toBeGreaterThan(20);
    const allowed = new Set([
      "MATCH",
      "IF",
      "COUNT",
      "IFERROR",
      "_xlfn.RRI",
      "PRODUCT",
      "LEN",
      "TRIM",
      "AND",
      "ISNUMBER",
    ]);
    for (const f of formulas) {
      expect(f.startsWith("=")).toBe(true);
      for (const [, fn] of f.matchAll(/([A-Za-z_.]+)\(/gu))
        expect([f, allowed.has(fn as string)]).toEqual([f, true]);
      expect(f).not.toMatch(/(^|[^.])RRI\(/u);
    }
    const derived = plan2022.names.filter((n) => n.name.startsWith("SBX_")).map((n) => n.fieldId);
    expect(derived).toEqual(
      expect.arrayContaining([
        "output_total",
        "lead_output_growth",
        "rd_growth",
        "patents_per_10k",
        "plan_text",
      ])
    );
  });

  it("highlights: guarded native expressions, thresholds from the batch's catalogue, red and amber", () => {
    const allowed = new Set([
      "AND",
      "OR",
      "NOT",
      "ISNUMBER",
      "ROUND",
      "LEN",
      "TRIM",
      "COUNT",
      "N",
      "INT",
    ]);
    for (const h of plan2022.highlights) {
      expect(h.formula.startsWith("=")).toBe(false);
      for (const [, fn] of h.formula.matchAll(/([A-Za-z_.]+)\(/gu))
        expect([h.formula, allowed.has(fn as string)]).toEqual([h.formula, true]);
    }
    const out = plan2022.highlights.filter((h) => h.ruleId === "output_each_year_min_40");
    expect(out.map((h) => [h.severity, h.formula])).toEqual([
      [
        "error",
        `AND(ISNUMBER(${out[0]?.address.split(":")[0]}),${out[0]?.address.split(":")[0]}<40,NOT($J$4))`,
      ],
      [
        "warning",
        `AND(ISNUMBER(${out[0]?.address.split(":")[0]}),${out[0]?.address.split(":")[0]}<40,$J$4)`,
      ],
    ]);
    const lead = plan2022.highlights.find((h) => h.ruleId === "lead_industry_share_gt_70");
    expect(lead?.formula).toMatch(/ROUND\(B\d+,2\)<=70/u);
    expect(plan2022.highlights.some((h) => h.ruleId === "gate_provincial_recognition")).toBe(false);
    expect(
      buildShenbaoPlan(batchParams(2023), PLAN_TEXT_ZH).highlights.some(
        (h) => h.ruleId === "gate_provincial_recognition"
      )
    ).toBe(true);
  });

  it("no formula cell is formatted as text (Excel would store the formula as text)", () => {
    for (const plan of [plan2022, buildHuizongPlan(batchParams(2024), PLAN_TEXT_ZH)]) {
      for (const c of plan.cells)
        if (c.formula) expect([c.address, c.numberFormat]).not.toEqual([c.address, "@"]);
    }
  });

  it("cells are unique and merges never overlap", () => {
    const seen = new Set<string>();
    for (const c of plan2022.cells) {
      expect(seen.has(c.address)).toBe(false);
      seen.add(c.address);
    }
    const covered = new Set<string>();
    for (const m of plan2022.merges) {
      for (const c of cellsOf(m)) {
        expect([m, covered.has(c)]).toEqual([m, false]);
        covered.add(c);
      }
    }
  });

  it("prints on A4, one page wide, with page numbers, repeated header rows and page breaks", () => {
    expect(plan2022.print).toMatchObject({
      paper: "A4",
      fitToPagesWide: 1,
      footer: "第 &P 页 共 &N 页",
      titleRows: "$1:$2",
    });
    expect(plan2022.print.breaksAfterRows.length).toBe(2);
    expect(plan2022.freeze).toEqual({ rows: 2, columns: 1 });
  });

  it("inputs are marked as inputs, text inputs are formatted as text", () => {
    const address = plan2022.names
      .find((n) => n.name === "SB_operator")
      ?.address.replace(/\$/gu, "");
    expect(plan2022.cells.find((c) => c.address === address)).toMatchObject({
      style: "input",
      numberFormat: "@",
    });
    expect(plan2022.styles.input.fill).not.toEqual(plan2022.styles.label.fill);
  });
});

describe("推荐汇总表 plan", () => {
  it.each<[number, string | undefined, number]>([
    [2023, "贵州省", 6],
    [2024, "深圳市", 2],
    [2022, "兵团", 3],
    [2024, undefined, 8],
  ])("batch %i, %s: one table row per allowed recommendation (%i)", (year, name, rows) => {
    const authority = name ? (findAuthority(name) as Authority) : undefined;
    const plan = buildHuizongPlan(batchParams(year), PLAN_TEXT_ZH, authority);
    expect(plan.table?.headers).toEqual(HUIZONG_COLUMNS.map((c) => c.label));
    expect(dims(plan.table?.address ?? "")).toEqual([rows + 1, 7]);
    expect(plan.cells.find((c) => c.address === "A1")?.value).toBe(
      `${year}年度中小企业特色产业集群推荐汇总表`
    );
    expect(plan.cells.find((c) => c.address === "C2")?.value).toBe(authority?.name ?? "");
    expect(plan.names.find((n) => n.name === "HZ_intro")?.address).toBe(`$G$4:$G$${3 + rows}`);
    expect(plan.validations.find((v) => v.address.startsWith("G4"))?.rule).toEqual({
      kind: "textLength",
      max: 150,
    });
    expect(plan.print.orientation).toBe("Landscape");
  });

  it("on paper: the seven official columns, a 45 mm seal line, rows that hold a 150-character 简介", () => {
    const plan = buildHuizongPlan(batchParams(2024), PLAN_TEXT_ZH);
    const [, printedColumns] = dims(plan.print.area);
    expect(printedColumns).toBe(HUIZONG_COLUMNS.length);
    expect(plan.print.area).toBe("$A$1:$G$11");
    expect(plan.rowHeights[2]).toBeGreaterThanOrEqual((45 * 72) / 25.4);
    // Where the column is narrowest: Excel prints a width unit as 5.25 pt (Calibri's 7 px digit),
    // keeps 2.25 pt free on each side, and sets SimSun 11 pt lines 14.25 pt apart.
    const intro = HUIZONG_COLUMNS.findIndex((c) => c.id === "intro");
    const perLine = Math.floor(((plan.columnWidths[intro] as number) * 5.25 - 4.5) / 11);
    for (let row = 4; row <= 11; row++)
      expect(plan.rowHeights[row]).toBeGreaterThanOrEqual(Math.ceil(150 / perLine) * 14.25);
    // Where it is widest (LibreOffice's 6.94 pt DejaVu digit), every column, the 字数 helper
    // included, fits between A4 landscape's 0.5-inch side margins.
    const units = plan.columnWidths.reduce((a, b) => a + b, 0);
    expect(units * 6.94).toBeLessThanOrEqual(841.89 - 72);
  });
});
