/**
 * Criteria packs without their validator: the pane and the functions can name and use packs
 * without loading the schema library; a pack file is validated by ./schema, which only the
 * command line imports for now.
 */
export * from "./types";
export * from "./resolve";
export * from "./builtin";
export * from "./file";
