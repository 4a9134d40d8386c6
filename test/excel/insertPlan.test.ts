/**
 * The Office.js writer against the project's in-memory Excel: the fake's final state equals the
 * plan, within two round trips; a second insert never touches the first; nothing is half-written.
 */
import {
  batchParams,
  buildHuizongPlan,
  buildShenbaoPlan,
  cellsIn,
  findAuthority,
  HIGHLIGHT_COLORS,
  type Authority,
  type SheetPlan,
} from "../../src/domain";
import { typedFormula } from "../../src/domain/plan";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { WriterError } from "../../src/excel/errors";
import type { ExcelHost } from "../../src/excel/host";
import { insertPlan, uniqueName } from "../../src/excel/insertPlan";
import { clientLibrary, FakeExcel, serverFor, type SheetSnapshot } from "../officejs";
import { hostFor } from "../support/excel";
import { countSyncs } from "../support/syncs";

const shenbao = buildShenbaoPlan(batchParams(2024), PLAN_TEXT_ZH);
const huizong = buildHuizongPlan(
  batchParams(2024),
  PLAN_TEXT_ZH,
  findAuthority("贵州省") as Authority
);
/** The 汇总表's 推荐单位 cell, an input cell a clerk types in. */
const authorityCell = (huizong.names.find((n) => n.name === "HZ_authority")?.address ?? "").replace(
  /\$/gu,
  ""
);

