/**
 * The Excel API fake behaves like the documented Excel JavaScript API where our writer and
 * checker depend on it. Tests drive it through Excel.* types only, as production code will.
 */
import {
  createFakeContext,
  FakeExcel,
  fakeRun,
  formatAddress,
  parseAddress,
  shiftFormula,
  type ExcelRun,
  type FakeExcelOptions,
} from "./excel";

function setup(options?: FakeExcelOptions): {
  wb: FakeExcel;
  context: Excel.RequestContext;
  sheet: Excel.Worksheet;
} {
  const wb = new FakeExcel(options);
  const context = createFakeContext(wb);
  return {
    wb,
    context,
    sheet: context.workbook.worksheets.getItem(wb.sheets[0]?.name ?? "Sheet1"),
  };
}

/** The Office error code a promise rejects with, or "resolved". */
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "resolved";
  } catch (e) {
    return String((e as { code?: unknown }).code ?? (e as Error).message);
  }
}

/** The code a synchronous read throws with, or "no error". */
function thrownCode(read: () => unknown): string {
  try {
    read();
    return "no error";
  } catch (e) {
    return String((e as { code?: unknown }).code ?? (e as Error).name);
  }
}

/** Range.values/formulas/numberFormat accept a single value at run time; the typings do not. */
function assignScalar(
  range: Excel.Range,
  property: "values" | "formulas" | "numberFormat",
  value: unknown
): void {
  (range as unknown as Record<string, unknown>)[property] = value;
}

describe("load/sync protocol", () => {
  it.each([
    ["before load", false, false],
    ["after load, before sync", true, false],
  ])("reading a property %s throws PropertyNotLoaded", async (_label, load, sync) => {
    const { context, sheet } = setup();
    const range = sheet.getRange("A1");
    if (load) range.load("values");
    if (sync) await context.sync();
    expect(thrownCode(() => range.values)).toBe("PropertyNotLoaded");
  });

  it("reads a loaded property after sync", async () => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1").cells({ A1: 7 });
    const range = sheet.getRange("A1:B1");
    range.load("values, address");
    await context.sync();
    expect(range.values).toEqual([[7, ""]]);
    expect(range.address).toBe("Sheet1!A1:B1");
  });

  it.each([
    ["write, then load in the same batch", "write-load", [[2]]],
    ["load, then write in the same batch", "load-write", [[2]]],
  ])("%s: the loaded value reflects queue order and the sync", async (_label, order, expected) => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1").cells({ A1: 1 });
    const range = sheet.getRange("A1");
    if (order === "write-load") {
      range.values = [[2]];
      range.load("values");
    } else {
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load -- the order under test
      range.values = [[2]];
    }
    await context.sync();
    expect(range.values).toEqual(expected);
  });

  it("a write is visible only after the sync that applies it", async () => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1").cells({ A1: 1 });
    const range = sheet.getRange("A1");
    range.load("values");
    await context.sync();
    range.values = [[2]];
    expect(range.values).toEqual([[1]]);
    expect(wb.sheet("Sheet1").cell(0, 0).value).toBe(1);
    await context.sync();
    expect(range.values).toEqual([[2]]);
    expect(wb.sheet("Sheet1").cell(0, 0).value).toBe(2);
  });

  it("counts syncs, including the final one Excel.run makes for pending commands", async () => {
    const wb = new FakeExcel();
    const run: ExcelRun = fakeRun(wb);
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["y"]];
    });
    expect(wb.syncCount).toBe(2);
    expect(wb.snapshot().sheets[0]?.cells).toEqual({ A1: { value: "x" }, A2: { value: "y" } });
  });

  it("getItemOrNullObject: isNullObject is readable after sync; loaded properties of a null object are null", async () => {
    const { context } = setup();
    const missing = context.workbook.worksheets.getItemOrNullObject("nope");
    const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
    missing.load("name");
    // eslint-disable-next-line office-addins/call-sync-before-read -- the misuse under test
    expect(thrownCode(() => missing.isNullObject)).toBe("PropertyNotLoaded");
    await context.sync();
    expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
    expect(missing.name).toBeNull();
  });

  it.each([
    [
      "getItem of a missing sheet",
      (context: Excel.RequestContext) => context.workbook.worksheets.getItem("nope"),
      "ItemNotFound",
    ],
    [
      "a command on a null object",
      (context: Excel.RequestContext) =>
        context.workbook.worksheets.getItemOrNullObject("nope").activate(),
      "ItemNotFound",
    ],
    [
      "a bad address",
      (context: Excel.RequestContext) =>
        context.workbook.worksheets.getItem("Sheet1").getRange("A0"),
      "InvalidArgument",
    ],
  ])("%s fails the sync with %s", async (_label, act, code) => {
    const { context } = setup();
    act(context);
    expect(await codeOf(context.sync())).toBe(code);
  });

  it("an error rejects the sync: earlier commands stay, the failing one changes nothing, later ones are dropped", async () => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1").cells({ B1: "keep", B2: "keep" });
    sheet.getRange("A1").values = [["applied"]];
    sheet.getRange("B1:B2").values = [["x"], ["y"], ["z"]];
    sheet.getRange("A2").values = [["dropped"]];
    const error = await context.sync().then(
      () => undefined,
      (e: unknown) => e as { code: string; debugInfo: { errorLocation?: string } }
    );
    expect(error?.code).toBe("InvalidArgument");
    expect(error?.debugInfo.errorLocation).toBe("Range.values");
    expect(wb.snapshot().sheets[0]?.cells).toEqual({
      A1: { value: "applied" },
      B1: { value: "keep" },
      B2: { value: "keep" },
    });
    await context.sync();
    expect(wb.snapshot().sheets[0]?.cells.A2).toBeUndefined();
  });

  it("ClientResult.value is readable after sync", async () => {
    const { context } = setup({ sheets: ["a", "b"] });
    const count = context.workbook.worksheets.getCount();
    // ClientResult has no load(): "This sync call implicitly loads tableCount.value" (Application-
    // specific API model, ClientResult). The lint rules do not know that, hence the disables below.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    expect(thrownCode(() => count.value)).toBe("PropertyNotLoaded");
    await context.sync();
    // eslint-disable-next-line office-addins/load-object-before-read
    expect(count.value).toBe(2);
  });

  it("loads nested paths and collection items", async () => {
    const { wb, context, sheet } = setup({ sheets: ["Sheet1", "数据"] });
    wb.seedSheet("Sheet1").cells({ A1: { fill: "#FFFF00" } });
    const range = sheet.getRange("A1");
    range.load("format/fill/color");
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    expect(range.format.fill.color).toBe("#FFFF00");
    expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "数据"]);
  });

  it("assigning a property the fake does not model throws instead of being ignored", () => {
    const { sheet } = setup();
    const range = sheet.getRange("A1") as unknown as Record<string, unknown>;
    expect(() => (range.hyperlink = { address: "https://example.com" })).toThrow(TypeError);
  });

  it("proxies from a finished Excel.run batch cannot queue commands", async () => {
    const wb = new FakeExcel();
    let kept: Excel.Range | undefined;
    await fakeRun(wb)(async (context) => {
      kept = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      await context.sync();
    });
    expect(thrownCode(() => kept?.load("values"))).toBe("InvalidRequestContext");
  });

  it("Excel.run is assignable to ExcelRun, so production code can take either", () => {
    // Compiled, never called: there is no Excel global under jest.
    const inject = (): ExcelRun => Excel.run;
    expect(typeof inject).toBe("function");
  });
});

