/**
 * The slice of the custom-functions runtime the wrappers use, installed as a global before the
 * module under test loads (jest has no Excel). Error codes are the runtime's documented strings.
 */
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
} as const;

export function installCustomFunctionsStub(): void {
  Object.assign(globalThis, {
    CustomFunctions: { Error: StubError, ErrorCode, associate: () => undefined },
  });
}
