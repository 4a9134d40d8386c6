/**
 * STAND-IN (see index.tsx): the body of the reference task pane, our own code. It uses every
 * Fluent v9 component, style helper and icon the template's App, Header, HeroList and
 * TextInsertion import, and nothing else.
 */
import {
  Button,
  Field,
  Image,
  makeStyles,
  Textarea,
  tokens,
  type TextareaProps,
} from "@fluentui/react-components";
import { DesignIdeas24Regular, LockOpen24Regular, Ribbon24Regular } from "@fluentui/react-icons";
import * as React from "react";
import { useState } from "react";

const useClasses = makeStyles({
  page: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  banner: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    paddingTop: tokens.spacingVerticalXXL,
    paddingBottom: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  bannerText: { fontSize: tokens.fontSizeHero800, fontWeight: tokens.fontWeightRegular },
  intro: {
    fontSize: tokens.fontSizeBase400,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
  points: { listStyleType: "none", paddingLeft: 0, marginTop: tokens.spacingVerticalL },
  point: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalL,
    fontSize: tokens.fontSizeBase300,
  },
  form: { display: "flex", flexDirection: "column", alignItems: "center" },
  field: { margin: tokens.spacingHorizontalXL, maxWidth: "50%" },
  note: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS },
});

const POINTS: ReadonlyArray<[React.ReactElement, string]> = [
  [<Ribbon24Regular key="ribbon" />, "Work from the ribbon"],
  [<LockOpen24Regular key="lock" />, "Open up more of the workbook"],
  [<DesignIdeas24Regular key="ideas" />, "Lay out data with ideas"],
];

async function writeToSelection(text: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.getSelectedRange().values = [[text]];
    await context.sync();
  });
}

export function ReferencePane({ heading }: { heading: string }): React.ReactElement {
  const classes = useClasses();
  const [draft, setDraft] = useState("Hello from the task pane.");
  const onDraft: TextareaProps["onChange"] = (_event, data) => setDraft(data.value);

  return (
    <main className={classes.page}>
      <header className={classes.banner}>
        <Image src="assets/logo-filled.png" alt={heading} width={90} height={90} />
        <h1 className={classes.bannerText}>{heading}</h1>
      </header>
      <section>
        <h2 className={classes.intro}>What this add-in does</h2>
        <ul className={classes.points}>
          {POINTS.map(([icon, label]) => (
            <li key={label} className={classes.point}>
              {icon}
              <span>{label}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className={classes.form}>
        <Field className={classes.field} size="large" label="Text to put in the selected cell">
          <Textarea size="large" value={draft} onChange={onDraft} />
        </Field>
        <Field className={classes.note}>Press the button to write it.</Field>
        <Button appearance="primary" size="large" onClick={() => void writeToSelection(draft)}>
          Write text
        </Button>
      </section>
    </main>
  );
}
