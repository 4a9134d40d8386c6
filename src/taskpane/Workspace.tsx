/**
 * The pane's panels over their gateway: Office.js inside Excel, the in-memory workbook elsewhere.
 * Only what the first screen needs is here; each gateway's code is the "engine" chunk, loaded
 * after that screen has been painted (or on the first click), and its facts (where it runs, what
 * this host cannot do) are known without it.
 */
import { useMemo } from "react";
import { officeHost } from "../excel/host";
import type { Locale } from "../i18n";
import { loadTable } from "../i18n/load";
import { hostSettingsStore, settingsStore } from "../settings/store";
import { deferredGateway, memoryFacts, officeFacts } from "./gateway/facts";
import type { OfficePlatform } from "./gateway/gateway";
import type { LoadLater } from "./hooks/useLater";
import { Panels } from "./Panels";

export interface WorkspaceProps {
  readonly inOffice: boolean;
  readonly locale: Locale;
  /** What Office.onReady reported, by name; decides whether the findings CSV can be saved. */
  readonly platform?: OfficePlatform | undefined;
}

export function Workspace({
  inOffice,
  locale,
  platform,
  painted,
  loadLater,
}: WorkspaceProps & {
  readonly painted: boolean;
  readonly loadLater?: LoadLater | undefined;
}): JSX.Element {
  const gateway = useMemo(() => {
    // The actions' words come with their code: the whole table of the pane's language.
    const words = () => loadTable(locale);
    if (!inOffice)
      return deferredGateway(memoryFacts(locale), async () => {
        const [m] = await Promise.all([
          import(/* webpackChunkName: "engine" */ "./gateway/memoryGateway"),
          words(),
        ]);
        return m.memoryGateway(locale);
      });
    const host = officeHost();
    return deferredGateway(officeFacts(host, locale, platform), async () => {
      const [m] = await Promise.all([
        import(/* webpackChunkName: "engine" */ "./gateway/excelGateway"),
        words(),
      ]);
      return m.excelGateway(host, locale, platform);
    });
  }, [inOffice, locale, platform]);
  const store = useMemo(
    () =>
      inOffice
        ? hostSettingsStore()
        : settingsStore(undefined, typeof localStorage === "undefined" ? undefined : localStorage),
    [inOffice]
  );
  return (
    <Panels
      gateway={gateway}
      store={store}
      locale={locale}
      painted={painted}
      {...(loadLater ? { loadLater } : {})}
    />
  );
}
