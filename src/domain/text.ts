/**
 * Character counting, by default: Unicode code points after trimming leading and
 * trailing white space (full-width space included). Excel's LEN counts UTF-16 units, so a
 * character outside the BMP counts twice there; this count is the authority.
 */
export function codePointLength(text: string): number {
  return Array.from(text.trim()).length;
}
