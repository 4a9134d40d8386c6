/**
 * Live highlights without the add-in: the example clusters filled into generated templates, opened
 * and recalculated by LibreOffice, show red and amber on exactly the breaching cells and on no
 * passing cell (checked cell by cell over the whole sheet). Changing a value flips its highlight.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  cellsIn,
  EXAMPLE_A,
  EXAMPLE_B,
  EXAMPLE_C,
  EXAMPLE_D,
  EXAMPLE_E,
  fieldById,
  findAuthority,
  guizhouRows,
  HIGHLIGHT_COLORS,
  type Authority,
  type FormValues,
} from "../../src/domain";
import { fillByNames, fillHuizongRows } from "../../src/xlsx/fill";
import { templatePlan } from "../../src/xlsx/templates";
import { addPlanSheet, writeXlsx } from "../../src/xlsx/writer";
import {
  convert,
  htmlCells,
  libreOfficeAvailable,
  toA1,
  type HtmlSheet,
} from "../support/libreoffice";

const describeLo = libreOfficeAvailable() || process.env.CI ? describe : describe.skip;
const dir = mkdtempSync(path.join(tmpdir(), "jiqun-hl-"));
const plan = templatePlan("shenbao", 2022);
const RED = HIGHLIGHT_COLORS.error.fill;
const AMBER = HIGHLIGHT_COLORS.warning.fill;
/** Rows above this hold the legend, whose swatches carry the same colours on purpose. */
const FIRST_FORM_ROW = 4;

/** The cells of a plan name, optionally only some of them (0-based positions in the range). */
function cellsOf(name: string, pick?: number[]): string[] {
  const all = cellsIn(plan.names.find((n) => n.name === name)?.address ?? "").map((c) => c.address);
  return pick ? pick.map((i) => all[i] as string) : all;
}

async function highlighted(key: string, values: FormValues): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  const ws = addPlanSheet(wb, plan);
  fillByNames(ws, plan, values);
  const file = path.join(dir, `${key}.xlsx`);
  writeFileSync(file, await writeXlsx(wb, [{ sheet: plan.sheetName, plan }]));
  const [sheet] = htmlCells(await convert(file, "html", path.join(dir, key)));
  const out: Record<string, string> = {};
  (sheet as HtmlSheet).rows.forEach((row, r) =>
    row.forEach((c, col) => {
      const bg = c.background?.toUpperCase();
      if (r + 1 >= FIRST_FORM_ROW && (bg === RED || bg === AMBER))
        out[toA1(r, col)] = bg === RED ? "red" : "amber";
    })
  );
  return out;
}

const paint = (color: string, cells: string[]): Record<string, string> =>
  Object.fromEntries(cells.map((c) => [c, color]));

