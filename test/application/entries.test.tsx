/**
 * @jest-environment jsdom
 *
 * One label, one behaviour: each action started from the ribbon (runCommand, as the shared runtime
 * calls it) and from the pane (the rendered pane's button, over the Office.js gateway) on two
 * identical workbooks leaves the same workbook and says the same sentence. The command line's
 * `jiqun template` writes the same sheet the inserts add to a workbook without forms. All through
 * Microsoft's Excel client library against the modelled host.
 */
import "../support/jsdomGlobals";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/jiqun";
import { runCommand, type CommandName } from "../../src/commands/actions";
import { EXAMPLE_A, EXAMPLE_B, EXAMPLE_D } from "../../src/domain";
import { t, type StringKey } from "../../src/i18n";
import { DEFAULT_PANE_SETTINGS, type PaneSettings } from "../../src/settings/settings";
import type { SettingsStore } from "../../src/settings/store";
import { App } from "../../src/taskpane/App";
import { excelGateway } from "../../src/taskpane/gateway/excelGateway";
import { FakeExcel, type WorkbookSnapshot } from "../officejs";
import { addFilled, hostFor } from "../support/excel";
import { on } from "../support/actions";

beforeAll(() => {
  // Fluent's MessageBar measures itself; jsdom has no ResizeObserver.
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

const SETTINGS: PaneSettings = { ...DEFAULT_PANE_SETTINGS, batchYear: 2024, authority: "贵州省" };

const store = (): SettingsStore => ({ load: () => SETTINGS, save: async () => undefined });

async function viaRibbon(
  wb: FakeExcel,
  name: CommandName
): Promise<{ said: string[]; after: WorkbookSnapshot }> {
  const said: string[] = [];
  await runCommand(
    name,
    hostFor(wb),
    { showPane: async () => undefined, report: (message) => said.push(message) },
    "zh-CN",
    SETTINGS
  );
  return { said, after: wb.snapshot() };
}

/** Clicks the pane's button and waits for the sentence the ribbon said. */
async function viaPane(
  wb: FakeExcel,
  label: StringKey,
  expected: string
): Promise<WorkbookSnapshot> {
  const view = render(
    <App gateway={excelGateway(hostFor(wb), "zh-CN", "PC")} store={store()} locale="zh-CN" />
  );
  await userEvent.setup().click(screen.getByRole("button", { name: t("zh-CN", label) }));
  expect(await screen.findByText(expected, {}, { timeout: 10_000 })).toBeTruthy();
  view.unmount();
  return wb.snapshot();
}

type Setup = (wb: FakeExcel) => Promise<void>;
const nothing: Setup = async () => undefined;
const twoForms: Setup = async (wb) => {
  await addFilled(wb, EXAMPLE_A);
  await addFilled(wb, EXAMPLE_D);
};
const checked: Setup = async (wb) => {
  await addFilled(wb, EXAMPLE_B);
  await viaRibbon(wb, "checkWorkbook");
};

const CASES: ReadonlyArray<[string, CommandName, StringKey, Setup]> = [
  ["插入申报表", "insertShenbao", "pane.action.insertShenbao", nothing],
  ["插入汇总表 without forms", "insertHuizong", "pane.action.insertHuizong", nothing],
  ["插入汇总表 from two forms", "insertHuizong", "pane.action.insertHuizong", twoForms],
  [
    "检查",
    "checkWorkbook",
    "pane.action.check",
    async (wb) => addFilled(wb, EXAMPLE_B).then(() => undefined),
  ],
  ["清除标记", "clearMarks", "pane.action.clear", checked],
];

describe("the ribbon and the pane run the same action", () => {
  it.each(CASES)(
    "%s: same workbook afterwards, same sentence",
    async (_, command, label, setup) => {
      const ribbonBook = new FakeExcel();
      const paneBook = new FakeExcel();
      await setup(ribbonBook);
      await setup(paneBook);
      const ribbon = await viaRibbon(ribbonBook, command);
      expect(ribbon.said).toHaveLength(1);
      const pane = await viaPane(paneBook, label, ribbon.said[0] ?? "");
      expect(pane).toEqual(ribbon.after);
    },
    30_000
  );
});

describe("the command line writes the sheet the inserts add", () => {
  /** Every cell's value and formula as a map, from a workbook snapshot or an .xlsx sheet. */
  const fromSnapshot = (s: WorkbookSnapshot, sheet: string): Map<string, unknown> =>
    new Map(
      Object.entries(s.sheets.find((x) => x.name === sheet)?.cells ?? {}).flatMap(([a, c]) =>
        c.formula !== undefined
          ? [[a, c.formula]]
          : c.value !== undefined && c.value !== ""
            ? [[a, c.value]]
            : []
      )
    );
  async function fromFile(file: string, sheet?: string): Promise<Map<string, unknown>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    const out = new Map<string, unknown>();
    (sheet ? wb.getWorksheet(sheet) : wb.worksheets[0])?.eachRow((row) =>
      row.eachCell((c) => {
        // exceljs gives every cell of a merge the top-left cell's value; Excel keeps it once.
        if (c.isMerged && c.master.address !== c.address) return;
        const f = c.formula;
        // Files keep functions newer than Excel 2007 as _xlfn.NAME; the API takes NAME.
        if (f) out.set(c.address, `=${f.replace(/_xlfn\./gu, "")}`);
        else if (c.value !== null && c.value !== "") out.set(c.address, c.value);
      })
    );
    return out;
  }

  it("检查 by jiqun check --out-dir says the ribbon's sentence; the 「审查结果」 rows are the same", async () => {
    const wb = new FakeExcel();
    await addFilled(wb, EXAMPLE_B);
    const ribbon = await viaRibbon(wb, "checkWorkbook");
    const dir = mkdtempSync(path.join(tmpdir(), "jiqun-entries-"));
    const input = path.join(dir, "b.xlsx");
    const io = { out: (): void => undefined, err: (): void => undefined };
    expect(await main(["template", "shenbao", "--example", "B", "--out", input], io)).toBe(0);
    const said: string[] = [];
    const code = await main(["check", input, "--out-dir", path.join(dir, "out")], {
      out: (line) => said.push(line),
      err: (line) => said.push(line),
    });
    expect(code).toBe(1); // example B has errors
    // The one difference is the host's: this Excel has no notes API, the file gets notes.
    const noNotes = t("zh-CN", "review.notesUnsupported");
    expect(ribbon.said[0]).toContain(noNotes);
    expect(said).toContain(ribbon.said[0]?.replace(noNotes, ""));
    // Row 3 on: the header and one row per finding (row 2 names the file checked, on the copy).
    const rows = (cells: Map<string, unknown>): Map<string, unknown> =>
      new Map([...cells].filter(([a]) => Number(/\d+/u.exec(a)?.[0]) >= 3));
    const copy = path.join(dir, "out", "b-审查.xlsx");
    expect(rows(await fromFile(copy, "审查结果"))).toEqual(
      rows(fromSnapshot(ribbon.after, "审查结果"))
    );
  });

  it("填入示例数据 B and jiqun template shenbao --example B write the same 申报表", async () => {
    const wb = new FakeExcel();
    await on(excelGateway(hostFor(wb), "zh-CN")).fillExample("B");
    const out = path.join(mkdtempSync(path.join(tmpdir(), "jiqun-entries-")), "b.xlsx");
    const io = { out: (): void => undefined, err: (): void => undefined };
    expect(await main(["template", "shenbao", "--example", "B", "--out", out], io)).toBe(0);
    expect(await fromFile(out)).toEqual(fromSnapshot(wb.snapshot(), "申报表-2022"));
  });

  it.each<[string, CommandName, string[]]>([
    ["申报表", "insertShenbao", ["template", "shenbao", "--batch", "2024"]],
    [
      "汇总表",
      "insertHuizong",
      ["template", "huizong", "--batch", "2024", "--authority", "贵州省"],
    ],
  ])("%s", async (_, command, args) => {
    const ribbon = await viaRibbon(new FakeExcel(), command);
    const sheet = ribbon.after.sheets[1]?.name ?? "";
    const out = path.join(mkdtempSync(path.join(tmpdir(), "jiqun-entries-")), "t.xlsx");
    const io = { out: (): void => undefined, err: (): void => undefined };
    expect(await main([...args, "--out", out], io)).toBe(0);
    expect(await fromFile(out)).toEqual(fromSnapshot(ribbon.after, sheet));
  });
});
