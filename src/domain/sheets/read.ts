/**
 * Reading a filled template back, whatever holds the cells (an .xlsx file, a live workbook): our
 * sheets are found by their sheet-scoped names (SB_… for a 申报表, HZ_… for a 推荐汇总表), the
 * batch by the printed title line, and the values by name, never by fixed address, so inserted
 * rows or moved blocks do not break a check. The host supplies the names and a cell reader.
 */
import { isValidBatchYear } from "../batch";
import { HUIZONG_COLUMNS } from "../forms";
import { area, cell, cellsIn, parseCell } from "../plan/address";
import type { HuizongRow } from "../rules";
import { isBlank, type CellValue, type FormValues } from "../values";

export interface NamedRange {
  readonly name: string;
  /** A1 range without sheet or $, e.g. B35:D35. */
  readonly address: string;
}

/** The value of one cell of the sheet, by A1 address (formula results, errors as text). */
export type ValueAt = (address: string) => CellValue;

interface SheetBase {
  readonly sheet: string;
  readonly batchYear: number | undefined;
  readonly names: readonly NamedRange[];
  /**
   * Cells read whose formula the file keeps no result for and none could be computed (a form
   * filled by a script, never opened in a spreadsheet): read as blank, their values are unknown.
   */
  readonly uncached?: readonly string[];
  /** The id of the criteria pack the sheet was built with; absent in sheets made before packs. */
  readonly criteria?: string;
}

export type ReadSheet =
  | (SheetBase & {
      readonly form: "shenbao";
      readonly values: FormValues;
      /** The years printed above the data columns, when found. */
      readonly yearLabels?: readonly number[];
    })
  | (SheetBase & {
      readonly form: "huizong";
      readonly authority: string | undefined;
      readonly rows: readonly HuizongRow[];
      /** More rows follow the MAX_HUIZONG_ROWS read; they were not read. */
      readonly truncated?: boolean;
    });

/** Names of ours: fields, derived cells, 汇总表 columns, a 汇总表's hidden cells. */
export const TEMPLATE_NAME = /^(SB|SBX|HZ|HZX)_/u;

/** The hidden cells keeping the id of the pack a sheet was built with. */
const CRITERIA_NAMES: ReadonlySet<string> = new Set(["SBX_criteria", "HZX_criteria"]);

/**
 * The part of a sheet a template read needs: from A1 (the title with its batch year) to the last
 * row and column any of our names reaches, wherever the user's inserted rows moved them.
 * Undefined for a sheet without our names.
 */
export function templateArea(names: readonly NamedRange[]): string | undefined {
  let rows = 0;
  let cols = 0;
  for (const n of names) {
    if (!TEMPLATE_NAME.test(n.name)) continue;
    for (const part of n.address.split(":")) {
      const c = parseCell(part);
      rows = Math.max(rows, c.row);
      cols = Math.max(cols, c.col);
    }
  }
  return rows > 0 ? area(1, 1, rows, cols) : undefined;
}

/** "='申报表 (2)'!$B$35:$D$35", "Sheet1!B35" or "B35" → "B35:D35". */
export function addressOfReference(reference: string): string {
  const body = reference.replace(/^=/u, "");
  return (body.slice(body.lastIndexOf("!") + 1) || body).replace(/\$/gu, "");
}

/**
 * The lines a title may be on: a 申报表's batch line is row 2; a 汇总表's title is row 2 under its
 * 附件1 line, and row 1 in files made before that line was printed, which must still read.
 */
const TITLE_LINES = [1, 2] as const;

/** 「2024年度…」 in the title lines. */
export function batchOfTitle(valueAt: ValueAt): number | undefined {
  for (const row of TITLE_LINES) {
    const m = /^\s*(\d{4})年度/u.exec(String(valueAt(cell(row, 1)) ?? ""));
    const y = m ? Number(m[1]) : undefined;
    if (isValidBatchYear(y)) return y;
  }
  return undefined;
}

/** The row of a 推荐汇总表's title among the title lines; undefined on any other sheet. */
export function huizongTitleRow(valueAt: ValueAt): number | undefined {
  return TITLE_LINES.find((row) => String(valueAt(cell(row, 1)) ?? "").includes("推荐汇总表"));
}

/**
 * How many rows of a 推荐汇总表 are read, from its first named row down (the named rows and
 * those typed below them). No authority recommends more than a few dozen clusters a batch, so
 * 5,000 rows is far past any real table, while it bounds the work a damaged file can ask for. A
 * table with more rows is read as `truncated` and reported (summary_rows_unread), never cut
 * silently.
 */
