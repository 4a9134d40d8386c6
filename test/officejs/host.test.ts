/**
 * What Microsoft's Excel client library and the modelled host do together: each test fails if the
 * request protocol (client.ts ↔ server.ts) or one of the rules, limits and refusals the host
 * models breaks (among the rules: how a conditional format's formula applies across its range,
 * checked against the 申报表 the add-in writes). Errors are the real client's (an OfficeExtension.Error built by the library from the
 * host's answer, or raised by the library before it sends anything), so a test asserts the
 * `code` Excel documents and the `debugInfo` the library fills in (the failing statement it
 * prints from the action index, or the object path it could not use).
 */
import { insertPlan } from "../../src/excel/insertPlan";
import {
  clientLibrary,
  FakeExcel,
  formatRect,
  PAYLOAD_LIMIT_BYTES,
  parseAddress,
  READ_CELL_LIMIT,
  serverFor,
  type ClientFlavour,
} from "../officejs";
import { hostFor, shenbaoPlanFor } from "../support/excel";
import { cellReferences } from "./model/address";
import { formulaAt } from "./model/state";
import type { RequestBody } from "./server";

interface RunOptions {
  readonly flavour?: ClientFlavour;
  /** Excel.RunOptions.delayForCellEdit; the add-in always sets it (src/excel/host.ts). */
  readonly delayForCellEdit?: boolean;
}

/** `Excel.run` of the real client library against the workbook's host, with chosen options. */
function run<T>(
  wb: FakeExcel,
  batch: (context: Excel.RequestContext) => Promise<T>,
  options: RunOptions = {}
): Promise<T> {
  const client = clientLibrary(options.flavour ?? "web");
  const session = client.session(serverFor(wb));
  const delay = options.delayForCellEdit ? { delayForCellEdit: true } : {};
  return client.Excel.run({ ...delay, session } as Excel.RunOptions, batch);
}

/** The fields of OfficeExtension.Error a test reads. */
interface ClientError {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly debugInfo: {
    readonly code?: string;
    readonly errorLocation?: string;
    readonly statement?: string;
  };
}

/** The error a promise rejects with; fails the test if it resolves. */
async function rejection(p: Promise<unknown>): Promise<ClientError> {
  try {
    await p;
  } catch (e) {
    return e as ClientError;
  }
  throw new Error("expected the batch to fail, it succeeded");
}

/** The request bodies the host receives while `action` runs. */
async function bodiesDuring(wb: FakeExcel, action: () => Promise<unknown>): Promise<RequestBody[]> {
  const server = serverFor(wb);
  const spy = jest.spyOn(server, "handle");
  try {
    await action();
    return spy.mock.calls.map(([text]) => JSON.parse(text) as RequestBody);
  } finally {
    spy.mockRestore();
  }
}

const pathsOf = (body: RequestBody): Array<RequestBody["ObjectPaths"][string]> =>
  Object.values(body.ObjectPaths);

const cellsOf = (wb: FakeExcel, sheet: string): Record<string, unknown> =>
  wb.snapshot().sheets.find((s) => s.name === sheet)?.cells ?? {};

