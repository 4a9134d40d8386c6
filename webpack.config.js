// One page for the shared runtime: taskpane.html loads the taskpane entry, which loads the
// panels, the custom functions and the ribbon commands' code as chunks of their own.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, sources } = require("webpack");

const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

const FUNCTIONS_JSON = "functions.json";

/**
 * functions.json as Excel is to read it: custom-functions-metadata's output plus the top-level
 * `allowErrorForDataTypeAny: true`, which lets Excel pass an error cell to every parameter of type
 * any (all of ours) instead of answering with the error and never calling the function: without
 * it =SME.REVIEW(A1:K80) over a sheet with one #DIV/0! was #DIV/0!. Microsoft's pages "Handle and
 * return errors from your custom function" and "Manually create JSON metadata for custom
 * functions" place it beside allowCustomDataForDataTypeAny, for the whole file, and say it works
 * only in hand-written metadata: the generator has no JSDoc tag for it. So the build
 * (FinishFunctionsMetadataPlugin) and test/functions (the golden copy) both finish the generated
 * JSON here, in the same key order, which tools/check-build.mjs compares as text.
 */
function finishFunctionsMetadata(generated) {
  const { allowCustomDataForDataTypeAny, ...rest } = generated;
  return { allowCustomDataForDataTypeAny, allowErrorForDataTypeAny: true, ...rest };
}

/** Rewrites the functions.json CustomFunctionsMetadataPlugin emitted through finishFunctionsMetadata. */
class FinishFunctionsMetadataPlugin {
  apply(compiler) {
    const name = "FinishFunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          // Absent when the generator reported errors; webpack already fails the build then.
          const asset = compilation.getAsset(FUNCTIONS_JSON);
          if (!asset) return;
          const generated = JSON.parse(asset.source.source().toString());
          const finished = JSON.stringify(finishFunctionsMetadata(generated), null, 4);
          compilation.updateAsset(FUNCTIONS_JSON, new sources.RawSource(finished));
        }
      );
    });
  }
}

/**
 * office-addin-dev-certs writes its files and then fails on `sudo` under Linux; reuse the files
 * when they exist, else let webpack-dev-server make its own self-signed certificate.
 */
function httpsServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  const ca = path.join(dir, "ca.crt");
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return {
      type: "https",
      options: {
        cert: fs.readFileSync(cert),
        key: fs.readFileSync(key),
        ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
      },
    };
  }
  return "https";
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            {
              loader: "@griffel/webpack-loader",
              options: {
                modules: [{ moduleSource: "@fluentui/react-components", importName: "makeStyles" }],
              },
            },
            // Type-checking is `npm run typecheck`; the bundle only needs transpiling.
            { loader: "ts-loader", options: { transpileOnly: true } },
          ],
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: FUNCTIONS_JSON,
        input: "./src/functions/functions.ts",
      }),
      new FinishFunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/favicon.ico", to: "favicon.ico" },
          { from: "manifest.xml", to: "manifest.xml" },
          // taskpane.html's engine check must reach Internet Explorer 11 as written (ES5): copied,
          // not bundled; `minimized` keeps the production minimizer (it takes every .js asset)
          // off it.
          {
            from: "src/taskpane/legacy/engine-check.js",
            to: "engine-check.js",
            info: { minimized: true },
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: PORT,
      server: httpsServer(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.finishFunctionsMetadata = finishFunctionsMetadata;
