/**
 * The criteria pack in the pane's settings: kept valid cheaply by normaliseSettings (no schema),
 * kept with the workbook by the store, and resolved for the actions by criteriaOf (the schema
 * loaded only for the user's own pack).
 */
import { criteriaOf } from "../../src/application/criteria";
import { builtinPacks, findBuiltinPack, YUNNAN_DOCUMENT, YUNNAN_PACK } from "../../src/domain";
import {
  BUILTIN_CRITERIA_IDS,
  reviewCriteriaId,
  DEFAULT_PANE_SETTINGS,
  normaliseSettings,
  type PaneSettings,
} from "../../src/settings/settings";
import { settingsStore, type DocumentSettings } from "../../src/settings/store";
import { criteriaShort } from "../../src/taskpane/components/SettingsPanel";

const MY_DOCUMENT = { ...YUNNAN_DOCUMENT, id: "my-yunnan", name: "我的云南标准" };

describe("normaliseSettings: the criteria pack", () => {
  it("defaults to the batch's national standard", () => {
    expect(normaliseSettings(undefined).criteria).toBe("");
    expect(normaliseSettings({}).criteria).toBe("");
    expect(DEFAULT_PANE_SETTINGS.criteria).toBe("");
    expect("customCriteria" in normaliseSettings({})).toBe(false);
  });

  it("keeps a built-in id one can choose; anything else is the national standard", () => {
    expect(normaliseSettings({ criteria: "yunnan-provincial" }).criteria).toBe("yunnan-provincial");
    for (const criteria of ["foo", "national-2022", 42, null, ["yunnan-provincial"], "fuhe-22-25"])
      expect(normaliseSettings({ criteria }).criteria).toBe("");
  });

  it("a 复核 is offered for the batch three years after a batch, and kept", () => {
    expect(reviewCriteriaId(2025)).toBe("fuhe-2022-2025");
    expect(reviewCriteriaId(2026)).toBe("fuhe-2023-2026");
    expect(reviewCriteriaId(2024)).toBeUndefined();
    expect(findBuiltinPack(reviewCriteriaId(2025) ?? "")?.batchYear).toBe(2025);
    expect(normaliseSettings({ criteria: "fuhe-2022-2025" }).criteria).toBe("fuhe-2022-2025");
  });

  it("keeps the user's pack document when it is an object with a string id, and its id", () => {
    const s = normaliseSettings({ criteria: "my-yunnan", customCriteria: MY_DOCUMENT });
    expect(s.criteria).toBe("my-yunnan");
    expect(s.customCriteria).toBe(MY_DOCUMENT);
    // Chosen or not, a valid-looking document stays; it is validated in full when used.
    expect(normaliseSettings({ customCriteria: { id: "x", rules: "?" } })).toMatchObject({
      criteria: "",
      customCriteria: { id: "x", rules: "?" },
    });
  });

  it.each<[string, unknown]>([
    ["an array", [MY_DOCUMENT]],
    ["null", null],
    ["a string", "my-yunnan"],
    ["an object without an id", { name: "无编号" }],
    ["an object with a numeric id", { id: 7 }],
    ["an object with an empty id", { id: "" }],
  ])("drops a stored pack that is %s, and the choice of it", (_, customCriteria) => {
    const s = normaliseSettings({ criteria: "my-yunnan", customCriteria });
    expect(s.criteria).toBe("");
    expect("customCriteria" in s).toBe(false);
  });

  it("a choice of another id than the stored pack's falls back to the national standard", () => {
    const s = normaliseSettings({ criteria: "other", customCriteria: MY_DOCUMENT });
    expect(s).toMatchObject({ criteria: "", customCriteria: MY_DOCUMENT });
  });

  it("BUILTIN_CRITERIA_IDS are the built-in packs for any batch (national ones follow the batch)", () => {
    expect(BUILTIN_CRITERIA_IDS).toEqual(
      builtinPacks()
        .filter((p) => p.batchYear === undefined)
        .map((p) => p.id)
    );
    for (const id of BUILTIN_CRITERIA_IDS) expect(findBuiltinPack(id)?.id).toBe(id);
  });
});

