/** Outside Office: what the in-memory workbook holds and which cell a click selected. */
import { Text } from "@fluentui/react-components";
import { useSyncExternalStore } from "react";
import { t, type Locale } from "../../i18n";
import type { MemoryGateway } from "../gateway/memoryGateway";
import { usePaneStyles } from "./styles";

export function MemoryPanel({
  gateway,
  locale,
}: {
  readonly gateway: MemoryGateway;
  readonly locale: Locale;
}): JSX.Element {
  const styles = usePaneStyles();
  const workbook = useSyncExternalStore(gateway.subscribe, gateway.workbook);
  return (
    <section className={styles.section} aria-labelledby="memory-title">
      <Text as="h2" id="memory-title" size={500} weight="semibold">
        {t(locale, "pane.memory.title")}
      </Text>
      <Text>
        {t(locale, "pane.memory.sheets", {
          sheets: workbook.sheets.map((s) => s.name).join(t(locale, "pane.list.separator")),
        })}
      </Text>
      <Text role="status" aria-live="polite">
        {workbook.selection
          ? t(locale, "pane.memory.selection", { cell: workbook.selection })
          : t(locale, "pane.memory.noSelection")}
      </Text>
    </section>
  );
}
