/**
 * Classifies the round trips an action makes against the in-memory Excel: a sync after which the
 * workbook's state is unchanged only read; any other wrote. Used by the tests and `npm run bench`
 * to hold the check and clear to their budgets (≤ 2 to read, ≤ 2 to write).
 */
import { FakeRequestContext, type FakeExcel } from "../fakes/excel";

export interface SyncCount {
  readonly reads: number;
  readonly writes: number;
  /** "r" or "w" per sync, in order. */
  readonly sequence: string;
}

export async function countSyncs<T>(
  wb: FakeExcel,
  action: () => Promise<T>
): Promise<{ result: T; syncs: SyncCount }> {
  const original = FakeRequestContext.prototype.sync;
  let sequence = "";
  FakeRequestContext.prototype.sync = async function (this: FakeRequestContext): Promise<void> {
    const before = JSON.stringify(wb.snapshot());
    await original.call(this);
    sequence += JSON.stringify(wb.snapshot()) === before ? "r" : "w";
  };
  try {
    const result = await action();
    return {
      result,
      syncs: {
        reads: [...sequence].filter((c) => c === "r").length,
        writes: [...sequence].filter((c) => c === "w").length,
        sequence,
      },
    };
  } finally {
    FakeRequestContext.prototype.sync = original;
  }
}
