/**
 * Formulas written through the API, parsed by a formula engine (HyperFormula, GPL-3.0, a
 * devDependency used only here). Excel accepts any text after "=" and shows #NAME? in a cell whose
 * formula calls a function it does not know, such as `_xlfn.RRI(…)`: `_xlfn.` is how the file
 * format stores functions newer than Excel 2007, not what the API takes ("Issue: An _xlfn. prefix
 * is displayed in front of a formula", Microsoft Support). The host is stricter than Excel here, on
 * purpose: it refuses such a formula at the write, with InvalidArgument, so the test that wrote it
 * fails where the mistake is instead of reading a #NAME? (or a blank under IFERROR) later.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";

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

/** A calculated cell: its value, or an error code such as #DIV/0!. */
export type Calculated = string | number | boolean | { readonly error: string };

/**
 * What the sheet's formulas evaluate to, by 0-based "row,col" key: the model does not calculate on
 * write, so a read that needs results (Range.text) asks here. Formulas reach only their own sheet,
 * as every formula the add-in writes does; a cross-sheet or named reference evaluates to an error,
 * which a test then sees.
 */
export function calculate(
  cells: ReadonlyMap<
    string,
    { readonly value: string | number | boolean; readonly formula?: string }
  >
): Map<string, Calculated> {
  let rows = 0;
  let cols = 0;
  const formulas: Array<[number, number, string]> = [];
  for (const [key, cell] of cells) {
    const [r = 0, c = 0] = key.split(",").map(Number);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
    if (cell.formula !== undefined) formulas.push([r, c, key]);
  }
  const out = new Map<string, Calculated>();
  if (formulas.length === 0) return out;
  const data: Array<Array<string | number | boolean | null>> = Array.from({ length: rows }, () =>
    Array<string | number | boolean | null>(cols).fill(null)
  );
  for (const [key, cell] of cells) {
    const [r = 0, c = 0] = key.split(",").map(Number);
    const row = data[r] as Array<string | number | boolean | null>;
    // Text that looks like a formula is a constant in the sheet; HyperFormula would parse it.
    row[c] =
      cell.formula ??
      (typeof cell.value === "string" && cell.value.startsWith("=")
        ? `'${cell.value}`
        : cell.value);
    if (row[c] === "") row[c] = null;
  }
  const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3" });
  try {
    for (const [row, col, key] of formulas) {
      const v = hf.getCellValue({ sheet: 0, row, col });
      out.set(
        key,
        v instanceof DetailedCellError ? { error: v.value } : v === null ? "" : (v as Calculated)
      );
    }
  } finally {
    hf.destroy();
  }
  return out;
}
