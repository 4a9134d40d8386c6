/**
 * A failure the pane shows in place of what did not come or broke: what happened, and 「重试」.
 * Part of the first chunk, which draws it when nothing else has loaded.
 */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { t, type Locale } from "../../i18n";
import { usePaneStyles } from "./styles";

export function Failure({
  text,
  intent,
  locale,
  onRetry,
}: {
  readonly text: string;
  readonly intent: "error" | "warning";
  readonly locale: Locale;
  readonly onRetry: () => void;
}): JSX.Element {
  const styles = usePaneStyles();
  return (
    <section className={styles.section}>
      <MessageBar intent={intent} role="alert">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
      <div>
        <Button appearance="primary" onClick={onRetry}>
          {t(locale, "pane.retry")}
        </Button>
      </div>
    </section>
  );
}
