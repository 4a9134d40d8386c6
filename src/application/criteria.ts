/**
 * The criteria pack the pane's settings choose, resolved for an action: the batch's national
 * standard (none chosen), a built-in pack, or the user's own pack document kept in the settings.
 * A user's document is validated here, each time it is used, by the pack schema, which comes as a
 * chunk of its own (`import()`): the pane's first chunk never carries the schema library, and a
 * pane that only uses the national standard never loads it.
 */
import { findBuiltinPack, type CriteriaPack } from "../domain";
import { t, type Locale } from "../i18n";
import { customCriteriaId, customCriteriaName, type PaneSettings } from "../settings/settings";

/** A pack, or every problem with it as a line 「JSON 路径：what is wrong」 in the locale's words. */
export type PackCheck = { readonly pack: CriteriaPack } | { readonly issues: readonly string[] };

/** What criteriaOf found: no pack (the national standard), the pack, or why it cannot be used. */
export type CriteriaChoice =
  { readonly pack?: CriteriaPack } | { readonly issues: readonly string[]; readonly name: string };

/** A parsed JSON value validated as a pack document (the schema and its words loaded on demand). */
export async function checkPackDocument(doc: unknown, locale: Locale): Promise<PackCheck> {
  const [{ parsePack }, { packIssueText }] = await Promise.all([
    import(/* webpackChunkName: "criteria-schema" */ "../domain/criteria/schema"),
    import(/* webpackChunkName: "criteria-schema" */ "../i18n/criteria"),
  ]);
  const parsed = parsePack(doc);
  if (parsed.ok) return { pack: parsed.pack };
  return { issues: parsed.issues.map((i) => packIssueText(locale, i)) };
}

/**
 * The pack the settings choose for sheets of batch `batchYear` (the settings' own batch unless an
 * action works on another, as 填入示例数据 does): {} for the national standard, {pack}, or the
 * problems that keep it from being used, the pack's name with them.
 */
export async function criteriaOf(
  settings: PaneSettings,
  locale: Locale = "zh-CN",
  batchYear: number = settings.batchYear
): Promise<CriteriaChoice> {
  if (settings.criteria === "") return {};
  let found: PackCheck | undefined;
  let name = settings.criteria;
  const builtin = findBuiltinPack(settings.criteria);
  if (builtin) found = { pack: builtin };
  else if (customCriteriaId(settings.customCriteria) === settings.criteria) {
    name = customCriteriaName(settings.customCriteria);
    found = await checkPackDocument(settings.customCriteria, locale);
  }
  if (!found)
    return {
      name,
      issues: [t(locale, "pane.settings.criteria.missing", { id: settings.criteria })],
    };
  if (!("pack" in found)) return { name, issues: found.issues };
  const { pack } = found;
  if (pack.batchYear !== undefined && pack.batchYear !== batchYear)
    return {
      name: pack.name,
      issues: [
        t(locale, "pane.settings.criteria.batch", {
          name: pack.name,
          expected: pack.batchYear,
          given: batchYear,
        }),
      ],
    };
  return { pack };
}
