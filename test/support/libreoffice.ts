/**
 * LibreOffice as an independent oracle for the .xlsx files our code writes: headless Calc opens a
 * file, recalculates every formula, and exports HTML (displayed text + effective fill per cell,
 * conditional formats included), PDF (then PNG via pdftoppm) or a re-saved .xlsx.
 *
 * Install with `tools/ensure-libreoffice.sh` (Debian: libreoffice-calc-nogui, fonts-wqy-zenhei,
 * poppler-utils). Facts this module relies on, measured with LibreOffice 7.4 on Debian 12:
 * - OOXML is NOT recalculated on load by default (cached <v> values are shown as written), so
 *   every call gets a fresh profile whose registrymodifications.xcu forces recalculation. A fresh
 *   profile per call also means concurrent calls never hand their job to another soffice.
 * - The profile pins the locale to en-US; otherwise LANG decides decimal/thousands separators.
 * - soffice exits 0 even when it cannot load the file: success = the output file exists.
 * - HTML export drops hidden rows and hidden columns entirely (grid positions then shift), skips
 *   empty sheets, and writes sheet headers only when two or more sheets have content.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { convertArgs } from "../../src/export-node/libreoffice";

export type ConvertFormat = "html" | "pdf" | "xlsx";

/** One cell of LibreOffice's HTML export, as displayed after recalculation. */
export interface HtmlCell {
  /** Displayed text (number format applied); "" for an empty cell; line breaks as "\n". */
  text: string;
  /** Effective fill as "#RRGGBB" (solid fill, or a conditional format that applies); else absent. */
  background?: string;
  /** Font colour as "#RRGGBB" (conditional-format font colours included). */
  color?: string;
  bold?: boolean;
  /** The underlying number (`sdval`) for numeric, boolean (1/0) and date cells. */
  value?: number;
  /** The number format code LibreOffice applied (`sdnum`), absent for General. */
  format?: string;
  /** Cell note text (an Excel "note"/legacy comment). */
  comment?: string;
  /** On the top-left cell of a merged range. */
  rowSpan?: number;
  colSpan?: number;
  /** On the other cells of a merged range: the A1 address of its top-left cell. */
  mergedInto?: string;
}

/** One exported sheet: rows[r][c] is the cell at row r+1, column c+1 (A1 addressing). */
export interface HtmlSheet {
  /** Sheet name, known only when LibreOffice wrote per-sheet headers (2+ non-empty sheets). */
  name?: string;
  /** 0-based position of the sheet in the workbook (from LibreOffice's `tableN` anchor). */
  index?: number;
  rows: HtmlCell[][];
}

const DEFAULT_TIMEOUT_MS = 60_000;

const FILTERS: Record<ConvertFormat, string> = {
  html: "html:HTML (StarCalc)",
  pdf: "pdf:calc_pdf_Export",
  xlsx: "xlsx:Calc MS Excel 2007 XML",
};

/** Profile settings: recalculate OOXML and ODF on load (0 = always), pin the locale to en-US. */
const REGISTRY_MODIFICATIONS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