describe("formulas the host refuses", () => {
  // RRI is an Excel 2013 function; files store it as _xlfn.RRI, the API takes it as RRI
  // ("Issue: An _xlfn. prefix is displayed in front of a formula", Microsoft Support).
  it("Range.formulas: `=_xlfn.RRI(…)` is InvalidArgument at that statement; `=RRI(…)` is stored", async () => {
    const wb = new FakeExcel();
    const before = wb.snapshot();
    const e = await rejection(
      run(wb, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").formulas = [["=_xlfn.RRI(2,100,121)"]];
        await context.sync();
      })
    );
    expect(e.name).toBe("RichApi.Error");
    expect(e.code).toBe("InvalidArgument");
    expect(e.message).toContain("_XLFN.RRI");
    expect(e.debugInfo.errorLocation).toBe("Range.Formulas");
    expect(e.debugInfo.statement).toBe("range.formulas = ...;");
    expect(wb.snapshot()).toEqual(before);
    expect(serverFor(wb).requests[0]).toMatchObject({ wrote: false, error: "InvalidArgument" });

    await run(wb, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=RRI(2,100,121)"]];
      await context.sync();
    });
    expect(cellsOf(wb, "Sheet1").A1).toEqual({ formula: "=RRI(2,100,121)" });
  });

  it("a conditional format's rule formula: `_xlfn.` is InvalidArgument; the plain name is stored", async () => {
    const wb = new FakeExcel();
    const addRule = (formula: string) =>
      run(wb, async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2");
        range.conditionalFormats.add("Custom").custom.rule.formula = formula;
        await context.sync();
      });
    const e = await rejection(addRule("=_xlfn.RRI(2,100,121)>0.1"));
    expect(e.code).toBe("InvalidArgument");
    expect(e.debugInfo.errorLocation).toBe("ConditionalFormatRule.Formula");
    expect(e.debugInfo.statement).toBe("rule.formula = ...;");

    await addRule("=RRI(2,100,121)>0.1");
    const formats = wb.snapshot().sheets[0]?.conditionalFormats.map((c) => c.formula) ?? [];
    // A batch is not a transaction: the format added before the refused formula stays, blank.
    expect(formats).toEqual(["=RRI(2,100,121)>0.1", ""]);
  });
});

