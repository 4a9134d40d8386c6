/**
 * Forms carrying a chart, an image or a chart sheet, laid out as openpyxl saves them (drawing
 * parts in the default namespace, absolute targets): reading them does not fail, and the
 * highlighted copy keeps the chart, the image and the chart sheet.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decideCheck } from "../../src/application/check";
import { EXAMPLE_A } from "../../src/domain";
import { FINDINGS_NAME } from "../../src/findings";
import { annotateLoaded } from "../../src/xlsx/annotate";
import { XlsxPackage } from "../../src/xlsx/package";
import { loadWorkbook, templatesOf, type ReadSheet } from "../../src/xlsx/read";
import { readDefinedNames, sheetNamesOf } from "../../src/xlsx/writer";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import { shenbaoXlsx } from "../support/xlsx";

const SHEET = "申报表-2024";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64"
);

const chartXml = (range: string): string =>
  `${HEAD}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:chart><c:plotArea><c:layout/>` +
  `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
  `<c:val><c:numRef><c:f>${range}</c:f></c:numRef></c:val></c:ser><c:axId val="10"/><c:axId val="20"/></c:barChart>` +
  `<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="20"/></c:catAx>` +
  `<c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="10"/></c:valAx>` +
  `</c:plotArea></c:chart></c:chartSpace>`;

const from = (col: number, row: number): string =>
  `<from><col>${col}</col><colOff>0</colOff><row>${row}</row><rowOff>0</rowOff></from>`;

/** openpyxl's drawing part: no prefix on the spreadsheet-drawing elements. */
const drawingXml = (anchors: string): string => `${HEAD}<wsDr xmlns="${NS_XDR}">${anchors}</wsDr>`;

const chartAnchor = (rid: string): string =>
  `<oneCellAnchor>${from(9, 3)}<ext cx="4800000" cy="2700000"/><graphicFrame macro="">` +
  `<nvGraphicFramePr><cNvPr id="1" name="Chart 1"/><cNvGraphicFramePr/></nvGraphicFramePr>` +
  `<xfrm><a:off xmlns:a="${NS_A}" x="0" y="0"/><a:ext xmlns:a="${NS_A}" cx="0" cy="0"/></xfrm>` +
  `<a:graphic xmlns:a="${NS_A}"><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${rid}"/></a:graphicData></a:graphic>` +
  `</graphicFrame><clientData/></oneCellAnchor>`;

const pictureAnchor = (rid: string): string =>
  `<oneCellAnchor>${from(9, 20)}<ext cx="952500" cy="952500"/><pic><nvPicPr><cNvPr id="2" name="Image 1" descr="Picture"/>` +
  `<cNvPicPr/></nvPicPr><blipFill><a:blip xmlns:a="${NS_A}" xmlns:r="${NS_R}" r:embed="${rid}"/><a:stretch xmlns:a="${NS_A}"><a:fillRect/></a:stretch></blipFill>` +
  `<spPr><a:prstGeom xmlns:a="${NS_A}" prst="rect"><a:avLst/></a:prstGeom></spPr></pic><clientData/></oneCellAnchor>`;

const rels = (entries: string): string =>
  `${HEAD}<Relationships xmlns="${RELS}">${entries}</Relationships>`;

