/** The ribbon actions against the in-memory Excel: what runs, what the user is told. */
import { runCommand, type CommandName } from "../../src/commands/actions";
import { publishStatus, subscribeStatus, type Status } from "../../src/commands/status";
import { batchParams, buildShenbaoPlan } from "../../src/domain";
import { insertPlan } from "../../src/excel/insertPlan";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { DEFAULT_PANE_SETTINGS } from "../../src/settings/settings";
import { FakeExcel } from "../officejs";
import { hostFor } from "../support/excel";

async function run(wb: FakeExcel, name: CommandName): Promise<{ panes: number; said: Status[] }> {
  const said: Status[] = [];
  let panes = 0;
  await runCommand(
    name,
    hostFor(wb),
    {
      showPane: async () => {
        panes++;
      },
      report: (message, intent) => said.push({ message, intent }),
    },
    "zh-CN",
    { ...DEFAULT_PANE_SETTINGS, batchYear: 2024, authority: "贵州省" }
  );
  return { panes, said };
}

describe("ribbon commands", () => {
  it("检查 on a workbook without templates says so and changes nothing", async () => {
    const wb = new FakeExcel();
    const before = wb.snapshot();
    expect(await run(wb, "checkWorkbook")).toEqual({
      panes: 0,
      said: [
        {
          message: expect.stringContaining("没有集群申报助手的申报表") as string,
          intent: "warning",
        },
      ],
    });
    expect(wb.snapshot()).toEqual(before);
  });

  it("检查 then 清除标记 report counts in Chinese", async () => {
    const wb = new FakeExcel();
    const plan = buildShenbaoPlan(batchParams(2022), PLAN_TEXT_ZH);
    await insertPlan(hostFor(wb), plan);
    const area = plan.names
      .find((n) => n.name === "SB_area")
      ?.address.replace(/\$/gu, "") as string;
    wb.seedSheet("申报表-2022").cells({ [area]: 150 });
    const checked = await run(wb, "checkWorkbook");
    expect(checked.said[0]?.intent).toBe("error");
    expect(checked.said[0]?.message).toMatch(
      /^检查完成：1 张工作表，错误 \d+ 项，警告 \d+ 项，提示 \d+ 项。详见「审查结果」工作表。/u
    );
    const cleared = await run(wb, "clearMarks");
    expect(cleared.said[0]?.message).toMatch(
      /^已清除加载项添加的标记：[1-9]\d* 处标记、0 条批注、工作表「审查结果」。$/u
    );
  });

  it("插入申报表 inserts the remembered batch without the pane; 插入汇总表 without forms inserts an empty one for the authority", async () => {
    const wb = new FakeExcel();
    const shenbao = await run(wb, "insertShenbao");
    const huizong = await run(wb, "insertHuizong");
    expect(shenbao.panes + huizong.panes).toBe(0);
    expect(wb.snapshot().sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "申报表-2024",
      "推荐汇总表-2024",
    ]);
    expect(wb.snapshot().sheets[2]?.cells.C3?.value).toBe("贵州省");
    expect(huizong.said.map((s) => s.message)).toEqual(["已插入工作表「推荐汇总表-2024」。"]);
  });

  it("an Excel too old for the check gets the Chinese upgrade message, nothing written", async () => {
    const wb = new FakeExcel({ requirementSets: { ExcelApi: "1.7" } });
    const { said } = await run(wb, "checkWorkbook");
    expect(said).toEqual([
      { message: expect.stringContaining("请升级") as string, intent: "error" },
    ]);
  });

  it("the status list keeps the newest first and tells subscribers", () => {
    const seen: (readonly Status[])[] = [];
    const stop = subscribeStatus((s) => seen.push(s));
    publishStatus({ message: "一", intent: "success" });
    publishStatus({ message: "二", intent: "error" });
    stop();
    publishStatus({ message: "三", intent: "success" });
    expect(
      seen
        .at(-1)
        ?.map((s) => s.message)
        .slice(0, 2)
    ).toEqual(["二", "一"]);
    expect(seen).toHaveLength(3);
  });
});
