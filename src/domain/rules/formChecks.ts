/**
 * Form-level checks (the form's own rules, and sanity bounds for unit slips): completeness, types,
 * ranges, limits, and cross-field consistency that the criteria do not cover.
 */
import { SHENBAO, YESNO, YESNO_NA, type FieldSpec } from "../forms";
import { geometricMeanOfRates } from "../growth";
import { roundPct } from "../numbers";
import { codePointLength } from "../text";
import {
  asNumber,
  asText,
  choiceOf,
  isBlank,
  scalar,
  series,
  tickState,
  type CellValue,
  type FormValues,
} from "../values";
import type { EvaluationSettings } from "./settings";
import type { Finding } from "./types";

type Years = readonly number[];

/** How many cells a field has, and which year each belongs to. */
function cellsOf(
  field: FieldSpec,
  values: FormValues,
  dataYears: Years,
  planYears: Years
): { v: CellValue; year?: number }[] {
  if (field.years === "data")
    return series(values, field.id, 3).map((v, i) => ({ v, year: dataYears[i] as number }));
  if (field.years === "plan") {
    const years = [dataYears[2] as number, ...planYears];
    return series(values, field.id, 4).map((v, i) => ({ v, year: years[i] as number }));
  }
  return [{ v: scalar(values, field.id) }];
}

const withYear = (year: number | undefined): { year?: number } =>
  year === undefined ? {} : { year };

function checkNumberCell(
  field: FieldSpec,
  v: CellValue,
  year: number | undefined,
  out: Finding[]
): void {
  const at = { fieldId: field.id, ...withYear(year) };
  if (isBlank(v)) {
    if (!field.optional) out.push({ ruleId: "required", severity: "error", ...at });
    return;
  }
  const n = asNumber(v);
  if (n === undefined) {
    out.push({ ruleId: "number_expected", severity: "error", actual: String(v), ...at });
    return;
  }
  if (field.kind === "count" && (!Number.isInteger(n) || n < 0)) {
    out.push({ ruleId: "count_whole", severity: "error", actual: n, ...at });
  }
  if (field.kind === "pct") {
    // A share lies in 0..100; a growth rate cannot fall below −100%.
    const low = field.rate ? -100 : 0;
    const bad = field.rate ? n <= low : n < low || n > 100;
    if (bad) {
      out.push({
        ruleId: "pct_range",
        severity: "error",
        actual: n,
        threshold: field.rate ? "(-100, ∞)" : "[0, 100]",
        ...at,
      });
    }
  }
}

function checkChoice(field: FieldSpec, v: CellValue, out: Finding[]): void {
  if (isBlank(v)) {
    if (!field.optional) out.push({ ruleId: "required", severity: "error", fieldId: field.id });
    return;
  }
  const allowed: readonly string[] =
    field.kind === "yesno" ? YESNO : field.kind === "yesnoNA" ? YESNO_NA : (field.options ?? []);
  const answer = choiceOf(v);
  if (answer === undefined || !allowed.includes(answer)) {
    out.push({
      ruleId: "choice_invalid",
      severity: "error",
      fieldId: field.id,
      actual: v,
      threshold: allowed.join("/"),
    });
  }
}

/**
 * A text field's cells: one, or the plan's, one per heading of its outline (a file made before
 * the plan was split has the whole plan in the first). They count together, each trimmed, the
 * headings not counted: the characters the writer typed.
 */
function textCells(field: FieldSpec, values: FormValues): string[] {
  return (field.parts ?? [field.id]).map((id) => {
    const v = scalar(values, id);
    return v === null ? "" : String(v);
  });
}

function checkText(field: FieldSpec, values: FormValues, out: Finding[]): void {
  const texts = textCells(field, values);
  if (texts.every((t) => t.trim() === "")) {
    if (!field.optional) out.push({ ruleId: "required", severity: "error", fieldId: field.id });
    return;
  }
  if (field.limit !== undefined) {
    const len = texts.reduce((n, t) => n + codePointLength(t), 0);
    if (len > field.limit) {
      out.push({
        ruleId: "text_limit",
        severity: "error",
        fieldId: field.id,
        actual: len,
        threshold: field.limit,
        operator: "<=",
      });
    }
  }
}

