/**
 * The words inside a template (input prompts, error alerts, captions). The template is the
 * official Chinese form, so these are Chinese whatever the UI language; they still live here,
 * not in the domain. Excel caps prompt titles at 32 and messages at 255 characters.
 */
import type { PlanText } from "../domain/plan";

export const PLAN_TEXT_ZH: PlanText = {
  batchLine: (year, dataYears, criteria) =>
    `${year}年度申报 · 近三年数据为 ${dataYears.join("、")} 年 · ${
      criteria === undefined ? "" : `评审标准：${criteria} · `
    }黄色单元格为填写区`,
  screenNote:
    "打印区域(第4行起的A至G列)即官方申报表;H列「选择」填写是/否和勾选项,申报表上显示为☑/□;I列「校核」、第1至3行和表末的测算辅助表只在屏幕上显示,不打印。",
  choiceHeader: "选择(不打印)",
  helperNote:
    "本表为集群申报助手提供的测算辅助表,不属于官方申报表,不打印,用于核对发展目标是否符合要求。",
  derivedHeader: "校核(自动计算)",
  derived: {
    cagrLevels: "年均增速(按产值,RRI)",
    geomeanRates: "年均增速(按各年增速几何平均)",
    per10k: "每万人拥有量(重算)",
    charCount: "字数(自动)",
    cut: "降低幅度",
    rising: "逐年增加",
  },
  prompt: {
    yesno: { title: "请选择", message: "从下拉列表中选择「是」或「否」。" },
    yesnoNA: { title: "请选择", message: "从下拉列表中选择「是」「否」或「不涉及」。" },
    choice: { title: "请选择", message: "从下拉列表中选择一项。" },
    tick: {
      title: "是否开展",
      message: "已开展填「是」,未开展填「否」;勾选的项目需提供佐证材料。",
    },
    amount: { title: "请填写数字", message: "填写不小于 0 的数字,单位见左侧标签。" },
    share: {
      title: "请填写百分数",
      message: "按百分数填写 0 到 100 之间的数字,如 12.5 表示 12.5%,不要填 0.125。",
    },
    rate: {
      title: "请填写增速(%)",
      message: "按百分数填写,如 12.5 表示增长 12.5%,下降填负数,如 -3。",
    },
    count: { title: "请填写数量", message: "填写不小于 0 的整数。" },
    memo: { title: "字数限制", message: "请控制在标签所示字数以内(按字符计,首尾空格不计)。" },
    plan: {
      title: "发展规划(3000字以内)",
      message:
        "在各标题下分别填写;各栏合计不超过3000字(按字符计,标题不计)。单元格高度按建议篇幅设定,某栏内容较多时请拉高该行,以免打印不全。",
    },
  },
  error: {
    yesno: "只能填「是」或「否」。",
    yesnoNA: "只能填「是」「否」或「不涉及」。",
    choice: "请从下拉列表中选择。",
    tick: "只能填「是」或「否」。",
    amount: "请输入不小于 0 的数字。",
    share: "请输入 0 到 100 之间的百分数(如 12.5 表示 12.5%)。",
    rate: "请输入大于 -100 的百分数。",
    count: "请输入不小于 0 的整数。",
    memo: "超出字数限制。",
    plan: "超出字数限制(发展规划各栏合计不超过3000字)。",
  },
  errorTitle: "输入有误",
  legend: {
    title: "图例:",
    error: "红色:不符合认定标准或填表规则",
    warning: "橙色:警告(「一般」要求、「左右」目标、西部地区可适当放宽)",
  },
};
