/**
 * What the Office.js adapters are given instead of reaching for globals: Excel.run (or Microsoft's
 * client library pointed at a test host) and requirement-set detection. Keeps src/excel testable
 * without Excel.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHost {
  readonly run: ExcelRun;
  readonly isSetSupported: (name: string, minVersion: string) => boolean;
}

/**
 * Options of every Excel.run: while the user is typing in a cell Excel rejects a batch, unless
 * `delayForCellEdit` asks it to wait until the user leaves the cell (Excel.RunOptions). Waiting is
 * what a clerk expects; a retry loop would give up after its last try.
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** The real host, inside Excel. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(RUN_OPTIONS, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
