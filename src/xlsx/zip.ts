/**
 * The zip layer under every .xlsx this project reads or writes, on Node's own zlib (native
 * deflate, inflate and CRC-32). Reading walks the central directory and inflates only the parts
 * asked for; writing copies untouched parts' compressed bytes as they are and compresses each new
 * or changed part once. exceljs writes its parts uncompressed ("STORE") and JSZip's JavaScript
 * deflate dominated writing a highlighted copy. Timestamps are fixed, so the same content always
 * gives the same bytes.
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** One entry as the central directory declares it. */
export interface ZipPart {
  readonly name: string;
  /** 0 stored, 8 deflated (anything else is refused by inspectXlsx). */
  readonly method: number;
  readonly crc: number;
  /** Compressed and unpacked sizes, as declared. */
  readonly packed: number;
  readonly size: number;
  /** Where its local header starts. */
  readonly offset: number;
}

/** A part to write: new content, or an existing part copied as it is. */
export type ZipEntry =
  | { readonly name: string; readonly data: Buffer }
  | { readonly name: string; readonly from: Buffer; readonly part: ZipPart };

/**
 * The central directory of a zip, or undefined when it is missing or damaged. ZIP64 sizes come
 * back as 0xFFFFFFFF, which the callers' limits refuse.
 */
export function centralDirectory(data: Buffer): ZipPart[] | undefined {
  if (data.length < 22) return undefined;
  // End of central directory: the last record starting with PK\5\6 (a comment may follow it).
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const parts: ZipPart[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = data.readUInt16LE(at + 28);
    parts.push({
      name: data.toString("utf8", at + 46, at + 46 + nameLength),
      method: data.readUInt16LE(at + 10),
      crc: data.readUInt32LE(at + 16),
      packed: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      offset: data.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return parts;
}

/** A part's compressed bytes, or undefined if its local header is not where it should be. */
export function packedBytes(data: Buffer, p: ZipPart): Buffer | undefined {
  const at = p.offset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50) return undefined;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (start + p.packed > data.length) return undefined;
  return data.subarray(start, start + p.packed);
}

/**
 * A part unpacked, never beyond the size it declares (so a lying directory cannot make it a zip
 * bomb); throws if the part is damaged or holds more or less than declared.
 */
export function unpack(data: Buffer, p: ZipPart): Buffer {
  const packed = packedBytes(data, p);
  if (!packed) throw new Error(`zip: ${p.name} is damaged`);
  let out: Buffer;
  if (p.method === 0) out = packed;
  else if (p.method === 8) out = inflateRawSync(packed, { maxOutputLength: Math.max(1, p.size) });
  else throw new Error(`zip: ${p.name} uses compression method ${p.method}`);
  if (out.length !== p.size) throw new Error(`zip: ${p.name} is not the size it declares`);
  return out;
}

/** 1980-01-01 00:00, the zip epoch: copies do not differ by the time they were written. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * The zip of `entries`, each new part deflated at `level` (zlib's 1 fastest … 9 smallest; 6 is
 * its default).
 */
export function zip(entries: readonly ZipEntry[], level = 6): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    let method = 8;
    let packed: Buffer;
    let crc: number;
    let size: number;
    const raw = "part" in e && e.part.method === 8 ? packedBytes(e.from, e.part) : undefined;
    if ("part" in e && raw) {
      // Already deflated: copied as it is, with the sizes and checksum it was written with.
      packed = raw;
      crc = e.part.crc;
      size = e.part.size;
    } else {
      const data = "part" in e ? unpack(e.from, e.part) : e.data;
      packed = deflateRawSync(data, { level });
      crc = crc32(data);
      size = data.length;
      // Tiny parts can grow when deflated: those are stored.
      if (packed.length >= size) {
        packed = data;
        method = 0;
      }
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // version made by
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(DOS_TIME, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