describe("the settings store keeps the pack with the workbook", () => {
  /** Office's document settings hold JSON: what is read back is a copy. */
  const doc = (): DocumentSettings & { data: Record<string, unknown> } => {
    const data: Record<string, unknown> = {};
    return {
      data,
      get: (k) => (k in data ? (JSON.parse(JSON.stringify(data[k])) as unknown) : null),
      set: (k, v) => (data[k] = JSON.parse(JSON.stringify(v)) as unknown),
      saveAsync: (cb) => cb?.({ status: "succeeded" }),
    };
  };

  it("a saved custom pack and its choice load back as they were", async () => {
    const d = doc();
    const settings: PaneSettings = {
      ...DEFAULT_PANE_SETTINGS,
      batchYear: 2022,
      criteria: "my-yunnan",
      customCriteria: MY_DOCUMENT,
    };
    await settingsStore(d, undefined).save(settings);
    expect(d.data["jiqun.settings"]).toMatchObject({ criteria: "my-yunnan" });
    const loaded = settingsStore(d, undefined).load();
    expect(loaded).toEqual(settings);
    expect(loaded.customCriteria).not.toBe(MY_DOCUMENT);
  });

  it("a built-in choice loads back; without a pack there is no customCriteria key", async () => {
    const d = doc();
    await settingsStore(d, undefined).save({
      ...DEFAULT_PANE_SETTINGS,
      criteria: "yunnan-provincial",
    });
    const loaded = settingsStore(d, undefined).load();
    expect(loaded.criteria).toBe("yunnan-provincial");
    expect("customCriteria" in loaded).toBe(false);
  });
});

describe("criteriaOf", () => {
  const at2022: PaneSettings = { ...DEFAULT_PANE_SETTINGS, batchYear: 2022 };

  it('"" is the national standard: no pack', async () => {
    expect(await criteriaOf(at2022)).toEqual({});
  });

  it("a built-in id is that pack", async () => {
    expect(await criteriaOf({ ...at2022, criteria: "yunnan-provincial" })).toEqual({
      pack: YUNNAN_PACK,
    });
  });

  it("the user's pack, validated", async () => {
    const r = await criteriaOf({ ...at2022, criteria: "my-yunnan", customCriteria: MY_DOCUMENT });
    expect("pack" in r && r.pack?.id).toBe("my-yunnan");
    expect("pack" in r && r.pack?.rules).toEqual(YUNNAN_PACK.rules);
  });

  it("the user's pack with problems: each in words, in the locale asked", async () => {
    const bad = { ...MY_DOCUMENT, relaxWest: "no" };
    expect(await criteriaOf({ ...at2022, criteria: "my-yunnan", customCriteria: bad })).toEqual({
      name: "我的云南标准",
      issues: ['relaxWest：应为布尔值（true 或 false），现为字符串 "no"'],
    });
    expect(
      await criteriaOf({ ...at2022, criteria: "my-yunnan", customCriteria: bad }, "en-US")
    ).toEqual({
      name: "我的云南标准",
      issues: [expect.stringMatching(/^relaxWest: /u)],
    });
  });

  it("an id that is neither built in nor the stored pack's (settings not normalised)", async () => {
    expect(await criteriaOf({ ...at2022, criteria: "nowhere" })).toEqual({
      name: "nowhere",
      issues: [
        "设置中的评审标准 nowhere 既不是内置标准，也不是已载入的评审标准文件；请在设置中重新选择",
      ],
    });
  });

  it("a pack for another batch than the settings'", async () => {
    const r = await criteriaOf({
      ...at2022,
      criteria: "my-yunnan",
      customCriteria: { ...MY_DOCUMENT, batchYear: 2024 },
    });
    expect(r).toEqual({
      name: "我的云南标准",
      issues: [expect.stringContaining("只适用于 2024年度批次，与设置的 2022年度批次不一致")],
    });
  });
});

describe("the settings summary names the 评审标准 in a few words", () => {
  const short = (criteria: string, customCriteria?: unknown): string | undefined =>
    criteriaShort(
      { ...DEFAULT_PANE_SETTINGS, criteria, ...(customCriteria ? { customCriteria } : {}) },
      "zh-CN"
    );

  it("none for the batch's national standard; a short name for the others", () => {
    expect(short("")).toBeUndefined();
    expect(short("yunnan-provincial")).toBe("云南省级认定");
    expect(short("fuhe-2022-2025")).toBe("2022年度认定集群复核");
    expect(short("my-yunnan", MY_DOCUMENT)).toBe("我的云南标准");
    expect(short("my-yunnan", { id: "my-yunnan" })).toBe("my-yunnan");
  });

  it("every built-in pack one can choose has its short name", () => {
    for (const id of BUILTIN_CRITERIA_IDS) {
      expect(short(id)).not.toBe(id);
      expect(short(id)).toMatch(/\p{Script=Han}/u);
    }
  });
});
