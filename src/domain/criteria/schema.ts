/**
 * A pack document validated: the structure by a zod schema, the rules against the catalogue (a
 * known id; a threshold where the rule compares a number, none where it does not). Every problem
 * comes back as a PackIssue with its JSON path, never zod's own English.
 */
import { z } from "zod";
import { isValidBatchYear } from "../batch";
import { RULE_IDS, baseRule } from "../rules/catalogue";
import { resolvePack, shapeOf } from "./resolve";
import { PACK_FORMAT, type JsonKind, type PackIssue, type PackParse } from "./types";

type WithoutPath<T> = T extends unknown ? Omit<T, "path"> : never;
/** zod's `params` on our own issues carry the PackIssue, less its path (zod's path is used). */
type IssueBody = WithoutPath<PackIssue>;

const report = (
  ctx: z.core.$RefinementCtx<unknown>,
  body: IssueBody,
  path: PropertyKey[] = []
): void => ctx.addIssue({ code: "custom", message: body.code, path, params: { issue: body } });

/** Cut so that a message stays one line: a 3000-character wording is not worth repeating. */
const MAX_VALUE = 40;

/** A value as JSON, as the user wrote it (strings quoted). */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return [...text].length > MAX_VALUE ? `${[...text].slice(0, MAX_VALUE - 1).join("")}…` : text;
}

export function jsonKind(value: unknown): JsonKind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return typeof value as "string" | "number" | "boolean";
    default:
      return "object";
  }
}

/** 「rules[2].threshold」: keys joined by dots, indices in brackets; "" for the document. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join("");
}

const RULE_KEYS = ["id", "class", "wording", "threshold", "operator", "altThreshold"] as const;
const PACK_KEYS = [
  "format",
  "id",
  "name",
  "programme",
  "level",
  "source",
  "batchYear",
  "review",
  "relaxWest",
  "caps",
  "rules",
] as const;
const CAP_KEYS = ["province", "city", "corps"] as const;
const REVIEW_KEYS = ["recognitionYear"] as const;

const text = z.string().trim().min(1);

const cap = z.number().superRefine((n, ctx) => {
  if (!(Number.isInteger(n) && n > 0)) report(ctx, { code: "cap", value: jsonText(n) });
});

const ruleSchema = z
  .strictObject({
    id: z.string(),
    class: z.enum(["hard", "soft", "gate", "plan", "info"]).optional(),
    wording: text,
    threshold: z.number().optional(),
    operator: z.enum([">=", ">", "<=", "<"]).optional(),
    altThreshold: z.number().optional(),
  })
  .superRefine((rule, ctx) => {
    const base = baseRule(rule.id);
    if (!base) {
      report(ctx, { code: "unknownRule", value: jsonText(rule.id), allowed: RULE_IDS }, ["id"]);
      return;
    }
    const shape = shapeOf(base.criterion);
    const needs = (key: "threshold" | "altThreshold", wanted: boolean): void => {
      if (wanted && rule[key] === undefined) report(ctx, { code: "missing", key });
      if (!wanted && rule[key] !== undefined)
        report(ctx, { code: "notUsed", rule: rule.id, key }, [key]);
    };
    needs("threshold", shape.threshold);
    needs("altThreshold", shape.altThreshold);
    if (!shape.operator && rule.operator !== undefined)
      report(ctx, { code: "notUsed", rule: rule.id, key: "operator" }, ["operator"]);
    if (rule.class !== undefined && !shape.classes.includes(rule.class))
      report(
        ctx,
        { code: "ruleClass", rule: rule.id, value: jsonText(rule.class), allowed: shape.classes },
        ["class"]
      );
  });

const batchYear = z.number().superRefine((y, ctx) => {
  if (!isValidBatchYear(y)) report(ctx, { code: "batchYear", value: jsonText(y) });
});

const packSchema = z
  .strictObject({
    format: z.literal(PACK_FORMAT),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/u),
    name: text,
    programme: text,
    level: z.enum(["国家级", "省级"]),
    source: text.optional(),
    batchYear: batchYear.optional(),
    review: z.strictObject({ recognitionYear: batchYear }).optional(),
    relaxWest: z.boolean(),
    caps: z.strictObject({ province: cap, city: cap, corps: cap }).nullable().optional(),
    rules: z
      .array(ruleSchema)
      .min(1)
      .superRefine((rules, ctx) => {
        const first = new Map<string, number>();
        rules.forEach((rule, i) => {
          const at = first.get(rule.id);
          if (at === undefined) first.set(rule.id, i);
          else
            report(
              ctx,
              { code: "duplicate", value: jsonText(rule.id), first: jsonPath(["rules", at]) },
              [i, "id"]
            );
        });
      }),
  })
  .superRefine((pack, ctx) => {
    // A 复核's data years are the three before the year it is held in: that year must be given,
    // and come after the recognition.
    if (pack.review === undefined) return;
    if (pack.batchYear === undefined) report(ctx, { code: "missing", key: "batchYear" }, []);
    else if (pack.review.recognitionYear >= pack.batchYear)
      report(
        ctx,
        {
          code: "reviewYears",
          value: jsonText(pack.review.recognitionYear),
          batchYear: jsonText(pack.batchYear),
        },
        ["review", "recognitionYear"]
      );
  });

/** The keys an object at `path` takes, for 「未知的字段」. */
function keysAt(path: readonly PropertyKey[]): readonly string[] {
  if (path.length === 0) return PACK_KEYS;
  if (path.length === 1 && path[0] === "caps") return CAP_KEYS;
  if (path.length === 1 && path[0] === "review") return REVIEW_KEYS;
  return RULE_KEYS;
}