const sheetOf = (wb: FakeExcel, name: string): SheetSnapshot => {
  const s = wb.snapshot().sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

const cellsOf = (address: string): string[] => cellsIn(address).map((c) => c.address);

/** Asserts the fake's sheet holds the plan: cells, formats, merges, names, validation, layout. */
function expectSheetEqualsPlan(s: SheetSnapshot, plan: SheetPlan): void {
  for (const c of plan.cells) {
    const got = s.cells[c.address] ?? {};
    if (c.formula !== undefined)
      expect([c.address, got.formula]).toEqual([c.address, typedFormula(c.formula)]);
    else if (c.value !== undefined && c.value !== "")
      expect([c.address, got.value]).toEqual([c.address, c.value]);
    const format = typeof c.value === "string" ? "@" : c.numberFormat;
    if (format) expect([c.address, got.numberFormat]).toEqual([c.address, format]);
    const fill = c.style ? plan.styles[c.style].fill : undefined;
    if (fill) expect([c.address, got.fill?.toUpperCase()]).toEqual([c.address, fill.toUpperCase()]);
  }
  expect([...s.merges].sort()).toEqual(plan.merges.map((m) => m.replace(/\$/gu, "")).sort());
  const names = Object.fromEntries(s.names.map((n) => [n.name, n.formula]));
  for (const n of plan.names)
    expect(names[n.name]).toMatch(new RegExp(`!${n.address.replace(/\$/gu, "\\$")}$`, "u"));
  // Excel (and the fake) may report identical rules on adjacent cells as one range: compare per cell.
  const titleAt = new Map<string, string | undefined>();
  for (const v of s.validations)
    for (const c of cellsOf(v.address)) titleAt.set(c, v.prompt?.title);
  for (const v of plan.validations)
    for (const c of cellsOf(v.address)) expect([c, titleAt.get(c)]).toEqual([c, v.prompt.title]);
  expect(
    s.conditionalFormats.map((c) => [
      c.ranges.join(",").replace(/\$/gu, ""),
      c.formula,
      c.fill?.toUpperCase(),
    ])
  ).toEqual(
    plan.highlights.map((h) => [h.address, `=${h.formula}`, HIGHLIGHT_COLORS[h.severity].fill])
  );
  expect(s.pageLayout).toMatchObject({ orientation: plan.print.orientation, paperSize: "A4" });
  expect(s.pageLayout.printArea?.replace(/\$/gu, "")).toContain(
    plan.print.area.replace(/\$/gu, "")
  );
  const p = plan.print;
  expect(s.pageLayout.zoom).toEqual(
    p.scale !== undefined
      ? { scale: p.scale }
      : { horizontalFitToPages: p.fitToPagesWide ?? 1, verticalFitToPages: 0 }
  );
  expect(s.pageLayout.printTitleRows === undefined).toBe(p.titleRows === undefined);
  expect(s.pageLayout.centerHorizontally).toBe(p.centerHorizontally ?? false);
  expect(s.pageLayout.blackAndWhite).toBe(p.blackAndWhite ?? false);
  if (p.margins)
    expect(s.pageLayout.margins).toEqual(
      Object.fromEntries(
        Object.entries(p.margins).map(([k, inches]) => [k, Math.round(inches * 7200) / 100])
      )
    );
  expect(s.pageBreaks).toEqual(p.breaksAfterRows.map((r) => r + 1));
  for (const [row, h] of Object.entries(plan.rowHeights))
    expect([row, s.rowHeights[Number(row)]]).toEqual([row, h]);
}

describe("insertPlan (Office.js writer)", () => {
  it.each<[string, SheetPlan]>([
    ["申报表", shenbao],
    ["推荐汇总表", huizong],
  ])("%s: the fake's state equals the plan, in at most 2 syncs", async (_n, plan) => {
    const wb = new FakeExcel();
    const { result: r, syncs } = await countSyncs(wb, () => insertPlan(hostFor(wb), plan));
    expect(syncs.sequence).toBe("rwc");
    expect(r.sheetName).toBe(plan.sheetName);
    expectSheetEqualsPlan(sheetOf(wb, plan.sheetName), plan);
    expect(wb.snapshot().activeSheet).toBe(plan.sheetName);
  });

  it("申报表: boxes drawn over several rows keep their sides only; choices print from their drop-downs", async () => {
    const wb = new FakeExcel();
    await insertPlan(hostFor(wb), shenbao);
    const s = sheetOf(wb, shenbao.sheetName);
    const edges = (address: string): string[] =>
      Object.keys(s.cells[address]?.borders ?? {}).sort();
    const styled = (id: string) => shenbao.cells.filter((c) => c.style === id);
    // A box's cells have sides and no top or foot; its written cells (merged over B–G or A–G)
    // have both sides themselves.
    for (const c of styled("box")) {
      expect([c.address, edges(c.address).filter((e) => e === "top" || e === "bottom")]).toEqual([
        c.address,
        [],
      ]);
      if (c.value !== undefined || c.formula !== undefined)
        expect([c.address, edges(c.address)]).toEqual([c.address, ["left", "right"]]);
    }
    for (const c of styled("dateLineEnd"))
      expect([c.address, edges(c.address)]).toEqual([
        c.address,
        c.value ? ["bottom", "left", "right"] : expect.arrayContaining(["bottom", "right"]),
      ]);
    // Lines between two cells are kept once, as the right (or foot) of the left (or upper) cell.
    for (const c of styled("label").filter((x) => x.address.startsWith("A")))
      expect([c.address, edges(c.address)]).toEqual([
        c.address,
        expect.arrayContaining(["bottom", "left", "right"]),
      ]);
    // The printed tick boxes are formulas over the drop-downs in column H.
    const shown = shenbao.cells.filter((c) => c.shows);
    expect(shown.length).toBeGreaterThan(50);
    for (const c of shown) {
      expect(s.cells[c.address]?.formula).toBe(c.formula);
      expect(c.shows?.input).toMatch(/^H\d+$/u);
    }
  });

  it("the 汇总表 becomes an Excel table with the official headers", async () => {
    const wb = new FakeExcel();
    const r = await insertPlan(hostFor(wb), huizong);
    const t = sheetOf(wb, r.sheetName).tables[0];
    expect(t?.name).toBe("HZ_2024");
    expect(t?.headers).toEqual(huizong.table?.headers);
  });

  it("inserting twice makes a second sheet and leaves the first untouched", async () => {
    const wb = new FakeExcel();
    await insertPlan(hostFor(wb), huizong);
    const first = JSON.stringify(sheetOf(wb, "推荐汇总表-2024"));
    const r = await insertPlan(hostFor(wb), huizong);
    expect(r).toEqual({ sheetName: "推荐汇总表-2024 (2)", tableName: "HZ_2024_2" });
    expect(JSON.stringify(sheetOf(wb, "推荐汇总表-2024"))).toBe(first);
    expectSheetEqualsPlan(sheetOf(wb, r.sheetName), huizong);
  });

  it("never writes into a user's sheet that has the template's name", async () => {
    const wb = new FakeExcel();
    wb.seedSheet("申报表-2024").cells({ A1: { value: "我的数据" } });
    const r = await insertPlan(hostFor(wb), shenbao);
    expect(r.sheetName).toBe("申报表-2024 (2)");
    const user = sheetOf(wb, "申报表-2024");
    expect(Object.keys(user.cells)).toEqual(["A1"]);
    expect(user.cells.A1?.value).toBe("我的数据");
  });

  it.each(['=HYPERLINK("x")', "+cmd", "0012", "12%", "TRUE"])(
    "text %p is stored exactly as text",
    async (text) => {
      const wb = new FakeExcel();
      const plan: SheetPlan = {
        ...huizong,
        cells: [
          ...huizong.cells.filter((c) => c.address !== authorityCell),
          { address: authorityCell, value: text, style: "input" },
        ],
      };
      await insertPlan(hostFor(wb), plan);
      const typed = sheetOf(wb, plan.sheetName).cells[authorityCell];
      expect(typed?.formula).toBeUndefined();
      expect(typed?.value).toBe(text);
    }
  );

  it("formula-looking text in a plan cell is stored as text, never as a formula", async () => {
    const wb = new FakeExcel();
    const plan: SheetPlan = {
      ...huizong,
      cells: [
        ...huizong.cells.filter((c) => c.address !== authorityCell),
        { address: authorityCell, value: '=HYPERLINK("x")', style: "input" },
      ],
    };
    await insertPlan(hostFor(wb), plan);
    const typed = sheetOf(wb, plan.sheetName).cells[authorityCell];
    expect(typed?.formula).toBeUndefined();
    expect(typed?.value).toBe('=HYPERLINK("x")');
  });

  it("refuses up front on an Excel without ExcelApi 1.9, changing nothing", async () => {
    const wb = new FakeExcel({ requirementSets: { ExcelApi: "1.7" } });
    const before = JSON.stringify(wb.snapshot());
    await expect(insertPlan(hostFor(wb), shenbao)).rejects.toMatchObject({ code: "unsupported" });
    expect(JSON.stringify(wb.snapshot())).toBe(before);
    expect(serverFor(wb).requests).toHaveLength(0);
  });

  it("waits while the user is editing a cell (delayForCellEdit) instead of failing", async () => {
    const wb = new FakeExcel();
    const server = serverFor(wb);
    server.cellEditMode = true;
    await expect(insertPlan(hostFor(wb), huizong)).resolves.toMatchObject({
      sheetName: "推荐汇总表-2024",
    });
    expect(server.waitedForCellEdit).toBe(1);
  });

  it("a batch without delayForCellEdit fails in cell-edit mode, and the code is mapped", async () => {
    const wb = new FakeExcel();
    const server = serverFor(wb);
    server.cellEditMode = true;
    const client = clientLibrary();
    const session = client.session(server);
    const host: ExcelHost = {
      run: (batch) => client.Excel.run({ session } as Excel.RunOptions, batch),
      isSetSupported: () => true,
    };
    await expect(insertPlan(host, huizong)).rejects.toEqual(
      expect.objectContaining({
        code: "cellEditMode",
        officeCode: "InvalidOperationInCellEditMode",
      })
    );
  });

  it("maps a protected workbook to a clear error code", async () => {
    const host: ExcelHost = {
      run: () =>
        Promise.reject({ code: "AccessDenied", debugInfo: { errorLocation: "Worksheets.add" } }),
      isSetSupported: () => true,
    };
    const e = (await insertPlan(host, shenbao).catch((x: unknown) => x)) as WriterError;
    expect(e).toBeInstanceOf(WriterError);
    expect(e).toMatchObject({
      code: "protected",
      officeCode: "AccessDenied",
      location: "Worksheets.add",
    });
  });

  it.each<[string, string[], string]>([
    ["申报表-2024", [], "申报表-2024"],
    ["申报表-2024", ["申报表-2024"], "申报表-2024 (2)"],
    ["申报表-2024", ["申报表-2024", "申报表-2024 (2)"], "申报表-2024 (3)"],
    ["Sheet", ["SHEET"], "Sheet (2)"],
    ["一".repeat(31), ["一".repeat(31)], `${"一".repeat(27)} (2)`],
  ])("uniqueName(%p, %p) = %p", (base, taken, expected) => {
    expect(uniqueName(base, taken)).toBe(expected);
  });
});
