/**
 * Typed string tables: zh-CN is the source, en-US is typed against it. Kept free of domain
 * imports so the pane's first paint does not carry the forms; findings become words in
 * ./findings.ts, which imports this module and is never re-exported by it.
 *
 * Only the first screen's zh-CN strings (zh-CN.first.ts) are built in, so that the pane's first
 * chunk carries those words alone: Node entry points and tests import ./all (both tables
 * whole); the pane loads the rest as chunks of its own (./load.ts), the whole en-US table before
 * it shows anything in English, the rest of zh-CN with the panels and the actions' code.
 */
import type { StringKey } from "./zh-CN";
import { zhCNFirst } from "./zh-CN.first";

export type Locale = "zh-CN" | "en-US";
export type { StringKey };

export type Table = Readonly<Record<StringKey, string>>;

const tables: Partial<Record<Locale, Partial<Table>>> = { "zh-CN": zhCNFirst };
const whole = new Set<Locale>();

/** A locale's whole table. */
export function addTable(locale: Locale, table: Table): void {
  tables[locale] = table;
  whole.add(locale);
}

/** Whether `locale` has every string here. */
export function hasTable(locale: Locale): boolean {
  return whole.has(locale);
}

/**
 * `locale` if the first screen's strings are here in it, else zh-CN (whose are built in): for
 * words said before a table could load.
 */
export function usableLocale(locale: Locale): Locale {
  return locale === "zh-CN" || hasTable(locale) ? locale : "zh-CN";
}

/** zh-CN for any Chinese display language, en-US otherwise (the product is Chinese-first). */
export function localeFor(displayLanguage: string | undefined): Locale {
  return displayLanguage && !/^zh/iu.test(displayLanguage) ? "en-US" : "zh-CN";
}

export function t(
  locale: Locale,
  key: StringKey,
  params: Readonly<Record<string, string | number>> = {}
): string {
  const text = tables[locale]?.[key];
  // A bug, not a user's problem: every entry point adds its tables before it says anything.
  if (text === undefined) throw new Error(`${locale} string ${key} is not loaded yet`);
  return text.replace(/\{(\w+)\}/gu, (whole, name: string) =>
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
