#!/usr/bin/env node
// Offline validator for the add-in only (XML) manifest of 集群申报助手.
//
//   node tools/manifest/validate.mjs [--root <dir>] [--base <url>] path/to/manifest.xml
//
// Exit 0 and one "OK" line when valid; exit 1 listing every problem; exit 2 on usage, I/O or
// internal errors (e.g. the vendored schemas do not compile).
//
// Every problem line starts with its source:
//   [xml]      the file is not well-formed XML (reported by libxml2; nothing else is checked)
//   [xsd]      XML Schema validation by libxml2 (xmllint-wasm) against Microsoft's manifest
//              schemas vendored in ./schemas (see ./schemas/README.md)
//   [semantic] rules the XSD cannot express (resource references, https, lengths, shared-runtime
//              wiring, custom-functions namespace, local icon files...), implemented below
//
// --root <dir>: the directory whose assets/ folder is served at https://localhost:<port>/assets/
// (default: the manifest's directory). Used to check that referenced local icons exist.
//
// --base <url>: the manifest is a built one (dist/manifest.xml) for the add-in hosted at <url>
// (an https URL ending in "/"), with <dir> holding what is served there. Every URL but
// <SupportUrl> must then start with <url>, and every URL that does must name a file in <dir>
// (icons also of the right size). The build runs this on what it writes (tools/deploy/deploy.js).

import { readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

const here = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA_DIR = path.join(here, "schemas");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xmlns: "http://www.w3.org/2000/xmlns/",
  xml: "http://www.w3.org/XML/1998/namespace",
};

class UsageError extends Error {}
class InternalError extends Error {}

// ---------------------------------------------------------------------------------------------
// Schema set. The vendored files stay byte-for-byte as published; the few documented changes
// below are applied in memory only. Each must match exactly once, or we stop (exit 2) rather
// than validate against something nobody reviewed.
// ---------------------------------------------------------------------------------------------

const EXTENSION_FILE = "TaskPaneAppVersionOverridesV1_0.Runtimes-extension.xsd";

/** In-memory changes to vendored files. Documented one by one in schemas/README.md. */
const SCHEMA_PATCHES = [
  {
    file: "OfficeAppBasicTypesV1_0.xsd",
    why: 'erratum: "{0,3}?" is not a valid XML Schema regular expression (libxml2 refuses to compile it); Microsoft removed the same stray "?" from the identical pattern in OfficeAppManifestV1_1.xsd',
    find: '<xs:pattern value="([0-9]{1,5})(\\.[0-9]{1,5}){0,3}?"/>',
    replace: '<xs:pattern value="([0-9]{1,5})(\\.[0-9]{1,5}){0,3}"/>',
  },
  {
    file: "TaskPaneAppVersionOverridesV1_0.xsd",
    why: `Runtimes extension: the vendored "Host" type predates <Runtimes>; ${EXTENSION_FILE} supplies the current [MS-OWEMXML] definition`,
    find: /[ \t]*<xs:complexType name="Host" abstract="true">[\s\S]*?<\/xs:complexType>\r?\n/g,
    replace: "",
  },
  {
    file: "TaskPaneAppVersionOverridesV1_0.xsd",
    why: `Runtimes extension: include ${EXTENSION_FILE}`,
    find: '<xs:import schemaLocation="OfficeAppBasicTypesV1_0.xsd" namespace="http://schemas.microsoft.com/office/officeappbasictypes/1.0" />',
    replace:
      '<xs:import schemaLocation="OfficeAppBasicTypesV1_0.xsd" namespace="http://schemas.microsoft.com/office/officeappbasictypes/1.0" />\n' +
      `  <xs:include schemaLocation="${EXTENSION_FILE}" />`,
  },
];

function countMatches(text, find) {
  if (typeof find === "string") return text.split(find).length - 1;
  return (text.match(find) || []).length;
}

function loadSchemas() {
  const read = (f) => {
    try {
      return readFileSync(path.join(SCHEMA_DIR, f), "utf8");
    } catch (e) {
      throw new InternalError(`cannot read schema ${path.join(SCHEMA_DIR, f)}: ${e.message}`);
    }
  };
  const files = {
    "OfficeAppManifestV1_1.xsd": read("OfficeAppManifestV1_1.xsd"),
    "OfficeAppBasicTypesV1_0.xsd": read("OfficeAppBasicTypesV1_0.xsd"),
    "TaskPaneAppVersionOverridesV1_0.xsd": read("TaskPaneAppVersionOverridesV1_0.xsd"),
    [EXTENSION_FILE]: read(EXTENSION_FILE),
    // Served under the name OfficeAppManifestV1_1.xsd imports; see the stub's header.
    "MailAppVersionOverridesV1_0.xsd": read("MailAppVersionOverridesV1_0.stub.xsd"),
  };
  for (const p of SCHEMA_PATCHES) {
    const n = countMatches(files[p.file], p.find);
    if (n !== 1) {
      throw new InternalError(
        `schema patch for ${p.file} matched ${n} times instead of once (${p.why}); the vendored file changed: review schemas/README.md`
      );
    }
    files[p.file] = files[p.file].replace(p.find, p.replace);
  }
  const { "OfficeAppManifestV1_1.xsd": main, ...rest } = files;
  return {
    schema: [{ fileName: "OfficeAppManifestV1_1.xsd", contents: main }],
    preload: Object.entries(rest).map(([fileName, contents]) => ({ fileName, contents })),
  };
}

