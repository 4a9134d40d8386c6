/**
 * functions.json: generated from the JSDoc of src/functions/functions.ts by the same generator the
 * webpack plugin runs and finished by the build's own step (generatedMetadata.ts), checked against
 * the metadata rules of learn.microsoft.com ("Manually create JSON metadata for custom functions")
 * and against a golden copy, so a changed id, type or help text is a reviewed change.
 * UPDATE_GOLDEN=1 rewrites the golden file.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as sheet from "../../src/functions/sheet";
import { excelWouldPass, inputError } from "./customFunctionsStub";
import { generatedMetadata, type Metadata } from "./generatedMetadata";

const GOLDEN = path.join(__dirname, "functions.golden.json");
const CJK = /[\u4e00-\u9fff]/u;

let metadata: Metadata;

beforeAll(async () => {
  const generated = await generatedMetadata();
  expect(generated.errors).toEqual([]);
  metadata = generated.metadata;
  if (process.env.UPDATE_GOLDEN === "1")
    writeFileSync(GOLDEN, `${JSON.stringify(metadata, null, 2)}\n`);
}, 60_000);

describe("functions.json", () => {
  it("equals the reviewed golden copy", () => {
    expect(existsSync(GOLDEN)).toBe(true);
    const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as unknown;
    expect(metadata).toEqual(golden);
    // Key order too: tools/check-build.mjs compares dist/functions.json with the golden as text.
    expect(JSON.stringify(metadata)).toBe(JSON.stringify(golden));
  });

  it("follows the documented metadata rules", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of metadata.functions) {
      // id: A-Z a-z 0-9 . _ and at most 128 characters, as the autogeneration page and Microsoft's
      // generator allow (the older manual-JSON page lists only alphanumerics and periods); never
      // changed. name: what users type after "SME.", starting with a letter.
      expect(f.id).toMatch(/^[A-Za-z0-9._]{1,128}$/u);
      expect(f.name).toMatch(/^[A-Za-z][A-Za-z0-9._]{0,127}$/u);
      expect(["number", "string", "boolean", "any", undefined]).toContain(f.result.type);
      expect(["matrix", undefined]).toContain(f.result.dimensionality);
      let optionalSeen = false;
      for (const p of f.parameters) {
        expect(p.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/u);
        expect(["number", "string", "boolean", "any"]).toContain(p.type);
        expect(["matrix", undefined]).toContain(p.dimensionality);
        // A required parameter cannot follow an optional one.
        if (p.optional) optionalSeen = true;
        else expect([f.id, p.name, optionalSeen]).toEqual([f.id, p.name, false]);
      }
    }
  });

  it("describes every function and parameter in Chinese", () => {
    for (const f of metadata.functions) {
      expect([f.id, CJK.test(f.description ?? "")]).toEqual([f.id, true]);
      for (const p of f.parameters)
        expect([f.id, p.name, CJK.test(p.description ?? "")]).toEqual([f.id, p.name, true]);
    }
  });

  it("declares exactly the functions the package exports under their Excel names", () => {
    const exported = Object.entries(sheet)
      .filter(([name, v]) => typeof v === "function" && /^[A-Z][A-Z0-9_]+$/u.test(name))
      .map(([name]) => name)
      .sort();
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(exported);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it("types results exactly: numbers, booleans, text, and spills for the array functions", () => {
    const result = Object.fromEntries(metadata.functions.map((f) => [f.id, f.result]));
    expect(result.CLUSTER_CAGR).toEqual({ type: "number" });
    expect(result.MEETS_STANDARD).toEqual({ type: "boolean" });
    expect(result.STANDARD_STATUS).toEqual({ type: "string" });
    expect(result.REVIEW).toEqual({ dimensionality: "matrix" });
    expect(result.DATA_YEARS).toEqual({ dimensionality: "matrix" });
  });

  it("lets error cells through to every range parameter, keeping its matrix dimensionality", () => {
    // A top-level switch ("Manually create JSON metadata for custom functions"): without it Excel
    // answers a range holding one error cell with that error and never calls the function, so
    // =SME.REVIEW(A1:K80) could not review a sheet with one #DIV/0!. It reaches only parameters
    // of type any (or any[][]), so every range parameter must stay any and matrix.
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    const ranges = metadata.functions.flatMap((f) =>
      f.parameters
        .filter((p) => p.dimensionality === "matrix")
        .map((p) => [f.id, p.name, p.type ?? "any"])
    );
    expect(ranges).toEqual(
      expect.arrayContaining([
        ["CLUSTER_CAGR", "values", "any"],
        ["AVG_GROWTH_PCT", "rates", "any"],
        ["MEETS_STANDARD", "values", "any"],
        ["STANDARD_STATUS", "values", "any"],
        ["REVIEW", "range", "any"],
      ])
    );
    for (const [id, name, type] of ranges) expect([id, name, type]).toEqual([id, name, "any"]);
    // The property belongs at the top, beside allowCustomDataForDataTypeAny, not in options.
    for (const f of metadata.functions)
      expect([f.id, f.options?.allowErrorForDataTypeAny]).toEqual([f.id, undefined]);
  });

  it("every parameter is of type any, so scalar arguments take error cells too", () => {
    // The switch is for the whole file; sheet.ts answers an error in a scalar argument with it.
    for (const f of metadata.functions)
      for (const p of f.parameters)
        expect([f.id, p.name, p.type ?? "any"]).toEqual([f.id, p.name, "any"]);
  });

  it("the stub refuses an error input wherever functions.json lets none through", () => {
    const args = [[[100, inputError("#DIV/0!"), 121]]];
    expect(() => excelWouldPass(metadata, "CLUSTER_CAGR", args)).not.toThrow();
    expect(() => excelWouldPass(metadata, "CLUSTER_CAGR", [[[100, 110, 121]]])).not.toThrow();
    const without: Metadata = { ...metadata, allowErrorForDataTypeAny: false };
    expect(() => excelWouldPass(without, "CLUSTER_CAGR", args)).toThrow(
      /allowErrorForDataTypeAny/u
    );
    expect(() => excelWouldPass(without, "CLUSTER_CAGR", [[[100, 121]]])).not.toThrow();
    const numberTyped: Metadata = {
      ...metadata,
      functions: metadata.functions.map((f) =>
        f.id === "PATENTS_PER_10K"
          ? { ...f, parameters: f.parameters.map((p) => ({ ...p, type: "number" })) }
          : f
      ),
    };
    expect(() => excelWouldPass(numberTyped, "PATENTS_PER_10K", [1, inputError("#N/A")])).toThrow(
      /employees/u
    );
    expect(() =>
      excelWouldPass(metadata, "PATENTS_PER_10K", [1, inputError("#N/A")])
    ).not.toThrow();
    expect(() => excelWouldPass(metadata, "NO_SUCH", [])).toThrow();
    expect(() => excelWouldPass(metadata, "REGION", ["甘肃", "x"])).toThrow(/1 arguments/u);
  });
});
