/**
 * The highlighted copy written by patching the original file: the 「审查结果」 sheet, the static
 * marks and the notes are added as new parts and small insertions into the checked sheets, the
 * workbook part and the styles part; every other part is copied byte for byte. That is a few
 * milliseconds per file where re-serialising the workbook through exceljs took about as long as
 * reading it (the batch review's budget is 1.5× the time exceljs alone takes to read the files).
 *
 * It handles the common case, a workbook no check has touched and without notes; anything else
 * (an earlier check's output to clear, notes of the user's to keep, XML laid out in ways this
 * text-level patch does not expect) gives a reason instead, and annotate.ts rewrites the workbook
 * through exceljs instead. Both give the same sheet, marks, notes and names (test/xlsx/patch.test.ts).
 */
import type { CheckReport } from "../application/check";
import { parseCell, uniqueName } from "../domain";
import { t, type Locale } from "../i18n";
import { FINDINGS_NAME, MARK_FORMULA, MARK_TAG, type CellMark } from "../findings";
import { attr, CONTENT_TYPE, REL, xmlEscape, XlsxPackage } from "./package";
import { planSheetXml } from "./planXml";
import { StylesPart } from "./styles";
import { withDefinedNames } from "./writer";

const WORKBOOK = "xl/workbook.xml";
const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Elements that may follow <conditionalFormatting> in a worksheet (CT_Worksheet's sequence). */
const AFTER_CF =
  /<(?:dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/u;
/** …and those that may follow <legacyDrawing>. */
const AFTER_LEGACY =
  /<(?:legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/u;

/** Why the fast path does not apply (see patchedCopy). */
class NotPatchable extends Error {}

const need = <T>(value: T | undefined | null, why: string): T => {
  if (value === undefined || value === null) throw new NotPatchable(why);
  return value;
};

function insertBefore(xml: string, from: number, before: RegExp, text: string): string {
  const m = need(before.exec(xml.slice(from)), `no place for ${text.slice(0, 20)}`);
  const at = from + m.index;
  return `${xml.slice(0, at)}${text}${xml.slice(at)}`;
}

/** Where a worksheet's cell data ends (what follows is in CT_Worksheet's fixed order). */
const sheetDataEnd = (xml: string): number =>
  Math.max(xml.indexOf("</sheetData>"), xml.indexOf("<sheetData/>"));

function commentsXml(marks: readonly CellMark[], author: string): string {
  const list = marks
    .map(
      (m) =>
        `<comment ref="${m.cell}" authorId="0"><text><r><t xml:space="preserve">${xmlEscape(m.note)}</t></r></text></comment>`
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${xmlEscape(author)}</author></authors><commentList>${list}</commentList></comments>`
  );
}

/** The legacy drawing Excel needs to show notes: one hidden text box per note. */
function vmlXml(marks: readonly CellMark[], drawing: number): string {
  const shapes = marks.map((m, i) => {
    const { row, col } = parseCell(m.cell);
    const r = row - 1;
    const c = col - 1;
    return (
      `<v:shape id="_x0000_s${drawing * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:105pt;margin-top:10pt;width:180pt;height:90pt;z-index:${i + 1};visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
      '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${Math.max(0, r - 1)}, 10, ${c + 4}, 15, ${r + 4}, 4</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${drawing}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes.join("")}</xml>`
  );
}

/** A checked sheet with its marks: static marks as conditional formats, every mark a note. */
function markSheet(
  pkg: XlsxPackage,
  part: string,
  marks: readonly CellMark[],
  styles: StylesPart,
  drawing: number,
  author: string
): void {
  let xml = need(pkg.text(part), `${part} missing`);
  const root = need(/<worksheet\b[^>]*>/u.exec(xml), `${part}: no <worksheet>`);
  if (!root[0].includes('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'))
    throw new NotPatchable(`${part}: prefixed or foreign worksheet`);
  const dataEnd = sheetDataEnd(xml);
  if (dataEnd < 0) throw new NotPatchable(`${part}: no sheetData`);
  const tail = xml.slice(dataEnd);
  if (/<legacyDrawing\b|AlternateContent/u.test(tail))
    throw new NotPatchable(`${part}: has a legacy drawing or alternate content`);

  let priority = Math.max(0, ...[...xml.matchAll(/\spriority="(\d+)"/gu)].map((m) => Number(m[1])));
  const cf = marks
    .filter((m) => !m.live)
    .map(
      (m) =>
        `<conditionalFormatting sqref="${m.cell}"><cfRule type="expression" dxfId="${styles.dxf(m.severity)}" priority="${++priority}"><formula>${xmlEscape(MARK_FORMULA)}</formula></cfRule></conditionalFormatting>`
    )
    .join("");
  if (cf) xml = insertBefore(xml, dataEnd, AFTER_CF, cf);

  const comments = pkg.freeName("xl/comments", ".xml");
  const vml = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
  pkg.put(comments, commentsXml(marks, author));
  pkg.put(vml, vmlXml(marks, drawing));
  pkg.declare(comments, CONTENT_TYPE.comments);
  pkg.declare(vml, CONTENT_TYPE.vml, true);
  pkg.relate(part, REL.comments, comments);
  const id = pkg.relate(part, REL.vmlDrawing, vml);
  if (!root[0].includes(`xmlns:r="${R_NS}"`)) {
    if (/\sxmlns:r=/u.test(root[0])) throw new NotPatchable(`${part}: r: is another namespace`);
    xml = xml.replace(
      root[0],
      root[0].replace(/\/?>$/u, (end) => ` xmlns:r="${R_NS}"${end}`)
    );
  }
  xml = insertBefore(xml, sheetDataEnd(xml), AFTER_LEGACY, `<legacyDrawing r:id="${id}"/>`);
  pkg.put(part, xml);
}

function patch(data: Buffer, report: CheckReport, locale: Locale): Buffer {
  const pkg = new XlsxPackage(data);
  let workbook = need(pkg.text(WORKBOOK), "no workbook part");
  if (new RegExp(`<definedName\\b[^>]*\\sname="${FINDINGS_NAME}"`, "u").test(workbook))
    throw new NotPatchable("an earlier check's sheet");
  // A macro workbook's copy is an .xlsx: exceljs writes it without the macros.
  if (!pkg.text("[Content_Types].xml")?.includes("spreadsheetml.sheet.main+xml"))
    throw new NotPatchable("not a plain workbook (macros, template)");
  for (const name of pkg.names()) {
    if (/\.vml$|(^|\/)(comments|threadedComment)[^/]*\.xml$/iu.test(name))
      throw new NotPatchable("notes present");
    if (/^xl\/worksheets\/[^/]+\.xml$/u.test(name) && pkg.text(name)?.includes(MARK_TAG))
      throw new NotPatchable("an earlier check's marks");
  }

  // The sheets' r:id (and the one added here) need r: bound to relationships on the root.
  const root = /<workbook\b[^>]*>/u.exec(workbook)?.[0] ?? "";
  if (!root.includes(`xmlns:r="${R_NS}"`))
    throw new NotPatchable("workbook.xml: r: is not the relationships namespace");
  const rels = pkg.relationships(WORKBOOK);
  const sheetsBlock = need(/<sheets>([\s\S]*?)<\/sheets>/u.exec(workbook), "no <sheets>");
  const sheets = [...(sheetsBlock[1] ?? "").matchAll(/<sheet\b[^>]*>/gu)].map(([tag]) => {
    const id = need(attr(tag, "r:id"), "a sheet without r:id");
    return {
      name: attr(tag, "name") ?? "",
      sheetId: Number(attr(tag, "sheetId") ?? 0),
      part: need(
        rels.find((r) => r.id === id && !r.external),
        `sheet ${id} unresolved`
      ).target,
    };
  });
  const stylesPart = need(
    rels.find((r) => r.type === STYLES_REL),
    "no styles part"
  ).target;
  const styles = new StylesPart(need(pkg.text(stylesPart), "styles part missing"));

  let drawing = 0;
  const plan = report.findings;
  if (!plan) throw new NotPatchable("nothing checked");
  report.sheets.forEach(({ review, marks }) => {
    if (marks.length === 0) return;
    const sheet = need(
      sheets.find((s) => s.name === review.read.sheet),
      `sheet ${review.read.sheet} not in workbook.xml`
    );
    markSheet(pkg, sheet.part, marks, styles, ++drawing, t(locale, "app.name"));
  });

  const name = uniqueName(
    plan.sheetName,
    sheets.map((s) => s.name)
  );
  const part = pkg.freeName("xl/worksheets/sheet", ".xml");
  const sheet = planSheetXml(plan, name, sheets.length, styles);
  pkg.put(part, sheet.xml);
  pkg.declare(part, CONTENT_TYPE.worksheet);
  const rid = pkg.relate(WORKBOOK, REL.worksheet, part);
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  workbook = workbook.replace(
    "</sheets>",
    `<sheet name="${xmlEscape(name)}" sheetId="${sheetId}" r:id="${rid}"/></sheets>`
  );
  pkg.put(WORKBOOK, withDefinedNames(workbook, sheet.names));
  pkg.put(stylesPart, styles.toString());
  // The fastest deflate: the changed parts are a fraction of the file, and half the patch's
  // time went into compressing them at the default level for a few KB less.
  return pkg.toBuffer(1);
}

/**
 * The highlighted copy by patching `data`, or why it cannot be (then annotate.ts rewrites the
 * workbook through exceljs). Any surprise in the file's XML counts as a reason, never a failure:
 * the full rewrite handles every workbook exceljs can read.
 */
export function patchedCopy(
  data: Buffer,
  report: CheckReport,
  locale: Locale
): { readonly copy: Buffer } | { readonly why: string } {
  try {
    return { copy: patch(data, report, locale) };
  } catch (e) {
    return { why: e instanceof Error ? e.message : String(e) };
  }
}
