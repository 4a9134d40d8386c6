/**
 * The highlighted copy `jiqun check --out-dir` writes: the user's workbook plus the 「审查结果」
 * sheet, static marks and notes, exactly what the in-Excel check adds. The input file is never
 * touched; the copy is rewritten by exceljs, with every sheet-scoped name carried over by hand
 * (exceljs would merge them into workbook scope).
 */
import ExcelJS from "exceljs";
import { HIGHLIGHT_COLORS, uniqueName, type SheetReview } from "../domain";
import type { Locale } from "../i18n";
import { buildFindingsPlan, MARK_FORMULA, marksOf, type FindingRecord } from "../review";
import { addPlanSheet, injectDefinedNames, planNames, readDefinedNames } from "./writer";

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

export async function annotatedCopy(
  data: Buffer,
  reviews: readonly SheetReview[],
  records: readonly (readonly FindingRecord[])[],
  locale: Locale,
  source: string
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const original = (await readDefinedNames(data)).filter((n) => !n.name.startsWith("_xlnm."));
  wb.definedNames.model = [];

  reviews.forEach((review, i) => {
    const ws = wb.getWorksheet(review.read.sheet);
    if (!ws) return;
    const marks = marksOf(
      review,
      (records[i] ?? []).map((r) => r.message),
      locale
    );
    for (const m of marks) {
      const c = ws.getCell(m.cell);
      if (c.note === undefined) c.note = m.note;
      if (m.live) continue;
      const colors = HIGHLIGHT_COLORS[m.severity];
      ws.addConditionalFormatting({
        ref: m.cell,
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [MARK_FORMULA],
            style: {
              fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(colors.fill) } },
              font: { color: { argb: argb(colors.font) } },
            },
          },
        ],
      });
    }
  });

  const plan = buildFindingsPlan({ reviews, records, source }, locale);
  const name = uniqueName(
    plan.sheetName,
    wb.worksheets.map((w) => w.name)
  );
  addPlanSheet(wb, plan, name);
  const index = wb.worksheets.findIndex((w) => w.name === name);
  return injectDefinedNames(await wb.xlsx.writeBuffer(), [
    ...original,
    ...planNames(plan, name, index),
  ]);
}
