/**
 * What a PDF of a printed sheet says, in the sheet's reading order, and the font sizes it sets.
 *
 * pdftotext's own reading order mixes a wrapped label's second line with the cell beside it, so
 * the words (`pdftotext -bbox`: each with its box) are put back into cells here: a word belongs
 * to the column whose left edge it starts right of (the printed columns, from the plan's widths at
 * LibreOffice's 7 pt a width unit, measured in test/xlsx/print.test.ts), a line continues the cell
 * above it when it starts at the same x within a line's height, and cells are read row by row,
 * left to right. This relies on the form's cells setting their text at the top (SHENBAO_STYLES),
 * so every cell of a row starts on the same line.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { xmlUnescape } from "../../src/xlsx/package";

export interface PdfWord {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly text: string;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly words: readonly PdfWord[];
}

/** Every page's words with their boxes (points, origin top left). */
export function pdfPages(pdf: string): PdfPage[] {
  const html = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/gu)].map(
    (p) => ({
      width: Number(p[1]),
      height: Number(p[2]),
      words: [
        ...(p[3] ?? "").matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu
        ),
      ].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: xmlUnescape(m[5] ?? ""),
      })),
    })
  );
}

export interface PrintedCell {
  readonly text: string;
  /** 0-based printed column the text starts in. */
  readonly col: number;
  readonly top: number;
}

/**
 * The cells of one page in reading order. `edges` are the printed columns' left edges (points);
 * words below `bodyBottom` (the footer) are left out. Words are on one line when their boxes'
 * middles are within a third of a line (a ☑ set in another font sits a little higher); on a line,
 * a word starts a new cell after a gap wider than two spaces, or at a column's edge.
 */
export function pageCells(
  page: PdfPage,
  edges: readonly number[],
  bodyBottom: number
): PrintedCell[] {
  const colOf = (x: number): number => edges.reduce((c, e, i) => (x >= e - 0.75 ? i : c), 0);
  const atEdge = (x: number): boolean => edges.some((e) => Math.abs(x - e) < 0.75);
  const middle = (w: PdfWord): number => (w.y0 + w.y1) / 2;
  const words = page.words.filter((w) => w.y0 < bodyBottom).sort((a, b) => middle(a) - middle(b));
  const lines: PdfWord[][] = [];
  for (const w of words) {
    const line = lines.find(
      (l) => Math.abs(middle(l[0] as PdfWord) - middle(w)) < (w.y1 - w.y0) / 3
    );
    if (line) line.push(w);
    else lines.push([w]);
  }
  const fragments: { col: number; x0: number; y0: number; height: number; text: string }[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x0 - b.x0);
    let current: (typeof fragments)[number] | undefined;
    let right = -Infinity;
    for (const w of line) {
      const height = w.y1 - w.y0;
      const gap = w.x0 - right;
      if (current && gap < height * 0.45 && !(atEdge(w.x0) && gap > 1.5))
        current.text += gap > height * 0.15 ? ` ${w.text}` : w.text;
      else {
        current = { col: colOf(w.x0), x0: w.x0, y0: w.y0, height, text: w.text };
        fragments.push(current);
      }
      right = w.x1;
    }
  }
  fragments.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const cells: { col: number; x0: number; top: number; last: number; lines: string[] }[] = [];
  for (const f of fragments) {
    const above = cells.find(
      (c) =>
        c.col === f.col &&
        Math.abs(c.x0 - f.x0) < 1 &&
        f.y0 - c.last > 0.5 &&
        f.y0 - c.last < f.height * 1.05
    );
    if (above) {
      above.lines.push(f.text);
      above.last = f.y0;
    } else cells.push({ col: f.col, x0: f.x0, top: f.y0, last: f.y0, lines: [f.text] });
  }
  return cells
    .sort((a, b) => (Math.abs(a.top - b.top) < 2 ? a.col - b.col : a.top - b.top))
    .map((c) => ({ text: c.lines.join("\n"), col: c.col, top: c.top }));
}

/** The printed columns' left edges: the leftmost text, then the widths at `unitPt` a unit. */
export function columnEdges(
  pages: readonly PdfPage[],
  widths: readonly number[],
  unitPt: number
): number[] {
  const left = Math.min(...pages.flatMap((p) => p.words.map((w) => w.x0)));
  return widths
    .reduce<number[]>((edges, w, i) => [...edges, (edges[i] ?? left) + w * unitPt], [left])
    .slice(0, widths.length);
}

/** The sizes of every font the PDF sets text in (its content streams' Tf operators). */
export function pdfFontSizes(pdf: string): number[] {
  const bytes = readFileSync(pdf);
  const raw = bytes.toString("latin1");
  const sizes: number[] = [];
  for (const m of raw.matchAll(/stream\r?\n/gu)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf("endstream", start);
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString("latin1");
    } catch {
      continue; // not a deflated content stream (an image, a font program)
    }
    for (const t of content.matchAll(/\/F\d+ ([\d.]+) Tf/gu)) sizes.push(Number(t[1]));
  }
  return sizes;
}

/**
 * The official text as printed strings in order: each cell's text split at white space, so a
 * string of the official text must print whole but the form may set its parts apart (a value
 * between 「所属地区:」 and 「省(区、市)」, the options of a tick list on lines of their own).
 * Years move with the batch: 2022's data years, plan years and target year, plus the distance.
 */
export function officialStrings(fixture: string, batchYear: number): string[] {
  return fixture
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .flatMap((l) => l.split(/[|\s]+/u))
    .filter((s) => s !== "")
    .map((s) => s.replace(/20(19|2[0-4])/gu, (y) => String(Number(y) + batchYear - 2022)));
}

/** The first of `strings` not found, in order, in `text` (white space ignored), with where the search stood. */
export function firstMissing(
  text: string,
  strings: readonly string[]
): { missing: string; after: string } | undefined {
  const hay = text.replace(/\s+/gu, "");
  let at = 0;
  let previous = "";
  for (const s of strings) {
    const found = hay.indexOf(s.replace(/\s+/gu, ""), at);
    if (found < 0) return { missing: s, after: previous };
    at = found + s.replace(/\s+/gu, "").length;
    previous = s;
  }
  return undefined;
}
