/**
 * The pane's criteria pack through the Office.js path: Microsoft's Excel client library against
 * the modelled host, the actions run as the pane and the ribbon run them (runAction over the
 * Excel gateway, runCommand with the stored settings). The same filled form (SMALL, with its
 * findings derived by hand in test/support/smallForm.ts) gives SMALL_NATIONAL under the batch's
 * national standard and SMALL_YUNNAN under 云南's pack, built in or loaded as the user's own file;
 * a pack that cannot be used changes nothing in the workbook and makes no Excel request at all.
 */
import {
  describeOutcome,
  type ActionName,
  type CheckOutcome,
  type Outcome,
} from "../../src/application";
import { commandOutcome } from "../../src/commands/actions";
import {
  batchParams,
  buildShenbaoPlan,
  withFormValues,
  reviewPack,
  YUNNAN_DOCUMENT,
  YUNNAN_PACK,
  type CriteriaPack,
} from "../../src/domain";
import { parsePack } from "../../src/domain/criteria/schema";
import { insertPlan } from "../../src/excel/insertPlan";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { DEFAULT_PANE_SETTINGS, type PaneSettings } from "../../src/settings/settings";
import { excelGateway } from "../../src/taskpane/gateway/excelGateway";
import { FakeExcel, hostFor } from "../officejs";
import { on } from "../support/actions";
import { FUHE, FUHE_REVIEW, sig, SMALL, SMALL_NATIONAL, SMALL_YUNNAN } from "../support/smallForm";
import { countSyncs } from "../support/syncs";

const MISMATCH = "criteria_mismatch/warning/-";

const SETTINGS_2022: PaneSettings = { ...DEFAULT_PANE_SETTINGS, batchYear: 2022 };
const NATIONAL: PaneSettings = { ...SETTINGS_2022, criteria: "" };
const YUNNAN: PaneSettings = { ...SETTINGS_2022, criteria: "yunnan-provincial" };

/** 云南's pack as the user's own file: the same document under another id and name. */
const MY_DOCUMENT = { ...YUNNAN_DOCUMENT, id: "my-yunnan", name: "我的云南标准" };
const MINE: PaneSettings = { ...SETTINGS_2022, criteria: "my-yunnan", customCriteria: MY_DOCUMENT };

const myPack = (): CriteriaPack => {
  const parsed = parsePack(MY_DOCUMENT);
  if (!parsed.ok) throw new Error("MY_DOCUMENT is not a pack");
  return parsed.pack;
};

/** A workbook holding one 申报表 of 2022 built with `pack` (absent: national) and filled with SMALL. */
async function smallWorkbook(pack?: CriteriaPack): Promise<FakeExcel> {
  const wb = new FakeExcel({ sheets: ["我的数据"] });
  await insertPlan(
    hostFor(wb, "web"),
    withFormValues(buildShenbaoPlan(batchParams(2022), PLAN_TEXT_ZH, pack), SMALL)
  );
  return wb;
}

const check = (wb: FakeExcel, settings: PaneSettings): Promise<CheckOutcome> =>
  on(excelGateway(hostFor(wb, "web"), "zh-CN")).check(settings);

/** The 申报表's records, without those of other sheets (there are none, but say so). */
const sigs = (o: CheckOutcome): string[] =>
  o.records.filter((r) => r.sheet === "申报表-2022").map(sig);

describe("one filled form, two criteria packs, through Office.js", () => {
  it('the national standard (criteria ""): SMALL_NATIONAL', async () => {
    const wb = await smallWorkbook();
    const o = await check(wb, NATIONAL);
    expect(o.findingsSheet).toBe("审查结果");
    expect(sigs(o)).toEqual(SMALL_NATIONAL);
  });

  it("云南 on a 云南 template: SMALL_YUNNAN, and 「审查结果」 names the pack", async () => {
    const wb = await smallWorkbook(YUNNAN_PACK);
    const o = await check(wb, YUNNAN);
    expect(sigs(o)).toEqual(SMALL_YUNNAN);
    const findings = wb.snapshot().sheets.find((s) => s.name === "审查结果");
    expect(Object.values(findings?.cells ?? {}).map((c) => String(c.value))).toContainEqual(
      expect.stringContaining(
        "评审标准：云南省省级中小企业特色产业集群认定标准（yunnan-provincial）"
      )
    );
  });

  it("云南 on the national template: the mismatch warning first, then SMALL_YUNNAN", async () => {
    const wb = await smallWorkbook();
    expect(sigs(await check(wb, YUNNAN))).toEqual([MISMATCH, ...SMALL_YUNNAN]);
  });

  it("the ribbon's 检查 applies the stored pack too", async () => {
    const wb = await smallWorkbook(YUNNAN_PACK);
    const o = await commandOutcome("checkWorkbook", hostFor(wb, "web"), "zh-CN", YUNNAN);
    expect(o.kind).toBe("checked");
    expect(sigs(o as CheckOutcome)).toEqual(SMALL_YUNNAN);
    const national = await commandOutcome("checkWorkbook", hostFor(wb, "web"), "zh-CN", NATIONAL);
    expect(sigs(national as CheckOutcome)).toEqual([MISMATCH, ...SMALL_NATIONAL]);
  });

  it("云南 as the user's own pack file gives what the built-in gives", async () => {
    const wb = await smallWorkbook(myPack());
    const mine = await check(wb, MINE);
    expect(sigs(mine)).toEqual(SMALL_YUNNAN);
    const builtin = await check(await smallWorkbook(YUNNAN_PACK), YUNNAN);
    const words = (o: CheckOutcome) => o.records.map((r) => [sig(r), r.message, r.threshold]);
    expect(words(mine)).toEqual(words(builtin));
  });

  it("插入申报表 with a pack: the new sheet is the pack's, and checks without a warning", async () => {
    const wb = new FakeExcel();
    const inserted = await on(excelGateway(hostFor(wb, "web"), "zh-CN")).insertShenbao(MINE);
    expect(inserted).toEqual({ kind: "inserted", sheets: [{ sheet: "申报表-2022" }] });
    const texts = Object.values(
      wb.snapshot().sheets.find((s) => s.name === "申报表-2022")?.cells ?? {}
    ).map((c) => String(c.value));
    expect(texts).toContainEqual(expect.stringContaining("评审标准：我的云南标准"));
    expect(sigs(await check(wb, MINE))).not.toContain(MISMATCH);
  });
});

