/**
 * Runs reviewFile over many files on worker threads (one per core by default, at most one file
 * in flight per worker, so memory is bounded by workers × one file's limits). From TypeScript
 * sources (tests) it runs in this thread: workers need the compiled lib/.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { t } from "../../i18n";
import {
  reviewFile,
  type FileOptions,
  type FileOutcome,
  type FileResult,
  type OutputFault,
} from "./file";

export interface Job {
  readonly file: string;
  readonly options: FileOptions;
}

const exited = new WeakSet<Worker>();

/** A worker that ended while checking a file (process.exit in it, out of memory, a crash). */
class WorkerExit extends Error {
  constructor(readonly code: number) {
    super(`worker exited (${code})`);
  }
}

function spawn(script: string): Worker {
  const worker = new Worker(script);
  // Between files nobody waits on it: an error then must not become an uncaught exception, and
  // a worker that has gone is replaced before the next file (a message to it would never return).
  worker.on("error", () => undefined);
  worker.on("exit", () => exited.add(worker));
  return worker;
}

/**
 * The outcomes of the files reviewed, in the jobs' order. A copy that could not be written (a
 * full disk, an I/O error) stops the run: no file is started after it, the files already on
 * other threads end, and the fault comes back with the outcomes of the files done.
 */
export async function reviewAll(
  jobs: readonly Job[],
  workers: number,
  onDone: (outcome: FileOutcome, done: number) => void
): Promise<{ readonly outcomes: FileOutcome[]; readonly fault?: OutputFault }> {
  const results: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(jobs.length);
  let next = 0;
  let done = 0;
  let fault: OutputFault | undefined;
  const finish = (i: number, result: FileResult): void => {
    if (result.status === "outputFault") {
      fault ??= result;
      next = jobs.length;
      return;
    }
    results[i] = result;
    done++;
    onDone(result, done);
  };
  const settled = () => ({
    outcomes: results.filter((r): r is FileOutcome => r !== undefined),
    ...(fault ? { fault } : {}),
  });
  const script = path.join(__dirname, "worker.js");
  const threaded = !__filename.endsWith(".ts") && workers > 1 && jobs.length > 1;
  if (!threaded) {
    for (let i = 0; i < jobs.length && !fault; i++) {
      const job = jobs[i] as Job;
      finish(i, await reviewFile(job.file, job.options));
    }
    return settled();
  }
  const count = Math.min(workers, jobs.length);
  await Promise.all(
    Array.from({ length: count }, async () => {
      let worker: Worker | undefined;
      try {
        for (;;) {
          const i = next++;
          const job = jobs[i];
          if (!job) break;
          if (worker && exited.has(worker)) worker = undefined;
          const w = (worker ??= spawn(script));
          const outcome = await runOn(w, job).catch(async (e: unknown): Promise<FileResult> => {
            // A worker that failed (out of memory, a crash) is gone: the next file gets a new one.
            worker = undefined;
            await w.terminate();
            return {
              file: job.file,
              status: "refused",
              reason:
                e instanceof WorkerExit
                  ? t("zh-CN", "batch.workerDied", { code: e.code })
                  : t("zh-CN", "batch.unreadable", {
                      reason: String(e instanceof Error ? e.message : e).slice(0, 160),
                    }),
              sheets: [],
              ms: 0,
            };
          });
          finish(i, outcome);
        }
      } finally {
        await worker?.terminate();
      }
    })
  );
  return settled();
}

/** One job on a worker: its outcome, or the worker's error or exit. Leaves no listener behind. */
function runOn(worker: Worker, job: Job): Promise<FileResult> {
  return new Promise<FileResult>((resolve, reject) => {
    const done = (): void => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onMessage = (m: FileResult): void => {
      done();
      resolve(m);
    };
    const onError = (e: Error): void => {
      done();
      reject(e);
    };
    const onExit = (code: number): void => {
      done();
      reject(new WorkerExit(code));
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(job);
  });
}

export const defaultWorkers = (): number => Math.max(1, availableParallelism());