function declare(pkg: XlsxPackage, part: string, type: string): void {
  const types = pkg.text("[Content_Types].xml") ?? "";
  pkg.put(
    "[Content_Types].xml",
    types.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`)
  );
}

function addRelationship(pkg: XlsxPackage, relsPart: string, entry: string): void {
  pkg.put(
    relsPart,
    (pkg.text(relsPart) ?? rels("")).replace("</Relationships>", `${entry}</Relationships>`)
  );
}

/** The form's sheet with a drawing holding a chart and, optionally, an image. */
function withDrawing(data: Buffer, image: boolean): Buffer {
  const pkg = new XlsxPackage(data);
  const sheet = "xl/worksheets/sheet1.xml";
  pkg.put("xl/charts/chart1.xml", chartXml(`'${SHEET}'!$B$33:$D$33`));
  declare(
    pkg,
    "xl/charts/chart1.xml",
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
  );
  pkg.put(
    "xl/drawings/drawing1.xml",
    drawingXml(chartAnchor("rId1") + (image ? pictureAnchor("rId2") : ""))
  );
  declare(
    pkg,
    "xl/drawings/drawing1.xml",
    "application/vnd.openxmlformats-officedocument.drawing+xml"
  );
  pkg.put(
    "xl/drawings/_rels/drawing1.xml.rels",
    rels(
      `<Relationship Id="rId1" Type="${REL}/chart" Target="/xl/charts/chart1.xml"/>` +
        (image ? `<Relationship Id="rId2" Type="${REL}/image" Target="/xl/media/image1.png"/>` : "")
    )
  );
  if (image) {
    pkg.putBytes("xl/media/image1.png", PNG);
    const types = pkg.text("[Content_Types].xml") ?? "";
    if (!/Extension="png"/u.test(types))
      pkg.put(
        "[Content_Types].xml",
        types.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>')
      );
  }
  addRelationship(
    pkg,
    "xl/worksheets/_rels/sheet1.xml.rels",
    `<Relationship Id="rIdDrawing1" Type="${REL}/drawing" Target="/xl/drawings/drawing1.xml"/>`
  );
  const xml = pkg.text(sheet) ?? "";
  const at =
    /<(?:legacyDrawing|legacyDrawingHF|picture|oleObjects|tableParts|extLst)\b|<\/worksheet>/u.exec(
      xml.slice(xml.indexOf("</sheetData>"))
    );
  const index = xml.indexOf("</sheetData>") + (at?.index ?? 0);
  const rootFixed = xml.includes(`xmlns:r="${NS_R}"`)
    ? xml
    : xml.replace(/<worksheet\b/u, `<worksheet xmlns:r="${NS_R}"`);
  const shift = rootFixed.length - xml.length;
  pkg.put(
    sheet,
    `${rootFixed.slice(0, index + shift)}<drawing r:id="rIdDrawing1"/>${rootFixed.slice(index + shift)}`
  );
  return pkg.toBuffer();
}

/** A chart sheet added before the form (`first`) or after it, names renumbered to match. */
function withChartSheet(data: Buffer, first: boolean): Buffer {
  const pkg = new XlsxPackage(data);
  pkg.put("xl/charts/chart9.xml", chartXml(`'${SHEET}'!$B$33:$D$33`));
  declare(
    pkg,
    "xl/charts/chart9.xml",
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
  );
  pkg.put(
    "xl/drawings/drawing9.xml",
    drawingXml(
      `<absoluteAnchor><pos x="0" y="0"/><ext cx="8666666" cy="6293333"/><graphicFrame macro="">` +
        `<nvGraphicFramePr><cNvPr id="1" name="Chart 1"/><cNvGraphicFramePr/></nvGraphicFramePr>` +
        `<xfrm><a:off xmlns:a="${NS_A}" x="0" y="0"/><a:ext xmlns:a="${NS_A}" cx="0" cy="0"/></xfrm>` +
        `<a:graphic xmlns:a="${NS_A}"><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic>` +
        `</graphicFrame><clientData/></absoluteAnchor>`
    )
  );
  declare(
    pkg,
    "xl/drawings/drawing9.xml",
    "application/vnd.openxmlformats-officedocument.drawing+xml"
  );
  pkg.put(
    "xl/drawings/_rels/drawing9.xml.rels",
    rels(`<Relationship Id="rId1" Type="${REL}/chart" Target="/xl/charts/chart9.xml"/>`)
  );
  pkg.put(
    "xl/chartsheets/sheet1.xml",
    `${HEAD}<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_R}"><sheetPr/>` +
      `<sheetViews><sheetView workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`
  );
  declare(
    pkg,
    "xl/chartsheets/sheet1.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"
  );
  pkg.put(
    "xl/chartsheets/_rels/sheet1.xml.rels",
    rels(`<Relationship Id="rId1" Type="${REL}/drawing" Target="/xl/drawings/drawing9.xml"/>`)
  );
  addRelationship(
    pkg,
    "xl/_rels/workbook.xml.rels",
    `<Relationship Id="rIdChart1" Type="${REL}/chartsheet" Target="/xl/chartsheets/sheet1.xml"/>`
  );
  let workbook = pkg.text("xl/workbook.xml") ?? "";
  const entry = '<sheet name="图表" sheetId="99" r:id="rIdChart1"/>';
  workbook = first
    ? workbook
        .replace(/<sheets>/u, `<sheets>${entry}`)
        .replace(/localSheetId="(\d+)"/gu, (_, n: string) => `localSheetId="${Number(n) + 1}"`)
    : workbook.replace("</sheets>", `${entry}</sheets>`);
  pkg.put("xl/workbook.xml", workbook);
  return pkg.toBuffer();
}

const plainForm = (): Promise<Buffer> => shenbaoXlsx(2024, [EXAMPLE_A.values]);

async function checkedCopy(data: Buffer): Promise<{ reads: ReadSheet[]; copy: Buffer }> {
  const loaded = await loadWorkbook(data);
  const reads = templatesOf(loaded);
  const report = decideCheck(reads, { locale: "zh-CN" });
  return { reads, copy: await annotateLoaded(loaded, report, "zh-CN") };
}

const valuesOf = (reads: readonly ReadSheet[]) =>
  reads.map((r) => [r.sheet, r.form === "shenbao" ? r.values : r.rows]);

