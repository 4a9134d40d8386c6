/** 生成汇总表: the 申报表 sheets in a workbook become 推荐汇总表 rows, per batch and authority. */
import {
  EXAMPLE_A,
  EXAMPLE_B,
  huizongRowOfForm,
  industryOfForm,
  type ShenbaoExample,
} from "../../src/domain";
import { insertHuizong } from "../support/excel";
import { DEFAULT_PANE_SETTINGS } from "../../src/settings/settings";

import { checkInExcel } from "../../src/excel/check";

import { FakeExcel, type SheetSnapshot } from "../officejs";
import { countSyncs } from "../support/syncs";
import { addFilled, hostFor } from "../support/excel";

const sheet = (wb: FakeExcel, name: string): SheetSnapshot => {
  const s = wb.snapshot().sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

const zhejiang2: ShenbaoExample = {
  ...EXAMPLE_A,
  values: {
    ...EXAMPLE_A.values,
    cover_name: "中小企业特色产业集群(汽车零部件产业)",
    name: "浙江省乙县汽车零部件产业集群",
    county: "乙县",
    operator: "乙县汽配产业促进中心",
  },
};

describe("汇总表 from the 申报表 sheets", () => {
  it("derives the industry from the cover's (XX产业) or from the name without its place", () => {
    expect(industryOfForm(zhejiang2.values)).toBe("汽车零部件产业");
    expect(industryOfForm(EXAMPLE_A.values)).toBe("智能泵阀");
    expect(
      industryOfForm({
        name: "北京市海淀区行业应用软件产业集群",
        province: "北京市",
        city: "北京市",
        county: "海淀区",
      })
    ).toBe("行业应用软件");
    expect(
      huizongRowOfForm({ province: "北京市", city: "北京市", county: "海淀区" }).location
    ).toBe("北京市海淀区");
  });

  it("one sheet per authority, rows in form order, in 3 reads and 1 write", async () => {
    const wb = new FakeExcel({ sheets: ["说明"] });
    for (const e of [EXAMPLE_A, EXAMPLE_B, zhejiang2]) await addFilled(wb, e);
    const { result, syncs } = await countSyncs(wb, () =>
      insertHuizong(hostFor(wb), DEFAULT_PANE_SETTINGS)
    );
    expect(syncs.sequence).toBe("rrrwc");
    expect(result.sheets).toEqual([
      { sheet: "推荐汇总表-2022", forms: 2 },
      { sheet: "推荐汇总表-2022 (2)", forms: 1 },
    ]);
    const zj = sheet(wb, "推荐汇总表-2022");
    expect(zj.cells.A1?.value).toBe("附件1");
    expect(zj.cells.C3?.value).toBe("浙江省");
    const row = (r: number): unknown[] =>
      ["B", "C", "D", "E"].map((c) => zj.cells[`${c}${r}`]?.value);
    expect(row(5)).toEqual([
      "浙江省甲县智能泵阀产业集群",
      "甲县产业集群发展促进中心",
      "浙江省示例市甲县",
      "智能泵阀",
    ]);
    expect(row(6)).toEqual([
      "浙江省乙县汽车零部件产业集群",
      "乙县汽配产业促进中心",
      "浙江省示例市乙县",
      "汽车零部件产业",
    ]);
    expect(zj.cells.B7?.value).toBeUndefined();
    expect(sheet(wb, "推荐汇总表-2022 (2)").cells.C3?.value).toBe("江苏省");
    expect(zj.tables.map((t) => t.name)).toEqual(["HZ_2022"]);
    expect(sheet(wb, "推荐汇总表-2022 (2)").tables.map((t) => t.name)).toEqual(["HZ_2022_2"]);
  });

  it("the built 汇总表 passes the check except for what the 申报表 does not hold", async () => {
    const wb = new FakeExcel({ sheets: ["说明"] });
    for (const e of [EXAMPLE_A, zhejiang2]) await addFilled(wb, e);
    await insertHuizong(hostFor(wb), DEFAULT_PANE_SETTINGS);
    const check = await checkInExcel(hostFor(wb), { locale: "zh-CN" });
    const huizong = check.report.sheets.find((s) => s.review.read.form === "huizong");
    const sigs = (huizong?.records ?? []).map((r) => `${r.ruleId}:${r.fieldId}:${r.row ?? ""}`);
    expect(sigs.sort()).toEqual(
      [
        "required:hz_founded:1",
        "required:hz_intro:1",
        "required:hz_founded:2",
        "required:hz_intro:2",
      ].sort()
    );
  });

  it("a workbook without 申报表 gets an empty 汇总表 for the batch and authority set", async () => {
    const wb = new FakeExcel({ sheets: ["Sheet1"] });
    const result = await insertHuizong(hostFor(wb), {
      ...DEFAULT_PANE_SETTINGS,
      batchYear: 2023,
      authority: "深圳市",
    });
    expect(result.sheets).toEqual([{ sheet: "推荐汇总表-2023" }]);
    expect(wb.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1", "推荐汇总表-2023"]);
  });
});
