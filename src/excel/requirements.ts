/**
 * The Excel API requirement sets the add-in's actions need, apart from the code that needs them,
 * so the pane can say what this Excel cannot do before that code has loaded.
 */

/** Inserting, and so every workbook action: data validation (1.8) and page layout (1.9). */
export const INSERT_REQUIREMENT = { name: "ExcelApi", version: "1.9" } as const;

/** 导出 Word: Range.getMergedAreasOrNullObject is ExcelApi 1.13; the rest of the read is 1.9. */
export const EXPORT_REQUIREMENT = { name: "ExcelApi", version: "1.13" } as const;
