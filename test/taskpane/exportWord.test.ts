/**
 * 导出 Word through the pane's Office.js gateway: the workbook read with Microsoft's client library,
 * the Word file made by the export chunk, on a host new enough for the read (ExcelApi 1.13).
 */
import { excelGateway } from "../../src/taskpane/gateway/excelGateway";
import { memoryGateway } from "../../src/taskpane/gateway/memoryGateway";
import { docxParts, documentText, firstOutOfOrder } from "../export/docxText";
import { FakeExcel } from "../officejs";
import { hostFor } from "../support/excel";
import { on } from "../support/actions";

describe("导出 Word in Excel", () => {
  it("exports the filled 申报表 as a Word document that reads as the form", async () => {
    const wb = new FakeExcel();
    const g = excelGateway(hostFor(wb), "zh-CN", "PC");
    await on(g).fillExample("A");
    const r = await g.exportWord();
    expect(r.sheets).toEqual(["申报表-2022"]);
    expect(r.document?.type).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    const bytes = new Uint8Array(await (r.document as Blob).arrayBuffer());
    const text = documentText((await docxParts(bytes)).document);
    expect(
      firstOutOfOrder(text, [
        "附件2",
        "中小企业特色产业集群申报表",
        "浙江省甲县智能泵阀产业集群",
        "一、基本情况",
        "☑第二产业",
        "九、真实性声明及推荐意见",
      ])
    ).toBeUndefined();
    // The export only reads: the workbook is as it was.
    expect(wb.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1", "申报表-2022"]);
  });

  it("has nothing to export in a workbook without our forms", async () => {
    const g = excelGateway(hostFor(new FakeExcel()), "zh-CN", "PC");
    expect(await g.exportWord()).toEqual({ sheets: [] });
  });

  it("is unavailable, with the reason, where Excel lacks ExcelApi 1.13", () => {
    const wb = new FakeExcel({ requirementSets: { ExcelApi: "1.12" } });
    const g = excelGateway(hostFor(wb), "zh-CN");
    expect(Object.keys(g.unavailable)).toEqual(["exportWord"]);
    expect(g.unavailable.exportWord).toContain("ExcelApi 1.13");
  });

  it("is unavailable outside Excel, where no print layout exists", () => {
    expect(memoryGateway("zh-CN").unavailable.exportWord).toBeTruthy();
  });
});
