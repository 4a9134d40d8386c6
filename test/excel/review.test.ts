/**
 * 检查 and 清除标记 against the in-memory Excel: the same findings as the evaluator, written where a
 * reviewer reads them, within the round-trip budget; clearing removes exactly the add-in's
 * additions, and check-then-clear returns the workbook to its prior state.
 */
import {
  batchParams,
  cellsIn,
  evaluateShenbao,
  EXAMPLE_A,
  EXAMPLE_B,
  EXAMPLE_D,
  EXAMPLE_E,
  HIGHLIGHT_COLORS,
  type ShenbaoExample,
} from "../../src/domain";
import type { ExcelHost } from "../../src/excel/host";

import { checkInExcel, clearInExcel } from "../../src/excel/check";

import { FINDINGS_NAME, MARK_FORMULA, NOTE_TAG } from "../../src/findings";
import { FakeExcel, type SheetSnapshot } from "../officejs";
import { countSyncs } from "../support/syncs";
import { addFilled, hostFor, shenbaoPlanFor } from "../support/excel";

/** A workbook with a user's own sheet, fill, conditional format and note, then the examples. */
async function workbook(...examples: ShenbaoExample[]): Promise<FakeExcel> {
  const wb = new FakeExcel({ sheets: ["我的工作表"] });
  wb.seedSheet("我的工作表")
    .cells({ A1: { value: "自己的数据", fill: "#00FF00" }, B2: 5 })
    .conditionalFormat("B2", { formula: "=B2>3", fill: "#123456" })
    .note("A1", "我自己的批注");
  for (const e of examples) await addFilled(wb, e);
  return wb;
}

