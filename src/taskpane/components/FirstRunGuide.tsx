/**
 * The first-run guide: the three steps of a declaration in the pane's order, until the clerk
 * dismisses it. Dismissal is kept on this computer (the guide is about the pane, not a workbook);
 * where storage is unavailable it simply shows again next time.
 */
import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { t, type Locale } from "../../i18n";
import { usePaneStyles } from "./styles";

const DISMISSED = "jiqun.guideDismissed";

function dismissedBefore(): boolean {
  try {
    return globalThis.localStorage?.getItem(DISMISSED) === "1";
  } catch {
    return false;
  }
}

export function FirstRunGuide({ locale }: { readonly locale: Locale }): JSX.Element | null {
  const styles = usePaneStyles();
  const [shown, setShown] = useState(() => !dismissedBefore());
  if (!shown) return null;
  const dismiss = (): void => {
    try {
      globalThis.localStorage?.setItem(DISMISSED, "1");
    } catch {
      // Private mode or a locked-down webview: the guide returns next time, nothing breaks.
    }
    setShown(false);
  };
  return (
    <section className={styles.guide} aria-labelledby="guide-title">
      <Text as="h2" id="guide-title" size={400} weight="semibold">
        {t(locale, "pane.guide.title")}
      </Text>
      <ol className={styles.steps}>
        <li>{t(locale, "pane.guide.step1")}</li>
        <li>{t(locale, "pane.guide.step2")}</li>
        <li>{t(locale, "pane.guide.step3")}</li>
      </ol>
      <div>
        <Button size="small" onClick={dismiss}>
          {t(locale, "pane.guide.dismiss")}
        </Button>
      </div>
    </section>
  );
}
