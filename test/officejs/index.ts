/**
 * Excel for tests: Microsoft's Excel client library (client.ts) talking to a modelled host
 * (server.ts) over a workbook model (model/). Tests build a `FakeExcel`, seed it, hand the add-in
 * `hostFor(workbook)` where it would get Excel, and assert on `workbook.snapshot()` and on the
 * requests the host received (`serverFor(workbook).requests`).
 */
import type { ExcelHost } from "../../src/excel/host";
import { RUN_OPTIONS } from "../../src/excel/host";
import { clientLibrary, type ClientFlavour } from "./client";
import type { FakeExcel } from "./model/state";
import { ExcelServer } from "./server";

export { clientLibrary, type ClientFlavour } from "./client";
export { BUDGET_BYTES, PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT } from "./limits";
export { columnLetters, formatAddress, formatRect, parseAddress, type Rect } from "./model/address";
export { type RequirementSets } from "./model/requirements";
export {
  FakeExcel,
  type CellSnapshot,
  type FakeExcelOptions,
  type SeedCell,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "./model/state";
export { ExcelServer, type RequestRecord } from "./server";

const servers = new WeakMap<FakeExcel, ExcelServer>();

/** The one host (and its request log) of a workbook. */
export function serverFor(workbook: FakeExcel): ExcelServer {
  const hit = servers.get(workbook) ?? new ExcelServer(workbook);
  servers.set(workbook, hit);
  return hit;
}

/**
 * The add-in's view of a workbook: `Excel.run` of Microsoft's client library with the add-in's own
 * run options, its requests answered by the workbook's host; requirement sets as the workbook says.
 */
export function hostFor(workbook: FakeExcel, flavour: ClientFlavour = "web"): ExcelHost {
  const client = clientLibrary(flavour);
  const session = client.session(serverFor(workbook));
  return {
    run: (batch) => client.Excel.run({ ...RUN_OPTIONS, session } as Excel.RunOptions, batch),
    isSetSupported: (n, v) => workbook.requirements.isSetSupported(n, v),
  };
}
