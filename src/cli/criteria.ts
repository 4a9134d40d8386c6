/**
 * `jiqun criteria [--json]` and `--criteria <id|FILE>`: the built-in packs listed, and the pack a
 * check or review applies, from a built-in id or a pack file. A file that is not a valid pack is
 * refused whole, every problem named with its JSON path, before anything is read or written.
 */
import { readFileSync, statSync } from "node:fs";
import {
  builtinPacks,
  findBuiltinPack,
  MAX_PACK_BYTES,
  packJson,
  type CriteriaPack,
} from "../domain";
import { parsePack } from "../domain/criteria/schema";
import { t } from "../i18n";
import { packIssueText } from "../i18n/criteria";
import { fsReason } from "./faults";
import type { CliIo } from "./io";

/** One pack in `jiqun criteria --json`. */
export interface PackListing {
  readonly id: string;
  readonly name: string;
  readonly programme: string;
  readonly level: CriteriaPack["level"];
  readonly source?: string;
  readonly batchYear?: number;
  readonly rules: number;
}

export function listPacks(): PackListing[] {
  return builtinPacks().map((p) => ({
    id: p.id,
    name: p.name,
    programme: p.programme,
    level: p.level,
    ...(p.source !== undefined ? { source: p.source } : {}),
    ...(p.batchYear !== undefined ? { batchYear: p.batchYear } : {}),
    rules: p.rules.length,
  }));
}

export function criteriaCommand(io: CliIo, json: boolean): number {
  const packs = listPacks();
  if (json) io.out(JSON.stringify(packs, null, 2));
  else
    for (const p of packs)
      io.out(
        t("zh-CN", "criteria.line", {
          id: p.id,
          level: p.level,
          name: p.name,
          rules: p.rules,
          source: p.source ?? t("zh-CN", "criteria.noSource"),
        })
      );
  return 0;
}

/** The pack `--criteria` names, or the one message saying why there is none. */
export function loadCriteria(
  given: string
): { readonly pack: CriteriaPack } | { readonly error: string } {
  const builtin = findBuiltinPack(given);
  if (builtin) return { pack: builtin };
  let raw: string;
  try {
    const stat = statSync(given, { throwIfNoEntry: false });
    if (!stat) {
      const ids = builtinPacks()
        .map((p) => p.id)
        .join(t("zh-CN", "pack.list.separator"));
      return { error: t("zh-CN", "cli.criteriaUnknown", { criteria: given, ids }) };
    }
    if (stat.isFile() && stat.size > MAX_PACK_BYTES)
      return {
        error: t("zh-CN", "cli.criteriaTooLarge", { file: given, limit: MAX_PACK_BYTES / 1024 }),
      };
    raw = readFileSync(given, "utf8");
  } catch (e) {
    return { error: t("zh-CN", "cli.criteriaUnreadable", { file: given, reason: fsReason(e) }) };
  }
  const json = packJson(raw);
  if ("notJson" in json)
    return { error: t("zh-CN", "cli.criteriaNotJson", { file: given, reason: json.notJson }) };
  const parsed = parsePack(json.doc);
  if (parsed.ok) return { pack: parsed.pack };
  return {
    error: t("zh-CN", "cli.criteriaInvalid", {
      file: given,
      issues: parsed.issues.map((i) => `  ${packIssueText("zh-CN", i)}`).join("\n"),
    }),
  };
}
