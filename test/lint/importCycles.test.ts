/**
 * No module under src/ reaches itself through its imports. A cycle makes the order modules
 * initialise in depend on which one is loaded first (a re-exported function can be undefined when
 * its importer runs), and it hides which layer owns what. Type-only imports count as edges too:
 * they vanish from the bundle but still tie one layer's vocabulary to another's, which is what
 * the layering forbids.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "..", "..");
const src = path.join(root, "src");
const EXTENSIONS = [".ts", ".tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return EXTENSIONS.includes(path.extname(full)) && !full.endsWith(".d.ts") ? [full] : [];
  });
}

/** A relative specifier as the compiler resolves it: the file, with an extension, or its index. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, `index${e}`)),
  ];
  return candidates.find((c) => {
    try {
      return statSync(c).isFile();
    } catch {
      return false;
    }
  });
}

/** Every file a module imports or re-exports from, `import type` and `export type` included. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return [
    ...new Set(
      info.importedFiles.flatMap((f) => {
        const target = resolve(file, f.fileName);
        return target ? [target] : [];
      })
    ),
  ];
}

function importGraph(files: readonly string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, importsOf(f)]));
}

/** Each elementary cycle once, as the list of files from its smallest member round to it again. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components; every component of more than one file (or a file
  // importing itself) holds at least one cycle, and one shortest cycle per edge is reported.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);

  const cycles = new Map<string, string[]>();
  for (const component of components) {
    const inside = new Set(component);
    for (const from of component) {
      for (const to of graph.get(from) ?? []) {
        if (!inside.has(to)) continue;
        // The shortest way back from `to` to `from` closes the cycle through this edge.
        const previous = new Map<string, string>([[to, to]]);
        const queue = [to];
        while (queue.length > 0 && !previous.has(from)) {
          const v = queue.shift() as string;
          for (const w of graph.get(v) ?? []) {
            if (!inside.has(w) || previous.has(w)) continue;
            previous.set(w, v);
            queue.push(w);
          }
        }
        const back: string[] = [];
        for (let v = from; v !== to; v = previous.get(v) as string) back.unshift(v);
        const cycle = [from, to, ...back.slice(0, -1), from].slice(from === to ? 1 : 0);
        const ring = cycle.slice(0, -1);
        const start = ring.indexOf([...ring].sort()[0] as string);
        const canonical = [...ring.slice(start), ...ring.slice(0, start)];
        cycles.set(canonical.join("\n"), [...canonical, canonical[0] as string]);
      }
    }
  }
  return [...cycles.keys()].sort().map((k) => cycles.get(k) as string[]);
}

const relative = (f: string): string => path.relative(root, f).split(path.sep).join("/");

describe("import cycles", () => {
  it("the detector reports each cycle once, from its first file round to it again", () => {
    const a = path.join(src, "x", "a.ts");
    const index = path.join(src, "x", "index.ts");
    const b = path.join(src, "y", "b.ts");
    const graph = new Map([
      [a, [b]],
      [b, [index]],
      [index, [a]],
    ]);
    expect(cyclesOf(graph).map((c) => c.map(relative))).toEqual([
      ["src/x/a.ts", "src/y/b.ts", "src/x/index.ts", "src/x/a.ts"],
    ]);
    expect(cyclesOf(new Map([[a, [a]]]))).toEqual([[a, a]]);
    // Two cycles sharing a file are both listed.
    expect(
      cyclesOf(
        new Map([
          [a, [b, index]],
          [b, [a]],
          [index, [a]],
        ])
      ).map((c) => c.map(relative).join(" → "))
    ).toEqual(["src/x/a.ts → src/x/index.ts → src/x/a.ts", "src/x/a.ts → src/y/b.ts → src/x/a.ts"]);
    expect(
      cyclesOf(
        new Map([
          [a, [b]],
          [b, []],
        ])
      )
    ).toEqual([]);
  });

  it("reads type-only imports, re-exports and index files as edges", () => {
    const indexFile = path.join(src, "i18n", "index.ts");
    const imports = importsOf(path.join(src, "index.ts")).map(relative);
    expect(imports).toContain(relative(indexFile));
    const typeOnly = importsOf(path.join(src, "domain", "rules", "types.ts")).map(relative);
    // `import type { Operator } from "../numbers"`
    expect(typeOnly).toContain("src/domain/numbers.ts");
  });

  const graph = importGraph(sourceFiles(src));

  it("src/ has none", () => {
    const cycles = cyclesOf(graph).map((c) => c.map(relative).join(" → "));
    expect(cycles).toEqual([]);
  });

  it("the string tables load without the domain (the pane's first paint does not carry the forms)", () => {
    const reached = new Set<string>();
    const visit = (f: string): void => {
      if (reached.has(f)) return;
      reached.add(f);
      for (const g of graph.get(f) ?? []) visit(g);
    };
    visit(path.join(src, "i18n", "index.ts"));
    expect([...reached].map(relative).filter((f) => !f.startsWith("src/i18n/"))).toEqual([]);
  });
});
