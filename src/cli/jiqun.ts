/**
 * `jiqun`: templates and field lists from the command line (Chinese messages first).
 *   jiqun template shenbao --batch 2024 [--criteria ID|FILE] --out 申报表.xlsx
 *   jiqun template shenbao --example A [--batch 2022] --out 示例A.xlsx
 *   jiqun template huizong --batch 2024 --authority 贵州省 --out 汇总表.xlsx
 *   jiqun fields --batch 2024 [--json]
 *   jiqun criteria [--json]
 *   jiqun check 申报表.xlsx ... [--json] [--out-dir DIR] [--batch YYYY] [--criteria ID|FILE]
 *   jiqun review DIR|FILE... --out DIR [--jobs N] [--json] [--criteria ID|FILE]
 *   jiqun export 申报表.xlsx --out 申报表.docx|申报表.pdf
 * Exit codes: 0 done (check: no errors), 1 check found errors, 2 bad arguments or unreadable input,
 * 3 a full or failing disk (ENOSPC, EDQUOT, EIO) while writing, or for review any write into its
 * folder once started: what was written is whole, no partial file is left, and a review's folder
 * stays marked incomplete.
 */
import "../i18n/all";
import { parseArgs, type ParseArgsConfig } from "node:util";
import {
  batchParams,
  findAuthority,
  isValidBatchYear,
  SHENBAO,
  SHENBAO_EXAMPLES,
  fieldName,
  buildShenbaoPlan,
  type CriteriaPack,
  type ShenbaoExample,
} from "../domain";
import { examplePlan } from "../application/plans";
import { t } from "../i18n";
import { PLAN_TEXT_ZH } from "../i18n/planText";
import { templatePlan, templateXlsx } from "../xlsx/templates";
import { check } from "./check";
import { criteriaCommand, loadCriteria } from "./criteria";
import { exportForms } from "./export";
import { DISK_FAULT_EXIT, fsReason, isDiskFault } from "./faults";
import { writeNew } from "./outputs";
import { review } from "./review/command";
import type { CliIo } from "./io";

export type { CliIo } from "./io";

const USAGE = t("zh-CN", "cli.usage");

const TEXT = { type: "string" } as const;
const FLAG = { type: "boolean" } as const;

/** The options each command takes (推荐单位 only on the 汇总表); undefined: not a command. */
function optionsOf(
  command: string | undefined,
  form: string | undefined
): ParseArgsConfig["options"] | undefined {
  switch (command) {
    case "template":
      return form === "huizong"
        ? { batch: TEXT, example: TEXT, authority: TEXT, out: TEXT, criteria: TEXT }
        : { batch: TEXT, example: TEXT, out: TEXT, criteria: TEXT };
    case "fields":
      return { batch: TEXT, json: FLAG };
    case "criteria":
      return { json: FLAG };
    case "check":
      return { batch: TEXT, json: FLAG, "out-dir": TEXT, criteria: TEXT };
    case "review":
      return { out: TEXT, jobs: TEXT, json: FLAG, criteria: TEXT };
    case "export":
      return { out: TEXT };
    default:
      return undefined;
  }
}

/**
 * An option the command does not take, in words; undefined when there is none. Refused rather
 * than ignored: `template shenbao --authority 四川省` used to write a plain template without a
 * word. Node's parseArgs finds them; a missing value is left to each command's own message.
 */
function unknownOption(args: readonly string[]): string | undefined {
  const [command, form] = args;
  const options = optionsOf(command, form);
  if (!options) return undefined;
  try {
    parseArgs({ args: args.slice(1), options, allowPositionals: true, strict: true });
    return undefined;
  } catch (e) {
    if ((e as { code?: string }).code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") return undefined;
    const option = /'(-[^' ]+)'/u.exec(String((e as Error).message))?.[1] ?? "";
    const name = command === "template" && form ? `${command} ${form}` : (command ?? "");
    return t("zh-CN", "cli.unknownOption", { option, command: name });
  }
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function batchFrom(args: readonly string[], io: CliIo): number | undefined {
  const raw = option(args, "batch");
  const year = Number(raw);
  if (!isValidBatchYear(year)) {
    io.err(t("zh-CN", "cli.badBatch", { value: raw ?? "—" }));
    return undefined;
  }
  return year;
}

/**
 * `--example X`: the example the pane's 填入示例数据 fills, or undefined after an error message.
 * Its data years belong to its own batch, so another --batch would print them under the wrong
 * years: that is refused rather than relabelled.
 */