const NS_SHORT = [
  [`{${NS.app}}`, ""],
  [`{${NS.ov}}`, "ov:"],
  [`{${NS.bt}}`, "bt:"],
];
function shortenNs(s) {
  let out = s;
  for (const [long, short] of NS_SHORT) out = out.split(long).join(short);
  return out;
}

/** Turns xmllint's stderr into problem lines. Parser errors carry 2 extra context lines. */
function parseXmllintOutput(raw, internalName, displayName) {
  const problems = [];
  let wellFormed = true;
  const lines = raw.split("\n");
  const prefix = `${internalName}:`;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.startsWith(prefix)) continue;
    const m = /^[^:]+:(\d+): (.*)$/.exec(line);
    if (!m) continue;
    const [, lineNo, rest] = m;
    const parser = /^(?:namespace |)(?:parser )?error : (.*)$/.exec(rest);
    if (/parser error|namespace error/.test(rest) && parser) {
      wellFormed = false;
      const context = (lines[i + 1] ?? "").trim();
      problems.push(
        `[xml] ${displayName}:${lineNo}: not well-formed XML: ${parser[1]}${context ? `  near: ${context}` : ""}`
      );
      continue;
    }
    const v = /Schemas validity error : (.*)$/.exec(rest);
    if (v) {
      problems.push(`[xsd] ${displayName}:${lineNo}: ${shortenNs(v[1])}`);
      continue;
    }
    // Any other libxml2 diagnostic about the document.
    problems.push(`[xsd] ${displayName}:${lineNo}: ${shortenNs(rest)}`);
  }
  return { problems, wellFormed };
}

async function xsdValidate(xmlText, displayName) {
  const internalName = "manifest.xml";
  const { schema, preload } = loadSchemas();
  let result;
  try {
    result = await validateXML({
      xml: [{ fileName: internalName, contents: xmlText }],
      schema,
      preload,
    });
  } catch (e) {
    const msg = String(e && e.message ? e.message : e);
    if (e && e.code === 1 && msg.includes(`${internalName}:`)) {
      // Not well-formed: xmllint exits 1 and xmllint-wasm rejects with its stderr.
      const parsed = parseXmllintOutput(msg, internalName, displayName);
      if (parsed.problems.length) return { problems: parsed.problems, wellFormed: false };
    }
    throw new InternalError(`xmllint failed (the vendored schemas may not compile):\n${msg}`);
  }
  if (result.valid) return { problems: [], wellFormed: true };
  const parsed = parseXmllintOutput(result.rawOutput, internalName, displayName);
  if (parsed.problems.length === 0)
    parsed.problems.push(`[xsd] ${displayName}: invalid: ${result.rawOutput.trim()}`);
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// A small non-validating XML parser with line numbers and namespace resolution, enough for the
// semantic checks. It only runs on documents libxml2 found well-formed.
// ---------------------------------------------------------------------------------------------

function decodeEntities(s, lineOf, at) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e[1] === "x") return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e[0] === "#") return String.fromCodePoint(parseInt(e.slice(1), 10));
    throw new Error(`unknown entity at line ${lineOf(at)}`);
  });
}

