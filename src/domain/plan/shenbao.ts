/**
 * 申报表 spec + batch → sheet plan. One row cursor walks the form spec; each field kind has one
 * emitter.
 *
 * The sheet is two things at once. Rows 1–3 and the columns right of G are the workbook's: a note
 * on what prints, the batch line the checker reads the batch from (row 2), the legend, the
 * drop-downs (H), the 校核 values (I, native formulas only, so the file computes without the
 * add-in), hidden option lists (J) and, below the form, the 发展目标测算 helper table. The print
 * area, A4 from row 4 over columns A–G, is the official form of 附件2: every printed text in the
 * official order and wording, a choice printed as ☑/□ by a formula reading its drop-down, the plan
 * as one cell per heading of its outline, page breaks placed so that no heading ends a page.
 */
import type { BatchParams } from "../batch";
import { nationalPack } from "../criteria/builtin";
import type { CriteriaPack } from "../criteria/types";
import {
  ABOVE_AVERAGE,
  COUNT_NAMES_LINES,
  COVER_LINES,
  DATE_LINE,
  DECLARATION_TEXT,
  DECLARATION_TITLE,
  EVIDENCE_NOTE,
  PLAN_HELPER_HEADERS,
  PLAN_HELPER_TITLE,
  RECOMMENDATION_TITLE,
  SHENBAO,
  SHENBAO_ATTACHMENT,
  SHENBAO_FOOTER,
  SHENBAO_INSTRUCTIONS_HEADING,
  SHENBAO_TITLE,
  STANDARD_CATEGORY,
  STANDARD_LEVELS,
  STANDARD_ROLES,
  YESNO,
  YESNO_NA,
  planOutline,
  type FieldSpec,
  type SectionSpec,
} from "../forms";
import { absolute, area, cell } from "./address";
import { displayFormula, displayText } from "./choices";
import { shenbaoHighlights, westernFlagFormula } from "./highlights";
import { heightFor, linesHeight, MAX_ROW_PT, mm, pageHeight, paginate, textWidth } from "./paper";
import { BODY_PT, NUMBER_FORMATS, SHENBAO_STYLES } from "./styles";
import type {
  CellStyleId,
  ChoiceDisplay,
  PageMargins,
  PlanCell,
  PlanName,
  PlanText,
  PlanValidation,
  RowSpan,
  SheetPlan,
  ValidationKey,
  ValidationRule,
} from "./types";

/** Sheet-scoped name of a field's input range, stable across versions. */
export const fieldName = (fieldId: string): string => `SB_${fieldId}`;
/** Sheet-scoped name of a derived (formula) cell. */
export const derivedName = (fieldId: string): string => `SBX_${fieldId}`;

const COL = { label: 1, first: 2, last: 7, choice: 8, derived: 9, lists: 10 } as const;
/**
 * Column widths in the default font's digit units. The printed columns A–G add up to 71.8 units:
 * 503 pt where LibreOffice draws a unit as 7 pt, inside A4's 523 pt between 0.5-inch margins, so
 * the form prints at 100 % everywhere (paper.ts). B–G hold a year's amount (12345.00) each.
 */
const WIDTHS = [22, 8.3, 8.3, 8.3, 8.3, 8.3, 8.3, 12, 12, 18];
/** Row 4 is the first printed row: rows 1–3 are for the screen. */
const FIRST_ROW = 4;
const MARGINS: PageMargins = {
  top: 0.6,
  bottom: 0.6,
  left: 0.5,
  right: 0.5,
  header: 0.3,
  footer: 0.3,
};
/** A round seal is about 42 mm across; its row gets 46 mm. */
const SEAL_PT = Math.ceil(mm(46));
const LIST_ABOVE_AVERAGE = absolute(area(1, COL.lists, ABOVE_AVERAGE.length));
const strip = (a: string): string => a.replace(/\$/gu, "");

function optionsOf(field: FieldSpec): readonly string[] {
  if (field.kind === "yesno") return YESNO;
  if (field.kind === "yesnoNA") return YESNO_NA;
  return field.options ?? [];
}

