export * from "./types";
export * from "./shenbao";
export * from "./huizong";
export { fieldById, dataFields } from "./lookup";
