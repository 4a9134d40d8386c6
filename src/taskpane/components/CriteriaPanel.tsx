/**
 * The criteria the actions apply: the chosen batch's 认定标准, generated from the rules catalogue,
 * or the criteria pack chosen in the settings (a built-in at once, the user's own once validated;
 * an invalid one leaves the national standard listed, with a note): every criterion with its
 * wording and what a miss means (an error, a warning a western applicant may have relaxed, or a
 * note). The findings link here; a link opens the page at its rule.
 */
import { Button, Text } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { criteriaOf, type CriteriaChoice } from "../../application/criteria";
import { batchParams, findBuiltinPack, rulesForBatch, type Rule } from "../../domain";
import { t, type Locale, type StringKey } from "../../i18n";
import type { PaneSettings } from "../../settings/settings";
import { usePaneStyles } from "./styles";

export const ruleAnchor = (ruleId: string): string => `criterion-${ruleId}`;

interface Props {
  /** The batch and the criteria pack chosen. */
  readonly settings: PaneSettings;
  readonly locale: Locale;
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
  /** The rule to bring into view and focus when the page opens (a finding's link). */
  readonly focusRule: string | undefined;
}

const classKey = (r: Rule): StringKey => `pane.criteria.cls.${r.cls}`;

/**
 * The pack the settings choose, as the actions will resolve it: a built-in (or none) at once, the
 * user's own after its validation (undefined until then).
 */
function useChoice(settings: PaneSettings, locale: Locale): CriteriaChoice | undefined {
  const { criteria, customCriteria, batchYear } = settings;
  const builtin = criteria === "" ? undefined : findBuiltinPack(criteria);
  const immediate: CriteriaChoice | undefined =
    criteria === "" ? {} : builtin ? { pack: builtin } : undefined;
  const [resolved, setResolved] = useState<
    { readonly of: readonly unknown[]; readonly choice: CriteriaChoice } | undefined
  >(undefined);
  const of = [criteria, customCriteria, batchYear, locale] as const;
  const current = resolved?.of.every((v, i) => v === of[i]) ? resolved.choice : undefined;
  const pending = immediate === undefined && current === undefined;
  useEffect(() => {
    if (!pending) return undefined;
    let live = true;
    const done = (choice: CriteriaChoice): void => {
      if (live) setResolved({ of: [criteria, customCriteria, batchYear, locale], choice });
    };
    // The validator's chunk not coming leaves the national standard listed.
    criteriaOf(settings, locale).then(done, () => done({}));
    return () => {
      live = false;
    };
  }, [pending, criteria, customCriteria, batchYear, locale, settings]);
  return immediate ?? current;
}

export function CriteriaPanel({ settings, locale, open, onToggle, focusRule }: Props): JSX.Element {
  const styles = usePaneStyles();
  const listId = useId();
  const list = useRef<HTMLOListElement>(null);
  const { batchYear } = settings;
  const choice = useChoice(settings, locale);
  const pack = choice && "pack" in choice ? choice.pack : undefined;
  const invalid = choice && "issues" in choice ? choice.name : undefined;
  const rules = pack ? pack.rules : rulesForBatch(batchParams(batchYear));
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
          {pack
            ? t(locale, "pane.settings.criteria.panelTitle", { name: pack.name, year: batchYear })
            : t(locale, "pane.criteria.title", { year: batchYear })}
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
      {invalid !== undefined && open && (
        <Text className={styles.wrap} role="note">
          {t(locale, "pane.settings.criteria.panelInvalid", { name: invalid })}
        </Text>
      )}
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
