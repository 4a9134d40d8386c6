/**
 * Live highlights for the 申报表: every single-cell criterion and form rule a formula can
 * express, as guarded expressions (ISNUMBER/LEN guards, so text, blanks and errors never light
 * up). Rules and thresholds come from the criteria pack (the batch's national standard unless
 * another is chosen); where the pack relaxes for the west, that reads the sheet's own 省 cell
 * through a hidden flag cell. Cross-field rules stay with the check action.
 */
import type { CriteriaPack } from "../criteria/types";
import { SHENBAO, type FieldSpec } from "../forms";
import type { Operator } from "../numbers";
import { AUTHORITIES } from "../regions";
import type { Rule } from "../rules/types";
import type { PlanHighlight, PlanName } from "./types";

/** The breach of "x op t": the negation of the passing comparison. */
const BREACH: Readonly<Record<Operator, string>> = { ">=": "<", ">": "<=", "<=": ">", "<": ">=" };

/** Kinds whose every cell must be filled (grids, tick lists and seals are judged as a whole). */
const REQUIRED_KINDS: ReadonlySet<string> = new Set([
  "text",
  "memo",
  "date",
  "num",
  "pct",
  "count",
  "yesno",
  "yesnoNA",
  "radio",
]);

const absoluteCell = (a: string): string => a.replace(/([A-Z]+)(\d+)/u, "$$$1$$$2");
const strip = (a: string): string => a.replace(/\$/gu, "");
const topLeft = (a: string): string => strip(a).split(":")[0] as string;

/** Western applicants' names as the 省 cell may hold them (full names and short forms). */
export function westernNames(): string[] {
  return AUTHORITIES.filter((a) => a.region === "west").flatMap((a) => [a.name, ...a.aliases]);
}

/** Formula of the hidden flag cell: TRUE when the sheet's 省 is a western province or 兵团. */
export function westernFlagFormula(provinceCell: string): string {
  return `=ISNUMBER(MATCH(TRIM(${provinceCell}),{${westernNames()
    .map((n) => `"${n}"`)
    .join(",")}},0))`;
}

