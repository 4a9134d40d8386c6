export * from "./read";
export * from "./review";
