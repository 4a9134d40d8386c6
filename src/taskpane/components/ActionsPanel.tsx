/**
 * The actions, each with progress while it runs and the result after. On the first screen: it
 * needs only what the gateway's facts say, not the code that runs the actions. The practice
 * examples (ExampleChooser) join it from the later panels, below the actions and above the result,
 * so nothing a clerk may be about to click moves when they come.
 */
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { lazy, Suspense, type ReactNode } from "react";
import { ACTION_NAMES } from "../../application/names";
import type { ExampleKey } from "../../domain/exampleList";
import { t, type Locale, type StringKey } from "../../i18n";
import type { ActionId, GatewayFacts } from "../gateway/gateway";
import type { ActionsState } from "../hooks/useActions";
import { MessageWithDetails } from "./MessageWithDetails";
import { usePaneStyles } from "./styles";

/**
 * Shown only while an action runs, which is after the first screen: it comes with the later
 * panels (4 kB of the first chunk otherwise) and is never waited for (the words say it runs).
 */
const Spinner = lazy(() =>
  // webpack sees that only Spinner is used and puts only it in the chunk.
  import(/* webpackChunkName: "panels" */ "@fluentui/react-components").then((m) => ({
    default: m.Spinner,
  }))
);

const labelKey = (a: ActionId): StringKey => `pane.action.${a}`;

/** The actions laid out by hand; any other action the application defines joins the last row. */
const PLACED: readonly ActionId[] = [
  "insertShenbao",
  "insertHuizong",
  "fillExample",
  "check",
  "clear",
  "exportWord",
];

export interface ActionButtonProps {
  readonly action: ActionId;
  readonly gateway: GatewayFacts;
  readonly actions: ActionsState;
  readonly locale: Locale;
  readonly primary?: boolean;
  /** The example 填入示例数据 fills in. */
  readonly example?: ExampleKey;
}

/** One action's button: off while any action runs or where this host cannot run it (saying why). */
export function ActionButton({
  action,
  gateway,
  actions,
  locale,
  primary = false,
  example,
}: ActionButtonProps): JSX.Element {
  const reason = gateway.unavailable[action];
  return (
    <Button
      appearance={primary ? "primary" : "secondary"}
      disabled={actions.running !== undefined || reason !== undefined}
      title={reason}
      icon={
        actions.running === action ? (
          <Suspense fallback={null}>
            <Spinner size="tiny" />
          </Suspense>
        ) : undefined
      }
      onClick={() => void actions.run(action, example)}
    >
      {t(locale, labelKey(action))}
    </Button>
  );
}

interface Props {
  readonly gateway: GatewayFacts;
  readonly actions: ActionsState;
  readonly locale: Locale;
  /** The practice examples, once the later panels have come. */
  readonly examples?: ReactNode;
}

export function ActionsPanel({ gateway, actions, locale, examples }: Props): JSX.Element {
  const styles = usePaneStyles();
  const button = (action: ActionId, primary = false): JSX.Element => (
    <ActionButton
      key={action}
      action={action}
      gateway={gateway}
      actions={actions}
      locale={locale}
      primary={primary}
    />
  );
  const runningLabel = (a: ActionId): string =>
    t(locale, "pane.running", { action: t(locale, labelKey(a)) });
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
      <div className={styles.row}>
        {button("check", true)}
        {button("clear")}
        {button("exportWord")}
        {ACTION_NAMES.filter((a) => !PLACED.includes(a)).map((a) => button(a))}
      </div>
      {examples}
      <div>
        {actions.running && (
          <Suspense fallback={<Text>{runningLabel(actions.running)}</Text>}>
            <Spinner size="small" labelPosition="after" label={runningLabel(actions.running)} />
          </Suspense>
        )}
        {actions.message && <MessageWithDetails message={actions.message} locale={locale} />}
      </div>
    </section>
  );
}
