/** The actions, each with progress while it runs and the result after. */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import { ACTION_NAMES } from "../../application";
import { SHENBAO_EXAMPLES, type ExampleKey } from "../../domain";
import { t, type Locale, type StringKey } from "../../i18n";
import type { ActionId, Gateway } from "../gateway/gateway";
import type { ActionsState } from "../hooks/useActions";
import { MessageWithDetails } from "./MessageWithDetails";
import { usePaneStyles } from "./styles";

interface Props {
  readonly gateway: Gateway;
  readonly actions: ActionsState;
  readonly locale: Locale;
}

const labelKey = (a: ActionId): StringKey => `pane.action.${a}`;

/** The actions laid out by hand below; any other action the application defines joins the last row. */
const PLACED: readonly ActionId[] = [
  "insertShenbao",
  "insertHuizong",
  "fillExample",
  "check",
  "clear",
  "exportWord",
];

export function ActionsPanel({ gateway, actions, locale }: Props): JSX.Element {
  const styles = usePaneStyles();
  const [example, setExample] = useState<ExampleKey>("B");
  const button = (action: ActionId, primary = false): JSX.Element => {
    const reason = gateway.unavailable[action];
    const running = actions.running === action;
    return (
      <Button
        key={action}
        appearance={primary ? "primary" : "secondary"}
        disabled={actions.running !== undefined || reason !== undefined}
        title={reason}
        icon={running ? <Spinner size="tiny" /> : undefined}
        onClick={() => void actions.run(action, example)}
      >
        {t(locale, labelKey(action))}
      </Button>
    );
  };
  const reasons = [...new Set(Object.values(gateway.unavailable))];
  return (
    <section
      className={styles.section}
      aria-labelledby="actions-title"
      aria-busy={actions.running !== undefined}
    >
      <Text as="h2" id="actions-title" size={500} weight="semibold">
        {t(locale, "pane.actions.title")}
      </Text>
      {reasons.map((r) => (
        <MessageBar key={r} intent="warning">
          <MessageBarBody>{r}</MessageBarBody>
        </MessageBar>
      ))}
      <div className={styles.row}>
        {button("insertShenbao")}
        {button("insertHuizong")}
      </div>
      {/* The example's name needs the pane's whole width; its button goes under it. */}
      <div className={styles.section}>
        <Field label={t(locale, "pane.example.label")} className={styles.shrink}>
          <Select
            className={styles.shrink}
            value={example}
            onChange={(_, d) => setExample(d.value as ExampleKey)}
          >
            {SHENBAO_EXAMPLES.map((e) => (
              <option key={e.key} value={e.key}>
                {t(locale, "pane.example.option", {
                  key: e.key,
                  title: e.title,
                  year: e.batchYear,
                })}
              </option>
            ))}
          </Select>
        </Field>
        <div>{button("fillExample")}</div>
      </div>
      <div className={styles.row}>
        {button("check", true)}
        {button("clear")}
        {button("exportWord")}
        {ACTION_NAMES.filter((a) => !PLACED.includes(a)).map((a) => button(a))}
      </div>
      <div>
        {actions.running && (
          <Spinner
            size="small"
            labelPosition="after"
            label={t(locale, "pane.running", { action: t(locale, labelKey(actions.running)) })}
          />
        )}
        {actions.message && <MessageWithDetails message={actions.message} locale={locale} />}
      </div>
    </section>
  );
}
