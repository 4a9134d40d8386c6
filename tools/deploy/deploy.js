// Where the built add-in is hosted, for webpack.config.js (CommonJS, so webpack's config can
// require it): the base URL every manifest URL is rewritten onto, the support page's URL, and
// whether office.js comes from Microsoft's CDN or from beside the add-in.
//
//   ADDIN_BASE_URL=https://host/jiqun/   (or webpack --env base=…)        default https://localhost:3000/
//   ADDIN_SUPPORT_URL=https://…          (or --env supportUrl=…)           default <base>support.html
//   OFFICE_JS=self | cdn                 (or --env officeJs=…)             default cdn
//
// manifest.xml keeps the development URLs (https://localhost:3000/…); the build copies it to
// dist/ with that origin replaced by the base, so `npm start` and the sideloaded manifest stay as
// they were. Everything else in dist refers to its siblings relatively (taskpane.html's scripts,
// the favicon, webpack's chunks via publicPath "auto"), so a base with a path works.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, like webpack.config.js */
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** The origin and path manifest.xml is written for: the dev server (`npm start`). */
const DEV_BASE = "https://localhost:3000/";

/** Where taskpane.html loads office.js from unless OFFICE_JS=self. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The folder of dist that holds the self-hosted Office.js files. */
const OFFICE_JS_DIR = "office-js";

const OFFICE_JS_SOURCE = path.join(REPO_ROOT, "node_modules", "@microsoft", "office-js", "dist");

/**
 * The Office.js files office.js's loader fetches for this add-in, relative to office.js (the loader
 * takes its base from its own <script src>). Read from the loader (OSF._OfficeAppFactory in
 * office.debug.js) and watched in Chromium with each host's _host_Info:
 * - office.js, the loader.
 * - The host's client library, `excel-<platform>-<version>.js`, the version capped by
 *   OSF.HostSpecificFileVersionMap (excel: win32 16.01, mac/web 16.00). Only the platforms that
 *   have SharedRuntime 1.1, which manifest.xml requires: Windows, Mac and the web (not iPad).
 *   excel-win32-16.00.js is left out: a host reporting 16.00 gets the legacy library, which asks
 *   ajax.aspnetcdn.com for MicrosoftAjax.js anyway.
 * - o15apptofilemappingtable.js, which it loads instead when there is no host info (a plain
 *   browser, as in test/e2e): without it Office.onReady never answers there.
 * - `<locale>/office_strings.js` for Office's UI language as OSF.getSupportedLocale maps it, and
 *   en-us/ when that file does not load. zh-cn and zh-tw (every Chinese UI maps to one of them),
 *   en-us (every English UI, and the fallback); any other language falls back to en-us.
 * - telemetry/oteljs_agave.js, which OTel.OTelLogger loads when its bundled sink is missing; it
 *   logs through the host, not the network. ariatelemetry/ is not copied: the client libraries
 *   ship with AriaLogger.EnableSendingTelemetryWithLegacyAria = false, so nothing loads it.
 */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "excel-win32-16.01.js",
  "excel-mac-16.00.js",
  "excel-web-16.00.js",
  "zh-cn/office_strings.js",
  "zh-tw/office_strings.js",
  "en-us/office_strings.js",
  "telemetry/oteljs_agave.js",
];

class DeployError extends Error {}

/** An https URL ending in exactly one "/", or a DeployError saying what is wrong with `raw`. */
function normaliseBase(raw, what = "ADDIN_BASE_URL") {
  let u;
  try {
    u = new URL(String(raw).trim());
  } catch {
    throw new DeployError(`${what}="${raw}" is not a URL; expected e.g. https://host/jiqun/`);
  }
  if (u.protocol !== "https:")
    throw new DeployError(
      `${what}="${raw}" must use https: Office loads add-ins only over TLS (e.g. https://host/jiqun/)`
    );
  if (u.username || u.password || u.search || u.hash)
    throw new DeployError(`${what}="${raw}" must be a plain https://host/path/ (no user, ? or #)`);
  u.pathname = `${u.pathname}/`.replace(/\/{2,}/gu, "/");
  return u.href;
}

function httpsUrl(raw, what) {
  let u;
  try {
    u = new URL(String(raw).trim());
  } catch {
    throw new DeployError(`${what}="${raw}" is not a URL`);
  }
  if (u.protocol !== "https:") throw new DeployError(`${what}="${raw}" must use https`);
  return u.href;
}

/** `--env name=value` first, else the environment variable; both given and different fails. */
function pick(env, processEnv, envName, varName) {
  const a = env && typeof env[envName] === "string" ? env[envName] : undefined;
  const b = processEnv[varName] || undefined;
  if (a !== undefined && b !== undefined && a !== b)
    throw new DeployError(`--env ${envName}="${a}" and ${varName}="${b}" disagree; give one`);
  return a ?? b;
}

/**
 * The deployment the build is for. Throws DeployError with a message for the person building.
 * @returns {{ base: string, custom: boolean, supportUrl: string, officeJs: "cdn" | "self" }}
 */
