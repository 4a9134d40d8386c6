/** Benchmarks run through jest only as a TypeScript runner; they print a report and assert budgets. */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/bench"],
  testMatch: ["**/*.bench.ts"],
  verbose: false,
};
