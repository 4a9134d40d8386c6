/**
 * @jest-environment jsdom
 *
 * The task pane against a recording fake gateway, queried by role and accessible name as a user
 * (or a screen reader) finds things; no snapshots.
 */
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  batchParams,
  buildShenbaoPlan,
  EXAMPLE_B,
  readTemplateSheet,
  evaluateSheet,
  rulesForBatch,
  withFormValues,
} from "../../src/domain";
import { WriterError } from "../../src/excel/errors";
import { t, type Locale } from "../../src/i18n";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { recordsOf, type FindingRecord } from "../../src/findings";
import { DEFAULT_PANE_SETTINGS, type PaneSettings } from "../../src/settings/settings";
import type { SettingsStore } from "../../src/settings/store";
import { App } from "../../src/taskpane/App";
import type { ActionInput, ActionName, CheckOutcome, Outcome } from "../../src/application";
import type { Gateway } from "../../src/taskpane/gateway/gateway";

beforeAll(() => {
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

/** Example B's findings as the real domain code produces them. */
function recordsOfB(): FindingRecord[] {
  const plan = withFormValues(buildShenbaoPlan(batchParams(2022), PLAN_TEXT_ZH), EXAMPLE_B.values);
  const values = new Map(plan.cells.map((c) => [c.address, c.value ?? null]));
  const names = plan.names.map((n) => ({ name: n.name, address: n.address.replace(/\$/gu, "") }));
  const read = readTemplateSheet("申报表-2022", names, (a) => values.get(a) ?? null);
  if (!read) throw new Error("not read");
  return recordsOf(evaluateSheet(read), "zh-CN");
}

interface Calls {
  check: PaneSettings[];
  select: string[];
  exportWord: number;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const EMPTY_CHECK: CheckOutcome = {
  kind: "checked",
  sheets: [],
  problems: [],
  records: [],
  notesSupported: true,
  userNotesKept: [],
};

type FakeActions = Partial<Record<ActionName, (input: ActionInput) => Promise<Outcome>>>;

/** A gateway whose actions answer with canned outcomes; `actions` replaces some of them. */
function fakeGateway(over: Partial<Gateway> & { readonly actions?: FakeActions } = {}): {
  gateway: Gateway;
  calls: Calls;
} {
  const calls: Calls = { check: [], select: [], exportWord: 0 };
  const outcome: CheckOutcome = {
    kind: "checked",
    sheets: [{ sheet: "申报表-2022", form: "shenbao" }],
    problems: [],
    records: recordsOfB(),
    findingsSheet: "审查结果",
    notesSupported: true,
    userNotesKept: [],
  };
  const canned: Record<ActionName, (input: ActionInput) => Promise<Outcome>> = {
    insertShenbao: async () => ({ kind: "inserted", sheets: [{ sheet: "申报表-2025" }] }),
    insertHuizong: async () => ({ kind: "inserted", sheets: [{ sheet: "推荐汇总表-2025" }] }),
    fillExample: async () => ({ kind: "example", key: "B", sheet: "申报表-2022", batchYear: 2022 }),
    check: async (input) => {
      calls.check.push(input.settings);
      return outcome;
    },
    clear: async () => ({ kind: "cleared", marks: 1, notes: 2, sheet: "审查结果" }),
  };
  const { actions, ...rest } = over;
  const gateway: Gateway = {
    inOffice: true,
    unavailable: {},
    canDownload: true,
    run: (action, input) => (actions?.[action] ?? canned[action])(input),
    exportWord: async () => {
      calls.exportWord += 1;
      return { sheets: ["申报表-2022"], document: new Blob(["docx"], { type: DOCX }) };
    },
    selectCell: async (sheet, cell) => {
      calls.select.push(`${sheet}!${cell}`);
    },
    ...rest,
  };
  return { gateway, calls };
}

function memoryStore(
  initial: Partial<PaneSettings> = {}
): SettingsStore & { saved: PaneSettings[] } {
  const saved: PaneSettings[] = [];
  return {
    saved,
    load: () => ({ ...DEFAULT_PANE_SETTINGS, ...initial }),
    save: async (s) => {
      saved.push(s);
    },
  };
}

/** The 审查结果 section of the pane (the guide and the criteria have lists of their own). */
const findingsRegion = (): HTMLElement =>
  screen.getByRole("region", { name: t("zh-CN", "pane.findings.title") });

function renderPane(gateway: Gateway, locale: Locale = "zh-CN", store = memoryStore()) {
  render(<App gateway={gateway} store={store} locale={locale} />);
  return { user: userEvent.setup(), store };
}

const zh = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]): string =>
  t("zh-CN", key, params);

describe("task pane", () => {
  it("renders in Chinese with every action as a named button", async () => {
    renderPane(fakeGateway().gateway);
    expect(screen.getByRole("heading", { level: 1, name: "集群申报助手" })).toBeTruthy();
    // 填入示例数据 comes with the later panels.
    await screen.findByRole("button", { name: zh("pane.action.fillExample") });
    for (const a of [
      "insertShenbao",
      "insertHuizong",
      "fillExample",
      "check",
      "clear",
      "exportWord",
    ] as const)
      expect(screen.getByRole("button", { name: zh(`pane.action.${a}`) })).toBeTruthy();
    expect(screen.getByText(zh("pane.findings.notYet"))).toBeTruthy();
  });

  it("switches to English when Office's display language is not Chinese", () => {
    renderPane(fakeGateway().gateway, "en-US");
    expect(
      screen.getByRole("heading", { level: 1, name: "Cluster Declaration Assistant" })
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Check" })).toBeTruthy();
  });

  it("检查 lists B's findings grouped by section, with counts, and a click selects the cell", async () => {
    const { gateway, calls } = fakeGateway();
    const { user } = renderPane(gateway);
    await user.click(screen.getByRole("button", { name: zh("pane.action.check") }));
    const records = recordsOfB();
    const errors = records.filter((r) => r.severity === "error").length;
    expect(
      await screen.findByRole("button", {
        name: zh("pane.findings.all", { count: records.length }),
        pressed: true,
      })
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: `错误 ${errors}`, pressed: false })).toBeTruthy();
    // A short list opens every group: all findings in form order.
    const items = within(findingsRegion()).getAllByRole("listitem");
    expect(items).toHaveLength(records.length);
    records.forEach((r, i) => expect(items[i]?.textContent).toContain(r.message));
    // Each group is a collapsible header with its counts.
    expect(
      screen.getByRole("button", {
        name: /^申报表-2022 · 二、主导产业情况（错误 \d+，警告 \d+，提示 \d+）$/u,
      })
    ).toBeTruthy();
    // A result, even one with errors, is a status; alerts are for failures of the action.
    expect(
      screen
        .getAllByRole("status")
        .map((e) => e.textContent)
        .join()
    ).toContain("检查完成");
    expect(screen.queryByRole("alert")).toBeNull();
    // The finding's button is named by what it shows: the sentence and its details line.
    const first = within(findingsRegion()).getAllByRole("listitem")[0]?.querySelector("button");
    expect(first?.textContent).toContain(records[0]?.ruleName ?? "?");

    const target = records.find((r) => r.ruleId === "lead_industry_share_gt_70");
    if (!target?.cell) throw new Error("B has a 主导占比 finding");
    await user.click(
      screen.getByRole("button", { name: new RegExp(`申报表-2022!${target.cell} ·`, "u") })
    );
    expect(calls.select).toEqual([`申报表-2022!${target.cell}`]);
    expect(calls.check[0]?.batchYear).toBe(DEFAULT_PANE_SETTINGS.batchYear);
  });

  it("the severity filter shows only that severity", async () => {
    const { user } = renderPane(fakeGateway().gateway);
    await user.click(screen.getByRole("button", { name: zh("pane.action.check") }));
    const all = recordsOfB();
    const errors = all.filter((r) => r.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThan(all.length);
    await user.click(await screen.findByRole("button", { name: `错误 ${errors.length}` }));
    const items = within(findingsRegion()).getAllByRole("listitem");
    expect(items).toHaveLength(errors.length);
    for (const item of items) expect(within(item).getByText("错误")).toBeTruthy();
  });

  it("copies the list as tab-separated text", async () => {
    const { user } = renderPane(fakeGateway().gateway);
    const writeText = jest.fn(async (_: string) => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(screen.getByRole("button", { name: zh("pane.action.check") }));
    await user.click(await screen.findByRole("button", { name: zh("pane.findings.copy") }));
    const text = writeText.mock.calls[0]?.[0] ?? "";
    expect(text.split("\n")[0]).toBe(
      "序号\t工作表\t单元格\t栏目\t规则\t年份/行\t实际值\t标准\t级别\t说明\t计算方法"
    );
    const records = recordsOfB();
    expect(text.split("\n")).toHaveLength(records.length + 1);
    // The first finding's row, in the sheet's columns.
    const [first] = records;
    expect(text.split("\n")[1]?.split("\t")).toEqual([
      "1",
      "申报表-2022",
      first?.cell ?? "",
      first?.fieldLabel,
      first?.ruleName,
      String(first?.year ?? first?.placeText ?? ""),
      first?.actualText ?? "",
      first?.thresholdText ?? "",
      zh(`severity.${first?.severity ?? "info"}`),
      first?.message,
      first?.methodText ?? "",
    ]);
    expect(
      screen.getByText(zh("pane.findings.copied", { count: recordsOfB().length }))
    ).toBeTruthy();
  });

  describe("export where a download cannot work (Office on Mac and iPad)", () => {
    it("导出 Word says so and offers printing, without reading the workbook", async () => {
      const { gateway, calls } = fakeGateway({ canDownload: false });
      const { user } = renderPane(gateway);
      await user.click(screen.getByRole("button", { name: zh("pane.action.exportWord") }));
      expect(await screen.findByText(zh("pane.result.exportWordNoDownload"))).toBeTruthy();
      expect(calls.exportWord).toBe(0);
    });

    it("offers the findings sheet instead, says why, and opens it at A1", async () => {
      const { gateway, calls } = fakeGateway({ canDownload: false });
      const { user } = renderPane(gateway);
      await user.click(screen.getByRole("button", { name: zh("pane.action.check") }));
      const hint = zh("pane.findings.inSheet", {
        sheet: "审查结果",
        copy: zh("pane.findings.copy"),
      });
      const open = await screen.findByRole("button", {
        name: zh("pane.findings.openSheet"),
        description: hint,
      });
      expect(screen.getByText(hint)).toBeTruthy();
      expect(screen.queryByRole("button", { name: zh("pane.findings.export") })).toBeNull();
      await user.click(open);
      expect(calls.select).toEqual(["审查结果!A1"]);
      expect(
        await screen.findByText(zh("pane.findings.opened", { sheet: "审查结果" }))
      ).toBeTruthy();
    });

    it("a clipboard failure points to the sheet, not to an export that is not there", async () => {
      const { user } = renderPane(fakeGateway({ canDownload: false }).gateway);
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new Error("denied")) },
        configurable: true,
      });
      await user.click(screen.getByRole("button", { name: zh("pane.action.check") }));
      await user.click(await screen.findByRole("button", { name: zh("pane.findings.copy") }));
      expect(
        await screen.findByText(zh("pane.findings.copyFailedSheet", { sheet: "审查结果" }))
      ).toBeTruthy();
    });

    it("with nothing checked the list says what to do, and offers no sheet that is not there", async () => {
      const { gateway, calls } = fakeGateway({
        canDownload: false,
        actions: { check: async () => EMPTY_CHECK },
      });
      const { user } = renderPane(gateway);
      await user.click(screen.getByRole("button", { name: zh("pane.action.check") }));
      expect(await screen.findByText(zh("pane.findings.nothingChecked"))).toBeTruthy();
      // No counts beside the warning that reads like "no problems".
      expect(
        screen.queryByRole("button", { name: zh("pane.findings.all", { count: 0 }) })
      ).toBeNull();
      expect(screen.queryByRole("button", { name: zh("pane.findings.openSheet") })).toBeNull();
      expect(calls.select).toEqual([]);
    });
  });

  describe("export where a download works", () => {
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    afterEach(() => {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
      jest.restoreAllMocks();
    });

    /** A saved file's text, byte-order mark kept (jsdom's Blob has no text()). */
    function blobText(blob: Blob | undefined): Promise<string> {
      return new Promise((resolve, reject) => {
        if (!blob) return reject(new Error("nothing saved"));
        const reader = new FileReader();
        reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer).toString("utf8"));
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(blob);
      });
    }

    /** jsdom has neither object URLs nor downloads: record what the pane hands over instead. */
    function recordDownloads(): { blobs: Blob[]; downloads: string[] } {
      const blobs: Blob[] = [];
      const downloads: string[] = [];
      URL.createObjectURL = (b: Blob | MediaSource): string => {
        if (b instanceof Blob) blobs.push(b);
        return "blob:file";
      };
      URL.revokeObjectURL = (): void => undefined;
      jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
        this: HTMLAnchorElement
      ) {
        downloads.push(this.download);
      });
      return { blobs, downloads };
    }

    it("导出 Word saves the document under the sheet's name and says where", async () => {
      const { blobs, downloads } = recordDownloads();
      const { gateway, calls } = fakeGateway();
      const { user } = renderPane(gateway);
      await user.click(screen.getByRole("button", { name: zh("pane.action.exportWord") }));
      const name = zh("pane.exportWord.fileName", { sheet: "申报表-2022" });
      expect(
        await screen.findByText(zh("pane.result.exportWord", { count: 1, name }))
      ).toBeTruthy();
      expect(downloads).toEqual(["申报表-2022.docx"]);
      expect(blobs.map((b) => b.type)).toEqual([DOCX]);
      expect(calls.exportWord).toBe(1);
    });

    it("导出 Word with several forms names the file for all of them", async () => {
      const { downloads } = recordDownloads();
      const { gateway } = fakeGateway({
        exportWord: async () => ({
          sheets: ["申报表-2022", "申报表-2022 (2)", "推荐汇总表-2022"],
          document: new Blob(["docx"], { type: DOCX }),
        }),
      });
      const { user } = renderPane(gateway);
      await user.click(screen.getByRole("button", { name: zh("pane.action.exportWord") }));
      const name = zh("pane.exportWord.fileNameMany");
      expect(
        await screen.findByText(zh("pane.result.exportWord", { count: 3, name }))
      ).toBeTruthy();
      expect(downloads).toEqual([name]);
    });

    it("导出 Word without a form says what to do and saves nothing", async () => {
      const { downloads } = recordDownloads();
      const { user } = renderPane(
        fakeGateway({ exportWord: async () => ({ sheets: [] }) }).gateway
      );
      await user.click(screen.getByRole("button", { name: zh("pane.action.exportWord") }));
      expect(await screen.findByText(zh("pane.result.exportWordNothing"))).toBeTruthy();
      expect(downloads).toEqual([]);
    });

    it("导出 CSV saves the list under its file name and says so", async () => {
      const blobs: Blob[] = [];
      // jsdom has neither object URLs nor downloads: record what the pane hands over instead.
      URL.createObjectURL = (b: Blob | MediaSource): string => {
        if (b instanceof Blob) blobs.push(b);
        return "blob:findings";
      };
      URL.revokeObjectURL = (): void => undefined;
      const downloads: string[] = [];
      jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
        this: HTMLAnchorElement
      ) {
        downloads.push(`${this.download} ${this.href}`);
      });
      const { gateway, calls } = fakeGateway();
      const { user } = renderPane(gateway);
      await user.click(screen.getByRole("button", { name: zh("pane.action.check") }));
      await user.click(await screen.findByRole("button", { name: zh("pane.findings.export") }));
      expect(downloads).toEqual(["审查结果.csv blob:findings"]);
      expect(blobs.map((b) => b.type)).toEqual(["text/csv;charset=utf-8"]);
      const csv = await blobText(blobs[0]);
      expect(csv.split("\r\n")[0]).toBe(
        "\uFEFF序号,工作表,单元格,栏目,规则,年份/行,实际值,标准,级别,说明,计算方法"
      );
      const count = recordsOfB().length;
      expect(csv.split("\r\n")).toHaveLength(count + 2); // header, rows, the final line break
      const saved = zh("pane.findings.exported", { count, name: "审查结果.csv" });
      expect(
        screen
          .getAllByRole("status")
          .map((e) => e.textContent)
          .includes(saved)
      ).toBe(true);
      expect(screen.queryByRole("button", { name: zh("pane.findings.openSheet") })).toBeNull();
      expect(calls.select).toEqual([]);
    });
  });

  it("shows progress while an action runs and keeps the other actions disabled", async () => {
    let finish: (o: CheckOutcome) => void = () => undefined;
    const { gateway } = fakeGateway({
      actions: { check: () => new Promise<Outcome>((resolve) => (finish = resolve)) },
    });
    const { user } = renderPane(gateway);
    await user.click(screen.getByRole("button", { name: zh("pane.action.check") }));
    expect(screen.getByText(zh("pane.running", { action: zh("pane.action.check") }))).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: zh("pane.action.clear") }) as HTMLButtonElement).disabled
    ).toBe(true);
    await act(async () => finish(EMPTY_CHECK));
    expect(await screen.findByText(zh("review.nothing"))).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: zh("pane.action.clear") }) as HTMLButtonElement).disabled
    ).toBe(false);
  });

  it("a failure shows a short Chinese message with the Office details behind a disclosure", async () => {
    const { gateway } = fakeGateway({
      actions: {
        insertShenbao: () =>
          Promise.reject(new WriterError("protected", "AccessDenied", "Worksheet.add")),
      },
    });
    const { user } = renderPane(gateway);
    await user.click(screen.getByRole("button", { name: zh("pane.action.insertShenbao") }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(zh("writer.protected"));
    expect(alert.textContent).not.toContain("AccessDenied");
    const details = within(alert).getByRole("button", { name: zh("pane.error.details") });
    expect(details.getAttribute("aria-expanded")).toBe("false");
    await user.click(details);
    expect(alert.textContent).toContain("错误代码：AccessDenied");
    expect(alert.textContent).toContain("位置：Worksheet.add");
  });

  it("actions a host cannot run are disabled with the reason", () => {
    const reason = zh("host.missingRequirement", { feature: "ExcelApi 1.9" });
    renderPane(fakeGateway({ unavailable: { check: reason, insertShenbao: reason } }).gateway);
    const check = screen.getByRole("button", {
      name: zh("pane.action.check"),
    }) as HTMLButtonElement;
    expect(check.disabled).toBe(true);
    expect(check.title).toBe(reason);
    expect(
      (screen.getByRole("button", { name: zh("pane.action.clear") }) as HTMLButtonElement).disabled
    ).toBe(false);
    expect(screen.getByText(reason)).toBeTruthy();
  });

  it("settings: batch and authority are saved, the region is shown, relaxed thresholds validate", async () => {
    const { user, store } = renderPane(fakeGateway().gateway);
    await user.click(screen.getByRole("button", { name: zh("pane.settings.edit") }));
    await user.selectOptions(
      screen.getByRole("combobox", { name: zh("pane.settings.batch") }),
      "2023"
    );
    expect(store.saved.at(-1)?.batchYear).toBe(2023);
    // Each save says so, where the clerk is looking.
    expect(await screen.findByText(zh("pane.settings.saved"))).toBeTruthy();
    await user.selectOptions(
      screen.getByRole("combobox", { name: zh("pane.settings.authority") }),
      "甘肃省"
    );
    expect(store.saved.at(-1)?.authority).toBe("甘肃省");
    expect(screen.getByText("所属地区：西部")).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: zh("pane.settings.western.thresholds") }));
    expect(store.saved.at(-1)?.westernMode).toBe("thresholds");
    const wording = rulesForBatch(batchParams(2023)).find(
      (r) => r.id === "output_each_year_min_40"
    )?.wording;
    const input = screen.getByRole("textbox", {
      name: zh("pane.settings.relaxed", { rule: wording ?? "" }),
    });
    await user.type(input, "abc");
    await user.tab();
    expect(screen.getByText(zh("pane.settings.relaxedInvalid"))).toBeTruthy();
    await user.clear(input);
    await user.type(input, "30");
    await user.tab();
    expect(store.saved.at(-1)?.relaxedThresholds).toEqual({ output_each_year_min_40: 30 });
  });

  it("settings load from the store, summarised on one line", async () => {
    const { user } = renderPane(
      fakeGateway().gateway,
      "zh-CN",
      memoryStore({ batchYear: 2024, shareReading: "latest_year" })
    );
    expect(screen.getByText(/^2024年度批次 · 推荐单位：/u)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: zh("pane.settings.edit") }));
    expect(
      (screen.getByRole("combobox", { name: zh("pane.settings.batch") }) as HTMLSelectElement).value
    ).toBe("2024");
    expect(
      (
        screen.getByRole("radio", {
          name: zh("pane.settings.share.latest_year"),
        }) as HTMLInputElement
      ).checked
    ).toBe(true);
  });
});
