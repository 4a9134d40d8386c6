export * from "./types";
export * from "./settings";
export * from "./catalogue";
export { recomputedLeadGrowth, ruleVerdict, type CriteriaContext, type Verdict } from "./criteria";
export { nameLooksRight } from "./formChecks";
export * from "./evaluate";
