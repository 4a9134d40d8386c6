/**
 * The limits Excel enforces on an add-in's requests, as Microsoft documents them. The host in
 * server.ts refuses what Excel refuses, with the error code Excel gives, so code that would fail
 * in Excel on the web fails its test here.
 */

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB. A
 * RichAPI.Error will be triggered if that limit is exceeded." (Resource limits and performance
 * optimization for Office Add-ins, "Excel add-ins"; Payload size limit best practices). The
 * codes are Excel's own: RequestPayloadSizeLimitExceeded and ResponsePayloadSizeLimitExceeded
 * (Error handling with the application-specific JavaScript APIs, "Excel-specific error codes" /
 * Office.js's CoreErrorCodes). 5 MB is read as 5 × 1024 × 1024 bytes of UTF-8 JSON; where the docs
 * do not say which megabyte, the smaller one would be the safe reading, and the budget the add-in
 * keeps (1 MB) is five times below either.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * "Range: 5 million cells for get operations" (same page, "Excel add-ins"): reading values,
 * formulas, text or number formats of a larger range fails. Excel's error for a range over its
 * supported size is RangeExceedsLimit ("The cell count in the range has exceeded the maximum
 * supported number", Excel-specific error codes).
 */
export const READ_CELL_LIMIT = 5_000_000;

/** The add-in's own budget per request and per response: a 5× margin under the payload limit. */
export const BUDGET_BYTES = 1024 * 1024;

/** The request flag office.js sets for `Excel.run({ delayForCellEdit: true }, …)`. */
export const DELAY_FOR_CELL_EDIT_FLAG = 64;