describe("A1 addresses", () => {
  it.each([
    ["A1", undefined, { row: 0, col: 0, rows: 1, cols: 1 }],
    ["$B$5:$D$5", undefined, { row: 4, col: 1, rows: 1, cols: 3 }],
    ["C3:A1", undefined, { row: 0, col: 0, rows: 3, cols: 3 }],
    ["xfd1048576", undefined, { row: 1048575, col: 16383, rows: 1, cols: 1 }],
    ["1:3", undefined, { row: 0, col: 0, rows: 3, cols: 16384 }],
    ["$2:$2", undefined, { row: 1, col: 0, rows: 1, cols: 16384 }],
    ["A:C", undefined, { row: 0, col: 0, rows: 1048576, cols: 3 }],
    ["Sheet1!A1:B2", "Sheet1", { row: 0, col: 0, rows: 2, cols: 2 }],
    ["'申报表-2024'!$B$5", "申报表-2024", { row: 4, col: 1, rows: 1, cols: 1 }],
    ["'it''s'!A1", "it's", { row: 0, col: 0, rows: 1, cols: 1 }],
  ])("parses %s", (address, sheet, rect) => {
    expect(parseAddress(address)).toEqual(sheet === undefined ? { rect } : { sheet, rect });
  });

  it.each(["", "A0", "XFE1", "A1048577", "A", "3", "A1:B", "A1:1", "A1:B2:C3", "1A"])(
    "rejects %p with InvalidArgument",
    (address) => {
      expect(thrownCode(() => parseAddress(address))).toBe("InvalidArgument");
    }
  );

  it.each([
    ["Sheet1", "Sheet1!A1"],
    ["申报表", "申报表!A1"],
    ["申报表-2024", "'申报表-2024'!A1"],
    ["My Sheet", "'My Sheet'!A1"],
    ["A1", "'A1'!A1"],
    ["R1C1", "'R1C1'!A1"],
    ["2024", "'2024'!A1"],
    ["it's", "'it''s'!A1"],
  ])("formats a reference to sheet %s as %s", (sheet, expected) => {
    expect(formatAddress(sheet, { row: 0, col: 0, rows: 1, cols: 1 })).toBe(expected);
  });

  it.each([
    ["A1:C3", "Sheet1!A1:C3"],
    ["$B$2", "Sheet1!B2"],
    ["2:3", "Sheet1!2:3"],
    ["B:B", "Sheet1!B:B"],
  ])("Range.address of getRange(%s) is %s", async (address, expected) => {
    const { context, sheet } = setup();
    const range = sheet.getRange(address);
    range.load("address");
    await context.sync();
    expect(range.address).toBe(expected);
  });

  it("quotes the sheet name in Range.address when Excel would", async () => {
    const { context } = setup({ sheets: ["申报表-2024"] });
    const range = context.workbook.worksheets.getItem("申报表-2024").getRange("B5");
    range.load("address");
    await context.sync();
    expect(range.address).toBe("'申报表-2024'!B5");
  });

  it.each([
    ["=B1", 2, 0, "=B3"],
    ["=$B$1+B1", 1, 1, "=$B$1+C2"],
    ['=IF(A1="A1",A1,"")', 1, 0, '=IF(A2="A1",A2,"")'],
    ["=LOG10(A1)+'申报表-2024'!C1", 0, 1, "=LOG10(B1)+'申报表-2024'!D1"],
    ["=_xlfn.RRI(3,D12,G12)", 1, 0, "=_xlfn.RRI(3,D13,G13)"],
  ])("shiftFormula(%s, %i, %i) = %s", (formula, dr, dc, expected) => {
    expect(shiftFormula(formula, dr, dc)).toBe(expected);
  });
});

