/** The sheet plans: one name per field with the right shape, year columns per batch, input rules,
 * native formulas only, merges that never overlap, print setup for paper. */
import {
  batchOfTitle,
  batchParams,
  buildHuizongPlan,
  buildShenbaoPlan,
  cellsIn,
  EVIDENCE_NOTE,
  fieldById,
  fieldName,
  findAuthority,
  HUIZONG_ATTACHMENT,
  HUIZONG_COLUMNS,
  NUMBER_FORMATS,
  parseCell,
  planOutline,
  SHENBAO,
  withFormValues,
  yearLabelsOf,
  type Authority,
  type CellValue,
  type PageFlow,
  type PageMargins,
  type SheetPlan,
} from "../../src/domain";
import { A4, mm, paginate, printedWidth } from "../../src/domain/plan/paper";
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

/** The print area's rows and columns (1-based, inclusive). */
function printArea(plan: SheetPlan): { top: number; bottom: number; left: number; right: number } {
  const [a, b] = plan.print.area.replace(/\$/gu, "").split(":") as [string, string];
  const s = parseCell(a);
  const e = parseCell(b);
  return { top: s.row, bottom: e.row, left: s.col, right: e.col };
}

const inside = (area: ReturnType<typeof printArea>, address: string): boolean => {
  const c = parseCell(address);
  return c.row >= area.top && c.row <= area.bottom && c.col >= area.left && c.col <= area.right;
};

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
              ? [2, 1]
              : f.years === "data"
                ? [1, 3]
                : f.years === "plan"
                  ? [1, 4]
                  : [1, 1];
      expect([f.id, dims(named[0]?.address ?? "")]).toEqual([f.id, expected]);
    }
  });

  it("names are unique, valid defined names, absolute; inputs on the form's rows, a choice beside them", () => {
    const names = plan2022.names.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    const area = printArea(plan2022);
    for (const n of plan2022.names) {
      expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/u);
      expect(n.address).toMatch(/^\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/u);
      const [first, last = first] = cellsOf(n.address).map(parseCell);
      const field = SHENBAO.fields.find((f) => f.id === n.fieldId);
      if (!n.name.startsWith("SB_") || field?.helper) continue;
      // Typed values print where the form has them; a choice is picked in column H, beside it.
      expect([
        n.name,
        first?.row && first.row >= area.top,
        (last?.row ?? 0) <= area.bottom,
      ]).toEqual([n.name, true, true]);
      const choice = ["yesno", "yesnoNA", "radio", "multi"].includes(field?.kind ?? "");
      expect([n.name, (last?.col ?? 0) <= area.right]).toEqual([n.name, !choice]);
      if (choice) expect([n.name, first?.col]).toEqual([n.name, area.right + 1]);
    }
    // The 发展目标测算 helper table is below the form, not printed.
    const helper = plan2022.names.find((n) => n.name === "SB_plan_output")?.address ?? "";
    expect(parseCell(cellsOf(helper)[0] as string).row).toBeGreaterThan(area.bottom);
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

  it("every official label is printed: the field's, or the one the official cell writes", () => {
    const area = printArea(plan2022);
    const texts = plan2022.cells
      .filter((c) => inside(area, c.address))
      .map((c) => (typeof c.value === "string" ? c.value : (c.result ?? "")));
    const printed = (label: string): boolean =>
      texts.some((t) => t === label || t.startsWith(`${label}\n`));
    for (const f of SHENBAO.fields.filter((x) => x.section !== "cover" && !x.helper)) {
      // The plan's label is section 八's title; the seals' are their lines.
      const label = f.parts
        ? SHENBAO.sections.find((s) => s.id === "s8")?.title
        : (f.printedLabel ?? f.label);
      expect([f.id, printed(label ?? "")]).toEqual([f.id, true]);
      if (f.group && f.section !== "s1")
        expect([f.group, printed(f.group)]).toEqual([f.group, true]);
      if (f.after)
        expect([f.id, texts.some((t) => t.endsWith(f.after ?? ""))]).toEqual([f.id, true]);
    }
    expect(texts.filter((t) => t === EVIDENCE_NOTE)).toHaveLength(
      SHENBAO.fields.filter((f) => f.kind === "multi").length
    );
    expect(texts.filter((t) => t === EVIDENCE_NOTE)).toHaveLength(11);
  });

  it("a choice is a drop-down beside the form and prints as tick boxes, ☑ for the chosen option", () => {
    const at = (id: string): string =>
      (plan2022.names.find((n) => n.name === fieldName(id))?.address ?? "").replace(/\$/gu, "");
    const shown = (input: string) => plan2022.cells.filter((c) => c.shows?.input === input);
    const [industry] = shown(at("industry_type"));
    expect(industry?.result).toBe("□第一产业  □第二产业  □第三产业");
    expect(industry?.formula).toMatch(
      /^=IF\(TRIM\(H\d+\)="第一产业","☑","□"\)&"第一产业"&" {2}"&/u
    );
    expect(shown(at("chain_map"))[0]?.result).toBe("□是  □否 (如涉及,需提供佐证材料)");
    expect(shown(at("water_reuse_above_avg"))[0]?.result).toBe("□是  □否  □非工业集群,不适用");
    // 不适用 ticks 不涉及, as the checker reads it.
    expect(shown(at("energy_efficiency"))[0]?.formula).toContain("OR(TRIM(");
    const ticks = cellsOf(at("governance_work")).map((c) => shown(c)[0]?.result);
    expect(ticks).toEqual([
      "□建立了专业化发展促进机构、开展共商共建共享",
      "□建立了中小企业合法权益保护机制",
      "□建立了公共服务效果考核机制",
    ]);
    const filled = withFormValues(plan2022, {
      industry_type: "第二产业",
      energy_efficiency: "不适用",
      governance_work: ["是", "否", "√"],
    });
    const result = (input: string): string | undefined =>
      filled.cells.find((c) => c.shows?.input === input)?.result;
    expect(result(at("industry_type"))).toBe("□第一产业  ☑第二产业  □第三产业");
    expect(result(at("energy_efficiency"))).toBe("□是  □否  ☑不涉及");
    expect(cellsOf(at("governance_work")).map(result)).toEqual([
      "☑建立了专业化发展促进机构、开展共商共建共享",
      "□建立了中小企业合法权益保护机制",
      "☑建立了公共服务效果考核机制",
    ]);
  });

  it.each([2022, 2025])(
    "%i: years print as 2019年, and the checker still reads the batch and the years",
    (year) => {
      const plan = buildShenbaoPlan(batchParams(year), PLAN_TEXT_ZH);
      const value = (address: string): CellValue => {
        const c = plan.cells.find((x) => x.address === address);
        return c?.value ?? null;
      };
      expect(batchOfTitle(value)).toBe(year);
      const names = plan.names.map((n) => ({
        name: n.name,
        address: n.address.replace(/\$/gu, ""),
      }));
      expect(yearLabelsOf(names, value)).toEqual(batchParams(year).dataYears);
      const years = plan.cells.filter((c) => c.numberFormat === NUMBER_FORMATS.year);
      expect(NUMBER_FORMATS.year).toBe('0"年"');
      expect(new Set(years.map((c) => c.value))).toEqual(new Set(batchParams(year).dataYears));
    }
  );

  it("the plan: one cell per heading of the outline, 3000 characters across them", () => {
    const b = batchParams(2022);
    const outline = planOutline(b.planYears, b.targetYear);
    expect(outline.map((h) => h.heading)).toEqual([
      "一、集群基本情况简介",
      "二、发展成效",
      "三、存在的问题",
      "四、未来三年中小企业特色产业集群发展规划",
      "(一)总体思路",
      "(二)发展目标",
      "1.三年总体目标",
      "2.阶段性目标",
      "(1)2022年度",
      "(2)2023年度",
      "(3)2024年度",
      "(三)重点任务",
      "(四)保障措施",
    ]);
    const plan = fieldById("plan_text");
    expect(outline.flatMap((h) => (h.part ? [h.part] : []))).toEqual(plan.parts);
    const cells = (plan.parts ?? []).map(
      (id) => plan2022.names.find((n) => n.fieldId === id)?.address.replace(/\$/gu, "") ?? ""
    );
    expect(new Set(cells).size).toBe(10);
    for (const c of cells)
      expect(plan2022.validations.find((v) => v.address === c)?.rule).toEqual({
        kind: "textLength",
        max: 3000,
      });
    // The live highlight counts the cells together, on every one of them.
    const total = cells
      .map((c) => `LEN(TRIM(${c.replace(/([A-Z]+)(\d+)/u, "$$$1$$$2")}))`)
      .join("+");
    const limits = plan2022.highlights.filter(
      (h) => h.ruleId === "text_limit" && cells.includes(h.address)
    );
    expect(limits.map((h) => [h.address, h.formula])).toEqual(
      cells.map((c) => [c, `(${total})>3000`])
    );
    const required = plan2022.highlights.filter(
      (h) => h.ruleId === "required" && cells.includes(h.address)
    );
    expect(required.map((h) => h.formula)).toEqual([expect.stringContaining(`${total}=0`)]);
    // The 校核 count, for the screen.
    const count = plan2022.names
      .find((n) => n.name === "SBX_plan_text")
      ?.address.replace(/\$/gu, "");
    const sum = cells.map((c) => `LEN(TRIM(${c}))`).join("+");
    expect(plan2022.cells.find((c) => c.address === count)?.formula).toBe(
      `=IF(${sum}=0,"",${sum})`
    );
  });

  it("the 备注 and the outline's guidance print verbatim, with the batch's target year", () => {
    const b = batchParams(2024);
    const goals = planOutline(b.planYears, b.targetYear).find(
      (h) => h.heading === "1.三年总体目标"
    );
    expect(goals?.guidance?.[1]?.split("\n")).toEqual([
      "(备注:基准值须符合中小企业特色产业集群认定标准,2026年目标值须符合以下要求:",
      "a. 产值年均增速不低于10%",
      "b. 优质中小企业数量逐年增加",
      "c. 研发经费年均增速不低于10%",
      "d. 有效发明专利数年均增长不低于15%",
      "e. 工业互联网普及率达到45%左右",
      "f. 二氧化碳排放量降低达到18%左右",
      "g. 集群单位工业产值能耗下降达到13.5%左右)",
    ]);
    expect(
      planOutline(b.planYears, b.targetYear).find((h) => h.heading === "一、集群基本情况简介")
        ?.guidance
    ).toEqual([
      "包括总体情况、主导产业、产业集群相关政策制定与实施情况、优质主体培育、品牌打造、产业链供应链建设等方面近三年来发展情况、在行业中所处的地位等。",
    ]);
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
      "OR",
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

  it("prints the form alone on A4 at 100 %: from row 4 over A–G, no print titles, page numbers", () => {
    expect(plan2022.print).toMatchObject({
      paper: "A4",
      orientation: "Portrait",
      scale: 100,
      footer: "第 &P 页 共 &N 页",
      centerHorizontally: true,
      blackAndWhite: true,
    });
    expect(plan2022.print.titleRows).toBeUndefined();
    expect(plan2022.print.fitToPagesWide).toBeUndefined();
    expect(printArea(plan2022)).toMatchObject({ top: 4, left: 1, right: 7 });
    expect(plan2022.freeze).toEqual({ rows: 3, columns: 1 });
    // Where a unit prints widest (LibreOffice's 7 pt), the seven columns fit between the margins.
    const m = plan2022.print.margins as PageMargins;
    expect(printedWidth(plan2022.columnWidths.slice(0, 7))).toBeLessThanOrEqual(
      A4.width - (m.left + m.right) * 72
    );
  });

  it("every printed row has its height; seals get 45 mm; rows hold their text where columns are narrowest", () => {
    const area = printArea(plan2022);
    for (let row = area.top; row <= area.bottom; row++)
      expect([row, plan2022.rowHeights[row] !== undefined]).toEqual([row, true]);
    const seals = plan2022.cells.filter(
      (c) => typeof c.value === "string" && /\((盖章|公章)\):$/u.test(c.value)
    );
    expect(seals).toHaveLength(3);
    for (const c of seals)
      expect(plan2022.rowHeights[parseCell(c.address).row]).toBeGreaterThanOrEqual(mm(45));
    // A 200-character memo: Excel's narrower B–G at 10.5 pt, SimSun lines 1.3 em apart.
    const memo = parseCell(
      (plan2022.names.find((n) => n.name === "SB_supply_chain_risk")?.address ?? "").replace(
        /\$/gu,
        ""
      )
    );
    const perLine = Math.floor((6 * (8.3 * 5.25 + 3.75) - 4.5) / 10.5);
    expect(plan2022.rowHeights[memo.row]).toBeGreaterThanOrEqual(
      Math.ceil(200 / perLine) * 10.5 * 1.3
    );
  });

  it("page breaks: a heading keeps with what follows it, the cover is a page of its own", () => {
    const p = plan2022.print;
    const flow = p.flow as PageFlow;
    expect(p.breaksAfterRows).toEqual(
      paginate(printArea(plan2022).top, printArea(plan2022).bottom, plan2022.rowHeights, flow)
    );
    // No break inside a kept run, and no page fuller than a page.
    for (const k of flow.keep)
      for (const r of p.breaksAfterRows)
        expect([k, r >= k.first && r < k.last]).toEqual([k, false]);
    const starts = [printArea(plan2022).top, ...p.breaksAfterRows.map((r) => r + 1)];
    starts.forEach((start, i) => {
      const end = (starts[i + 1] ?? printArea(plan2022).bottom + 1) - 1;
      let h = 0;
      for (let r = start; r <= end; r++) h += plan2022.rowHeights[r] ?? 0;
      expect(h).toBeLessThanOrEqual(flow.pageHeight);
    });
    expect(flow.newPageAt).toEqual([(p.breaksAfterRows[0] as number) + 1]);
    // Each section title starts a kept run.
    for (const s of SHENBAO.sections.filter((x) => x.id !== "cover")) {
      const row = parseCell(plan2022.cells.find((c) => c.value === s.title)?.address ?? "A1").row;
      expect([s.id, flow.keep.some((k) => k.first <= row && k.last > row)]).toEqual([s.id, true]);
    }
  });

  it("paginate: runs that do not fit start the next page; a run taller than a page breaks where full", () => {
    const heights = { 1: 100, 2: 100, 3: 100, 4: 100, 5: 100, 6: 100, 7: 100, 8: 100 };
    const flow = (keep: { first: number; last: number }[], newPageAt: number[] = []): PageFlow => ({
      pageHeight: 250,
      keep,
      newPageAt,
    });
    expect(paginate(1, 8, heights, flow([]))).toEqual([2, 4, 6]);
    expect(paginate(1, 8, heights, flow([{ first: 2, last: 3 }]))).toEqual([1, 3, 5, 7]);
    expect(paginate(1, 8, heights, flow([], [2]))).toEqual([1, 3, 5, 7]);
    expect(paginate(1, 8, heights, flow([{ first: 2, last: 5 }]))).toEqual([1, 3, 5, 7]);
  });

  it("a filled plan cell is sized for its text and the pages are broken again", () => {
    const long = "规".repeat(1500);
    const filled = withFormValues(plan2022, { plan_text: long, plan_text_results: "短。" });
    const cell = (id: string) =>
      parseCell((plan2022.names.find((n) => n.fieldId === id)?.address ?? "").replace(/\$/gu, ""));
    const rows = (id: string) => {
      const r = cell(id).row;
      return (filled.rowHeights[r] ?? 0) + (filled.rowHeights[r + 1] ?? 0);
    };
    const width = 7 * 0 + (22 * 5.25 + 3.75) + 6 * (8.3 * 5.25 + 3.75) - 4.5;
    expect(rows("plan_text")).toBeGreaterThanOrEqual(
      Math.ceil(1500 / Math.floor(width / 10.5)) * 10.5 * 1.3
    );
    expect(rows("plan_text")).toBeLessThanOrEqual(818);
    expect(rows("plan_text_results")).toBeLessThan(60);
    expect(filled.print.breaksAfterRows).not.toEqual(plan2022.print.breaksAfterRows);
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
    const at = (address: string): CellValue | undefined =>
      plan.cells.find((c) => c.address === address)?.value;
    // 附件1 on its own line above the title, as the notice prints it.
    expect([at("A1"), at("A2")]).toEqual(["附件1", `${year}年度中小企业特色产业集群推荐汇总表`]);
    expect(HUIZONG_ATTACHMENT).toBe("附件1");
    expect(batchOfTitle((address) => at(address) ?? null)).toBe(year);
    expect([at("A3"), at("C3"), at("E3")]).toEqual([
      "省级中小企业主管部门:(盖章)",
      authority?.name ?? "",
      "联系人和手机:",
    ]);
    expect(plan.names.find((n) => n.name === "HZ_authority")?.address).toBe("$C$3");
    expect(plan.table?.address.startsWith("A4:")).toBe(true);
    expect(plan.names.find((n) => n.name === "HZ_intro")?.address).toBe(`$G$5:$G$${4 + rows}`);
    expect(plan.validations.find((v) => v.address.startsWith("G5"))?.rule).toEqual({
      kind: "textLength",
      max: 150,
    });
    expect(plan.print.orientation).toBe("Landscape");
  });

  it("on paper: the seven official columns, a 46 mm seal line, rows that hold a 150-character 简介", () => {
    const plan = buildHuizongPlan(batchParams(2024), PLAN_TEXT_ZH);
    const [, printedColumns] = dims(plan.print.area);
    expect(printedColumns).toBe(HUIZONG_COLUMNS.length);
    // From 附件1 to the last row; the header row repeats on every page.
    expect(plan.print.area).toBe("$A$1:$G$12");
    expect(plan.print.titleRows).toBe("$4:$4");
    expect(plan.freeze.rows).toBe(4);
    expect(plan.merges).toEqual(expect.arrayContaining(["A1:G1", "A2:G2"]));
    // 附件1 in the 申报表's 附件2 look (四号, no border), left as text aligns.
    expect(plan.cells.find((c) => c.address === "A1")?.style).toBe("cover");
    expect(plan.styles.cover).toMatchObject({ fontSize: 14 });
    expect(plan.styles.cover.hAlign).toBeUndefined();
    expect(plan.styles.cover.border).toBeUndefined();
    expect(plan.rowHeights[3]).toBeGreaterThanOrEqual(mm(46));
    // Where the column is narrowest: Excel prints a width unit as 5.25 pt (Calibri's 7 px digit),
    // keeps 2.25 pt free on each side, and sets SimSun 11 pt lines 14.25 pt apart.
    const intro = HUIZONG_COLUMNS.findIndex((c) => c.id === "intro");
    const perLine = Math.floor(((plan.columnWidths[intro] as number) * 5.25 - 4.5) / 11);
    for (let row = 5; row <= 12; row++)
      expect(plan.rowHeights[row]).toBeGreaterThanOrEqual(Math.ceil(150 / perLine) * 14.25);
    // At 100 % the first page holds 附件1, the title, the seal line, the header and two full rows,
    // between the writers' 0.6-inch top and bottom margins of A4 landscape (as tall as A4 is wide).
    const firstPage = [1, 2, 3, 4, 5, 6].reduce((h, r) => h + (plan.rowHeights[r] as number), 0);
    expect(firstPage).toBeLessThanOrEqual(A4.width - 2 * 0.6 * 72);
    // Where it is widest (LibreOffice's 6.94 pt DejaVu digit), every column, the 字数 helper
    // included, fits between A4 landscape's 0.5-inch side margins.
    const units = plan.columnWidths.reduce((a, b) => a + b, 0);
    expect(units * 6.94).toBeLessThanOrEqual(841.89 - 72);
  });
});
