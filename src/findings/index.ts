export * from "./records";
export * from "./marks";
export * from "./findingsPlan";
export * from "./conclusions";
