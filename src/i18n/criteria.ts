/**
 * A criteria pack's problems in words: one line each, 「JSON 路径：what is wrong」, so the user
 * finds the place in the file without reading a schema library's English.
 */
import type { PackIssue } from "../domain/criteria/types";
import { t, type Locale, type StringKey } from "./index";
import { zhCN } from "./zh-CN";

/** a、b 或 c: the allowed values of a choice. */
function oneOf(locale: Locale, items: readonly string[]): string {
  const sep = t(locale, "pack.list.separator");
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(sep)}${t(locale, "pack.list.or")}${items[items.length - 1] ?? ""}`;
}

/** Every item, for lists to pick from (the rule ids). */
const all = (locale: Locale, items: readonly string[]): string =>
  items.join(t(locale, "pack.list.separator"));

/** A known key, else the text as it is (a type name zod has and the table has not). */
function worded(locale: Locale, key: string, fallback: string): string {
  return key in zhCN ? t(locale, key as StringKey) : fallback;
}

export function packIssueText(locale: Locale, issue: PackIssue): string {
  const path = issue.path === "" ? t(locale, "pack.root") : issue.path;
  switch (issue.code) {
    case "type":
      return t(locale, "pack.issue.type", {
        path,
        expected: worded(locale, `pack.expected.${issue.expected}`, issue.expected),
        actual: t(locale, `pack.kind.${issue.actual}`, { value: issue.value }),
      });
    case "missing":
      return t(locale, "pack.issue.missing", { path, key: issue.key });
    case "unknownKey":
      return t(locale, "pack.issue.unknownKey", { path, allowed: all(locale, issue.allowed) });
    case "unknownRule":
      return t(locale, "pack.issue.unknownRule", {
        path,
        value: issue.value,
        allowed: all(locale, issue.allowed),
      });
    case "oneOf":
      return t(locale, "pack.issue.oneOf", {
        path,
        value: issue.value,
        allowed: oneOf(locale, issue.allowed),
      });
    case "ruleClass":
      return t(locale, "pack.issue.ruleClass", {
        path,
        rule: issue.rule,
        value: issue.value,
        allowed: oneOf(
          locale,
          issue.allowed.map((c) => JSON.stringify(c))
        ),
      });
    case "duplicate":
      return t(locale, "pack.issue.duplicate", { path, value: issue.value, first: issue.first });
    case "notUsed":
      return t(locale, "pack.issue.notUsed", { path, rule: issue.rule, key: issue.key });
    case "reviewYears":
      return t(locale, "pack.issue.reviewYears", {
        path,
        value: issue.value,
        batchYear: issue.batchYear,
      });
    case "packId":
    case "batchYear":
    case "cap":
      return t(locale, `pack.issue.${issue.code}`, { path, value: issue.value });
    case "empty":
    case "invalid":
      return t(locale, `pack.issue.${issue.code}`, { path });
  }
}
