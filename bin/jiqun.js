#!/usr/bin/env node
// Launcher for the compiled command line (npm run build writes lib/). Its two messages stay
// here, not in src/i18n, because they must work before anything is compiled.
const path = require("node:path");
const fs = require("node:fs");

const entry = path.join(__dirname, "..", "lib", "cli", "jiqun.js");
if (!fs.existsSync(entry)) {
  console.error(
    "jiqun 尚未编译:请先运行 npm run build。 (jiqun is not built yet: run npm run build first.)"
  );
  process.exit(2);
}
const { main } = require(entry);
main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`内部错误:${String(e)}`);
    process.exit(2);
  }
);
