/** The PDF reading helpers of the print test, on hand-made pages (no LibreOffice needed). */
import { firstMissing, officialStrings, pageCells, type PdfWord } from "./printed";

const word = (x0: number, y0: number, text: string, size = 10.5): PdfWord => ({
  x0,
  y0,
  x1: x0 + text.length * size,
  y1: y0 + size * 1.3,
  text,
});

describe("reading a printed page back into its cells", () => {
  // Columns start at 40 (A) and 194 (B); a line is 13.2 pt below the last.
  const edges = [40, 194, 252];

  it("a wrapped label reads whole before the value beside it, rows top to bottom", () => {
    const cells = pageCells(
      {
        width: 595,
        height: 842,
        words: [
          word(194, 100, "□是"),
          word(224, 100, "□否"),
          word(40, 100, "集群主导产业不属于国家规定的"),
          word(40, 113.2, "禁止、限制和淘汰类产业"),
          word(40, 140, "获得省级中小企业特色产业集群"),
          word(194, 140, "☑是", 10.5),
          word(300, 820, "第 1 页"),
        ],
      },
      edges,
      800
    );
    expect(cells.map((c) => c.text)).toEqual([
      "集群主导产业不属于国家规定的\n禁止、限制和淘汰类产业",
      "□是",
      "□否",
      "获得省级中小企业特色产业集群",
      "☑是",
    ]);
  });

  it("words set close together on a line stay one text, across a column's edge", () => {
    // A plan line over A–G: pdftotext splits it where the font changes (digits, ☑).
    const a = word(40, 100, "第001段:集群发展规划正文示例");
    const b = word(a.x1 + 0.5, 100, "推进主导产业提质增效");
    expect(a.x1).toBeGreaterThan(edges[1] as number);
    const cells = pageCells({ width: 595, height: 842, words: [a, b] }, edges, 800);
    expect(cells.map((c) => c.text)).toEqual(["第001段:集群发展规划正文示例推进主导产业提质增效"]);
  });
});

describe("the official strings and their order", () => {
  const fixture = "# a comment\n主导产业情况(近三年) | 2019年 | 2020年 |\n(1)2022年度 (2)2023年度";

  it("split at cells and white space, the years moved to the batch", () => {
    expect(officialStrings(fixture, 2022)).toEqual([
      "主导产业情况(近三年)",
      "2019年",
      "2020年",
      "(1)2022年度",
      "(2)2023年度",
    ]);
    expect(officialStrings(fixture, 2025)).toEqual([
      "主导产业情况(近三年)",
      "2022年",
      "2023年",
      "(1)2025年度",
      "(2)2026年度",
    ]);
  });

  it("finds each string after the one before, white space ignored, and names the first one missing", () => {
    const text = "主导产业情况 (近三年)\n2019年 2020年";
    expect(firstMissing(text, ["主导产业情况(近三年)", "2019年", "2020年"])).toBeUndefined();
    expect(firstMissing(text, ["2020年", "2019年"])).toEqual({
      missing: "2019年",
      after: "2020年",
    });
    expect(firstMissing(text, ["2021年"])).toEqual({ missing: "2021年", after: "" });
  });
});