function resolveDeployment(env = {}, processEnv = process.env) {
  const rawBase = pick(env, processEnv, "base", "ADDIN_BASE_URL");
  const base = rawBase === undefined ? DEV_BASE : normaliseBase(rawBase);
  const rawSupport = pick(env, processEnv, "supportUrl", "ADDIN_SUPPORT_URL");
  const supportUrl =
    rawSupport === undefined ? `${base}support.html` : httpsUrl(rawSupport, "ADDIN_SUPPORT_URL");
  const officeJs = (pick(env, processEnv, "officeJs", "OFFICE_JS") ?? "cdn").toLowerCase();
  if (officeJs !== "cdn" && officeJs !== "self")
    throw new DeployError(`OFFICE_JS="${officeJs}" must be "cdn" (default) or "self"`);
  return { base, custom: rawBase !== undefined, supportUrl, officeJs };
}

/**
 * manifest.xml for `deployment`: every DEV_BASE URL onto the base, the <SupportUrl> onto the
 * support URL. Throws when the source has no <SupportUrl> to rewrite.
 */
function rewriteManifest(xml, deployment) {
  const support = /(<SupportUrl\s+DefaultValue=")[^"]*(")/u;
  if (!support.test(xml)) throw new DeployError("manifest.xml has no <SupportUrl DefaultValue=…>");
  return xml
    .split(DEV_BASE)
    .join(deployment.base)
    .replace(
      support,
      (_, open, close) => `${open}${escapeAttribute(deployment.supportUrl)}${close}`
    );
}

function escapeAttribute(value) {
  return value.replace(/&/gu, "&amp;").replace(/"/gu, "&quot;").replace(/</gu, "&lt;");
}

/** CopyWebpackPlugin patterns for the self-hosted Office.js (none for the CDN). */
function officeJsCopyPatterns(deployment) {
  if (deployment.officeJs !== "self") return [];
  return OFFICE_JS_FILES.map((file) => ({
    from: path.join(OFFICE_JS_SOURCE, file),
    to: `${OFFICE_JS_DIR}/${file}`,
    // Microsoft's files as published: the production minimizer would take minutes over them and
    // change their bytes.
    info: { minimized: true },
  }));
}

/**
 * With OFFICE_JS=self, taskpane.html loads office.js from beside it (relative, so a base with a
 * path works). The template keeps the CDN tag, which the store requires; this replaces exactly
 * that one src, or fails the build. It also adds `frame-src 'self'`: outside Office the loader's
 * plain-browser file (o15apptofilemappingtable.js) opens a hidden frame on Microsoft's telemetry
 * proxy (telemetryservice.firstpartyapps.oaspapps.com) 3 s after loading, the one request that
 * would leave the add-in's server; the only frames the Excel libraries open themselves come from
 * the office.js folder (AgaveErrorUX), so nothing else is refused.
 */
class OfficeJsSelfPlugin {
  apply(compiler) {
    const name = "OfficeJsSelfPlugin";
    const HtmlWebpackPlugin = require("html-webpack-plugin");
    const { WebpackError } = require("webpack");
    compiler.hooks.compilation.tap(name, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap(name, (data) => {
        const tag = `src="${OFFICE_JS_CDN}"`;
        const count = data.html.split(tag).length - 1;
        if (count !== 1) {
          compilation.errors.push(
            new WebpackError(`${name}: ${data.outputName} has ${count} ${tag}, expected 1`)
          );
          return data;
        }
        data.html = data.html
          .replace(tag, `src="${OFFICE_JS_DIR}/office.js"`)
          .replace(
            /<meta charset="UTF-8"\s*\/?>/iu,
            (m) => `${m}<meta http-equiv="Content-Security-Policy" content="frame-src 'self'">`
          );
        if (!data.html.includes("Content-Security-Policy"))
          compilation.errors.push(new WebpackError(`${name}: no <meta charset> to follow`));
        return data;
      });
    });
  }
}

/**
 * After a production build is written: tools/manifest/validate.mjs on the built manifest, with
 * every URL required under the base and present in the output; with a base not on this machine,
 * no "localhost" may be left in it. Either failure fails the build.
 */
class ValidateBuiltManifestPlugin {
  constructor(deployment) {
    this.deployment = deployment;
  }

  apply(compiler) {
    const name = "ValidateBuiltManifestPlugin";
    const { WebpackError } = require("webpack");
    compiler.hooks.afterEmit.tap(name, (compilation) => {
      const out = compilation.outputOptions.path;
      const file = path.join(out, "manifest.xml");
      if (!fs.existsSync(file)) {
        compilation.errors.push(new WebpackError(`${name}: ${file} was not written`));
        return;
      }
      const run = spawnSync(
        process.execPath,
        [
          path.join(REPO_ROOT, "tools", "manifest", "validate.mjs"),
          "--root",
          out,
          "--base",
          this.deployment.base,
          file,
        ],
        { encoding: "utf8" }
      );
      if (run.status !== 0)
        compilation.errors.push(
          new WebpackError(`${name}: the built manifest is invalid\n${run.stdout}${run.stderr}`)
        );
      const local = ["localhost", "127.0.0.1", "[::1]"].includes(
        new URL(this.deployment.base).hostname
      );
      if (!local && fs.readFileSync(file, "utf8").includes("localhost"))
        compilation.errors.push(
          new WebpackError(
            `${name}: ${file} still mentions localhost (base ${this.deployment.base})`
          )
        );
    });
  }
}

module.exports = {
  DEV_BASE,
  OFFICE_JS_CDN,
  OFFICE_JS_DIR,
  OFFICE_JS_FILES,
  DeployError,
  normaliseBase,
  resolveDeployment,
  rewriteManifest,
  officeJsCopyPatterns,
  OfficeJsSelfPlugin,
  ValidateBuiltManifestPlugin,
};
