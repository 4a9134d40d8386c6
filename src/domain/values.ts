/**
 * Form values as read from a sheet (or a file): one entry per field id. A per-year field holds
 * one value per year column; a multi field one value per option; a grid its cells row by row.
 * Values are what a cell holds: numbers, text, booleans, or nothing.
 */
import { NA_SYNONYMS } from "./forms/shenbao";

export type CellValue = number | string | boolean | null;
export type FieldValue = CellValue | readonly CellValue[];
export type FormValues = Readonly<Record<string, FieldValue | undefined>>;

export const isBlank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A number, or undefined for anything else: text that looks numeric is text, as in Excel's ISNUMBER. */
export const asNumber = (v: CellValue | undefined): number | undefined =>
  typeof v === "number" && Number.isFinite(v) ? v : undefined;

export const asText = (v: CellValue | undefined): string | undefined =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;

export function scalar(values: FormValues, id: string): CellValue {
  const v = values[id];
  if (v === undefined) return null;
  if (Array.isArray(v)) return (v[0] as CellValue | undefined) ?? null;
  return v as CellValue;
}

export function series(values: FormValues, id: string, length: number): CellValue[] {
  const v = values[id];
  const arr: readonly CellValue[] = v === undefined ? [] : Array.isArray(v) ? v : [v as CellValue];
  return Array.from({ length }, (_, i) => arr[i] ?? null);
}

const TICKED = new Set(["是", "✓", "✔", "√", "☑", "■", "TRUE", "true", "1"]);
const UNTICKED = new Set(["否", "☐", "□", "FALSE", "false", "0"]);

/** A multi-choice option: true ticked, false unticked, undefined for an unreadable mark. */
export function tickState(v: CellValue): boolean | undefined {
  if (isBlank(v)) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : undefined;
  const t = String(v).trim();
  if (TICKED.has(t)) return true;
  if (UNTICKED.has(t)) return false;
  return undefined;
}

/** Normalises a 是/否/不涉及 answer; 不适用 reads as 不涉及. */
export function choiceOf(v: CellValue): string | undefined {
  const t = asText(v);
  if (t === undefined) return undefined;
  return (NA_SYNONYMS as readonly string[]).includes(t) ? "不涉及" : t;
}
