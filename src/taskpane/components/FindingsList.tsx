/**
 * The latest check's findings, to work through: counts and a severity filter, grouped by sheet and
 * form section (each group collapsible, with its counts), each finding with its rule in plain
 * Chinese, actual vs threshold, the method and the western mark. Clicking one, or 上一处/下一处,
 * selects its cell in the workbook; the finding in hand links to its criterion on the 认定标准
 * page. After an insert or a fill the list says it may be out of date. The list can be copied or
 * exported: as a CSV download where the host saves files, otherwise by opening the findings sheet
 * the check wrote (Office on Mac and iPad drops a download without a word).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  ToggleButton,
  mergeClasses,
  type AccordionToggleEventHandler,
} from "@fluentui/react-components";
import { useEffect, useId, useMemo, useState } from "react";
import type { Severity } from "../../domain";
import { t, type Locale } from "../../i18n";
import type { FindingRecord } from "../../findings";
import {
  countBySeverity,
  filterFindings,
  findingsCsv,
  findingsTsv,
  groupFindings,
  type SeverityFilter,
} from "../findings";
import { saveFile } from "../download";
import type { CheckOutcome, Gateway } from "../gateway/gateway";
import { usePaneStyles } from "./styles";

const BADGE: Readonly<Record<Severity, "danger" | "warning" | "informative">> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

interface Props {
  readonly outcome: CheckOutcome | undefined;
  readonly gateway: Gateway;
  readonly locale: Locale;
  /** The workbook changed through the pane since this check. */
  readonly stale: boolean;
  readonly onRecheck: () => void;
  /** Opens the 认定标准 page at a rule. */
  readonly onShowRule: (ruleId: string) => void;
}

function FindingItem({
  record,
  current,
  locale,
  onSelect,
}: {
  readonly record: FindingRecord;
  readonly current: boolean;
  readonly locale: Locale;
  readonly onSelect: () => void;
}): JSX.Element {
  const styles = usePaneStyles();
  const meta = [
    record.actualText !== undefined
      ? t(locale, "pane.findings.actual", { actual: record.actualText })
      : undefined,
    record.thresholdText !== undefined
      ? t(locale, "pane.findings.threshold", { threshold: record.thresholdText })
      : undefined,
    record.methodText,
  ].filter((m): m is string => m !== undefined);
  const cell = record.cell;
  // The button's name is its visible text (severity, sentence, where, rule, numbers), so what a
  // screen reader says is what the clerk sees.
  return (
    <li>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.finding, current && styles.current)}
        disabled={cell === undefined}
        aria-current={current ? "true" : undefined}
        onClick={onSelect}
      >
        <Badge appearance="filled" color={BADGE[record.severity]} className={styles.badge}>
          {t(locale, `severity.${record.severity}`)}
        </Badge>
        <span className={styles.findingBody}>
          <span>{record.message}</span>
          <span className={styles.meta}>
            {[cell ? `${record.sheet}!${cell}` : record.sheet, record.ruleName, ...meta].join(
              " · "
            )}
          </span>
          {/* The western mark is in the sentence itself (【西部地区可适当放宽】): no badge again. */}
        </span>
      </Button>
    </li>
  );
}

/** Groups open at first: all of a short list; only the first of a long one (a blank form). */
const OPEN_ALL_UP_TO = 30;

