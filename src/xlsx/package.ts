/**
 * An .xlsx as an Open Packaging Conventions package: parts by name, their relationships and
 * content types, read and changed as XML text. Only the parts asked for are unpacked, and parts
 * left alone are written back byte for byte (see zip.ts), which is what makes patching a copy
 * cheap next to re-serialising the whole workbook.
 */
import path from "node:path";
import { centralDirectory, unpack, zip, type ZipEntry, type ZipPart } from "./zip";

export const REL = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
} as const;

const CONTENT_TYPES = "[Content_Types].xml";

export const xmlEscape = (s: string): string =>
  s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

export const xmlUnescape = (s: string): string =>
  s
    .replace(/&apos;/gu, "'")
    .replace(/&quot;/gu, '"')
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&#x([0-9a-f]+);/giu, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/gu, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/gu, "&");

/** An attribute of the first tag in `tag` (a start tag's text). */
export const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`, "u").exec(tag);
  return m?.[1] === undefined ? undefined : xmlUnescape(m[1]);
};

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's name in the package (no leading slash); external targets are kept raw. */
  readonly target: string;
  readonly external: boolean;
}

/** xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels */
export const relsPathOf = (part: string): string =>
  path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);

export class XlsxPackage {
  private readonly parts = new Map<string, ZipPart>();
  private readonly changed = new Map<string, Buffer>();
  private readonly texts = new Map<string, string>();
  private readonly removed = new Set<string>();

  /** Throws if the bytes are no zip. */
  constructor(private readonly data: Buffer) {
    const parts = centralDirectory(data);
    if (!parts) throw new Error("zip: no central directory");
    for (const p of parts) if (!p.name.endsWith("/")) this.parts.set(p.name, p);
  }

  names(): string[] {
    return [...new Set([...this.parts.keys(), ...this.changed.keys()])].filter(
      (n) => !this.removed.has(n)
    );
  }

  has(name: string): boolean {
    return !this.removed.has(name) && (this.parts.has(name) || this.changed.has(name));
  }

  /** A part's text (UTF-8), undefined if there is no such part. */
  text(name: string): string | undefined {
    if (this.removed.has(name)) return undefined;
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const changed = this.changed.get(name);
    const part = this.parts.get(name);
    const bytes = changed ?? (part ? unpack(this.data, part) : undefined);
    if (!bytes) return undefined;
    const text = bytes.toString("utf8").replace(/^\uFEFF/u, "");
    this.texts.set(name, text);
    return text;
  }

  put(name: string, content: string): void {
    this.removed.delete(name);
    this.changed.set(name, Buffer.from(content, "utf8"));
    this.texts.set(name, content);
  }

  /** A part's bytes, undefined if there is no such part. */
  bytes(name: string): Buffer | undefined {
    if (this.removed.has(name)) return undefined;
    const changed = this.changed.get(name);
    const part = this.parts.get(name);
    return changed ?? (part ? unpack(this.data, part) : undefined);
  }

  /** A binary part (an image). */
  putBytes(name: string, content: Buffer): void {
    this.removed.delete(name);
    this.changed.set(name, content);
    this.texts.delete(name);
  }

  /** Leaves a part out of the package written (its relationships to it stay as they are). */
  remove(name: string): void {
    this.removed.add(name);
    this.changed.delete(name);
    this.texts.delete(name);
  }

  /** A part name not yet taken: `${stem}${n}${ext}` with the smallest n ≥ 1. */
  freeName(stem: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.has(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
  }

  relationships(part: string): Relationship[] {
    const xml = this.text(relsPathOf(part)) ?? "";
    const base = path.posix.dirname(part);
    return [...xml.matchAll(/<Relationship\b[^>]*>/gu)].map(([tag]) => {
      const target = attr(tag, "Target") ?? "";
      const external = attr(tag, "TargetMode") === "External";
      return {
        id: attr(tag, "Id") ?? "",
        type: attr(tag, "Type") ?? "",
        external,
        target: external
          ? target
          : target.startsWith("/")
            ? target.slice(1)
            : path.posix.normalize(path.posix.join(base, target)),
      };
    });
  }

  /** Adds a relationship from `part` to `target` (a part name); returns its new id. */
  relate(part: string, type: string, target: string): string {
    const relsPath = relsPathOf(part);
    const taken = new Set(this.relationships(part).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const relative = path.posix.relative(path.posix.dirname(part), target);
    const entry = `<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(relative)}"/>`;
    const xml =
      this.text(relsPath) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    if (!xml.includes("</Relationships>")) throw new Error(`${relsPath}: no </Relationships>`);
    this.put(relsPath, xml.replace("</Relationships>", `${entry}</Relationships>`));
    return id;
  }

  /** Declares a new part's content type (and an extension's default, if it has none yet). */
  declare(part: string, contentType: string, byExtension = false): void {
    const xml = this.text(CONTENT_TYPES);
    if (!xml?.includes("</Types>")) throw new Error(`${CONTENT_TYPES}: no </Types>`);
    const ext = path.posix.extname(part).slice(1);
    const entry = byExtension
      ? new RegExp(`<Default\\b[^>]*Extension="${ext}"`, "iu").test(xml)
        ? ""
        : `<Default Extension="${ext}" ContentType="${contentType}"/>`
      : `<Override PartName="/${xmlEscape(part)}" ContentType="${contentType}"/>`;
    if (entry) this.put(CONTENT_TYPES, xml.replace("</Types>", `${entry}</Types>`));
  }

  /**
   * The package as a zip: untouched parts copied as they are, in their order, new ones after,
   * deflated at `level` (see zip()).
   */
  toBuffer(level?: number): Buffer {
    const entries: ZipEntry[] = [];
    for (const [name, part] of this.parts) {
      if (this.removed.has(name)) continue;
      const data = this.changed.get(name);
      entries.push(data ? { name, data } : { name, from: this.data, part });
    }
    for (const [name, data] of this.changed)
      if (!this.parts.has(name)) entries.push({ name, data });
    return zip(entries, level);
  }
}
