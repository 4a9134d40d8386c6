/**
 * Formulas written through the API, parsed by a formula engine (HyperFormula, GPL-3.0, a
 * devDependency used only here). Excel accepts any text after "=" and shows #NAME? in a cell whose
 * formula calls a function it does not know, such as `_xlfn.RRI(…)`: `_xlfn.` is how the file
 * format stores functions newer than Excel 2007, not what the API takes ("Issue: An _xlfn. prefix
 * is displayed in front of a formula", Microsoft Support). The host is stricter than Excel here, on
 * purpose: it refuses such a formula at the write, with InvalidArgument, so the test that wrote it
 * fails where the mistake is instead of reading a #NAME? (or a blank under IFERROR) later.
 */
import { HyperFormula } from "hyperformula";

let known: ReadonlySet<string> | undefined;
let parser: HyperFormula | undefined;

function engine(): { known: ReadonlySet<string>; parser: HyperFormula } {
  known ??= new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
  parser ??= HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  return { known, parser };
}

/** Function names called in a formula, string literals left out. */
function calledFunctions(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/gu, '""');
  return [...code.matchAll(/(?<![\w.$!'])([A-Za-z_][\w.]*)\s*\(/gu)].map((m) =>
    (m[1] as string).toUpperCase()
  );
}

/** Why Excel would not compute this formula, or undefined when it would. */
export function formulaProblem(formula: string): string | undefined {
  const { known: names, parser: hf } = engine();
  if (!formula.startsWith("=")) return `a formula must start with "=": ${formula}`;
  const unknown = calledFunctions(formula).filter((f) => !names.has(f));
  if (unknown.length > 0)
    return `unknown function ${unknown.join(", ")} (Excel shows #NAME?): ${formula}`;
  if (!hf.validateFormula(formula)) return `the formula does not parse: ${formula}`;
  return undefined;
}