function evidence(field: FieldSpec, values: FormValues): Finding[] {
  const info = (extra: Partial<Finding> = {}): Finding => ({
    ruleId: "evidence_required",
    severity: "info",
    fieldId: field.id,
    ...extra,
  });
  switch (field.evidence) {
    case "perOption":
      return (field.options ?? []).flatMap((option, i) =>
        tickState(series(values, field.id, field.options?.length ?? 0)[i] ?? null) === true
          ? [info({ option })]
          : []
      );
    case "ifYes":
      return choiceOf(scalar(values, field.id)) === "是" ? [info()] : [];
    case "always": {
      const v = values[field.id];
      const cells: readonly CellValue[] =
        v === undefined ? [] : Array.isArray(v) ? v : [v as CellValue];
      const filled = cells.some((c) => (typeof c === "number" ? c > 0 : !isBlank(c)));
      return filled ? [info()] : [];
    }
    default:
      return [];
  }
}

function checkField(
  field: FieldSpec,
  values: FormValues,
  dataYears: Years,
  planYears: Years
): Finding[] {
  const out: Finding[] = [];
  switch (field.kind) {
    case "num":
    case "pct":
    case "count": {
      const cells = cellsOf(field, values, dataYears, planYears);
      // The helper table is optional as a whole: judge its cells only once a row is started.
      if (field.helper && cells.every((c) => isBlank(c.v))) break;
      // A started helper row needs all its cells, or its target cannot be judged.
      const spec = field.helper ? { ...field, optional: false } : field;
      for (const c of cells) checkNumberCell(spec, c.v, c.year, out);
      break;
    }
    case "yesno":
    case "yesnoNA":
    case "radio":
      checkChoice(field, scalar(values, field.id), out);
      break;
    case "multi":
      (field.options ?? []).forEach((option, i) => {
        const v = series(values, field.id, field.options?.length ?? 0)[i] ?? null;
        if (tickState(v) === undefined) {
          out.push({
            ruleId: "choice_invalid",
            severity: "error",
            fieldId: field.id,
            option,
            actual: v,
            threshold: YESNO.join("/"),
          });
        }
      });
      break;
    case "text":
    case "memo":
    case "date":
      checkText(field, values, out);
      break;
    case "countNames": {
      const [count, names] = series(values, field.id, 2);
      checkNumberCell({ ...field, kind: "count" }, count ?? null, undefined, out);
      const n = asNumber(count ?? null);
      if (n !== undefined && n > 0 && isBlank(names ?? null)) {
        out.push({ ruleId: "required", severity: "error", fieldId: field.id, option: "名称" });
      }
      break;
    }
    case "countGrid": {
      const cells = series(
        values,
        field.id,
        (field.gridRows?.length ?? 0) * (field.gridCols?.length ?? 0) * 3
      );
      // Blank grid cells read as 0 (nothing to report); only a wholly empty grid is missing.
      if (cells.every((c) => isBlank(c))) {
        out.push({ ruleId: "required", severity: "error", fieldId: field.id });
        break;
      }
      for (const c of cells) {
        if (isBlank(c)) continue;
        const n = asNumber(c);
        if (n === undefined)
          out.push({
            ruleId: "number_expected",
            severity: "error",
            fieldId: field.id,
            actual: String(c),
          });
        else if (!Number.isInteger(n) || n < 0)
          out.push({ ruleId: "count_whole", severity: "error", fieldId: field.id, actual: n });
      }
      break;
    }
    case "seal":
      break;
  }
  return [...out, ...evidence(field, values)];
}

/** Sanity bounds from the first batch's statistics: far outside is a unit slip. */
const UNIT_SLIP_BOUNDS: ReadonlyArray<{
  readonly field: string;
  readonly min: number;
  readonly max: number;
}> = [
  { field: "output_total", min: 1, max: 20000 },
  { field: "patents_per_10k", min: 0, max: 3000 },
];
/** Shares typed as fractions (0.82 for 82%) are the other classic slip. */
const FRACTION_PRONE = [
  "sme_output_share",
  "lead_output_share",
  "cloud_rate",
  "iiot_rate",
  "solid_waste_rate",
  "water_reuse_rate",
];

function unitSlips(values: FormValues, dataYears: Years): Finding[] {
  const out: Finding[] = [];
  const eachCell = (id: string, f: (n: number, year?: number) => void): void => {
    const field = SHENBAO.fields.find((x) => x.id === id);
    if (!field) return;
    cellsOf(field, values, dataYears, []).forEach((c) => {
      const n = asNumber(c.v);
      if (n !== undefined) f(n, c.year);
    });
  };
  for (const b of UNIT_SLIP_BOUNDS) {
    eachCell(b.field, (n, year) => {
      if (n < b.min || n > b.max) {
        out.push({
          ruleId: "unit_slip",
          severity: "warning",
          fieldId: b.field,
          actual: n,
          threshold: `[${b.min}, ${b.max}]`,
          ...withYear(year),
        });
      }
    });
  }
  for (const id of FRACTION_PRONE) {
    eachCell(id, (n, year) => {
      if (n > 0 && n <= 1)
        out.push({
          ruleId: "unit_slip",
          severity: "warning",
          fieldId: id,
          actual: n,
          threshold: "%",
          ...withYear(year),
        });
    });
  }
  return out;
}

