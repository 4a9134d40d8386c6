/** Sheet and table names that do not collide with the ones a workbook already has. */

export const MAX_SHEET_NAME = 31;

/** `申报表-2024`, then `申报表-2024 (2)`, … compared case-insensitively, as Excel does. */
export function uniqueName(
  base: string,
  taken: readonly string[],
  max = MAX_SHEET_NAME,
  sep = (n: number) => ` (${n})`
): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base.slice(0, max);
  for (let n = 2; ; n++) {
    const suffix = sep(n);
    const candidate = `${base.slice(0, max - suffix.length)}${suffix}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