describe("a conditional format's formula is relative to its range's top-left cell", () => {
  // "Apply conditional formatting to Excel ranges" (Custom) writes the rule for B8:E13 as
  // `=IF(B8>INDIRECT("RC[-1]",0),TRUE)`: the formula names the top-left cell and holds for each
  // cell of the range, its relative references moving with the cell. formulaAt (model/state.ts)
  // gives the formula as Excel evaluates it at one cell.
  const addRule = (wb: FakeExcel, address: string, formula: string) =>
    run(wb, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange(address);
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = formula;
      cf.custom.format.fill.color = "#FFC7CE";
      await context.sync();
    });

  /** The row (1-based) of each reference in a formula whose row is relative. */
  const relativeRows = (formula: string): number[] =>
    cellReferences(formula)
      .filter((r) => !r.rowAbsolute)
      .map((r) => r.row + 1);

  /** The error a model call throws; fails the test if it returns. */
  const thrown = (f: () => unknown): { code?: string; message?: string } => {
    try {
      f();
    } catch (e) {
      return e as { code?: string; message?: string };
    }
    throw new Error("expected the call to throw, it returned");
  };

  it("a highlight written for B35 over B35:D35 tests D35 at D35; absolute references stay", async () => {
    const wb = new FakeExcel();
    await addRule(wb, "B35:D35", "=AND(ISNUMBER(B35),ROUND(B35,2)<=70,NOT($J$4))");
    const [cf] = wb.sheet("Sheet1").conditionalFormats;
    if (!cf) throw new Error("no conditional format");
    expect(formatRect(cf.range)).toBe("B35:D35");
    expect(["B35", "C35", "D35"].map((cell) => formulaAt(cf, cell))).toEqual([
      "=AND(ISNUMBER(B35),ROUND(B35,2)<=70,NOT($J$4))",
      "=AND(ISNUMBER(C35),ROUND(C35,2)<=70,NOT($J$4))",
      "=AND(ISNUMBER(D35),ROUND(D35,2)<=70,NOT($J$4))",
    ]);
    expect(thrown(() => formulaAt(cf, "E35")).code).toBe("InvalidArgument");
  });

  it("a formula anchored one row low (B36 for B35:D35) tests the row below at every cell", async () => {
    const wb = new FakeExcel();
    await addRule(wb, "B35:D35", "=AND(ISNUMBER(B36),ROUND(B36,2)<=70)");
    const [cf] = wb.sheet("Sheet1").conditionalFormats;
    if (!cf) throw new Error("no conditional format");
    // Excel stores what it is given; the mistake shows in what each cell is tested against.
    expect(formulaAt(cf, "D35")).toBe("=AND(ISNUMBER(D36),ROUND(D36,2)<=70)");
    expect(relativeRows(formulaAt(cf, "D35"))).toEqual([36, 36]);
  });

  // Where the docs are silent the host refuses: a format on whole rows or columns (its relative
  // references would wrap at the grid's edge), on several areas, or read past the grid's edge.
  it.each<[string, string | undefined]>([
    ["the whole sheet", undefined],
    ["a whole column", "B:B"],
    ["a whole row", "35:35"],
  ])("a format on %s is HostLimitation at add", async (_what, address) => {
    const wb = new FakeExcel();
    const e = await rejection(
      run(wb, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        const range = address === undefined ? sheet.getRange() : sheet.getRange(address);
        range.conditionalFormats.add("Custom");
        await context.sync();
      })
    );
    expect(e.code).toBe("HostLimitation");
    expect(e.debugInfo.errorLocation).toBe("ConditionalFormatCollection.Add");
    expect(wb.sheet("Sheet1").conditionalFormats).toEqual([]);
  });

  it("a format on several areas, or read past the grid's last row, is HostLimitation", async () => {
    const wb = new FakeExcel();
    const sheet = wb.sheet("Sheet1");
    // RangeAreas.conditionalFormats: which area's top-left cell anchors the formula is undocumented.
    const areas = ["B35:D35", "F35"].map((a) => parseAddress(a).rect);
    expect(thrown(() => sheet.addConditionalFormat(areas, "test")).code).toBe("HostLimitation");
    expect(sheet.conditionalFormats).toEqual([]);

    await addRule(wb, "A1048575:A1048576", "=ISBLANK(A1048576)");
    const [edge] = sheet.conditionalFormats;
    if (!edge) throw new Error("no conditional format");
    expect(formulaAt(edge, "A1048575")).toBe("=ISBLANK(A1048576)");
    expect(thrown(() => formulaAt(edge, "A1048576")).code).toBe("HostLimitation");
  });

  it("申报表: every highlight the add-in writes is anchored at its range's top-left cell", async () => {
    const wb = new FakeExcel();
    const { sheetName } = await insertPlan(hostFor(wb), shenbaoPlanFor(2024));
    const formats = wb.sheet(sheetName).conditionalFormats;
    const offRow = formats.flatMap((cf) => {
      const topLeft = formatRect({ ...cf.range, rows: 1, cols: 1 });
      const rows = relativeRows(formulaAt(cf, topLeft));
      return rows.every((r) => r === cf.range.row + 1) ? [] : [`${topLeft}: ${cf.formula}`];
    });
    expect(offRow).toEqual([]);
    // Not vacuous: multi-cell ranges with relative references are among them.
    const spanning = formats.filter(
      (cf) => cf.range.rows * cf.range.cols > 1 && relativeRows(cf.formula).length > 0
    );
    expect(spanning.length).toBeGreaterThan(10);
  });
});

