/**
 * Every action of the add-in, in the order a clerk would use them, through Microsoft's own Excel
 * client library (the excel-web file Excel on the web loads and the excel-win32 file Excel on
 * Windows loads) against the modelled host: each succeeds, leaves its effect in the workbook, and
 * keeps every request and every response under Excel on the web's 5 MB payload limit ("Excel on
 * the web has a payload size limit for requests and responses of 5MB", Resource limits and
 * performance optimization for Office Add-ins).
 *
 * Each step records its sync sequence ("r" read, "w" wrote, "c" Excel.run's closing release) and
 * its largest request and response; they are part of the asserted object, so a failure prints
 * them. The add-in's own 1 MB budget is the bench's to hold (bench/payload.bench.ts), not this
 * test's. The steps of one flavour share a workbook and run in order, each building on the last.
 */
import {
  batchParams,
  buildHuizongPlan,
  buildShenbaoPlan,
  EXAMPLE_B,
  findAuthority,
  type Authority,
} from "../../src/domain";
import { insertHuizong } from "../support/excel";
import { DEFAULT_PANE_SETTINGS } from "../../src/settings/settings";
import { insertPlan } from "../../src/excel/insertPlan";
import { checkInExcel, clearInExcel } from "../../src/excel/check";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { FINDINGS_NAME, MARK_FORMULA } from "../../src/findings";
import { excelGateway } from "../../src/taskpane/gateway/excelGateway";
import {
  FakeExcel,
  hostFor,
  PAYLOAD_LIMIT_BYTES,
  type ClientFlavour,
  type SheetSnapshot,
} from "../officejs";
import { countSyncs } from "../support/syncs";
import { on } from "../support/actions";

const shenbao = buildShenbaoPlan(batchParams(2024), PLAN_TEXT_ZH);
const huizong = buildHuizongPlan(
  batchParams(2024),
  PLAN_TEXT_ZH,
  findAuthority("贵州省") as Authority
);

/** What one action sent and received, as the host logged it. */
interface Measured {
  readonly flavour: ClientFlavour;
  readonly action: string;
  readonly sequence: string;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
}

