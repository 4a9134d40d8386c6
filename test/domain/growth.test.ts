/**
 * Growth helpers against an independent spreadsheet engine: HyperFormula's RRI (dev-only oracle,
 * GPL key) on the same table, errors included.
 */
import { HyperFormula } from "hyperformula";
import { cagrFromLevels, geometricMeanOfRates, rri } from "../../src/domain";

const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false });
const sheet = hf.getSheetId(hf.addSheet("s")) as number;

function oracleRri(nper: number, pv: number, fv: number): number | string {
  hf.setCellContents({ sheet, row: 0, col: 0 }, [[nper, pv, fv, "=RRI(A1,B1,C1)"]]);
  const v = hf.getCellValue({ sheet, row: 0, col: 3 });
  if (typeof v === "number") return v;
  return (v as { value: string }).value;
}

const CASES: ReadonlyArray<readonly [number, number, number]> = [
  [2, 100, 121],
  [2, 40, 48.4],
  [1, 52, 66],
  [3, 1, 2],
  [0.5, 100, 110],
  [10, 1e-9, 1e-6],
  [2, 1e12, 1e15],
  [2, -100, -121],
  [2, 100, 0],
  [2, 100, 50],
  [0, 100, 121],
  [-1, 100, 121],
  [2, 0, 121],
  [2, -100, 121],
  [2, 100, -121],
  [1e-300, 100, 121],
];

describe("rri matches RRI", () => {
  it.each(CASES)("RRI(%p, %p, %p)", (nper, pv, fv) => {
    const ours = rri(nper, pv, fv);
    const theirs = oracleRri(nper, pv, fv);
    if (typeof theirs === "number") {
      expect(ours.ok).toBe(true);
      if (ours.ok) expect(ours.value).toBeCloseTo(theirs, 12);
    } else {
      expect(ours).toEqual({ ok: false, error: theirs });
    }
  });
});

describe("cagrFromLevels", () => {
  it("{100,110,121} is 10% within 1e-12", () => {
    const r = cagrFromLevels([100, 110, 121]);
    expect(r.ok && Math.abs(r.value - 0.1)).toBeLessThan(1e-12);
  });
  it("uses first and last, periods = count − 1 unless given", () => {
    expect(cagrFromLevels([100, 999, 121])).toEqual(rri(2, 100, 121));
    expect(cagrFromLevels([100, 121], 2)).toEqual(rri(2, 100, 121));
    expect(cagrFromLevels([])).toEqual({ ok: false, error: "#VALUE!" });
    expect(cagrFromLevels([100])).toEqual({ ok: false, error: "#NUM!" });
  });
});

describe("geometricMeanOfRates (percent in, percent out)", () => {
  it.each<[number[], number]>([
    [[10, 10, 10], 10],
    [[25, 2, 4], 9.8621],
    [[12, 14, 11], 12.3264],
    [[0, 0, 0], 0],
    [[-10, 10, 0], -0.3345],
  ])("%p → %p", (rates, expected) => {
    const r = geometricMeanOfRates(rates);
    expect(r.ok && r.value).toBeCloseTo(expected, 3);
  });
  it("a rate of −100% or less has no geometric mean", () => {
    expect(geometricMeanOfRates([-100, 10, 10])).toEqual({ ok: false, error: "#NUM!" });
    expect(geometricMeanOfRates([])).toEqual({ ok: false, error: "#VALUE!" });
  });
});
