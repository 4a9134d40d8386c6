// After `npm run build`: the three bundles, taskpane.html and functions.json exist; functions.json
// declares CLUSTER_CAGR with a Chinese description; the functions and commands bundles load
// without Office (a plain browser) and, with a runtime present, associate what the manifest names.
import { readFileSync, existsSync } from "node:fs";
import vm from "node:vm";
import process from "node:process";

const dist = new URL("../dist/", import.meta.url);
const problems = [];
for (const f of [
  "taskpane.html",
  "taskpane.js",
  "commands.js",
  "functions.js",
  "functions.json",
  "manifest.xml",
  "assets/icon-32.png",
]) {
  if (!existsSync(new URL(f, dist))) problems.push(`missing dist/${f}`);
}
if (problems.length === 0) {
  const meta = JSON.parse(readFileSync(new URL("functions.json", dist), "utf8"));
  const cagr = meta.functions.find((f) => f.id === "CLUSTER_CAGR");
  if (!cagr) problems.push("functions.json lacks CLUSTER_CAGR");
  else if (!/[\u4e00-\u9fff]/u.test(cagr.description))
    problems.push("CLUSTER_CAGR has no Chinese description");

  const html = readFileSync(new URL("taskpane.html", dist), "utf8");
  const order = ["functions.js", "commands.js", "taskpane.js"].map((s) => html.indexOf(s));
  if (order.some((i) => i < 0) || !(order[0] < order[1] && order[1] < order[2])) {
    problems.push(
      "taskpane.html must load functions.js, commands.js, taskpane.js (shared runtime)"
    );
  }

  const load = (file, globals) =>
    vm.runInNewContext(readFileSync(new URL(file, dist), "utf8"), { ...globals });
  for (const file of ["functions.js", "commands.js"]) {
    try {
      load(file, {});
    } catch (e) {
      problems.push(`${file} throws outside Office: ${e}`);
    }
  }
  const associated = [];
  load("functions.js", { CustomFunctions: { associate: (id) => associated.push(id) } });
  if (!associated.includes("CLUSTER_CAGR"))
    problems.push("functions.js does not associate CLUSTER_CAGR");
  const actions = [];
  load("commands.js", { Office: { actions: { associate: (name) => actions.push(name) } } });
  const manifest = readFileSync(new URL("manifest.xml", dist), "utf8");
  for (const [, name] of manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/gu)) {
    if (!actions.includes(name))
      problems.push(`commands.js does not associate ${name} (named in manifest.xml)`);
  }
}
if (problems.length) {
  console.error(`check-build: ${problems.length} problem(s)\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log("check-build: bundles, taskpane.html, functions.json and command wiring OK");
