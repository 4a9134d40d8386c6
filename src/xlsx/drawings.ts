/**
 * Drawings (charts, images, shapes) carried over into a copy exceljs rewrote: exceljs is given a
 * workbook without them (see forExceljs in writer.ts), so each worksheet's drawing part of the
 * original, with every part it leads to (charts, their styles, images), is copied back as it was
 * and attached to the worksheet of the same name. Chart sheets exceljs does not load, and they
 * are not carried over.
 */
import { REL, relsPathOf, XlsxPackage } from "./package";

const WORKBOOK = "xl/workbook.xml";
const TYPES = "[Content_Types].xml";
const DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** What may follow <drawing> in a worksheet (CT_Worksheet's sequence). */
const AFTER_DRAWING =
  /<(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/u;

/** Worksheet parts by sheet name. */
function worksheetParts(pkg: XlsxPackage): Map<string, string> {
  const rels = pkg.relationships(WORKBOOK);
  const out = new Map<string, string>();
  for (const [tag] of (pkg.text(WORKBOOK) ?? "").matchAll(/<sheet\b[^>]*>/gu)) {
    const name = /\sname="([^"]*)"/u.exec(tag)?.[1];
    const id = /\sr:id="([^"]*)"/u.exec(tag)?.[1];
    const rel = rels.find((r) => r.id === id && r.type === REL.worksheet && !r.external);
    if (name !== undefined && rel) out.set(name, rel.target);
  }
  return out;
}

/** `part` and every part it leads to through its relationships. */
function partsFrom(pkg: XlsxPackage, part: string, into: Set<string>): Set<string> {
  if (into.has(part) || !pkg.has(part)) return into;
  into.add(part);
  for (const r of pkg.relationships(part)) if (!r.external) partsFrom(pkg, r.target, into);
  return into;
}

/** The content type entry `original` gives `part`, added to `copy` if it has none for it. */
function declareLike(original: string, copy: string, part: string): string {
  const override = new RegExp(
    `<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}"[^>]*/>`,
    "u"
  ).exec(original);
  if (override)
    return copy.includes(`PartName="/${part}"`)
      ? copy
      : copy.replace("</Types>", `${override[0]}</Types>`);
  const ext = part.slice(part.lastIndexOf(".") + 1);
  const byExt = new RegExp(`<Default\\b[^>]*Extension="${ext}"[^>]*/>`, "iu");
  const own = byExt.exec(original);
  return own && !byExt.test(copy) ? copy.replace("</Types>", `${own[0]}</Types>`) : copy;
}

/**
 * `copy` (written by exceljs from `original` without its drawings) with each worksheet's drawing
 * of `original` back on the worksheet of the same name. A drawing whose parts' names the copy
 * already uses is left out rather than mixed with another's.
 */
export function withDrawingsOf(original: Buffer, copy: Buffer): Buffer {
  const from = new XlsxPackage(original);
  const to = new XlsxPackage(copy);
  const targets = worksheetParts(to);
  let types = to.text(TYPES) ?? "";
  const originalTypes = from.text(TYPES) ?? "";
  let changed = false;
  for (const [sheet, part] of worksheetParts(from)) {
    const target = targets.get(sheet);
    const drawing = from.relationships(part).find((r) => r.type === DRAWING_REL && !r.external);
    const xml = target === undefined ? undefined : to.text(target);
    if (target === undefined || xml === undefined || !drawing || /<drawing\b/u.test(xml)) continue;
    const parts = [...partsFrom(from, drawing.target, new Set())];
    // A name the copy already uses for other bytes: the drawing is left out, not mixed up. exceljs
    // writes the images it loaded back under their names, the same bytes.
    const same = (name: string): boolean =>
      !to.has(name) ||
      (from.bytes(name) ?? Buffer.alloc(0)).equals(to.bytes(name) ?? Buffer.alloc(0));
    if (!parts.every((name) => same(name) && same(relsPathOf(name)))) continue;
    const root = /<worksheet\b[^>]*>/u.exec(xml)?.[0] ?? "";
    const bound = root.includes(`xmlns:r="${R_NS}"`);
    if (!bound && /\sxmlns:r=/u.test(root)) continue;
    const sheetXml = bound
      ? xml
      : xml.replace(
          root,
          root.replace(/\/?>$/u, (end) => ` xmlns:r="${R_NS}"${end}`)
        );
    const dataEnd = Math.max(sheetXml.indexOf("</sheetData>"), sheetXml.indexOf("<sheetData/>"));
    const at = dataEnd < 0 ? null : AFTER_DRAWING.exec(sheetXml.slice(dataEnd));
    if (!at) continue;

    for (const name of parts) {
      if (!to.has(name)) to.putBytes(name, from.bytes(name) ?? Buffer.alloc(0));
      const rels = from.bytes(relsPathOf(name));
      if (rels && !to.has(relsPathOf(name))) to.putBytes(relsPathOf(name), rels);
      types = declareLike(originalTypes, types, name);
    }
    const id = to.relate(target, DRAWING_REL, drawing.target);
    const index = dataEnd + at.index;
    to.put(target, `${sheetXml.slice(0, index)}<drawing r:id="${id}"/>${sheetXml.slice(index)}`);
    changed = true;
  }
  if (!changed) return copy;
  to.put(TYPES, types);
  return to.toBuffer(1);
}