describe("range values and formulas", () => {
  it.each([
    ["a 1x1 array into a 2x2 range", "A1:B2", [[1]]],
    ["too few columns", "A1:B2", [[1], [2]]],
    ["too many rows", "A1:A2", [[1], [2], [3]]],
    ["a 1-D array", "A1:B1", [1, 2]],
    ["null", "A1", null],
  ])("rejects %s with InvalidArgument", async (_label, address, input) => {
    const { wb, context, sheet } = setup();
    assignScalar(sheet.getRange(address), "values", input);
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    expect(wb.snapshot().sheets[0]?.cells).toEqual({});
  });

  it("a single value fills every cell; a single formula is adjusted per cell", async () => {
    const { wb, context, sheet } = setup();
    assignScalar(sheet.getRange("A1:B1"), "values", 0);
    assignScalar(sheet.getRange("C1:C2"), "formulas", "=A1*2");
    assignScalar(sheet.getRange("D1:D2"), "numberFormat", "0.00");
    await context.sync();
    expect(wb.snapshot().sheets[0]?.cells).toEqual({
      A1: { value: 0 },
      B1: { value: 0 },
      C1: { formula: "=A1*2" },
      C2: { formula: "=A2*2" },
      D1: { numberFormat: "0.00" },
      D2: { numberFormat: "0.00" },
    });
  });

  it("null inside a 2-D array leaves that cell unchanged; '' clears it", async () => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1").cells({ A1: "a", B1: "b" });
    sheet.getRange("A1:B1").values = [[null, ""]];
    await context.sync();
    expect(wb.snapshot().sheets[0]?.cells).toEqual({ A1: { value: "a" } });
  });

  it("reads values, formulas, text, numberFormat and valueTypes", async () => {
    const { wb, context, sheet } = setup({ evaluate: (f) => (f === "=A1*2" ? 2.5 : undefined) });
    wb.seedSheet("Sheet1").cells({
      A1: { value: 1.25, numberFormat: "0.00" },
      B1: { formula: "=A1*2", numberFormat: "0%" },
      C1: true,
      D1: "#N/A",
    });
    const range = sheet.getRange("A1:E1");
    range.load(["values", "formulas", "text", "numberFormat", "valueTypes"]);
    await context.sync();
    expect(range.values).toEqual([[1.25, 2.5, true, "#N/A", ""]]);
    expect(range.formulas).toEqual([[1.25, "=A1*2", true, "#N/A", ""]]);
    expect(range.text).toEqual([["1.25", "250%", "TRUE", "#N/A", ""]]);
    expect(range.numberFormat).toEqual([["0.00", "0%", "General", "General", "General"]]);
    expect(range.valueTypes).toEqual([["Double", "Double", "Boolean", "Error", "Empty"]]);
  });

  // Range.values is typed input: "If the returned value starts with a plus ("+"), minus ("-"), or
  // equal sign ("="), Excel interprets this value as a formula" (Excel.Range class). Text that must
  // stay text needs numberFormat "@" set first, or a leading apostrophe.
  it.each([
    ["=1+1", undefined, { formula: "=1+1" }],
    ["=A1", "@", { value: "=A1", numberFormat: "@" }],
    ["'=A1", undefined, { value: "=A1", quotePrefix: true }],
    ["+86 10 1234", undefined, { formula: "=+86 10 1234" }],
    ["-abc", undefined, { formula: "=-abc" }],
    ["-", undefined, { value: "-" }],
    ["0012", undefined, { value: 12 }],
    ["0012", "@", { value: "0012", numberFormat: "@" }],
    ["'0012", undefined, { value: "0012", quotePrefix: true }],
    ["-5", undefined, { value: -5 }],
    ["12%", undefined, { value: 0.12, numberFormat: "0%" }],
    ["true", undefined, { value: true }],
    ["第一产业", undefined, { value: "第一产业" }],
  ])("values = [[%p]] with numberFormat %p stores %p", async (input, format, expected) => {
    const { wb, context, sheet } = setup();
    const cell = sheet.getRange("A1");
    if (format) cell.numberFormat = [[format]];
    cell.values = [[input]];
    await context.sync();
    expect(wb.snapshot().sheets[0]?.cells.A1).toEqual(expected);
  });

  it("numberFormat '@' set after the value does not turn a formula back into text", async () => {
    const { wb, context, sheet } = setup();
    const cell = sheet.getRange("A1");
    cell.values = [["=SUM(1,2)"]];
    cell.numberFormat = [["@"]];
    await context.sync();
    expect(wb.snapshot().sheets[0]?.cells.A1).toEqual({ formula: "=SUM(1,2)", numberFormat: "@" });
  });
});

describe("range formats", () => {
  it("applies fill, font, alignment, wrap, sizes and borders, and reads them back", async () => {
    const { wb, context, sheet } = setup();
    const r = sheet.getRange("B2:C3");
    r.format.fill.color = "#ddebf7";
    r.format.font.bold = true;
    r.format.font.color = "red";
    r.format.font.size = 12;
    r.format.font.name = "宋体";
    r.format.wrapText = true;
    r.format.horizontalAlignment = "Center";
    r.format.verticalAlignment = "Top";
    r.format.columnWidth = 120;
    r.format.rowHeight = 30;
    r.format.borders.getItem("EdgeBottom").style = "Continuous";
    r.format.borders.getItem("EdgeBottom").color = "#999999";
    r.load("format/fill/color, format/font/bold, format/columnWidth, format/rowHeight");
    const bottom = r.format.borders.getItem("EdgeBottom").load("style, color, weight");
    const top = r.format.borders.getItem("EdgeTop").load("style");
    await context.sync();
    expect([
      r.format.fill.color,
      r.format.font.bold,
      r.format.columnWidth,
      r.format.rowHeight,
    ]).toEqual(["#DDEBF7", true, 120, 30]);
    expect([bottom.style, bottom.color, bottom.weight, top.style]).toEqual([
      "Continuous",
      "#999999",
      "Thin",
      "None",
    ]);
    const snap = wb.snapshot().sheets[0];
    expect(snap?.cells.C3).toEqual({
      fill: "#DDEBF7",
      font: { bold: true, color: "#FF0000", size: 12, name: "宋体" },
      wrapText: true,
      horizontalAlignment: "Center",
      verticalAlignment: "Top",
      borders: { bottom: { style: "Continuous", color: "#999999", weight: "Thin" } },
    });
    expect(snap?.columnWidths).toEqual({ B: 120, C: 120 });
    expect(snap?.rowHeights).toEqual({ 2: 30, 3: 30 });
  });

  it("a format that differs across the range reads as null; fill.clear() removes the fill", async () => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1").cells({ A1: { fill: "#FF0000" }, A2: { fill: "#00FF00" } });
    const both = sheet.getRange("A1:A2").load("format/fill/color");
    sheet.getRange("A2").format.fill.clear();
    const cleared = sheet.getRange("A2").load("format/fill/color");
    await context.sync();
    expect(both.format.fill.color).toBeNull();
    expect(cleared.format.fill.color).toBe("#FFFFFF");
  });

  it.each([
    ["an unknown color", (r: Excel.Range) => (r.format.fill.color = "reddish")],
    ["a font size of 0", (r: Excel.Range) => (r.format.font.size = 0)],
    [
      "an unknown alignment",
      (r: Excel.Range) => (r.format.horizontalAlignment = "Middle" as Excel.HorizontalAlignment),
    ],
    ["null as a color", (r: Excel.Range) => (r.format.fill.color = null as unknown as string)],
  ])("rejects %s", async (_label, act) => {
    const { context, sheet } = setup();
    act(sheet.getRange("A1"));
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });

  it("hides columns, selects a range, and reports the used range", async () => {
    const { wb, context, sheet } = setup({ sheets: ["Sheet1", "Other"] });
    wb.seedSheet("Sheet1").cells({ B2: 1, D5: "x" });
    sheet.getRange("F:G").columnHidden = true;
    sheet.getRange("C3").select();
    const used = sheet.getUsedRangeOrNullObject(true).load("address");
    const blank = context.workbook.worksheets.getItem("Other").getUsedRangeOrNullObject();
    await context.sync();
    expect(used.address).toBe("Sheet1!B2:D5");
    expect(blank.isNullObject).toBe(true);
    expect(wb.snapshot()).toMatchObject({ selection: "Sheet1!C3", activeSheet: "Sheet1" });
    expect(wb.snapshot().sheets[0]?.hiddenColumns).toEqual(["F", "G"]);
  });

  it("clear('Contents') keeps formats; clear() removes both and unmerges", async () => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1")
      .cells({ A1: { value: 1, fill: "#FF0000" }, B1: { value: 2, fill: "#FF0000" } })
      .merge("C1:D1");
    sheet.getRange("A1").clear("Contents");
    sheet.getRange("B1:D1").clear();
    await context.sync();
    const snap = wb.snapshot().sheets[0];
    expect(snap?.cells).toEqual({ A1: { fill: "#FF0000" } });
    expect(snap?.merges).toEqual([]);
  });
});