describe("Excel on the web's limits", () => {
  const LONG = "文".repeat(10_000); // 30,000 bytes of UTF-8, under Excel's 32,767 characters a cell

  it("a request over 5 MB is RequestPayloadSizeLimitExceeded and changes nothing", async () => {
    const wb = new FakeExcel();
    const before = wb.snapshot();
    const rows = Array.from({ length: 200 }, () => [LONG]); // ≈ 6 MB of JSON
    const e = await rejection(
      run(wb, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A200").values = rows;
        await context.sync();
      })
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(e.message).toContain(`limit of ${PAYLOAD_LIMIT_BYTES} bytes`);
    const [request] = serverFor(wb).requests;
    expect(request?.requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(request).toMatchObject({ wrote: false, error: "RequestPayloadSizeLimitExceeded" });
    expect(wb.snapshot()).toEqual(before);
  });

  it("a read whose answer would exceed 5 MB is ResponsePayloadSizeLimitExceeded", async () => {
    const wb = new FakeExcel();
    wb.seedSheet("Sheet1").cells({ "A1:A200": LONG });
    const e = await rejection(
      run(wb, async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A200");
        range.load("values");
        await context.sync();
      })
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(e.message).toContain(`limit of ${PAYLOAD_LIMIT_BYTES} bytes`);
    const [request] = serverFor(wb).requests;
    // The request was small; what is sent back is the error, not the 6 MB.
    expect(request?.requestBytes).toBeLessThan(10_000);
    expect(request?.responseBytes).toBeLessThan(10_000);
  });

  it("reading values of more than 5,000,000 cells is RangeExceedsLimit; the address is fine", async () => {
    const wb = new FakeExcel();
    const columns = (context: Excel.RequestContext): Excel.Range =>
      context.workbook.worksheets.getItem("Sheet1").getRange("A:E"); // 5 × 1,048,576 cells
    expect(5 * 1_048_576).toBeGreaterThan(READ_CELL_LIMIT);
    const e = await rejection(
      run(wb, async (context) => {
        const range = columns(context);
        range.load("values");
        await context.sync();
      })
    );
    expect(e.code).toBe("RangeExceedsLimit");
    expect(e.debugInfo.errorLocation).toBe("Range.values");
    const address = await run(wb, async (context) => {
      const range = columns(context);
      range.load("address");
      await context.sync();
      return range.address;
    });
    expect(address).toBe("Sheet1!A:E");
  });
});

describe("the client library's own errors", () => {
  it("reading a property that was not loaded is PropertyNotLoaded, before any request", async () => {
    const wb = new FakeExcel();
    const e = await rejection(
      run(wb, async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        range.load("values");
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- the mistake under test
        return range.formulas;
      })
    );
    expect(e.code).toBe("PropertyNotLoaded");
    expect(e.debugInfo.errorLocation).toBe("Range.formulas");
    expect(serverFor(wb).requests).toEqual([]);
  });

  it("a Range kept past its Excel.run is InvalidObjectPath; in another run's call, InvalidRequestContext", async () => {
    const wb = new FakeExcel();
    let kept: Excel.Range | undefined;
    await run(wb, async (context) => {
      kept = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      kept.load("address");
      await context.sync();
    });
    const range = kept as Excel.Range;
    const sent = serverFor(wb).requests.length;

    // Excel.run's end invalidated the range's path (it was kept by reference id, now released):
    // the library refuses the write at the assignment, before anything is queued or sent.
    const write = await rejection(
      run(wb, async (context) => {
        range.values = [[1]];
        await context.sync();
      })
    );
    expect(write.code).toBe("InvalidObjectPath");
    expect(write.debugInfo.errorLocation).toBe("_reference()");

    // Loading it to sync its own, finished context: the same refusal, at the load.
    const resync = await rejection(
      (async () => {
        range.load("values");
        await range.context.sync();
      })()
    );
    expect(resync.code).toBe("InvalidObjectPath");
    expect(resync.debugInfo.errorLocation).toBe("_reference()");

    // Handing the old range to a new context's method: the objects' contexts differ.
    const mixed = await rejection(
      run(wb, async (context) => {
        context.workbook.names.add("kept", range);
        await context.sync();
      })
    );
    expect(mixed.code).toBe("InvalidRequestContext");
    expect(mixed.message).toBe("Cannot use the object across different request contexts.");

    expect(serverFor(wb).requests.length).toBe(sent);
    expect(cellsOf(wb, "Sheet1")).toEqual({});
  });
});