function crossField(values: FormValues, dataYears: Years, settings: EvaluationSettings): Finding[] {
  const out: Finding[] = [];
  const smes = series(values, "smes", 3).map(asNumber);
  const firms = series(values, "firms", 3).map(asNumber);
  dataYears.forEach((year, i) => {
    const s = smes[i];
    const f = firms[i];
    if (s !== undefined && f !== undefined && s > f) {
      out.push({
        ruleId: "sme_count_le_firms",
        severity: "error",
        fieldId: "smes",
        year,
        actual: s,
        threshold: f,
        operator: "<=",
      });
    }
    // 单项冠军 may be large firms, so a tier count above the SME count is only suspicious.
    for (const tier of ["zjtx_smes", "little_giants", "champions", "hitech_innovative"]) {
      const t = asNumber(series(values, tier, 3)[i] ?? null);
      if (t !== undefined && s !== undefined && t > s) {
        out.push({
          ruleId: "tier_count_le_smes",
          severity: "warning",
          fieldId: tier,
          year,
          actual: t,
          threshold: s,
          operator: "<=",
        });
      }
    }
  });

  const reported = asNumber(scalar(values, "lead_output_cagr"));
  const rates = series(values, "lead_output_growth", 3).map(asNumber);
  if (reported !== undefined && rates.every((r): r is number => r !== undefined)) {
    const g = geometricMeanOfRates(rates);
    if (
      g.ok &&
      Math.abs(roundPct(reported) - roundPct(g.value)) > settings.growthTolerancePp + 1e-9
    ) {
      out.push({
        ruleId: "growth_reported_vs_recomputed",
        severity: "warning",
        fieldId: "lead_output_cagr",
        actual: roundPct(reported),
        threshold: settings.growthTolerancePp,
        method: "geomean_rates",
        detail: { recomputed: roundPct(g.value) },
      });
    }
  }

  const per10k = asNumber(scalar(values, "patents_per_10k"));
  const patents = asNumber(scalar(values, "patents"));
  const employees = asNumber(scalar(values, "employees"));
  if (per10k !== undefined && patents !== undefined && employees !== undefined && employees > 0) {
    const recomputed = (patents / employees) * 10000;
    const off =
      recomputed === 0
        ? per10k !== 0
        : Math.abs(per10k - recomputed) / recomputed > settings.per10kTolerance;
    if (off) {
      out.push({
        ruleId: "per_10k_consistency",
        severity: "warning",
        fieldId: "patents_per_10k",
        actual: per10k,
        threshold: settings.per10kTolerance,
        detail: { recomputed: Math.round(recomputed * 100) / 100 },
      });
    }
  }
  return out;
}

/** Names read 「省+市+县+主导产业+产业集群」, or the hint's 「中小企业特色产业集群(XX产业)」. */
export function nameLooksRight(name: string): boolean {
  return /产业集群$/u.test(name) || /^中小企业特色产业集群[((].+产业[))]$/u.test(name);
}

function names(values: FormValues): Finding[] {
  const out: Finding[] = [];
  const cover = asText(scalar(values, "cover_name"));
  const inner = asText(scalar(values, "name"));
  for (const [id, v] of [
    ["cover_name", cover],
    ["name", inner],
  ] as const) {
    if (v !== undefined && !nameLooksRight(v))
      out.push({ ruleId: "name_pattern", severity: "warning", fieldId: id, actual: v });
  }
  if (
    cover !== undefined &&
    inner !== undefined &&
    cover.replace(/\s+/gu, "") !== inner.replace(/\s+/gu, "")
  ) {
    out.push({
      ruleId: "name_mismatch",
      severity: "warning",
      fieldId: "name",
      actual: inner,
      threshold: cover,
    });
  }
  return out;
}

export function evaluateFormChecks(
  values: FormValues,
  dataYears: Years,
  planYears: Years,
  settings: EvaluationSettings
): Finding[] {
  return [
    ...SHENBAO.fields.flatMap((f) => checkField(f, values, dataYears, planYears)),
    ...crossField(values, dataYears, settings),
    ...unitSlips(values, dataYears),
    ...names(values),
  ];
}
