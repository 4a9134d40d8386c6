/** Settings, actions and findings over one gateway. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { t, type Locale } from "../i18n";
import type { SettingsStore } from "../settings/store";
import { useState } from "react";
import { ActionsPanel } from "./components/ActionsPanel";
import { CriteriaPanel } from "./components/CriteriaPanel";
import { FirstRunGuide } from "./components/FirstRunGuide";
import { FindingsList } from "./components/FindingsList";
import { MemoryPanel } from "./components/MemoryPanel";
import { SettingsPanel } from "./components/SettingsPanel";
import { StatusList } from "./components/StatusList";
import type { Gateway } from "./gateway/gateway";
import type { MemoryGateway } from "./gateway/memoryGateway";
import { useActions } from "./hooks/useActions";
import { useSettings } from "./hooks/useSettings";

export interface PanelsProps {
  readonly gateway: Gateway | MemoryGateway;
  readonly store: SettingsStore;
  readonly locale: Locale;
}

const isMemory = (g: Gateway | MemoryGateway): g is MemoryGateway => "workbook" in g;

export function Panels({ gateway, store, locale }: PanelsProps): JSX.Element {
  const { settings, update, saveError, saved } = useSettings(store);
  const actions = useActions(gateway, settings, locale);
  const [criteriaOpen, setCriteriaOpen] = useState(false);
  const [focusRule, setFocusRule] = useState<string | undefined>(undefined);
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
      />
      {saveError && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(locale, "pane.error.unknown", { message: saveError })}</MessageBarBody>
        </MessageBar>
      )}
      <ActionsPanel gateway={gateway} actions={actions} locale={locale} />
      <FindingsList
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
      <CriteriaPanel
        batchYear={settings.batchYear}
        locale={locale}
        open={criteriaOpen}
        onToggle={setCriteriaOpen}
        focusRule={focusRule}
      />
      {isMemory(gateway) && <MemoryPanel gateway={gateway} locale={locale} />}
      <StatusList locale={locale} />
    </>
  );
}