describe("sheet-scoped names", () => {
  const addName = (wb: FakeExcel, sheet: string) =>
    run(wb, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.names.add("SB_total", ws.getRange("B5"));
      await context.sync();
    });

  const namesOn = (wb: FakeExcel) =>
    run(wb, async (context) => {
      const a = context.workbook.worksheets.getItem("甲").names.load("items/name,items/formula");
      const b = context.workbook.worksheets.getItem("乙").names.load("items/name");
      const book = context.workbook.names.load("items/name");
      await context.sync();
      return {
        甲: a.items.map((n) => [n.name, n.formula]),
        乙: b.items.map((n) => n.name),
        workbook: book.items.map((n) => n.name),
      };
    });

  it("a name added on a sheet is on that sheet's collection only; once per sheet", async () => {
    const wb = new FakeExcel({ sheets: ["甲", "乙"] });
    await addName(wb, "甲");
    expect(await namesOn(wb)).toEqual({
      甲: [["SB_total", "=甲!$B$5"]],
      乙: [],
      workbook: [],
    });

    await addName(wb, "乙");
    expect((await namesOn(wb)).乙).toEqual(["SB_total"]);

    const e = await rejection(addName(wb, "甲"));
    expect(e.code).toBe("ItemAlreadyExists");
    expect(e.debugInfo.errorLocation).toBe("NamedItemCollection.Add");
    expect(e.debugInfo.statement).toContain("names.add(...)");
  });
});

describe("object paths across syncs", () => {
  it("a sheet added in one sync is addressed by its Id in the next", async () => {
    const wb = new FakeExcel();
    const bodies = await bodiesDuring(wb, () =>
      run(wb, async (context) => {
        const sheet = context.workbook.worksheets.add("新表");
        await context.sync();
        sheet.getRange("B2").values = [["x"]];
        await context.sync();
      })
    );
    const id = wb.sheet("新表").id;
    const [first, second] = bodies;
    expect(pathsOf(first as RequestBody).some((p) => p.Name === "Add")).toBe(true);
    const paths = pathsOf(second as RequestBody);
    // The second request reaches the sheet through the collection's indexer with the Id the
    // host returned, not by replaying `add("新表")` (which would add it again).
    expect(paths.some((p) => p.Name === "Add")).toBe(false);
    expect(paths).toContainEqual(
      expect.objectContaining({ ObjectPathType: 5, ArgumentInfo: { Arguments: [id] } })
    );
    expect(cellsOf(wb, "新表").B2).toEqual({ value: "x" });
  });

  it("a range kept across syncs goes by its reference id; Excel.run's last request releases it", async () => {
    const wb = new FakeExcel();
    const bodies = await bodiesDuring(wb, () =>
      run(wb, async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
        range.load("address");
        await context.sync();
        range.values = [[1, 2]];
        await context.sync();
      })
    );
    expect(bodies).toHaveLength(3);
    const [, write, closing] = bodies as [RequestBody, RequestBody, RequestBody];
    const reference = pathsOf(write).find((p) => p.ObjectPathType === 6);
    expect(reference?.Name).toMatch(/^ref\d+$/u);
    expect(pathsOf(write).some((p) => p.Name === "GetRange")).toBe(false);
    expect(closing.Actions).toContainEqual(
      expect.objectContaining({
        Name: "_RemoveReference",
        ArgumentInfo: { Arguments: [reference?.Name] },
      })
    );
    expect(serverFor(wb).requests.map((r) => r.cleanup)).toEqual([false, false, true]);
    expect(cellsOf(wb, "Sheet1")).toEqual({ A1: { value: 1 }, B1: { value: 2 } });

    // Released: the host no longer knows the id.
    const stale = JSON.parse(
      serverFor(wb).handle(
        JSON.stringify({
          Actions: [{ Id: 1, ActionType: 2, Name: "", ObjectPathId: 1, QueryInfo: {} }],
          ObjectPaths: { 1: { Id: 1, ObjectPathType: 6, Name: reference?.Name } },
        }),
        0
      )
    ) as { Error?: { Code: string } };
    expect(stale.Error?.Code).toBe("InvalidObjectPath");
  });

  it("getUsedRangeOrNullObject on a blank sheet is a null object", async () => {
    const wb = new FakeExcel({ sheets: ["空", "有"] });
    wb.seedSheet("有").cells({ C3: 1 });
    const used = await run(wb, async (context) => {
      const blank = context.workbook.worksheets.getItem("空").getUsedRangeOrNullObject();
      const filled = context.workbook.worksheets.getItem("有").getUsedRangeOrNullObject();
      blank.load("address");
      filled.load("address");
      await context.sync();
      return {
        blank: blank.isNullObject,
        filled: filled.isNullObject ? null : filled.address,
      };
    });
    expect(used).toEqual({ blank: true, filled: "有!C3" });
  });
});

