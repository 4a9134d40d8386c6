/**
 * A read sheet → its findings, each pointed at the cell it is about. The one place the command
 * line, the in-Excel check and the batch review turn a sheet into findings.
 */
import { batchParams } from "../batch";
import { findBuiltinPack, nationalPackId } from "../criteria/builtin";
import type { CriteriaPack } from "../criteria/types";
import { fieldById, SHENBAO } from "../forms";
import { cell, parseCell } from "../plan/address";
import { buildHuizongPlan, withHuizongRows } from "../plan/huizong";
import type { PlanText, SheetPlan } from "../plan/types";
import { findAuthority, recommendingAuthority, type Authority } from "../regions";
import {
  evaluateHuizong,
  evaluateShenbao,
  ruleConclusions,
  type EvaluationSettings,
  type RuleConclusion,
  type Finding,
  type HuizongRow,
} from "../rules";
import { asText, scalar, type FormValues } from "../values";
import type { NamedRange, ReadSheet } from "./read";

export interface LocatedFinding extends Finding {
  /** A1 address on the checked sheet, when the finding is about one cell. */
  readonly cell?: string;
}

export type SheetProblem =
  /** No 「YYYY年度」 title line: the batch, and so the criteria, are unknown. */
  | "noBatch"
  /** The sheet declares another batch than the one the reviewer asked for. */
  | "otherBatch"
  /** The title's batch and the year labels above the data disagree (an old template retitled). */
  | "labelsMismatch";

export interface EvaluatedSheet {
  readonly read: ReadSheet;
  readonly batchYear?: number;
  readonly problem?: SheetProblem;
  /** With "otherBatch": the batch the reviewer asked for. */
  readonly expectedBatch?: number;
  /** The pack the sheet was checked with, when one was chosen (else the batch's national one). */
  readonly criteria?: CriteriaPack;
  readonly findings: readonly LocatedFinding[];
  /** A 申报表 under a 复核 pack: each rule of the pack with its conclusion (the 复核结论). */
  readonly conclusions?: readonly RuleConclusion[];
}

export interface ReviewOptions {
  readonly settings?: Partial<EvaluationSettings>;
  /** The batch being reviewed; a sheet of another batch is reported, not evaluated. */
  readonly expectedBatch?: number;
  /** The criteria to apply; a pack for one batch reviews only that batch's sheets. */
  readonly criteria?: CriteriaPack;
}

/** Position of a finding inside its field's range: year column, option row, or 汇总表 row. */
export function findingIndex(read: ReadSheet, batchYear: number, f: Finding): number {
  if (read.form === "huizong") {
    if (f.fieldId === "hz_rows" && typeof f.threshold === "number") return f.threshold;
    return (f.row ?? 1) - 1;
  }
  const field = fieldById(f.fieldId);
  const b = batchParams(batchYear);
  if (f.year !== undefined && field.years === "data") return b.dataYears.indexOf(f.year);
  if (f.year !== undefined && field.years === "plan")
    return [b.dataYears[2], ...b.planYears].indexOf(f.year);
  if (f.option !== undefined)
    return field.kind === "countNames" ? 1 : (field.options ?? []).indexOf(f.option);
  return 0;
}

/** The cell a finding points at: the field's range, offset by year, option or row. The row cap
 * points at the first row over the cap. */
export function findingCell(
  names: readonly NamedRange[],
  fieldId: string,
  index: number
): string | undefined {
  const name =
    fieldId === "hz_rows"
      ? "HZ_name"
      : fieldId.startsWith("hz_")
        ? `HZ_${fieldId.slice(3)}`
        : `SB_${fieldId}`;
  const n = names.find((x) => x.name === name);
  if (!n) return undefined;
  const [a, b = a] = n.address.split(":") as [string, string?];
  const start = parseCell(a);
  const width = parseCell(b).col - start.col + 1;
  const i = Math.max(0, index);
  return cell(start.row + Math.floor(i / width), start.col + (i % width));
}

/** 汇总表 names whose column continues below the named rows (rows typed below still count). */
const TABLE_COLUMN = /^HZ_(?!authority$|contact$)/u;

/**
 * The field a cell of the sheet belongs to: the name of ours whose range holds it (a 汇总表
 * column's also below its named rows), with the 汇总表 row (1-based) it is on.
 */
