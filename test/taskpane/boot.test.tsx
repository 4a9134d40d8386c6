/**
 * @jest-environment jsdom
 *
 * The pane before and around its panels (src/taskpane/Boot.tsx and the later panels' chunk in
 * Panels.tsx): that chunk failing to load, a panel throwing, Office.onReady not answering, the
 * first paint. Chunks are functions the test controls, clocks fire by hand, so nothing waits on
 * real time.
 */
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { t, type Locale } from "../../src/i18n";
import { App } from "../../src/taskpane/App";
import {
  Boot,
  OFFICE_READY_LIMIT_MS,
  type BootProps,
  type Timer,
  type WorkspaceProps,
} from "../../src/taskpane/Boot";
import { memoryGateway } from "../../src/taskpane/gateway/memoryGateway";
import { importLater, type LoadLater } from "../../src/taskpane/hooks/useLater";
import { DEFAULT_PANE_SETTINGS } from "../../src/settings/settings";

beforeAll(() => {
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

/** React reports every error a boundary catches on console.error; collected, not printed. */
let logged: unknown[][] = [];
beforeEach(() => {
  logged = [];
  jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
});
afterEach(() => jest.restoreAllMocks());

const zh = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]): string =>
  t("zh-CN", key, params);

/** Stands in for the panels: says where it runs. */
function Panels({ inOffice, locale, platform }: WorkspaceProps): JSX.Element {
  return <p>{`panels ${locale} ${inOffice ? "office" : "browser"} ${platform ?? "-"}`}</p>;
}

/** The later panels' chunk failing `failures` times (as webpack's ChunkLoadError), then loading. */
function flakyChunk(failures: number): LoadLater & { calls: number } {
  const load = Object.assign(
    async () => {
      load.calls++;
      if (load.calls <= failures) {
        const e = new Error("Loading chunk panels failed.\n(error: /panels.js)");
        e.name = "ChunkLoadError";
        throw e;
      }
      return importLater();
    },
    { calls: 0 }
  );
  return load;
}