class Builder {
  row = FIRST_ROW;
  readonly cells: PlanCell[] = [];
  readonly merges: string[] = [];
  readonly names: PlanName[] = [];
  readonly validations: PlanValidation[] = [];
  readonly heights: Record<number, number> = {};
  readonly keep: RowSpan[] = [];
  readonly newPageAt: number[] = [];
  /** The row of each field's inputs, for the 校核 cells that read them. */
  readonly inputRow = new Map<string, number>();

  constructor(
    readonly words: PlanText,
    readonly batch: BatchParams
  ) {}

  /**
   * A cell, merged over `cols` × `rows`. The merged-over cells take its style too: a merged cell's
   * outline is drawn from the cells along its edges, and whole rows of one style make few
   * rectangles for the add-in's Excel writer (blocks.ts), which pays per rectangle.
   */
  put(row: number, col: number, c: Omit<PlanCell, "address">, cols = 1, rows = 1): void {
    this.cells.push({ address: cell(row, col), ...c });
    if (cols === 1 && rows === 1) return;
    this.merges.push(area(row, col, rows, cols));
    if (!c.style) return;
    for (let r = row; r < row + rows; r++)
      for (let k = col; k < col + cols; k++)
        if (r !== row || k !== col) this.cells.push({ address: cell(r, k), style: c.style });
  }

  /** Rows `row`..`row + rows - 1` together at least `height` points (the last ones grow). */
  atLeast(row: number, height: number, rows = 1): void {
    let have = 0;
    for (let r = row; r < row + rows; r++) have += this.heights[r] ?? 0;
    for (let r = row + rows - 1; r >= row && have < height; r--) {
      const now = this.heights[r] ?? 0;
      const grown = Math.min(MAX_ROW_PT, now + (height - have));
      this.heights[r] = grown;
      have += grown - now;
    }
  }

  /** A printed text: put, and its rows made tall enough to show it. */
  text(row: number, col: number, value: string, style: CellStyleId, cols = 1, rows = 1): void {
    this.put(row, col, { value, style }, cols, rows);
    this.fit(row, col, cols, value, style, rows);
  }

  fit(row: number, col: number, cols: number, text: string, style: CellStyleId, rows = 1): void {
    const size = SHENBAO_STYLES[style].fontSize ?? 11;
    this.atLeast(
      row,
      heightFor(text, textWidth(WIDTHS.slice(col - 1, col - 1 + cols)), size),
      rows
    );
  }

  /** Takes `n` rows at the cursor, each at least one body line tall; returns the first. */
  take(n = 1): number {
    const first = this.row;
    for (let r = first; r < first + n; r++) this.atLeast(r, linesHeight(1, BODY_PT));
    this.row += n;
    return first;
  }