describe("cell-edit mode", () => {
  const write = (wb: FakeExcel, delayForCellEdit: boolean) =>
    run(
      wb,
      async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["typed"]];
        await context.sync();
      },
      { delayForCellEdit }
    );

  it("with delayForCellEdit the batch waits for the user to leave the cell, then runs", async () => {
    const wb = new FakeExcel();
    serverFor(wb).cellEditMode = true;
    await write(wb, true);
    expect(serverFor(wb).waitedForCellEdit).toBe(1);
    expect(cellsOf(wb, "Sheet1").A1).toEqual({ value: "typed" });
  });

  it("without it the batch fails with InvalidOperationInCellEditMode and changes nothing", async () => {
    const wb = new FakeExcel();
    serverFor(wb).cellEditMode = true;
    const e = await rejection(write(wb, false));
    expect(e.code).toBe("InvalidOperationInCellEditMode");
    expect(e.message).toContain("Edit cell mode");
    expect(serverFor(wb).waitedForCellEdit).toBe(0);
    expect(cellsOf(wb, "Sheet1")).toEqual({});
  });
});

describe("what the host does not model", () => {
  // A method that returns an object travels as an object path, a void one as an action: the
  // host refuses either when it does not model it.
  it("a method it does not model is HostLimitation at that statement, not a silent pass", async () => {
    const wb = new FakeExcel();
    const before = wb.snapshot();
    const path = await rejection(
      run(wb, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").insert("Down");
        await context.sync();
      })
    );
    expect(path.code).toBe("HostLimitation");
    expect(path.debugInfo.errorLocation).toBe("Range.Insert");
    expect(path.debugInfo.statement).toContain("range.insert(...)");

    const action = await rejection(
      run(wb, async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").calculate();
        await context.sync();
      })
    );
    expect(action.code).toBe("HostLimitation");
    expect(action.debugInfo.errorLocation).toBe("Range.Calculate");
    expect(action.debugInfo.statement).toContain("range.calculate()");
    expect(wb.snapshot()).toEqual(before);
  });

  it("a class of a newer requirement set than the host reports is ApiNotFound", async () => {
    // Conditional formats arrived in ExcelApi 1.6 (Excel JavaScript API requirement sets).
    const wb = new FakeExcel({ requirementSets: { ExcelApi: "1.5" } });
    const e = await rejection(
      run(wb, async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
        range.conditionalFormats.add("Custom");
        await context.sync();
      })
    );
    expect(e.code).toBe("ApiNotFound");
    expect(e.debugInfo.errorLocation).toBe("ConditionalFormatCollection.Add");
  });
});

describe.each<ClientFlavour>(["web", "win32"])("the %s client library", (flavour) => {
  it("is its own load of its own file", () => {
    const other = flavour === "web" ? "win32" : "web";
    expect(clientLibrary(flavour).flavour).toBe(flavour);
    expect(clientLibrary(flavour).Excel).not.toBe(clientLibrary(other).Excel);
  });

  it("loads and does a round trip: a write, then a read of it", async () => {
    const wb = new FakeExcel();
    const read = await run(
      wb,
      async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
        range.values = [
          ["集群", 2024],
          ["=B1+1", true],
        ];
        range.load("values,formulas,address");
        await context.sync();
        return { values: range.values, formulas: range.formulas, address: range.address };
      },
      { flavour, delayForCellEdit: true }
    );
    expect(read).toEqual({
      // Values are calculated when read, as Excel's are: =B1+1 is 2025.
      values: [
        ["集群", 2024],
        [2025, true],
      ],
      formulas: [
        ["集群", 2024],
        ["=B1+1", true],
      ],
      address: "Sheet1!A1:B2",
    });
    // One request that wrote and read; then Excel.run's release of the range it kept.
    expect(serverFor(wb).requests.map((r) => [r.wrote, r.cleanup])).toEqual([
      [true, false],
      [false, true],
    ]);
  });
});