/** Timers that fire only when the test says so. */
function handClock(): { timer: Timer; started: number[]; fire: () => void; live: () => number } {
  const timers: { fire: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    timer: (fire, ms) => {
      const entry = { fire, ms, cancelled: false };
      timers.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    get started() {
      return timers.map((x) => x.ms);
    },
    fire: () =>
      act(() => {
        for (const x of timers) if (!x.cancelled) x.fire();
      }),
    live: () => timers.filter((x) => !x.cancelled).length,
  };
}

function boot(props: Partial<BootProps> & Pick<BootProps, "ready">) {
  const reload = jest.fn();
  const view = render(
    <Boot
      fallbackLocale="zh-CN"
      waitMs={OFFICE_READY_LIMIT_MS}
      reload={reload}
      workspace={Panels}
      afterPaint={(work) => work()}
      {...props}
    />
  );
  return { ...view, reload, user: userEvent.setup() };
}

const heading = (locale: Locale = "zh-CN"): HTMLElement =>
  screen.getByRole("heading", { level: 1, name: t(locale, "app.name") });

/** The pane outside Office on the in-memory workbook, its later panels from `loadLater`. */
function pane(locale: Locale, loadLater: LoadLater) {
  render(
    <App
      gateway={memoryGateway(locale)}
      store={{ load: () => DEFAULT_PANE_SETTINGS, save: async () => undefined }}
      locale={locale}
      loadLater={loadLater}
    />
  );
  return userEvent.setup();
}

describe("the later panels' chunk does not load", () => {
  it.each<Locale>(["zh-CN", "en-US"])(
    "%s: the first screen stays usable and says so; 重试 imports again and the panels come",
    async (locale) => {
      const load = flakyChunk(1);
      const user = pane(locale, load);
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toBe(t(locale, "pane.failure.workspaceLoad"));
      // The frame and the first screen: title, host status, the actions usable.
      heading(locale);
      expect(screen.getByText(t(locale, "host.outsideOffice"))).toBeTruthy();
      const check = screen.getByRole("button", { name: t(locale, "pane.action.check") });
      expect(check.hasAttribute("disabled")).toBe(false);
      expect(screen.queryByRole("region", { name: t(locale, "pane.findings.title") })).toBeNull();
      expect(load.calls).toBe(1);
      // Still reported for whoever opens the developer tools.
      expect(logged.flat().map(String).join("\n")).toMatch(/Loading chunk panels failed/u);

      await user.click(screen.getByRole("button", { name: t(locale, "pane.retry") }));
      expect(
        await screen.findByRole("region", { name: t(locale, "pane.findings.title") })
      ).toBeTruthy();
      expect(load.calls).toBe(2); // a fresh import()
      expect(screen.queryByRole("alert")).toBeNull();
    }
  );

  it("fails again as often as the chunk does, and recovers when it comes", async () => {
    const load = flakyChunk(2);
    const user = pane("zh-CN", load);
    for (let i = 1; i <= 2; i++) {
      expect((await screen.findByRole("alert")).textContent).toBe(zh("pane.failure.workspaceLoad"));
      expect(load.calls).toBe(i);
      await user.click(screen.getByRole("button", { name: zh("pane.retry") }));
    }
    expect(await screen.findByRole("region", { name: zh("pane.findings.title") })).toBeTruthy();
  });
});

describe("the first paint", () => {
  it("the first screen shows at once; the later panels wait for the paint, then come", async () => {
    let paint: () => void = () => undefined;
    const onPainted = jest.fn();
    boot({
      ready: { inOffice: false, locale: "zh-CN" },
      workspace: undefined,
      afterPaint: (work) => {
        paint = work;
      },
      onPainted,
    });
    expect(screen.getByRole("button", { name: zh("pane.action.check") })).toBeTruthy();
    expect(screen.getByRole("region", { name: zh("pane.settings.title") })).toBeTruthy();
    // Nothing below the first screen before its paint.
    expect(screen.queryByRole("region", { name: zh("pane.findings.title") })).toBeNull();
    expect(onPainted).not.toHaveBeenCalled();
    act(() => paint());
    expect(onPainted).toHaveBeenCalledTimes(1);
    expect(
      await screen.findByRole("region", { name: zh("pane.findings.title") }, { timeout: 5_000 })
    ).toBeTruthy();
  });
});

describe("a panel throws while rendering", () => {
  it("the frame stays with the error; 重试 mounts the panels anew", async () => {
    let broken = true;
    function Fragile(props: WorkspaceProps): JSX.Element {
      if (broken) throw new Error("settings unreadable");
      return <Panels {...props} />;
    }
    const { user } = boot({ ready: { inOffice: false, locale: "zh-CN" }, workspace: Fragile });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      zh("pane.failure.workspaceRender", { message: "settings unreadable" })
    );
    heading();
    expect(screen.getByText(zh("host.outsideOffice"))).toBeTruthy();

    broken = false;
    await user.click(screen.getByRole("button", { name: zh("pane.retry") }));
    expect(await screen.findByText("panels zh-CN browser -")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("Office.onReady does not answer", () => {
  /** An onReady answer the test gives when it wants. */
  function pending(): { ready: Promise<WorkspaceProps>; answer: (p: WorkspaceProps) => void } {
    let answer: (p: WorkspaceProps) => void = () => undefined;
    const ready = new Promise<WorkspaceProps>((resolve) => (answer = resolve));
    return { ready, answer };
  }

  it("nothing before the limit; then the frame says office.js did not load, with 重试 (reload)", async () => {
    const clock = handClock();
    const { ready } = pending();
    const onShown = jest.fn();
    const { container, reload, user } = boot({
      ready,
      timer: clock.timer,
      waitMs: 5_000,
      onShown,
    });
    expect(clock.started).toEqual([5_000]);
    expect(container.childNodes).toHaveLength(0);
    expect(onShown).not.toHaveBeenCalled();

    clock.fire();
    heading();
    expect(screen.getByRole("alert").textContent).toBe(
      zh("pane.failure.officeJs", { seconds: OFFICE_READY_LIMIT_MS / 1000 })
    );
    // Office has not said where the pane runs, so the frame does not say it either.
    expect(screen.queryByText(zh("host.ready"))).toBeNull();
    expect(screen.queryByText(zh("host.outsideOffice"))).toBeNull();
    expect(onShown).toHaveBeenCalledTimes(1);
    expect(document.title).toBe(zh("app.name"));

    await user.click(screen.getByRole("button", { name: zh("pane.retry") }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("if Office answers after the limit, the pane goes on as usual, in Office's language", async () => {
    const clock = handClock();
    const { ready, answer } = pending();
    boot({ ready, timer: clock.timer });
    clock.fire();
    expect(screen.getByRole("alert")).toBeTruthy();

    await act(async () => answer({ inOffice: true, locale: "en-US", platform: "OfficeOnline" }));
    expect(await screen.findByText("panels en-US office OfficeOnline")).toBeTruthy();
    heading("en-US");
    expect(screen.getByText(t("en-US", "host.ready"))).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.documentElement.lang).toBe("en-US");
  });

  it("an answer in time stops the clock: no message, ever", async () => {
    const clock = handClock();
    const { ready, answer } = pending();
    boot({ ready, timer: clock.timer });
    await act(async () => answer({ inOffice: false, locale: "zh-CN" }));
    expect(await screen.findByText("panels zh-CN browser -")).toBeTruthy();
    expect(clock.live()).toBe(0);
    clock.fire();
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });

  it("without office.js at all the pane shows at once, with no clock", () => {
    const clock = handClock();
    boot({ ready: { inOffice: false, locale: "zh-CN" }, timer: clock.timer });
    heading();
    expect(clock.started).toEqual([]);
  });
});
