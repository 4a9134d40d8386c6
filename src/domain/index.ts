/** The pure domain core: no Office, React or DOM. Everything host-facing builds on this. */
export * from "./batch";
export * from "./regions";
export * from "./excelError";
export * from "./growth";
export * from "./numbers";
export * from "./text";
export * from "./values";
export * from "./forms";
export * from "./rules";
export * from "./examples";
export * from "./exampleList";
export * from "./plan";
export * from "./sheets";
export * from "./criteria";
