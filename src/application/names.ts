/**
 * The application's actions by name, in the order the pane shows them, apart from their code
 * (actions.ts): the pane's first screen lists them before that code has loaded.
 */
export const ACTION_NAMES = [
  "insertShenbao",
  "insertHuizong",
  "fillExample",
  "check",
  "clear",
] as const;

export type ActionName = (typeof ACTION_NAMES)[number];
