/**
 * Plan formulas are written in the file format's syntax, where a function newer than Excel 2007
 * carries a prefix (`_xlfn.RRI`): without it Excel, WPS and LibreOffice load the file as #NAME?.
 * The add-in API (Range.formulas) takes formulas as a user types them: there `_xlfn.RRI(…)` names an unknown
 * function and the cell shows #NAME? ("Issue: An _xlfn. prefix is displayed in front of a
 * formula", Microsoft Support). This gives the typed form; string literals are left alone.
 */
const FILE_PREFIX = /_xl(?:fn|ws)\./giu;

export function typedFormula(fileFormula: string): string {
  return fileFormula
    .split(/("(?:[^"]|"")*")/u)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(FILE_PREFIX, "")))
    .join("");
}