describe("merges", () => {
  it.each([
    ["an overlapping area", "InvalidOperation", "B2:C3", ["A1:B2"]],
    ["the same area again", "resolved", "A1:B2", ["A1:B2"]],
    ["an adjacent area", "resolved", "C1:D2", ["A1:B2", "C1:D2"]],
    ["a range containing the merge", "InvalidOperation", "A1:C3", ["A1:B2"]],
  ])("merging %s next to the merged A1:B2: %s", async (_label, code, address, merges) => {
    const { wb, context, sheet } = setup();
    sheet.getRange("A1:B2").merge();
    await context.sync();
    sheet.getRange(address).merge();
    expect(await codeOf(context.sync())).toBe(code);
    expect(wb.snapshot().sheets[0]?.merges).toEqual(merges);
  });

  it("keeps only the upper-left value; merge(true) merges each row; unmerge splits intersecting areas", async () => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1").cells({ A1: "keep", B1: "gone", A5: "x" });
    sheet.getRange("A1:B1").merge();
    sheet.getRange("A3:C4").merge(true);
    sheet.getRange("A5:B6").merge();
    await context.sync();
    expect(wb.snapshot().sheets[0]?.merges).toEqual(["A1:B1", "A3:C3", "A4:C4", "A5:B6"]);
    expect(wb.snapshot().sheets[0]?.cells).toEqual({ A1: { value: "keep" }, A5: { value: "x" } });
    sheet.getRange("B6").unmerge();
    await context.sync();
    expect(wb.snapshot().sheets[0]?.merges).toEqual(["A1:B1", "A3:C3", "A4:C4"]);
  });

  it("refuses to merge cells inside a table", async () => {
    const { context, sheet } = setup();
    sheet.tables.add("A1:C3", true);
    sheet.getRange("A2:B2").merge();
    expect(await codeOf(context.sync())).toBe("InvalidOperation");
  });
});

describe("data validation", () => {
  const list = { list: { inCellDropDown: true, source: "是,否" } };
  const decimal = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };

  it.each([
    ["a different rule over an existing one", "InvalidArgument", [list, decimal], false],
    ["a different rule after clear()", "resolved", [list, decimal], true],
    ["the same rule twice", "resolved", [list, list], false],
  ])("setting %s: %s", async (_label, code, rules, clearFirst) => {
    const { context, sheet } = setup();
    const range = sheet.getRange("B2:B5");
    range.dataValidation.rule = rules[0] as Excel.DataValidationRule;
    await context.sync();
    if (clearFirst) range.dataValidation.clear();
    range.dataValidation.rule = rules[1] as Excel.DataValidationRule;
    expect(await codeOf(context.sync())).toBe(code);
  });

  it("a rule over a partly validated range (MixedCriteria) fails until cleared", async () => {
    const { context, sheet } = setup();
    sheet.getRange("B2").dataValidation.rule = list as Excel.DataValidationRule;
    await context.sync();
    const wider = sheet.getRange("B2:B3");
    const type = wider.dataValidation.load("type");
    await context.sync();
    expect(type.type).toBe("MixedCriteria");
    wider.dataValidation.rule = list as Excel.DataValidationRule;
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });

  it.each([
    ["two criteria in one rule", { list: { source: "a" }, custom: { formula: "=TRUE" } }],
    ["no criterion", {}],
    ["Between without formula2", { wholeNumber: { formula1: 0, operator: "Between" } }],
    ["an unknown operator", { decimal: { formula1: 0, operator: "AtLeast" } }],
    ["an empty list source", { list: { source: "" } }],
    ["a literal list over 255 characters", { list: { source: "选".repeat(256) } }],
  ])("rejects %s", async (_label, rule) => {
    const { context, sheet } = setup();
    sheet.getRange("A1").dataValidation.rule = rule as Excel.DataValidationRule;
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });

  it.each([
    [
      "prompt title over 32 characters",
      "prompt",
      { title: "标".repeat(33), message: "m", showPrompt: true },
    ],
    ["prompt message over 255 characters", "prompt", { title: "t", message: "m".repeat(256) }],
    ["error title over 32 characters", "errorAlert", { title: "标".repeat(33), message: "m" }],
    ["an unknown alert style", "errorAlert", { title: "t", message: "m", style: "Fatal" }],
  ])("rejects %s", async (_label, part, value) => {
    const { context, sheet } = setup();
    (sheet.getRange("A1").dataValidation as unknown as Record<string, unknown>)[part] = value;
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });

  it("stores rule, prompt and alert with Excel's defaults; a Range source becomes an absolute reference", async () => {
    const { wb, context, sheet } = setup({ sheets: ["Sheet1", "选项"] });
    const range = sheet.getRange("C2:C4");
    range.dataValidation.clear();
    range.dataValidation.rule = {
      list: {
        inCellDropDown: true,
        source: context.workbook.worksheets.getItem("选项").getRange("A1:A3"),
      },
    } as unknown as Excel.DataValidationRule;
    range.dataValidation.prompt = {
      title: "请选择",
      message: "从列表中选择",
    } as Excel.DataValidationPrompt;
    range.dataValidation.errorAlert = {
      title: "输入有误",
      message: "请从列表中选择",
    } as Excel.DataValidationErrorAlert;
    const type = range.dataValidation.load("type");
    await context.sync();
    expect(type.type).toBe("List");
    expect(wb.snapshot().sheets[0]?.validations).toEqual([
      {
        address: "C2:C4",
        rule: { list: { inCellDropDown: true, source: "=选项!$A$1:$A$3" } },
        prompt: { showPrompt: false, title: "请选择", message: "从列表中选择" },
        errorAlert: {
          showAlert: true,
          style: "Stop",
          title: "输入有误",
          message: "请从列表中选择",
        },
        ignoreBlanks: true,
      },
    ]);
  });

  it("reads None and Inconsistent types", async () => {
    const { context, sheet } = setup();
    sheet.getRange("A1").dataValidation.rule = list as Excel.DataValidationRule;
    sheet.getRange("A2").dataValidation.rule = decimal as Excel.DataValidationRule;
    const none = sheet.getRange("B1").dataValidation.load("type");
    const mixed = sheet.getRange("A1:A2").dataValidation.load("type, rule");
    await context.sync();
    expect([none.type, mixed.type, mixed.rule]).toEqual(["None", "Inconsistent", null]);
  });
});