describeLo("highlights in LibreOffice, without the add-in", () => {
  it.each<[string, FormValues, () => Record<string, string>]>([
    ["A passes: nothing lights up", EXAMPLE_A.values, () => ({})],
    [
      "B: 主导占比 70.0 each year, reported growth 10, R&D geometric mean 10 are red",
      EXAMPLE_B.values,
      () => ({
        ...paint("red", cellsOf("SB_lead_output_share")),
        ...paint("red", cellsOf("SB_lead_output_cagr")),
        ...paint("red", cellsOf("SBX_rd_growth")),
      }),
    ],
    [
      "C (甘肃省): the two years under 40 and 工业互联网 12 are amber (西部地区可适当放宽)",
      EXAMPLE_C.values,
      () => ({
        ...paint("amber", cellsOf("SB_output_total", [0, 1])),
        ...paint("amber", cellsOf("SB_iiot_rate")),
      }),
    ],
    [
      "D: its disagreement is cross-field, for the check action; no cell lights up",
      EXAMPLE_D.values,
      () => ({}),
    ],
    [
      "E: the two 否 gates are red",
      EXAMPLE_E.values,
      () => ({
        ...paint("red", cellsOf("SB_energy_efficiency")),
        ...paint("red", cellsOf("SB_gate_no_incident")),
      }),
    ],
    [
      "A with 2020 总产值 changed from 58.5 to 39: that cell flips to red",
      { ...EXAMPLE_A.values, output_total: [52, 39, 66] },
      () => paint("red", cellsOf("SB_output_total", [1])),
    ],
    [
      "B moved to 贵州省: its red cells turn amber",
      { ...EXAMPLE_B.values, province: "贵州省" },
      () => ({
        ...paint("amber", cellsOf("SB_lead_output_share")),
        ...paint("amber", cellsOf("SB_lead_output_cagr")),
        ...paint("amber", cellsOf("SBX_rd_growth")),
      }),
    ],
    [
      "form rules: a share of 120, text in a count, a 201-character memo, a blank required cell",
      {
        ...EXAMPLE_A.values,
        rd_staff_share: 120,
        employees: "三万八",
        supply_chain_risk: "字".repeat(201),
        patents_per_10k: null,
      },
      () => ({
        ...paint("red", cellsOf("SB_rd_staff_share")),
        ...paint("red", cellsOf("SB_employees")),
        ...paint("red", cellsOf("SB_supply_chain_risk")),
        ...paint("red", cellsOf("SB_patents_per_10k")),
      }),
    ],
    [
      "the plan over 3000 characters across its outline's cells: every one of them is red",
      { ...EXAMPLE_A.values, plan_text: "规".repeat(1500), plan_text_tasks: "划".repeat(1501) },
      () =>
        paint(
          "red",
          (fieldById("plan_text").parts ?? []).flatMap((id) => cellsOf(`SB_${id}`))
        ),
    ],
    [
      "the plan at exactly 3000 across its cells: nothing lights up",
      { ...EXAMPLE_A.values, plan_text: "规".repeat(1500), plan_text_tasks: "划".repeat(1500) },
      () => ({}),
    ],
  ])(
    "%s",
    async (key, values, expected) => {
      expect(await highlighted(key.slice(0, 1) + key.length, values)).toEqual(expected());
    },
    120_000
  );
});

describeLo("汇总表 highlights in LibreOffice", () => {
  it("贵州省 2023: a 7th row over the cap of 6, a 151-character 简介, a repeated 主导产业, a row missing its 成立时间", async () => {
    const hz = templatePlan("huizong", 2023, findAuthority("贵州省") as Authority);
    const rows = guizhouRows(7).map((r, i) =>
      i === 1
        ? { ...r, intro: "简".repeat(151) }
        : i === 3
          ? { ...r, industry: "白酒酿造" }
          : i === 4
            ? { ...r, founded: null }
            : r
    );
    const wb = new ExcelJS.Workbook();
    const ws = addPlanSheet(wb, hz);
    fillHuizongRows(ws, hz, rows);
    const file = path.join(dir, "hz.xlsx");
    writeFileSync(file, await writeXlsx(wb, [{ sheet: hz.sheetName, plan: hz }]));
    const [sheet] = htmlCells(await convert(file, "html", path.join(dir, "hz")));
    const colored: Record<string, string> = {};
    (sheet as HtmlSheet).rows.forEach((row, r) =>
      row.forEach((c, col) => {
        const bg = c.background?.toUpperCase();
        if (bg === RED || bg === AMBER) colored[toA1(r, col)] = bg === RED ? "red" : "amber";
      })
    );
    // The table's rows, counted from the first (row 0), under 附件1, the title, the seal line
    // and the header.
    const first = cellsIn(hz.names.find((n) => n.name === "HZ_name")?.address ?? "")[0]?.row;
    expect(first).toBe(5);
    const at = (column: string, row: number): string => `${column}${(first as number) + row}`;
    expect(colored).toEqual({
      ...Object.fromEntries(["A", "B", "C", "D", "E", "F", "G"].map((c) => [at(c, 6), "red"])),
      [at("G", 1)]: "red",
      [at("F", 4)]: "red",
      [at("E", 0)]: "amber",
      [at("E", 3)]: "amber",
    });
  }, 120_000);
});
