/** Maps the domain's Excel error codes onto the custom-functions runtime's error objects. */
import type { ExcelErrorCode } from "../domain/excelError";

/** Looked up on call, not at load: outside Excel the runtime's enums do not exist. */
function codeOf(code: ExcelErrorCode): CustomFunctions.ErrorCode {
  switch (code) {
    case "#NUM!":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "#VALUE!":
      return CustomFunctions.ErrorCode.invalidValue;
    case "#DIV/0!":
      return CustomFunctions.ErrorCode.divisionByZero;
    case "#N/A":
      return CustomFunctions.ErrorCode.notAvailable;
  }
}

/** Excel shows a custom message only with #VALUE! and #N/A; other codes go without one. */
export function excelError(code: ExcelErrorCode, message?: string): CustomFunctions.Error {
  return message !== undefined && (code === "#VALUE!" || code === "#N/A")
    ? new CustomFunctions.Error(codeOf(code), message)
    : new CustomFunctions.Error(codeOf(code));
}
