/**
 * What the Office.js adapters are given instead of reaching for globals: Excel.run (or a fake of
 * it) and requirement-set detection. Keeps src/excel testable without Excel.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHost {
  readonly run: ExcelRun;
  readonly isSetSupported: (name: string, minVersion: string) => boolean;
  /** Waits between retries (cell-edit mode); injectable so tests do not sleep. */
  readonly delay?: (ms: number) => Promise<void>;
}

/** The real host, inside Excel. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