describe("conditional formats", () => {
  it("add(custom) puts the new format on top; rule and format are stored", async () => {
    const { wb, context, sheet } = setup();
    const range = sheet.getRange("D12:D14");
    const first = range.conditionalFormats.add("Custom");
    first.custom.rule.formula = "=AND(ISNUMBER($D12),$D12<=40)";
    first.custom.format.fill.color = "#FFC7CE";
    first.custom.format.font.color = "#9C0006";
    const second = range.conditionalFormats.add("Custom");
    second.custom.rule.formula = "=$D12>100";
    second.load("priority");
    first.load("priority, id");
    await context.sync();
    expect([second.priority, first.priority]).toEqual([0, 1]);
    expect(wb.snapshot().sheets[0]?.conditionalFormats).toEqual([
      { ranges: ["D12:D14"], type: "Custom", formula: "=$D12>100", stopIfTrue: false },
      {
        ranges: ["D12:D14"],
        type: "Custom",
        formula: "=AND(ISNUMBER($D12),$D12<=40)",
        fill: "#FFC7CE",
        fontColor: "#9C0006",
        stopIfTrue: false,
      },
    ]);
  });

  it("a range's collection holds the formats that intersect it; getCount, items and delete", async () => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1")
      .conditionalFormat("A1:A5", { formula: "=A1>1", fill: "#FF0000" })
      .conditionalFormat("C1:C5", { formula: "=C1>1" });
    const count = sheet.getRange("A3:B3").conditionalFormats.getCount();
    const all = sheet.getRange().conditionalFormats.load("items/type");
    await context.sync();
    // eslint-disable-next-line office-addins/load-object-before-read -- ClientResult: sync fills value
    expect([count.value, all.items.length]).toEqual([1, 2]);
    all.items[0]?.delete();
    await context.sync();
    expect(wb.snapshot().sheets[0]?.conditionalFormats.map((c) => c.formula)).toEqual(["=C1>1"]);
  });

  it("clearAll() removes only the range's cells from each format", async () => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1")
      .conditionalFormat("A1:A10", { formula: "=A1>1" })
      .conditionalFormat("B1:B2", { formula: "=B1>1" });
    sheet.getRange("A4:B5").conditionalFormats.clearAll();
    sheet.getRange("B1:B2").conditionalFormats.clearAll();
    await context.sync();
    expect(wb.snapshot().sheets[0]?.conditionalFormats).toEqual([
      { ranges: ["A1:A3", "A6:A10"], type: "Custom", formula: "=A1>1", stopIfTrue: false },
    ]);
  });

  it.each([
    [
      "an unknown type",
      (r: Excel.Range) => r.conditionalFormats.add("Fancy" as Excel.ConditionalFormatType),
      "InvalidArgument",
    ],
    [
      "custom on a CellValue format",
      (r: Excel.Range) => (r.conditionalFormats.add("CellValue").custom.rule.formula = "=TRUE"),
      "InvalidOperation",
    ],
    [
      "an empty formula",
      (r: Excel.Range) => (r.conditionalFormats.add("Custom").custom.rule.formula = ""),
      "InvalidArgument",
    ],
  ])("rejects %s", async (_label, act, code) => {
    const { context, sheet } = setup();
    act(sheet.getRange("A1"));
    expect(await codeOf(context.sync())).toBe(code);
  });

  /** A sheet with, top priority first, a CellValue, a DataBar and a seeded Custom format. */
  async function mixedFormats(): Promise<ReturnType<typeof setup>> {
    const fixture = setup();
    fixture.wb
      .seedSheet("Sheet1")
      .conditionalFormat("A1:A5", { formula: "=A1>1", fill: "#FF0000" });
    fixture.sheet.getRange("B1:B5").conditionalFormats.add("DataBar");
    fixture.sheet.getRange("C1:C5").conditionalFormats.add("CellValue");
    await fixture.context.sync();
    return fixture;
  }

  it("customOrNullObject through the collection: Custom formats give their rule, others are null objects", async () => {
    const { context, sheet } = await mixedFormats();
    const cfs = sheet
      .getRange()
      .conditionalFormats.load(
        "items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color"
      );
    await context.sync();
    expect(
      cfs.items.map((cf) => [
        cf.type,
        cf.customOrNullObject.isNullObject,
        cf.customOrNullObject.rule.formula,
        cf.customOrNullObject.format.fill.color,
      ])
    ).toEqual([
      ["CellValue", true, null, null],
      ["DataBar", true, null, null],
      ["Custom", false, "=A1>1", "#FF0000"],
    ]);
  });

  it("custom still fails for a non-Custom format where customOrNullObject is null", async () => {
    const { context, sheet } = await mixedFormats();
    sheet.getRange().conditionalFormats.load("items/custom/rule/formula");
    expect(await codeOf(context.sync())).toBe("InvalidOperation");
  });

  it.each([
    [
      "customOrNullObject.load",
      (cf: Excel.ConditionalFormat) => cf.customOrNullObject.load("rule/formula"),
    ],
    [
      "customOrNullObject.rule.load",
      (cf: Excel.ConditionalFormat) => cf.customOrNullObject.rule.load("formula"),
    ],
    [
      "load through the format",
      (cf: Excel.ConditionalFormat) => cf.load("customOrNullObject/rule/formula"),
    ],
  ])(
    "%s: isNullObject throws until a sync loads it, then tells Custom from the rest",
    async (_label, load) => {
      const { context, sheet } = await mixedFormats();
      const collection = sheet.getRange().conditionalFormats;
      const [cellValue, custom] = [collection.getItemAt(0), collection.getItemAt(2)];
      cellValue.load("type");
      await context.sync();
      // A sync that did not reach customOrNullObject leaves isNullObject unknown.
      expect(thrownCode(() => cellValue.customOrNullObject.isNullObject)).toBe("PropertyNotLoaded");
      load(cellValue);
      load(custom);
      // Loaded but not yet synced: still unknown.
      expect(thrownCode(() => custom.customOrNullObject.isNullObject)).toBe("PropertyNotLoaded");
      await context.sync();
      expect([
        cellValue.customOrNullObject.isNullObject,
        custom.customOrNullObject.isNullObject,
      ]).toEqual([true, false]);
      expect([
        cellValue.customOrNullObject.rule.formula,
        custom.customOrNullObject.rule.formula,
      ]).toEqual([null, "=A1>1"]);
    }
  );

  it("customOrNullObject of a missing format (getItemOrNullObject) is a null object too", async () => {
    const { context, sheet } = await mixedFormats();
    const missing = sheet
      .getRange()
      .conditionalFormats.getItemOrNullObject("nope").customOrNullObject;
    missing.rule.load("formula");
    await context.sync();
    expect([missing.isNullObject, missing.rule.formula]).toEqual([true, null]);
  });

  it("commands through a null customOrNullObject fail the sync; through a Custom one they apply", async () => {
    const { wb, context, sheet } = await mixedFormats();
    const collection = sheet.getRange().conditionalFormats;
    collection.getItemAt(2).customOrNullObject.rule.formula = "=A1>2";
    await context.sync();
    collection.getItemAt(1).customOrNullObject.rule.formula = "=TRUE";
    expect(await codeOf(context.sync())).toBe("ItemNotFound");
    collection.getItemAt(0).customOrNullObject.format.fill.color = "#00FF00";
    expect(await codeOf(context.sync())).toBe("ItemNotFound");
    expect(wb.snapshot().sheets[0]?.conditionalFormats).toEqual([
      { ranges: ["C1:C5"], type: "CellValue", formula: "", stopIfTrue: false },
      { ranges: ["B1:B5"], type: "DataBar", formula: "", stopIfTrue: false },
      { ranges: ["A1:A5"], type: "Custom", formula: "=A1>2", fill: "#FF0000", stopIfTrue: false },
    ]);
  });
});

