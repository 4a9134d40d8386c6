/** Settings, actions and findings over one gateway. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { t, type Locale } from "../i18n";
import type { SettingsStore } from "../settings/store";
import { ActionsPanel } from "./components/ActionsPanel";
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
  const { settings, update, saveError } = useSettings(store);
  const actions = useActions(gateway, settings, locale);
  return (
    <>
      <ActionsPanel gateway={gateway} actions={actions} locale={locale} />
      <FindingsList outcome={actions.outcome} gateway={gateway} locale={locale} />
      {isMemory(gateway) && <MemoryPanel gateway={gateway} locale={locale} />}
      <StatusList locale={locale} />
      <SettingsPanel settings={settings} update={update} locale={locale} />
      {saveError && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(locale, "pane.error.unknown", { message: saveError })}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
