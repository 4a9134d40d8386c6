/**
 * The lazily loaded part of the pane: picks the gateway (Office.js inside Excel, the in-memory
 * workbook elsewhere) and the settings store, then renders the panels.
 */
import { useMemo } from "react";
import { officeHost } from "../excel/host";
import type { Locale } from "../i18n";
import { hostSettingsStore, settingsStore } from "../settings/store";
import { excelGateway } from "./gateway/excelGateway";
import type { OfficePlatform } from "./gateway/gateway";
import { memoryGateway } from "./gateway/memoryGateway";
import { Panels } from "./Panels";

export default function Workspace({
  inOffice,
  locale,
  platform,
}: {
  readonly inOffice: boolean;
  readonly locale: Locale;
  /** What Office.onReady reported, by name; decides whether the findings CSV can be saved. */
  readonly platform?: OfficePlatform | undefined;
}): JSX.Element {
  const gateway = useMemo(
    () => (inOffice ? excelGateway(officeHost(), locale, platform) : memoryGateway(locale)),
    [inOffice, locale, platform]
  );
  const store = useMemo(
    () =>
      inOffice
        ? hostSettingsStore()
        : settingsStore(undefined, typeof localStorage === "undefined" ? undefined : localStorage),
    [inOffice]
  );
  return <Panels gateway={gateway} store={store} locale={locale} />;
}
