/** Both string tables whole, for entry points that may say anything in either language (Node, tests). */
import { enUS } from "./en-US";
import { addTable } from "./index";
import { zhCN } from "./zh-CN";

addTable("zh-CN", zhCN);
addTable("en-US", enUS);
