/**
 * 填入示例数据 with its example: practice data for training and demonstrations, not part of a
 * clerk's first screen, so it comes with the later panels (and Fluent's Select and Field with it).
 */
import { Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import { EXAMPLE_LIST, type ExampleKey } from "../../domain/exampleList";
import { t } from "../../i18n";
import { ActionButton, type ActionButtonProps } from "./ActionsPanel";
import { usePaneStyles } from "./styles";

export function ExampleChooser(
  props: Omit<ActionButtonProps, "action" | "example" | "primary">
): JSX.Element {
  const { locale } = props;
  const styles = usePaneStyles();
  const [example, setExample] = useState<ExampleKey>("B");
  // The example's name needs the pane's whole width; its button goes under it.
  return (
    <div className={styles.section}>
      <Field label={t(locale, "pane.example.label")} className={styles.shrink}>
        <Select
          className={styles.shrink}
          value={example}
          onChange={(_, d) => setExample(d.value as ExampleKey)}
        >
          {EXAMPLE_LIST.map((e) => (
            <option key={e.key} value={e.key}>
              {t(locale, "pane.example.option", { key: e.key, title: e.title, year: e.batchYear })}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <ActionButton {...props} action="fillExample" example={example} />
      </div>
    </div>
  );
}
