export * from "./types";
export { westernNames, westernFlagFormula } from "./highlights";
export * from "./address";
export { STYLES, NUMBER_FORMATS } from "./styles";
export { buildShenbaoPlan, fieldName, derivedName } from "./shenbao";
export {
  buildHuizongPlan,
  HUIZONG_TITLE_ROW,
  huizongName,
  huizongRowCells,
  huizongRowCount,
  withHuizongRows,
} from "./huizong";
export { uniqueName, MAX_SHEET_NAME } from "./sheetName";
export { withFormValues } from "./fill";
export { typedFormula } from "./formula";
export {
  coverRectangles,
  planGrid,
  rectangleAddress,
  styleBlocks,
  type PlanGrid,
  type Rectangle,
  type StyleBlock,
} from "./blocks";
