/**
 * Growth arithmetic. 年均增速 is computed both ways and every finding says which was used: the
 * geometric mean of the yearly rates, and the CAGR of the levels. Two methods, because the form records both
 * kinds of data: level values (产值 per year) and yearly rates (增速 per year).
 */
import { fail, ok, type Outcome } from "./excelError";

/**
 * Compound growth per period from a start and end level, exactly as Excel's
 * RRI(nper, pv, fv) = (fv/pv)^(1/nper) − 1, as a fraction. Excel answers #NUM! for nper ≤ 0,
 * pv = 0, or a result that is not a real number (opposite signs); so does this.
 */
export function rri(nper: number, pv: number, fv: number): Outcome<number> {
  if (!Number.isFinite(nper) || !Number.isFinite(pv) || !Number.isFinite(fv)) return fail("#NUM!");
  if (nper <= 0 || pv === 0) return fail("#NUM!");
  // Opposite signs have no real root. Decided on the signs, not on fv / pv: a quotient too small
  // for a double (5e-324 / −100) comes out −0, which is not below 0.
  if (fv !== 0 && fv < 0 !== pv < 0) return fail("#NUM!");
  const ratio = fv / pv;
  const value = Math.pow(ratio, 1 / nper) - 1;
  return Number.isFinite(value) ? ok(value) : fail("#NUM!");
}

/** CAGR over yearly levels: first to last, periods = count − 1 unless given. Fraction. */
export function cagrFromLevels(
  levels: readonly number[],
  periods = levels.length - 1
): Outcome<number> {
  const first = levels[0];
  const last = levels[levels.length - 1];
  if (first === undefined || last === undefined) return fail("#VALUE!");
  return rri(periods, first, last);
}

/**
 * 「年均增速」 from yearly rates given as percentages (12.5 means 12.5%):
 * ((1+g1)(1+g2)…(1+gn))^(1/n) − 1, returned as a percentage. A rate ≤ −100% has no
 * geometric mean (#NUM!).
 */
export function geometricMeanOfRates(ratesPct: readonly number[]): Outcome<number> {
  if (ratesPct.length === 0) return fail("#VALUE!");
  let product = 1;
  for (const r of ratesPct) {
    if (!Number.isFinite(r)) return fail("#NUM!");
    const factor = 1 + r / 100;
    if (factor <= 0) return fail("#NUM!");
    product *= factor;
  }
  const value = (Math.pow(product, 1 / ratesPct.length) - 1) * 100;
  return Number.isFinite(value) ? ok(value) : fail("#NUM!");
}
