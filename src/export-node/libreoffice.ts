/**
 * Headless LibreOffice, for what the export cannot do itself: recalculating a workbook whose
 * formulas carry no results (a file written by a script and never opened in a spreadsheet) and
 * turning the Word document into PDF. Facts relied on (LibreOffice 7.4):
 * - OOXML is not recalculated on load unless the profile says so: registrymodifications.xcu with
 *   /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0 (always). Each run gets a fresh
 *   profile, which also keeps two runs from handing their work to one another's soffice.
 * - soffice exits 0 even when it could not convert: success is the output file existing.
 * - .docx → PDF needs the Writer component (Debian: libreoffice-writer-nogui), xlsx the Calc one.
 */
import { spawn } from "node:child_process";
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

/** Where installers put soffice when it is not on PATH. */
function wellKnown(): string[] {
  if (process.platform === "win32") {
    return [process.env["ProgramFiles"], process.env["ProgramFiles(x86)"]]
      .filter((d): d is string => Boolean(d))
      .map((d) => path.join(d, "LibreOffice", "program", "soffice.exe"));
  }
  if (process.platform === "darwin")
    return ["/Applications/LibreOffice.app/Contents/MacOS/soffice"];
  return [];
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The soffice executable: on PATH (soffice or libreoffice), else where installers put it. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const names =
    process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  const dirs = (env["PATH"] ?? "").split(path.delimiter).filter(Boolean);
  for (const name of names)
    for (const dir of dirs) if (executable(path.join(dir, name))) return path.join(dir, name);
  return wellKnown().find(executable);
}

/**
 * soffice's arguments for one conversion in its own profile folder: no window, no recovery or
 * first-start dialogs, no lock file, `filter` as `ext:FilterName`.
 */
export function convertArgs(
  profile: string,
  filter: string,
  outDir: string,
  input: string
): string[] {
  return [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--invisible",
    "--norestore",
    "--nologo",
    "--nodefault",
    "--nolockcheck",
    "--convert-to",
    filter,
    "--outdir",
    outDir,
    input,
  ];
}

export type Conversion = "xlsx" | "pdf";

const FILTERS: Readonly<Record<Conversion, string>> = {
  xlsx: "xlsx:Calc MS Excel 2007 XML",
  pdf: "pdf:writer_pdf_Export",
};

/**
 * Converts a file's bytes with headless LibreOffice, in a fresh temporary folder (so the user's
 * file is only ever read, never opened by soffice), and returns the output's path there: the
 * caller copies it and removes the folder with cleanup(). `name` is the input's file name there,
 * its extension telling LibreOffice the format. Rejects with soffice's own words when no output
 * appears within `timeoutMs`.
 */
export async function convertWith(
  soffice: string,
  data: Uint8Array,
  name: string,
  to: Conversion,
  timeoutMs = 120_000
): Promise<{ output: string; cleanup: () => void }> {
  const work = mkdtempSync(path.join(tmpdir(), "jiqun-lo-"));
  const cleanup = (): void => rmSync(work, { recursive: true, force: true });
  try {
    const input = path.join(work, name);
    writeFileSync(input, data);
    const profile = path.join(work, "profile");
    mkdirSync(path.join(profile, "user"), { recursive: true });
    writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), PROFILE);
    const outDir = path.join(work, "out");
    mkdirSync(outDir);
    const args = convertArgs(profile, FILTERS[to], outDir, input);
    const { code, stderr, timedOut } = await run(soffice, args, timeoutMs);
    const output = path.join(outDir, `${path.parse(input).name}.${to}`);
    if (!existsSync(output)) {
      const why = timedOut ? `timeout ${timeoutMs} ms` : `exit ${code ?? "?"}`;
      throw new Error(`${why}${stderr.trim() ? `: ${stderr.trim().slice(0, 300)}` : ""}`);
    }
    return { output, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** Runs soffice in its own process group, so a timeout ends soffice.bin too, not only its launcher. */
function run(
  cmd: string,
  args: readonly string[],
  timeoutMs: number
): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      detached: process.platform !== "win32",
      stdio: ["ignore", "ignore", "pipe"],
      windowsHide: true,
    });
    let stderr = "";
    let timedOut = false;
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined && process.platform !== "win32")
          process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}
