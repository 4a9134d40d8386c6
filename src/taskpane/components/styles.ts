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
  details: {
    margin: 0,
    whiteSpace: "pre-wrap",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
});
