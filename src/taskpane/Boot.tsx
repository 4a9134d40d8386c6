/**
 * The pane from its first paint to its panels, and what it shows when they do not come: the frame
 * once Office is ready, or after OFFICE_READY_LIMIT_MS with word that office.js has not loaded
 * (the panels follow if it does); the panels from their own chunk inside an error boundary, so a
 * chunk that did not download or a panel that threw leaves the frame standing and says what
 * failed, with 「重试」. Light: it is part of the first chunk.
 */
import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import {
  Component,
  lazy,
  Suspense,
  useEffect,
  useMemo,
  useState,
  type ComponentType,
  type ReactNode,
} from "react";
import { t, type Locale } from "../i18n";
import { usePaneStyles } from "./components/styles";
import { Frame } from "./Frame";
import type { OfficePlatform } from "./gateway/gateway";

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

/** Where the pane runs, as Office.onReady reports it; what the panels are given. */
export interface WorkspaceProps {
  readonly inOffice: boolean;
  readonly locale: Locale;
  /** What Office.onReady reported, by name; decides whether the findings CSV can be saved. */
  readonly platform?: OfficePlatform | undefined;
}

/** The panels' chunk: a fresh import() on every call. */
export type LoadWorkspace = () => Promise<{ readonly default: ComponentType<WorkspaceProps> }>;

/** Starts a timer, returns its cancel; tests pass a clock of their own. */
export type Timer = (fire: () => void, ms: number) => () => void;

const browserTimer: Timer = (fire, ms) => {
  const id = setTimeout(fire, ms);
  return () => clearTimeout(id);
};

/** The panels' chunk did not arrive (as opposed to a panel that threw while rendering). */
class WorkspaceLoadError extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = "WorkspaceLoadError";
  }
}

/**
 * 「重试」 as a plain button in the look of Fluent's primary one: it belongs to the first chunk,
 * which Fluent's Button would make 5 kB (gzip) heavier, past the bundle budget.
 */
const useRetryStyles = makeStyles({
  retry: {
    alignSelf: "flex-start",
    minWidth: "96px",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    borderTopStyle: "none",
    borderRightStyle: "none",
    borderBottomStyle: "none",
    borderLeftStyle: "none",
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover },
    ":active": { backgroundColor: tokens.colorBrandBackgroundPressed },
    ":focus-visible": {
      outlineStyle: "solid",
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "2px",
    },
  },
});

/** A failure in the frame: what happened, and 「重试」. */
function Failure({
  text,
  intent,
  locale,
  onRetry,
}: {
  readonly text: string;
  readonly intent: "error" | "warning";
  readonly locale: Locale;
  readonly onRetry: () => void;
}): JSX.Element {
  const styles = usePaneStyles();
  const { retry } = useRetryStyles();
  return (
    <section className={styles.section}>
      <MessageBar intent={intent} role="alert">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
      <button type="button" className={retry} onClick={onRetry}>
        {t(locale, "pane.retry")}
      </button>
    </section>
  );
}

interface BoundaryProps {
  readonly locale: Locale;
  readonly onRetry: () => void;
  readonly children: ReactNode;
}

interface BoundaryState {
  readonly failure?: { readonly loading: boolean; readonly message: string };
}

/** Catches what the panels throw, their chunk's failure included; React logs the error itself. */
class WorkspaceBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = {};

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return {
      failure: {
        loading: error instanceof WorkspaceLoadError,
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }

  override render(): ReactNode {
    const { failure } = this.state;
    if (!failure) return this.props.children;
    const { locale } = this.props;
    return (
      <Failure
        intent="error"
        locale={locale}
        onRetry={this.props.onRetry}
        text={
          failure.loading
            ? t(locale, "pane.failure.workspaceLoad")
            : t(locale, "pane.failure.workspaceRender", { message: failure.message })
        }
      />
    );
  }
}

/**
 * The panels, loaded by `load`. 「重试」 starts over with a new lazy component and a new
 * boundary: a rejected lazy() stays rejected, so a retry needs a fresh import() (webpack forgets
 * a chunk that failed and fetches it again), and a panel that threw is mounted anew.
 */
export function WorkspaceSlot({
  load,
  ...props
}: WorkspaceProps & { readonly load: LoadWorkspace }): JSX.Element {
  const [attempt, setAttempt] = useState(0);
  const Workspace = useMemo(
    () =>
      lazy(() =>
        load().catch((e: unknown) => {
          throw new WorkspaceLoadError(e);
        })
      ),
    // `attempt` is the point: each retry is a new lazy component.
    [load, attempt]
  );
  return (
    <WorkspaceBoundary key={attempt} locale={props.locale} onRetry={() => setAttempt((n) => n + 1)}>
      <Suspense fallback={<Text role="status">{t(props.locale, "pane.loading")}</Text>}>
        <Workspace {...props} />
      </Suspense>
    </WorkspaceBoundary>
  );
}

export interface BootProps {
  /** Office.onReady's answer, or the answer itself where there is no Office to wait for. */
  readonly ready: WorkspaceProps | PromiseLike<WorkspaceProps>;
  /** The language until Office says its own (the browser's). */
  readonly fallbackLocale: Locale;
  /** What is left of OFFICE_READY_LIMIT_MS when the pane starts. */
  readonly waitMs: number;
  readonly load: LoadWorkspace;
  /** Loads the page again: office.js is one of its scripts, so only a reload asks for it anew. */
  readonly reload: () => void;
  readonly timer?: Timer;
  /** Once the frame is on screen, so that a notice drawn before the bundles ran can go. */
  readonly onShown?: () => void;
}

const isPending = (
  ready: WorkspaceProps | PromiseLike<WorkspaceProps>
): ready is PromiseLike<WorkspaceProps> => "then" in ready && typeof ready.then === "function";

interface BootState {
  readonly ready?: WorkspaceProps;
  readonly late: boolean;
}

/**
 * Nothing until Office is ready (the language and host come from it), then the frame and the
 * panels. Past the time limit the frame shows, in the browser's language, that office.js has not
 * loaded, with 「重试」 to reload; it keeps waiting, and if Office becomes ready after all the
 * pane goes on as usual.
 */
export function Boot({
  ready,
  fallbackLocale,
  waitMs,
  load,
  reload,
  timer = browserTimer,
  onShown,
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

  if (state.ready) {
    return (
      <Frame inOffice={state.ready.inOffice} locale={locale}>
        <WorkspaceSlot load={load} {...state.ready} />
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
