/**
 * The slice of the custom-functions runtime the wrappers use, installed as a global before the
 * module under test loads (jest has no Excel). Error codes are the runtime's documented strings.
 *
 * Error inputs go the way Excel passes them and only where it would: an error cell arrives as a
 * CustomFunctions.Error (inputError) and only in a parameter of type any of a functions.json with
 * allowErrorForDataTypeAny set ("Manually create JSON metadata for custom functions": every
 * parameter of type any or any[][] then accepts errors; the default is false). excelWouldPass
 * refuses any other error input, so no test describes a call Excel never makes.
 */
import { ExcelError } from "../../src/functions/sheet";
import type { Metadata } from "./generatedMetadata";

export class StubError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  // Input-only codes: Excel passes them in, a custom function cannot return them.
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type InputErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function installCustomFunctionsStub(): void {
  Object.assign(globalThis, {
    CustomFunctions: { Error: StubError, ErrorCode, associate: () => undefined },
  });
}

/** An error cell as Excel passes it to a parameter of type any: a CustomFunctions.Error. */
export function inputError(code: InputErrorCode): StubError {
  return new StubError(code);
}

/** An error value in any shape a test might pass: the runtime's, a data-type error, ours. */
function isErrorValue(v: unknown): boolean {
  if (v instanceof StubError || v instanceof ExcelError) return true;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const { code, type } = v as { code?: unknown; type?: unknown };
  return (typeof code === "string" && code.startsWith("#")) || type === "Error";
}

function holdsError(arg: unknown): boolean {
  return Array.isArray(arg) ? arg.some(holdsError) : isErrorValue(arg);
}

/**
 * Throws unless Excel could call function `id` with these arguments as far as errors go: an
 * argument holding an error needs allowErrorForDataTypeAny and a parameter of type any (an absent
 * type is any).
 */
export function excelWouldPass(metadata: Metadata, id: string, args: readonly unknown[]): void {
  const fn = metadata.functions.find((f) => f.id === id);
  if (!fn) throw new Error(`functions.json has no function ${id}`);
  if (args.length > fn.parameters.length)
    throw new Error(`${id} takes ${fn.parameters.length} arguments, not ${args.length}`);
  args.forEach((arg, i) => {
    if (!holdsError(arg)) return;
    const param = fn.parameters[i];
    if (metadata.allowErrorForDataTypeAny !== true)
      throw new Error(
        `Excel never passes an error to ${id} (functions.json lacks allowErrorForDataTypeAny)`
      );
    if ((param?.type ?? "any") !== "any")
      throw new Error(
        `Excel never passes an error to ${id}'s ${param?.name ?? i} (type ${param?.type}, not any)`
      );
  });
}
