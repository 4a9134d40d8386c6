/**
 * Requirement sets, as Office.context.requirements reports them
 * (Office.RequirementSetSupport.isSetSupported(name, minVersion)). The host is told the highest
 * version of each set the simulated host supports; operations of a newer set fail at sync with
 * ApiNotFound ("The API you are trying to use could not be found. It may be available in a newer
 * version of the Office application", Error handling with the application-specific JavaScript APIs).
 */
export type RequirementSets = Readonly<Record<string, string>>;

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class RequirementSetSupport implements Office.RequirementSetSupport {
  private readonly sets: RequirementSets;

  constructor(sets: RequirementSets) {
    this.sets = Object.fromEntries(Object.entries(sets).map(([k, v]) => [k.toLowerCase(), v]));
  }

  /** Office also accepts the version as a number (1.18); both compare numerically per part. */
  isSetSupported(name: string, minVersion: string | number = "1.1"): boolean {
    const have = this.sets[name.toLowerCase()];
    return have !== undefined && compareVersions(have, String(minVersion)) >= 0;
  }
}
