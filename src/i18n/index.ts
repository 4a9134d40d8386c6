/**
 * Typed string tables: zh-CN is the source, en-US is typed against it. Kept free of domain
 * imports so the pane's first paint does not carry the forms; findings become words in
 * ./findings.ts, which imports this module and is never re-exported by it.
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

type WriterCodeOf<K> = K extends `writer.${infer Code}` ? Code : never;
/** The writer failures the tables have words for; the excel layer's codes must be among them. */
export type WriterMessageCode = WriterCodeOf<StringKey>;

/** The short message for a writer failure; the Office code and location stay for "details". */
export function writerErrorMessage(
  locale: Locale,
  e: { readonly code: WriterMessageCode; readonly detail?: string }
): string {
  return t(locale, `writer.${e.code}`, { detail: e.detail ?? "" });
}
