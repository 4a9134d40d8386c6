/**
 * The pane's frame: theme, language, title and where it runs (not said while Office has not
 * told). Light: it is the first paint.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { t, type Locale } from "../i18n";
import { usePaneStyles } from "./components/styles";

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
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={styles.root}>
        <header className={styles.section}>
          <Text as="h1" size={600} weight="semibold">
            {t(locale, "app.name")}
          </Text>
          <Text>{t(locale, "app.tagline")}</Text>
        </header>
        {inOffice !== undefined && (
          <MessageBar intent={inOffice ? "success" : "info"}>
            <MessageBarBody>
              {t(locale, inOffice ? "host.ready" : "host.outsideOffice")}
            </MessageBarBody>
          </MessageBar>
        )}
        {children}
      </main>
    </FluentProvider>
  );
}
