/**
 * How every action talks to Excel: refuse up front on a host without the needed requirement set
 * (before any change, so nothing is half-written), then one Excel.run, with Office errors mapped
 * to codes the UI explains.
 */
import { WriterError, mapOfficeError } from "./errors";
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

export async function runBatch<T>(
  host: ExcelHost,
  requirement: Requirement | undefined,
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  if (requirement) requireSet(host, requirement);
  try {
    return await host.run(batch);
  } catch (e) {
    throw mapOfficeError(e);
  }
}
