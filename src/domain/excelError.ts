/** Excel's error values, as the domain's arithmetic reports them (no thrown errors for bad data). */
export type ExcelErrorCode = "#NUM!" | "#VALUE!" | "#DIV/0!" | "#N/A";

export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExcelErrorCode };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (error: ExcelErrorCode): Outcome<never> => ({ ok: false, error });

/**
 * An Excel error as a value: what the worksheet functions return outside Excel (scripts, the
 * command line), carrying the code Excel would show and a message saying why.
 */
export class ExcelError {
  constructor(
    readonly code: ExcelErrorCode,
    readonly message?: string
  ) {}

  toString(): string {
    return this.code;
  }
}
