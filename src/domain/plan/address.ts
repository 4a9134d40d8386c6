/** A1-notation helpers (1-based rows and columns). */

export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const cell = (row: number, col: number): string => `${columnLetter(col)}${row}`;

export function area(row: number, col: number, rows = 1, cols = 1): string {
  const start = cell(row, col);
  return rows === 1 && cols === 1 ? start : `${start}:${cell(row + rows - 1, col + cols - 1)}`;
}

/** Absolute form ($B$5:$D$5), as names and conditional-format formulas want it. */
export const absolute = (address: string): string => address.replace(/([A-Z]+)(\d+)/gu, "$$$1$$$2");

/**
 * A sheet name as a reference writes it, the one quoting every reference this project builds
 * goes through: bare when Excel would leave it bare (Sheet1), else in apostrophes with each
 * apostrophe inside doubled ('O''Brien', '申报表-2024'). A name that reads as a cell (A1), an
 * R1C1 reference (R1C1, R, C2) or a boolean is quoted too, or the reference would mean that.
 */
export function quoteSheet(sheet: string): string {
  const bare =
    /^[A-Za-z_][A-Za-z0-9_.]*$/u.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/u.test(sheet) &&
    !/^(?:[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*)$/u.test(sheet) &&
    !/^(?:true|false)$/iu.test(sheet);
  return bare ? sheet : `'${sheet.replace(/'/gu, "''")}'`;
}

/** A reference to `address` on `sheet` ('申报表-2024'!$B$5). */
export const sheetRef = (sheet: string, address: string): string =>
  `${quoteSheet(sheet)}!${address}`;

/**
 * The sheet a reference names, unquoted ('O''Brien'!$A$1 → O'Brien); undefined when it names
 * none (a bare address or constant) or more than one (a union across sheets). A reference
 * across a span of sheets ('申报表:汇总'!A1) gives the span, which is no sheet's name.
 */
export function sheetOfReference(reference: string): string | undefined {
  const sheets = new Set<string>();
  const body = reference.replace(/^=/u, "").trim();
  for (const m of body.matchAll(/(?:'((?:[^']|'')+)'|([^'!,\s()]+))!/gu))
    sheets.add(m[1] !== undefined ? m[1].replace(/''/gu, "'") : (m[2] ?? ""));
  return sheets.size === 1 ? [...sheets][0] : undefined;
}

/** The same cells `by` rows lower (higher when negative), $ kept. */
export const shiftRows = (address: string, by: number): string =>
  address.replace(
    /(\$?[A-Z]+\$?)(\d+)/gu,
    (_, column: string, row: string) => `${column}${Number(row) + by}`
  );

/** 1-based row and column of an A1 cell address ($ allowed). */
export function parseCell(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/u.exec(address);
  if (!m) throw new Error(`Not an A1 cell address: ${address}`);
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** Every cell of an A1 range ($ allowed), row by row: the order named ranges hold values in. */
export function cellsIn(address: string): { row: number; col: number; address: string }[] {
  const [a, b = a] = address.replace(/\$/gu, "").split(":") as [string, string?];
  const start = parseCell(a);
  const end = parseCell(b);
  const out: { row: number; col: number; address: string }[] = [];
  for (let row = start.row; row <= end.row; row++) {
    for (let col = start.col; col <= end.col; col++)
      out.push({ row, col, address: cell(row, col) });
  }
  return out;
}
