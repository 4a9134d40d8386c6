/**
 * Looks at a file's bytes before anything parses them: what it is (a zip-based .xlsx, an OLE
 * container as password-protected workbooks and old .xls files are, or neither) and how big it
 * would become unpacked, from the zip's central directory, then held to it: every entry is
 * inflated no further than the size it declares. Refusing here keeps a hostile or broken file
 * (zip bomb, enormous sheet, truncated download) from costing more than its limits.
 */
import { centralDirectory, unpack, type ZipPart } from "./zip";

export interface Limits {
  /** The file itself. */
  readonly maxFileBytes: number;
  /** All entries unpacked. */
  readonly maxUnpackedBytes: number;
  /** One worksheet's XML unpacked (an enormous sheet). */
  readonly maxSheetBytes: number;
  /** Unpacked ÷ packed for any entry over 1 MB unpacked. */
  readonly maxRatio: number;
}

/** Generous for real forms (a filled 申报表 is ~60 KB packed, ~600 KB unpacked). */
export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxSheetBytes: 64 * 1024 * 1024,
  maxRatio: 200,
};

export type Refusal =
  | { readonly kind: "tooLarge"; readonly bytes: number }
  | { readonly kind: "encrypted" }
  | { readonly kind: "notXlsx" }
  | { readonly kind: "corrupt" }
  | { readonly kind: "zipBomb"; readonly bytes: number }
  | { readonly kind: "enormousSheet"; readonly entry: string; readonly bytes: number };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/u;

/**
 * Whether every entry unpacks to exactly the size the central directory declares. The directory
 * is only the zip's word: a parser (JSZip, under exceljs) inflates whatever the data holds and
 * compares sizes only afterwards, so a file declaring 1 KB could hold gigabytes. unpack inflates
 * with the declared size as the output cap, which keeps that check within the limits.
 */
function truthful(data: Buffer, parts: readonly ZipPart[]): boolean {
  try {
    for (const p of parts) unpack(data, p);
    return true;
  } catch {
    // More than declared (ERR_BUFFER_TOO_LARGE), less, or no valid deflate data.
    return false;
  }
}

export function inspectXlsx(data: Buffer, limits: Limits = DEFAULT_LIMITS): Refusal | undefined {
  if (data.length > limits.maxFileBytes) return { kind: "tooLarge", bytes: data.length };
  if (OLE.every((b, i) => data[i] === b)) return { kind: "encrypted" };
  if (data.length < 22 || data.readUInt32LE(0) !== 0x04034b50) return { kind: "notXlsx" };
  const parts = centralDirectory(data);
  if (!parts) return { kind: "corrupt" };
  let unpacked = 0;
  for (const { name, packed, size } of parts) {
    // ZIP64 markers: no form needs 4 GB entries.
    if (size === 0xffffffff || packed === 0xffffffff) return { kind: "zipBomb", bytes: size };
    unpacked += size;
    if (unpacked > limits.maxUnpackedBytes) return { kind: "zipBomb", bytes: unpacked };
    if (size > 1024 * 1024 && size / Math.max(1, packed) > limits.maxRatio)
      return { kind: "zipBomb", bytes: size };
    if (SHEET.test(name) && size > limits.maxSheetBytes)
      return { kind: "enormousSheet", entry: name, bytes: size };
  }
  if (!parts.some((p) => p.name === "xl/workbook.xml")) return { kind: "notXlsx" };
  // A directory that lies about a size (a hidden bomb) or data that does not inflate: damaged.
  return truthful(data, parts) ? undefined : { kind: "corrupt" };
}
