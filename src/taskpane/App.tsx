/**
 * The task pane shell: title, host status and the batch at a glance. The actions (insert, check,
 * clear) and the findings list are added on top of this shell.
 */
import {
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { batchParams } from "../domain";
import { t, type Locale } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

export interface AppProps {
  readonly inOffice: boolean;
  readonly locale: Locale;
}

export function App({ inOffice, locale }: AppProps): JSX.Element {
  const styles = useStyles();
  const batch = batchParams(2025);
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={styles.root}>
        <Text as="h1" size={600} weight="semibold">
          {t(locale, "app.name")}
        </Text>
        <Text>{t(locale, "app.tagline")}</Text>
        <MessageBar intent={inOffice ? "success" : "info"}>
          <MessageBarBody>
            {t(locale, inOffice ? "host.ready" : "host.outsideOffice")}
          </MessageBarBody>
        </MessageBar>
        <Text size={200}>
          {t(locale, "batch.summary", { year: batch.year, years: batch.dataYears.join("、") })}
        </Text>
      </main>
    </FluentProvider>
  );
}
