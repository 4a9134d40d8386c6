/**
 * Reads a filled template back: finds our sheets by their sheet-scoped names (SB_… for a 申报表,
 * HZ_… for a 推荐汇总表), the batch from the printed title line, and the values by name, never by
 * fixed address, so inserted rows or moved blocks do not break a check.
 */
import ExcelJS from "exceljs";
import { isValidBatchYear, type CellValue, type FormValues, type HuizongRow } from "../domain";
import { HUIZONG_COLUMNS } from "../domain/forms";
import { cell, cellsIn, parseCell } from "../domain/plan";
import { readDefinedNames } from "./writer";

export interface NamedRange {
  readonly name: string;
  /** A1 range without sheet, e.g. B35:D35. */
  readonly address: string;
}

interface SheetBase {
  readonly sheet: string;
  readonly batchYear: number | undefined;
  readonly names: readonly NamedRange[];
}

export type ReadSheet =
  | (SheetBase & { readonly form: "shenbao"; readonly values: FormValues })
  | (SheetBase & {
      readonly form: "huizong";
      readonly authority: string | undefined;
      readonly rows: readonly HuizongRow[];
    });

/** A cell's value as the evaluator sees it: formula results, rich text joined, errors as text. */
function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("richText" in v)
      return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    if ("error" in v) return (v as ExcelJS.CellErrorValue).error;
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return null;
}

function rangeValues(ws: ExcelJS.Worksheet, address: string): CellValue[] {
  return cellsIn(address).map((c) => plain(ws.getCell(c.address).value));
}

/** How far below the 汇总表's named rows the reader looks for more rows. */
const MAX_EXTRA_ROWS = 500;

/** 「2024年度…」 in the title lines (申报表 row 2, 汇总表 row 1). */
function batchOf(ws: ExcelJS.Worksheet): number | undefined {
  for (const address of ["A1", "A2"]) {
    const m = /^(\d{4})年度/u.exec(String(plain(ws.getCell(address).value) ?? ""));
    const y = m ? Number(m[1]) : undefined;
    if (isValidBatchYear(y)) return y;
  }
  return undefined;
}

/** Every sheet of ours in the workbook; other sheets are ignored. Throws if the bytes are no xlsx. */
export async function readTemplates(data: Buffer): Promise<ReadSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const defined = await readDefinedNames(data);
  const out: ReadSheet[] = [];
  wb.worksheets.forEach((ws, index) => {
    const names = defined
      .filter((n) => n.sheetIndex === index && /^(SB|SBX|HZ)_/u.test(n.name))
      .map((n) => ({ name: n.name, address: (n.ref.split("!").pop() ?? "").replace(/\$/gu, "") }));
    if (names.length === 0) return;
    const base = { sheet: ws.name, batchYear: batchOf(ws), names };
    if (names.some((n) => n.name.startsWith("SB_"))) {
      const values: Record<string, CellValue | CellValue[]> = {};
      for (const n of names.filter((x) => x.name.startsWith("SB_"))) {
        const cells = rangeValues(ws, n.address);
        values[n.name.slice(3)] = cells.length === 1 ? (cells[0] ?? null) : cells;
      }
      out.push({ ...base, form: "shenbao", values });
    } else {
      // The names span the cap's rows; rows typed below them still count (that is the cap check).
      const column = (id: string, extra = 0): CellValue[] => {
        const n = names.find((x) => x.name === `HZ_${id}`);
        if (!n) return [];
        const [a, b = a] = n.address.split(":") as [string, string?];
        const end = parseCell(b);
        return rangeValues(ws, `${a}:${cell(end.row + extra, end.col)}`);
      };
      let extra = 0;
      const blankRow = (k: number): boolean =>
        HUIZONG_COLUMNS.every((c) => {
          if (c.id === "seq") return true;
          const n = names.find((x) => x.name === `HZ_${c.id}`);
          if (!n) return true;
          const end = parseCell((n.address.split(":").pop() ?? n.address) as string);
          const v = plain(ws.getCell(end.row + k, end.col).value);
          return v === null || (typeof v === "string" && v.trim() === "");
        });
      while (extra < MAX_EXTRA_ROWS && !blankRow(extra + 1)) extra++;
      const columns = Object.fromEntries(HUIZONG_COLUMNS.map((c) => [c.id, column(c.id, extra)]));
      const count = Math.max(0, ...Object.values(columns).map((v) => v.length));
      const rows: HuizongRow[] = Array.from({ length: count }, (_, i) =>
        Object.fromEntries(HUIZONG_COLUMNS.map((c) => [c.id, columns[c.id]?.[i] ?? null]))
      );
      const authority = column("authority")[0];
      out.push({
        ...base,
        form: "huizong",
        authority: typeof authority === "string" ? authority.trim() : undefined,
        rows,
      });
    }
  });
  return out;
}

/** The cell a finding points at: the field's range, offset by year, option or row. */
export function findingCell(
  names: readonly NamedRange[],
  fieldId: string,
  index: number
): string | undefined {
  const name = fieldId.startsWith("hz_") ? `HZ_${fieldId.slice(3)}` : `SB_${fieldId}`;
  const n = names.find((x) => x.name === name);
  if (!n) return undefined;
  const [a, b = a] = n.address.split(":") as [string, string?];
  const start = parseCell(a);
  const width = parseCell(b).col - start.col + 1;
  const i = Math.max(0, index);
  return cell(start.row + Math.floor(i / width), start.col + (i % width));
}
