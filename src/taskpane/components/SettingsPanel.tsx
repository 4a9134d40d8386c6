/**
 * Settings set once per workbook: batch, authority (with its region), reading choices. At the top
 * of the pane, because the batch decides what 插入申报表 inserts: a one-line summary that opens
 * for editing, and a visible line each time a change is saved. The form itself
 * (SettingsEditor) comes with the panels loaded after the first screen.
 */
import { Button, Text } from "@fluentui/react-components";
import { useId, useState, type ComponentType } from "react";
import { batchParams, findAuthority } from "../../domain";
import { t, type Locale } from "../../i18n";
import {
  BUILTIN_CRITERIA_SHORT,
  customCriteriaName,
  reviewRecognitionYear,
  type PaneSettings,
} from "../../settings/settings";
import type { SettingsEditorProps } from "./SettingsEditor";
import { usePaneStyles } from "./styles";

interface PanelProps {
  readonly settings: PaneSettings;
  readonly update: (patch: Partial<PaneSettings>) => void;
  readonly locale: Locale;
  /** Saves that went through since the pane opened (each one is confirmed). */
  readonly saved: number;
  /** Where they went: the workbook (in Excel) or this computer only. */
  readonly savedKey: "pane.settings.saved" | "pane.settings.savedLocal";
  /** The form, once its chunk has come; until then an open form says it is loading. */
  readonly Editor: ComponentType<SettingsEditorProps> | undefined;
}

/**
 * The chosen 评审标准 in a few words, when it is not the batch's national standard (which the
 * batch already says): short names written here, so the first chunk does not carry the packs.
 */
export function criteriaShort(settings: PaneSettings, locale: Locale): string | undefined {
  if (settings.criteria === "") return undefined;
  const recognised = reviewRecognitionYear(settings.criteria);
  if (recognised !== undefined)
    return t(locale, "pane.settings.criteria.short.review", { recognised });
  const short = BUILTIN_CRITERIA_SHORT[settings.criteria];
  if (short) return t(locale, short);
  return customCriteriaName(settings.customCriteria) || settings.criteria;
}

export function SettingsPanel(props: PanelProps): JSX.Element {
  const { settings, update, locale, saved, savedKey, Editor } = props;
  const styles = usePaneStyles();
  const [open, setOpen] = useState(false);
  const formId = useId();
  const batch = batchParams(settings.batchYear);
  const authority = findAuthority(settings.authority);
  const criteria = criteriaShort(settings, locale);
  const summary =
    t(locale, "pane.settings.summary", {
      year: batch.year,
      authority: authority?.name ?? t(locale, "pane.settings.authorityNone"),
      western: t(locale, `pane.settings.western.${settings.westernMode}.short`),
    }) +
    (criteria === undefined ? "" : t(locale, "pane.settings.summary.criteria", { name: criteria }));
  return (
    <section className={styles.section} aria-labelledby="settings-title">
      <div className={styles.heading}>
        <Text as="h2" id="settings-title" size={500} weight="semibold">
          {t(locale, "pane.settings.title")}
        </Text>
        <Button
          size="small"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => setOpen(!open)}
        >
          {t(locale, open ? "pane.settings.close" : "pane.settings.edit")}
        </Button>
      </div>
      <Text className={styles.wrap}>{summary}</Text>
      {saved > 0 && (
        <Text size={200} role="status">
          {t(locale, savedKey)}
        </Text>
      )}
      <div id={formId} className={styles.section} hidden={!open}>
        {open &&
          (Editor ? (
            <Editor settings={settings} update={update} locale={locale} />
          ) : (
            <Text role="status">{t(locale, "pane.loading")}</Text>
          ))}
      </div>
    </section>
  );
}
