/**
 * The latest check's findings: counts and a severity filter, grouped by sheet and form section,
 * each with its rule in plain Chinese, actual vs threshold, the method and the western mark.
 * Clicking one selects its cell in the workbook. The list can be copied or exported: as a CSV
 * download where the host saves files, otherwise by opening the findings sheet the check wrote
 * (Office on Mac and iPad drops a download without a word, so the pane never offers one there).
 */
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
} from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
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
}

function FindingItem({
  record,
  gateway,
  locale,
}: {
  readonly record: FindingRecord;
  readonly gateway: Gateway;
  readonly locale: Locale;
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
  const metaId = useId();
  return (
    <li>
      <Button
        appearance="subtle"
        className={styles.finding}
        disabled={cell === undefined}
        aria-label={
          cell
            ? `${t(locale, `severity.${record.severity}`)} ${record.message} ${t(locale, "pane.findings.locate", { sheet: record.sheet, cell })}`
            : undefined
        }
        aria-describedby={metaId}
        onClick={() => {
          if (cell) void gateway.selectCell(record.sheet, cell);
        }}
      >
        <Badge appearance="filled" color={BADGE[record.severity]} className={styles.badge}>
          {t(locale, `severity.${record.severity}`)}
        </Badge>
        <span className={styles.findingBody}>
          <span>{record.message}</span>
          <span className={styles.meta} id={metaId}>
            {[cell ? `${record.sheet}!${cell}` : record.sheet, record.ruleName, ...meta].join(
              " · "
            )}
          </span>
          {record.relaxed && (
            <Badge appearance="tint" color="warning" className={styles.badge}>
              {t(locale, "relaxed.note")}
            </Badge>
          )}
        </span>
      </Button>
    </li>
  );
}

export function FindingsList({ outcome, gateway, locale }: Props): JSX.Element {
  const styles = usePaneStyles();
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const [note, setNote] = useState<string | undefined>(undefined);
  const tabsId = useId();
  const records = useMemo(() => outcome?.records ?? [], [outcome]);
  const counts = countBySeverity(records);
  const shown = useMemo(() => filterFindings(records, filter), [records, filter]);
  const groups = useMemo(() => groupFindings(shown, locale), [shown, locale]);

  const hintId = useId();
  const sheet = outcome?.findingsSheet;

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
      {!outcome ? (
        <Text>{t(locale, "pane.findings.notYet")}</Text>
      ) : (
        <>
          <TabList
            aria-label={t(locale, "pane.findings.filter")}
            selectedValue={filter}
            onTabSelect={(_, d) => setFilter(d.value as SeverityFilter)}
          >
            <Tab value="all" id={`${tabsId}-all`}>
              {t(locale, "pane.findings.all", { count: records.length })}
            </Tab>
            {(["error", "warning", "info"] as const).map((s) => (
              <Tab key={s} value={s} id={`${tabsId}-${s}`}>
                {t(locale, "pane.findings.bySeverity", {
                  label: t(locale, `severity.${s}`),
                  count: counts[s],
                })}
              </Tab>
            ))}
          </TabList>
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
          <div role="tabpanel" aria-labelledby={`${tabsId}-${filter}`} className={styles.section}>
            {records.length === 0 && outcome.sheets.length > 0 && (
              <Text>{t(locale, "review.none")}</Text>
            )}
            {groups.map((g) => (
              <div key={g.key} className={styles.section}>
                <Text as="h3" size={400} weight="semibold">
                  {`${g.sheet} · ${g.title}`}
                </Text>
                <ul className={styles.list}>
                  {g.records.map((r, i) => (
                    <FindingItem
                      key={`${r.ruleId}-${r.cell ?? ""}-${i}`}
                      record={r}
                      gateway={gateway}
                      locale={locale}
                    />
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
