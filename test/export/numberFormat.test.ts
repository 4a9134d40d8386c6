/** Displayed text under the number formats the templates use, and the Excel rules around them. */
import { NUMBER_FORMATS } from "../../src/domain";
import { formatGeneral, formatValue, roundedDigits } from "../../src/export/numberFormat";

describe("the templates' number formats", () => {
  it.each<[number | string, string, string]>([
    [12.660142429821, NUMBER_FORMATS.pct, "12.66%"],
    [12.5, NUMBER_FORMATS.pct, "12.50%"],
    [-3.456, NUMBER_FORMATS.pct, "-3.46%"],
    [52, NUMBER_FORMATS.amount, "52.00"],
    [58.5, NUMBER_FORMATS.amount, "58.50"],
    [110.526315789474, NUMBER_FORMATS.per10k, "110.53"],
    [400, NUMBER_FORMATS.count, "400"],
    [2.5, NUMBER_FORMATS.count, "3"],
    [27, NUMBER_FORMATS.chars, "27 字"],
    [45292, NUMBER_FORMATS.date, "2024年1月1日"],
    [45657, NUMBER_FORMATS.date, "2024年12月31日"],
    ["0571-00000000", NUMBER_FORMATS.text, "0571-00000000"],
    [13900000000, NUMBER_FORMATS.text, "13900000000"],
    ["浙江省", NUMBER_FORMATS.pct, "浙江省"],
  ])("%p under %p shows %p", (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });

  it("reads the same format however it was escaped (LibreOffice writes 0.00\\%)", () => {
    expect(formatValue(12.5, "0.00\\%")).toBe("12.50%");
    expect(formatValue(0.125, "0.00%")).toBe("12.50%");
    expect(formatValue(45292, "yyyy\\年m\\月d\\日")).toBe("2024年1月1日");
  });
});

describe("Excel's rules", () => {
  it.each<[number, string, string]>([
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [1234567, "#,##0", "1,234,567"],
    [0, "#,##0", "0"],
    [0.5, "#.00", ".50"],
    [0.5, "0.0#", "0.5"],
    [1.25, "0.0#", "1.25"],
    [1.005, "0.00", "1.01"],
    [-0.001, "0.00", "0.00"],
    [-5, "0.00;(0.00)", "(5.00)"],
    [0, '0.00;-0.00;"-"', "-"],
    [1234567, "0.0,,", "1.2"],
    [12345, "0.00E+00", "1.23E+04"],
    [0.000123, "0.0E+00", "1.2E-04"],
    [5, "[Red]0.0", "5.0"],
    [5, "000", "005"],
    [5551234, "000-0000", "555-1234"],
    [45292.75, "yyyy-mm-dd hh:mm", "2024-01-01 18:00"],
    [45292.75, "h:mm AM/PM", "6:00 PM"],
    [45292, "d mmm yyyy", "1 Jan 2024"],
    [45292, "[$-804]yyyy年m月", "2024年1月"],
  ])("%p under %p shows %p", (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });

  it("General shows up to 10 significant digits and no binary noise", () => {
    expect(formatGeneral(12.6601424298216)).toBe("12.66014243");
    expect(formatGeneral(0.1 + 0.2)).toBe("0.3");
    expect(formatGeneral(2022)).toBe("2022");
    expect(formatGeneral(-1.5)).toBe("-1.5");
    expect(formatGeneral(123456789012)).toBe("1.23457E+11");
    expect(formatGeneral(0.0000000001234)).toBe("1.234E-10");
    expect(formatValue(14.1)).toBe("14.1");
  });

  it("shows booleans, errors, blanks and text as Excel does", () => {
    expect(formatValue(true)).toBe("TRUE");
    expect(formatValue({ error: "#DIV/0!" }, "0.00")).toBe("#DIV/0!");
    expect(formatValue(null, "0.00")).toBe("");
    expect(formatValue("是", "0.00")).toBe("是");
    expect(formatValue("x", '0;-0;0;"文本:"@')).toBe("文本:x");
  });

  it("rounds half away from zero on 15 significant digits", () => {
    expect(roundedDigits(999.995, 2)).toEqual({ int: "1000", frac: "00" });
    expect(roundedDigits(0.005, 2)).toEqual({ int: "0", frac: "01" });
    expect(roundedDigits(0.004, 2)).toEqual({ int: "0", frac: "00" });
    expect(roundedDigits(1e20, 0)).toEqual({ int: "100000000000000000000", frac: "" });
  });
});
