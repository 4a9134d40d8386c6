/**
 * Office error codes → what the pane says. Codes from "Error handling with the application-specific
 * JavaScript APIs" (Excel-specific error codes); the sizes from the host (test/officejs) raising
 * them as Excel on the web does.
 */
import { mapOfficeError, WriterError, type WriterErrorCode } from "../../src/excel/errors";
import { writerErrorMessage } from "../../src/i18n";

it.each<[string, string | undefined, WriterErrorCode]>([
  ["InvalidOperationInCellEditMode", undefined, "cellEditMode"],
  ["AccessDenied", undefined, "protected"],
  ["InvalidOperation", "The sheet is protected.", "protected"],
  ["InvalidSelection", undefined, "selection"],
  ["InactiveWorkbook", undefined, "inactiveWorkbook"],
  ["RequestPayloadSizeLimitExceeded", undefined, "tooLarge"],
  ["ResponsePayloadSizeLimitExceeded", undefined, "tooLarge"],
  ["RangeExceedsLimit", undefined, "tooLarge"],
  ["ReadOnly", undefined, "readOnly"],
  ["GeneralException", undefined, "unknown"],
])("%s (%s) → %s, with the code and location kept for details", (code, message, kind) => {
  const e = mapOfficeError({ code, message, debugInfo: { errorLocation: "Range.values" } });
  expect(e).toBeInstanceOf(WriterError);
  expect(e).toMatchObject({ code: kind, officeCode: code, location: "Range.values" });
  expect(writerErrorMessage("zh-CN", e)).not.toMatch(/\{\w+\}/u);
  expect(writerErrorMessage("zh-CN", e)).not.toBe(writerErrorMessage("en-US", e));
});

it("a thrown non-Office value is unknown, not a crash", () => {
  expect(mapOfficeError("boom")).toMatchObject({ code: "unknown" });
  expect(mapOfficeError(new TypeError("x"))).toMatchObject({ code: "unknown", detail: "x" });
});
