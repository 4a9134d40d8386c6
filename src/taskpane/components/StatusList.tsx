/** Outcomes of the ribbon commands (they run without the pane), newest first. */
import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { subscribeStatus, type Status } from "../../commands/status";
import { t, type Locale } from "../../i18n";
import { usePaneStyles } from "./styles";

export function StatusList({ locale }: { readonly locale: Locale }): JSX.Element | null {
  const styles = usePaneStyles();
  const [statuses, setStatuses] = useState<readonly Status[]>([]);
  useEffect(() => subscribeStatus(setStatuses), []);
  if (statuses.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="status-title">
      <Text as="h2" id="status-title" size={500} weight="semibold">
        {t(locale, "pane.status.title")}
      </Text>
      {statuses.slice(0, 5).map((s, i) => (
        <MessageBar key={`${i}-${s.message}`} intent={s.intent}>
          <MessageBarBody>{s.message}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