export function FindingsList({
  outcome,
  gateway,
  locale,
  stale,
  onRecheck,
  onShowRule,
}: Props): JSX.Element {
  const styles = usePaneStyles();
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const [note, setNote] = useState<string | undefined>(undefined);
  const records = useMemo(() => outcome?.records ?? [], [outcome]);
  const counts = countBySeverity(records);
  const shown = useMemo(() => filterFindings(records, filter), [records, filter]);
  const groups = useMemo(() => groupFindings(shown, locale), [shown, locale]);
  const located = useMemo(() => shown.filter((r) => r.cell !== undefined), [shown]);
  const [current, setCurrent] = useState<FindingRecord | undefined>(undefined);
  const [openGroups, setOpenGroups] = useState<string[]>([]);

  // A new check or another filter starts the walk again, with the groups folded as fits the list.
  useEffect(() => {
    setCurrent(undefined);
    setOpenGroups(
      shown.length <= OPEN_ALL_UP_TO
        ? groups.map((g) => g.key)
        : groups.slice(0, 1).map((g) => g.key)
    );
  }, [shown, groups]);

  const hintId = useId();
  const sheet = outcome?.findingsSheet;
  const checkedNothing = outcome !== undefined && outcome.sheets.length === 0;

  const select = (r: FindingRecord): void => {
    setCurrent(r);
    const group = groups.find((g) => g.records.includes(r));
    if (group && !openGroups.includes(group.key)) setOpenGroups([...openGroups, group.key]);
    if (r.cell) void gateway.selectCell(r.sheet, r.cell);
  };
  const at = current ? located.indexOf(current) : -1;
  const step = (by: 1 | -1): void => {
    if (located.length === 0) return;
    const next = at < 0 ? (by === 1 ? 0 : located.length - 1) : at + by;
    const r = located[Math.min(located.length - 1, Math.max(0, next))];
    if (r) select(r);
  };
  const onToggle: AccordionToggleEventHandler<string> = (_, d) => setOpenGroups(d.openItems);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(findingsTsv(shown, locale));
      setNote(t(locale, "pane.findings.copied", { count: shown.length }));
    } catch {
      setNote(
        !gateway.canDownload && sheet
          ? t(locale, "pane.findings.copyFailedSheet", { sheet })
          : t(locale, "pane.findings.copyFailed")
      );
    }
  };
  const exportCsv = (): void => {
    const name = t(locale, "pane.findings.fileName");
    saveFile(new Blob([findingsCsv(shown, locale)], { type: "text/csv;charset=utf-8" }), name);
    // The browser saves without telling the page; say where the file went, so the click shows.
    setNote(t(locale, "pane.findings.exported", { count: shown.length, name }));
  };
  const openSheet = async (target: string): Promise<void> => {
    try {
      await gateway.selectCell(target, "A1");
      setNote(t(locale, "pane.findings.opened", { sheet: target }));
    } catch {
      // The user may have deleted or renamed the sheet since the check wrote it.
      setNote(t(locale, "pane.findings.openFailed", { sheet: target }));
    }
  };

  return (
    <section className={styles.section} aria-labelledby="findings-title">
      <Text as="h2" id="findings-title" size={500} weight="semibold">
        {t(locale, "pane.findings.title")}
      </Text>
      {stale && outcome && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(locale, "pane.findings.stale")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onRecheck}>
              {t(locale, "pane.findings.recheck")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {!outcome || checkedNothing ? (
        <Text>
          {t(locale, checkedNothing ? "pane.findings.nothingChecked" : "pane.findings.notYet")}
        </Text>
      ) : (
        <>
          <div role="group" aria-label={t(locale, "pane.findings.filter")} className={styles.row}>
            {(["all", "error", "warning", "info"] as const).map((f) => (
              <ToggleButton
                key={f}
                size="small"
                checked={filter === f}
                onClick={() => setFilter(f)}
              >
                {f === "all"
                  ? t(locale, "pane.findings.all", { count: records.length })
                  : t(locale, "pane.findings.bySeverity", {
                      label: t(locale, `severity.${f}`),
                      count: counts[f],
                    })}
              </ToggleButton>
            ))}
          </div>
          {located.length > 0 && (
            <div className={styles.row}>
              <Button size="small" onClick={() => step(-1)} disabled={at === 0}>
                {t(locale, "pane.findings.previous")}
              </Button>
              <Button size="small" onClick={() => step(1)} disabled={at === located.length - 1}>
                {t(locale, "pane.findings.next")}
              </Button>
              <Text size={200} role="status">
                {at < 0
                  ? t(locale, "pane.findings.walk", { count: located.length })
                  : t(locale, "pane.findings.position", {
                      index: at + 1,
                      count: located.length,
                      cell: `${current?.sheet ?? ""}!${current?.cell ?? ""}`,
                    })}
              </Text>
              {current && (
                <Button
                  size="small"
                  appearance="transparent"
                  onClick={() => onShowRule(current.ruleId)}
                >
                  {t(locale, "pane.findings.criterion")}
                </Button>
              )}
            </div>
          )}
          <div className={styles.row}>
            <Button size="small" disabled={shown.length === 0} onClick={() => void copy()}>
              {t(locale, "pane.findings.copy")}
            </Button>
            {gateway.canDownload ? (
              <Button size="small" disabled={shown.length === 0} onClick={exportCsv}>
                {t(locale, "pane.findings.export")}
              </Button>
            ) : (
              <Button
                size="small"
                disabled={sheet === undefined}
                title={sheet === undefined ? t(locale, "pane.findings.noSheet") : undefined}
                aria-describedby={hintId}
                onClick={() => {
                  if (sheet !== undefined) void openSheet(sheet);
                }}
              >
                {t(locale, "pane.findings.openSheet")}
              </Button>
            )}
            {note && (
              <Text size={200} role="status">
                {note}
              </Text>
            )}
          </div>
          {!gateway.canDownload && (
            <Text size={200} id={hintId}>
              {sheet === undefined
                ? t(locale, "pane.findings.noSheet")
                : t(locale, "pane.findings.inSheet", {
                    sheet,
                    copy: t(locale, "pane.findings.copy"),
                  })}
            </Text>
          )}
          {outcome.problems.map((p) => (
            <MessageBar key={p.sheet} intent="warning">
              <MessageBarBody>
                {t(locale, "pane.findings.problem", { sheet: p.sheet, message: p.message })}
              </MessageBarBody>
            </MessageBar>
          ))}
          {records.length === 0 && <Text>{t(locale, "review.none")}</Text>}
          <Accordion multiple collapsible openItems={openGroups} onToggle={onToggle}>
            {groups.map((g) => {
              const c = countBySeverity(g.records);
              return (
                <AccordionItem key={g.key} value={g.key}>
                  {/* A heading per group, so a screen reader can jump from group to group. */}
                  <AccordionHeader as="h3" size="small">
                    <span className={styles.wrap}>
                      {t(locale, "pane.findings.group", {
                        sheet: g.sheet,
                        section: g.title,
                        errors: c.error,
                        warnings: c.warning,
                        infos: c.info,
                      })}
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <ul className={styles.list}>
                      {g.records.map((r, i) => (
                        <FindingItem
                          key={`${r.ruleId}-${r.cell ?? ""}-${i}`}
                          record={r}
                          current={r === current}
                          locale={locale}
                          onSelect={() => select(r)}
                        />
                      ))}
                    </ul>
                  </AccordionPanel>
                </AccordionItem>
              );
            })}
          </Accordion>
        </>
      )}
    </section>
  );
}
