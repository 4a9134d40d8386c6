/** The pieces under the pane: the in-memory gateway, the settings store, the list's exports. */
import {
  batchParams,
  buildShenbaoPlan,
  evaluateSheet,
  evaluateShenbao,
  EXAMPLE_B,
  readTemplateSheet,
  SHENBAO_EXAMPLES,
  withFormValues,
  type EvaluatedSheet,
} from "../../src/domain";
import type { Locale } from "../../src/i18n";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { buildFindingsPlan, recordsOf, type FindingRecord } from "../../src/findings";
import {
  DEFAULT_PANE_SETTINGS,
  evaluationSettings,
  normaliseSettings,
} from "../../src/settings/settings";
import { settingsStore, type DocumentSettings } from "../../src/settings/store";
import { findingsCsv, findingsTsv, groupFindings } from "../../src/taskpane/findings";
import { downloadWorksOn } from "../../src/taskpane/gateway/facts";
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
    const records = [
      rec({ message: '=HYPERLINK("x"),1' }),
      rec({ message: "+cmd", cell: "C5", actualText: "-3 亿元", methodText: "@x" }),
    ];
    const csv = findingsCsv(records, "zh-CN");
    expect(
      csv.startsWith(
        "\uFEFF序号,工作表,单元格,栏目,规则,年份/行,实际值,标准,级别,说明,计算方法\r\n"
      )
    ).toBe(true);
    expect(csv).toContain(`,"'=HYPERLINK(""x""),1",\r\n`);
    expect(csv).toContain(",'+cmd,'@x\r\n");
    expect(findingsTsv(records, "zh-CN").split("\n")[2]).toBe(
      "2\t申报表-2022\tC5\t集群名称\t集群名称格式\t\t'-3 亿元\t\t警告\t'+cmd\t'@x"
    );
  });

  /** Every example form checked, western C also with relaxed thresholds: every kind of words. */
  function reviews(): EvaluatedSheet[] {
    const western = evaluationSettings({
      ...DEFAULT_PANE_SETTINGS,
      westernMode: "thresholds",
      relaxedThresholds: { output_each_year_min_40: 30 },
    });
    return SHENBAO_EXAMPLES.flatMap((example) => {
      const plan = withFormValues(
        buildShenbaoPlan(batchParams(example.batchYear), PLAN_TEXT_ZH),
        example.values
      );
      const values = new Map(plan.cells.map((c) => [c.address, c.value ?? null]));
      const names = plan.names.map((n) => ({
        name: n.name,
        address: n.address.replace(/\$/gu, ""),
      }));
      const read = readTemplateSheet(plan.sheetName, names, (a) => values.get(a) ?? null);
      if (!read) throw new Error(`${plan.sheetName}: not read`);
      return [evaluateSheet(read), evaluateSheet(read, { settings: western })];
    });
  }

  /** The 「审查结果」 sheet's text by row from header down, a link shown as its address. */
  function sheetRows(records: readonly FindingRecord[], review: EvaluatedSheet, locale: Locale) {
    const plan = buildFindingsPlan({ sheets: [{ review, records }] }, locale);
    const byRow = new Map<number, Map<number, string>>();
    for (const c of plan.cells) {
      const m = /^([A-Z]+)(\d+)$/u.exec(c.address);
      const row = Number(m?.[2]);
      if (row < 3) continue;
      const col = (m?.[1] ?? "A").charCodeAt(0) - 64;
      const link = c.formula ? /,"([^"]*)"\)$/u.exec(c.formula)?.[1] : undefined;
      const text = c.value !== undefined ? String(c.value) : (link ?? "");
      byRow.set(row, (byRow.get(row) ?? new Map<number, string>()).set(col, text));
    }
    const width = plan.columnWidths.length;
    return [...byRow.keys()]
      .sort((a, b) => a - b)
      .map((row) => Array.from({ length: width }, (_, i) => byRow.get(row)?.get(i + 1) ?? ""));
  }

  /** RFC 4180 fields, for reading the CSV back. */
  function parseCsv(csv: string): string[][] {
    const out: string[][] = [];
    let row: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i];
      if (quoted && ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = !quoted;
      } else if (!quoted && ch === ",") {
        row.push(field);
        field = "";
      } else if (!quoted && ch === "\r" && csv[i + 1] === "\n") {
        out.push([...row, field]);
        row = [];
        field = "";
        i++;
      } else {
        field += ch;
      }
    }
    return out;
  }

  const asText = (v: string): string => (/^[=+\-@]/u.test(v) ? `'${v}` : v);

  it.each<Locale>(["zh-CN", "en-US"])(
    "%s: CSV and copied list carry the 「审查结果」 sheet's columns, headers and words",
    (locale) => {
      const used = { actual: 0, threshold: 0, method: 0 };
      for (const review of reviews()) {
        const records = recordsOf(review, locale);
        if (records.length === 0) continue;
        const expected = sheetRows(records, review, locale).map((r) => r.map(asText));
        const csv = findingsCsv(records, locale);
        expect(csv.startsWith("\uFEFF")).toBe(true);
        expect(parseCsv(csv.slice(1))).toEqual(expected);
        expect(
          findingsTsv(records, locale)
            .split("\n")
            .map((l) => l.split("\t"))
        ).toEqual(expected);
        used.actual += records.filter((r) => r.actualText).length;
        used.threshold += records.filter((r) => r.thresholdText).length;
        used.method += records.filter((r) => r.methodText).length;
      }
      // 实际值, 标准 and 计算方法 were really compared, not only empty cells.
      expect(used.actual).toBeGreaterThan(0);
      expect(used.threshold).toBeGreaterThan(0);
      expect(used.method).toBeGreaterThan(0);
    }
  );

  it("en-US rows: no doubled, leading or trailing spaces in any cell", () => {
    for (const review of reviews()) {
      const records = recordsOf(review, "en-US");
      const cells = [
        ...parseCsv(findingsCsv(records, "en-US").slice(1)),
        ...findingsTsv(records, "en-US")
          .split("\n")
          .map((l) => l.split("\t")),
      ].flat();
      expect(cells.filter((c) => /\s\s|^\s|\s$/u.test(c))).toEqual([]);
    }
    // A line break in a cell of the copied list becomes one space, with the spaces around it.
    const tsv = findingsTsv([rec({ message: "Too low. \n Check the value." })], "en-US");
    expect(tsv.split("\n")[1]?.split("\t")[9]).toBe("Too low. Check the value.");
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
