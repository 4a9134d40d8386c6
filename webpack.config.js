// One page for the shared runtime: taskpane.html loads the taskpane entry, which loads the
// panels, the custom functions and the ribbon commands' code as chunks of their own.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const deploy = require("./tools/deploy/deploy");
const { Compilation, WebpackError, sources } = require("webpack");

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

/**
 * Excel in Chinese reads functions.zh-CN.json: manifest.xml's Functions.Metadata.Url has it as
 * its zh-CN Override, functions.json (English, from the JSDoc) as its DefaultValue for en-US and
 * every other locale. Excel localises custom functions by one metadata file per language with
 * the same ids in each, and the generator makes only one; so the Chinese file is functions.json
 * with the texts of src/functions/descriptions.zh-CN.json (typed by descriptions.ts).
 */
const FUNCTIONS_ZH_CN_JSON = "functions.zh-CN.json";
const ZH_CN_DESCRIPTIONS = path.resolve(__dirname, "src/functions/descriptions.zh-CN.json");

/**
 * `metadata` with each function's and parameter's description replaced by the one in
 * `descriptions` ({ [id]: { description, parameters: { [name]: text } } }), everything else (ids,
 * names, types, key order) as it is: a formula reads the same in either locale. Throws, listing
 * them all, when a text is missing or empty, or names a function or parameter `metadata` lacks.
 */
function localizeFunctionsMetadata(metadata, descriptions) {
  const problems = [];
  const text = (v) => typeof v === "string" && v.trim() !== "";
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(descriptions))
    if (!ids.has(id)) problems.push(`${id}: no such function`);
  const functions = metadata.functions.map((f) => {
    const d = descriptions[f.id];
    if (!d || !text(d.description)) problems.push(`${f.id}: no description`);
    const given = (d && d.parameters) || {};
    const names = new Set(f.parameters.map((p) => p.name));
    for (const name of Object.keys(given))
      if (!names.has(name)) problems.push(`${f.id}(${name}): no such parameter`);
    const parameters = f.parameters.map((p) => {
      if (!text(given[p.name])) problems.push(`${f.id}(${p.name}): no description`);
      return { ...p, description: given[p.name] };
    });
    return { ...f, description: d && d.description, parameters };
  });
  if (problems.length > 0) throw new Error(`translations incomplete: ${problems.join("; ")}`);
  return { ...metadata, functions };
}

/** functions.zh-CN.json for the finished functions.json, read afresh (the dev server rebuilds). */
function zhCNFunctionsMetadata(finished) {
  const descriptions = JSON.parse(fs.readFileSync(ZH_CN_DESCRIPTIONS, "utf8"));
  try {
    return localizeFunctionsMetadata(finished, descriptions);
  } catch (e) {
    throw new Error(`${path.relative(__dirname, ZH_CN_DESCRIPTIONS)}: ${e.message}`);
  }
}

/**
 * Rewrites the functions.json CustomFunctionsMetadataPlugin emitted through finishFunctionsMetadata
 * and emits functions.zh-CN.json beside it; an incomplete translation fails the build.
 */
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
          const finished = finishFunctionsMetadata(generated);
          compilation.updateAsset(
            FUNCTIONS_JSON,
            new sources.RawSource(JSON.stringify(finished, null, 4))
          );
          compilation.fileDependencies.add(ZH_CN_DESCRIPTIONS);
          try {
            const zhCN = JSON.stringify(zhCNFunctionsMetadata(finished), null, 4);
            compilation.emitAsset(FUNCTIONS_ZH_CN_JSON, new sources.RawSource(zhCN));
          } catch (e) {
            compilation.errors.push(new WebpackError(e.message));
          }
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

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  // ADDIN_BASE_URL, ADDIN_SUPPORT_URL, OFFICE_JS (tools/deploy/deploy.js): a bad value stops here.
  let deployment;
  try {
    deployment = deploy.resolveDeployment(env);
  } catch (e) {
    if (!(e instanceof deploy.DeployError)) throw e;
    console.error(`[build] ${e.message}`);
    process.exit(2);
  }
  return {
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks load relative to taskpane.js's own URL, so dist works under any path (ADDIN_BASE_URL
      // with a path such as https://host/jiqun/); HtmlWebpackPlugin then links them relatively.
      publicPath: "auto",
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
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => deploy.rewriteManifest(content.toString("utf8"), deployment),
          },
          // The manifest's <SupportUrl> unless ADDIN_SUPPORT_URL names another page.
          { from: "src/support/support.html", to: "support.html" },
          ...deploy.officeJsCopyPatterns(deployment),
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
      ...(deployment.officeJs === "self" ? [new deploy.OfficeJsSelfPlugin()] : []),
      // Written to disk only by `webpack` itself (the dev server keeps its output in memory).
      ...(dev ? [] : [new deploy.ValidateBuiltManifestPlugin(deployment)]),
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
module.exports.localizeFunctionsMetadata = localizeFunctionsMetadata;
module.exports.zhCNFunctionsMetadata = zhCNFunctionsMetadata;
