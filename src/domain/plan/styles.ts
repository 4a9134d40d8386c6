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
};

export const NUMBER_FORMATS = {
  text: "@",
  amount: "0.00",
  pct: '0.00"%"',
  count: "0",
  date: 'yyyy"年"m"月"d"日"',
  chars: '0" 字"',
  per10k: "0.00",
} as const;
