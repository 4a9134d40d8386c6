/** The gateway inside Excel: the src/excel actions on Office.js, requirement sets checked once. */
import { runAction } from "../../application";
import { officePort, selectCell } from "../../excel/actions";
import type { ExcelHost } from "../../excel/host";
import { readPrintGrids } from "../../excel/printGrids";
import { t, type Locale } from "../../i18n";
import { officeFacts } from "./facts";
import type { Gateway, OfficePlatform } from "./gateway";

/** `platform` is what Office.onReady reported; without it the pane assumes no download. */
export function excelGateway(host: ExcelHost, locale: Locale, platform?: OfficePlatform): Gateway {
  const port = officePort(host);
  return {
    ...officeFacts(host, locale, platform),
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