export function fieldOfCell(
  names: readonly NamedRange[],
  address: string
):
  | {
      readonly fieldId: string;
      readonly row?: number;
      /** The cell's place in the field's range, row by row (its year column in a data row). */
      readonly index: number;
    }
  | undefined {
  const { row, col } = parseCell(address);
  for (const n of names) {
    if (!/^(?:SB|HZ)_/u.test(n.name) || n.name === "HZ_seq") continue;
    const [a, b = a] = n.address.split(":") as [string, string?];
    const start = parseCell(a);
    const end = parseCell(b);
    const column = TABLE_COLUMN.test(n.name);
    if (col < start.col || col > end.col || row < start.row) continue;
    if (row > end.row && !column) continue;
    const index = (row - start.row) * (end.col - start.col + 1) + (col - start.col);
    if (n.name.startsWith("SB_")) return { fieldId: n.name.slice(3), index };
    const fieldId = `hz_${n.name.slice(3)}`;
    return column ? { fieldId, row: row - start.row + 1, index } : { fieldId, index };
  }
  return undefined;
}

/**
 * One error per cell read whose formula has no result (read.uncached), on its field; findings
 * the blank read of such a cell gave (未填写 and the like) are dropped, its value being unknown.
 */
function withUncached(
  read: ReadSheet,
  batchYear: number,
  findings: readonly LocatedFinding[]
): LocatedFinding[] {
  const cells = new Set(read.uncached ?? []);
  if (cells.size === 0) return [...findings];
  const batch = batchParams(batchYear);
  const uncached = [...cells].flatMap((address): LocatedFinding[] => {
    const field = fieldOfCell(read.names, address);
    if (!field) return [];
    // The year of a 申报表 cell in a per-year row, as every other finding on it says it.
    // (SHENBAO.fields, not fieldById: a plan part's name is no field of its own.)
    const years =
      read.form === "shenbao"
        ? SHENBAO.fields.find((f) => f.id === field.fieldId)?.years
        : undefined;
    const year =
      years === "data"
        ? batch.dataYears[field.index]
        : years === "plan"
          ? [batch.dataYears[2], ...batch.planYears][field.index]
          : undefined;
    return [
      {
        ruleId: "formula_uncached",
        severity: "error",
        fieldId: field.fieldId,
        ...(year !== undefined ? { year } : {}),
        ...(field.row !== undefined ? { row: field.row } : {}),
        cell: address,
        detail: { cell: address },
      },
    ];
  });
  return [...uncached, ...findings.filter((f) => f.cell === undefined || !cells.has(f.cell))];
}

/**
 * A warning when the check applies another pack than the one the sheet was built with: its live
 * highlights show that pack's thresholds, not the check's. A sheet made before packs were
 * recorded was built with its batch's national standard.
 */
function criteriaMismatch(
  read: ReadSheet,
  year: number,
  used: CriteriaPack | undefined
): LocatedFinding[] {
  const recorded = read.criteria ?? nationalPackId(year);
  const usedId = used?.id ?? nationalPackId(year);
  if (recorded === usedId) return [];
  const nameOf = (id: string): string => findBuiltinPack(id)?.name ?? id;
  return [
    {
      ruleId: "criteria_mismatch",
      severity: "warning",
      fieldId: read.form === "shenbao" ? "name" : "hz_authority",
      detail: { recorded: nameOf(recorded), used: used?.name ?? nameOf(usedId) },
    },
  ];
}

