/**
 * Form specs as data. A field's `id` is stable across versions: named ranges, saved files and
 * rules refer to it. Labels are the official form's wording, reproduced exactly.
 */

export type SectionId = "cover" | "s1" | "s2" | "s3" | "s4" | "s5" | "s6" | "s7" | "s8" | "s9";

export type FieldKind =
  | "text"
  | "num"
  /** Percentage entered as a percent number (12.5 = 12.5%), domain default. */
  | "pct"
  | "count"
  | "yesno"
  /** 是 / 否 / 不涉及 (不适用 accepted as the same). */
  | "yesnoNA"
  /** One choice out of `options`. */
  | "radio"
  /** Each of `options` ticked or not. */
  | "multi"
  /** Free text of at most `limit` characters. */
  | "memo"
  | "date"
  /** Signature or stamp block, left blank for paper. */
  | "seal"
  /** A count plus the names it counts (数量 + 名称). */
  | "countNames"
  /** Counts in a grid: `gridRows` × `gridCols` for each data year. */
  | "countGrid";

/** Which year columns a field has: none, the three data years, or base year + plan years. */
export type YearAxis = "data" | "plan";

/** 佐证材料: when ticking or filling the field needs attachments. */
export type Evidence = "always" | "ifYes" | "perOption";

export interface FieldSpec {
  readonly id: string;
  readonly section: SectionId;
  readonly label: string;
  readonly kind: FieldKind;
  readonly unit?: string;
  readonly years?: YearAxis;
  readonly limit?: number;
  readonly evidence?: Evidence;
  readonly options?: readonly string[];
  /** A growth rate: may be negative (> −100), unlike a share, which lies in 0..100. */
  readonly rate?: boolean;
  /**
   * Sub-heading the field sits under on the paper form. Printed as the left cell of the group's
   * rows, except for the 所属地区 line and the 联系人/联系方式 pairs, whose group is the line or the
   * field they belong to.
   */
  readonly group?: string;
  /** The label as printed, where the official cell writes it differently (「…:」 before its tick boxes). */
  readonly printedLabel?: string;
  /** Official note printed with the field: under its label, or under its year cells. */
  readonly note?: string;
  /** Hint printed after the label (集群名称's pattern). */
  readonly hint?: string;
  /** Official text printed after the value: its unit and what to attach (「个\n(需提供清单)」). */
  readonly after?: string;
  /** Printed on the row of the field before it (联系人 | … | 联系方式 | …). */
  readonly inline?: boolean;
  /**
   * A text written in several cells, one per heading of an outline (the plan of section 八): the
   * value ids of those cells in outline order, the field's own id first. Its limit applies to the
   * cells together.
   */
  readonly parts?: readonly string[];
  readonly gridRows?: readonly string[];
  readonly gridCols?: readonly string[];
  /** Optional on the form (seals, the province's opinion, the helper table). */
  readonly optional?: boolean;
  /** Part of the add-in's 「发展目标测算」 helper table, not of the official form. */
  readonly helper?: boolean;
}

export interface SectionSpec {
  readonly id: SectionId;
  readonly title: string;
  /** Header of the year table, where the section has one (「主导产业情况(近三年)」, 「年度」). */
  readonly yearHeader?: string;
}

/** A heading of the prescribed outline of section 八, with what the official form prints under it. */
export interface OutlineHeading {
  readonly heading: string;
  /** The official guidance under the heading, verbatim, one printed line each. */
  readonly guidance?: readonly string[];
  /**
   * The value id of the cell the writer fills under this heading (one of the plan field's parts);
   * absent where the heading's text is its sub-headings' (四、…, (二)发展目标, 2.阶段性目标).
   */
  readonly part?: string;
  /** How many characters the empty template leaves room for under the heading. */
  readonly room?: number;
}

export interface FormSpec {
  readonly id: "shenbao" | "huizong";
  readonly title: string;
  readonly sections: readonly SectionSpec[];
  readonly fields: readonly FieldSpec[];
}
