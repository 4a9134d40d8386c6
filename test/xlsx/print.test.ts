/**
 * The 申报表 on paper, as LibreOffice prints it to PDF: 附件2's text in the official order and
 * wording and nothing of the screen's (legend, hints, 校核, the helper table), a 3000-character
 * plan printed whole, body text of at least 10 pt, seal blocks of 45 mm, no page ending on a
 * heading, and the page breaks the plan placed (no others).
 *
 * The official text is test/fixtures/shenbao-official-2022.txt (附件2 of the 2022 notice, line by
 * line; later batches change only the years). Measured here, LibreOffice 7.4 on Debian with
 * fonts-wqy-zenhei: a column width unit prints 7 pt wide (DejaVu Sans standing in for Calibri),
 * 宋体 is set in WenQuanYi Zen Hei, and text sizes are kept in the PDF as set (10.5 pt as 10.488).
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  EXAMPLE_A,
  planOutline,
  SHENBAO,
  SHENBAO_INSTRUCTIONS_HEADING,
  withFormValues,
  batchParams,
  cellsIn,
  type FormValues,
  type SheetPlan,
} from "../../src/domain";
import { mm } from "../../src/domain/plan/paper";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { fillByNames } from "../../src/xlsx/fill";
import { templatePlan, templateXlsx } from "../../src/xlsx/templates";
import { addPlanSheet, writeXlsx } from "../../src/xlsx/writer";
import { convert, libreOfficeAvailable } from "../support/libreoffice";
import {
  columnEdges,
  firstMissing,
  officialStrings,
  pageCells,
  pdfFontSizes,
  pdfPages,
  type PdfPage,
  type PrintedCell,
} from "./printed";

const describeLo = libreOfficeAvailable() || process.env.CI ? describe : describe.skip;
const dir = mkdtempSync(path.join(tmpdir(), "jiqun-print-"));
const OFFICIAL = readFileSync(
  path.join(__dirname, "../fixtures/shenbao-official-2022.txt"),
  "utf8"
);
/** LibreOffice's width unit on this machine, in points (see the header). */
const UNIT_PT = 7;
const PRINTED_COLUMNS = 7;

interface Printed {
  readonly pdf: string;
  readonly pages: PdfPage[];
  /** Each page's cells in reading order, the footer left out. */
  readonly cells: PrintedCell[][];
  readonly text: string;
}

