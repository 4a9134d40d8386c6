/**
 * 申报表 spec + batch → sheet plan. One row cursor walks the form spec; each field kind has one
 * emitter. Layout: A labels, B–G inputs (B–D are the three data years), H derived values
 * (native formulas only, so the file computes without the add-in), J hidden option lists.
 */
import type { BatchParams } from "../batch";
import {
  ABOVE_AVERAGE,
  COVER_LINES,
  DATE_LINE,
  DECLARATION_TEXT,
  DECLARATION_TITLE,
  PLAN_HELPER_HEADERS,
  PLAN_HELPER_TITLE,
  PLAN_OUTLINE,
  PLAN_TARGETS,
  PLAN_TARGETS_NOTE,
  SHENBAO,
  SHENBAO_FOOTER,
  SHENBAO_TITLE,
  STANDARD_LEVELS,
  STANDARD_ROLES,
  YESNO,
  YESNO_NA,
  type FieldSpec,
  type SectionSpec,
} from "../forms";
import { absolute, area, cell } from "./address";
import { shenbaoHighlights, westernFlagFormula } from "./highlights";
import { NUMBER_FORMATS, STYLES } from "./styles";
import type {
  PlanCell,
  PlanName,
  PlanText,
  PlanValidation,
  SheetPlan,
  ValidationKey,
  ValidationRule,
} from "./types";

/** Sheet-scoped name of a field's input range, stable across versions. */
export const fieldName = (fieldId: string): string => `SB_${fieldId}`;
/** Sheet-scoped name of a derived (formula) cell. */
export const derivedName = (fieldId: string): string => `SBX_${fieldId}`;

const COL = { label: 1, first: 2, last: 7, derived: 8, lists: 10 } as const;
const WIDTHS = [44, 11, 11, 11, 11, 11, 11, 12, 2, 18];
const LIST_ABOVE_AVERAGE = absolute(area(1, COL.lists, ABOVE_AVERAGE.length));
const strip = (a: string): string => a.replace(/\$/gu, "");

/** Display width in Latin-character units: CJK characters take two. */
const displayWidth = (text: string): number =>
  Array.from(text).reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);

/** Row height (points) that shows `text` wrapped in a column `chars` wide; Excel does not grow explicit rows. */
const fittedHeight = (text: string, chars: number): number =>
  text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / (chars - 2))), 0) *
    14 +
  4;

class Builder {
  row = 1;
  readonly cells: PlanCell[] = [];
  readonly merges: string[] = [];
  readonly names: PlanName[] = [];
  readonly validations: PlanValidation[] = [];
  readonly heights: Record<number, number> = {};
  readonly breaks: number[] = [];

  constructor(readonly text: PlanText) {}

  put(row: number, col: number, c: Omit<PlanCell, "address">, span = 1, rows = 1): void {
    this.cells.push({ address: cell(row, col), ...c });
    if (col === COL.label && rows === 1 && span === 1 && typeof c.value === "string") {
      this.heights[row] = Math.max(
        this.heights[row] ?? 0,
        fittedHeight(c.value, WIDTHS[0] as number)
      );
    }
    if (span > 1 || rows > 1) this.merges.push(area(row, col, rows, span));
  }

  /** A full-width line (title, section header, note). */
  line(c: Omit<PlanCell, "address">, height?: number): number {
    const r = this.row++;
    this.put(r, COL.label, c, COL.derived);
    if (height) this.heights[r] = height;
    return r;
  }

  name(fieldId: string, address: string, derived = false): void {
    this.names.push({
      name: derived ? derivedName(fieldId) : fieldName(fieldId),
      address: absolute(address),
      fieldId,
    });
  }

  validate(address: string, key: ValidationKey, rule: ValidationRule): void {
    this.validations.push({
      address,
      rule,
      prompt: this.text.prompt[key],
      error: { title: this.text.errorTitle, message: this.text.error[key] },
    });
  }