export const MAX_HUIZONG_ROWS = 5000;

const endOf = (address: string): { row: number; col: number } =>
  parseCell(address.split(":").pop() ?? address);

function readHuizong(
  names: readonly NamedRange[],
  valueAt: ValueAt
): { rows: readonly HuizongRow[]; truncated: boolean } {
  const named = (id: string): NamedRange | undefined => names.find((x) => x.name === `HZ_${id}`);
  // The names span the cap's rows; rows typed below them still count (that is the cap check).
  const blankRow = (k: number): boolean =>
    HUIZONG_COLUMNS.every((c) => {
      const n = named(c.id);
      if (c.id === "seq" || !n) return true;
      const end = endOf(n.address);
      return isBlank(valueAt(cell(end.row + k, end.col)));
    });
  const first = named("name");
  const namedRows = first
    ? endOf(first.address).row - parseCell(first.address.split(":")[0] as string).row + 1
    : 0;
  const maxExtra = Math.max(0, MAX_HUIZONG_ROWS - namedRows);
  let extra = 0;
  while (extra < maxExtra && !blankRow(extra + 1)) extra++;
  const truncated = extra === maxExtra && !blankRow(extra + 1);
  const column = (id: string): CellValue[] => {
    const n = named(id);
    if (!n) return [];
    const top = n.address.split(":")[0] as string;
    const end = endOf(n.address);
    return cellsIn(`${top}:${cell(end.row + extra, end.col)}`).map((c) => valueAt(c.address));
  };
  const columns = Object.fromEntries(HUIZONG_COLUMNS.map((c) => [c.id, column(c.id)]));
  const count = Math.max(0, ...Object.values(columns).map((v) => v.length));
  const rows = Array.from({ length: count }, (_, i) =>
    Object.fromEntries(HUIZONG_COLUMNS.map((c) => [c.id, columns[c.id]?.[i] ?? null]))
  );
  return { rows, truncated };
}

/** One sheet, or undefined when it carries none of our names. */
export function readTemplateSheet(
  sheet: string,
  allNames: readonly NamedRange[],
  valueAt: ValueAt
): ReadSheet | undefined {
  const names = allNames.filter((n) => TEMPLATE_NAME.test(n.name));
  if (names.length === 0) return undefined;
  const record = names.find((n) => CRITERIA_NAMES.has(n.name));
  const recorded = record ? valueAt(record.address.split(":")[0] as string) : null;
  const base = {
    sheet,
    batchYear: batchOfTitle(valueAt),
    names,
    ...(typeof recorded === "string" && recorded.trim() !== ""
      ? { criteria: recorded.trim() }
      : {}),
  };
  if (names.some((n) => n.name.startsWith("SB_"))) {
    const values: Record<string, CellValue | CellValue[]> = {};
    for (const n of names.filter((x) => x.name.startsWith("SB_"))) {
      const cells = cellsIn(n.address).map((c) => valueAt(c.address));
      values[n.name.slice(3)] = cells.length === 1 ? (cells[0] ?? null) : cells;
    }
    const yearLabels = yearLabelsOf(names, valueAt);
    return { ...base, form: "shenbao", values, ...(yearLabels ? { yearLabels } : {}) };
  }
  const authorityName = names.find((n) => n.name === "HZ_authority");
  const authority = authorityName ? valueAt(authorityName.address.split(":")[0] as string) : null;
  const { rows, truncated } = readHuizong(names, valueAt);
  return {
    ...base,
    form: "huizong",
    authority: typeof authority === "string" ? authority.trim() : undefined,
    rows,
    ...(truncated ? { truncated } : {}),
  };
}

/**
 * The year labels printed above the first per-year field (总产值): the three cells of the nearest
 * row above it that all hold years. Undefined when no such row is found.
 */
export function yearLabelsOf(
  names: readonly NamedRange[],
  valueAt: ValueAt
): readonly number[] | undefined {
  const n = names.find((x) => x.name === "SB_output_total");
  if (!n) return undefined;
  const cells = cellsIn(n.address);
  const first = cells[0];
  if (!first) return undefined;
  const asYear = (v: CellValue): number | undefined => {
    const y =
      typeof v === "number" ? v : typeof v === "string" ? Number(v.replace(/年$/u, "")) : NaN;
    return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : undefined;
  };
  for (let row = first.row - 1; row >= Math.max(1, first.row - 15); row--) {
    const years = cells.map((c) => asYear(valueAt(cell(row, c.col))));
    if (years.every((y) => y !== undefined)) return years as number[];
  }
  return undefined;
}