describe.each<ClientFlavour>(["web", "win32"])("every action through the %s client", (flavour) => {
  const wb = new FakeExcel({ sheets: ["我的数据"] });
  wb.seedSheet("我的数据")
    .cells({ A1: { value: "自己的数据", fill: "#00FF00" }, B2: 5 })
    .conditionalFormat("B2", { formula: "=B2>3", fill: "#123456" });
  const host = hostFor(wb, flavour);

  /** Runs an action, asserts it stayed under the payload limit, and returns its result. */
  async function measured<T>(action: string, run: () => Promise<T>): Promise<T> {
    const { result, syncs } = await countSyncs(wb, run);
    const m: Measured = {
      flavour,
      action,
      sequence: syncs.sequence,
      maxRequestBytes: Math.max(...syncs.requests.map((r) => r.requestBytes)),
      maxResponseBytes: Math.max(...syncs.requests.map((r) => r.responseBytes)),
    };
    expect({
      ...m,
      errors: syncs.requests.flatMap((r) => (r.error ? [r.error] : [])),
      requestsUnder5MB: m.maxRequestBytes < PAYLOAD_LIMIT_BYTES,
      responsesUnder5MB: m.maxResponseBytes < PAYLOAD_LIMIT_BYTES,
    }).toEqual({ ...m, errors: [], requestsUnder5MB: true, responsesUnder5MB: true });
    return result;
  }

  const names = (): string[] => wb.snapshot().sheets.map((s) => s.name);
  const sheet = (name: string): SheetSnapshot => {
    const s = wb.snapshot().sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  const marks = (): number =>
    wb
      .snapshot()
      .sheets.flatMap((s) => s.conditionalFormats)
      .filter((c) => c.formula === `=${MARK_FORMULA}`).length;

  it("insert 申报表: a new sheet with the plan's names, active", async () => {
    const r = await measured("insert 申报表", () => insertPlan(host, shenbao));
    expect(r.sheetName).toBe("申报表-2024");
    expect(names()).toEqual(["我的数据", "申报表-2024"]);
    expect(sheet("申报表-2024").names.map((n) => n.name)).toEqual(shenbao.names.map((n) => n.name));
    expect(wb.snapshot().activeSheet).toBe("申报表-2024");
  });

  it("insert 汇总表 for 贵州省: a new sheet with its table", async () => {
    const r = await measured("insert 汇总表", () => insertPlan(host, huizong));
    expect(r.sheetName).toBe("推荐汇总表-2024");
    expect(names()).toEqual(["我的数据", "申报表-2024", "推荐汇总表-2024"]);
    expect(r.tableName).toBeDefined();
    expect(wb.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      [r.tableName, "推荐汇总表-2024"],
    ]);
    expect(Object.values(sheet("推荐汇总表-2024").cells).map((c) => c.value)).toContain("贵州省");
  });

  it("fill example B (as the pane does): a 申报表 of its batch with its values", async () => {
    const r = await measured("fill example", () =>
      on(excelGateway(host, "zh-CN")).fillExample("B")
    );
    expect(r).toEqual({ kind: "example", key: "B", sheet: "申报表-2022", batchYear: 2022 });
    const values = Object.values(sheet("申报表-2022").cells).map((c) => c.value);
    expect(values).toContain(EXAMPLE_B.values.name);
    expect(values).toContain(30000); // employees
  });

  it("汇总表 from the forms: a 推荐汇总表 of the filled form's batch lists it", async () => {
    const r = await measured("汇总表 from forms", () => insertHuizong(host, DEFAULT_PANE_SETTINGS));
    expect(r.sheets).toEqual([{ sheet: "推荐汇总表-2022", forms: 1 }]);
    expect(Object.values(sheet("推荐汇总表-2022").cells).map((c) => c.value)).toContain(
      EXAMPLE_B.values.name
    );
  });

  let firstFindings: SheetSnapshot | undefined;

  it("check: the 「审查结果」 sheet lists the findings; marks where no live highlight shows one", async () => {
    const r = await measured("check", () => checkInExcel(host, { locale: "zh-CN" }));
    expect(r.findingsSheet).toBe("审查结果");
    expect(r.report.sheets.map((x) => x.review.read.sheet)).toEqual([
      "申报表-2024",
      "推荐汇总表-2024",
      "申报表-2022",
      "推荐汇总表-2022",
    ]);
    expect(r.report.sheets.flatMap((s) => s.records).length).toBeGreaterThan(0);
    expect(r.marks).toBeGreaterThan(0);
    firstFindings = sheet("审查结果");
    expect(firstFindings.names.map((n) => n.name)).toEqual([FINDINGS_NAME]);
    expect(marks()).toBe(r.marks);
  });

  it("re-check: replaces its own output, one 「审查结果」 with the same content", async () => {
    const r = await measured("re-check", () => checkInExcel(host, { locale: "zh-CN" }));
    expect(r.findingsSheet).toBe("审查结果");
    expect(names().filter((n) => n.startsWith("审查结果"))).toEqual(["审查结果"]);
    expect(sheet("审查结果").cells).toEqual(firstFindings?.cells);
    expect(marks()).toBe(r.marks);
  });

  it("clear: the findings sheet and the marks are gone; the user's sheet is as it was", async () => {
    const r = await measured("clear", () => clearInExcel(host));
    expect(r.findingsSheet).toBe("审查结果");
    expect(names()).toEqual([
      "我的数据",
      "申报表-2024",
      "推荐汇总表-2024",
      "申报表-2022",
      "推荐汇总表-2022",
    ]);
    expect(marks()).toBe(0);
    const mine = sheet("我的数据");
    expect(mine.cells).toEqual({ A1: { value: "自己的数据", fill: "#00FF00" }, B2: { value: 5 } });
    expect(mine.conditionalFormats.map((c) => c.formula)).toEqual(["=B2>3"]);
  });
});
