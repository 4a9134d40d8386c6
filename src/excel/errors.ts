/**
 * Office errors mapped to codes the UI turns into Chinese messages; the raw code and location stay
 * attached for the "details" layer.
 */
export type WriterErrorCode = "unsupported" | "protected" | "cellEditMode" | "readOnly" | "unknown";

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

export function mapOfficeError(e: unknown): WriterError {
  if (e instanceof WriterError) return e;
  const err = (typeof e === "object" && e !== null ? e : {}) as OfficeLikeError;
  const code = err.code;
  const location = err.debugInfo?.errorLocation;
  const kind: WriterErrorCode =
    code === "InvalidOperationInCellEditMode"
      ? "cellEditMode"
      : code === "AccessDenied" ||
          (code === "InvalidOperation" && /protect/iu.test(err.message ?? ""))
        ? "protected"
        : code === "ReadOnly" || /read-?only/iu.test(err.message ?? "")
          ? "readOnly"
          : "unknown";
  return new WriterError(kind, code, location, err.message);
}

const MAX_ATTEMPTS = 3;

/**
 * Runs an Excel batch, retrying a bounded number of times while the user is editing a cell
 * (Excel rejects every batch then); any other error is mapped and thrown at once.
 */
export async function withCellEditRetry<T>(
  attempt: () => Promise<T>,
  delay: (ms: number) => Promise<void>
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      const mapped = mapOfficeError(e);
      if (mapped.code !== "cellEditMode" || i >= MAX_ATTEMPTS) throw mapped;
      await delay(500 * i);
    }
  }
}
