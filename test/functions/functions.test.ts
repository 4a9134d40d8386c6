import { clusterCagr } from "../../src/functions/functions";
import { installCustomFunctionsStub, StubError } from "./customFunctionsStub";

// The wrappers touch the runtime only when called, so installing it before the tests suffices.
beforeAll(installCustomFunctionsStub);

describe("SME.CLUSTER_CAGR (wrapper)", () => {
  it("{100,110,121} = 0.1 within 1e-12", () => {
    expect(Math.abs((clusterCagr([[100, 110, 121]]) as number) - 0.1)).toBeLessThan(1e-12);
  });
  it("a column works like a row; periods may be given", () => {
    expect(clusterCagr([[100], [110], [121]])).toBeCloseTo(0.1, 12);
    expect(clusterCagr([[100, 121]], 2)).toBeCloseTo(0.1, 12);
  });
  it.each<[number[][], number | undefined, string]>([
    [[[0, 110, 121]], undefined, "#NUM!"],
    [[[100, -121]], undefined, "#NUM!"],
    [[[100, 121]], 0, "#NUM!"],
    [[[100, 121]], -1, "#NUM!"],
    [[[]], undefined, "#VALUE!"],
  ])("%p, periods %p → %s", (values, periods, code) => {
    const r = clusterCagr(values, periods);
    expect(r).toBeInstanceOf(StubError);
    expect((r as unknown as StubError).code).toBe(code);
  });
});
