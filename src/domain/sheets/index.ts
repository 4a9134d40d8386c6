export * from "./read";
export * from "./evaluate";