function exampleFrom(
  args: readonly string[],
  form: "shenbao" | "huizong",
  io: CliIo
): { example: ShenbaoExample; year: number } | undefined {
  const given = option(args, "example");
  const key = given === undefined || given.startsWith("--") ? "" : given;
  if (form !== "shenbao") {
    io.err(t("zh-CN", "cli.exampleForm", { example: key || "A" }));
    return undefined;
  }
  const example = SHENBAO_EXAMPLES.find((e) => e.key === key.toUpperCase());
  if (!example) {
    const examples = SHENBAO_EXAMPLES.map((e) =>
      t("zh-CN", "cli.exampleLine", { key: e.key, title: e.title, batch: e.batchYear })
    ).join("\n");
    io.err(
      key
        ? t("zh-CN", "cli.badExample", { example: key, examples })
        : t("zh-CN", "cli.missingExample", { examples })
    );
    return undefined;
  }
  if (!args.includes("--batch")) return { example, year: example.batchYear };
  const year = batchFrom(args, io);
  if (year === undefined) return undefined;
  if (year !== example.batchYear) {
    const years = batchParams(example.batchYear).dataYears;
    io.err(
      t("zh-CN", "cli.exampleBatch", {
        example: example.key,
        batch: example.batchYear,
        first: years[0] ?? "",
        last: years[years.length - 1] ?? "",
        given: year,
      })
    );
    return undefined;
  }
  return { example, year };
}

/**
 * `--criteria X`: the pack, {} when the option is absent, or undefined after its message. Read
 * before anything is written, so a bad pack leaves no output folder behind.
 */
function criteriaFrom(args: readonly string[], io: CliIo): { pack?: CriteriaPack } | undefined {
  if (!args.includes("--criteria")) return {};
  const given = option(args, "criteria");
  if (given === undefined || given.startsWith("--")) {
    io.err(USAGE);
    return undefined;
  }
  const loaded = loadCriteria(given);
  if ("error" in loaded) {
    io.err(loaded.error);
    return undefined;
  }
  return { pack: loaded.pack };
}

/** A pack for one batch with another batch asked for: said, and true (nothing is done then). */
function otherBatch(pack: CriteriaPack | undefined, year: number | undefined, io: CliIo): boolean {
  const pinned = pack?.batchYear;
  if (pinned === undefined || year === undefined || pinned === year) return false;
  io.err(
    t("zh-CN", "cli.criteriaBatch", { criteria: pack?.id ?? "", expected: pinned, given: year })
  );
  return true;
}

export interface FieldListing {
  readonly id: string;
  readonly label: string;
  readonly section: string;
  readonly kind: string;
  readonly unit?: string;
  readonly years?: readonly number[];
  readonly name: string;
  readonly address: string;
  readonly limit?: number;
}

export function listFields(batchYear: number): FieldListing[] {
  const batch = batchParams(batchYear);
  const plan = buildShenbaoPlan(batch, PLAN_TEXT_ZH);
  return SHENBAO.fields.flatMap((f) => {
    const named = plan.names.find((n) => n.name === fieldName(f.id));
    if (!named) return [];
    const years =
      f.years === "data"
        ? batch.dataYears
        : f.years === "plan"
          ? [batch.dataYears[2], ...batch.planYears]
          : undefined;
    return [
      {
        id: f.id,
        label: f.label,
        section: f.section,
        kind: f.kind,
        ...(f.unit ? { unit: f.unit } : {}),
        ...(years ? { years } : {}),
        name: named.name,
        address: named.address,
        ...(f.limit !== undefined ? { limit: f.limit } : {}),
      },
    ];
  });
}

