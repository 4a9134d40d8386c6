import { HIGHLIGHT_COLORS, type CellStyle, type CellStyleId } from "./types";

/** Input cells are pale yellow so a filler sees at once where to type; labels stay white. */
export const STYLES: Readonly<Record<CellStyleId, CellStyle>> = {
  title: { bold: true, fontSize: 16, hAlign: "Center", vAlign: "Center" },
  subtitle: { fontSize: 10, fontColor: "#555555", hAlign: "Center" },
  section: { bold: true, fontSize: 12, fill: "#D9E7DF", border: true, vAlign: "Center" },
  header: {
    bold: true,
    fill: "#EEF3F0",
    hAlign: "Center",
    vAlign: "Center",
    wrap: true,
    border: true,
  },
  label: { wrap: true, vAlign: "Center", border: true },
  option: { wrap: true, vAlign: "Center", border: true, fontSize: 10 },
  input: { fill: "#FFF9E6", wrap: true, vAlign: "Center", border: true },
  derived: {
    fill: "#F2F2F2",
    fontColor: "#555555",
    hAlign: "Right",
    vAlign: "Center",
    border: true,
  },
  note: { fontSize: 9, fontColor: "#666666", wrap: true, vAlign: "Top" },
  helper: { bold: true, fill: "#E8EAF6", wrap: true, vAlign: "Center", border: true },
  legendError: {
    fontSize: 9,
    fill: HIGHLIGHT_COLORS.error.fill,
    fontColor: HIGHLIGHT_COLORS.error.font,
    wrap: true,
    vAlign: "Center",
  },
  legendWarning: {
    fontSize: 9,
    fill: HIGHLIGHT_COLORS.warning.fill,
    fontColor: HIGHLIGHT_COLORS.warning.font,
    wrap: true,
    vAlign: "Center",
  },
  display: { wrap: true, vAlign: "Center", border: true },
  box: { wrap: true, vAlign: "Top", border: "sides" },
  boxHeading: { bold: true, wrap: true, vAlign: "Center", border: "sides" },
  boxBottom: { wrap: true, vAlign: "Center", border: "sidesBottom" },
  cover: { fontSize: 14, wrap: true, vAlign: "Center" },
  heading: { bold: true, fontSize: 14, hAlign: "Center", vAlign: "Center" },
  dateLine: { hAlign: "Right", vAlign: "Center", border: "sides" },
  dateLineEnd: { hAlign: "Right", vAlign: "Center", border: "sidesBottom" },
};

/**
 * The 申报表's look on paper. Its print area is the official form: no fills but the input cells'
 * (Excel and WPS print those in black and white, see the print setup), every printed text at
 * least 10.5 pt (五号, the body size of Chinese official forms), headings 12 pt (小四), the cover
 * 14 pt (四号) and its title 22 pt (二号). Text sits at the top of its cell, so a row reads left
 * to right whatever the heights (and a PDF's text comes out in the form's order). Screen-only
 * cells (校核, legend, notes) keep the shared look.
 */
export const BODY_PT = 10.5;
const TOP = { vAlign: "Top" } as const;
export const SHENBAO_STYLES: Readonly<Record<CellStyleId, CellStyle>> = {
  ...STYLES,
  title: { bold: true, fontSize: 22, hAlign: "Center", vAlign: "Center" },
  section: { bold: true, fontSize: 12, border: true, ...TOP },
  header: { bold: true, fontSize: BODY_PT, hAlign: "Center", wrap: true, border: true, ...TOP },
  label: { fontSize: BODY_PT, wrap: true, border: true, ...TOP },
  option: { fontSize: BODY_PT, wrap: true, hAlign: "Center", border: true, ...TOP },
  input: { ...STYLES.input, fontSize: BODY_PT, ...TOP },
  display: { fontSize: BODY_PT, wrap: true, border: true, ...TOP },
  box: { fontSize: BODY_PT, wrap: true, border: "sides", ...TOP },
  boxHeading: { fontSize: BODY_PT, bold: true, wrap: true, border: "sides", ...TOP },
  boxBottom: { fontSize: BODY_PT, wrap: true, border: "sidesBottom", ...TOP },
  cover: { fontSize: 14, wrap: true, ...TOP },
  dateLine: { ...STYLES.dateLine, fontSize: BODY_PT, ...TOP },
  dateLineEnd: { ...STYLES.dateLineEnd, fontSize: BODY_PT, ...TOP },
};

export const NUMBER_FORMATS = {
  text: "@",
  amount: "0.00",
  pct: '0.00"%"',
  count: "0",
  date: 'yyyy"年"m"月"d"日"',
  chars: '0" 字"',
  per10k: "0.00",
  /** A year printed as the official form writes it, 2019年, while the cell keeps the number 2019. */
  year: '0"年"',
} as const;
