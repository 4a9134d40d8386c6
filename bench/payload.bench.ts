/**
 * What each Excel action sends and receives, measured on the request JSON of Microsoft's own
 * client library (test/officejs): bytes per request and per response, actions (operations) and
 * round trips, for insert 申报表 / 汇总表, 汇总表 from the forms, check, re-check, clear and the
 * read of 导出 Word, on
 * workbooks of 1, 10 and 20 filled 申报表 beside a user's own sheet of 200,000 cells.
 *
 * Budget: every request and every response ≤ 1 MB, a 5× margin under Excel on the web's 5 MB
 * limit per request and per response (Resource limits and performance optimization for Office
 * Add-ins). Round trips: see the budget below; Excel.run's closing release of kept ranges ("c")
 * is reported apart.
 */
import {
  batchParams,
  buildHuizongPlan,
  buildShenbaoPlan,
  findAuthority,
  SHENBAO_EXAMPLES,
  type Authority,
  type ShenbaoExample,
} from "../src/domain";
import { insertHuizong } from "../test/support/excel";
import { DEFAULT_PANE_SETTINGS } from "../src/settings/settings";
import { insertPlan } from "../src/excel/insertPlan";
import { readPrintGrids } from "../src/excel/printGrids";
import { checkInExcel, clearInExcel } from "../src/excel/check";
import { PLAN_TEXT_ZH } from "../src/i18n/planText";
import { BUDGET_BYTES, FakeExcel } from "../test/officejs";
import { addFilled, hostFor } from "../test/support/excel";
import { countSyncs, type SyncCount } from "../test/support/syncs";

const USER_ROWS = 2_000;
const USER_COLS = 100;

interface Row {
  readonly action: string;
  readonly forms: number;
  readonly syncs: SyncCount;
  /** Template sheets read (export Word). */
  readonly sheets?: number;
}

function userSheet(wb: FakeExcel): void {
  const cells: Record<string, number> = {};
  for (let r = 1; r <= USER_ROWS; r++)
    for (let c = 0; c < USER_COLS; c++) {
      const col =
        c < 26
          ? String.fromCharCode(65 + c)
          : `${String.fromCharCode(64 + Math.floor(c / 26))}${String.fromCharCode(65 + (c % 26))}`;
      cells[`${col}${r}`] = r * 1000 + c;
    }
  wb.seedSheet("我的数据").cells(cells);
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

function describeRow(r: Row): string {
  const req = Math.max(...r.syncs.requests.map((x) => x.requestBytes));
  const res = Math.max(...r.syncs.requests.map((x) => x.responseBytes));
  const ops = r.syncs.requests.reduce((n, x) => n + x.actions, 0);
  return (
    `${r.action.padEnd(14)} ${String(r.forms).padStart(2)} forms · syncs ${r.syncs.sequence.padEnd(5)} ` +
    `(${r.syncs.reads}r ${r.syncs.writes}w) · max request ${kb(req).padStart(9)} · max response ${kb(res).padStart(9)} · ops ${ops}`
  );
}

it("payload: bytes per request and response, operations and syncs per action", async () => {
  const rows: Row[] = [];
  const shenbao = buildShenbaoPlan(batchParams(2024), PLAN_TEXT_ZH);
  const huizong = buildHuizongPlan(
    batchParams(2024),
    PLAN_TEXT_ZH,
    findAuthority("贵州省") as Authority
  );
  for (const forms of [1, 10, 20]) {
    const wb = new FakeExcel({ sheets: ["我的数据"] });
    userSheet(wb);
    for (let i = 0; i < forms; i++) {
      const example = SHENBAO_EXAMPLES[i % SHENBAO_EXAMPLES.length] as ShenbaoExample;
      await addFilled(wb, example);
    }
    const measure = async (action: string, run: () => Promise<unknown>): Promise<void> => {
      const { result, syncs } = await countSyncs(wb, run);
      rows.push({
        action,
        forms,
        syncs,
        ...(Array.isArray(result) ? { sheets: result.length } : {}),
      });
    };
    await measure("insert 申报表", () => insertPlan(hostFor(wb), shenbao));
    await measure("insert 汇总表", () => insertPlan(hostFor(wb), huizong));
    await measure("汇总表 from forms", () => insertHuizong(hostFor(wb), DEFAULT_PANE_SETTINGS));
    await measure("check", () => checkInExcel(hostFor(wb), { locale: "zh-CN" }));
    await measure("re-check", () => checkInExcel(hostFor(wb), { locale: "zh-CN" }));
    await measure("clear", () => clearInExcel(hostFor(wb)));
    await measure("export Word", () => readPrintGrids(hostFor(wb)));
  }
  console.log(
    `\n== bench: Excel requests (Microsoft's client library, excel-web), user sheet ${USER_ROWS * USER_COLS} cells, budget ${kb(BUDGET_BYTES)} per request and response\n` +
      `${rows.map(describeRow).join("\n")}\n`
  );
  for (const r of rows) {
    for (const q of r.syncs.requests) {
      expect([r.action, r.forms, q.requestBytes <= BUDGET_BYTES]).toEqual([
        r.action,
        r.forms,
        true,
      ]);
      expect([r.action, r.forms, q.responseBytes <= BUDGET_BYTES]).toEqual([
        r.action,
        r.forms,
        true,
      ]);
    }
    // Inserts: 1 read (names taken) + 1 write. Check and clear: the sheet list and the names,
    // then one read per group of up to 8 template sheets (what fits in a response), then 1 write
    // (2 where notes exist).
    // 导出 Word: the sheet list and the names, the page setup, the cells in row bands grouped to
    // fit a response (a 申报表 prints about 1,900 cells, some 750 KB with their properties, so
    // about one read per sheet), then the cells after the page breaks.
    const insert = r.action.startsWith("insert");
    const reads = insert
      ? 1
      : r.action === "export Word"
        ? 4 + (r.sheets ?? 0) + 1
        : 2 + Math.ceil(r.forms / 8);
    expect([r.action, r.forms, r.syncs.reads <= reads, r.syncs.writes <= (insert ? 1 : 2)]).toEqual(
      [r.action, r.forms, true, true]
    );
  }
});
