/**
 * Runs one action at a time through the gateway and keeps what the pane shows about it: which
 * action runs, its result message, a failure in two layers (message, then details), and the
 * latest check's findings.
 */
import { useCallback, useRef, useState } from "react";
import type { ExampleKey } from "../../domain/exampleList";
import { WriterError } from "../../excel/errors";
import { t, writerErrorMessage, type Locale } from "../../i18n";
import type { PaneSettings } from "../../settings/settings";
import { saveFile } from "../download";
import type { ActionId, CheckOutcome, Gateway } from "../gateway/gateway";

export interface ActionMessage {
  readonly intent: "success" | "warning" | "error";
  readonly text: string;
  /** A failure of the action itself (announced at once); results, even with errors, are not. */
  readonly failed?: boolean;
  /** Office error code and location, behind a disclosure. */
  readonly details?: readonly string[];
}

export interface ActionsState {
  readonly running: ActionId | undefined;
  readonly message: ActionMessage | undefined;
  readonly outcome: CheckOutcome | undefined;
  /** The workbook changed through the pane since the listed check: the list may be out of date. */
  readonly stale: boolean;
  readonly run: (action: ActionId, example?: ExampleKey) => Promise<void>;
}

function failure(e: unknown, locale: Locale): ActionMessage {
  if (e instanceof WriterError) {
    const details = [
      ...(e.officeCode ? [t(locale, "pane.error.code", { code: e.officeCode })] : []),
      ...(e.location ? [t(locale, "pane.error.location", { location: e.location })] : []),
      ...(e.detail && e.code === "unknown" ? [e.detail] : []),
    ];
    return { intent: "error", failed: true, text: writerErrorMessage(locale, e), details };
  }
  // The action's code is a chunk of its own (webpack names the error ChunkLoadError).
  if (e instanceof Error && e.name === "ChunkLoadError")
    return {
      intent: "error",
      failed: true,
      text: t(locale, "pane.error.codeLoad"),
      details: [e.message],
    };
  return {
    intent: "error",
    failed: true,
    text: t(locale, "pane.error.unknown", { message: e instanceof Error ? e.message : String(e) }),
  };
}

export function useActions(gateway: Gateway, settings: PaneSettings, locale: Locale): ActionsState {
  const [running, setRunning] = useState<ActionId | undefined>(undefined);
  const [message, setMessage] = useState<ActionMessage | undefined>(undefined);
  const [outcome, setOutcome] = useState<CheckOutcome | undefined>(undefined);
  const [stale, setStale] = useState(false);
  const busy = useRef(false);

  const perform = useCallback(
    async (action: ActionId, example: ExampleKey): Promise<ActionMessage> => {
      if (action !== "exportWord") {
        // The sentences for every outcome come with the first action, not with the first screen.
        const [outcome, { describeOutcome }] = await Promise.all([
          gateway.run(action, { settings, example, locale }),
          import(/* webpackChunkName: "outcome" */ "../../application/outcome"),
        ]);
        // A check's findings stay listed until the next check or a clear; an insert or a fill
        // changes the workbook under them, so the list says it may be out of date.
        // A criteria pack that cannot be used: nothing ran, the workbook and the list are as they were.
        if (outcome.kind === "criteriaInvalid")
          return { ...describeOutcome(outcome, locale), failed: true };
        if (outcome.kind === "checked") setOutcome(outcome);
        if (outcome.kind === "cleared") setOutcome(undefined);
        setStale(outcome.kind === "inserted" || outcome.kind === "example");
        return describeOutcome(outcome, locale);
      }
      // 导出 Word, the pane's own: where the webview drops downloads, reading the workbook would
      // only end in silence.
      if (!gateway.canDownload)
        return { intent: "warning", text: t(locale, "pane.result.exportWordNoDownload") };
      const r = await gateway.exportWord();
      if (!r.document || r.sheets.length === 0)
        return { intent: "warning", text: t(locale, "pane.result.exportWordNothing") };
      const name =
        r.sheets.length === 1
          ? t(locale, "pane.exportWord.fileName", { sheet: r.sheets[0] ?? "" })
          : t(locale, "pane.exportWord.fileNameMany");
      saveFile(r.document, name);
      return {
        intent: "success",
        text: t(locale, "pane.result.exportWord", { count: r.sheets.length, name }),
      };
    },
    [gateway, settings, locale]
  );

  const run = useCallback(
    async (action: ActionId, example: ExampleKey = "B") => {
      if (busy.current) return;
      busy.current = true;
      setRunning(action);
      setMessage(undefined);
      try {
        setMessage(await perform(action, example));
      } catch (e) {
        setMessage(failure(e, locale));
      } finally {
        busy.current = false;
        setRunning(undefined);
      }
    },
    [perform, locale]
  );

  return { running, message, outcome, stale, run };
}
