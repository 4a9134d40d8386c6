/**
 * Runs reviewFile over many files on worker threads (one per core by default, at most one file
 * in flight per worker, so memory is bounded by workers × one file's limits). From TypeScript
 * sources (tests) it runs in this thread: workers need the compiled lib/.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { reviewFile, type FileOptions, type FileOutcome } from "./file";

export interface Job {
  readonly file: string;
  readonly options: FileOptions;
}

export async function reviewAll(
  jobs: readonly Job[],
  workers: number,
  onDone: (outcome: FileOutcome, done: number) => void
): Promise<FileOutcome[]> {
  const results: FileOutcome[] = new Array<FileOutcome>(jobs.length);
  let next = 0;
  let done = 0;
  const finish = (i: number, outcome: FileOutcome): void => {
    results[i] = outcome;
    done++;
    onDone(outcome, done);
  };
  const script = path.join(__dirname, "worker.js");
  const threaded = !__filename.endsWith(".ts") && workers > 1 && jobs.length > 1;
  if (!threaded) {
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i] as Job;
      finish(i, await reviewFile(job.file, job.options));
    }
    return results;
  }
  const count = Math.min(workers, jobs.length);
  await Promise.all(
    Array.from({ length: count }, async () => {
      const worker = new Worker(script);
      try {
        for (;;) {
          const i = next++;
          const job = jobs[i];
          if (!job) break;
          const outcome = await new Promise<FileOutcome>((resolve, reject) => {
            worker.once("message", (m: FileOutcome) => resolve(m));
            worker.once("error", reject);
            worker.postMessage(job);
          }).catch((e: unknown): FileOutcome => ({
            file: job.file,
            status: "refused",
            reason: String(e).slice(0, 160),
            sheets: [],
            ms: 0,
          }));
          finish(i, outcome);
        }
      } finally {
        await worker.terminate();
      }
    })
  );
  return results;
}

export const defaultWorkers = (): number => Math.max(1, availableParallelism());
