/**
 * Batch parameters. A batch is one year's call for applications; every
 * year-dependent fact lives here so that a new notice is a data change.
 */

export type AuthorityKind = "province" | "city" | "corps";

export interface BatchParams {
  readonly year: number;
  /** "近三年": the three data years, oldest first. */
  readonly dataYears: readonly [number, number, number];
  /** The three plan years of section 八, oldest first. */
  readonly planYears: readonly [number, number, number];
  readonly targetYear: number;
  /** Recommendation cap per authority kind; going over refuses the whole submission. */
  readonly caps: Readonly<Record<AuthorityKind, number>>;
  /** 2022 made "one cluster per 细分领域" an explicit rule; later notices only advise it. */
  readonly duplicateIndustry: "error" | "warning";
  /** From 2023 on a cluster must already be a provincial-level cluster. */
  readonly requiresProvincialRecognition: boolean;
}

export const FIRST_BATCH_YEAR = 2022;
/** Batches whose parameters were published; later years reuse the last one's caps. */
export const PUBLISHED_BATCH_YEARS = [2022, 2023, 2024, 2025] as const;

interface PublishedCaps {
  readonly provinceCap: number;
  readonly cityCap: number;
  readonly duplicateIndustry: "error" | "warning";
}

const PUBLISHED: Readonly<Record<number, PublishedCaps>> = {
  2022: { provinceCap: 5, cityCap: 3, duplicateIndustry: "error" },
  2023: { provinceCap: 6, cityCap: 2, duplicateIndustry: "warning" },
  2024: { provinceCap: 8, cityCap: 2, duplicateIndustry: "warning" },
  2025: { provinceCap: 8, cityCap: 2, duplicateIndustry: "warning" },
};

const LAST_PUBLISHED = 2025;

/** Thrown only for a year that cannot be a batch at all (programming or input error upstream). */
export class InvalidBatchYearError extends Error {
  constructor(readonly year: unknown) {
    super(`Invalid batch year: ${String(year)}`);
    this.name = "InvalidBatchYearError";
  }
}

export function isValidBatchYear(year: unknown): year is number {
  return (
    typeof year === "number" && Number.isInteger(year) && year >= FIRST_BATCH_YEAR && year <= 2100
  );
}

/**
 * Parameters for batch `year`. Data years are Y-3..Y-1 and plan years Y..Y+2 (seen for 2022,
 * inferred later: domain default); years after 2025 reuse the 2025 caps. `overrides` replaces
 * any part, so a notice that differs from the inference needs no code change.
 */
export function batchParams(
  year: number,
  overrides: Partial<Omit<BatchParams, "year">> = {}
): BatchParams {
  if (!isValidBatchYear(year)) throw new InvalidBatchYearError(year);
  const published = PUBLISHED[Math.min(year, LAST_PUBLISHED)] as PublishedCaps;
  const base: BatchParams = {
    year,
    dataYears: [year - 3, year - 2, year - 1],
    planYears: [year, year + 1, year + 2],
    targetYear: year + 2,
    caps: { province: published.provinceCap, city: published.cityCap, corps: published.cityCap },
    duplicateIndustry: published.duplicateIndustry,
    requiresProvincialRecognition: year >= 2023,
  };
  return { ...base, ...overrides, year };
}
