/**
 * The Chinese (zh-CN) help texts of the worksheet functions, keyed by function id and parameter
 * name. functions.ts's JSDoc is English and generates functions.json, the manifest's default
 * (en-US); webpack.config.js (localizeFunctionsMetadata) makes functions.zh-CN.json from it by
 * putting these texts in place of the English ones, and refuses to build when one is missing or
 * names a function or parameter that does not exist. Ids, names, parameters and types are the
 * same in both files: only what Excel shows as help changes with the locale.
 *
 * The texts live in descriptions.zh-CN.json because webpack.config.js, plain CommonJS run before
 * any TypeScript is compiled, reads them; this module types them, so a function added to sheet.ts
 * without a Chinese entry fails typecheck (a parameter without one fails test/functions and the
 * build).
 */
import type * as sheet from "./sheet";
import table from "./descriptions.zh-CN.json";

/** The custom function ids: sheet.ts's exported functions named in capitals, as Excel names them. */
export type FunctionId = {
  [K in keyof typeof sheet]: K extends Uppercase<K>
    ? (typeof sheet)[K] extends (...args: never[]) => unknown
      ? K
      : never
    : never;
}[keyof typeof sheet];

export interface FunctionDescriptions {
  /** The function's description, full-width punctuation in Chinese text. */
  readonly description: string;
  /** Each parameter's description, by the parameter's name in functions.json. */
  readonly parameters: Readonly<Record<string, string>>;
}

export const ZH_CN_DESCRIPTIONS: Readonly<Record<FunctionId, FunctionDescriptions>> = table;
