/**
 * The settings form behind 「修改设置」: batch, authority (with its region), how a western
 * applicant's missed hard criterion is read (with per-rule relaxed thresholds), which data years
 * share rules read. Loaded after the first screen has been painted; its summary is
 * SettingsPanel's.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
} from "@fluentui/react-components";
import { Fragment, useRef, useState } from "react";
import { checkPackDocument } from "../../application/criteria";
import {
  AUTHORITIES,
  batchParams,
  fieldById,
  findAuthority,
  findBuiltinPack,
  MAX_PACK_BYTES,
  packJson,
  rulesForBatch,
  type Rule,
} from "../../domain";
import { t, type Locale } from "../../i18n";
import {
  BATCH_CHOICES,
  BUILTIN_CRITERIA_IDS,
  customCriteriaId,
  customCriteriaName,
  LATEST_BATCH,
  reviewCriteriaId,
  type PaneSettings,
} from "../../settings/settings";
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

interface LoadMessage {
  readonly intent: "success" | "warning" | "error";
  readonly lines: readonly string[];
}

/** A file's text: File.text() where the webview has it, FileReader where it has not. */
function readText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    reader.readAsText(file);
  });
}

/**
 * What a chosen file comes to: the pack document to keep (valid, its id not a built-in's), or the
 * lines saying why not. Read on this computer only; nothing is sent anywhere.
 */
async function loadPackFile(
  file: File,
  locale: Locale,
  batchYear: number
): Promise<{ readonly doc?: unknown; readonly message: LoadMessage }> {
  const refused = (...lines: string[]) => ({ message: { intent: "error" as const, lines } });
  if (file.size > MAX_PACK_BYTES)
    return refused(
      t(locale, "pane.settings.criteria.tooLarge", {
        file: file.name,
        limit: MAX_PACK_BYTES / 1024,
      })
    );
  let text: string;
  try {
    text = await readText(file);
  } catch (e) {
    const reason = String(e instanceof Error ? e.message : e).slice(0, 160);
    return refused(t(locale, "pane.settings.criteria.unreadable", { file: file.name, reason }));
  }
  const json = packJson(text);
  if ("notJson" in json)
    return refused(
      t(locale, "pane.settings.criteria.notJson", { file: file.name, reason: json.notJson })
    );
  const { doc } = json;
  const checked = await checkPackDocument(doc, locale);
  const invalid = t(locale, "pane.settings.criteria.invalid", { file: file.name });
  if (!("pack" in checked)) return refused(invalid, ...checked.issues);
  const { pack } = checked;
  // The id names the pack in the settings and in the sheets: a built-in's would be ambiguous.
  if (findBuiltinPack(pack.id))
    return refused(
      invalid,
      t(locale, "pane.settings.criteria.builtinId", { id: JSON.stringify(pack.id) })
    );
  const loaded = t(locale, "pane.settings.criteria.loaded", { name: pack.name });
  if (pack.batchYear !== undefined && pack.batchYear !== batchYear)
    return {
      doc,
      message: {
        intent: "warning",
        lines: [
          loaded,
          t(locale, "pane.settings.criteria.batch", {
            name: pack.name,
            expected: pack.batchYear,
            given: batchYear,
          }),
        ],
      },
    };
  return { doc, message: { intent: "success", lines: [loaded] } };
}

/**
 * 评审标准: the batch's national standard, a built-in pack, or the user's own pack file, loaded
 * here and kept in the workbook's settings. A file that is not a valid pack changes nothing and
 * says why, line by line with the JSON path.
 */
function CriteriaChoice({ settings, update, locale }: Props): JSX.Element {
  const styles = usePaneStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<LoadMessage | undefined>(undefined);
  const customId = customCriteriaId(settings.customCriteria);
  // A 复核 chosen for another batch stays listed, so the choice shown is the one applied.
  const reviewIds = [
    ...new Set(
      [reviewCriteriaId(settings.batchYear), settings.criteria].filter(
        (id): id is string => id !== undefined && id.startsWith("fuhe-")
      )
    ),
  ];
  const custom =
    customId !== undefined && !findBuiltinPack(customId)
      ? { id: customId, name: customCriteriaName(settings.customCriteria) }
      : undefined;
  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setMessage(undefined);
    let r: Awaited<ReturnType<typeof loadPackFile>>;
    try {
      r = await loadPackFile(file, locale, settings.batchYear);
    } catch (e) {
      // The validator's chunk did not come (network): nothing was read into the settings.
      const reason = String(e instanceof Error ? e.message : e).slice(0, 160);
      r = {
        message: {
          intent: "error",
          lines: [t(locale, "pane.settings.criteria.unreadable", { file: file.name, reason })],
        },
      };
    }
    if (r.doc !== undefined) {
      const id = customCriteriaId(r.doc);
      if (id !== undefined) update({ customCriteria: r.doc, criteria: id });
    }
    setMessage(r.message);
  };
  return (
    <>
      <Field
        label={t(locale, "pane.settings.criteria")}
        hint={t(locale, "pane.settings.criteria.hint")}
        className={styles.shrink}
      >
        <Select
          className={styles.shrink}
          value={settings.criteria}
          onChange={(_, d) => update({ criteria: d.value })}
        >
          <option value="">
            {t(locale, "pane.settings.criteria.national", { year: settings.batchYear })}
          </option>
          {[...reviewIds, ...BUILTIN_CRITERIA_IDS].map((id) => (
            <option key={id} value={id}>
              {findBuiltinPack(id)?.name ?? id}
            </option>
          ))}
          {custom && <option value={custom.id}>{custom.name}</option>}
        </Select>
      </Field>
      <div>
        <Button size="small" onClick={() => fileInput.current?.click()}>
          {t(locale, "pane.settings.criteria.load")}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t(locale, "pane.settings.criteria.load")}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Cleared, so that choosing the same file again (after fixing it) is a change.
            void onFile(file).finally(() => {
              input.value = "";
            });
          }}
        />
      </div>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
          <MessageBarBody className={styles.wrap}>
            {message.lines.map((line, i) => (
              <Fragment key={i}>
                {i > 0 && <br />}
                {line}
              </Fragment>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

export function SettingsEditor(props: SettingsEditorProps): JSX.Element {
  const { settings, update, locale } = props;
  const styles = usePaneStyles();
  const batch = batchParams(settings.batchYear);
  const authority = findAuthority(settings.authority);
  // The chosen pack, where it is known without validating a file: its hard rules take relaxed
  // thresholds, and a pack without 「西部地区可适当放宽」 has none to set.
  const pack = settings.criteria === "" ? undefined : findBuiltinPack(settings.criteria);
  const relaxes = pack?.relaxWest ?? true;
  const hardRules = (pack?.rules ?? rulesForBatch(batch)).filter((r) => r.cls === "hard");
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
      <CriteriaChoice {...props} />
      <Field
        label={t(locale, "pane.settings.western")}
        hint={
          pack && !relaxes
            ? t(locale, "pane.settings.western.notInPack", { name: pack.name })
            : undefined
        }
      >
        <RadioGroup
          disabled={!relaxes}
          value={settings.westernMode}
          onChange={(_, d) =>
            update({ westernMode: d.value === "thresholds" ? "thresholds" : "warn" })
          }
        >
          <Radio value="warn" label={t(locale, "pane.settings.western.warn")} />
          <Radio value="thresholds" label={t(locale, "pane.settings.western.thresholds")} />
        </RadioGroup>
      </Field>
      {relaxes &&
        settings.westernMode === "thresholds" &&
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
