/**
 * Settings, actions and findings over one gateway. The first screen (guide, settings summary,
 * actions) is drawn at once from the pane's first chunk; the panels below it, the settings form
 * and the code behind the actions (the gateway's) load once that screen has been painted
 * (`painted`), so that the first paint carries only what a clerk sees first and the actions are
 * usable from it. An action clicked before its code has come waits for it.
 */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { t, type Locale } from "../i18n";
import { loadTable } from "../i18n/load";
import type { SettingsStore } from "../settings/store";
import { ActionsPanel } from "./components/ActionsPanel";
import { Failure } from "./components/Failure";
import { FirstRunGuide } from "./components/FirstRunGuide";
import { SettingsPanel } from "./components/SettingsPanel";
import type { DeferredGateway } from "./gateway/facts";
import type { Gateway } from "./gateway/gateway";
import type { MemoryGateway } from "./gateway/memoryGateway";
import { useActions } from "./hooks/useActions";
import { importLater, useLater, type LoadLater } from "./hooks/useLater";
import { useSettings } from "./hooks/useSettings";

export interface PanelsProps {
  readonly gateway: DeferredGateway;
  readonly store: SettingsStore;
  readonly locale: Locale;
  /** The first screen has been painted: time for the rest. */
  readonly painted: boolean;
  /** The later panels' chunk; tests pass their own. */
  readonly loadLater?: LoadLater;
}

const isMemory = (g: Gateway): g is MemoryGateway => "workbook" in g;

/**
 * The gateway's code, loaded once the first screen has been painted, so it is there before the
 * first click (a failure is said by the action that needed it); the gateway once it has come.
 */
function useLoaded(gateway: DeferredGateway, painted: boolean): Gateway | undefined {
  const [loaded, setLoaded] = useState<Gateway | undefined>(undefined);
  useEffect(() => {
    if (!painted) return undefined;
    let live = true;
    gateway.load().then(
      (g) => {
        if (live) setLoaded(g);
      },
      () => undefined
    );
    return () => {
      live = false;
    };
  }, [gateway, painted]);
  return loaded;
}

export function Panels({
  gateway,
  store,
  locale,
  painted,
  loadLater = importLater,
}: PanelsProps): JSX.Element {
  const { settings, update, saveError, saved } = useSettings(store);
  const actions = useActions(gateway, settings, locale);
  const [criteriaOpen, setCriteriaOpen] = useState(false);
  const [focusRule, setFocusRule] = useState<string | undefined>(undefined);
  // The panels' words (the whole table of the pane's language) come with them.
  const load = useCallback(
    () => Promise.all([loadLater(), loadTable(locale)]).then(([panels]) => panels),
    [loadLater, locale]
  );
  const later = useLater(painted, load);
  const loaded = useLoaded(gateway, painted);
  // Outside Office, the in-memory workbook.
  const memory = loaded && isMemory(loaded) ? loaded : undefined;
  const p = later.panels;
  // The order of the work: what to set, what to do, what came out, what it is measured against.
  return (
    <>
      <FirstRunGuide locale={locale} />
      <SettingsPanel
        settings={settings}
        update={update}
        locale={locale}
        saved={saved}
        savedKey={gateway.inOffice ? "pane.settings.saved" : "pane.settings.savedLocal"}
        Editor={p?.SettingsEditor}
      />
      {saveError && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(locale, "pane.error.unknown", { message: saveError })}</MessageBarBody>
        </MessageBar>
      )}
      <ActionsPanel
        gateway={gateway}
        actions={actions}
        locale={locale}
        examples={p && <p.ExampleChooser gateway={gateway} actions={actions} locale={locale} />}
      />
      {later.failed && (
        <Failure
          intent="error"
          locale={locale}
          onRetry={later.retry}
          text={t(locale, "pane.failure.workspaceLoad")}
        />
      )}
      {p && (
        <>
          <p.FindingsList
            outcome={actions.outcome}
            gateway={gateway}
            locale={locale}
            stale={actions.stale}
            onRecheck={() => void actions.run("check")}
            onShowRule={(ruleId) => {
              setFocusRule(ruleId);
              setCriteriaOpen(true);
            }}
          />
          <p.CriteriaPanel
            settings={settings}
            locale={locale}
            open={criteriaOpen}
            onToggle={setCriteriaOpen}
            focusRule={focusRule}
          />
          {memory && <p.MemoryPanel gateway={memory} locale={locale} />}
          <p.StatusList locale={locale} />
        </>
      )}
    </>
  );
}
