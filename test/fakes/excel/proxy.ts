/**
 * The load/sync protocol every fake proxy shares ("Application-specific API model",
 * learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model):
 *   - property reads throw PropertyNotLoaded unless the property was load()ed and a sync() ran after;
 *   - load() is itself a queued command: it captures the state at its place in the queue;
 *   - writes and method calls are queued and applied, in order, at the next sync(); a written
 *     property that this proxy had loaded reads the new value after that sync (real office.js
 *     mirrors a write into the proxy at once; code that reads back its own writes before syncing
 *     is relying on a detail, and the fake makes such code fail);
 *   - objects from getItem()/add()/getRange() are instantiated by a queued command, so a missing
 *     item fails the sync with ItemNotFound; *OrNullObject variants instead set isNullObject,
 *     which "Office automatically loads … when context.sync is called" (no load() needed);
 *   - the loaded properties of a null object read as null; commands on a null object fail;
 *   - an *OrNullObject navigation property (ConditionalFormat.customOrNullObject) is a derived
 *     source with an `isNull` predicate: the fake asks it at sync time, whenever a load or a
 *     command reaches that object or one below it, and isNullObject reads the latest answer
 *     (PropertyNotLoaded before the first such sync).
 * Every proxy is made non-extensible once built, so assigning a property the fake does not model
 * throws a TypeError instead of being silently ignored.
 */
import { fail, notLoaded } from "./errors";
import type { FakeRequestContext } from "./context";
import type { ApiSet } from "./requirements";

export type LoadOption =
  string | readonly string[] | { readonly select?: string; readonly expand?: string };

export function loadPaths(option: LoadOption | undefined): string[] {
  if (option === undefined) return [];
  const split = (s: string): string[] =>
    s
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
  if (typeof option === "string") return split(option);
  if (Array.isArray(option)) return option.flatMap((p: string) => split(p));
  const o = option as { readonly select?: string; readonly expand?: string };
  return [...split(o.select ?? ""), ...split(o.expand ?? "")];
}

export type Source<T> =
  | { readonly kind: "resolved"; readonly target: T }
  | {
      readonly kind: "derived";
      readonly parent: FakeObject<unknown>;
      readonly derive: () => T;
      /** Set for *OrNullObject navigation properties; asked at sync time, after the parent's. */
      readonly isNull?: () => boolean;
    }
  | {
      readonly kind: "lazy";
      readonly resolve: () => T | null;
      readonly location: string;
      readonly api?: ApiSet;
    };

export const resolved = <T>(target: T): Source<T> => ({ kind: "resolved", target });
export const derived = <T>(
  parent: FakeObject<unknown>,
  derive: () => T,
  isNull?: () => boolean
): Source<T> =>
  isNull ? { kind: "derived", parent, derive, isNull } : { kind: "derived", parent, derive };
export const lazy = <T>(location: string, resolve: () => T | null, api?: ApiSet): Source<T> =>
  api ? { kind: "lazy", resolve, location, api } : { kind: "lazy", resolve, location };

export abstract class FakeObject<T> {
  /** Name used in error messages and locations, e.g. "Range". */
  protected abstract readonly typeName: string;
  /** Scalar properties load() can fetch. */
  protected abstract readonly scalarNames: readonly string[];
  /** The requirement set of this object's own properties and commands. */
  protected readonly apiSet: ApiSet | undefined = undefined;

  private target_: T | null | undefined = undefined;
  private synced_ = false;
  /** The last sync-time answer of a derived source's `isNull` (meaningful once synced_). */
  private derivedNull_ = false;
  private readonly loaded_ = new Map<string, unknown>();

  protected constructor(
    readonly context: FakeRequestContext,
    private readonly source: Source<T>
  ) {
    if (source.kind === "resolved") {
      this.target_ = source.target;
      this.synced_ = true;
    } else if (source.kind === "lazy") {
      context.enqueue(
        source.location,
        () => {
          this.target_ = source.resolve();
          this.synced_ = true;
        },
        source.api
      );
    }
  }

  /** Reads one scalar property from the state (called at sync time). */
  protected abstract read(name: string, target: T): unknown;

  /** Navigation properties that load paths may pass through ("format/fill/color"). */
  protected navigation(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }

  /** The state behind this proxy; only valid while a queued command runs. */
  protected target(): T {
    if (this.source.kind === "derived") {
      if (this.source.isNull && this.isNullAtSync())
        fail("ItemNotFound", `The ${this.typeName} is a null object.`, this.typeName);
      return this.source.derive();
    }
    if (this.target_ === undefined)
      throw new Error(`fake: ${this.typeName} used before instantiation`);
    if (this.target_ === null)
      fail("ItemNotFound", `The ${this.typeName} is a null object.`, this.typeName);
    return this.target_;
  }

