/**
 * What the pane knows of its gateway before the gateway's code has loaded: where it runs, which
 * actions this host cannot run and why, whether a file can be saved. Enough to draw the actions
 * on the first screen; the code behind them (the domain, the Office.js actions) loads after that
 * screen has been painted, or on the first click if that comes sooner.
 */
import { ACTION_NAMES } from "../../application/names";
import { EXPORT_REQUIREMENT, INSERT_REQUIREMENT } from "../../excel/requirements";
import { t, type Locale } from "../../i18n";
import type { ActionId, Gateway, GatewayFacts, OfficePlatform } from "./gateway";

const ALL_ACTIONS: readonly ActionId[] = [...ACTION_NAMES, "exportWord"];

/**
 * Whether Office on this platform saves a file the pane offers through `<a download>`.
 * - Mac and iOS: Office hosts add-ins in Apple's WKWebView, which drops the click: no file, no
 *   dialog, no console error. Reported for Office for Mac (16.73 on macOS Ventura, the same code
 *   saving on Windows) and for Excel on iPad; Microsoft closed the Mac report as by design.
 * - PC: the Windows webview saves the file as a browser does.
 * - OfficeOnline: the pane runs in the user's own browser, which saves it.
 * - Universal (WinRT) and Android: we know of no report either way. Answering no costs a clerk one
 *   click to the findings sheet, which works everywhere; a wrong yes is a button that silently
 *   does nothing. Unknown, or a value a later Office.js adds, is therefore no as well.
 */
export function downloadWorksOn(platform: OfficePlatform | undefined): boolean {
  return platform === "PC" || platform === "OfficeOnline";
}

/** Inside Excel: requirement sets asked once; `platform` is what Office.onReady reported. */
export function officeFacts(
  host: { readonly isSetSupported: (name: string, minVersion: string) => boolean },
  locale: Locale,
  platform?: OfficePlatform
): GatewayFacts {
  const missing = !host.isSetSupported(INSERT_REQUIREMENT.name, INSERT_REQUIREMENT.version);
  const noExport = !host.isSetSupported(EXPORT_REQUIREMENT.name, EXPORT_REQUIREMENT.version);
  const reason = (r: { name: string; version: string }): string =>
    t(locale, "host.missingRequirement", { feature: `${r.name} ${r.version}` });
  return {
    inOffice: true,
    canDownload: downloadWorksOn(platform),
    unavailable: missing
      ? Object.fromEntries(ALL_ACTIONS.map((a) => [a, reason(INSERT_REQUIREMENT)]))
      : noExport
        ? { exportWord: reason(EXPORT_REQUIREMENT) }
        : {},
  };
}

/** Outside Office, on the in-memory workbook. */
export function memoryFacts(locale: Locale): GatewayFacts {
  return {
    inOffice: false,
    // A plain browser saves an `<a download>` file; only Office's Apple webview drops it.
    canDownload: true,
    // The export reads the print layout Excel keeps; the in-memory workbook has none.
    unavailable: { exportWord: t(locale, "pane.exportWord.outsideOffice") },
  };
}

/** A gateway whose code loads on first use, or earlier through `load`. */
export interface DeferredGateway<G extends Gateway = Gateway> extends Gateway {
  /** The gateway itself, loading it if need be; a failed load is tried again on the next call. */
  load(): Promise<G>;
}

export function deferredGateway<G extends Gateway>(
  facts: GatewayFacts,
  importGateway: () => Promise<G>
): DeferredGateway<G> {
  let loading: Promise<G> | undefined;
  const load = (): Promise<G> => {
    loading ??= importGateway().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
  return {
    ...facts,
    load,
    run: async (action, input) => (await load()).run(action, input),
    exportWord: async () => (await load()).exportWord(),
    selectCell: async (sheet, cell) => (await load()).selectCell(sheet, cell),
  };
}
