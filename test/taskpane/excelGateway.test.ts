/** The pane's Office.js gateway against the in-memory Excel: the same actions the ribbon runs. */
import { batchParams, evaluateShenbao, EXAMPLE_B } from "../../src/domain";
import { WriterError } from "../../src/excel/errors";
import { DEFAULT_PANE_SETTINGS } from "../../src/settings/settings";
import { excelGateway } from "../../src/taskpane/gateway/excelGateway";
import { FakeExcel } from "../officejs";
import { hostFor } from "../support/excel";
import { on } from "../support/actions";

describe("Office.js gateway", () => {
  it("fills example B, checks it, and selects a finding's cell in Excel", async () => {
    const wb = new FakeExcel();
    const g = excelGateway(hostFor(wb), "zh-CN");
    expect(g.unavailable).toEqual({});
    expect(await on(g).fillExample("B")).toEqual({
      kind: "example",
      key: "B",
      sheet: "申报表-2022",
      batchYear: 2022,
    });
    const out = await on(g).check();
    const expected = evaluateShenbao(EXAMPLE_B.values, { batch: batchParams(2022) });
    expect(out.records.map((r) => [r.ruleId, r.fieldId, r.year, r.severity])).toEqual(
      expected.map((f) => [f.ruleId, f.fieldId, f.year, f.severity])
    );
    expect(out.findingsSheet).toBe("审查结果");
    const target = out.records.find((r) => r.cell);
    await g.selectCell("申报表-2022", target?.cell ?? "A1");
    expect(wb.snapshot()).toMatchObject({
      activeSheet: "申报表-2022",
      selection: `'申报表-2022'!${target?.cell ?? ""}`,
    });
    expect(await on(g).clear()).toMatchObject({ sheet: "审查结果" });
  });

  it("selecting a cell on a sheet that is gone fails as every action does, with a mapped error", async () => {
    const g = excelGateway(hostFor(new FakeExcel()), "zh-CN");
    await expect(g.selectCell("审查结果", "A1")).rejects.toBeInstanceOf(WriterError);
  });

  it("inserts for the batch and authority set in the pane", async () => {
    const wb = new FakeExcel();
    const g = excelGateway(hostFor(wb), "zh-CN");
    const s = { ...DEFAULT_PANE_SETTINGS, batchYear: 2023, authority: "深圳市" };
    expect(await on(g).insertShenbao(s)).toEqual({
      kind: "inserted",
      sheets: [{ sheet: "申报表-2023" }],
    });
    expect(await on(g).insertHuizong(s)).toEqual({
      kind: "inserted",
      sheets: [{ sheet: "推荐汇总表-2023" }],
    });
    expect(wb.snapshot().sheets[2]?.cells.C3?.value).toBe("深圳市");
  });

  it("on an Excel without ExcelApi 1.9 every action is unavailable, with the reason", () => {
    const wb = new FakeExcel({ requirementSets: { ExcelApi: "1.8" } });
    const g = excelGateway(hostFor(wb), "zh-CN");
    expect(Object.keys(g.unavailable).sort()).toEqual(
      ["check", "clear", "exportWord", "fillExample", "insertHuizong", "insertShenbao"].sort()
    );
    expect(g.unavailable.check).toContain("ExcelApi 1.9");
  });
});
