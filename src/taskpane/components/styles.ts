/** Shared layout styles (Fluent tokens only, so themes and high contrast apply). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: "640px",
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    // A class's display beats the browser's rule for the hidden attribute, so a collapsed
    // disclosure (修改设置, 认定标准) would stay on screen and in the tab order.
    "[hidden]": { display: "none" },
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "end",
  },
  /** A field in a row that may shrink to the pane's width (a select widens to its longest option). */
  grow: {
    flexGrow: 1,
    flexBasis: "12em",
    minWidth: 0,
  },
  shrink: {
    minWidth: 0,
    maxWidth: "100%",
  },
  badge: {
    flexShrink: 0,
    whiteSpace: "nowrap",
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  finding: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    height: "auto",
  },
  findingBody: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    fontWeight: tokens.fontWeightRegular,
  },
  meta: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  /** A section title with its button on the same line, wrapping under it when narrow. */
  heading: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  guide: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  criteria: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    "[hidden]": { display: "none" },
  },
  criterion: {
    display: "flex",
    flexDirection: "column",
    ":focus": {
      outlineStyle: "solid",
      outlineWidth: "2px",
      outlineColor: tokens.colorBrandStroke1,
    },
  },
  /** The finding 上一处/下一处 stopped at. */
  current: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
  },
  /** Wrapped words: long labels and file names break instead of widening the pane. */
  wrap: {
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  details: {
    margin: 0,
    whiteSpace: "pre-wrap",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});
