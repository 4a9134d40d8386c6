/**
 * Comparing numbers the way the printed form reads them: percentages rounded to 2 decimals first.
 */

export type Operator = ">=" | ">" | "<=" | "<";

/**
 * Rounds half away from zero to `digits` decimals, as Excel's ROUND does on the 15 significant
 * digits it keeps: 40·1.1² gives a CAGR of 0.10000000000000009, which must read 10.00%.
 */
export function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const scale = Math.pow(10, digits);
  const scaled = Number((Math.abs(x) * scale).toPrecision(15));
  // A number too large to scale (1e308 × 100) has no decimals left to round: it is its own.
  if (!Number.isFinite(scaled)) return x;
  return (Math.sign(x) * Math.round(scaled)) / scale;
}

/** Percentages are compared after rounding to 2 decimals of a percentage point. */
export const roundPct = (x: number): number => roundTo(x, 2);

/** Relative tolerance for level values (亿元, counts): only float noise, never a real difference. */
const REL_EPS = 1e-12;

function nearlyEqual(a: number, b: number): boolean {
  // Infinity's tolerance would be infinite, making it "equal" to every number.
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= REL_EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

export function compare(actual: number, op: Operator, threshold: number): boolean {
  const equal = nearlyEqual(actual, threshold);
  switch (op) {
    case ">=":
      return equal || actual > threshold;
    case ">":
      return !equal && actual > threshold;
    case "<=":
      return equal || actual < threshold;
    case "<":
      return !equal && actual < threshold;
  }
}

/** Compares a percentage as printed (2 decimals) against its threshold. */
export function comparePct(actualPct: number, op: Operator, thresholdPct: number): boolean {
  return compare(roundPct(actualPct), op, thresholdPct);
}