function parseXml(text) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (pos) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (msg, pos) => {
    throw new Error(`${msg} (line ${lineOf(pos)})`);
  };

  const doc = { children: [] };
  const stack = [];
  let scope = { xml: NS.xml, xmlns: NS.xmlns };
  const scopes = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const nameRe = /[^\s/>=]+/y;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const textEnd = lt === -1 ? text.length : lt;
    if (textEnd > i && stack.length) {
      const top = stack[stack.length - 1];
      top.text += decodeEntities(text.slice(i, textEnd), lineOf, i);
    }
    if (lt === -1) break;
    i = lt;
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end === -1) fail("unterminated comment", i);
      i = end + 3;
    } else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i);
      if (end === -1) fail("unterminated CDATA", i);
      if (stack.length) stack[stack.length - 1].text += text.slice(i + 9, end);
      i = end + 3;
    } else if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i);
      if (end === -1) fail("unterminated processing instruction", i);
      i = end + 2;
    } else if (text.startsWith("<!DOCTYPE", i)) {
      const bracket = text.indexOf("[", i);
      const gt = text.indexOf(">", i);
      if (bracket !== -1 && bracket < gt) i = text.indexOf("]>", bracket) + 2;
      else i = gt + 1;
      if (i <= 1) fail("unterminated DOCTYPE", lt);
    } else if (text.startsWith("</", i)) {
      nameRe.lastIndex = i + 2;
      const m = nameRe.exec(text);
      const gt = text.indexOf(">", i);
      const top = stack.pop();
      if (!m || !top || top.qname !== m[0]) fail(`mismatched end tag </${m ? m[0] : ""}>`, i);
      scope = scopes.pop();
      i = gt + 1;
    } else {
      const start = i;
      nameRe.lastIndex = i + 1;
      const m = nameRe.exec(text);
      if (!m) fail("bad start tag", i);
      const qname = m[0];
      let j = nameRe.lastIndex;
      const rawAttrs = [];
      let selfClosing = false;
      for (;;) {
        while (/\s/.test(text[j])) j++;
        if (text[j] === "/" && text[j + 1] === ">") {
          selfClosing = true;
          j += 2;
          break;
        }
        if (text[j] === ">") {
          j += 1;
          break;
        }
        nameRe.lastIndex = j;
        const an = nameRe.exec(text);
        if (!an) fail(`bad attribute in <${qname}>`, j);
        j = nameRe.lastIndex;
        while (/\s/.test(text[j])) j++;
        if (text[j] !== "=") fail(`attribute ${an[0]} without value`, j);
        j++;
        while (/\s/.test(text[j])) j++;
        const q = text[j];
        if (q !== '"' && q !== "'") fail(`unquoted attribute ${an[0]}`, j);
        const end = text.indexOf(q, j + 1);
        if (end === -1) fail("unterminated attribute value", j);
        rawAttrs.push({
          name: an[0],
          value: decodeEntities(text.slice(j + 1, end), lineOf, j),
          pos: j,
        });
        j = end + 1;
      }
      scopes.push(scope);
      const newScope = Object.create(scope);
      for (const a of rawAttrs) {
        if (a.name === "xmlns") newScope[""] = a.value;
        else if (a.name.startsWith("xmlns:")) newScope[a.name.slice(6)] = a.value;
      }
      scope = newScope;
      const split = (n) => {
        const k = n.indexOf(":");
        return k === -1 ? ["", n] : [n.slice(0, k), n.slice(k + 1)];
      };
      const [prefix, local] = split(qname);
      const ns = prefix ? scope[prefix] : scope[""];
      if (prefix && ns === undefined) fail(`undeclared prefix ${prefix}`, start);
      const attrs = {};
      for (const a of rawAttrs) {
        if (a.name === "xmlns" || a.name.startsWith("xmlns:")) continue;
        const [ap, al] = split(a.name);
        const ans = ap ? scope[ap] : "";
        attrs[ap ? `{${ans}}${al}` : al] = a.value;
      }
      const node = {
        qname,
        local,
        ns: ns || "",
        attrs,
        children: [],
        text: "",
        line: lineOf(start),
        parent: stack.length ? stack[stack.length - 1] : doc,
        scope,
      };
      node.parent.children.push(node);
      if (selfClosing) scope = scopes.pop();
      else stack.push(node);
      i = j;
    }
  }
  if (stack.length) fail(`unclosed element <${stack[stack.length - 1].qname}>`, text.length - 1);
  const roots = doc.children;
  if (roots.length !== 1) throw new Error("document must have exactly one root element");
  return roots[0];
}

// ---------------------------------------------------------------------------------------------
// Semantic checks
// ---------------------------------------------------------------------------------------------

function* walk(node) {
  yield node;
  for (const c of node.children) yield* walk(c);
}
const kids = (node, ns, local) => node.children.filter((c) => c.ns === ns && c.local === local);
const kid = (node, ns, local) => kids(node, ns, local)[0];
const xsiType = (node) => {
  const v = node.attrs[`{${NS.xsi}}type`];
  if (v === undefined) return undefined;
  const k = v.indexOf(":");
  return k === -1 ? v : v.slice(k + 1);
};
const chars = (s) => [...s].length;

const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION_RE = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
// Custom functions namespace: at most 32 characters (manifest reference, <Namespace> element);
// the characters and the 3-character minimum follow the custom function id rules
// (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming): starts with a
// letter, only A-Z, 0-9, underscore and period. The namespace prefixes every function in formulas.
const NAMESPACE_RE = /^[A-Za-z][A-Za-z0-9_.]{2,31}$/;
const JS_IDENTIFIER_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ICON_SIZES = new Set(["16", "20", "24", "32", "40", "48", "64", "80"]);
const REQUIRED_ICON_SIZES = ["16", "32", "80"];

