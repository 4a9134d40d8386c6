// Lint that can fail: Microsoft's Office add-in rules (batching and load/sync order) as errors,
// typescript-eslint's recommended rules, Prettier formatting, and a pure domain.
import js from "@eslint/js";
import prettierConfig from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-plugin-prettier";
import react from "eslint-plugin-react";
import globals from "globals";
import tseslint from "typescript-eslint";

const OFFICE_RULES_AS_ERRORS = Object.fromEntries(
  [
    "call-sync-after-load",
    "call-sync-before-read",
    "load-object-before-read",
    "no-context-sync-in-loop",
    "no-empty-load",
    "no-navigational-load",
    "no-office-initialize",
    "test-for-null-using-isNullObject",
  ].map((r) => [`office-addins/${r}`, "error"])
);

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "tools/manifest/schemas/**"] },
  // The same pieces as eslint-plugin-office-addins' "react" preset, composed here because that
  // preset registers its own @typescript-eslint instance and skips .tsx files.
  js.configs.recommended,
  ...tseslint.configs.recommended,
  react.configs.flat.recommended,
  react.configs.flat["jsx-runtime"],
  prettierConfig,
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    plugins: { "office-addins": officeAddins, prettier },
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    settings: { react: { version: "detect" } },
    rules: {
      ...OFFICE_RULES_AS_ERRORS,
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      "no-eval": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='eval']", message: "No eval." },
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: "No innerHTML: render text with React.",
        },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: {
      globals: {
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeRuntime: "readonly",
      },
    },
  },
  {
    // taskpane.html's engine check: a classic browser script, copied to dist unbundled so it stays
    // ES5 for Internet Explorer 11. The parser here accepts any syntax; ES5 itself is held by
    // test/taskpane/legacy.test.ts and `npm run check:build` (acorn, ecmaVersion 5).
    files: ["src/taskpane/legacy/*.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
  {
    // The domain core is pure: no host, UI or DOM, so it runs the same in Excel, Node and tests.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-*", "@fluentui/*", "office-*", "@microsoft/*", "exceljs"],
              message: "src/domain stays pure.",
            },
            {
              group: [
                "../excel",
                "../excel/*",
                "../taskpane",
                "../taskpane/*",
                "../functions",
                "../functions/*",
                "../i18n",
                "../i18n/*",
                "../../*",
              ],
              message: "src/domain depends on nothing outside it.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...[
          "Office",
          "Excel",
          "CustomFunctions",
          "OfficeRuntime",
          "window",
          "document",
          "navigator",
          "localStorage",
        ].map((name) => ({
          name,
          message: "src/domain stays pure: no Office or DOM.",
        })),
      ],
    },
  },
  {
    files: ["test/**/*.{ts,tsx}", "bench/**/*.ts", "tools/**/*.{js,mjs}", "*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // exceljs is synchronous and in memory: its getCell() is no Office.js proxy, so the
    // load/sync rules (which match on method names) misfire there.
    files: ["src/xlsx/**", "src/cli/**", "test/xlsx/**", "test/cli/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
  {
    files: ["bin/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["webpack.config.js", "jest.config.js", "jest.bench.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  }
);
