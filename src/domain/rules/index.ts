export * from "./types";
export * from "./settings";
export * from "./catalogue";
export { recomputedLeadGrowth } from "./criteria";
export { nameLooksRight } from "./formChecks";
export * from "./evaluate";
