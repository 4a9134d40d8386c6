/**
 * functions.json as the build ships it, made here without webpack: custom-functions-metadata (the
 * generator the webpack plugin runs) on src/functions/functions.ts, then webpack.config.js's own
 * finishFunctionsMetadata, the one place that adds allowErrorForDataTypeAny for both.
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
};

export const FUNCTIONS_TS = path.join(__dirname, "../../src/functions/functions.ts");

/** The generator's errors (none expected) and the finished metadata. */
export async function generatedMetadata(): Promise<{ errors: string[]; metadata: Metadata }> {
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_TS);
  if (generated.errors.length > 0) return { errors: generated.errors, metadata: { functions: [] } };
  return {
    errors: [],
    metadata: webpackConfig.finishFunctionsMetadata(JSON.parse(generated.metadataJson) as unknown),
  };
}
