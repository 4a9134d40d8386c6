/**
 * The fake request context, and the two entry points production code is given instead of the
 * real ones: createFakeContext (an Excel.RequestContext) and fakeRun (the shape of Excel.run).
 */
import { FakeOfficeError, fail } from "./errors";
import type { ApiSet } from "./requirements";
import type { FakeExcel } from "./state";
import { FakeWorkbook } from "./workbook";

interface QueuedCommand {
  readonly location: string;
  readonly run: () => void;
  readonly api?: ApiSet;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: QueuedCommand[] = [];
  private closed = false;

  constructor(readonly state: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    Object.preventExtensions(this);
  }

  /** Commands queued since the last sync. */
  get pendingCount(): number {
    return this.queue.length;
  }

  enqueue(location: string, run: () => void, api?: ApiSet): void {
    if (this.closed) {
      fail(
        "InvalidRequestContext",
        "This object's request context has ended (its Excel.run batch has finished).",
        location
      );
    }
    this.queue.push(api ? { location, run, api } : { location, run });
  }

  assertApi(set: ApiSet | undefined, location: string): void {
    if (set && !this.state.requirements.isSetSupported(set.name, set.version)) {
      fail(
        "ApiNotFound",
        `${location} needs ${set.name} ${set.version}, which this host does not support.`,
        location
      );
    }
  }

  /**
   * Runs the queued commands in order (RequestContext.sync). The first failing command rejects the
   * sync with its error; the commands after it are dropped, the ones before it stay applied, as in
   * Excel, where a batch is not a transaction. Each command checks before it changes anything, so
   * the failing one leaves no partial change.
   */
  async sync(): Promise<void> {
    const commands = this.queue;
    this.queue = [];
    this.state.syncCount += 1;
    await Promise.resolve();
    for (const command of commands) {
      this.assertApi(command.api, command.location);
      try {
        command.run();
      } catch (e) {
        if (e instanceof FakeOfficeError && !e.debugInfo.errorLocation) {
          throw new FakeOfficeError(e.code, e.message, command.location);
        }
        throw e;
      }
    }
  }

  /** Ends the context: later commands fail with InvalidRequestContext. */
  close(): void {
    this.closed = true;
  }
}

/**
 * The one cast between the fake and Office.js's types. FakeRequestContext and the proxies
 * implement, member by member, the subset of the Excel API our code uses (see index.ts); a member
 * the fake lacks is undefined at run time (calling it throws a TypeError) and assigning one throws,
 * because every proxy is non-extensible. So a gap shows up as a failing test, never as a silent pass.
 */
function asRequestContext(context: FakeRequestContext): Excel.RequestContext {
  return context as unknown as Excel.RequestContext;
}

/** A request context over the fake workbook, typed as Excel.RequestContext. */
export function createFakeContext(workbook: FakeExcel): Excel.RequestContext {
  return asRequestContext(new FakeRequestContext(workbook));
}

/** The shape of `Excel.run(batch)`; `Excel.run` itself is assignable to it. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * `Excel.run` over the fake: a fresh context per batch; commands still queued when the batch's
 * promise resolves are synced, as Excel.run does; the context is closed afterwards, so proxies
 * kept beyond the batch fail like they do in Excel.
 */
export function fakeRun(workbook: FakeExcel): ExcelRun {
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(workbook);
    try {
      const result = await batch(asRequestContext(context));
      if (context.pendingCount > 0) await context.sync();
      return result;
    } finally {
      context.close();
    }
  };
}
