/**
 * @jest-environment node
 */
// Tests for tools/manifest/validate.mjs: the real manifest passes, and each deliberately broken
// copy fails with a message that names the problem and the check that caught it ([xml] = not
// well-formed, [xsd] = Microsoft's XML schemas via xmllint-wasm, [semantic] = our own rules).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "..", "..");
const validator = path.join("tools", "manifest", "validate.mjs");
const manifestPath = path.join(repoRoot, "manifest.xml");
const manifest = readFileSync(manifestPath, "utf8");

interface Run {
  status: number | null;
  output: string;
}

function validate(...args: string[]): Run {
  const r = spawnSync(process.execPath, [validator, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Replaces exactly one occurrence; fails loudly if the manifest no longer contains `find`. */
function replaceOnce(text: string, find: string | RegExp, replacement: string): string {
  const count =
    typeof find === "string"
      ? text.split(find).length - 1
      : (text.match(new RegExp(find.source, "g")) ?? []).length;
  if (count !== 1)
    throw new Error(`mutation anchor ${String(find)} found ${count} times in manifest.xml`);
  return text.replace(find, replacement);
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), "manifest-validate-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Writes a broken copy to the temp dir and validates it; icons still resolve against the repo. */
function validateCopy(name: string, text: string): Run {
  const file = path.join(tmp, `${name}.xml`);
  writeFileSync(file, text, "utf8");
  return validate("--root", repoRoot, file);
}

describe("tools/manifest/validate.mjs", () => {
  it("accepts the real manifest.xml", () => {
    const r = validate("manifest.xml");
    expect(r.output).toMatch(/^OK manifest\.xml: valid/m);
    expect(r.status).toBe(0);
  });

  type Case = [name: string, mutate: (m: string) => string, expected: RegExp[]];
  const RUNTIME =
    '<Runtimes>\n          <Runtime resid="Taskpane.Url" lifetime="long"/>\n        </Runtimes>\n';
  const cases: Case[] = [
    [
      "element out of schema order (Permissions before DefaultSettings)",
      (m) =>
        replaceOnce(
          replaceOnce(m, "  <Permissions>ReadWriteDocument</Permissions>\n", ""),
          "  <DefaultSettings>",
          "  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>"
        ),
      [
        /^\s*\[xsd\] .*:\d+: Element 'Permissions': This element is not expected\. Expected is \( DefaultSettings \)/m,
      ],
    ],
    [
      "<Runtimes> not the first child of <Host>",
      (m) =>
        replaceOnce(
          replaceOnce(m, `        ${RUNTIME}`, ""),
          "        </AllFormFactors>\n",
          `        </AllFormFactors>\n        ${RUNTIME}`
        ),
      [/^\s*\[xsd\] .*: Element 'ov:Runtimes': This element is not expected/m],
    ],
    [
      "unknown element",
      (m) => replaceOnce(m, "  <Permissions>", "  <Foo/>\n  <Permissions>"),
      [/^\s*\[xsd\] .*: Element 'Foo': This element is not expected/m],
    ],
    [
      "missing required <Id>",
      (m) => replaceOnce(m, / {2}<Id>[^<]*<\/Id>\n/, ""),
      [
        /^\s*\[xsd\] .*: Element 'Version': This element is not expected\. Expected is \( Id \)/m,
        /^\s*\[semantic\] .*: missing <Id>/m,
      ],
    ],
    [
      "Permissions value not in the enumeration",
      (m) =>
        replaceOnce(
          m,
          "<Permissions>ReadWriteDocument</Permissions>",
          "<Permissions>ReadWriteEverything</Permissions>"
        ),
      [
        /^\s*\[xsd\] .*: Element 'Permissions': \[facet 'enumeration'\] The value 'ReadWriteEverything' is not an element of the set/m,
      ],
    ],
    [
      "Runtime lifetime not in the enumeration",
      (m) => replaceOnce(m, 'lifetime="long"', 'lifetime="forever"'),
      [/^\s*\[xsd\] .*: Element 'ov:Runtime', attribute 'lifetime': \[facet 'enumeration'\]/m],
    ],
    [
      "not well-formed XML",
      (m) => replaceOnce(m, "  </Hosts>\n  <Requirements>", "  </Host>\n  <Requirements>"),
      [/^\s*\[xml\] .*:\d+: not well-formed XML: Opening and ending tag mismatch/m],
    ],
    [
      "bad GUID (braces pass the XSD pattern, not the GUID rule)",
      (m) => replaceOnce(m, /<Id>([^<]*)<\/Id>/, "<Id>{$1}</Id>"),
      [/^\s*\[semantic\] .*:\d+ <Id>: "\{[0-9a-f-]+\}" is not a GUID/m],
    ],
    [
      "GUID with a non-hex digit",
      (m) => replaceOnce(m, /<Id>[0-9a-f]/, "<Id>g"),
      [
        /^\s*\[xsd\] .*: Element 'Id': \[facet 'pattern'\]/m,
        /^\s*\[semantic\] .*<Id>: "g[0-9a-f-]+" is not a GUID/m,
      ],
    ],
    [
      "three-part Version",
      (m) => replaceOnce(m, "<Version>1.0.0.0</Version>", "<Version>1.0.0</Version>"),
      [/^\s*\[semantic\] .*<Version>: "1\.0\.0" must have four numeric parts/m],
    ],
    [
      "http (not https) URL",
      (m) =>
        replaceOnce(
          m,
          'DefaultValue="https://localhost:3000/functions.json"',
          'DefaultValue="http://localhost:3000/functions.json"'
        ),
      [
        /^\s*\[semantic\] .*<bt:Url>: DefaultValue "http:\/\/localhost:3000\/functions\.json" must use https/m,
      ],
    ],
    [
      "undefined resid",
      (m) => replaceOnce(m, '<Label resid="Check.Label"/>', '<Label resid="Check.Lable"/>'),
      [/^\s*\[semantic\] .*<Label>: resid "Check\.Lable" is not defined in <Resources>/m],
    ],
    [
      "resid refers to the wrong kind of resource",
      (m) =>
        replaceOnce(
          m,
          '<Description resid="Check.Tooltip"/>',
          '<Description resid="Check.Label"/>'
        ),
      [
        /^\s*\[semantic\] .*<Description>: resid "Check\.Label" is a bt:ShortStrings entry, but <Description> needs a bt:LongStrings entry/m,
      ],
    ],
    [
      "resid longer than 32 characters",
      (m) => {
        const long = "Functions.Metadata.Url.Is.Too.Long"; // 34 characters
        return replaceOnce(
          replaceOnce(m, '<bt:Url id="Functions.Metadata.Url"', `<bt:Url id="${long}"`),
          'resid="Functions.Metadata.Url"',
          `resid="${long}"`
        );
      },
      [
        /^\s*\[xsd\] .*: \[facet 'maxLength'\] The value 'Functions\.Metadata\.Url\.Is\.Too\.Long' has a length of '34'/m,
        /^\s*\[semantic\] .*resid "Functions\.Metadata\.Url\.Is\.Too\.Long" is 34 characters; the limit is 32/m,
      ],
    ],
    [
      "ShortString over 125 characters",
      (m) =>
        replaceOnce(
          m,
          'DefaultValue="Cluster Declaration"',
          `DefaultValue="${"Cluster Declaration ".repeat(7)}"`
        ),
      [
        /^\s*\[xsd\] .*: \[facet 'maxLength'\] The value .* has a length of '140'/m,
        /^\s*\[semantic\] .*short string DefaultValue is 140 characters; the limit is 125 \(resource "Tab\.Label"\)/m,
      ],
    ],
    [
      "mismatched shared-runtime resid (FunctionFile)",
      (m) =>
        replaceOnce(
          replaceOnce(
            m,
            '<FunctionFile resid="Taskpane.Url"/>',
            '<FunctionFile resid="Commands.Url"/>'
          ),
          '<bt:Url id="Taskpane.Url"',
          '<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>\n        <bt:Url id="Taskpane.Url"'
        ),
      [
        /^\s*\[semantic\] .*<FunctionFile>: FunctionFile resid "Commands\.Url" differs from the shared <Runtime resid="Taskpane\.Url">/m,
      ],
    ],
    [
      "shared runtime without the SharedRuntime requirement set",
      (m) =>
        replaceOnce(
          m,
          '<Set Name="SharedRuntime" MinVersion="1.1"/>',
          '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>'
        ),
      [
        /^\s*\[semantic\] .*<Runtime>: <Runtimes> is present but <Requirements> does not list <Set Name="SharedRuntime"/m,
      ],
    ],
    [
      "invalid custom functions namespace",
      (m) =>
        replaceOnce(
          m,
          '<bt:String id="Functions.Namespace" DefaultValue="SME"/>',
          '<bt:String id="Functions.Namespace" DefaultValue="SME-2"/>'
        ),
      [/^\s*\[semantic\] .*custom functions namespace DefaultValue "SME-2" is invalid/m],
    ],
    [
      "user-visible string without its zh-CN translation",
      (m) => replaceOnce(m, '\n          <bt:Override Locale="zh-CN" Value="检查"/>', ""),
      [/^\s*\[semantic\] .*<bt:String>: string "Check\.Label" has no zh-CN Override/m],
    ],
    [
      "icon file missing from assets/",
      (m) => replaceOnce(m, "assets/check-32.png", "assets/check-33.png"),
      [
        /^\s*\[semantic\] .*"https:\/\/localhost:3000\/assets\/check-33\.png" refers to .*check-33\.png, which does not exist/m,
      ],
    ],
    [
      "icon used at the wrong size",
      (m) =>
        replaceOnce(
          m,
          '<bt:Image id="Check.32x32" DefaultValue="https://localhost:3000/assets/check-32.png"/>',
          '<bt:Image id="Check.32x32" DefaultValue="https://localhost:3000/assets/check-80.png"/>'
        ),
      [/^\s*\[semantic\] .*check-80\.png is 80x80 but is used as a 32x32 icon/m],
    ],
    [
      "no <SupportUrl> (AppSource requires one)",
      (m) => replaceOnce(m, /\n {2}<SupportUrl [^>]*\/>/, ""),
      [
        /^\s*\[semantic\] .*<OfficeApp>: missing <SupportUrl DefaultValue="https:\/\/…"\/> \(AppSource requires it\)/m,
      ],
    ],
    [
      "<SupportUrl> ahead of <HighResolutionIconUrl> (schema order)",
      (m) => {
        const support = /\n {2}<SupportUrl [^>]*\/>/.exec(m)?.[0] ?? "";
        return replaceOnce(
          replaceOnce(m, support, ""),
          "\n  <HighResolutionIconUrl",
          `${support}\n  <HighResolutionIconUrl`
        );
      },
      [
        /^\s*\[xsd\] .*: Element 'HighResolutionIconUrl': This element is not expected\. Expected is one of \( AppDomains, Hosts/m,
      ],
    ],
    [
      "<SupportUrl> over http",
      (m) =>
        replaceOnce(m, '<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://'),
      [
        /^\s*\[semantic\] .*<SupportUrl>: DefaultValue "http:\/\/localhost:3000\/support\.html" must use https/m,
      ],
    ],
  ];

  it.each(cases)("rejects: %s", (name, mutate, expected) => {
    const r = validateCopy(name.replace(/[^a-z0-9]+/gi, "-"), mutate(manifest));
    expect(r.status).toBe(1);
    expect(r.output).toMatch(/^FAIL /m);
    for (const re of expected) expect(r.output).toMatch(re);
  });

  it("every add-in command icon lists all eight sizes Office picks from at each DPI", () => {
    const icons = [...manifest.matchAll(/<Icon>([\s\S]*?)<\/Icon>/gu)].map((m) =>
      [...(m[1] ?? "").matchAll(/size="(\d+)"/gu)].map((s) => Number(s[1]))
    );
    expect(icons).toHaveLength(6); // the group and its five buttons
    for (const sizes of icons) expect(sizes).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
  });

  it("exits 2 when the file does not exist", () => {
    const r = validate(path.join(tmp, "no-such-manifest.xml"));
    expect(r.status).toBe(2);
    expect(r.output).toMatch(/cannot read .*no-such-manifest\.xml: ENOENT/);
  });

  it("exits 2 on a usage error", () => {
    const r = validate();
    expect(r.status).toBe(2);
    expect(r.output).toMatch(/^usage: /m);
  });
});
