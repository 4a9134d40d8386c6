/**
 * functions.json: generated from the JSDoc of src/functions/functions.ts by the same generator the
 * webpack plugin runs, checked against the metadata rules of learn.microsoft.com ("Manually create
 * JSON metadata for custom functions") and against a golden copy, so a changed id, type or help
 * text is a reviewed change. UPDATE_GOLDEN=1 rewrites the golden file.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as sheet from "../../src/functions/sheet";

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
}

const GOLDEN = path.join(__dirname, "functions.golden.json");
const CJK = /[\u4e00-\u9fff]/u;

let metadata: { functions: Fn[] };

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(
    path.join(__dirname, "../../src/functions/functions.ts")
  );
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson) as { functions: Fn[] };
  if (process.env.UPDATE_GOLDEN === "1")
    writeFileSync(GOLDEN, `${JSON.stringify(metadata, null, 2)}\n`);
}, 60_000);

describe("functions.json", () => {
  it("equals the reviewed golden copy", () => {
    expect(existsSync(GOLDEN)).toBe(true);
    expect(metadata).toEqual(JSON.parse(readFileSync(GOLDEN, "utf8")) as unknown);
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
});
