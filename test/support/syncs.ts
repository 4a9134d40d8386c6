/**
 * The round trips an action makes, from the host's request log: a request that changed nothing
 * only read ("r"); any other wrote ("w"); Excel.run's closing request that releases the ranges it
 * kept is "c" (the client library sends it after the batch, so the add-in cannot fold it in). Used by the tests and `npm run bench` to hold actions to their
 * budgets (round trips, and bytes per request and response).
 */
import { serverFor, type FakeExcel, type RequestRecord } from "../officejs";

export interface SyncCount {
  readonly reads: number;
  readonly writes: number;
  /** "r", "w" or "c" per request, in order. */
  readonly sequence: string;
  readonly requests: readonly RequestRecord[];
}

export async function countSyncs<T>(
  wb: FakeExcel,
  action: () => Promise<T>
): Promise<{ result: T; syncs: SyncCount }> {
  const log = serverFor(wb).requests;
  const start = log.length;
  const result = await action();
  const requests = log.slice(start);
  const sequence = requests.map((r) => (r.cleanup ? "c" : r.wrote ? "w" : "r")).join("");
  return {
    result,
    syncs: {
      reads: requests.filter((r) => !r.wrote && !r.cleanup).length,
      writes: requests.filter((r) => r.wrote).length,
      sequence,
      requests,
    },
  };
}
