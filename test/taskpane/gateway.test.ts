/** The pieces under the pane: the in-memory gateway, the settings store, the list's exports. */
import { batchParams, evaluateShenbao, EXAMPLE_B } from "../../src/domain";
import type { FindingRecord } from "../../src/findings";
import { DEFAULT_PANE_SETTINGS, normaliseSettings } from "../../src/settings/settings";
import { settingsStore, type DocumentSettings } from "../../src/settings/store";
import { findingsCsv, findingsTsv, groupFindings } from "../../src/taskpane/findings";
import { downloadWorksOn } from "../../src/taskpane/gateway/excelGateway";
import type { OfficePlatform } from "../../src/taskpane/gateway/gateway";
import { memoryGateway } from "../../src/taskpane/gateway/memoryGateway";
import { on } from "../support/actions";

describe("in-memory gateway (outside Office)", () => {
  it("example B, checked, gives exactly the evaluator's findings, located on cells", async () => {
    const g = memoryGateway("zh-CN");
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
    expect(out.records.every((r) => /^[A-Z]+\d+$/u.test(r.cell ?? ""))).toBe(true);
    expect(g.workbook().sheets.map((s) => s.name)).toEqual(["Sheet1", "申报表-2022", "审查结果"]);
    await g.selectCell("申报表-2022", "C35");
    expect(g.workbook().selection).toBe("申报表-2022!C35");
    expect(await on(g).clear()).toEqual({ kind: "cleared", marks: 0, notes: 0, sheet: "审查结果" });
    expect(g.workbook().sheets.map((s) => s.name)).toEqual(["Sheet1", "申报表-2022"]);
  });

  it("插入汇总表 builds it from started forms only, and tells subscribers", async () => {
    const g = memoryGateway("zh-CN");
    let changes = 0;
    const stop = g.subscribe(() => changes++);
    await on(g).insertShenbao(DEFAULT_PANE_SETTINGS);
    await on(g).fillExample("A");
    const r = await on(g).insertHuizong(DEFAULT_PANE_SETTINGS);
    stop();
    expect(r).toEqual({ kind: "inserted", sheets: [{ sheet: "推荐汇总表-2022", forms: 1 }] });
    expect(changes).toBe(3);
    const snapshot = g.workbook();
    expect(g.workbook()).toBe(snapshot);
  });

  it("插入汇总表 without filled forms inserts an empty one for the batch and authority", async () => {
    const g = memoryGateway("zh-CN");
    const r = await on(g).insertHuizong({ ...DEFAULT_PANE_SETTINGS, batchYear: 2023 });
    expect(r).toEqual({ kind: "inserted", sheets: [{ sheet: "推荐汇总表-2023" }] });
  });
});

describe("whether a file download can work", () => {
  it.each<[OfficePlatform | undefined, boolean]>([
    ["PC", true],
    ["OfficeOnline", true],
    // Apple's WKWebView drops an <a download> click without a word.
    ["Mac", false],
    ["iOS", false],
    // No evidence either way: the findings sheet works everywhere, a dead button does not.
    ["Universal", false],
    ["Android", false],
    [undefined, false],
  ])("inside Office on %p: %p", (platform, works) => {
    expect(downloadWorksOn(platform)).toBe(works);
  });

  it("a plain browser (the in-memory gateway) can", () => {
    expect(memoryGateway("zh-CN").canDownload).toBe(true);
  });
});

describe("settings store", () => {
  const doc = (initial: Record<string, unknown> = {}, fail = false) => {
    const data = { ...initial };
    const d: DocumentSettings & { data: Record<string, unknown> } = {
      data,
      get: (k) => data[k],
      set: (k, v) => (data[k] = v),
      saveAsync: (cb) =>
        cb?.(
          fail ? { status: "failed", error: { message: "read-only" } } : { status: "succeeded" }
        ),
    };
    return d;
  };
  const storage = (): Storage => {
    const m = new Map<string, string>();
    return {
      getItem: (k) => m.get(k) ?? null,
      setItem: (k, v) => void m.set(k, v),
      removeItem: (k) => void m.delete(k),
      clear: () => m.clear(),
      key: () => null,
      get length() {
        return m.size;
      },
    };
  };

  it("the workbook's settings win over the user's default; saving writes both", async () => {
    const local = storage();
    local.setItem("jiqun.settings", JSON.stringify({ batchYear: 2023 }));
    const d = doc({ "jiqun.settings": { batchYear: 2024, authority: "贵州省" } });
    const store = settingsStore(d, local);
    expect(store.load()).toMatchObject({ batchYear: 2024, authority: "贵州省" });
    expect(settingsStore(undefined, local).load().batchYear).toBe(2023);
    await store.save({ ...DEFAULT_PANE_SETTINGS, batchYear: 2022 });
    expect(d.data["jiqun.settings"]).toMatchObject({ batchYear: 2022 });
    expect(JSON.parse(local.getItem("jiqun.settings") ?? "{}")).toMatchObject({ batchYear: 2022 });
  });

  it("a failed document save is reported; broken stored values fall back field by field", async () => {
    await expect(
      settingsStore(doc({}, true), storage()).save(DEFAULT_PANE_SETTINGS)
    ).rejects.toThrow("read-only");
    expect(
      normaliseSettings({
        batchYear: 1999,
        authority: "火星",
        westernMode: "x",
        relaxedThresholds: { a: "1", b: 2 },
      })
    ).toEqual({ ...DEFAULT_PANE_SETTINGS, relaxedThresholds: { b: 2 } });
  });
});

describe("findings exports", () => {
  const rec = (over: Partial<FindingRecord>): FindingRecord => ({
    sheet: "申报表-2022",
    ruleId: "name_pattern",
    fieldId: "name",
    severity: "warning",
    fieldLabel: "集群名称",
    ruleName: "集群名称格式",
    message: "消息",
    ...over,
  });

  it("formula-looking text is written as text; CSV quotes and carries a BOM", () => {
    const records = [rec({ message: '=HYPERLINK("x"),1' }), rec({ message: "+cmd", cell: "C5" })];
    const csv = findingsCsv(records, "zh-CN");
    expect(csv.startsWith("\uFEFF级别,工作表,单元格,栏目,规则,说明\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x""),1"`);
    expect(csv).toContain(",'+cmd\r\n");
    expect(findingsTsv(records, "zh-CN").split("\n")[2]).toBe(
      "警告\t申报表-2022\tC5\t集群名称\t集群名称格式\t'+cmd"
    );
  });

  it("groups by sheet and section in the order found", () => {
    const groups = groupFindings(
      [
        rec({ fieldId: "name" }),
        rec({ fieldId: "output_total" }),
        rec({ fieldId: "hz_intro", sheet: "汇总" }),
      ],
      "zh-CN"
    );
    expect(groups.map((g) => `${g.sheet}/${g.title}`)).toEqual([
      "申报表-2022/一、基本情况",
      "申报表-2022/二、主导产业情况",
      "汇总/推荐汇总表",
    ]);
  });
});