function semanticCheck(root, { displayName, assetsRoot, base }) {
  const problems = [];
  const report = (node, msg) =>
    problems.push(
      `[semantic] ${displayName}:${node ? node.line : 0} <${node ? node.qname : "?"}>: ${msg}`
    );
  let checksRun = 0;
  const check = (fn) => {
    checksRun++;
    fn();
  };

  // 1. Root element and add-in type.
  if (root.ns !== NS.app || root.local !== "OfficeApp") {
    report(root, `root element must be <OfficeApp xmlns="${NS.app}">`);
    return { problems, checksRun: 1 };
  }
  if (xsiType(root) !== "TaskPaneApp") {
    report(
      root,
      `xsi:type is "${root.attrs[`{${NS.xsi}}type`] ?? ""}"; this project's manifest must be a TaskPaneApp`
    );
  }
  const vo = kid(root, NS.app, "VersionOverrides") || kid(root, NS.ov, "VersionOverrides");
  const ovNodes = vo ? [...walk(vo)] : [];
  const allNodes = [...walk(root)];

  // 2. Id is a plain GUID.
  check(() => {
    const id = kid(root, NS.app, "Id");
    if (!id) return report(root, "missing <Id> (a GUID)");
    const v = id.text.trim();
    if (!GUID_RE.test(v))
      report(
        id,
        `"${v}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hex digits)`
      );
    else if (/^[0-]+$/.test(v)) report(id, "the nil GUID is not a valid add-in id");
  });

  // 3. Version has four parts.
  check(() => {
    const ver = kid(root, NS.app, "Version");
    if (!ver) return report(root, "missing <Version>");
    const v = ver.text.trim();
    if (!VERSION_RE.test(v))
      report(ver, `"${v}" must have four numeric parts n.n.n.n (e.g. 1.0.0.0)`);
  });

  // Resources: definitions.
  const resources = vo ? kid(vo, NS.ov, "Resources") : undefined;
  const COLLECTIONS = {
    Images: "bt:Images",
    Urls: "bt:Urls",
    ShortStrings: "bt:ShortStrings",
    LongStrings: "bt:LongStrings",
  };
  const defs = new Map(); // id -> { node, coll, value }
  check(() => {
    if (!resources) return;
    for (const [coll, label] of Object.entries(COLLECTIONS)) {
      const c = kid(resources, NS.bt, coll);
      if (!c) continue;
      for (const item of c.children) {
        const id = item.attrs.id;
        if (id === undefined) continue;
        if (chars(id) > 32)
          report(item, `resource id "${id}" is ${chars(id)} characters; the limit is 32`);
        const prev = defs.get(id);
        if (prev)
          report(
            item,
            `resource id "${id}" is defined more than once (also in ${prev.label} at line ${prev.node.line}); ids must be unique`
          );
        else defs.set(id, { node: item, coll, label, value: item.attrs.DefaultValue ?? "" });
      }
    }
  });

  // 4. Every resid is defined, in the collection its element needs, and is <= 32 characters.
  const expectedCollection = (node) => {
    const p = node.parent || {};
    switch (node.local) {
      case "Image":
        return "Images";
      case "SourceLocation":
      case "FunctionFile":
      case "LearnMoreUrl":
      case "Runtime":
        return "Urls";
      case "Label":
      case "Title":
      case "Namespace":
        return "ShortStrings";
      case "Description":
        return p.local === "Supertip" || p.local === "GetStarted" || p.local === "VersionOverrides"
          ? "LongStrings"
          : undefined;
      default:
        return undefined;
    }
  };
  check(() => {
    for (const n of ovNodes) {
      const resid = n.attrs.resid;
      if (resid === undefined) continue;
      if (chars(resid) > 32)
        report(n, `resid "${resid}" is ${chars(resid)} characters; the limit is 32`);
      const def = defs.get(resid);
      const want = expectedCollection(n);
      if (!def) {
        report(
          n,
          `resid "${resid}" is not defined in <Resources>${want ? ` (expected a ${COLLECTIONS[want]} entry)` : ""}`
        );
      } else if (want && def.coll !== want) {
        report(
          n,
          `resid "${resid}" is a ${def.label} entry, but <${n.local}> needs a ${COLLECTIONS[want]} entry`
        );
      }
    }
  });

  // 5. https everywhere.
  const urlValues = []; // { node, value, what }
  for (const n of allNodes) {
    const inUrlSetting =
      (n.ns === NS.app && ["IconUrl", "HighResolutionIconUrl", "SupportUrl"].includes(n.local)) ||
      (n.ns === NS.app && n.local === "SourceLocation") ||
      (n.ns === NS.bt && (n.local === "Image" || n.local === "Url") && n.attrs.id !== undefined);
    if (inUrlSetting) {
      if (n.attrs.DefaultValue !== undefined)
        urlValues.push({ node: n, value: n.attrs.DefaultValue, what: "DefaultValue" });
      for (const o of n.children.filter((c) => c.local === "Override")) {
        if (o.attrs.Value !== undefined)
          urlValues.push({
            node: o,
            value: o.attrs.Value,
            what: `Override ${o.attrs.Locale ?? ""}`.trim(),
          });
      }
    }
  }
  check(() => {
    for (const { node, value, what } of urlValues) {
      let u;
      try {
        u = new URL(value);
      } catch {
        report(node, `${what} "${value}" is not an absolute URL`);
        continue;
      }
      if (u.protocol !== "https:")
        report(node, `${what} "${value}" must use https (add-ins load only over TLS)`);
    }
    for (const d of allNodes.filter((n) => n.ns === NS.app && n.local === "AppDomain")) {
      const v = d.text.trim();
      if (/^[a-z][a-z0-9+.-]*:/i.test(v) && !/^https:/i.test(v)) report(d, `"${v}" must use https`);
    }
  });

  // 6. String length limits (short 125, long 250), including locale overrides.
  check(() => {
    const limit = (node, max, kind) => {
      const vals = [];
      if (node.attrs.DefaultValue !== undefined)
        vals.push(["DefaultValue", node.attrs.DefaultValue, node]);
      for (const o of node.children.filter((c) => c.local === "Override"))
        vals.push([`Override ${o.attrs.Locale ?? ""}`.trim(), o.attrs.Value ?? "", o]);
      for (const [what, v, n] of vals) {
        if (chars(v) > max)
          report(
            n,
            `${kind} ${what} is ${chars(v)} characters; the limit is ${max}${node.attrs.id ? ` (resource "${node.attrs.id}")` : ""}`
          );
        if (chars(v.trim()) === 0) report(n, `${kind} ${what} is empty`);
      }
    };
    const dn = kid(root, NS.app, "DisplayName");
    if (dn) limit(dn, 125, "short string");
    const desc = kid(root, NS.app, "Description");
    if (desc) limit(desc, 250, "long string");
    if (resources) {
      const ss = kid(resources, NS.bt, "ShortStrings");
      const ls = kid(resources, NS.bt, "LongStrings");
      for (const s of ss ? ss.children : []) limit(s, 125, "short string");
      for (const s of ls ? ls.children : []) limit(s, 250, "long string");
    }
  });

  // 7. Unique ids for tabs, groups and controls; FunctionName is a JS identifier; a form factor
  //    with ExecuteFunction actions has a FunctionFile.
  check(() => {
    const seen = new Map();
    for (const n of ovNodes) {
      if (!["CustomTab", "OfficeTab", "Group", "Control", "Item", "OfficeMenu"].includes(n.local))
        continue;
      const id = n.attrs.id;
      if (id === undefined) continue;
      if (n.local === "OfficeTab" || n.local === "OfficeMenu") continue; // built-in ids may repeat across form factors
      const prev = seen.get(id);
      if (prev)
        report(
          n,
          `id "${id}" is already used by <${prev.qname}> at line ${prev.line}; ids must be unique`
        );
      else seen.set(id, n);
    }
    for (const ff of ovNodes.filter(
      (n) => n.local === "DesktopFormFactor" || n.local === "AllFormFactors"
    )) {
      const actions = [...walk(ff)].filter(
        (n) => n.local === "Action" && xsiType(n) === "ExecuteFunction"
      );
      for (const a of actions) {
        const fnNode = kid(a, NS.ov, "FunctionName");
        const fn = fnNode ? fnNode.text.trim() : "";
        if (!JS_IDENTIFIER_RE.test(fn))
          report(
            fnNode || a,
            `FunctionName "${fn}" is not a JavaScript identifier (it must match the name given to Office.actions.associate)`
          );
      }
      if (actions.length && !kid(ff, NS.ov, "FunctionFile")) {
        report(ff, `has ${actions.length} ExecuteFunction action(s) but no <FunctionFile>`);
      }
    }
  });

  // 8. Icons: every <Icon> has the mandatory sizes 16, 32 and 80, sizes are supported and not repeated.
  const imageUses = new Map(); // resid -> Set(size)
  check(() => {
    for (const icon of ovNodes.filter((n) => n.local === "Icon")) {
      const imgs = kids(icon, NS.bt, "Image");
      const sizes = imgs.map((i) => i.attrs.size);
      for (const img of imgs) {
        const s = img.attrs.size;
        if (!ICON_SIZES.has(s))
          report(img, `icon size "${s}" is not supported (use 16, 20, 24, 32, 40, 48, 64 or 80)`);
        if (sizes.filter((x) => x === s).length > 1 && sizes.indexOf(s) !== imgs.indexOf(img))
          report(img, `icon size ${s} is listed twice`);
        if (img.attrs.resid) {
          if (!imageUses.has(img.attrs.resid)) imageUses.set(img.attrs.resid, new Set());
          imageUses.get(img.attrs.resid).add(s);
        }
      }
      const missing = REQUIRED_ICON_SIZES.filter((s) => !sizes.includes(s));
      if (missing.length)
        report(
          icon,
          `missing mandatory icon size(s) ${missing.join(", ")} (each icon needs 16, 32 and 80)`
        );
    }
  });

  // 9. Local icon files exist, are PNGs of the right size (when served from localhost /assets/,
  //    or from under --base).
  /** The file under assetsRoot a URL is served from, or undefined when it is not ours to check. */
  const localFile = (u) => {
    let rel;
    if (base) {
      if (!u.href.startsWith(base)) return undefined;
      rel = decodeURIComponent(u.pathname.slice(new URL(base).pathname.length));
    } else {
      if (
        !["localhost", "127.0.0.1", "[::1]"].includes(u.hostname) ||
        !u.pathname.startsWith("/assets/")
      )
        return undefined;
      rel = decodeURIComponent(u.pathname.slice(1));
    }
    return path.join(assetsRoot, ...rel.split("/"));
  };
  check(() => {
    const checkImage = (node, url, expectSizes) => {
      let u;
      try {
        u = new URL(url);
      } catch {
        return;
      }
      if (/\.ico$/i.test(u.pathname))
        report(node, `"${url}": the ICO format is not supported for add-in icons`);
      const file = localFile(u);
      if (!file) return;
      if (!existsSync(file) || !statSync(file).isFile()) {
        report(
          node,
          `"${url}" refers to ${path.relative(process.cwd(), file) || file}, which does not exist`
        );
        return;
      }
      if (!/\.png$/i.test(file)) return;
      const dim = pngSize(file);
      if (!dim)
        return report(node, `${path.relative(process.cwd(), file)} is not a valid PNG file`);
      for (const s of expectSizes) {
        const n = Number(s);
        if (dim.width !== n || dim.height !== n)
          report(
            node,
            `${path.relative(process.cwd(), file)} is ${dim.width}x${dim.height} but is used as a ${n}x${n} icon`
          );
      }
    };
    const iconUrl = kid(root, NS.app, "IconUrl");
    if (iconUrl) checkImage(iconUrl, iconUrl.attrs.DefaultValue, ["32"]); // task pane: 32 x 32
    const hi = kid(root, NS.app, "HighResolutionIconUrl");
    if (hi) checkImage(hi, hi.attrs.DefaultValue, ["64"]); // task pane: 64 x 64
    const images = resources ? kid(resources, NS.bt, "Images") : undefined;
    for (const img of images ? images.children : []) {
      const sizes = [...(imageUses.get(img.attrs.id) || [])];
      checkImage(img, img.attrs.DefaultValue ?? "", sizes);
      for (const o of img.children.filter((c) => c.local === "Override"))
        checkImage(o, o.attrs.Value ?? "", sizes);
    }
  });

  // 9b. AppSource requires <IconUrl>, <HighResolutionIconUrl> and <SupportUrl> (their order is the
  //     XSD's: IconUrl, HighResolutionIconUrl, SupportUrl, AppDomains, Hosts).
  check(() => {
    for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"])
      if (!kid(root, NS.app, name))
        report(root, `missing <${name} DefaultValue="https://…"/> (AppSource requires it)`);
  });

  // 9c. With --base: every URL but the support page is under the base, and each one under it
  //     names a file of the build.
  check(() => {
    if (!base) return;
    for (const { node, value, what } of urlValues) {
      let u;
      try {
        u = new URL(value);
      } catch {
        continue; // reported by check 5
      }
      const support = node.local === "SupportUrl" || node.parent?.local === "SupportUrl";
      if (!u.href.startsWith(base)) {
        if (!support) report(node, `${what} "${value}" is not under the base ${base}`);
        continue;
      }
      const file = localFile(u);
      if (!existsSync(file) || !statSync(file).isFile())
        report(
          node,
          `${what} "${value}" refers to ${path.relative(process.cwd(), file) || file}, which does not exist`
        );
    }
  });

  // 10. Shared runtime wiring.
  check(() => {
    const setNames = allNodes
      .filter((n) => n.local === "Set" && n.parent && n.parent.local === "Sets")
      .map((n) => n.attrs.Name);
    const hasSharedRuntimeSet = setNames.includes("SharedRuntime");
    const runtimes = ovNodes.filter(
      (n) => n.local === "Runtime" && n.parent && n.parent.local === "Runtimes"
    );
    if (!runtimes.length) {
      if (hasSharedRuntimeSet)
        report(
          root,
          'requires the SharedRuntime set but no <Host> has <Runtimes><Runtime resid="…" lifetime="long"/></Runtimes>'
        );
      return;
    }
    if (!hasSharedRuntimeSet)
      report(
        runtimes[0],
        '<Runtimes> is present but <Requirements> does not list <Set Name="SharedRuntime" MinVersion="1.1"/>'
      );
    if (runtimes.length > 1) report(runtimes[1], "only one <Runtime> element may be defined");
    const rt = runtimes[0];
    const rid = rt.attrs.resid;
    if (rt.attrs.lifetime !== "long")
      report(
        rt,
        `lifetime is "${rt.attrs.lifetime ?? "short (default)"}"; a shared runtime needs lifetime="long"`
      );
    const same = (n, what) => {
      if (n && n.attrs.resid !== rid)
        report(
          n,
          `${what} resid "${n.attrs.resid}" differs from the shared <Runtime resid="${rid}">; the shared runtime will not load unless they match`
        );
    };
    for (const ff of ovNodes.filter((n) => n.local === "FunctionFile")) same(ff, "FunctionFile");
    for (const cf of ovNodes.filter(
      (n) => n.local === "ExtensionPoint" && xsiType(n) === "CustomFunctions"
    )) {
      const page = kid(cf, NS.ov, "Page");
      same(page && kid(page, NS.ov, "SourceLocation"), "custom functions <Page> SourceLocation");
    }
    const taskpaneIds = new Set();
    for (const a of ovNodes.filter((n) => n.local === "Action" && xsiType(n) === "ShowTaskpane")) {
      same(kid(a, NS.ov, "SourceLocation"), "ShowTaskpane SourceLocation");
      const tid = kid(a, NS.ov, "TaskpaneId");
      if (!tid)
        report(
          a,
          "ShowTaskpane needs a <TaskpaneId>: with a shared runtime, a task pane without one counts as a second task pane"
        );
      else taskpaneIds.add(tid.text.trim());
    }
    if (taskpaneIds.size > 1)
      report(
        rt,
        `ShowTaskpane actions use ${taskpaneIds.size} different TaskpaneIds (${[...taskpaneIds].join(", ")}); a shared runtime supports one task pane`
      );
    const def = defs.get(rid);
    const ds = kid(root, NS.app, "DefaultSettings");
    const sl = ds && kid(ds, NS.app, "SourceLocation");
    if (def && sl && sl.attrs.DefaultValue !== def.value) {
      report(
        sl,
        `DefaultValue "${sl.attrs.DefaultValue}" differs from the shared runtime page "${def.value}" (resource "${rid}")`
      );
    }
  });

  // 11. Custom functions: a namespace is present and well-formed.
  let namespaceResid;
  check(() => {
    for (const cf of ovNodes.filter(
      (n) => n.local === "ExtensionPoint" && xsiType(n) === "CustomFunctions"
    )) {
      const nsNode = kid(cf, NS.ov, "Namespace");
      if (!kid(cf, NS.ov, "Metadata"))
        report(cf, "custom functions need a <Metadata> SourceLocation (functions.json)");
      if (!nsNode) {
        report(
          cf,
          'custom functions need a <Namespace resid="…"/>: formulas read =NAMESPACE.FUNCTION(…)'
        );
        continue;
      }
      namespaceResid = nsNode.attrs.resid;
      const def = defs.get(namespaceResid);
      if (!def) continue; // reported by check 4
      const values = [["DefaultValue", def.value]];
      for (const o of def.node.children.filter((c) => c.local === "Override"))
        values.push([`Override ${o.attrs.Locale}`, o.attrs.Value ?? ""]);
      for (const [what, v] of values) {
        if (!NAMESPACE_RE.test(v)) {
          report(
            def.node,
            `custom functions namespace ${what} "${v}" is invalid: 3 to 32 characters, starting with a letter, only A-Z, a-z, 0-9, "_" and "."`
          );
        }
      }
    }
  });

  // 12. Locales: overrides differ from the default locale, appear once per string, and every
  //     user-visible string is translated into every locale used anywhere (project rule: the
  //     add-in ships en-US + zh-CN). The custom functions namespace is exempt (never translated).
  check(() => {
    const defaultLocaleNode = kid(root, NS.app, "DefaultLocale");
    const defaultLocale = defaultLocaleNode ? defaultLocaleNode.text.trim().toLowerCase() : "";
    const localized = [];
    const dn = kid(root, NS.app, "DisplayName");
    if (dn) localized.push(dn);
    const desc = kid(root, NS.app, "Description");
    if (desc) localized.push(desc);
    if (resources) {
      for (const coll of ["ShortStrings", "LongStrings"]) {
        const c = kid(resources, NS.bt, coll);
        for (const s of c ? c.children : []) if (s.attrs.id !== namespaceResid) localized.push(s);
      }
    }
    const allLocales = new Set();
    for (const n of allNodes.filter((x) => x.local === "Override" && x.attrs.Locale))
      allLocales.add(n.attrs.Locale);
    for (const n of allNodes.filter((x) => x.local === "Override" && x.attrs.Locale)) {
      if (n.attrs.Locale.toLowerCase() === defaultLocale)
        report(
          n,
          `Override Locale "${n.attrs.Locale}" is the DefaultLocale; put that text in DefaultValue`
        );
    }
    for (const s of localized) {
      const locs = s.children.filter((c) => c.local === "Override").map((c) => c.attrs.Locale);
      for (const l of allLocales) {
        if (l.toLowerCase() === defaultLocale) continue;
        if (!locs.includes(l))
          report(
            s,
            `${s.attrs.id ? `string "${s.attrs.id}"` : "text"} has no ${l} Override (other user-visible strings are translated to ${l})`
          );
      }
      const dup = locs.find((l, k) => locs.indexOf(l) !== k);
      if (dup) report(s, `has two Overrides for ${dup}`);
    }
  });

  // 13. Hosts agree: every VersionOverrides host is declared in the top-level <Hosts>.
  check(() => {
    const hosts = kid(root, NS.app, "Hosts");
    const declared = new Set(hosts ? kids(hosts, NS.app, "Host").map((h) => h.attrs.Name) : []);
    for (const h of ovNodes.filter(
      (n) => n.local === "Host" && n.parent && n.parent.local === "Hosts"
    )) {
      const t = xsiType(h);
      if (t && !declared.has(t))
        report(
          h,
          `host "${t}" is not declared in the top-level <Hosts> (declared: ${[...declared].join(", ") || "none"})`
        );
    }
  });

  return { problems, checksRun };
}

