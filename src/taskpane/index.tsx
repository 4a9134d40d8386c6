/**
 * Task pane entry: waits for Office once (Office.onReady), paints the frame at once, and loads
 * the panels (settings, actions, findings and the domain code behind them) as a second chunk.
 * Outside Office (a plain browser) it runs against an in-memory workbook and says so.
 */
import { Text } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { localeFor, t, type Locale } from "../i18n";
import { Frame } from "./Frame";

const Workspace = lazy(() => import(/* webpackChunkName: "workspace" */ "./Workspace"));

function mount(inOffice: boolean, locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = t(locale, "app.name");
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <Frame inOffice={inOffice} locale={locale}>
      <Suspense fallback={<Text role="status">{t(locale, "pane.loading")}</Text>}>
        <Workspace inOffice={inOffice} locale={locale} />
      </Suspense>
    </Frame>
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => {
    const inOffice = info.host !== null && info.host !== undefined;
    mount(inOffice, localeFor(inOffice ? Office.context.displayLanguage : navigator.language));
  });
} else {
  mount(false, localeFor(navigator.language));
}