describe("defined names", () => {
  it.each([
    "1abc",
    "A1",
    "xfd1048576",
    "a b",
    "TRUE",
    "false",
    "R",
    "c",
    "R1C1",
    "r2c",
    "RC",
    "R2D2",
    "C12",
    "金额-2024",
    "",
    "n".repeat(256),
  ])("rejects the name %p with InvalidArgument", async (name) => {
    const { context } = setup();
    context.workbook.names.add(name, "=Sheet1!$A$1");
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });

  it.each([
    "_total",
    "SB_gate_no_incident",
    "申报_金额",
    "abc.def",
    "A1B",
    "XFE1",
    "\\x",
    "Rate2024",
    "RCount",
    "Col1Total",
  ])("accepts the name %p", async (name) => {
    const { context } = setup();
    context.workbook.names.add(name, "=Sheet1!$A$1");
    expect(await codeOf(context.sync())).toBe("resolved");
  });

  it.each([
    ["the same name twice at workbook scope", "ItemAlreadyExists", "workbook", "workbook"],
    ["names differing only in case", "ItemAlreadyExists", "workbook", "workbook-upper"],
    ["the same name twice on one sheet", "ItemAlreadyExists", "Sheet1", "Sheet1"],
    ["a sheet name beside a workbook name", "resolved", "workbook", "Sheet1"],
    ["the same name on two sheets", "resolved", "Sheet1", "Sheet2"],
  ])("%s: %s", async (_label, code, first, second) => {
    const { context } = setup({ sheets: ["Sheet1", "Sheet2"] });
    const scope = (s: string): Excel.NamedItemCollection =>
      s.startsWith("workbook")
        ? context.workbook.names
        : context.workbook.worksheets.getItem(s).names;
    scope(first).add("Field", "=Sheet1!$A$1");
    await context.sync();
    scope(second).add(second === "workbook-upper" ? "FIELD" : "Field", "=Sheet1!$A$2");
    expect(await codeOf(context.sync())).toBe(code);
  });

  it("sheet-scoped names resolve to their range; unqualified references are qualified with the scope sheet", async () => {
    const { wb, context } = setup({ sheets: ["申报表-2024"] });
    wb.seedSheet("申报表-2024").cells({ B5: 123 });
    const sheet = context.workbook.worksheets.getItem("申报表-2024");
    sheet.names.add("SB_amount", sheet.getRange("B5"), "申报金额");
    sheet.names.add("SB_rate", "=$C$6");
    const item = sheet.names.getItem("sb_amount");
    item.load("name, type, value, formula, comment, scope");
    const values = item.getRange().load("values, address");
    const missing = context.workbook.names.getItemOrNullObject("SB_amount");
    await context.sync();
    expect([item.name, item.type, item.value, item.formula, item.comment, item.scope]).toEqual([
      "SB_amount",
      "Range",
      "'申报表-2024'!$B$5",
      "='申报表-2024'!$B$5",
      "申报金额",
      "Worksheet",
    ]);
    expect([values.address, values.values]).toEqual(["'申报表-2024'!B5", [[123]]]);
    expect(missing.isNullObject).toBe(true);
    expect(wb.snapshot().sheets[0]?.names.map((n) => n.formula)).toEqual([
      "='申报表-2024'!$B$5",
      "='申报表-2024'!$C$6",
    ]);
  });

  it("getRange() of a name that is not a range fails; getRangeOrNullObject() is null", async () => {
    const { context } = setup();
    context.workbook.names.add("Label", '="text"');
    const orNull = context.workbook.names.getItem("Label").getRangeOrNullObject();
    await context.sync();
    expect(orNull.isNullObject).toBe(true);
    context.workbook.names.getItem("Label").getRange();
    expect(await codeOf(context.sync())).toBe("InvalidOperation");
  });
});

describe("worksheets", () => {
  it.each([
    ["", "InvalidArgument"],
    ["a".repeat(32), "InvalidArgument"],
    ["a:b", "InvalidArgument"],
    ["a/b", "InvalidArgument"],
    ["a\\b", "InvalidArgument"],
    ["a?b", "InvalidArgument"],
    ["a*b", "InvalidArgument"],
    ["[a]", "InvalidArgument"],
    ["'quoted", "InvalidArgument"],
    ["History", "InvalidArgument"],
    ["sheet1", "ItemAlreadyExists"],
    ["申报表-2024 (2)", "resolved"],
    ["a".repeat(31), "resolved"],
  ])("add(%p): %s", async (name, code) => {
    const { context } = setup();
    context.workbook.worksheets.add(name);
    expect(await codeOf(context.sync())).toBe(code);
  });

  it("renames with the same rules, activates, lists and deletes", async () => {
    const { wb, context, sheet } = setup();
    const added = context.workbook.worksheets.add("申报表-2024");
    added.activate();
    sheet.name = "说明";
    const active = context.workbook.worksheets.getActiveWorksheet().load("name");
    const all = context.workbook.worksheets.load("items/name, items/position");
    await context.sync();
    expect(active.name).toBe("申报表-2024");
    expect(all.items.map((s) => [s.name, s.position])).toEqual([
      ["说明", 0],
      ["申报表-2024", 1],
    ]);
    added.name = "说明";
    expect(await codeOf(context.sync())).toBe("ItemAlreadyExists");
    added.delete();
    await context.sync();
    expect(wb.snapshot().sheets.map((s) => s.name)).toEqual(["说明"]);
    expect(wb.snapshot().activeSheet).toBe("说明");
    sheet.delete();
    expect(await codeOf(context.sync())).toBe("InvalidOperation");
  });

  it("a deleted sheet's proxies fail with ItemNotFound", async () => {
    const { context } = setup({ sheets: ["Sheet1", "tmp"] });
    const tmp = context.workbook.worksheets.getItem("tmp");
    tmp.delete();
    await context.sync();
    tmp.getRange("A1").values = [[1]];
    expect(await codeOf(context.sync())).toBe("ItemNotFound");
  });
});