  /** Whether this object is null now; only valid while a queued command runs. */
  protected isNullAtSync(): boolean {
    const source = this.source;
    if (source.kind !== "derived") return this.target_ === null;
    if (!source.isNull) return source.parent.isNullAtSync();
    // The parent first: the predicate reads the parent's state, which a null parent lacks.
    this.derivedNull_ = source.parent.isNullAtSync() || source.isNull();
    this.synced_ = true;
    return this.derivedNull_;
  }

  get isNullObject(): boolean {
    const source = this.source;
    if (source.kind === "derived" && !source.isNull) return source.parent.isNullObject;
    if (!this.synced_) notLoaded(this.typeName, "isNullObject");
    return source.kind === "derived" ? this.derivedNull_ : this.target_ === null;
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.context.enqueue(`${this.typeName}.load`, () => this.fulfill(paths), this.apiSet);
    return this;
  }

  /** Runs a load at sync time; [] loads every scalar property. */
  fulfill(paths: readonly string[]): void {
    const own: string[] = paths.length === 0 ? [...this.scalarNames] : [];
    for (const p of paths) {
      const [head = "", ...rest] = p.split("/");
      const child = this.navigation(head);
      if (child) {
        this.context.assertApi(child.apiSet, `${child.typeName}.load`);
        child.fulfill(rest.length > 0 ? [rest.join("/")] : []);
        continue;
      }
      if (rest.length > 0 || !this.scalarNames.includes(head)) {
        fail(
          "InvalidArgument",
          `${this.typeName} has no loadable property '${p}'.`,
          `${this.typeName}.load`
        );
      }
      own.push(head);
    }
    const isNull = this.isNullAtSync();
    for (const name of own) {
      this.loaded_.set(name, isNull ? null : structuredClone(this.read(name, this.target())));
    }
  }

  protected setLoaded(name: string, value: unknown): void {
    this.loaded_.set(name, value);
  }

  /** A loaded property, or PropertyNotLoaded. */
  protected loaded<V>(name: string): V {
    if (!this.loaded_.has(name)) notLoaded(this.typeName, name);
    return this.loaded_.get(name) as V;
  }

  /** Queues a property write; `apply` validates and mutates the state at sync time. */
  protected queueSet(name: string, apply: (target: T) => void, api?: ApiSet): void {
    this.context.enqueue(
      `${this.typeName}.${name}`,
      () => {
        const t = this.target();
        apply(t);
        if (this.loaded_.has(name)) this.loaded_.set(name, structuredClone(this.read(name, t)));
      },
      api ?? this.apiSet
    );
  }

  /** Queues a method call. */
  protected queueCall(method: string, run: (target: T) => void, api?: ApiSet): void {
    this.context.enqueue(
      `${this.typeName}.${method}`,
      () => run(this.target()),
      api ?? this.apiSet
    );
  }

  /** Like office.js: a plain object with the loaded properties. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded_);
  }
}

/** A collection proxy: `items` after load; load("name") / load("items/name") load item properties. */
export abstract class FakeCollection<T, I extends FakeObject<unknown>, IT> extends FakeObject<T> {
  protected readonly scalarNames: readonly string[] = ["items"];

  protected abstract itemsOf(target: T): IT[];
  protected abstract makeItem(target: IT): I;

  protected read(): unknown {
    return undefined;
  }

  get items(): I[] {
    return this.loaded<I[]>("items");
  }

  override fulfill(paths: readonly string[]): void {
    const itemPaths: string[] = [];
    for (const p of paths) {
      if (p === "items") continue;
      itemPaths.push(p.startsWith("items/") ? p.slice("items/".length) : p);
    }
    const list = this.isNullAtSync() ? [] : this.itemsOf(this.target());
    const items = list.map((t) => {
      const item = this.makeItem(t);
      item.fulfill(itemPaths);
      return item;
    });
    this.setLoaded("items", items);
  }

  protected count(location: string, api?: ApiSet): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(
      location,
      () => result.resolve(this.itemsOf(this.target()).length),
      api ?? this.apiSet
    );
    return result;
  }
}

/** OfficeExtension.ClientResult: `value` is readable after the sync that ran the command. */
export class FakeClientResult<V> {
  private box: { readonly v: V } | undefined = undefined;

  constructor() {
    Object.preventExtensions(this);
  }

  get value(): V {
    if (!this.box) notLoaded("ClientResult", "value");
    return this.box.v;
  }

  resolve(v: V): void {
    this.box = { v };
  }
}