  keepRows(first: number, last = this.row - 1): void {
    this.keep.push({ first, last });
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
      prompt: this.words.prompt[key],
      error: { title: this.words.errorTitle, message: this.words.error[key] },
    });
  }

  derived(row: number, fieldId: string, formula: string, numberFormat: string): void {
    this.put(row, COL.derived, { formula, style: "derived", numberFormat });
    this.name(fieldId, cell(row, COL.derived), true);
  }

  /** An input cell (or merged run) and its name and input rule. */
  input(field: FieldSpec, row: number, col: number, cols = 1, rows = 1): string {
    const at = cell(row, col);
    this.put(row, col, { style: "input", numberFormat: formatFor(field) }, cols, rows);
    this.name(field.id, at);
    const v = validationFor(field);
    if (v) this.validate(at, v.key, v.rule);
    return at;
  }

  /** A drop-down outside the print area, and the printed cell that shows the choice as ☑/□. */
  choice(field: FieldSpec, row: number, col: number, cols: number): void {
    const input = this.input(field, row, COL.choice);
    const shows: ChoiceDisplay = {
      kind: "choice",
      input,
      options: optionsOf(field),
      ...(field.after ? { after: field.after } : {}),
    };
    this.display(row, col, cols, shows, "display");
  }

  /** A printed cell showing a choice as tick boxes, sized for it with one box ticked. */
  display(row: number, col: number, cols: number, shows: ChoiceDisplay, style: CellStyleId): void {
    const result = displayText(shows, null);
    this.put(row, col, { formula: displayFormula(shows), result, shows, style }, cols);
    this.fit(row, col, cols, result, style);
  }

  /** The data years as the form prints them (2019年), each over `cols` columns from B. */
  years(row: number, cols = 1): void {
    this.batch.dataYears.forEach((y, i) =>
      this.put(
        row,
        COL.first + i * cols,
        { value: y, style: "header", numberFormat: NUMBER_FORMATS.year },
        cols
      )
    );
  }

  /** An empty bordered cell, so the table's lines run through where the form has no text. */
  blank(row: number, col: number, cols = 1, rows = 1, style: CellStyleId = "display"): void {
    this.put(row, col, { style }, cols, rows);
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
      return field.parts
        ? { key: "plan", rule: { kind: "textLength", max: field.limit ?? 32767 } }
        : { key: "memo", rule: { kind: "textLength", max: field.limit ?? 32767 } };
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

/** The label cell's text: the printed label, then the hint or note printed under it. */
const labelText = (field: FieldSpec): string =>
  [field.printedLabel ?? field.label, field.hint, field.years ? undefined : field.note]
    .filter((x): x is string => x !== undefined)
    .join("\n");

/** Height of a memo's text area: room for its limit in characters at the width it prints. */
const memoHeight = (chars: number, cols: number): number =>
  heightFor(
    "字".repeat(chars),
    textWidth(WIDTHS.slice(COL.first - 1, COL.first - 1 + cols)),
    BODY_PT
  );

/**
 * One field over columns `col`..G (B–G when a group label takes A). Returns nothing: the rows it
 * took are the cursor's move.
 */
function emitField(b: Builder, field: FieldSpec, section: SectionSpec, col: number): void {
  const cols = COL.last - col + 1;
  const valueCols = COL.last - COL.first + 1;
  switch (field.kind) {
    case "multi": {
      const options = field.options ?? [];
      const inner = col > COL.label;
      const heading = inner ? 1 : 0;
      const r = b.take(heading + options.length + 1);
      if (inner) b.text(r, col, field.printedLabel ?? field.label, "box", cols);
      else b.text(r, COL.label, field.label, "label", 1, options.length + 1);
      options.forEach((option, i) => {
        const row = r + heading + i;
        const input = cell(row, COL.choice);
        b.put(row, COL.choice, { style: "input", numberFormat: NUMBER_FORMATS.text });
        b.display(row, COL.first, valueCols, { kind: "tick", input, options: [option] }, "box");
      });
      b.text(r + heading + options.length, COL.first, EVIDENCE_NOTE, "box", valueCols);
      const range = area(r + heading, COL.choice, options.length);
      b.name(field.id, range);
      b.validate(range, "tick", { kind: "list", source: YESNO });
      return;
    }
    case "countGrid":
      return emitGrid(b, field);
    case "memo": {
      const limit = field.limit ?? 200;
      if (col > COL.label) {
        const r = b.take(2);
        b.text(r, col, labelText(field), "label", cols);
        b.input(field, r + 1, col, cols);
        b.atLeast(r + 1, memoHeight(limit, cols));
        b.inputRow.set(field.id, r + 1);
        return;
      }
      const r = b.take();
      b.text(r, COL.label, labelText(field), "label");
      b.input(field, r, COL.first, valueCols);
      b.atLeast(r, memoHeight(limit, valueCols));
      b.inputRow.set(field.id, r);
      return;
    }
    case "countNames": {
      const r = b.take(2);
      const labelCols = 2;
      const c = col + labelCols;
      b.text(r, col, labelText(field), "label", labelCols, 2);
      b.text(r, c, COUNT_NAMES_LINES.count, "display");
      b.put(r, c + 1, { style: "input", numberFormat: NUMBER_FORMATS.count });
      b.text(r, c + 2, field.unit ?? "个", "display", COL.last - c - 1);
      b.text(r + 1, c, COUNT_NAMES_LINES.names, "display");
      b.put(r + 1, c + 1, { style: "input", numberFormat: NUMBER_FORMATS.text }, COL.last - c);
      b.atLeast(r + 1, linesHeight(2, BODY_PT));
      b.name(field.id, area(r, c + 1, 2, 1));
      b.validate(cell(r, c + 1), "count", { kind: "whole", min: 0 });
      return;
    }
    case "yesno":
    case "yesnoNA":
    case "radio": {
      const r = b.take();
      b.text(r, COL.label, labelText(field), "label");
      b.choice(field, r, COL.first, valueCols);
      return;
    }
    case "seal":
      return;
    default: {
      if (field.years === "data") return void emitYears(b, field, section);
      const r = b.take();
      b.text(r, COL.label, labelText(field), "label");
      if (field.after) {
        b.input(field, r, COL.first);
        b.text(r, COL.first + 1, field.after, "display", valueCols - 1);
      } else b.input(field, r, COL.first, valueCols);
      b.inputRow.set(field.id, r);
    }
  }
}

/**
 * The standards grid. Its label takes a full row; then 类别 with the years over 主持数量/参与数量
 * pairs, and one row per level. The official table repeats 类别 and the levels for each year;
 * here the levels are rows shared by the years, because the grid is one input range
 * (SB_standards, levels × years × roles) that the checker reads cell by cell.
 */
function emitGrid(b: Builder, field: FieldSpec): void {
  const roles = STANDARD_ROLES.length;
  const years = 3;
  const r = b.take(3 + STANDARD_LEVELS.length);
  b.text(r, COL.label, field.label, "label", COL.last);
  b.text(r + 1, COL.label, STANDARD_CATEGORY, "header", 1, 2);
  b.years(r + 1, roles);
  for (let y = 0; y < years; y++)
    STANDARD_ROLES.forEach((role, k) => b.text(r + 2, COL.first + y * roles + k, role, "header"));
  STANDARD_LEVELS.forEach((level, i) => {
    b.text(r + 3 + i, COL.label, level, "option");
    for (let c = 0; c < years * roles; c++)
      b.put(r + 3 + i, COL.first + c, { style: "input", numberFormat: NUMBER_FORMATS.count });
  });
  const range = area(r + 3, COL.first, STANDARD_LEVELS.length, years * roles);
  b.name(field.id, range);
  b.validate(range, "count", { kind: "whole", min: 0 });
}

/**
 * A field with a value per data year. Under a section's year header (二, 三) it is one row; where
 * the section has none (四, 五, 六) the years are printed over its cells, as the official form
 * prints them beside the label, and its note follows.
 */
function emitYears(b: Builder, field: FieldSpec, section: SectionSpec): void {
  const own = section.yearHeader === undefined;
  const r = b.take(own ? 2 : 1);
  const inputs = own ? r + 1 : r;
  b.text(r, COL.label, labelText(field), "label", 1, own ? 2 : 1);
  if (own) b.years(r);
  for (let i = 0; i < 3; i++)
    b.put(inputs, COL.first + i, { style: "input", numberFormat: formatFor(field) });
  b.blank(r, COL.first + 3, 3, own ? 2 : 1);
  const range = area(inputs, COL.first, 1, 3);
  b.name(field.id, range);
  const v = validationFor(field);
  if (v) b.validate(range, v.key, v.rule);
  b.inputRow.set(field.id, inputs);
  if (own && field.note) {
    const n = b.take();
    b.text(n, COL.label, field.note, "display", COL.last);
  }
}

/** Fields that share a group label: the label on the left of all their rows. */
function emitGroup(b: Builder, fields: readonly FieldSpec[], section: SectionSpec): void {
  const first = b.row;
  for (const f of fields) emitField(b, f, section, COL.first);
  const rows = b.row - first;
  b.text(first, COL.label, fields[0]?.group ?? "", "label", 1, rows);
}

/** 联系人 | … | 联系方式 | … on one row. */
function emitPair(b: Builder, left: FieldSpec, right: FieldSpec): void {
  const r = b.take();
  b.text(r, COL.label, left.label, "label");
  b.input(left, r, COL.first, 2);
  b.text(r, COL.first + 2, right.label, "label", 2);
  b.input(right, r, COL.first + 4, 2);
}

/** Derived values that need other fields' cells: growth recomputations, 每万人. */
function emitDerived(b: Builder): void {
  const rowOf = (id: string): number => b.inputRow.get(id) as number;
  const years = (id: string): string => area(rowOf(id), COL.first, 1, 3);
  const geomean = (id: string): void => {
    const r = rowOf(id);
    const [x, y, z] = [0, 1, 2].map((i) => cell(r, COL.first + i));
    b.derived(
      r,
      id,
      countFormula(years(id), 3, `(PRODUCT(1+${x}/100,1+${y}/100,1+${z}/100)^(1/3)-1)*100`),
      NUMBER_FORMATS.pct
    );
  };
  const out = rowOf("output_total");
  const [first, , last] = [0, 1, 2].map((i) => cell(out, COL.first + i));
  b.derived(
    out,
    "output_total",
    countFormula(`${first},${last}`, 2, `IFERROR(_xlfn.RRI(2,${first},${last})*100,"")`),
    NUMBER_FORMATS.pct
  );
  geomean("lead_output_growth");
  geomean("rd_growth");
  const patents = cell(rowOf("patents"), COL.first);
  const employees = cell(rowOf("employees"), COL.first);
  b.derived(
    rowOf("patents_per_10k"),
    "patents_per_10k",
    `=IF(AND(ISNUMBER(${patents}),ISNUMBER(${employees}),${employees}>0),${patents}/${employees}*10000,"")`,
    NUMBER_FORMATS.per10k
  );
  // Characters of every memo, the plan's cells counted together.
  for (const f of SHENBAO.fields.filter((x) => x.kind === "memo" && x.limit !== undefined)) {
    const cells = (f.parts ?? [f.id]).map((id) =>
      strip(b.names.find((n) => n.name === fieldName(id))?.address ?? "")
    );
    const sum = cells.map((c) => `LEN(TRIM(${c}))`).join("+");
    b.derived(rowOf(f.id), f.id, `=IF(${sum}=0,"",${sum})`, NUMBER_FORMATS.chars);
  }
}

function emitPlanHelper(b: Builder, batch: BatchParams, fields: readonly FieldSpec[]): void {
  const line = (value: string, style: CellStyleId, height: number): void => {
    const r = b.row++;
    b.put(r, COL.label, { value, style }, COL.last);
    b.heights[r] = height;
  };
  line(PLAN_HELPER_TITLE, "helper", 24);
  line(b.words.helperNote, "note", 30);
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
  b.heights[r] = 30;
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
    b.heights[row] = 30;
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

/**
 * Section 八: the outline, each heading with its guidance and a cell for its text. A heading
 * keeps with its text; one without text of its own (四、…, (二)…) with the heading that follows.
 */
function emitPlan(b: Builder, batch: BatchParams, field: FieldSpec, title: number): void {
  const valueCols = COL.last;
  let start: number | undefined = title;
  for (const h of planOutline(batch.planYears, batch.targetYear)) {
    const first = b.take();
    start ??= first;
    b.text(first, COL.label, h.heading, "boxHeading", valueCols);
    for (const g of h.guidance ?? []) b.text(b.take(), COL.label, g, "box", valueCols);
    if (!h.part) continue;
    // Two rows per cell: 818 pt of text (two of Excel's 409-point rows) where a page holds 725.
    const r = b.take(2);
    const at = cell(r, COL.label);
    b.put(r, COL.label, { style: "input", numberFormat: NUMBER_FORMATS.text }, valueCols, 2);
    b.names.push({ name: fieldName(h.part), address: absolute(at), fieldId: h.part });
    b.validate(at, "plan", { kind: "textLength", max: field.limit ?? 3000 });
    b.atLeast(
      r,
      heightFor("字".repeat(h.room ?? 100), textWidth(WIDTHS.slice(0, valueCols)), BODY_PT),
      2
    );
    if (h.part === field.id) b.inputRow.set(field.id, r);
    b.keepRows(start);
    start = undefined;
  }
}

/** Section 九: the declaration and the recommendation, each a box with room for a seal. */
function emitDeclaration(b: Builder, title: number): void {
  const valueCols = COL.last - COL.first + 1;
  const seal = (id: string): string => SHENBAO.fields.find((f) => f.id === id)?.label ?? "";
  const d = b.take(4);
  b.text(d, COL.label, DECLARATION_TITLE, "label", 1, 4);
  b.text(d, COL.first, DECLARATION_TEXT, "box", valueCols);
  b.text(d + 1, COL.first, seal("declarant_signature"), "box", valueCols);
  b.atLeast(d + 1, linesHeight(3, BODY_PT));
  b.text(d + 2, COL.first, seal("county_seal"), "box", valueCols);
  b.atLeast(d + 2, SEAL_PT);
  b.text(d + 3, COL.first, DATE_LINE, "dateLine", valueCols);
  b.keepRows(title);
  const p = b.take(3);
  b.text(p, COL.label, RECOMMENDATION_TITLE, "label", 1, 3);
  const opinion = SHENBAO.fields.find((f) => f.id === "provincial_opinion") as FieldSpec;
  b.input(opinion, p, COL.first, valueCols);
  b.atLeast(p, linesHeight(5, BODY_PT));
  b.text(p + 1, COL.first, seal("provincial_seal"), "box", valueCols);
  b.atLeast(p + 1, SEAL_PT);
  b.text(p + 2, COL.first, DATE_LINE, "dateLineEnd", valueCols);
  b.keepRows(p);
}

function emitSection(b: Builder, section: SectionSpec, batch: BatchParams): void {
  const fields = SHENBAO.fields.filter((f) => f.section === section.id && !f.helper);
  const title = b.take();
  b.text(title, COL.label, section.title, "section", COL.last);
  b.atLeast(title, 24);
  if (section.yearHeader) {
    const r = b.take();
    b.text(r, COL.label, section.yearHeader, "header");
    b.years(r);
    b.blank(r, COL.first + 3, 3, 1, "header");
  }
  if (section.id === "s8") return emitPlan(b, batch, fields[0] as FieldSpec, title);
  if (section.id === "s9") return emitDeclaration(b, title);
  // The title (and year header) keep with the first fields' rows, at least 60 pt of them (a
  // heading over one thin row looks as alone as a heading over none); every field keeps its rows.
  let keepFrom = title;
  let opened = b.row;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as FieldSpec;
    const next = fields[i + 1];
    if (next?.inline) {
      emitPair(b, f, next);
      i++;
    } else if (f.group && section.id !== "s1" && section.id !== "cover") {
      let n = 1;
      while (fields[i + n]?.group === f.group) n++;
      emitGroup(b, fields.slice(i, i + n), section);
      i += n - 1;
    } else emitField(b, f, section, COL.label);
    let glued = 0;
    for (let r = opened; r < b.row; r++) glued += b.heights[r] ?? 0;
    if (keepFrom !== title || glued >= 60 || i === fields.length - 1) {
      b.keepRows(keepFrom);
      keepFrom = b.row;
      opened = b.row;
    }
  }
}

function emitCover(b: Builder, addresses: Map<string, string>): void {
  const field = (id: string): FieldSpec => SHENBAO.fields.find((f) => f.id === id) as FieldSpec;
  const valueCols = COL.last - COL.first + 1;
  const spacer = (height: number): void => {
    b.heights[b.take()] = height;
  };
  const start = b.row;
  // 附件2 at the top left, and the room above the title.
  const attachment = b.take();
  b.text(attachment, COL.label, SHENBAO_ATTACHMENT, "cover");
  b.atLeast(attachment, 100);
  const t = b.take();
  b.text(t, COL.label, SHENBAO_TITLE, "title", COL.last);
  b.atLeast(t, 60);
  spacer(50);
  const line = (label: string, id: string): void => {
    const r = b.take();
    b.text(r, COL.label, label, "cover");
    addresses.set(id, b.input(field(id), r, COL.first, valueCols));
    b.atLeast(r, 36);
  };
  line(COVER_LINES.name, "cover_name");
  const hint = b.take();
  b.text(hint, COL.first, COVER_LINES.nameHint, "cover", valueCols);
  // 所属地区: ____省(区、市) ____市(区) ____县(市、区), the units after their blanks.
  const region = b.take();
  b.text(region, COL.label, COVER_LINES.region.split(" ")[0] ?? "", "cover");
  (["province", "city", "county"] as const).forEach((id, i) => {
    const f = field(id);
    addresses.set(id, b.input(f, region, COL.first + 2 * i));
    b.text(region, COL.first + 2 * i + 1, f.label, "cover");
  });
  b.atLeast(region, 36);
  const seal = b.take();
  b.text(seal, COL.label, COVER_LINES.deptSeal, "cover");
  b.atLeast(seal, SEAL_PT);
  line(COVER_LINES.operator, "cover_operator");
  line(COVER_LINES.declaredOn, "declared_on");
  line(COVER_LINES.contact, "cover_contact");
  spacer(60);
  const footer = b.take();
  b.text(footer, COL.label, SHENBAO_FOOTER, "heading", COL.last);
  b.atLeast(footer, 30);
  b.keepRows(start);
  b.newPageAt.push(b.row);
}

/**
 * `criteria`: the pack whose thresholds the live highlights draw; the batch's national standard
 * when none is given. Another pack is named on the batch line, and either way the pack's id is
 * kept in a hidden named cell (SBX_criteria).
 */
export function buildShenbaoPlan(
  batch: BatchParams,
  text: PlanText,
  criteria: CriteriaPack = nationalPack(batch.year)
): SheetPlan {
  const national = criteria.id === nationalPack(batch.year).id;
  const b = new Builder(text, batch);
  const addresses = new Map<string, string>();
  // The screen's rows, above the print area.
  b.put(1, COL.label, { value: text.screenNote, style: "note" }, COL.derived);
  b.heights[1] = 30;
  b.put(
    2,
    COL.label,
    {
      value: text.batchLine(batch.year, batch.dataYears, national ? undefined : criteria.name),
      style: "subtitle",
    },
    COL.derived
  );
  b.heights[2] = 20;
  b.put(3, COL.label, { value: text.legend.title, style: "note" });
  b.put(3, COL.first, { value: text.legend.error, style: "legendError" }, 3);
  b.put(3, COL.first + 3, { value: text.legend.warning, style: "legendWarning" }, 3);
  b.put(3, COL.choice, { value: text.choiceHeader, style: "header" });
  b.put(3, COL.derived, { value: text.derivedHeader, style: "header" });
  b.heights[3] = 30;

  emitCover(b, addresses);
  const instructions = b.take();
  b.text(instructions, COL.label, SHENBAO_INSTRUCTIONS_HEADING, "heading", COL.last);
  b.atLeast(instructions, 30);
  const sections = SHENBAO.sections.filter((s) => s.id !== "cover");
  sections.forEach((section, i) => {
    const keepsBefore = b.keep.length;
    emitSection(b, section, batch);
    // 填报说明 opens the page of 一、基本情况.
    if (i === 0 && b.keep[keepsBefore])
      b.keep[keepsBefore] = { first: instructions, last: (b.keep[keepsBefore] as RowSpan).last };
  });
  emitDerived(b);
  const lastPrinted = b.row - 1;
  b.row += 2;
  const helpers = SHENBAO.fields.filter((f) => f.helper);
  emitPlanHelper(b, batch, helpers);

  ABOVE_AVERAGE.forEach((o, i) => b.cells.push({ address: cell(1 + i, COL.lists), value: o }));
  // Hidden flag: is the sheet's own 省 western? Highlights turn amber instead of red then.
  const flag = cell(ABOVE_AVERAGE.length + 1, COL.lists);
  b.cells.push({
    address: flag,
    formula: westernFlagFormula(strip(addresses.get("province") as string)),
  });
  const record = cell(ABOVE_AVERAGE.length + 2, COL.lists);
  b.cells.push({ address: record, value: criteria.id });
  const names = [
    ...b.names,
    { name: derivedName("western"), address: absolute(flag), fieldId: "western" },
    { name: derivedName("criteria"), address: absolute(record), fieldId: "criteria" },
  ];

  const flow = { pageHeight: pageHeight(MARGINS), newPageAt: b.newPageAt, keep: b.keep };
  return {
    form: "shenbao",
    batchYear: batch.year,
    criteria: criteria.id,
    sheetName: `申报表-${batch.year}`,
    columnWidths: WIDTHS,
    rowHeights: b.heights,
    cells: b.cells,
    merges: b.merges,
    styles: SHENBAO_STYLES,
    names,
    validations: b.validations,
    hiddenColumns: [COL.lists],
    highlights: shenbaoHighlights(criteria, names, flag),
    freeze: { rows: 3, columns: 1 },
    print: {
      area: absolute(area(FIRST_ROW, 1, lastPrinted - FIRST_ROW + 1, COL.last)),
      orientation: "Portrait",
      paper: "A4",
      scale: 100,
      margins: MARGINS,
      centerHorizontally: true,
      blackAndWhite: true,
      footer: "第 &P 页 共 &N 页",
      breaksAfterRows: paginate(FIRST_ROW, lastPrinted, b.heights, flow),
      flow,
    },
  };
}
