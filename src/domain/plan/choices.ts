/**
 * Choices on paper: the official form prints every option with a tick box (□是 □否), and the
 * filled form ticks the chosen one (☑是 □否). The workbook keeps the choice in an easy drop-down
 * outside the print area; a printed cell shows it with a native formula (so Excel, WPS and
 * LibreOffice show it without the add-in), and the plan knows the text that formula gives, for
 * files read without calculating.
 */
import { NA_SYNONYMS } from "../forms";
import { choiceOf, tickState, type CellValue } from "../values";
import type { ChoiceDisplay } from "./types";

export const TICKED = "☑";
export const UNTICKED = "□";
/** Between the options of one choice. */
const GAP = "  ";
/** What the checker reads as a tick (values.ts tickState), as text, so paper and check agree. */
const TICK_MARKS = ["是", "√", "✓", "✔", "☑", "■", "TRUE", "1"];

const quoted = (s: string): string => `"${s.replace(/"/gu, '""')}"`;

/** The display's native formula. */
export function displayFormula(d: ChoiceDisplay): string {
  const x = `TRIM(${d.input})`;
  const box = (test: string, option: string): string =>
    `IF(${test},"${TICKED}","${UNTICKED}")&${quoted(option)}`;
  const boxes =
    d.kind === "tick"
      ? d.options.map((o) =>
          box(`ISNUMBER(MATCH(${x},{${TICK_MARKS.map(quoted).join(",")}},0))`, o)
        )
      : d.options.map((o) =>
          box(
            (NA_SYNONYMS as readonly string[]).includes(o)
              ? `OR(${NA_SYNONYMS.map((n) => `${x}=${quoted(n)}`).join(",")})`
              : `${x}=${quoted(o)}`,
            o
          )
        );
  return `=${boxes.join(`&${quoted(GAP)}&`)}${d.after ? `&${quoted(` ${d.after}`)}` : ""}`;
}

/** The text the display shows for an input value (what its formula computes). */
export function displayText(d: ChoiceDisplay, value: CellValue): string {
  const chosen = d.kind === "tick" ? undefined : choiceOf(value);
  const boxes = d.options.map((o) => {
    const on = d.kind === "tick" ? tickState(value) === true : chosen === o;
    return `${on ? TICKED : UNTICKED}${o}`;
  });
  return boxes.join(GAP) + (d.after ? ` ${d.after}` : "");
}
