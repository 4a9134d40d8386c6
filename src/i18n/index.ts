/**
 * Typed string tables: zh-CN is the source, en-US is typed against it. Kept free of domain
 * imports so the pane's first paint does not carry the forms; findings become sentences in
 * ./findings.ts.
 */
import { enUS } from "./en-US";
import { zhCN, type StringKey } from "./zh-CN";

export type Locale = "zh-CN" | "en-US";
export type { StringKey };

export const TABLES: Readonly<Record<Locale, Readonly<Record<StringKey, string>>>> = {
  "zh-CN": zhCN,
  "en-US": enUS,
};

/** zh-CN for any Chinese display language, en-US otherwise (the product is Chinese-first). */
export function localeFor(displayLanguage: string | undefined): Locale {
  return displayLanguage && !/^zh/iu.test(displayLanguage) ? "en-US" : "zh-CN";
}

export function t(
  locale: Locale,
  key: StringKey,
  params: Readonly<Record<string, string | number>> = {}
): string {
  return TABLES[locale][key].replace(/\{(\w+)\}/gu, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  );
}

export { formatFinding, writerErrorMessage } from "./findings";
