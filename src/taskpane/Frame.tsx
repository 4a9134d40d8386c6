/**
 * The pane's frame: theme, language, title and where it runs (not said while Office has not
 * told). Light: it is the first paint.
 */
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { t, type Locale } from "../i18n";
import { usePaneStyles } from "./components/styles";

/**
 * Fluent's font stack names no Chinese font, so every Chinese character went to the system's
 * fallback: whichever font it picks (not always the UI font of the system), looked up glyph run by
 * glyph run. Named here after Segoe UI (Latin and digits as in Office): the Chinese UI fonts of
 * Windows, macOS and common Linux desktops. In Chromium on Linux this halves the time the pane's
 * first layout takes.
 */
const ZH_THEME = {
  ...webLightTheme,
  fontFamilyBase:
    "'Segoe UI', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', " +
    "'Source Han Sans SC', 'WenQuanYi Micro Hei', 'WenQuanYi Zen Hei', sans-serif",
};

export function Frame({
  inOffice,
  locale,
  children,
}: {
  /** Undefined while Office.onReady has not answered. */
  readonly inOffice?: boolean | undefined;
  readonly locale: Locale;
  readonly children: ReactNode;
}): JSX.Element {
  const styles = usePaneStyles();
  return (
    <FluentProvider theme={locale === "zh-CN" ? ZH_THEME : webLightTheme} lang={locale}>
      <main className={styles.root}>
        <header className={styles.section}>
          <Text as="h1" size={600} weight="semibold">
            {t(locale, "app.name")}
          </Text>
          <Text>{t(locale, "app.tagline")}</Text>
        </header>
        {inOffice !== undefined && (
          // A line, not a message bar: nothing to act on, and a bar measures itself after it
          // mounts (to reflow), a second layout before the first paint.
          <Text>{t(locale, inOffice ? "host.ready" : "host.outsideOffice")}</Text>
        )}
        {children}
      </main>
    </FluentProvider>
  );
}
