/**
 * Every user-visible string of the pane comes from the string tables: no Chinese or English
 * words written into the components (comments aside), no JSX text, no literal labels.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "../../src/taskpane");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/u.test(f) ? [p] : [];
  });
}

/** Text right after a tag's ">" (not an arrow "=>"), up to the next tag: JSX text. */
const JSX_TEXT = /(?<![=-])>[ \t]*[A-Za-z\u00c0-\uffff][^<>{}();]*</gu;

const withoutComments = (src: string): string =>
  src.replace(/\/\*[\s\S]*?\*\//gu, "").replace(/(^|[^:])\/\/.*$/gmu, "$1");

describe("task pane strings", () => {
  const sources = files(ROOT).map(
    (f) => [path.relative(ROOT, f), withoutComments(readFileSync(f, "utf8"))] as const
  );

  it("covers the components", () => {
    expect(sources.map(([f]) => f)).toEqual(
      expect.arrayContaining(["App.tsx", "components/FindingsList.tsx"])
    );
  });

  it.each(sources.map(([f, s]) => [f, s]))(
    "%s has no Chinese text outside the tables",
    (_f, src) => {
      expect(src.match(/[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]+/gu) ?? []).toEqual([]);
    }
  );

  it.each(sources.filter(([f]) => f.endsWith(".tsx")).map(([f, s]) => [f, s]))(
    "%s has no JSX text and no literal label attributes",
    (_f, src) => {
      // Text between tags that is not an expression: >Save< or > 保存 <.
      expect(src.match(JSX_TEXT) ?? []).toEqual([]);
      expect(src.match(/\b(label|title|placeholder|aria-label)="[^"]+"/gu) ?? []).toEqual([]);
    }
  );

  it("the checks catch a planted literal", () => {
    const planted = withoutComments('const x = <Button title="保存">保存</Button>; // 注释');
    expect(planted.match(/[\u3400-\u9fff]+/gu)).toEqual(["保存", "保存"]);
    expect(planted.match(JSX_TEXT)).toEqual([">保存<"]);
    expect("const f = (x) => x < 1;".match(JSX_TEXT)).toBeNull();
  });
});
