/**
 * @jest-environment jsdom
 *
 * 评审标准 in the pane's settings: choosing a built-in pack, loading the user's own pack file (a
 * bad one says each problem with its JSON path and changes nothing), the criteria list following
 * the choice, and an action refusing a stored pack that is not valid.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { YUNNAN_DOCUMENT, YUNNAN_PACK } from "../../src/domain";
import { t } from "../../src/i18n";
import { DEFAULT_PANE_SETTINGS, type PaneSettings } from "../../src/settings/settings";
import type { SettingsStore } from "../../src/settings/store";
import { App } from "../../src/taskpane/App";
import type { Gateway } from "../../src/taskpane/gateway/gateway";
import { memoryGateway } from "../../src/taskpane/gateway/memoryGateway";

beforeAll(() => {
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

const zh = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]): string =>
  t("zh-CN", key, params);

const MY_DOCUMENT = { ...YUNNAN_DOCUMENT, id: "my-yunnan", name: "我的云南标准" };
const BAD_DOCUMENT = {
  ...MY_DOCUMENT,
  rules: MY_DOCUMENT.rules.map((r, i) => (i === 2 ? { ...r, threshold: "abc" } : r)),
};

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

async function openSettings(gateway: Gateway, store = memoryStore()) {
  render(<App gateway={gateway} store={store} locale="zh-CN" />);
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: zh("pane.settings.edit") }));
  const select = (await screen.findByRole("combobox", {
    name: zh("pane.settings.criteria"),
  })) as HTMLSelectElement;
  return { user, store, select };
}

const jsonFile = (name: string, value: unknown): File =>
  new File([typeof value === "string" ? value : JSON.stringify(value)], name, {
    type: "application/json",
  });

const fileInput = (): HTMLInputElement =>
  screen.getByLabelText(zh("pane.settings.criteria.load")) as HTMLInputElement;

const criteriaRegion = (): HTMLElement =>
  screen.getByRole("region", { name: /认定标准|评审标准|云南/u });

describe("评审标准 in the settings", () => {
  it("offers the batch's national standard, its 复核, 云南's, and saves the choice", async () => {
    const { user, store, select } = await openSettings(memoryGateway("zh-CN"));
    const year = DEFAULT_PANE_SETTINGS.batchYear;
    expect([...select.options].map((o) => [o.value, o.text])).toEqual([
      ["", `国家认定标准（${year}年度）`],
      [
        `fuhe-${year - 3}-${year}`,
        `中小企业特色产业集群复核（${year - 3}年度认定，${year}年复核）`,
      ],
      ["yunnan-provincial", "云南省省级中小企业特色产业集群认定标准"],
    ]);
    expect(select.value).toBe("");
    await user.selectOptions(select, "yunnan-provincial");
    expect(store.saved.at(-1)?.criteria).toBe("yunnan-provincial");
    // The one-line summary says it too, so the choice is seen with the settings closed.
    expect(screen.getByText(/ · 评审标准：云南省级认定$/u)).toBeTruthy();
    // The criteria list follows the choice: 云南's rules, under its name.
    const region = screen.getByRole("region", {
      name: `云南省省级中小企业特色产业集群认定标准（${DEFAULT_PANE_SETTINGS.batchYear}年度批次）`,
    });
    expect(within(region).getByText("工业互联网平台应用普及率不低于10%")).toBeTruthy();
  });

  it("western relaxation: per-rule thresholds under the national standard, none under 云南's", async () => {
    const { user, select } = await openSettings(
      memoryGateway("zh-CN"),
      memoryStore({ westernMode: "thresholds" })
    );
    const thresholds = (): number =>
      screen.queryAllByRole("textbox").filter((e) => e.closest("[hidden]") === null).length;
    expect(thresholds()).toBeGreaterThan(0);
    const western = screen.getByRole("radiogroup", { name: zh("pane.settings.western") });
    expect(
      within(western).getByRole("radio", { name: zh("pane.settings.western.warn") })
    ).toHaveProperty("disabled", false);
    await user.selectOptions(select, "yunnan-provincial");
    expect(thresholds()).toBe(0);
    expect(
      within(western).getByRole("radio", { name: zh("pane.settings.western.warn") })
    ).toHaveProperty("disabled", true);
    expect(
      screen.getByText(zh("pane.settings.western.notInPack", { name: YUNNAN_PACK.name }))
    ).toBeTruthy();
  });

  it("a bad pack file: each problem with its JSON path, settings unchanged", async () => {
    const { user, store } = await openSettings(memoryGateway("zh-CN"));
    await user.upload(fileInput(), jsonFile("bad.json", BAD_DOCUMENT));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(zh("pane.settings.criteria.invalid", { file: "bad.json" }));
    expect(alert.textContent).toContain('rules[2].threshold：应为数字，现为字符串 "abc"');
    expect(store.saved).toEqual([]);
  });

  it("a file that is not JSON, and a pack that takes a built-in's id: refused", async () => {
    const { user, store, select } = await openSettings(memoryGateway("zh-CN"));
    await user.upload(fileInput(), jsonFile("broken.json", "{ not json"));
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /^文件「broken\.json」不是有效的 JSON（.+），设置未更改。$/u
    );
    await user.upload(fileInput(), jsonFile("yunnan.json", YUNNAN_DOCUMENT));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toContain(
        'id：编号 "yunnan-provincial" 已被内置评审标准使用，请改用其他编号'
      )
    );
    expect(store.saved).toEqual([]);
    expect(select.options).toHaveLength(3);
  });

  it("a good pack file: chosen and kept in the settings, and said", async () => {
    const { user, store, select } = await openSettings(memoryGateway("zh-CN"));
    await user.upload(fileInput(), jsonFile("mine.json", MY_DOCUMENT));
    expect(await screen.findByText("已载入评审标准：我的云南标准")).toBeTruthy();
    expect(store.saved.at(-1)).toMatchObject({
      criteria: "my-yunnan",
      customCriteria: MY_DOCUMENT,
    });
    expect(select.value).toBe("my-yunnan");
    expect([...select.options].map((o) => o.text)).toContain("我的云南标准");
    // Its rules are listed once validated.
    expect(
      await screen.findByRole("region", {
        name: `我的云南标准（${DEFAULT_PANE_SETTINGS.batchYear}年度批次）`,
      })
    ).toBeTruthy();
  });

  it("a stored pack that is not valid: the list keeps the national standard, with a note", async () => {
    const store = memoryStore({ criteria: "my-yunnan", customCriteria: BAD_DOCUMENT });
    render(<App gateway={memoryGateway("zh-CN")} store={store} locale="zh-CN" />);
    const user = userEvent.setup();
    const region = await screen.findByRole("region", {
      name: zh("pane.criteria.title", { year: DEFAULT_PANE_SETTINGS.batchYear }),
    });
    await user.click(within(region).getByRole("button", { name: zh("pane.criteria.show") }));
    expect(
      await within(criteriaRegion()).findByText(
        zh("pane.settings.criteria.panelInvalid", { name: "我的云南标准" })
      )
    ).toBeTruthy();
  });

  it("an action with that pack: refused, each problem on its own line, nothing inserted", async () => {
    const gateway = memoryGateway("zh-CN");
    const store = memoryStore({ criteria: "my-yunnan", customCriteria: BAD_DOCUMENT });
    render(<App gateway={gateway} store={store} locale="zh-CN" />);
    const before = gateway.workbook();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: zh("pane.action.insertShenbao") }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "评审标准「我的云南标准」有误，工作簿未作任何更改：" +
        'rules[2].threshold：应为数字，现为字符串 "abc"'
    );
    expect(alert.querySelectorAll("br")).toHaveLength(1);
    expect(gateway.workbook()).toBe(before);
  });
});
