/**
 * Errors the fake raises, shaped like OfficeExtension.Error: `name`, `code`, `message`, `debugInfo`.
 *
 * Codes are the ones Office documents for the application-specific APIs ("Error handling with the
 * application-specific JavaScript APIs", learn.microsoft.com/office/dev/add-ins/testing/
 * application-specific-api-error-handling), plus `PropertyNotLoaded` from OfficeExtension.ErrorCodes.
 * `FakeLimitation` is the fake's own: the real API would do something the fake does not model, so a
 * test fails loudly instead of passing on a guess.
 */
export type OfficeErrorCode =
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidCellAddress"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidRequestContext"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "MergedRangeConflict"
  | "PropertyNotLoaded"
  | "FakeLimitation";

export class FakeOfficeError extends Error {
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
  throw new FakeOfficeError(code, message, location);
}

/** A property read on a proxy that was not loaded and synced (OfficeExtension.ErrorCodes.propertyNotLoaded). */
export function notLoaded(type: string, property: string): never {
  fail(
    "PropertyNotLoaded",
    `The property '${property}' is not available on ${type}. Before reading it, call load() on ` +
      `the containing object and call context.sync().`,
    `${type}.${property}`
  );
}
