/**
 * 认定标准 of the chosen batch, generated from the rules catalogue: every criterion with its
 * official wording and what a miss means (an error, a warning a western applicant may have
 * relaxed, or a note). The findings link here; a link opens the page at its rule.
 */
import { Button, Text } from "@fluentui/react-components";
import { useEffect, useId, useRef } from "react";
import { batchParams, rulesForBatch, type Rule } from "../../domain";
import { t, type Locale, type StringKey } from "../../i18n";
import { usePaneStyles } from "./styles";

export const ruleAnchor = (ruleId: string): string => `criterion-${ruleId}`;

interface Props {
  readonly batchYear: number;
  readonly locale: Locale;
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
  /** The rule to bring into view and focus when the page opens (a finding's link). */
  readonly focusRule: string | undefined;
}

const classKey = (r: Rule): StringKey => `pane.criteria.cls.${r.cls}`;

export function CriteriaPanel({
  batchYear,
  locale,
  open,
  onToggle,
  focusRule,
}: Props): JSX.Element {
  const styles = usePaneStyles();
  const listId = useId();
  const list = useRef<HTMLOListElement>(null);
  const rules = rulesForBatch(batchParams(batchYear));
  useEffect(() => {
    if (!open || !focusRule) return;
    const target = list.current?.querySelector<HTMLElement>(`#${ruleAnchor(focusRule)}`);
    target?.scrollIntoView?.({ block: "nearest" });
    target?.focus();
  }, [open, focusRule]);
  return (
    <section className={styles.section} aria-labelledby="criteria-title">
      <div className={styles.heading}>
        <Text as="h2" id="criteria-title" size={500} weight="semibold">
          {t(locale, "pane.criteria.title", { year: batchYear })}
        </Text>
        <Button
          size="small"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => onToggle(!open)}
        >
          {t(locale, open ? "pane.criteria.hide" : "pane.criteria.show")}
        </Button>
      </div>
      <ol id={listId} ref={list} className={styles.criteria} hidden={!open}>
        {rules.map((r) => (
          <li key={r.id} id={ruleAnchor(r.id)} tabIndex={-1} className={styles.criterion}>
            <Text weight="semibold">{r.wording}</Text>
            <Text size={200} className={styles.meta}>
              {t(locale, classKey(r))}
            </Text>
          </li>
        ))}
      </ol>
    </section>
  );
}
