/**
 * The pane from its first paint on, and what it shows when something does not come: the frame and
 * the first screen (guide, settings summary, actions) once Office is ready, or after
 * OFFICE_READY_LIMIT_MS word that office.js has not loaded (the pane follows if it does). The
 * panels sit inside an error boundary, so a panel that threw leaves the frame standing and says
 * what failed, with 「重试」. Once the frame has been painted, `painted` tells the panels to load
 * the rest, and `onPainted` the page.
 */
import { Component, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { t, type Locale } from "../i18n";
import { afterPaint as browserAfterPaint, type AfterPaint } from "./afterPaint";
import { Failure } from "./components/Failure";
import { Frame } from "./Frame";
import { Workspace, type WorkspaceProps } from "./Workspace";

export type { WorkspaceProps };

/**
 * How long the pane waits for Office.onReady, counted from the start of the page, before it says
 * that office.js has not loaded. office.js comes from Microsoft's CDN, so a network that does not
 * answer (offline, a proxy holding the request) would leave the pane white with nothing to say
 * why; 8 s is well past a normal load and still before a clerk gives up on a white pane. Until
 * office.js itself has come no bundle runs, so the engine check (legacy/engine-check.js) keeps
 * the same limit for that part; test/taskpane/legacy.test.ts holds the two equal.
 */
export const OFFICE_READY_LIMIT_MS = 8_000;

/** The element the engine check draws its notice in while office.js has not come. */
export const OFFICE_JS_LATE_ID = "office-js-late";

/** What the frame holds once Office is ready: the panels; tests pass their own. */
export type WorkspaceComponent = ComponentType<WorkspaceProps & { readonly painted: boolean }>;

/** Starts a timer, returns its cancel; tests pass a clock of their own. */
export type Timer = (fire: () => void, ms: number) => () => void;

const browserTimer: Timer = (fire, ms) => {
  const id = setTimeout(fire, ms);
  return () => clearTimeout(id);
};

interface BoundaryProps {
  readonly locale: Locale;
  readonly onRetry: () => void;
  readonly children: ReactNode;
}

interface BoundaryState {
  readonly failure?: string;
}

/** Catches what the panels throw while rendering; React logs the error itself. */
class WorkspaceBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = {};

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { failure: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    const { failure } = this.state;
    if (failure === undefined) return this.props.children;
    const { locale } = this.props;
    return (
      <Failure
        intent="error"
        locale={locale}
        onRetry={this.props.onRetry}
        text={t(locale, "pane.failure.workspaceRender", { message: failure })}
      />
    );
  }
}

export interface BootProps {
  /** Office.onReady's answer, or the answer itself where there is no Office to wait for. */
  readonly ready: WorkspaceProps | PromiseLike<WorkspaceProps>;
  /** The language until Office says its own (the browser's). */
  readonly fallbackLocale: Locale;
  /** What is left of OFFICE_READY_LIMIT_MS when the pane starts. */
  readonly waitMs: number;
  /** Loads the page again: office.js is one of its scripts, so only a reload asks for it anew. */
  readonly reload: () => void;
  readonly timer?: Timer;
  /** Once the frame is on screen, so that a notice drawn before the bundles ran can go. */
  readonly onShown?: () => void;
  /** Once the frame has been painted: the moment for code the first screen does not need. */
  readonly onPainted?: () => void;
  /** When "painted" is; tests pass their own. */
  readonly afterPaint?: AfterPaint;
  readonly workspace?: WorkspaceComponent;
}

const isPending = (
  ready: WorkspaceProps | PromiseLike<WorkspaceProps>
): ready is PromiseLike<WorkspaceProps> => "then" in ready && typeof ready.then === "function";

interface BootState {
  readonly ready?: WorkspaceProps;
  readonly late: boolean;
}

/**
 * Nothing until Office is ready (the language and host come from it), then the frame with the
 * panels' first screen, all from the first chunk. Past the time limit the frame shows, in the
 * browser's language, that office.js has not loaded, with 「重试」 to reload; it keeps waiting,
 * and if Office becomes ready after all the pane goes on as usual.
 */
export function Boot({
  ready,
  fallbackLocale,
  waitMs,
  reload,
  timer = browserTimer,
  onShown,
  onPainted,
  afterPaint = browserAfterPaint,
  workspace: Panels = Workspace,
}: BootProps): JSX.Element | null {
  const [state, setState] = useState<BootState>(() =>
    isPending(ready) ? { late: false } : { ready, late: false }
  );
  useEffect(() => {
    if (!isPending(ready)) return undefined;
    let live = true;
    const cancel = timer(() => {
      if (live) setState((s) => (s.ready ? s : { late: true }));
    }, waitMs);
    ready.then(
      (info) => {
        cancel();
        if (live) setState({ ready: info, late: false });
      },
      // Office.onReady does not reject; if it ever did, the time limit's message stands.
      () => undefined
    );
    return () => {
      live = false;
      cancel();
    };
  }, [ready, timer, waitMs]);

  const locale = state.ready?.locale ?? fallbackLocale;
  const shown = state.ready !== undefined || state.late;
  useEffect(() => {
    if (!shown) return;
    document.documentElement.lang = locale;
    document.title = t(locale, "app.name");
    onShown?.();
  }, [shown, locale, onShown]);

  const [painted, setPainted] = useState(false);
  // Each 「重试」 after a panel threw mounts the panels anew.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!shown) return undefined;
    let live = true;
    afterPaint(() => {
      if (live) setPainted(true);
      onPainted?.();
    });
    return () => {
      live = false;
    };
    // Once, when the frame first shows: later renders have nothing more to wait for.
  }, [shown]);

  if (state.ready) {
    return (
      <Frame inOffice={state.ready.inOffice} locale={locale}>
        <WorkspaceBoundary key={attempt} locale={locale} onRetry={() => setAttempt((n) => n + 1)}>
          <Panels {...state.ready} painted={painted} />
        </WorkspaceBoundary>
      </Frame>
    );
  }
  if (state.late) {
    return (
      <Frame locale={locale}>
        <Failure
          intent="warning"
          locale={locale}
          onRetry={reload}
          text={t(locale, "pane.failure.officeJs", { seconds: OFFICE_READY_LIMIT_MS / 1000 })}
        />
      </Frame>
    );
  }
  return null;
}