/** Width/height of a PNG from its IHDR chunk, or undefined. */
function pngSize(file) {
  let buf;
  try {
    buf = readFileSync(file);
  } catch {
    return undefined;
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    buf.length < 24 ||
    !buf.subarray(0, 8).equals(sig) ||
    buf.toString("latin1", 12, 16) !== "IHDR"
  )
    return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  let root;
  let base;
  const files = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === "--root") {
      root = argv[++k];
      if (!root) throw new UsageError("--root needs a directory");
    } else if (a === "--base") {
      base = argv[++k];
      if (!base || !/^https:\/\/[^/]+\/(.*\/)?$/.test(base))
        throw new UsageError("--base needs an https URL ending in /");
    } else if (a === "-h" || a === "--help") {
      throw new UsageError("");
    } else if (a.startsWith("-")) {
      throw new UsageError(`unknown option ${a}`);
    } else files.push(a);
  }
  if (files.length !== 1) throw new UsageError("expected exactly one manifest file");
  return { file: files[0], root, base };
}

async function main() {
  const t0 = performance.now();
  const { file, root, base } = parseArgs(process.argv.slice(2));
  let xmlText;
  try {
    xmlText = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${e.code || e.message}`);
  }
  const rel = path.relative(process.cwd(), path.resolve(file));
  const displayName = rel && !rel.startsWith("..") ? rel : path.resolve(file);
  const assetsRoot = path.resolve(root ?? path.dirname(path.resolve(file)));

  const xsd = await xsdValidate(xmlText, displayName);
  const problems = [...xsd.problems];
  let checksRun = 0;
  if (xsd.wellFormed) {
    let tree;
    try {
      tree = parseXml(xmlText);
    } catch (e) {
      problems.push(`[xml] ${displayName}: ${e.message}`);
    }
    if (tree) {
      const sem = semanticCheck(tree, { displayName, assetsRoot, base });
      const lineOf = (p) => Number((/:(\d+) </.exec(p) || [0, 0])[1]);
      problems.push(
        ...sem.problems
          .map((p, k) => [p, k])
          .sort((a, b) => lineOf(a[0]) - lineOf(b[0]) || a[1] - b[1])
          .map(([p]) => p)
      );
      checksRun = sem.checksRun;
    }
  } else {
    problems.push(
      `[xml] ${displayName}: not well-formed, so the schema and semantic checks were skipped`
    );
  }
  const ms = Math.round(performance.now() - t0);
  if (problems.length) {
    process.stderr.write(
      `FAIL ${displayName}: ${problems.length} problem(s) (${ms} ms)\n${problems.map((p) => `  ${p}`).join("\n")}\n`
    );
    return 1;
  }
  process.stdout.write(
    `OK ${displayName}: valid against the Office add-in manifest XSDs and ${checksRun} semantic checks (${ms} ms)\n`
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`error: ${e.message}\n`);
      process.stderr.write(
        "usage: node tools/manifest/validate.mjs [--root <dir>] [--base <url>] path/to/manifest.xml\n"
      );
    } else {
      process.stderr.write(`internal error: ${e && e.stack ? e.stack : e}\n`);
    }
    process.exitCode = 2;
  }
);
