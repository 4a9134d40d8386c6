/** The package's Node entry: the domain core, the string tables and the xlsx templates, without Excel. */
export * from "./domain";
export { formatFinding, localeFor, t, type Locale } from "./i18n";
export { templatePlan, templateXlsx } from "./xlsx/templates";
export { readDefinedNames } from "./xlsx/writer";
