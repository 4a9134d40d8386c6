export * from "./records";
export * from "./marks";
export * from "./findingsPlan";