describe.each([
  ["a chart", (d: Buffer) => withDrawing(d, false)],
  ["a chart and an image", (d: Buffer) => withDrawing(d, true)],
  ["a chart sheet after the form", (d: Buffer) => withChartSheet(d, false)],
  ["a chart sheet before the form", (d: Buffer) => withChartSheet(d, true)],
  [
    "a chart sheet and a chart and an image",
    (d: Buffer) => withChartSheet(withDrawing(d, true), true),
  ],
])("a form with %s", (_, odd) => {
  it("is read as the plain form is, and its highlighted copy keeps every drawing part", async () => {
    const plain = await plainForm();
    const data = odd(plain);
    const { reads, copy } = await checkedCopy(data);
    expect(valuesOf(reads)).toEqual(valuesOf(templatesOf(await loadWorkbook(plain))));

    const before = new XlsxPackage(data);
    const after = new XlsxPackage(copy);
    for (const part of before
      .names()
      .filter((n) => /^xl\/(charts|drawings\/drawing|chartsheets|media)\b/u.test(n)))
      expect([part, after.text(part)]).toEqual([part, before.text(part)]);
    if (before.text("xl/worksheets/sheet1.xml")?.includes("<drawing "))
      expect(after.text("xl/worksheets/sheet1.xml")).toContain("<drawing ");
    // The copy's sheets in file order, with 审查结果's names on 审查结果.
    const sheets = sheetNamesOf(after.text("xl/workbook.xml") ?? "");
    expect(sheets).toEqual([...sheetNamesOf(before.text("xl/workbook.xml") ?? ""), "审查结果"]);
    const findings = (await readDefinedNames(copy)).find((n) => n.name === FINDINGS_NAME);
    expect(sheets[findings?.sheetIndex ?? -1]).toBe("审查结果");

    // The copy reads back, and checked again (its earlier check cleared, so rewritten through
    // exceljs) still reads, and keeps the drawing on the form.
    const again = await checkedCopy(copy);
    const rewritten = new XlsxPackage(again.copy);
    const drawingParts = before
      .names()
      .filter((n) => /^xl\/(charts\/chart1|drawings\/drawing1|media\/)/u.test(n));
    for (const part of drawingParts)
      expect([part, rewritten.bytes(part)]).toEqual([part, before.bytes(part)]);
    if (drawingParts.length > 0) {
      const form = rewritten
        .relationships("xl/workbook.xml")
        .find(
          (r) =>
            r.id ===
            /<sheet\b(?=[^>]*name="申报表-2024")[^>]*\sr:id="([^"]*)"/u.exec(
              rewritten.text("xl/workbook.xml") ?? ""
            )?.[1]
        );
      const drawing = rewritten
        .relationships(form?.target ?? "")
        .find((r) => r.type.endsWith("/drawing"));
      expect(drawing?.target).toBe("xl/drawings/drawing1.xml");
      expect(rewritten.text(form?.target ?? "")).toMatch(
        new RegExp(`<drawing r:id="${drawing?.id ?? "-"}"/>`, "u")
      );
    }
    expect(valuesOf(again.reads)).toEqual(valuesOf(reads));
    const third = await loadWorkbook(again.copy);
    expect(valuesOf(templatesOf(third))).toEqual(valuesOf(reads));
    const names = await readDefinedNames(again.copy);
    const thirdSheets = sheetNamesOf(new XlsxPackage(again.copy).text("xl/workbook.xml") ?? "");
    expect(
      names.filter((n) => n.name === FINDINGS_NAME).map((n) => thirdSheets[n.sheetIndex ?? -1])
    ).toEqual(["审查结果"]);
    expect(
      names.filter((n) => n.name === "SB_name").map((n) => thirdSheets[n.sheetIndex ?? -1])
    ).toEqual([SHEET]);
  });
});

const itLo = libreOfficeAvailable() ? it : it.skip;

itLo(
  "LibreOffice opens the highlighted copy with its charts (one on a chart sheet) and image",
  async () => {
    const data = withChartSheet(withDrawing(await plainForm(), true), true);
    const dir = mkdtempSync(path.join(tmpdir(), "jiqun-drawings-"));
    const input = path.join(dir, "copy.xlsx");
    writeFileSync(input, (await checkedCopy(data)).copy);
    const resaved = new XlsxPackage(
      readFileSync(await convert(input, "xlsx", path.join(dir, "out")))
    );
    expect(sheetNamesOf(resaved.text("xl/workbook.xml") ?? "")).toEqual([
      "图表",
      SHEET,
      "审查结果",
    ]);
    expect(resaved.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/u.test(n))).toHaveLength(2);
    expect(resaved.names().some((n) => /^xl\/media\//u.test(n))).toBe(true);

    // Checked again (rewritten through exceljs): the form's chart and image are still there; the
    // chart sheet exceljs cannot carry is not.
    const again = path.join(dir, "again.xlsx");
    writeFileSync(again, (await checkedCopy((await checkedCopy(data)).copy)).copy);
    const resavedAgain = new XlsxPackage(
      readFileSync(await convert(again, "xlsx", path.join(dir, "out2")))
    );
    expect(sheetNamesOf(resavedAgain.text("xl/workbook.xml") ?? "")).toEqual([SHEET, "审查结果"]);
    expect(resavedAgain.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/u.test(n))).toHaveLength(
      1
    );
    expect(resavedAgain.names().some((n) => /^xl\/media\//u.test(n))).toBe(true);
  },
  120_000
);
