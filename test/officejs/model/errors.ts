/**
 * Errors the host raises; server.ts sends them to the client library as the response's `Error`
 * (`Code`, `Message`, `Location`), which turns them into an OfficeExtension.Error as Excel's would.
 *
 * Codes are the ones Office documents for the application-specific APIs ("Error handling with the
 * application-specific JavaScript APIs", learn.microsoft.com/office/dev/add-ins/testing/
 * application-specific-api-error-handling). `HostLimitation` is the host's own: Excel would do
 * something this model does not, so a test fails loudly instead of passing on a guess.
 */
export type OfficeErrorCode =
  | "ApiNotFound"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "MergedRangeConflict"
  | "RangeExceedsLimit"
  | "HostLimitation";

export class HostError extends Error {
  /** What office.js reports for errors that come back from the host. */
  override readonly name = "RichApi.Error";
  readonly code: OfficeErrorCode;
  readonly debugInfo: { code: OfficeErrorCode; message: string; errorLocation?: string };

  constructor(code: OfficeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = errorLocation ? { code, message, errorLocation } : { code, message };
  }
}

export function fail(code: OfficeErrorCode, message: string, location?: string): never {
  throw new HostError(code, message, location);
}