  derived(row: number, fieldId: string, formula: string, numberFormat: string): void {
    this.put(row, COL.derived, { formula, style: "derived", numberFormat });
    this.name(fieldId, cell(row, COL.derived), true);
  }
}

function validationFor(field: FieldSpec): { key: ValidationKey; rule: ValidationRule } | undefined {
  switch (field.kind) {
    case "yesno":
      return { key: "yesno", rule: { kind: "list", source: YESNO } };
    case "yesnoNA":
      return { key: "yesnoNA", rule: { kind: "list", source: YESNO_NA } };
    case "radio":
      // Excel's literal list source splits on commas; 「非工业集群,不适用」 needs a cell range.
      return field.options?.some((o) => o.includes(","))
        ? { key: "choice", rule: { kind: "listRange", address: LIST_ABOVE_AVERAGE } }
        : { key: "choice", rule: { kind: "list", source: field.options ?? [] } };
    case "pct":
      return field.rate
        ? { key: "rate", rule: { kind: "decimal", min: -100, minExclusive: true } }
        : { key: "share", rule: { kind: "decimal", min: 0, max: 100 } };
    case "num":
      return { key: "amount", rule: { kind: "decimal", min: 0 } };
    case "count":
    case "countNames":
    case "countGrid":
      return { key: "count", rule: { kind: "whole", min: 0 } };
    case "memo":
      return { key: "memo", rule: { kind: "textLength", max: field.limit ?? 32767 } };
    default:
      return undefined;
  }
}

function formatFor(field: FieldSpec): string {
  switch (field.kind) {
    case "pct":
      return NUMBER_FORMATS.pct;
    case "num":
      return field.id === "patents_per_10k" ? NUMBER_FORMATS.per10k : NUMBER_FORMATS.amount;
    case "count":
    case "countNames":
    case "countGrid":
      return NUMBER_FORMATS.count;
    case "date":
      return NUMBER_FORMATS.date;
    default:
      return NUMBER_FORMATS.text;
  }
}

const countFormula = (range: string, n: number, body: string): string =>
  `=IF(COUNT(${range})<${n},"",${body})`;

