// `npm start`: serve the add-in over https on localhost:3000 and, where Excel is installed
// (Windows, macOS), sideload it with Microsoft's office-addin-debugging. On Linux that tool only
// prints "Platform not supported" and exits 0, so we run the dev server ourselves and say how to
// load the manifest in Excel on the web.
import { spawn } from "node:child_process";
import process from "node:process";

const bin = (name) => (process.platform === "win32" ? `${name}.cmd` : name);
const run = (cmd, args) => {
  const child = spawn(bin(cmd), args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 1));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
};

if (process.platform === "win32" || process.platform === "darwin") {
  run("npx", ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  console.log(
    [
      "集群申报助手: https://localhost:3000/taskpane.html",
      "No desktop Excel on this platform: open Excel on the web, then 插入 → 加载项 → 上传我的加载项 (Insert → Add-ins →",
      "Upload My Add-in) and choose manifest.xml. Trust the dev certificate first (README, “Dev certificate on Linux”).",
    ].join("\n")
  );
  run("npx", ["webpack", "serve", "--mode", "development"]);
}