describe("tables", () => {
  it("adds a named, styled table with header and body ranges", async () => {
    const { wb, context, sheet } = setup();
    const table = sheet.tables.add("A1:C4", true);
    table.name = "HZ_2024";
    table.style = "TableStyleLight9";
    table.getHeaderRowRange().values = [["序号", "企业名称", ""]];
    const header = table.getHeaderRowRange().load("address, values");
    const body = table.getDataBodyRange().load("address");
    await context.sync();
    expect([header.address, body.address]).toEqual(["Sheet1!A1:C1", "Sheet1!A2:C4"]);
    expect(wb.snapshot().sheets[0]?.tables).toEqual([
      {
        name: "HZ_2024",
        address: "A1:C4",
        style: "TableStyleLight9",
        headers: ["序号", "企业名称", ""],
      },
    ]);
  });

  it("names empty header cells Column1, Column2, …", async () => {
    const { wb, context, sheet } = setup();
    sheet.tables.add("B2:C3", true);
    await context.sync();
    expect(wb.snapshot().sheets[0]?.tables[0]?.headers).toEqual(["Column1", "Column2"]);
  });

  it.each([
    ["overlapping another table", "MergedRangeConflict", "B2:D4"],
    ["overlapping merged cells", "MergedRangeConflict", "F1:G3"],
    ["beside them", "resolved", "A6:B8"],
  ])("a table %s: %s", async (_label, code, address) => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1").merge("F2:G2");
    sheet.tables.add("A1:C3", true);
    await context.sync();
    sheet.tables.add(address, true);
    expect(await codeOf(context.sync())).toBe(code);
  });

  it("a duplicate table name is InvalidArgument", async () => {
    const { context, sheet } = setup();
    sheet.tables.add("A1:B2", true).name = "T";
    sheet.tables.add("D1:E2", true).name = "t";
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });
});

describe("page layout, freeze panes, page breaks", () => {
  it("stores print setup the way the plan describes it", async () => {
    const { wb, context, sheet } = setup();
    const layout = sheet.pageLayout;
    layout.orientation = "Landscape";
    layout.paperSize = "A4";
    layout.setPrintArea("A1:H60");
    layout.setPrintTitleRows("1:2");
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.leftMargin = 36;
    layout.centerHorizontally = true;
    layout.headersFooters.defaultForAllPages.centerFooter = "第 &P 页 共 &N 页";
    sheet.horizontalPageBreaks.add("A30");
    sheet.freezePanes.freezeRows(3);
    const area = layout.getPrintAreaOrNullObject().load("address");
    const titles = layout.getPrintTitleRowsOrNullObject().load("address");
    const frozen = sheet.freezePanes.getLocationOrNullObject().load("address");
    await context.sync();
    expect([area.address, titles.address, frozen.address]).toEqual([
      "Sheet1!A1:H60",
      "Sheet1!1:2",
      "Sheet1!1:3",
    ]);
    const snap = wb.snapshot().sheets[0];
    expect(snap?.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printArea: "$A$1:$H$60",
      printTitleRows: "$1:$2",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftMargin: 36,
      centerHorizontally: true,
      headersFooters: { defaultForAllPages: { centerFooter: "第 &P 页 共 &N 页" } },
    });
    expect([snap?.pageBreaks, snap?.freeze]).toEqual([[30], { rows: 3, columns: 0 }]);
  });

  it("zoom must be assigned whole: changing a loaded zoom object's field does nothing", async () => {
    const { wb, context, sheet } = setup();
    const layout = sheet.pageLayout.load("zoom");
    await context.sync();
    layout.zoom.scale = 50;
    await context.sync();
    expect(wb.snapshot().sheets[0]?.pageLayout.zoom).toEqual({ scale: 100 });
  });

  it.each([
    [
      "freezeAt('B3')",
      (f: Excel.WorksheetFreezePanes) => f.freezeAt("B3"),
      { rows: 3, columns: 2 },
      "Sheet1!A1:B3",
    ],
    [
      "freezeAt('1:2')",
      (f: Excel.WorksheetFreezePanes) => f.freezeAt("1:2"),
      { rows: 2, columns: 0 },
      "Sheet1!1:2",
    ],
    [
      "freezeColumns(1)",
      (f: Excel.WorksheetFreezePanes) => f.freezeColumns(1),
      { rows: 0, columns: 1 },
      "Sheet1!A:A",
    ],
    ["unfreeze()", (f: Excel.WorksheetFreezePanes) => f.unfreeze(), { rows: 0, columns: 0 }, null],
  ])("%s", async (_label, act, freeze, location) => {
    const { wb, context, sheet } = setup();
    act(sheet.freezePanes);
    const loc = sheet.freezePanes.getLocationOrNullObject().load("address");
    await context.sync();
    expect(wb.snapshot().sheets[0]?.freeze).toEqual(freeze);
    expect(loc.isNullObject ? null : loc.address).toBe(location);
  });

  it.each([
    [
      "an unknown orientation",
      (l: Excel.PageLayout) => (l.orientation = "Sideways" as Excel.PageOrientation),
    ],
    ["a zoom scale of 5", (l: Excel.PageLayout) => (l.zoom = { scale: 5 })],
    ["a negative margin", (l: Excel.PageLayout) => (l.topMargin = -1)],
    ["print title rows given as columns", (l: Excel.PageLayout) => l.setPrintTitleRows("A:B")],
  ])("rejects %s", async (_label, act) => {
    const { context, sheet } = setup();
    act(sheet.pageLayout);
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
  });
});

