/** The gateway inside Excel: the src/excel actions on Office.js, requirement sets checked once. */
import { ACTION_NAMES, runAction } from "../../application";
import { officePort, selectCell } from "../../excel/actions";
import type { ExcelHost } from "../../excel/host";
import { INSERT_REQUIREMENT } from "../../excel/insertPlan";
import { EXPORT_REQUIREMENT, readPrintGrids } from "../../excel/printGrids";
import { t, type Locale } from "../../i18n";
import type { ActionId, Gateway, OfficePlatform } from "./gateway";

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

/** `platform` is what Office.onReady reported; without it the pane assumes no download. */
export function excelGateway(host: ExcelHost, locale: Locale, platform?: OfficePlatform): Gateway {
  const missing = !host.isSetSupported(INSERT_REQUIREMENT.name, INSERT_REQUIREMENT.version);
  const reason = (r: { name: string; version: string }): string =>
    t(locale, "host.missingRequirement", { feature: `${r.name} ${r.version}` });
  const noExport = !host.isSetSupported(EXPORT_REQUIREMENT.name, EXPORT_REQUIREMENT.version);
  const port = officePort(host);
  return {
    inOffice: true,
    canDownload: downloadWorksOn(platform),
    unavailable: missing
      ? Object.fromEntries(ALL_ACTIONS.map((a) => [a, reason(INSERT_REQUIREMENT)]))
      : noExport
        ? { exportWord: reason(EXPORT_REQUIREMENT) }
        : {},
    run: (action, input) => runAction(action, port, input),
    exportWord: async () => {
      const grids = await readPrintGrids(host);
      if (grids.length === 0) return { sheets: [] };
      // The Word renderer is a chunk of its own, loaded on the first export only.
      const { docxOfSheets } = await import(/* webpackChunkName: "export" */ "../../export");
      return {
        sheets: grids.map((g) => g.name),
        document: new Blob(
          [new Uint8Array(await docxOfSheets(grids, { creator: t(locale, "app.name") }))],
          {
            type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          }
        ),
      };
    },
    selectCell: (sheet, cell) => selectCell(host, sheet, cell),
  };
}