async function printed(plan: SheetPlan, name: string, fill?: FormValues): Promise<Printed> {
  const file = path.join(dir, `${name}.xlsx`);
  if (fill) {
    const wb = new ExcelJS.Workbook();
    fillByNames(addPlanSheet(wb, plan), plan, fill);
    writeFileSync(file, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
  } else writeFileSync(file, await templateXlsx(plan));
  const pdf = await convert(file, "pdf", path.join(dir, name));
  const pages = pdfPages(pdf);
  const edges = columnEdges(pages, plan.columnWidths.slice(0, PRINTED_COLUMNS), UNIT_PT);
  const bottom = (p: PdfPage): number => p.height - (plan.print.margins?.bottom ?? 0.6) * 72;
  const cells = pages.map((p) => pageCells(p, edges, bottom(p)));
  return {
    pdf,
    pages,
    cells,
    text: cells
      .flat()
      .map((c) => c.text)
      .join("\n"),
  };
}

/**
 * The printed strings 附件2 must show, in order, for a batch. One deliberate difference: the
 * standards grid prints 类别 and the levels once, shared by the three years (the official table
 * repeats them per year), because the grid is one input range the checker reads cell by cell.
 */
function official(batchYear: number): string[] {
  const strings = officialStrings(OFFICIAL, batchYear);
  const grid = strings.indexOf("类别");
  const next = strings.indexOf("创新平台建设情况");
  return [
    ...strings.slice(0, grid),
    ...["类别", "主持数量", "参与数量", "国际", "国家", "行业", "团体"],
    ...strings.slice(next),
  ];
}

/**
 * Headings a page must not end on: sections, 填报说明, group labels, tick-list labels, and (where
 * the plan is written) the plan's outline. In an empty template a plan heading may close a page:
 * its empty writing cell follows it there, which prints no text.
 */
function headings(batchYear: number, withOutline: boolean): Set<string> {
  const b = batchParams(batchYear);
  return new Set(
    [
      SHENBAO_INSTRUCTIONS_HEADING,
      ...SHENBAO.sections.map((s) => s.title),
      ...SHENBAO.fields.flatMap((f) =>
        f.kind === "multi" ? [f.label, f.printedLabel ?? f.label] : []
      ),
      ...SHENBAO.fields.flatMap((f) => (f.group && f.section !== "s1" ? [f.group] : [])),
      ...(withOutline ? planOutline(b.planYears, b.targetYear).map((h) => h.heading) : []),
    ].map((h) => h.replace(/\s+/gu, ""))
  );
}

/** The 1-based pages whose last printed text is a heading. */
const endingOnHeading = (out: Printed, heads: Set<string>): number[] =>
  out.cells.flatMap((cells, i) =>
    heads.has((cells[cells.length - 1]?.text ?? "").replace(/\s+/gu, "")) ? [i + 1] : []
  );

const squeeze = (s: string): string => s.replace(/\s+/gu, "");

describeLo("the printed 申报表 reads as 附件2", () => {
  const runs = new Map<number, { plan: SheetPlan; out: Printed }>();
  beforeAll(async () => {
    for (const year of [2022, 2024]) {
      const plan = templatePlan("shenbao", year);
      runs.set(year, { plan, out: await printed(plan, `template-${year}`) });
    }
  }, 180_000);
  const run = (year: number): { plan: SheetPlan; out: Printed } =>
    runs.get(year) as { plan: SheetPlan; out: Printed };

  it("measures LibreOffice as this test assumes: 7 pt a width unit, the form's column B there", () => {
    const { plan, out } = run(2022);
    const edges = columnEdges(out.pages, plan.columnWidths.slice(0, PRINTED_COLUMNS), UNIT_PT);
    // Every choice prints from column B's left edge: ☑ or □ starts its words there.
    const boxes = out.pages.flatMap((p) => p.words.filter((w) => /^[□☑]/u.test(w.text)));
    expect(boxes.length).toBeGreaterThan(40);
    expect(boxes.some((w) => Math.abs(w.x0 - (edges[1] as number)) < 0.75)).toBe(true);
  });

  it.each([2022, 2024])("%i: every official text, in the official order and wording", (year) => {
    const { out } = run(year);
    expect(firstMissing(out.text, official(year))).toBeUndefined();
    // The batch's own years, printed as the form writes them.
    const b = batchParams(year);
    for (const y of [...b.dataYears, ...b.planYears]) expect(out.text).toContain(`${y}年`);
  });

  it.each([2022, 2024])(
    "%i: nothing of the screen's prints: legend, hints, 校核, helper table",
    (year) => {
      const { out } = run(year);
      const b = batchParams(year);
      const text = squeeze(out.text);
      for (const s of [
        PLAN_TEXT_ZH.screenNote,
        PLAN_TEXT_ZH.batchLine(year, b.dataYears),
        PLAN_TEXT_ZH.legend.title,
        PLAN_TEXT_ZH.legend.error,
        PLAN_TEXT_ZH.legend.warning,
        PLAN_TEXT_ZH.derivedHeader,
        PLAN_TEXT_ZH.choiceHeader,
        PLAN_TEXT_ZH.helperNote,
        "发展目标测算",
        `基准值(${b.dataYears[2]})`,
        "年均增速 / 降低幅度",
        "校核",
        "#NAME?",
        "#VALUE!",
        "Err:",
      ])
        expect([s, text.includes(squeeze(s))]).toEqual([s, false]);
    }
  );

  it.each([2022, 2024])(
    "%i: the plan's page breaks and no others; no page ends on a heading",
    (year) => {
      const { plan, out } = run(year);
      expect(out.pages).toHaveLength(plan.print.breaksAfterRows.length + 1);
      expect(endingOnHeading(out, headings(year, false))).toEqual([]);
      // And every page but the last is used to at least a third: breaks are not placed early.
      for (const cells of out.cells.slice(0, -1)) {
        const lowest = Math.max(...cells.map((c) => c.top));
        expect(lowest).toBeGreaterThan(841.89 / 3);
      }
    }
  );

  it("sets every printed text at 10 pt or more (10.5 pt, 五号, for the body)", () => {
    const sizes = pdfFontSizes(run(2022).out.pdf);
    expect(sizes.length).toBeGreaterThan(500);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    // In the plan too: every style a printed cell uses.
    const plan = run(2022).plan;
    const [first, last] = plan.print.area.replace(/\$/gu, "").split(":") as [string, string];
    const rows = [Number(first.slice(1)), Number(last.replace(/^[A-Z]+/u, ""))] as const;
    for (const c of plan.cells) {
      const row = Number(c.address.replace(/^[A-Z]+/u, ""));
      const col = c.address.replace(/\d+$/u, "");
      if (row < rows[0] || row > rows[1] || col > "G" || !c.style) continue;
      expect([c.address, plan.styles[c.style].fontSize ?? 11]).toEqual([
        c.address,
        expect.any(Number),
      ]);
      expect(plan.styles[c.style].fontSize ?? 11).toBeGreaterThanOrEqual(10.5);
    }
  });

  it("leaves 45 mm for each seal: the cover's, the declaration's and the recommendation's", async () => {
    const plan = run(2022).plan;
    const sealRows = plan.cells
      .filter((c) => typeof c.value === "string" && /\((盖章|公章)\):$/u.test(c.value))
      .map((c) => Number(c.address.replace(/^[A-Z]+/u, "")));
    expect(sealRows).toHaveLength(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateXlsx(plan)) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    for (const row of sealRows) {
      expect(plan.rowHeights[row]).toBeGreaterThanOrEqual(mm(45));
      expect(ws.getRow(row).height).toBeGreaterThanOrEqual(mm(45));
    }
  });
});

/** 3000 characters in numbered sentences (第001段 …), so a cut anywhere shows. */
const PLAN_3000 = Array.from(
  { length: 120 },
  (_, i) => `第${String(i + 1).padStart(3, "0")}段:集群发展规划正文,推进主导产业提质增效。`
)
  .join("")
  .slice(0, 3000);

/** The plan split along the outline: each heading's share in proportion to `weights`. */
function splitPlan(weights: readonly number[]): string[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const parts: string[] = [];
  let at = 0;
  weights.forEach((w, i) => {
    const n = i === weights.length - 1 ? PLAN_3000.length - at : Math.floor((3000 * w) / total);
    parts.push(PLAN_3000.slice(at, at + n));
    at += n;
  });
  return parts;
}

describeLo("a 3000-character plan prints whole", () => {
  const outline = planOutline(batchParams(2022).planYears, 2024).filter((h) => h.part);
  const values = (parts: readonly string[]): FormValues =>
    Object.fromEntries(outline.map((h, i) => [h.part as string, parts[i] ?? ""]));

  /** The typed parts, each found whole as one printed cell, in order. */
  function expectWhole(out: Printed, parts: readonly string[]): void {
    const cells = out.cells.flat().map((c) => squeeze(c.text));
    let at = -1;
    for (const p of parts) {
      const i = cells.indexOf(p);
      expect([p.slice(0, 12), i > at]).toEqual([p.slice(0, 12), true]);
      at = i;
    }
    expect(parts.join("")).toBe(PLAN_3000);
  }

  it("sized to its text: withFormValues fits each cell, even a 1500-character part", async () => {
    const parts = splitPlan([1500, 300, 200, 150, 150, 100, 100, 100, 250, 150]);
    const plan = withFormValues(templatePlan("shenbao", 2022), {
      ...EXAMPLE_A.values,
      ...values(parts),
    });
    const out = await printed(plan, "plan-fitted");
    expectWhole(out, parts);
    // Written out, the plan breaks its pages again (the rows grew and shrank), and no page ends
    // on any heading, the outline's included.
    expect(out.pages).toHaveLength(plan.print.breaksAfterRows.length + 1);
    expect(endingOnHeading(out, headings(2022, true))).toEqual([]);
  }, 120_000);

  it("in the empty template's rows, when each heading's text keeps to the room the template gives it", async () => {
    const plan = templatePlan("shenbao", 2022);
    const parts = splitPlan(outline.map((h) => h.room ?? 0));
    outline.forEach((h, i) => expect((parts[i] ?? "").length).toBeLessThanOrEqual(h.room ?? 0));
    const out = await printed(plan, "plan-template", { ...EXAMPLE_A.values, ...values(parts) });
    expectWhole(out, parts);
  }, 120_000);

  it("the plan's cells are named along the outline, the first keeping SB_plan_text", () => {
    const plan = templatePlan("shenbao", 2022);
    const names = outline.map((h) => plan.names.find((n) => n.fieldId === h.part)?.name);
    expect(names[0]).toBe("SB_plan_text");
    expect(new Set(names).size).toBe(10);
    for (const n of names) expect(n).toMatch(/^SB_plan_text/u);
    for (const h of outline) {
      const at = plan.names.find((n) => n.fieldId === h.part)?.address ?? "";
      expect(cellsIn(at)).toHaveLength(1);
    }
  });
});