export function evaluateSheet(read: ReadSheet, options: ReviewOptions = {}): EvaluatedSheet {
  const year = read.batchYear;
  if (year === undefined) return { read, problem: "noBatch", findings: [] };
  const labels = read.form === "shenbao" ? read.yearLabels : undefined;
  if (labels && labels.join() !== batchParams(year).dataYears.join())
    return { read, batchYear: year, problem: "labelsMismatch", findings: [] };
  const expected = options.expectedBatch ?? options.criteria?.batchYear;
  if (expected !== undefined && expected !== year)
    return {
      read,
      batchYear: year,
      problem: "otherBatch",
      expectedBatch: expected,
      findings: [],
    };
  const batch = batchParams(year);
  const settings = options.settings ?? {};
  const criteria = options.criteria ? { criteria: options.criteria } : {};
  const authority = read.form === "huizong" ? findAuthority(read.authority) : undefined;
  const findings =
    read.form === "shenbao"
      ? evaluateShenbao(read.values, { batch, settings, ...criteria })
      : evaluateHuizong(
          { rows: read.rows, ...(read.truncated ? { truncated: true } : {}) },
          { batch, settings, ...criteria, ...(authority ? { authority } : {}) }
        );
  const conclusions =
    read.form === "shenbao" && options.criteria?.review
      ? { conclusions: ruleConclusions(read.values, { batch, settings, ...criteria }) }
      : {};
  return {
    read,
    batchYear: year,
    ...criteria,
    ...conclusions,
    findings: withUncached(
      read,
      year,
      [...criteriaMismatch(read, year, options.criteria), ...findings].map((f) => {
        const at = findingCell(read.names, f.fieldId, findingIndex(read, year, f));
        return at ? { ...f, cell: at } : f;
      })
    ),
  };
}

/** 「中小企业特色产业集群(XX产业)」 on the cover names the industry; else the real name's
 * 「省+市+县+主导产业+产业集群」 with the place and the suffix taken off. */
export function industryOfForm(values: FormValues): string | null {
  const cover = asText(scalar(values, "cover_name")) ?? "";
  const inParens = /[((]([^()()]+)[))]\s*$/u.exec(cover);
  if (inParens?.[1]) return inParens[1].trim();
  let name = asText(scalar(values, "name")) ?? asText(scalar(values, "cover_name")) ?? "";
  for (const id of ["province", "city", "county"]) {
    const place = asText(scalar(values, id));
    if (place && name.startsWith(place)) name = name.slice(place.length);
  }
  const industry = name.replace(/(中小企业)?(特色)?(产业)?集群$/u, "").trim();
  return industry === "" ? null : industry;
}

/** 所在省、市、县(区) from the cover's three place cells, without repeating a 直辖市. */
export function locationOfForm(values: FormValues): string | null {
  const parts: string[] = [];
  for (const id of ["province", "city", "county"]) {
    const p = asText(scalar(values, id));
    if (p && !parts.includes(p)) parts.push(p);
  }
  return parts.length === 0 ? null : parts.join("");
}

/** The 汇总表 row a 申报表 gives: what a clerk would otherwise retype. 成立时间 and 简介 are not
 * on the 申报表 and stay for the clerk. */
export function huizongRowOfForm(values: FormValues): HuizongRow {
  return {
    name: asText(scalar(values, "name")) ?? asText(scalar(values, "cover_name")) ?? null,
    operator:
      asText(scalar(values, "operator")) ?? asText(scalar(values, "cover_operator")) ?? null,
    location: locationOfForm(values),
    industry: industryOfForm(values),
  };
}

/** The authority that recommends the applicant of a 申报表 (计划单列市 before its province). */
export const authorityOfForm = (values: FormValues) =>
  recommendingAuthority(asText(scalar(values, "province")), asText(scalar(values, "city")));

/**
 * The 推荐汇总表 plans a workbook's 申报表 sheets make: one per batch and recommending authority,
 * rows in form order. A template nobody has started (no 集群名称) is not an application.
 */
export function huizongPlansOfForms(
  reads: readonly (ReadSheet | undefined)[],
  text: PlanText,
  criteria?: CriteriaPack
): { readonly plan: SheetPlan; readonly forms: number; readonly year: number }[] {
  const groups = new Map<string, { year: number; authority?: Authority; rows: HuizongRow[] }>();
  for (const read of reads) {
    if (read?.form !== "shenbao" || read.batchYear === undefined) continue;
    const row = huizongRowOfForm(read.values);
    if (row.name === null || row.name === undefined) continue;
    const authority = authorityOfForm(read.values);
    const key = `${read.batchYear}|${authority?.name ?? ""}`;
    const group = groups.get(key) ?? {
      year: read.batchYear,
      ...(authority ? { authority } : {}),
      rows: [],
    };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    plan: withHuizongRows(
      buildHuizongPlan(
        batchParams(g.year),
        text,
        g.authority,
        criteria?.batchYear === undefined || criteria.batchYear === g.year ? criteria : undefined
      ),
      g.rows
    ),
    forms: g.rows.length,
    year: g.year,
  }));
}
