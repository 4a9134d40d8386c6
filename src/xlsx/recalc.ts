/**
 * Formulas a file keeps no result for (a form filled by a script, never opened in a spreadsheet:
 * <c r="B33"><f>50+2</f></c> with no <v>), recalculated by headless LibreOffice in a fresh
 * profile that forces recalculation on load (src/export-node/libreoffice.ts). Each call converts
 * in its own temporary folder and profile, so parallel workers never share a soffice.
 */
import { readFileSync } from "node:fs";
import { convertWith, findSoffice } from "../export-node/libreoffice";

/**
 * The soffice to recalculate with. `option` null: none; a string: that one. Otherwise the
 * environment's JIQUN_SOFFICE decides: "none" (or "off", "0", "false") turns recalculation off,
 * as the tests of that path do; any other value is the soffice to run; unset or empty, soffice is
 * looked for on PATH and where installers put it.
 */
export function sofficeFor(
  option?: string | null,
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  if (option === null) return undefined;
  if (option !== undefined) return option;
  const set = env["JIQUN_SOFFICE"]?.trim() ?? "";
  if (/^(?:none|off|0|false)$/iu.test(set)) return undefined;
  return set !== "" ? set : findSoffice(env);
}

/** The file as LibreOffice saves it after recalculating every formula. Rejects when it fails. */
export async function recalculatedBytes(soffice: string, data: Buffer): Promise<Buffer> {
  const { output, cleanup } = await convertWith(soffice, data, "workbook.xlsx", "xlsx");
  try {
    return readFileSync(output);
  } finally {
    cleanup();
  }
}