function emitField(b: Builder, field: FieldSpec, addresses: Map<string, string>): void {
  const r = b.row;
  const v = validationFor(field);
  const input = { style: "input" as const, numberFormat: formatFor(field) };
  const label =
    field.group && field.kind !== "memo" && field.kind !== "multi"
      ? `  ${field.label}`
      : field.label;
  const labelText = field.note ? `${label}\n${field.note}` : label;

  switch (field.kind) {
    case "multi": {
      const options = field.options ?? [];
      b.put(r, COL.label, { value: field.label, style: "label" });
      b.put(r, COL.first, { value: "是/否", style: "header" }, COL.last - COL.first + 1);
      options.forEach((option, i) => {
        b.put(r + 1 + i, COL.label, { value: option, style: "option" });
        b.put(r + 1 + i, COL.first, { ...input, numberFormat: NUMBER_FORMATS.text });
      });
      const range = area(r + 1, COL.first, options.length);
      b.name(field.id, range);
      b.validate(range, "tick", { kind: "list", source: YESNO });
      b.row += 1 + options.length;
      return;
    }
    case "countGrid": {
      const years = 3;
      const roles = STANDARD_ROLES.length;
      b.put(r, COL.label, { value: field.label, style: "label" }, 1, 2);
      b.heights[r] = 48;
      for (let y = 0; y < years; y++) {
        b.put(r, COL.first + y * roles, { value: `__YEAR${y}__`, style: "header" }, roles);
        STANDARD_ROLES.forEach((role, k) =>
          b.put(r + 1, COL.first + y * roles + k, { value: role, style: "header" })
        );
      }
      STANDARD_LEVELS.forEach((level, i) => {
        b.put(r + 2 + i, COL.label, { value: level, style: "option" });
        for (let c = 0; c < years * roles; c++) b.put(r + 2 + i, COL.first + c, input);
      });
      const range = area(r + 2, COL.first, STANDARD_LEVELS.length, years * roles);
      b.name(field.id, range);
      if (v) b.validate(range, v.key, v.rule);
      b.row += 2 + STANDARD_LEVELS.length;
      return;
    }
    case "memo": {
      const limit = field.limit ?? 200;
      b.put(r, COL.label, { value: labelText, style: "label" });
      b.put(r, COL.first, input, COL.last - COL.first + 1);
      // Room for the text as printed: about 40 characters a line at this width.
      b.heights[r] = Math.min(409, Math.max(45, Math.ceil(limit / 40) * 15));
      b.name(field.id, cell(r, COL.first));
      const at = cell(r, COL.first);
      b.derived(r, field.id, `=IF(LEN(TRIM(${at}))=0,"",LEN(TRIM(${at})))`, NUMBER_FORMATS.chars);
      if (v) b.validate(cell(r, COL.first), v.key, v.rule);
      b.row += 1;
      return;
    }
    case "countNames": {
      b.put(r, COL.label, { value: labelText, style: "label" });
      b.put(r, COL.first, input);
      b.put(
        r,
        COL.first + 1,
        { ...input, numberFormat: NUMBER_FORMATS.text },
        COL.last - COL.first
      );
      b.name(field.id, area(r, COL.first, 1, 2));
      if (v) b.validate(cell(r, COL.first), v.key, v.rule);
      b.row += 1;
      return;
    }
    case "seal": {
      b.put(r, COL.label, { value: field.label, style: "label" });
      b.put(r, COL.first, { style: "label" }, COL.last - COL.first + 1);
      b.heights[r] = 40;
      b.row += 1;
      return;
    }
    default: {
      b.put(r, COL.label, { value: labelText, style: "label" });
      if (field.years === "data") {
        for (let i = 0; i < 3; i++) b.put(r, COL.first + i, input);
        const range = area(r, COL.first, 1, 3);
        b.name(field.id, range);
        if (v) b.validate(range, v.key, v.rule);
      } else {
        const wide = field.kind === "text" || field.kind === "date";
        b.put(r, COL.first, input, wide ? COL.last - COL.first + 1 : 1);
        b.name(field.id, cell(r, COL.first));
        if (v) b.validate(cell(r, COL.first), v.key, v.rule);
      }
      if (field.note) b.heights[r] = 36;
      addresses.set(field.id, cell(r, COL.first));
      b.row += 1;
    }
  }
}

/** Derived values that need other fields' cells: growth recomputations, 每万人. */
function emitDerived(b: Builder, addresses: Map<string, string>, rowOf: Map<string, number>): void {
  const years = (id: string): string => {
    const r = rowOf.get(id) as number;
    return area(r, COL.first, 1, 3);
  };
  const geomean = (id: string): void => {
    const r = rowOf.get(id) as number;
    const [x, y, z] = [0, 1, 2].map((i) => cell(r, COL.first + i));
    b.derived(
      r,
      id,
      countFormula(years(id), 3, `(PRODUCT(1+${x}/100,1+${y}/100,1+${z}/100)^(1/3)-1)*100`),
      NUMBER_FORMATS.pct
    );
  };
  const out = rowOf.get("output_total") as number;
  const [first, , last] = [0, 1, 2].map((i) => cell(out, COL.first + i));
  b.derived(
    out,
    "output_total",
    countFormula(`${first},${last}`, 2, `IFERROR(_xlfn.RRI(2,${first},${last})*100,"")`),
    NUMBER_FORMATS.pct
  );
  geomean("lead_output_growth");
  geomean("rd_growth");
  const p10k = rowOf.get("patents_per_10k") as number;
  const patents = addresses.get("patents") as string;
  const employees = addresses.get("employees") as string;
  b.derived(
    p10k,
    "patents_per_10k",
    `=IF(AND(ISNUMBER(${patents}),ISNUMBER(${employees}),${employees}>0),${patents}/${employees}*10000,"")`,
    NUMBER_FORMATS.per10k
  );
}

