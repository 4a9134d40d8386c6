/**
 * functions.json and functions.zh-CN.json as the build ships them, made here without webpack:
 * custom-functions-metadata (the generator the webpack plugin runs) on src/functions/functions.ts,
 * then webpack.config.js's own finishFunctionsMetadata, the one place that adds
 * allowErrorForDataTypeAny for both, and its zhCNFunctionsMetadata, which puts the texts of
 * src/functions/descriptions.zh-CN.json in place of the English ones.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

export interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}

export interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

export interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: Fn[];
}

// webpack.config.js is CommonJS without type declarations; this is the slice the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as {
  finishFunctionsMetadata: (generated: unknown) => Metadata;
  localizeFunctionsMetadata: (metadata: Metadata, descriptions: unknown) => Metadata;
  zhCNFunctionsMetadata: (finished: Metadata) => Metadata;
};

/** webpack.config.js's localizeFunctionsMetadata: throws on a missing or stray translation. */
export const localizeFunctionsMetadata = webpackConfig.localizeFunctionsMetadata;

export const FUNCTIONS_TS = path.join(__dirname, "../../src/functions/functions.ts");

/**
 * The generator's errors (none expected), the finished metadata (functions.json, en-US) and its
 * zh-CN translation (functions.zh-CN.json).
 */
export async function generatedMetadata(): Promise<{
  errors: string[];
  metadata: Metadata;
  zhCN: Metadata;
}> {
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_TS);
  if (generated.errors.length > 0)
    return { errors: generated.errors, metadata: { functions: [] }, zhCN: { functions: [] } };
  const metadata = webpackConfig.finishFunctionsMetadata(
    JSON.parse(generated.metadataJson) as unknown
  );
  try {
    return { errors: [], metadata, zhCN: webpackConfig.zhCNFunctionsMetadata(metadata) };
  } catch (e) {
    // An incomplete translation fails the build; here it is one more error to show.
    return { errors: [(e as Error).message], metadata, zhCN: { functions: [] } };
  }
}