const sheet = (wb: FakeExcel, name: string): SheetSnapshot => {
  const s = wb.snapshot().sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

describe("检查 in Excel", () => {
  it("finds exactly the evaluator's findings and lists each in 「审查结果」 with a link", async () => {
    const wb = await workbook(EXAMPLE_B);
    const result = await checkInExcel(hostFor(wb), { locale: "zh-CN" });
    const expected = evaluateShenbao(EXAMPLE_B.values, { batch: batchParams(2022) });
    const got = result.report.sheets[0]?.review.findings ?? [];
    expect(got.map((f) => [f.ruleId, f.fieldId, f.year, f.severity])).toEqual(
      expected.map((f) => [f.ruleId, f.fieldId, f.year, f.severity])
    );
    expect(got.length).toBeGreaterThan(0);
    expect(result.findingsSheet).toBe("审查结果");

    const out = sheet(wb, "审查结果");
    expect(out.names.map((n) => n.name)).toEqual([FINDINGS_NAME]);
    expect(out.cells.A3?.value).toBe("序号");
    got.forEach((f, i) => {
      const row = 4 + i;
      expect(out.cells[`B${row}`]?.value).toBe("申报表-2022");
      expect(out.cells[`C${row}`]?.formula).toBe(
        `=HYPERLINK("#'申报表-2022'!${f.cell}","${f.cell}")`
      );
      expect(out.cells[`I${row}`]?.value).toBe(
        { error: "错误", warning: "警告", info: "提示" }[f.severity]
      );
    });
    expect(out.cells[`A${4 + got.length}`]).toBeUndefined();
    expect(wb.snapshot().activeSheet).toBe("审查结果");
  });

  // Notes (ExcelApi 1.18) are not in the client library of @microsoft/office-js 1.1.110, which
  // stops at ExcelApi 1.15, so the host reports 1.15 and the check takes its no-notes path: the
  // 「审查结果」 sheet and the static marks carry the results.
  it("puts a static mark only where no live highlight shows a finding; no notes on ExcelApi 1.15", async () => {
    const wb = await workbook(EXAMPLE_D);
    const result = await checkInExcel(hostFor(wb), { locale: "zh-CN" });
    const marks = result.report.sheets[0]?.marks ?? [];
    expect(marks.length).toBeGreaterThan(0);
    const form = sheet(wb, "申报表-2022");
    expect(result.notesSupported).toBe(false);
    expect(form.notes.filter((n) => n.content.startsWith(NOTE_TAG))).toEqual([]);
    const staticMarks = form.conditionalFormats.filter((c) => c.formula === `=${MARK_FORMULA}`);
    const expectedStatic = marks.filter((m) => !m.live);
    // D's reported vs recomputed growth disagreement is a cross-field rule: no live highlight.
    expect(expectedStatic.length).toBeGreaterThan(0);
    expect(staticMarks.map((c) => c.ranges.join()).sort()).toEqual(
      expectedStatic.map((m) => m.cell).sort()
    );
    for (const c of staticMarks)
      expect([HIGHLIGHT_COLORS.error.fill, HIGHLIGHT_COLORS.warning.fill]).toContain(c.fill);
  });

  it("reads the sheet list, the names, then the templates' areas (3 round trips), and writes once", async () => {
    const wb = await workbook(EXAMPLE_B, EXAMPLE_E);
    const check = await countSyncs(wb, () => checkInExcel(hostFor(wb), { locale: "zh-CN" }));
    expect(check.syncs.sequence).toBe("rrrwc");
    const clear = await countSyncs(wb, () => clearInExcel(hostFor(wb)));
    expect(clear.syncs.sequence).toBe("rrrwc");
  });

  it("check then clear returns the workbook to its prior state; the user's own things survive", async () => {
    const wb = await workbook(EXAMPLE_B, EXAMPLE_D);
    const before = wb.snapshot();
    await checkInExcel(hostFor(wb), { locale: "zh-CN" });
    expect(wb.snapshot().sheets.length).toBe(before.sheets.length + 1);
    const cleared = await clearInExcel(hostFor(wb));
    expect(cleared.findingsSheet).toBe("审查结果");
    expect(cleared.marks).toBeGreaterThan(0);
    const after = wb.snapshot();
    // The active sheet is where the reviewer left it; everything else is as before.
    expect({ ...after, activeSheet: undefined }).toEqual({ ...before, activeSheet: undefined });
    const mine = sheet(wb, "我的工作表");
    expect(mine.cells.A1?.fill?.toUpperCase()).toBe("#00FF00");
    expect(mine.conditionalFormats.map((c) => c.formula)).toEqual(["=B2>3"]);
    expect(mine.notes.map((n) => n.content)).toEqual(["我自己的批注"]);
  });

  it("re-running replaces its own output only", async () => {
    const wb = await workbook(EXAMPLE_B);
    await checkInExcel(hostFor(wb), { locale: "zh-CN" });
    const once = wb.snapshot();
    await checkInExcel(hostFor(wb), { locale: "zh-CN" });
    expect(wb.snapshot().sheets.map((s) => s.name)).toEqual(once.sheets.map((s) => s.name));
    expect(sheet(wb, "申报表-2022")).toEqual(once.sheets.find((s) => s.name === "申报表-2022"));
    expect(sheet(wb, "审查结果").cells).toEqual(
      once.sheets.find((s) => s.name === "审查结果")?.cells
    );
  });

  it("a user's own 「审查结果」 sheet is neither reused nor deleted", async () => {
    const wb = await workbook(EXAMPLE_A);
    wb.seedSheet("审查结果").cells({ A1: "我的审查记录" });
    const result = await checkInExcel(hostFor(wb), { locale: "zh-CN" });
    expect(result.findingsSheet).toBe("审查结果 (2)");
    await clearInExcel(hostFor(wb));
    expect(sheet(wb, "审查结果").cells.A1?.value).toBe("我的审查记录");
    expect(wb.snapshot().sheets.some((s) => s.name === "审查结果 (2)")).toBe(false);
  });

  it("without the notes API (ExcelApi 1.17) the sheet alone carries the results", async () => {
    const wb = await workbook(EXAMPLE_B);
    const old = new FakeExcel({ requirementSets: { ExcelApi: "1.17" }, sheets: ["x"] });
    const host: ExcelHost = {
      ...hostFor(wb),
      isSetSupported: (n, v) => old.requirements.isSetSupported(n, v),
    };
    const result = await checkInExcel(host, { locale: "zh-CN" });
    expect(result.notesSupported).toBe(false);
    expect(result.notes).toBe(0);
    expect(sheet(wb, "申报表-2022").notes).toEqual([]);
    expect(sheet(wb, "审查结果").cells.A4?.value).toBe(1);
  });

  it("a workbook without templates is left untouched", async () => {
    const wb = new FakeExcel({ sheets: ["Sheet1"] });
    const before = wb.snapshot();
    const result = await checkInExcel(hostFor(wb), { locale: "zh-CN" });
    expect(result.findingsSheet).toBeUndefined();
    expect(wb.snapshot()).toEqual(before);
  });

  it("a changed value changes the findings on the next check", async () => {
    const wb = await workbook(EXAMPLE_A);
    const clean = await checkInExcel(hostFor(wb), { locale: "zh-CN" });
    expect(clean.report.sheets[0]?.records.filter((r) => r.severity === "error")).toEqual([]);
    const plan = shenbaoPlanFor(2022);
    const output = plan.names.find((n) => n.name === "SB_output_total")?.address ?? "";
    const first = cellsIn(output.replace(/\$/gu, ""))[0]?.address as string;
    wb.seedSheet("申报表-2022").cells({ [first]: 39 });
    const dirty = await checkInExcel(hostFor(wb), { locale: "zh-CN" });
    expect(
      dirty.report.sheets[0]?.records.some(
        (r) => r.ruleId === "output_each_year_min_40" && r.cell === first
      )
    ).toBe(true);
  });
});