describe("notes and comments", () => {
  it("adds, enumerates and deletes notes", async () => {
    const { wb, context, sheet } = setup({ user: { name: "助手", email: "a@example.com" } });
    wb.seedSheet("Sheet1").note("A1", "用户自己的批注", "张三");
    sheet.notes.add("D12", "增长率低于标准");
    sheet.notes.add(sheet.getRange("D13"), "缺少数据");
    const notes = sheet.notes.load("items/content, items/authorName");
    const count = context.workbook.notes.getCount();
    await context.sync();
    expect(notes.items.map((n) => [n.authorName, n.content])).toEqual([
      ["张三", "用户自己的批注"],
      ["助手", "增长率低于标准"],
      ["助手", "缺少数据"],
    ]);
    // eslint-disable-next-line office-addins/load-object-before-read -- ClientResult: sync fills value
    expect(count.value).toBe(3);
    sheet.notes.getItem("D12").delete();
    await context.sync();
    expect(wb.snapshot().sheets[0]?.notes.map((n) => n.address)).toEqual(["A1", "D13"]);
  });

  it.each([
    ["a multi-cell range", "A1:B2", "InvalidCellAddress"],
    ["an invalid address", "not a cell", "InvalidCellAddress"],
    ["a cell that already has a note", "C3", "ItemAlreadyExists"],
  ])("notes.add on %s: %s", async (_label, address, code) => {
    const { wb, context, sheet } = setup();
    wb.seedSheet("Sheet1").note("C3", "existing");
    sheet.notes.add(address, "x");
    expect(await codeOf(context.sync())).toBe(code);
  });

  it("comments need a sheet-qualified address and are listed workbook-wide", async () => {
    const { wb, context } = setup({ sheets: ["Sheet1", "申报表-2024"] });
    wb.seedSheet("Sheet1").comment("B2", "user thread");
    context.workbook.comments.add("'申报表-2024'!D12", "请核对");
    const all = context.workbook.comments.load("items/content, items/authorName");
    await context.sync();
    expect(all.items.map((c) => c.content)).toEqual(["user thread", "请核对"]);
    context.workbook.comments.add("D12", "no sheet");
    expect(await codeOf(context.sync())).toBe("InvalidArgument");
    all.items[1]?.delete();
    await context.sync();
    expect(wb.snapshot().sheets[1]?.comments).toEqual([]);
  });
});

describe("requirement sets", () => {
  it.each([
    ["ExcelApi", "1.18", true],
    ["ExcelApi", "1.9", true],
    ["ExcelApi", "1.19", false],
    ["excelapi", "1.4", true],
    ["WordApi", "1.1", false],
  ])("isSetSupported(%s, %s) with ExcelApi 1.18 is %s", (name, version, expected) => {
    expect(new FakeExcel().requirements.isSetSupported(name, version)).toBe(expected);
  });

  it.each([
    ["notes.add", "1.17", "ApiNotFound", (s: Excel.Worksheet) => s.notes.add("A1", "x")],
    ["notes.add", "1.18", "resolved", (s: Excel.Worksheet) => s.notes.add("A1", "x")],
    [
      "comments.add",
      "1.9",
      "ApiNotFound",
      (s: Excel.Worksheet) => s.comments.add("Sheet1!A1", "x"),
    ],
    [
      "pageLayout.orientation",
      "1.8",
      "ApiNotFound",
      (s: Excel.Worksheet) => (s.pageLayout.orientation = "Landscape"),
    ],
    [
      "freezePanes.freezeRows",
      "1.6",
      "ApiNotFound",
      (s: Excel.Worksheet) => s.freezePanes.freezeRows(1),
    ],
    [
      "dataValidation.rule",
      "1.7",
      "ApiNotFound",
      (s: Excel.Worksheet) =>
        (s.getRange("A1").dataValidation.rule = { custom: { formula: "=TRUE" } }),
    ],
    [
      "conditionalFormats.add",
      "1.5",
      "ApiNotFound",
      (s: Excel.Worksheet) => s.getRange("A1").conditionalFormats.add("Custom"),
    ],
    [
      "conditionalFormats items/customOrNullObject",
      "1.5",
      "ApiNotFound",
      (s: Excel.Worksheet) =>
        s.getRange("A1").conditionalFormats.load("items/customOrNullObject/rule/formula"),
    ],
    [
      "customOrNullObject.load",
      "1.6",
      "resolved",
      (s: Excel.Worksheet) =>
        s.getRange("A1").conditionalFormats.add("DataBar").customOrNullObject.load("rule/formula"),
    ],
    [
      "getItemOrNullObject",
      "1.3",
      "ApiNotFound",
      (s: Excel.Worksheet) => s.names.getItemOrNullObject("x"),
    ],
    ["merge", "1.1", "ApiNotFound", (s: Excel.Worksheet) => s.getRange("A1:B1").merge()],
    ["values", "1.1", "resolved", (s: Excel.Worksheet) => (s.getRange("A1").values = [[1]])],
  ])("%s on a host with ExcelApi %s: %s", async (_label, version, code, act) => {
    const { context, sheet } = setup({ requirementSets: { ExcelApi: version } });
    act(sheet);
    expect(await codeOf(context.sync())).toBe(code);
  });

  it("loading a newer set's property fails too", async () => {
    const { context, sheet } = setup({ requirementSets: { ExcelApi: "1.8" } });
    sheet.load("pageLayout/orientation");
    expect(await codeOf(context.sync())).toBe("ApiNotFound");
  });
});

describe("snapshot and seeding", () => {
  it("seeded user content is stored verbatim and survives an add-in writing another sheet", async () => {
    const wb = new FakeExcel({ sheets: [] });
    wb.seedSheet("用户数据")
      .cells({
        A1: "=not a formula, seeded verbatim",
        B2: { value: 3, fill: "#FFFF00" },
        C3: { formula: "=B2*2", cachedValue: 6 },
      })
      .conditionalFormat("B2:B9", { formula: "=B2>2", fill: "#FF0000" })
      .comment("A1", "my thread", "李四")
      .activate();
    const before = wb.snapshot().sheets[0];
    await fakeRun(wb)(async (context) => {
      const sheet = context.workbook.worksheets.add("申报表-2024");
      sheet.getRange("A1").values = [["title"]];
      sheet.getRange("A1:C1").merge();
      const cf = sheet.getRange("A2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=A2>0";
      await context.sync();
    });
    const after = wb.snapshot();
    expect(after.sheets[0]).toEqual(before);
    expect(after.sheets[0]?.cells.C3).toEqual({ formula: "=B2*2", cachedValue: 6 });
    expect(after.sheets.map((s) => s.name)).toEqual(["用户数据", "申报表-2024"]);
    expect(after.sheets[1]).toMatchObject({ merges: ["A1:C1"], cells: { A1: { value: "title" } } });
  });
});
