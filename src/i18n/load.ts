/**
 * A locale's whole table, loaded if it is not here yet: in the pane the first chunk has only the
 * first screen's Chinese (zh-CN.first.ts); the rest of zh-CN and all of en-US are chunks of their
 * own.
 */
import { addTable, hasTable, type Locale } from "./index";

export async function loadTable(locale: Locale): Promise<void> {
  if (hasTable(locale)) return;
  if (locale === "zh-CN") {
    const { zhCN } = await import(/* webpackChunkName: "zh-CN" */ "./zh-CN");
    addTable("zh-CN", zhCN);
  } else {
    const { enUS } = await import(/* webpackChunkName: "en-US" */ "./en-US");
    addTable("en-US", enUS);
  }
}
