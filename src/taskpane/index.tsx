/**
 * Task pane entry: waits for Office once (Office.onReady), paints the frame at once, and loads
 * the panels (settings, actions, findings and the domain code behind them) as a second chunk.
 * Outside Office (a plain browser) it runs against an in-memory workbook and says so. The
 * platform Office reports is handed on by name, so nothing past this file needs Office in scope.
 */
import { Text } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { localeFor, t, type Locale } from "../i18n";
import { Frame } from "./Frame";
import type { OfficePlatform } from "./gateway/gateway";

const Workspace = lazy(() => import(/* webpackChunkName: "workspace" */ "./Workspace"));

const PLATFORMS: readonly OfficePlatform[] = [
  "PC",
  "OfficeOnline",
  "Mac",
  "iOS",
  "Android",
  "Universal",
];

/**
 * Office.PlatformType's member for `info.platform`, by name. Compared through Office's own enum
 * object: its run-time values are strings while its typings say numbers, so only the enum itself
 * is right both ways. A platform Office.js adds later comes out undefined (treated as unknown).
 */
const platformName = (
  platform: Office.PlatformType | null | undefined
): OfficePlatform | undefined => PLATFORMS.find((name) => Office.PlatformType[name] === platform);

function mount(inOffice: boolean, locale: Locale, platform?: OfficePlatform): void {
  document.documentElement.lang = locale;
  document.title = t(locale, "app.name");
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <Frame inOffice={inOffice} locale={locale}>
      <Suspense fallback={<Text role="status">{t(locale, "pane.loading")}</Text>}>
        <Workspace inOffice={inOffice} locale={locale} platform={platform} />
      </Suspense>
    </Frame>
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => {
    const inOffice = info.host !== null && info.host !== undefined;
    mount(
      inOffice,
      localeFor(inOffice ? Office.context.displayLanguage : navigator.language),
      inOffice ? platformName(info.platform) : undefined
    );
  });
} else {
  mount(false, localeFor(navigator.language));
}
