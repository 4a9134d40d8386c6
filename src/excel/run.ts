/**
 * How every action talks to Excel: refuse up front on a host without the needed requirement set
 * (before any change, so nothing is half-written), then one Excel.run, retried while the user is
 * editing a cell, with Office errors mapped to codes the UI explains.
 */
import { WriterError, withCellEditRetry } from "./errors";
import type { ExcelHost } from "./host";

export interface Requirement {
  readonly name: string;
  readonly version: string;
}

export function requireSet(host: ExcelHost, requirement: Requirement): void {
  if (!host.isSetSupported(requirement.name, requirement.version))
    throw new WriterError(
      "unsupported",
      undefined,
      undefined,
      `${requirement.name} ${requirement.version}`
    );
}

export function runBatch<T>(
  host: ExcelHost,
  requirement: Requirement | undefined,
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  if (requirement) requireSet(host, requirement);
  const delay =
    host.delay ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return withCellEditRetry(() => host.run(batch), delay);
}
