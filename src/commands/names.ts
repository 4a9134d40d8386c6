/** The ribbon's command ids: manifest.xml's <FunctionName>s, each associated in the shared runtime. */
export const COMMAND_NAMES = [
  "insertShenbao",
  "insertHuizong",
  "checkWorkbook",
  "clearMarks",
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
