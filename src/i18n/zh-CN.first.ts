/**
 * The zh-CN strings of the pane's first screen (frame, guide, settings summary, actions, what
 * can fail before anything else has loaded): the only words in the pane's first chunk. The rest of
 * the table (zh-CN.ts) comes with the panels and the actions' code. A key belongs here when code
 * in the first chunk says it before those have loaded; test/i18n/firstScreen.test.tsx renders the
 * first screen with these strings alone.
 */
export const zhCNFirst = {
  "app.name": "集群申报助手",
  "app.tagline": "中小企业特色产业集群申报：官方模板、认定标准检查、自定义函数",
  "host.outsideOffice": "当前不在 Excel 中运行：助手使用内存中的示例工作簿。",
  "host.ready": "已连接 Excel。",
  "host.missingRequirement": "此版本的 Excel 不支持 {feature}，相关操作已停用。",
  "pane.loading": "正在加载…",
  "pane.settings.title": "设置",
  "pane.settings.authorityNone": "未选择",
  "pane.settings.saved": "设置已保存到此工作簿，并作为新工作簿的默认值。",
  "pane.settings.savedLocal": "设置已保存为本机默认值。",
  "pane.guide.title": "三步完成申报材料",
  "pane.guide.step1": "设置批次和推荐单位：点「修改设置」选择，插入的模板随批次而定。",
  "pane.guide.step2": "插入申报表并填写：浅黄色单元格是填写处，是/否和勾选项从下拉列表选。",
  "pane.guide.step3": "检查并逐项处理：点「检查」，用「上一处」「下一处」逐条定位到单元格修改。",
  "pane.guide.dismiss": "知道了",
  "pane.settings.summary": "{year}年度批次 · 推荐单位：{authority} · 西部地区：{western}",
  "pane.settings.summary.criteria": " · 评审标准：{name}",
  "pane.settings.criteria.short.yunnan-provincial": "云南省级认定",
  "pane.settings.criteria.short.review": "{recognised}年度认定集群复核",
  "pane.settings.western.warn.short": "未达标显示为警告",
  "pane.settings.western.thresholds.short": "按放宽后的阈值判断",
  "pane.settings.edit": "修改设置",
  "pane.settings.close": "收起设置",
  "pane.actions.title": "操作",
  "pane.action.insertShenbao": "插入申报表",
  "pane.action.insertHuizong": "插入汇总表",
  "pane.action.fillExample": "填入示例数据",
  "pane.action.check": "检查",
  "pane.action.clear": "清除标记",
  "pane.action.exportWord": "导出 Word",
  "pane.running": "{action}进行中…",
  "pane.exportWord.outsideOffice":
    "导出 Word 要读取 Excel 的打印版式，只能在 Excel 中使用；也可在电脑上运行 jiqun export。",
  "pane.error.details": "详细信息",
  "pane.error.code": "错误代码：{code}",
  "pane.error.location": "位置：{location}",
  "pane.error.unknown": "操作失败：{message}",
  "pane.list.separator": "、",
  "pane.error.codeLoad":
    "操作没有运行：它需要的脚本未能从加载项的服务器下载（网络中断、代理拦截或服务器暂时不可用）。请检查网络后再点一次。",
  "pane.retry": "重试",
  "pane.failure.workspaceLoad":
    "助手的检查结果、认定标准等面板没有加载成功：它们的脚本未能从加载项的服务器下载（网络中断、代理拦截或服务器暂时不可用）。请检查网络，然后点「重试」。",
  "pane.failure.workspaceRender":
    "助手的操作面板出错，已停止显示（{message}）。点「重试」重新打开面板；如果仍然出错，请关闭并重新打开助手。",
  "pane.failure.officeJs":
    "Office 的脚本库（office.js）在 {seconds} 秒内没有加载完成：可能是网络中断、代理拦截，或连不上提供它的服务器（Microsoft 的服务器，或单位内部部署加载项的服务器）。助手会继续等待；也可以检查网络后点「重试」重新加载。",
  "command.loadFailed": "命令没有运行：加载项的文件未能下载，请检查网络后再点一次。",
} as const;