/** The value at `path` in the document, for what zod leaves out of an issue. */
function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let v = doc;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function isIssueBody(x: unknown): x is IssueBody {
  return typeof x === "object" && x !== null && typeof (x as { code?: unknown }).code === "string";
}

/** One zod issue as ours; an unrecognized key is one issue per key. */
function issuesOf(issue: z.core.$ZodIssue, doc: unknown): PackIssue[] {
  const path = jsonPath(issue.path);
  const value = valueAt(doc, issue.path);
  switch (issue.code) {
    case "custom": {
      const body: unknown = issue.params?.issue;
      return isIssueBody(body) ? [{ ...body, path } as PackIssue] : [{ code: "invalid", path }];
    }
    case "invalid_type": {
      const key = issue.path[issue.path.length - 1];
      if (value === undefined && key !== undefined)
        return [{ code: "missing", path: jsonPath(issue.path.slice(0, -1)), key: String(key) }];
      return [
        {
          code: "type",
          path,
          expected: issue.expected,
          actual: jsonKind(value),
          value: jsonText(value),
        },
      ];
    }
    case "invalid_value":
      return [
        {
          code: "oneOf",
          path,
          value: jsonText(value),
          allowed: issue.values.map((v) => jsonText(v)),
        },
      ];
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        code: "unknownKey",
        path: jsonPath([...issue.path, key]),
        key,
        allowed: keysAt(issue.path),
      }));
    case "too_small":
      return [{ code: "empty", path }];
    case "invalid_format":
      return issue.path[issue.path.length - 1] === "id" && issue.path.length === 1
        ? [{ code: "packId", path, value: jsonText(value) }]
        : [{ code: "invalid", path }];
    default:
      return [{ code: "invalid", path }];
  }
}

/** A parsed JSON value as a pack, or every problem with it. */
export function parsePack(doc: unknown): PackParse {
  const result = packSchema.safeParse(doc);
  if (result.success) return { ok: true, pack: resolvePack(result.data) };
  return { ok: false, issues: result.error.issues.flatMap((i) => issuesOf(i, doc)) };
}
