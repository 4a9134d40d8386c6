/**
 * Looks at a file's bytes before anything parses them: what it is (a zip-based .xlsx, an OLE
 * container as password-protected workbooks and old .xls files are, or neither) and how big it
 * would become unpacked, from the zip's central directory, then held to it: every entry is
 * inflated no further than the size it declares. Refusing here keeps a hostile or broken file
 * (zip bomb, enormous sheet, truncated download) from costing more than its limits.
 */
import { inflateRawSync } from "node:zlib";

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

interface Entry {
  readonly method: number;
  readonly packed: number;
  readonly size: number;
  /** Where its local header starts. */
  readonly offset: number;
}

/**
 * Whether an entry unpacks to exactly the size the central directory declares. The directory is
 * only the zip's word: a parser (JSZip, under exceljs) inflates whatever the data holds and
 * compares sizes only afterwards, so a file declaring 1 KB could hold gigabytes. Inflating with
 * the declared size as the output cap keeps that check within what the limits already allowed.
 */
function truthful(data: Buffer, e: Entry): boolean {
  const at = e.offset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50) return false;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (start + e.packed > data.length) return false;
  if (e.method === 0) return e.packed === e.size;
  if (e.method !== 8) return false;
  try {
    return (
      inflateRawSync(data.subarray(start, start + e.packed), {
        maxOutputLength: Math.max(1, e.size),
      }).length === e.size
    );
  } catch {
    // More than declared (ERR_BUFFER_TOO_LARGE), or no valid deflate data.
    return false;
  }
}

export function inspectXlsx(data: Buffer, limits: Limits = DEFAULT_LIMITS): Refusal | undefined {
  if (data.length > limits.maxFileBytes) return { kind: "tooLarge", bytes: data.length };
  if (OLE.every((b, i) => data[i] === b)) return { kind: "encrypted" };
  if (data.length < 22 || data.readUInt32LE(0) !== 0x04034b50) return { kind: "notXlsx" };
  // End of central directory: the last record starting with PK\5\6 (a comment may follow it).
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { kind: "corrupt" };
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  let unpacked = 0;
  let hasWorkbook = false;
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) return { kind: "corrupt" };
    const method = data.readUInt16LE(at + 10);
    const packed = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const name = data.toString("utf8", at + 46, at + 46 + nameLength);
    // ZIP64 markers: no form needs 4 GB entries.
    if (size === 0xffffffff || packed === 0xffffffff) return { kind: "zipBomb", bytes: size };
    unpacked += size;
    if (unpacked > limits.maxUnpackedBytes) return { kind: "zipBomb", bytes: unpacked };
    if (size > 1024 * 1024 && size / Math.max(1, packed) > limits.maxRatio)
      return { kind: "zipBomb", bytes: size };
    if (SHEET.test(name) && size > limits.maxSheetBytes)
      return { kind: "enormousSheet", entry: name, bytes: size };
    if (name === "xl/workbook.xml") hasWorkbook = true;
    entries.push({ method, packed, size, offset: data.readUInt32LE(at + 42) });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  if (!hasWorkbook) return { kind: "notXlsx" };
  // A directory that lies about a size (a hidden bomb) or data that does not inflate: damaged.
  return entries.every((e) => truthful(data, e)) ? undefined : { kind: "corrupt" };
}