export async function main(args: readonly string[], io: CliIo): Promise<number> {
  const [command, form] = args;
  const unknown = unknownOption(args);
  if (unknown) {
    io.err(`${unknown}\n${USAGE}`);
    return 2;
  }
  if (command === "template") {
    if (form !== "shenbao" && form !== "huizong") {
      io.err(`${t("zh-CN", "cli.badForm", { form: form ?? "" })}
${USAGE}`);
      return 2;
    }
    const chosen = args.includes("--example") ? exampleFrom(args, form, io) : undefined;
    if (args.includes("--example") && !chosen) return 2;
    const criteria = criteriaFrom(args, io);
    if (!criteria) return 2;
    const pinned = criteria.pack?.batchYear;
    // A pack for one batch gives the batch; --batch or an example of another is refused.
    const year =
      chosen?.year ??
      (pinned !== undefined && !args.includes("--batch") ? pinned : batchFrom(args, io));
    if (year === undefined || otherBatch(criteria.pack, year, io)) return 2;
    const authorityName = option(args, "authority");
    const authority = findAuthority(authorityName);
    if (authorityName !== undefined && !authority) {
      io.err(t("zh-CN", "cli.badAuthority", { authority: authorityName }));
      return 2;
    }
    const out = option(args, "out");
    if (!out) {
      io.err(`${t("zh-CN", "cli.missingOut")}\n${USAGE}`);
      return 2;
    }
    // The same sheets the pane's 填入示例数据 and 插入申报表 / 插入汇总表 add.
    const plan = chosen
      ? examplePlan(chosen.example.key, criteria.pack).plan
      : templatePlan(form, year, authority, criteria.pack);
    try {
      writeNew(out, await templateXlsx(plan));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(
        code === "EEXIST"
          ? t("zh-CN", "cli.exists", { file: out })
          : t("zh-CN", "cli.cannotWrite", { file: out, reason: fsReason(e, "write") })
      );
      return isDiskFault(e) ? DISK_FAULT_EXIT : 2;
    }
    io.out(
      chosen
        ? t("zh-CN", "cli.writtenExample", {
            file: out,
            sheet: plan.sheetName,
            example: chosen.example.key,
            title: chosen.example.title,
          })
        : t("zh-CN", "cli.written", { file: out, sheet: plan.sheetName })
    );
    return 0;
  }
  if (command === "fields") {
    const year = batchFrom(args, io);
    if (year === undefined) return 2;
    const fields = listFields(year);
    if (args.includes("--json")) io.out(JSON.stringify(fields, null, 2));
    else
      for (const f of fields)
        io.out(`${f.name}\t${f.address}\t${f.label}${f.years ? `\t${f.years.join("/")}` : ""}`);
    return 0;
  }
  if (command === "criteria") {
    if (args.length > 1 + (args.includes("--json") ? 1 : 0)) {
      io.err(USAGE);
      return 2;
    }
    return criteriaCommand(io, args.includes("--json"));
  }
  if (command === "check") {
    const valued = new Set(["--out-dir", "--batch", "--criteria"]);
    const files = args
      .slice(1)
      .filter((a, i, rest) => !a.startsWith("--") && !valued.has(rest[i - 1] ?? ""));
    if (files.length === 0) {
      io.err(USAGE);
      return 2;
    }
    let expectedBatch: number | undefined;
    if (args.includes("--batch")) {
      expectedBatch = batchFrom(args, io);
      if (expectedBatch === undefined) return 2;
    }
    const outDir = option(args, "out-dir");
    if (args.includes("--out-dir") && (outDir === undefined || outDir.startsWith("--"))) {
      io.err(USAGE);
      return 2;
    }
    const criteria = criteriaFrom(args, io);
    if (!criteria) return 2;
    if (otherBatch(criteria.pack, expectedBatch, io)) return 2;
    return check(files, io, {
      json: args.includes("--json"),
      ...(outDir ? { outDir } : {}),
      ...(expectedBatch ? { expectedBatch } : {}),
      ...(criteria.pack ? { criteria: criteria.pack } : {}),
    });
  }
  if (command === "review") {
    const valued = new Set(["--out", "--jobs", "--criteria"]);
    const inputs = args
      .slice(1)
      .filter((a, i, rest) => !a.startsWith("--") && !valued.has(rest[i - 1] ?? ""));
    const outDir = option(args, "out");
    const jobs = args.includes("--jobs") ? Number(option(args, "jobs")) : undefined;
    if (
      inputs.length === 0 ||
      !outDir ||
      (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0))
    ) {
      io.err(USAGE);
      return 2;
    }
    const criteria = criteriaFrom(args, io);
    if (!criteria) return 2;
    return review(inputs, io, {
      outDir,
      json: args.includes("--json"),
      ...(jobs ? { jobs } : {}),
      ...(criteria.pack ? { criteria: criteria.pack } : {}),
      tty: io.progress !== undefined,
    });
  }
  if (command === "export") {
    const inputs = args
      .slice(1)
      .filter((a, i, rest) => !a.startsWith("--") && rest[i - 1] !== "--out");
    const out = option(args, "out");
    if (inputs.length !== 1 || !out || out.startsWith("--")) {
      io.err(USAGE);
      return 2;
    }
    return exportForms(inputs[0] as string, out, io);
  }
  io.err(USAGE);
  return 2;
}

if (typeof require !== "undefined" && require.main === module) {
  main(process.argv.slice(2), {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    ...(process.stderr.isTTY ? { progress: (s: string) => void process.stderr.write(s) } : {}),
  }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(t("zh-CN", "cli.internal", { reason: String(e) }));
      process.exit(2);
    }
  );
}