function emitPlanHelper(b: Builder, batch: BatchParams, fields: readonly FieldSpec[]): void {
  b.line({ value: PLAN_HELPER_TITLE, style: "helper" });
  b.line({ value: b.text.helperNote, style: "note" }, 30);
  const r = b.row++;
  const headers: (string | number)[] = [
    PLAN_HELPER_HEADERS.indicator,
    `${PLAN_HELPER_HEADERS.base}(${batch.dataYears[2]})`,
    ...batch.planYears,
    PLAN_HELPER_HEADERS.change,
  ];
  headers.forEach((h, i) =>
    b.put(
      r,
      COL.label + i,
      { value: h, style: "header", ...(typeof h === "number" ? { numberFormat: "0" } : {}) },
      i === headers.length - 1 ? 2 : 1
    )
  );
  const kinds: Readonly<Record<string, "cagr" | "rising" | "reach" | "cut">> = {
    plan_output: "cagr",
    plan_quality_smes: "rising",
    plan_rd_spend: "cagr",
    plan_patents: "cagr",
    plan_iiot_rate: "reach",
    plan_co2_intensity: "cut",
    plan_energy_intensity: "cut",
  };
  for (const field of fields) {
    const row = b.row++;
    b.put(row, COL.label, { value: field.label, style: "label" });
    for (let i = 0; i < 4; i++)
      b.put(row, COL.first + i, {
        style: "input",
        numberFormat: field.unit === "%" ? NUMBER_FORMATS.pct : NUMBER_FORMATS.amount,
      });
    const range = area(row, COL.first, 1, 4);
    b.name(field.id, range);
    const [base, y1, y2, target] = [0, 1, 2, 3].map((i) => cell(row, COL.first + i)) as [
      string,
      string,
      string,
      string,
    ];
    const formula = {
      cagr: countFormula(`${base},${target}`, 2, `IFERROR(_xlfn.RRI(3,${base},${target})*100,"")`),
      rising: countFormula(
        range,
        4,
        `IF(AND(${y1}>${base},${y2}>${y1},${target}>${y2}),"是","否")`
      ),
      reach: `=IF(ISNUMBER(${target}),${target},"")`,
      cut: countFormula(`${base},${target}`, 2, `IFERROR((${base}-${target})/${base}*100,"")`),
    }[kinds[field.id] ?? "reach"];
    const c = COL.first + 4;
    b.put(
      row,
      c,
      {
        formula,
        style: "derived",
        // 逐年增加 shows 是/否 in General format: a formula typed into a Text ("@") cell stays text.
        ...(kinds[field.id] === "rising" ? {} : { numberFormat: NUMBER_FORMATS.pct }),
      },
      2
    );
    b.names.push({
      name: derivedName(field.id),
      address: absolute(cell(row, c)),
      fieldId: field.id,
    });
    b.validate(range, "amount", { kind: "decimal", min: 0 });
  }
}

function emitSection(
  b: Builder,
  section: SectionSpec,
  batch: BatchParams,
  addresses: Map<string, string>,
  rowOf: Map<string, number>
): void {
  const fields = SHENBAO.fields.filter((f) => f.section === section.id);
  if (section.id === "s9") b.breaks.push(b.row - 1);
  b.line({ value: section.title, style: "section" }, 24);
  if (fields.some((f) => f.years === "data")) {
    const r = b.row++;
    b.put(r, COL.label, { value: section.yearHeader ?? "年度", style: "header" });
    batch.dataYears.forEach((y, i) =>
      b.put(r, COL.first + i, { value: y, style: "header", numberFormat: "0" })
    );
    b.put(r, COL.derived, { value: b.text.derivedHeader, style: "header" });
  }
  if (section.id === "s8") {
    for (const line of PLAN_OUTLINE) b.line({ value: line, style: "note" });
    b.line(
      { value: `${PLAN_TARGETS_NOTE(batch.targetYear)}:${PLAN_TARGETS.join(";")}`, style: "note" },
      60
    );
  }
  if (section.id === "s9") {
    b.line({ value: DECLARATION_TITLE, style: "header" });
    b.line({ value: DECLARATION_TEXT, style: "label" }, 48);
  }
  for (const field of fields.filter((f) => !f.helper)) {
    rowOf.set(field.id, b.row);
    emitField(b, field, addresses);
    if (field.id === "county_seal") b.line({ value: DATE_LINE, style: "label" });
  }
  if (section.id === "s9") b.line({ value: DATE_LINE, style: "label" });
  const helpers = fields.filter((f) => f.helper);
  if (helpers.length) emitPlanHelper(b, batch, helpers);
}

