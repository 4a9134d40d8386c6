/**
 * The lint rule that keeps src/domain pure actually fires: a domain file reaching for Office,
 * React or the DOM is a lint error, while the same code elsewhere in src is allowed.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");
// eslint's package "exports" hide bin/; the path inside node_modules is stable.
const eslintBin = path.join(root, "node_modules", "eslint", "bin", "eslint.js");

interface LintMessage {
  ruleId: string | null;
  severity: number;
}

/** Runs the project's real ESLint configuration (an ES module jest cannot load) on a snippet. */
function lint(code: string, filePath: string): LintMessage[] {
  const r = spawnSync(
    process.execPath,
    [eslintBin, "--stdin", "--stdin-filename", filePath, "--format", "json"],
    {
      cwd: root,
      input: code,
      encoding: "utf8",
    }
  );
  const [result] = JSON.parse(r.stdout) as { messages: LintMessage[] }[];
  return result?.messages ?? [];
}

const ruleIds = async (code: string, filePath: string): Promise<string[]> =>
  lint(code, filePath).map((m) => m.ruleId ?? "fatal");

describe("src/domain stays pure", () => {
  it.each([
    [
      'import { FluentProvider } from "@fluentui/react-components";\nexport const x = FluentProvider;\n',
      "no-restricted-imports",
    ],
    ['import React from "react";\nexport const x = React;\n', "no-restricted-imports"],
    ["export const x = (): unknown => Excel.run;\n", "no-restricted-globals"],
    ["export const x = (): unknown => document.body;\n", "no-restricted-globals"],
    ['import { t } from "../i18n";\nexport const x = t;\n', "no-restricted-imports"],
  ])("%s is rejected in src/domain", async (code, rule) => {
    expect(await ruleIds(code, "src/domain/probe.ts")).toContain(rule);
  });

  it("the same Office call is allowed outside the domain", async () => {
    expect(
      await ruleIds("export const x = (): unknown => Excel.run;\n", "src/excel/probe.ts")
    ).toEqual([]);
  });

  it("Office batching rules are errors: a sync inside a loop fails lint", () => {
    const code = [
      "export async function f(context: Excel.RequestContext, names: string[]): Promise<void> {",
      "  for (const n of names) {",
      "    context.workbook.worksheets.add(n);",
      "    await context.sync();",
      "  }",
      "}",
      "",
    ].join("\n");
    const sync = lint(code, "src/excel/probe.ts").find(
      (m) => m.ruleId === "office-addins/no-context-sync-in-loop"
    );
    expect(sync?.severity).toBe(2);
  });

  it("`any` is a lint error", async () => {
    expect(
      await ruleIds("export const x = (v: any): unknown => v;\n", "src/excel/probe.ts")
    ).toContain("@typescript-eslint/no-explicit-any");
  });
});
