/**
 * The settings form behind 「修改设置」: batch, authority (with its region), how a western
 * applicant's missed hard criterion is read (with per-rule relaxed thresholds), which data years
 * share rules read. Loaded after the first screen has been painted; its summary is
 * SettingsPanel's.
 */
import { Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { useState } from "react";
import {
  AUTHORITIES,
  batchParams,
  fieldById,
  findAuthority,
  rulesForBatch,
  type Rule,
} from "../../domain";
import { t, type Locale } from "../../i18n";
import { BATCH_CHOICES, LATEST_BATCH, type PaneSettings } from "../../settings/settings";
import { usePaneStyles } from "./styles";

export interface SettingsEditorProps {
  readonly settings: PaneSettings;
  readonly update: (patch: Partial<PaneSettings>) => void;
  readonly locale: Locale;
}

type Props = SettingsEditorProps;

/** The standard threshold as people write it: 70%, 40 亿元. */
function withUnit(rule: Rule): string {
  const unit = unitOf(rule);
  if (unit === "%") return `${rule.threshold}%`;
  return unit ? `${rule.threshold} ${unit}` : String(rule.threshold);
}

/** The unit a relaxed threshold is typed in: the criterion field's, % for shares and growth. */
function unitOf(rule: Rule): string | undefined {
  const field = "field" in rule.criterion ? rule.criterion.field : undefined;
  if (!field) return undefined;
  try {
    const spec = fieldById(field);
    return spec.kind === "pct" ? "%" : spec.unit;
  } catch {
    return undefined;
  }
}

function RelaxedThreshold({
  rule,
  settings,
  update,
  locale,
}: Props & { readonly rule: Rule }): JSX.Element {
  const stored = settings.relaxedThresholds[rule.id];
  const [text, setText] = useState(stored === undefined ? "" : String(stored));
  const trimmed = text.trim();
  const invalid = trimmed !== "" && !Number.isFinite(Number(trimmed));
  const commit = (): void => {
    if (invalid) return;
    const next = { ...settings.relaxedThresholds };
    if (trimmed === "") delete next[rule.id];
    else next[rule.id] = Number(trimmed);
    update({ relaxedThresholds: next });
  };
  return (
    <Field
      label={t(locale, "pane.settings.relaxed", { rule: rule.wording })}
      hint={t(locale, "pane.settings.relaxedHint", { threshold: withUnit(rule) })}
      validationState={invalid ? "error" : "none"}
      validationMessage={invalid ? t(locale, "pane.settings.relaxedInvalid") : undefined}
    >
      <Input
        inputMode="decimal"
        value={text}
        contentAfter={unitOf(rule)}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
      />
    </Field>
  );
}

export function SettingsEditor(props: SettingsEditorProps): JSX.Element {
  const { settings, update, locale } = props;
  const styles = usePaneStyles();
  const batch = batchParams(settings.batchYear);
  const authority = findAuthority(settings.authority);
  const hardRules = rulesForBatch(batch).filter((r) => r.cls === "hard");
  return (
    <>
      {/* A select is as wide as its longest option (a later batch's explanation): it shrinks
        to the pane instead of widening it. */}
      <Field
        label={t(locale, "pane.settings.batch")}
        hint={t(locale, "batch.summary", {
          year: batch.year,
          years: batch.dataYears.join(t(locale, "pane.list.separator")),
        })}
        className={styles.shrink}
      >
        <Select
          className={styles.shrink}
          value={String(settings.batchYear)}
          onChange={(_, d) => update({ batchYear: Number(d.value) })}
        >
          {BATCH_CHOICES.map((y) => (
            <option key={y} value={String(y)}>
              {y > LATEST_BATCH ? t(locale, "pane.settings.batchDerived", { year: y }) : String(y)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t(locale, "pane.settings.authority")}
        hint={
          authority
            ? t(locale, "pane.settings.region", {
                region: t(locale, `region.${authority.region}`),
              })
            : undefined
        }
        className={styles.shrink}
      >
        <Select
          className={styles.shrink}
          value={settings.authority}
          onChange={(_, d) => update({ authority: d.value })}
        >
          <option value="">{t(locale, "pane.settings.authorityNone")}</option>
          {AUTHORITIES.map((a) => (
            <option key={a.name} value={a.name}>
              {a.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(locale, "pane.settings.western")}>
        <RadioGroup
          value={settings.westernMode}
          onChange={(_, d) =>
            update({ westernMode: d.value === "thresholds" ? "thresholds" : "warn" })
          }
        >
          <Radio value="warn" label={t(locale, "pane.settings.western.warn")} />
          <Radio value="thresholds" label={t(locale, "pane.settings.western.thresholds")} />
        </RadioGroup>
      </Field>
      {settings.westernMode === "thresholds" &&
        hardRules.map((rule) => (
          <RelaxedThreshold key={`${batch.year}:${rule.id}`} rule={rule} {...props} />
        ))}
      <Field label={t(locale, "pane.settings.share")}>
        <RadioGroup
          value={settings.shareReading}
          onChange={(_, d) =>
            update({ shareReading: d.value === "latest_year" ? "latest_year" : "every_year" })
          }
        >
          <Radio value="every_year" label={t(locale, "pane.settings.share.every_year")} />
          <Radio value="latest_year" label={t(locale, "pane.settings.share.latest_year")} />
        </RadioGroup>
      </Field>
    </>
  );
}