function emitCover(b: Builder, batch: BatchParams, addresses: Map<string, string>): void {
  b.line({ value: SHENBAO_TITLE, style: "title" }, 36);
  b.line({ value: b.text.batchLine(batch.year, batch.dataYears), style: "subtitle" });
  const legend = b.row++;
  b.put(legend, COL.label, { value: b.text.legend.title, style: "note" });
  b.put(legend, COL.first, { value: b.text.legend.error, style: "legendError" }, 3);
  b.put(legend, COL.first + 3, { value: b.text.legend.warning, style: "legendWarning" }, 4);
  b.heights[legend] = 30;
  const coverFields = SHENBAO.fields.filter((f) => f.section === "cover");
  const coverLabel: Readonly<Record<string, string>> = {
    cover_name: COVER_LINES.name,
    cover_dept_seal: COVER_LINES.deptSeal,
    cover_operator: COVER_LINES.operator,
    declared_on: COVER_LINES.declaredOn,
    cover_contact: COVER_LINES.contact,
  };
  b.line({ value: COVER_LINES.region, style: "note" });
  for (const field of coverFields) {
    emitField(b, { ...field, label: coverLabel[field.id] ?? field.label }, addresses);
    if (field.id === "cover_name") b.line({ value: COVER_LINES.nameHint, style: "note" });
  }
  b.line({ value: SHENBAO_FOOTER, style: "subtitle" });
  b.breaks.push(b.row - 1);
}

export function buildShenbaoPlan(batch: BatchParams, text: PlanText): SheetPlan {
  const b = new Builder(text);
  const addresses = new Map<string, string>();
  const rowOf = new Map<string, number>();
  emitCover(b, batch, addresses);
  for (const section of SHENBAO.sections.filter((s) => s.id !== "cover"))
    emitSection(b, section, batch, addresses, rowOf);
  emitDerived(b, addresses, rowOf);
  const lastRow = b.row - 1;

  // Year captions of the standards grid are filled in once the batch is known.
  const cells = b.cells.map((c) => {
    const m = typeof c.value === "string" ? /^__YEAR(\d)__$/u.exec(c.value) : null;
    return m ? { ...c, value: batch.dataYears[Number(m[1])] as number, numberFormat: "0" } : c;
  });
  ABOVE_AVERAGE.forEach((o, i) => cells.push({ address: cell(1 + i, COL.lists), value: o }));
  // Hidden flag: is the sheet's own 省 western? Highlights turn amber instead of red then.
  const flag = cell(ABOVE_AVERAGE.length + 1, COL.lists);
  cells.push({
    address: flag,
    formula: westernFlagFormula(strip(addresses.get("province") as string)),
  });
  const names = [
    ...b.names,
    { name: derivedName("western"), address: absolute(flag), fieldId: "western" },
  ];

  return {
    form: "shenbao",
    batchYear: batch.year,
    sheetName: `申报表-${batch.year}`,
    columnWidths: WIDTHS,
    rowHeights: b.heights,
    cells,
    merges: b.merges,
    styles: STYLES,
    names,
    validations: b.validations,
    hiddenColumns: [COL.lists],
    highlights: shenbaoHighlights(batch, names, flag),
    freeze: { rows: 2, columns: 1 },
    print: {
      area: absolute(area(1, 1, lastRow, COL.derived)),
      titleRows: "$1:$2",
      orientation: "Portrait",
      paper: "A4",
      fitToPagesWide: 1,
      footer: "第 &P 页 共 &N 页",
      breaksAfterRows: b.breaks,
    },
  };
}