export function shenbaoHighlights(
  criteria: CriteriaPack,
  names: readonly PlanName[],
  westernFlag: string
): PlanHighlight[] {
  const at = (name: string): string | undefined => names.find((n) => n.name === name)?.address;
  const out: PlanHighlight[] = [];
  const add = (
    address: string | undefined,
    formula: string,
    severity: "error" | "warning",
    ruleId: string
  ): void => {
    if (address) out.push({ address: strip(address), formula, severity, ruleId });
  };
  const west = `$${westernFlag.replace(/([A-Z]+)(\d+)/u, "$1$$$2")}`;
  /** A hard rule's breach: red, or amber for a western applicant where the pack relaxes for the
   * west; without the relaxation a western applicant is judged as any other. */
  const hard = (address: string | undefined, breach: string, ruleId: string): void => {
    if (!criteria.relaxWest) {
      add(address, `AND(${breach})`, "error", ruleId);
      return;
    }
    add(address, `AND(${breach},NOT(${west}))`, "error", ruleId);
    add(address, `AND(${breach},${west})`, "warning", ruleId);
  };
  const field = (id: string): FieldSpec | undefined => SHENBAO.fields.find((f) => f.id === id);

  /** A hard rule lights red for others and amber (西部地区可适当放宽) for western applicants. */
  const threshold = (rule: Rule, address: string | undefined, fieldId: string): void => {
    if (!address || !("op" in rule.criterion)) return;
    const x = topLeft(address);
    const v = field(fieldId)?.kind === "pct" || fieldId.startsWith("SBX") ? `ROUND(${x},2)` : x;
    const breach = `ISNUMBER(${x}),${v}${BREACH[rule.criterion.op]}${rule.threshold}`;
    if (rule.cls === "hard") hard(address, breach, rule.id);
    else
      add(
        address,
        `AND(${breach})`,
        rule.cls === "soft" || rule.cls === "plan" ? "warning" : "error",
        rule.id
      );
  };

  for (const rule of criteria.rules) {
    const c = rule.criterion;
    switch (c.kind) {
      case "eachYear":
      case "value":
        threshold(rule, at(`SB_${c.field}`), c.field);
        break;
      case "geomean":
        threshold(rule, at(`SBX_${c.field}`), `SBX_${c.field}`);
        break;
      case "gate":
        if (rule.cls !== "info") {
          const a = at(`SB_${c.field}`);
          if (a) add(a, `TRIM(${topLeft(a)})="否"`, "error", rule.id);
        }
        break;
      case "qualityTier": {
        const latest = (id: string): string => {
          const a = strip(at(`SB_${id}`) ?? "");
          const last = a.split(":").pop() as string;
          return last.replace(/([A-Z]+)(\d+)/u, "$$$1$$$2");
        };
        const [ch, lg, zj, ht] = [
          "champions",
          "little_giants",
          "zjtx_smes",
          "hitech_innovative",
        ].map(latest);
        const breach = `COUNT(${ch},${lg},${zj},${ht})>0,N(${ch})+N(${lg})<${rule.threshold},N(${zj})+N(${ht})<${c.altThreshold}`;
        for (const cell of [ch, lg, zj, ht]) hard(cell, breach, rule.id);
        break;
      }
      case "planCagr":
      case "planReach":
      case "planCut":
        threshold(rule, at(`SBX_${c.field}`), `SBX_${c.field}`);
        break;
      case "planRising": {
        const a = at(`SBX_${c.field}`);
        if (a) add(a, `${topLeft(a)}="否"`, "warning", rule.id);
        break;
      }
    }
  }

  // Form rules a single cell can show: required cells, number kinds, ranges, whole counts, text
  // limits. Required blanks light only once the form is started (集群名称 filled), so a fresh
  // template is not all red.
  const nameCell = at("SB_name");
  const started = nameCell ? `LEN(TRIM(${absoluteCell(topLeft(nameCell))}))>0` : undefined;
  for (const f of SHENBAO.fields) {
    const a = at(`SB_${f.id}`);
    if (!a) continue;
    if (f.parts) {
      // The plan's cells count together: blank only when all are, over 3000 in all of them.
      const parts = f.parts.flatMap((id) => at(`SB_${id}`) ?? []).map(strip);
      // Absolute references: the same sum on every one of the cells.
      const total = parts.map((p) => `LEN(TRIM(${absoluteCell(p)}))`).join("+");
      if (started && !f.optional) add(a, `AND(${started},${total}=0)`, "error", "required");
      if (f.limit !== undefined)
        for (const p of parts) add(p, `(${total})>${f.limit}`, "error", "text_limit");
      continue;
    }
    const x = topLeft(a);
    if (started && !f.optional && f.id !== "name") {
      if (REQUIRED_KINDS.has(f.kind))
        add(a, `AND(${started},LEN(TRIM(${x}))=0)`, "error", "required");
      else if (f.kind === "countNames")
        add(x, `AND(${started},LEN(TRIM(${x}))=0)`, "error", "required");
    }
    if (f.kind === "pct" || f.kind === "num" || f.kind === "count") {
      add(a, `AND(LEN(TRIM(${x}))>0,NOT(ISNUMBER(${x})))`, "error", "number_expected");
    }
    if (f.kind === "pct") {
      add(
        a,
        f.rate ? `AND(ISNUMBER(${x}),${x}<=-100)` : `AND(ISNUMBER(${x}),OR(${x}<0,${x}>100))`,
        "error",
        "pct_range"
      );
    }
    if (f.kind === "count" || f.kind === "countGrid")
      add(a, `AND(ISNUMBER(${x}),OR(${x}<0,${x}<>INT(${x})))`, "error", "count_whole");
    if (f.kind === "memo" && f.limit !== undefined)
      add(a, `LEN(TRIM(${x}))>${f.limit}`, "error", "text_limit");
  }
  return out;
}
