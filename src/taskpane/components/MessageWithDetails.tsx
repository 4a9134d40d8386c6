/** A short message in a MessageBar; the Office error code and location behind a disclosure. */
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { Fragment, useId, useState } from "react";
import { t, type Locale } from "../../i18n";
import type { ActionMessage } from "../hooks/useActions";
import { usePaneStyles } from "./styles";

export function MessageWithDetails({
  message,
  locale,
}: {
  readonly message: ActionMessage;
  readonly locale: Locale;
}): JSX.Element {
  const styles = usePaneStyles();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const details = message.details ?? [];
  return (
    <MessageBar intent={message.intent} role={message.failed ? "alert" : "status"}>
      <MessageBarBody>
        {/* A message of several lines (a criteria pack's problems) keeps them apart. */}
        {message.text.split("\n").map((line, i) => (
          <Fragment key={i}>
            {i > 0 && <br />}
            {line}
          </Fragment>
        ))}
        {details.length > 0 && (
          <>
            {" "}
            <Button
              appearance="transparent"
              size="small"
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={() => setOpen((o) => !o)}
            >
              {t(locale, "pane.error.details")}
            </Button>
            {open && (
              <pre id={detailsId} className={styles.details}>
                {details.join("\n")}
              </pre>
            )}
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
