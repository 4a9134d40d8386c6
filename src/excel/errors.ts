/**
 * Office errors mapped to codes the UI turns into Chinese messages; the raw code and location stay
 * attached for the "details" layer.
 */
export type WriterErrorCode =
  | "unsupported"
  | "protected"
  | "cellEditMode"
  | "readOnly"
  | "selection"
  | "inactiveWorkbook"
  | "tooLarge"
  | "unknown";

export class WriterError extends Error {
  constructor(
    readonly code: WriterErrorCode,
    readonly officeCode?: string,
    readonly location?: string,
    readonly detail?: string
  ) {
    super(`${code}${officeCode ? ` (${officeCode})` : ""}${location ? ` at ${location}` : ""}`);
    this.name = "WriterError";
  }
}

interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string };
}

/**
 * Excel's error codes (Error handling with the application-specific JavaScript APIs,
 * "Excel-specific error codes") and what each means to the user:
 * - InvalidOperationInCellEditMode: the user is typing in a cell. Every action runs with
 *   `delayForCellEdit`, so Excel waits instead; this only remains on builds without it.
 * - AccessDenied, or InvalidOperation about protection: a protected sheet or workbook.
 * - InvalidSelection: "The current selection is invalid for this operation" (a chart or several
 *   areas selected).
 * - InactiveWorkbook: "The operation failed because multiple workbooks are open and the workbook
 *   being called by this API has lost focus" — the user switched workbook while an action ran.
 * - RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded: Excel on the web's 5 MB
 *   per request and per response; RangeExceedsLimit: more cells than Excel reads at once.
 */
const KIND_OF_CODE: Readonly<Record<string, WriterErrorCode>> = {
  InvalidOperationInCellEditMode: "cellEditMode",
  AccessDenied: "protected",
  InvalidSelection: "selection",
  InactiveWorkbook: "inactiveWorkbook",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
  RangeExceedsLimit: "tooLarge",
};

export function mapOfficeError(e: unknown): WriterError {
  if (e instanceof WriterError) return e;
  const err = (typeof e === "object" && e !== null ? e : {}) as OfficeLikeError;
  const code = err.code;
  const location = err.debugInfo?.errorLocation;
  const message = err.message ?? "";
  const kind: WriterErrorCode =
    (code !== undefined ? KIND_OF_CODE[code] : undefined) ??
    (code === "InvalidOperation" && /protect/iu.test(message)
      ? "protected"
      : code === "ReadOnly" || /read-?only/iu.test(message)
        ? "readOnly"
        : "unknown");
  return new WriterError(kind, code, location, err.message);
}
