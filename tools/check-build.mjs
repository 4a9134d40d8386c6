// After `npm run build`: the three bundles, taskpane.html and functions.json exist; functions.json
// equals the reviewed golden copy (test/functions/functions.golden.json) and every function in it
// is associated by functions.js; the functions and commands bundles load
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
  const golden = JSON.parse(
    readFileSync(new URL("../test/functions/functions.golden.json", import.meta.url), "utf8")
  );
  if (JSON.stringify(meta) !== JSON.stringify(golden))
    problems.push("dist/functions.json differs from test/functions/functions.golden.json");
  for (const f of meta.functions)
    if (!/[\u4e00-\u9fff]/u.test(f.description ?? ""))
      problems.push(`${f.id} has no Chinese description`);

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
  for (const f of meta.functions)
    if (!associated.includes(f.id)) problems.push(`functions.js does not associate ${f.id}`);
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
