/**
 * The Node build (tsconfig.node.json's files, what lib/ ships) compiled into a scratch folder,
 * for tests and benches that need plain JavaScript: worker threads load their script by path,
 * which jest's in-process TypeScript cannot serve. Returns the folder; a file src/x.ts of the
 * repository is at `<outDir>/src/x.js`. Children need NODE_PATH=<repo>/node_modules.
 */
import path from "node:path";
import ts from "typescript";

export const repoRoot = path.resolve(__dirname, "..", "..");

export function compileNodeBuild(outDir: string, extraFiles: readonly string[] = []): string {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(repoRoot, "tsconfig.node.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined }
  );
  if (!config) throw new Error("tsconfig.node.json unreadable");
  // All of the build, not only what an entry imports: the review's worker script is loaded by
  // path, never imported.
  const program = ts.createProgram([...config.fileNames, ...extraFiles], {
    ...config.options,
    rootDir: repoRoot,
    outDir,
    declaration: false,
    noEmitOnError: false,
  });
  if (program.emit().emitSkipped) throw new Error("the Node build was not emitted");
  return outDir;
}