function findOnPath(names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** The soffice (or libreoffice) executable on PATH, if any. */
export function sofficePath(): string | undefined {
  return findOnPath(["soffice", "libreoffice"]);
}

export function libreOfficeAvailable(): boolean {
  return sofficePath() !== undefined;
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a command in its own process group so a timeout kills soffice.bin too, not just oosplash. */
function run(cmd: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * Converts `inputPath` with headless LibreOffice into `outDir` and returns the output path
 * (`<outDir>/<input basename>.<format>`). Formulas are recalculated on load. Rejects with
 * soffice's output when it fails or exceeds `timeoutMs`.
 */
export async function convert(
  inputPath: string,
  format: ConvertFormat,
  outDir: string,
  options: { timeoutMs?: number } = {}
): Promise<string> {
  const soffice = sofficePath();
  if (!soffice) {
    throw new Error(
      "LibreOffice not found: neither soffice nor libreoffice is on PATH (run tools/ensure-libreoffice.sh)"
    );
  }
  const input = path.resolve(inputPath);
  if (!fs.existsSync(input)) throw new Error(`convert: input not found: ${input}`);
  const out = path.resolve(outDir);
  fs.mkdirSync(out, { recursive: true });
  const outputPath = path.join(out, `${path.parse(input).name}.${format}`);
  if (outputPath === input) {
    throw new Error(`convert: output would overwrite the input ${input}; use another outDir`);
  }
  fs.rmSync(outputPath, { force: true }); // a stale file must not pass for success

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(
      path.join(profile, "user", "registrymodifications.xcu"),
      REGISTRY_MODIFICATIONS
    );
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const args = convertArgs(profile, FILTERS[format], out, input);
    const started = Date.now();
    const r = await run(soffice, args, timeoutMs);
    const ok = !r.timedOut && r.code === 0 && fs.existsSync(outputPath);
    if (!ok) {
      const why = r.timedOut
        ? `timed out after ${timeoutMs} ms`
        : `exit code ${r.code}${r.signal ? ` (signal ${r.signal})` : ""}, ${
            fs.existsSync(outputPath) ? "" : "no output file, "
          }after ${Date.now() - started} ms`;
      throw new Error(
        `LibreOffice failed to convert ${input} to ${format}: ${why}\n` +
          `command: ${soffice} ${args.join(" ")}\n` +
          `stderr: ${r.stderr.trim() || "(empty)"}\nstdout: ${r.stdout.trim() || "(empty)"}`
      );
    }
    return outputPath;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// HTML export parsing

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code =
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Attributes of a start tag's attribute string; names lower-cased; quoted or bare values. */
function parseAttributes(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const name = (m[1] ?? "").toLowerCase();
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

function normaliseColor(c: string | undefined): string | undefined {
  if (!c) return undefined;
  return /^#?[0-9a-f]{6}$/i.test(c) ? `#${c.replace("#", "").toUpperCase()}` : c;
}

function cellFromHtml(attrString: string, inner: string): HtmlCell {
  const attrs = parseAttributes(attrString);
  const cell: HtmlCell = { text: "" };

  let content = inner;
  const comment = /<comment>([\s\S]*?)<\/comment>/i.exec(content);
  if (comment) {
    cell.comment = decodeEntities(
      comment[1]!.replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]*>/g, "")
    );
    content = content.replace(/<comment>[\s\S]*?<\/comment>/gi, "");
  }
  // Whitespace with a newline between tags is LibreOffice's indentation, not cell text
  // (line breaks inside a cell are written as <br>).
  content = content.replace(/>\s*\n\s*</g, "><").replace(/^\s*\n\s*|\s*\n\s*$/g, "");

  const fontColor = /<font\b[^>]*\bcolor\s*=\s*"?(#[0-9a-f]{6})/i.exec(content);
  if (fontColor) cell.color = normaliseColor(fontColor[1]);
  if (/<b>/i.test(content)) cell.bold = true;

  const withBreaks = content.replace(/<br\s*\/?>/gi, "\n").replace(/<[^>]*>/g, "");
  // An empty cell is written as a lone <br>.
  cell.text = withBreaks === "\n" ? "" : decodeEntities(withBreaks);

  const bg = normaliseColor(attrs["bgcolor"]);
  if (bg) cell.background = bg;
  if (attrs["sdval"] !== undefined && attrs["sdval"] !== "") {
    const v = Number(attrs["sdval"]);
    if (Number.isFinite(v)) cell.value = v;
  }
  if (attrs["sdnum"] !== undefined) {
    // "1033;0;0.00%" = language;?;format code (the code itself may contain ';'); "1033;" = General.
    const fmt = attrs["sdnum"].split(";").slice(2).join(";");
    if (fmt) cell.format = fmt;
  }
  const rowSpan = parseInt(attrs["rowspan"] ?? "1", 10);
  const colSpan = parseInt(attrs["colspan"] ?? "1", 10);
  if (rowSpan > 1) cell.rowSpan = rowSpan;
  if (colSpan > 1) cell.colSpan = colSpan;
  return cell;
}

/** "A1"-style address of 0-based row/column. */
export function toA1(row: number, col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}

/** 0-based { row, col } of an "A1"/"$A$1" address. */
export function fromA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: parseInt(m[2]!, 10) - 1, col: col - 1 };
}

function parseTable(tableHtml: string): HtmlCell[][] {
  const rows: HtmlCell[][] = [];
  const trRe = /<tr\b[^>]*>([\s\S]*?)<\/tr>/gi;
  const tdRe = /<t[dh]\b([^>]*)>([\s\S]*?)<\/t[dh]>/gi;
  let tr: RegExpExecArray | null;
  let r = 0;
  while ((tr = trRe.exec(tableHtml)) !== null) {
    const row = (rows[r] ??= []);
    let c = 0;
    let td: RegExpExecArray | null;
    tdRe.lastIndex = 0;
    while ((td = tdRe.exec(tr[1]!)) !== null) {
      while (row[c] !== undefined) c++; // skip cells covered by a rowspan from above
      const cell = cellFromHtml(td[1] ?? "", td[2] ?? "");
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      const anchor = toA1(r, c);
      for (let dr = 0; dr < rs; dr++) {
        const target = (rows[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) {
          target[c + dc] = dr === 0 && dc === 0 ? cell : { text: "", mergedInto: anchor };
        }
      }
      c += cs;
    }
    r++;
  }
  // Dense rows: fill holes (never expected from LibreOffice, but keep indexing safe).
  for (const row of rows) for (let i = 0; i < row.length; i++) row[i] ??= { text: "" };
  return rows;
}

/** Parses the text of a LibreOffice Calc HTML export (see `htmlCells`). */
export function parseLibreOfficeHtml(html: string): HtmlSheet[] {
  const sheets: HtmlSheet[] = [];
  // Multi-sheet exports: <A NAME="table2"><h1>Sheet 2: <em>name</em></h1></A> before each table
  // (N = 0-based position in the workbook; the "Sheet k" number skips empty sheets).
  const re =
    /<a\s+name="?table(\d+)"?\s*>\s*<h1>[\s\S]*?<em>([\s\S]*?)<\/em>[\s\S]*?<\/h1>\s*<\/a>|<table\b[^>]*>([\s\S]*?)<\/table>/gi;
  let pending: { index: number; name: string } | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    if (m[1] !== undefined) {
      pending = { index: parseInt(m[1], 10), name: decodeEntities(m[2]!.replace(/<[^>]*>/g, "")) };
    } else {
      const sheet: HtmlSheet = { rows: parseTable(m[3] ?? "") };
      if (pending) {
        sheet.index = pending.index;
        sheet.name = pending.name;
      }
      sheets.push(sheet);
      pending = undefined;
    }
  }
  return sheets;
}

/**
 * Per-sheet grids from a LibreOffice Calc HTML export. The grid starts at A1 and covers the used
 * area. Caveat: hidden rows/columns are not exported, so addresses after them shift.
 */
export function htmlCells(htmlPath: string): HtmlSheet[] {
  return parseLibreOfficeHtml(fs.readFileSync(htmlPath, "utf8"));
}

/**
 * The sheet called `name`. When LibreOffice wrote no headers (only one sheet has content) the
 * single unnamed sheet is returned whatever the name.
 */
export function sheetNamed(sheets: HtmlSheet[], name: string): HtmlSheet {
  const found = sheets.find((s) => s.name === name);
  if (found) return found;
  if (sheets.length === 1 && sheets[0]!.name === undefined) return sheets[0]!;
  throw new Error(
    `no sheet "${name}" in LibreOffice's HTML; sheets: ${sheets.map((s) => s.name ?? "(unnamed)").join(", ")}`
  );
}

/** The cell at an A1 address; `{ text: "" }` outside the exported area (an empty cell). */
export function cellAt(sheet: HtmlSheet, address: string): HtmlCell {
  const { row, col } = fromA1(address);
  return sheet.rows[row]?.[col] ?? { text: "" };
}

// ---------------------------------------------------------------------------------------------
// PDF helpers (poppler-utils)

function requireTool(name: string): string {
  const p = findOnPath([name]);
  if (!p)
    throw new Error(`${name} not found on PATH (poppler-utils; run tools/ensure-libreoffice.sh)`);
  return p;
}

async function runTool(
  name: string,
  args: string[],
  timeoutMs = DEFAULT_TIMEOUT_MS
): Promise<string> {
  const r = await run(requireTool(name), args, timeoutMs);
  if (r.timedOut || r.code !== 0) {
    throw new Error(
      `${name} ${args.join(" ")} failed: ${r.timedOut ? "timed out" : `exit code ${r.code}`}\n` +
        `stderr: ${r.stderr.trim() || "(empty)"}`
    );
  }
  return r.stdout;
}

/**
 * Renders PDF pages to `<outPrefix>-<page>.png` with pdftoppm (page numbers are zero-padded by
 * pdftoppm when the document has 10+ pages) and returns the paths in page order.
 */
export async function pdfToPng(
  pdfPath: string,
  outPrefix: string,
  options: { dpi?: number; firstPage?: number; lastPage?: number } = {}
): Promise<string[]> {
  const prefix = path.resolve(outPrefix);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  fs.mkdirSync(dir, { recursive: true });
  const pageFile = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(\\d+)\\.png$`);
  const existing = () => fs.readdirSync(dir).filter((f) => pageFile.test(f));
  for (const f of existing()) fs.rmSync(path.join(dir, f)); // no stale pages
  const args = ["-png", "-r", String(options.dpi ?? 96)];
  if (options.firstPage !== undefined) args.push("-f", String(options.firstPage));
  if (options.lastPage !== undefined) args.push("-l", String(options.lastPage));
  await runTool("pdftoppm", [...args, path.resolve(pdfPath), prefix]);
  return existing()
    .sort((a, b) => Number(pageFile.exec(a)![1]) - Number(pageFile.exec(b)![1]))
    .map((f) => path.join(dir, f));
}

/** The PDF's text (pdftotext -layout), e.g. to check that Chinese text made it into the PDF. */
export async function pdfText(pdfPath: string): Promise<string> {
  return runTool("pdftotext", ["-layout", "-enc", "UTF-8", path.resolve(pdfPath), "-"]);
}

/** Names of the fonts used in the PDF (pdffonts), e.g. "BAAAAA+WenQuanYiZenHei". */
export async function pdfFonts(pdfPath: string): Promise<string[]> {
  const out = await runTool("pdffonts", [path.resolve(pdfPath)]);
  return out
    .split("\n")
    .slice(2)
    .map((line) => line.split(/\s+/)[0] ?? "")
    .filter(Boolean);
}
