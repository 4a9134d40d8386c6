/**
 * Which sheets an insert adds: decided here once, for the ribbon, the pane (in Excel and outside
 * it) and the command line. Pure: the workbook's template sheets come in as read, plans go out.
 */
import {
  batchParams,
  buildHuizongPlan,
  buildShenbaoPlan,
  findAuthority,
  huizongPlansOfForms,
  SHENBAO_EXAMPLES,
  withFormValues,
  type CriteriaPack,
  type ExampleKey,
  type ReadSheet,
  type SheetPlan,
} from "../domain";
import { PLAN_TEXT_ZH } from "../i18n/planText";

/** What an insert depends on besides the workbook: the batch and authority set by the user. */
export interface InsertSettings {
  readonly batchYear: number;
  /** An authority's name (省 / 计划单列市 / 兵团), or "" when none is set. */
  readonly authority: string;
  /** The pack the new sheets' highlights follow; absent: the batch's national standard. */
  readonly criteria?: CriteriaPack;
}

/** A planned sheet and, for a 汇总表 built from forms, how many 申报表 it lists. */
export interface PlannedSheet {
  readonly plan: SheetPlan;
  readonly forms?: number;
}

export function shenbaoPlan(settings: InsertSettings): PlannedSheet {
  return {
    plan: buildShenbaoPlan(batchParams(settings.batchYear), PLAN_TEXT_ZH, settings.criteria),
  };
}

/**
 * 插入汇总表, everywhere it is offered: one 汇总表 per batch and recommending authority from the
 * 申报表 sheets the workbook holds, so a provincial clerk does not retype them; a workbook
 * without filled forms gets an empty one for the batch and authority set.
 */
export function huizongPlans(
  templates: readonly ReadSheet[],
  settings: InsertSettings
): PlannedSheet[] {
  const fromForms = huizongPlansOfForms(templates, PLAN_TEXT_ZH, settings.criteria);
  if (fromForms.length > 0) return fromForms.map(({ plan, forms }) => ({ plan, forms }));
  return [{ plan: emptyHuizongPlan(settings) }];
}

/** A 汇总表 with no rows filled, for the batch and authority set. */
export function emptyHuizongPlan(settings: InsertSettings): SheetPlan {
  return buildHuizongPlan(
    batchParams(settings.batchYear),
    PLAN_TEXT_ZH,
    findAuthority(settings.authority),
    settings.criteria
  );
}

/** A new 申报表 of the example's own batch, filled with the example's values. */
export function examplePlan(
  key: ExampleKey,
  criteria?: CriteriaPack
): PlannedSheet & { readonly batchYear: number } {
  const example = SHENBAO_EXAMPLES.find((e) => e.key === key);
  if (!example) throw new RangeError(`unknown example ${key}`);
  const plan = buildShenbaoPlan(batchParams(example.batchYear), PLAN_TEXT_ZH, criteria);
  return { plan: withFormValues(plan, example.values), batchYear: example.batchYear };
}
