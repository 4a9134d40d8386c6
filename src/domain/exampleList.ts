/**
 * Which example clusters there are, by key, name, place and batch, without their values: enough
 * for a chooser to list them before the forms and values (examples.ts) have loaded.
 */
export type ExampleKey = "A" | "B" | "C" | "D" | "E";

export interface ListedExample {
  readonly key: ExampleKey;
  readonly title: string;
  readonly province: string;
  readonly county: string;
  /** Every example is a 2022-batch form (data years 2019–2021). */
  readonly batchYear: number;
}

const listed = (key: ExampleKey, title: string, province: string, county: string) =>
  ({ key, title, province, county, batchYear: 2022 }) as const satisfies ListedExample;

export const EXAMPLE_LIST: readonly ListedExample[] = [
  listed("A", "浙江省甲县智能泵阀产业集群", "浙江省", "甲县"),
  listed("B", "江苏省乙县电子元件产业集群", "江苏省", "乙县"),
  listed("C", "甘肃省丙县有色金属深加工产业集群", "甘肃省", "丙县"),
  listed("D", "山东省丁县食品机械产业集群", "山东省", "丁县"),
  listed("E", "河南省戊县化工新材料产业集群", "河南省", "戊县"),
];
