/**
 * @jest-environment jsdom
 *
 * Working through a check in the pane, on the in-memory workbook the pane uses outside Office:
 * the first-run guide, the settings summary, 上一处/下一处 selecting each located finding in form
 * order, the criterion of the finding in hand on the 认定标准 page, and a list marked out of date
 * after an insert until the next check.
 */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { batchParams, rulesForBatch } from "../../src/domain";
import { t, type StringKey } from "../../src/i18n";
import { DEFAULT_PANE_SETTINGS } from "../../src/settings/settings";
import type { SettingsStore } from "../../src/settings/store";
import { App } from "../../src/taskpane/App";
import { memoryGateway, type MemoryGateway } from "../../src/taskpane/gateway/memoryGateway";
import { on } from "../support/actions";

beforeAll(() => {
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

beforeEach(() => localStorage.clear());

// Rendering Fluent in jsdom on a busy machine takes seconds; the walk does many steps.
jest.setTimeout(60_000);

const zh = (key: StringKey, params?: Record<string, string | number>): string =>
  t("zh-CN", key, params);

const store: SettingsStore = { load: () => DEFAULT_PANE_SETTINGS, save: async () => undefined };

function renderPane(gateway: MemoryGateway) {
  render(<App gateway={gateway} store={store} locale="zh-CN" />);
  return userEvent.setup();
}

describe("the pane as a clerk works through it", () => {
  it("shows the three-step guide until it is dismissed, and not again", async () => {
    const user = renderPane(memoryGateway("zh-CN"));
    const guide = screen.getByRole("region", { name: zh("pane.guide.title") });
    expect(
      within(guide)
        .getAllByRole("listitem")
        .map((li) => li.textContent)
    ).toEqual([zh("pane.guide.step1"), zh("pane.guide.step2"), zh("pane.guide.step3")]);
    await user.click(within(guide).getByRole("button", { name: zh("pane.guide.dismiss") }));
    expect(screen.queryByRole("region", { name: zh("pane.guide.title") })).toBeNull();
  });

  it("puts the settings first, as a summary that opens for editing", () => {
    renderPane(memoryGateway("zh-CN"));
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf(zh("pane.settings.title"))).toBeLessThan(
      headings.indexOf(zh("pane.actions.title"))
    );
    const edit = screen.getByRole("button", { name: zh("pane.settings.edit"), expanded: false });
    expect(edit).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: zh("pane.settings.batch") })).toBeNull();
  });

  it("walks the located findings with 下一处 and 上一处, selecting each cell in form order", async () => {
    const gateway = memoryGateway("zh-CN");
    const user = renderPane(gateway);
    await user.click(await screen.findByRole("button", { name: zh("pane.action.fillExample") }));
    await user.click(screen.getByRole("button", { name: zh("pane.action.check") }));
    const checked = await on(memoryGateway("zh-CN"))
      .fillExample("B")
      .then(async () => undefined);
    expect(checked).toBeUndefined();
    const next = await screen.findByRole("button", { name: zh("pane.findings.next") });
    const previous = screen.getByRole("button", { name: zh("pane.findings.previous") });

    // What the check found, located ones in the order the list shows them.
    const reference = memoryGateway("zh-CN");
    await on(reference).fillExample("B");
    const located = (await on(reference).check()).records.filter((r) => r.cell !== undefined);
    expect(located.length).toBeGreaterThan(2);

    await user.click(next);
    expect(gateway.workbook().selection).toBe(`${located[0]?.sheet}!${located[0]?.cell}`);
    await user.click(next);
    expect(gateway.workbook().selection).toBe(`${located[1]?.sheet}!${located[1]?.cell}`);
    expect(
      screen.getByText(
        zh("pane.findings.position", {
          index: 2,
          count: located.length,
          cell: `${located[1]?.sheet}!${located[1]?.cell}`,
        })
      )
    ).toBeTruthy();
    // The finding in hand is marked in the list.
    const currentItem = screen
      .getAllByRole("button")
      .find((b) => b.getAttribute("aria-current") === "true");
    expect(currentItem?.textContent).toContain(located[1]?.message);
    await user.click(previous);
    expect(gateway.workbook().selection).toBe(`${located[0]?.sheet}!${located[0]?.cell}`);

    // Its criterion, on the 认定标准 page of the batch.
    await user.click(screen.getByRole("button", { name: zh("pane.findings.criterion") }));
    const rule = rulesForBatch(batchParams(DEFAULT_PANE_SETTINGS.batchYear)).find(
      (r) => r.id === located[0]?.ruleId
    );
    if (rule) {
      expect(document.activeElement?.textContent).toContain(rule.wording);
    } else {
      // A form check (a blank field, a range) has no criterion: the page opens all the same.
      expect(
        screen.getByRole("button", { name: zh("pane.criteria.hide"), expanded: true })
      ).toBeTruthy();
    }
  });

  it("marks the list out of date after an insert, until 重新检查", async () => {
    const gateway = memoryGateway("zh-CN");
    const user = renderPane(gateway);
    await user.click(await screen.findByRole("button", { name: zh("pane.action.fillExample") }));
    await user.click(screen.getByRole("button", { name: zh("pane.action.check") }));
    await screen.findByRole("button", { name: zh("pane.findings.next") });
    expect(screen.queryByText(zh("pane.findings.stale"))).toBeNull();
    await user.click(screen.getByRole("button", { name: zh("pane.action.insertShenbao") }));
    expect(await screen.findByText(zh("pane.findings.stale"))).toBeTruthy();
    await user.click(screen.getByRole("button", { name: zh("pane.findings.recheck") }));
    await screen.findByText(/^检查完成：2 张工作表/u);
    expect(screen.queryByText(zh("pane.findings.stale"))).toBeNull();
  });
});
