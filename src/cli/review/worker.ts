/** A review worker: one file per message, its outcome back. */
import "../../i18n/all";
import { parentPort } from "node:worker_threads";
import { reviewFile } from "./file";
import type { Job } from "./pool";

parentPort?.on("message", (job: Job) => {
  void reviewFile(job.file, job.options).then((outcome) => parentPort?.postMessage(outcome));
});