describe("a pack that cannot be used: nothing changes, no request is made", () => {
  const bad = {
    ...MY_DOCUMENT,
    rules: MY_DOCUMENT.rules.map((r, i) =>
      i === 0
        ? { ...r, id: "foo" }
        : i === 1
          ? { ...r, threshold: undefined }
          : i === 2
            ? { ...r, threshold: "abc" }
            : r
    ),
  };
  const BAD: PaneSettings = { ...SETTINGS_2022, criteria: "my-yunnan", customCriteria: bad };
  const ACTIONS: readonly ActionName[] = ["insertShenbao", "insertHuizong", "fillExample", "check"];

  it.each(ACTIONS)("%s: criteriaInvalid with each problem at its JSON path", async (action) => {
    const wb = await smallWorkbook();
    const before = wb.snapshot();
    const gateway = excelGateway(hostFor(wb, "web"), "zh-CN");
    const { result, syncs } = await countSyncs(wb, () =>
      gateway.run(action, { settings: BAD, example: "B", locale: "zh-CN" })
    );
    expect(syncs.requests).toHaveLength(0);
    expect(wb.snapshot()).toEqual(before);
    expect(result.kind).toBe("criteriaInvalid");
    const { issues } = result as Extract<Outcome, { kind: "criteriaInvalid" }>;
    expect(issues).toContainEqual(
      expect.stringMatching(
        /^rules\[0\]\.id：未知的规则编号 "foo"（可用：output_each_year_min_40、/u
      )
    );
    expect(issues).toContain("rules[1]：缺少 threshold");
    expect(issues).toContain('rules[2].threshold：应为数字，现为字符串 "abc"');
    const said = describeOutcome(result, "zh-CN");
    expect(said.intent).toBe("error");
    expect(said.text.split("\n")[0]).toBe("评审标准「我的云南标准」有误，工作簿未作任何更改：");
    expect(said.text.split("\n").slice(1)).toEqual(issues);
  });

  it("the ribbon's commands refuse it the same way", async () => {
    const wb = await smallWorkbook();
    const before = wb.snapshot();
    const { result, syncs } = await countSyncs(wb, () =>
      commandOutcome("checkWorkbook", hostFor(wb, "web"), "zh-CN", BAD)
    );
    expect(result.kind).toBe("criteriaInvalid");
    expect(syncs.requests).toHaveLength(0);
    expect(wb.snapshot()).toEqual(before);
  });

  it("a valid pack for another batch: refused, naming both years", async () => {
    const wb = await smallWorkbook();
    const before = wb.snapshot();
    const for2023: PaneSettings = {
      ...MINE,
      customCriteria: { ...MY_DOCUMENT, batchYear: 2023 },
    };
    const { result, syncs } = await countSyncs(wb, () =>
      excelGateway(hostFor(wb, "web"), "zh-CN").run("check", {
        settings: for2023,
        example: "B",
        locale: "zh-CN",
      })
    );
    expect(syncs.requests).toHaveLength(0);
    expect(wb.snapshot()).toEqual(before);
    expect(result).toEqual({
      kind: "criteriaInvalid",
      criteria: "我的云南标准",
      issues: [
        "评审标准「我的云南标准」只适用于 2023年度批次，与设置的 2022年度批次不一致；请在设置中改选批次或评审标准",
      ],
    });
  });
});

describe("复核 through Office.js: the clusters recognised in 2022, reviewed in 2025", () => {
  it("FUHE in a 2025 form: the hand-derived findings, 复核结果 and a 复核结论 table", async () => {
    const wb = new FakeExcel({ sheets: ["我的数据"] });
    await insertPlan(
      hostFor(wb, "web"),
      withFormValues(buildShenbaoPlan(batchParams(2025), PLAN_TEXT_ZH, reviewPack(2022)), FUHE)
    );
    const settings: PaneSettings = {
      ...DEFAULT_PANE_SETTINGS,
      batchYear: 2025,
      criteria: "fuhe-2022-2025",
    };
    const o = await check(wb, settings);
    expect(o.records.filter((r) => r.sheet === "申报表-2025").map(sig)).toEqual(FUHE_REVIEW);
    const texts = Object.values(
      wb.snapshot().sheets.find((s) => s.name === "审查结果")?.cells ?? {}
    ).map((c) => String(c.value));
    expect(texts).toContain("集群申报助手 · 复核结果");
    expect(texts).toContain("复核结论 · 申报表-2025");
    expect(texts).toContain("近三年产值均在40亿元以上");
    // Under the national standard of 2025 the same form is an application: plan and 省级认定 too.
    const national = await check(wb, { ...settings, criteria: "" });
    expect(national.records.map(sig)).toEqual(
      expect.arrayContaining(["gate_provincial_recognition/error/-", "criteria_mismatch/warning/-"])
    );
  });
});
