/**
 * `jiqun`: templates and field lists from the command line (Chinese messages first).
 *   jiqun template shenbao --batch 2024 --out 申报表.xlsx
 *   jiqun template huizong --batch 2024 --authority 贵州省 --out 汇总表.xlsx
 *   jiqun fields --batch 2024 [--json]
 *   jiqun check 申报表.xlsx ... [--json]
 * Exit codes: 0 done (check: no errors), 1 check found errors, 2 bad arguments or unreadable input.
 */
import { writeFileSync } from "node:fs";
import {
  batchParams,
  findAuthority,
  isValidBatchYear,
  SHENBAO,
  fieldName,
  buildShenbaoPlan,
} from "../domain";
import { PLAN_TEXT_ZH } from "../i18n/planText";
import { templatePlan, templateXlsx } from "../xlsx/templates";
import { check } from "./check";
import type { CliIo } from "./io";

export type { CliIo } from "./io";

const USAGE = [
  "用法 / usage:",
  "  jiqun template shenbao --batch <年份> --out <文件.xlsx>",
  "  jiqun template huizong --batch <年份> [--authority <推荐单位>] --out <文件.xlsx>",
  "  jiqun fields --batch <年份> [--json]",
  "  jiqun check <文件.xlsx>... [--json]",
].join("\n");

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function batchFrom(args: readonly string[], io: CliIo): number | undefined {
  const raw = option(args, "batch");
  const year = Number(raw);
  if (!isValidBatchYear(year)) {
    io.err(`批次年份无效:${raw ?? "(未提供)"}。请用 --batch 指定 2022 年及以后的年份。`);
    return undefined;
  }
  return year;
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
  if (command === "template") {
    if (form !== "shenbao" && form !== "huizong") {
      io.err(
        `未知的模板「${form ?? ""}」:只能是 shenbao(申报表)或 huizong(推荐汇总表)。\n${USAGE}`
      );
      return 2;
    }
    const year = batchFrom(args, io);
    if (year === undefined) return 2;
    const authorityName = option(args, "authority");
    const authority = findAuthority(authorityName);
    if (authorityName !== undefined && !authority) {
      io.err(
        `未知的推荐单位:${authorityName}。请填写省级单位、计划单列市或新疆生产建设兵团的名称。`
      );
      return 2;
    }
    const out = option(args, "out");
    if (!out) {
      io.err(`缺少 --out <文件.xlsx>。\n${USAGE}`);
      return 2;
    }
    const plan = templatePlan(form, year, authority);
    try {
      writeFileSync(out, await templateXlsx(plan), { flag: "wx" });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(code === "EEXIST" ? `文件已存在,未覆盖:${out}` : `无法写入 ${out}:${String(e)}`);
      return 2;
    }
    io.out(`已生成 ${out}(${plan.sheetName})`);
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
  if (command === "check") {
    const files = args.slice(1).filter((a) => !a.startsWith("--"));
    if (files.length === 0) {
      io.err(USAGE);
      return 2;
    }
    return check(files, args.includes("--json"), io);
  }
  io.err(USAGE);
  return 2;
}

if (typeof require !== "undefined" && require.main === module) {
  main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`内部错误:${String(e)}`);
      process.exit(2);
    }
  );
}
