/**
 * The source string table (zh-CN). Every user-visible string lives here; en-US is typed against
 * it. Placeholders: {field} {year} {yearPart} {rowPart} {optionPart} {actual} {threshold} {op} {gap} {unit} {method} {row} {option}
 * {recomputed} {other} {wording}.
 */
export const zhCN = {
  "app.name": "集群申报助手",
  "app.tagline": "中小企业特色产业集群申报:官方模板、认定标准检查、自定义函数",
  "host.outsideOffice": "当前不在 Excel 中运行:助手使用内存中的示例工作簿。",
  "host.ready": "已连接 Excel。",
  "host.missingRequirement": "此版本的 Excel 不支持 {feature},相关操作已停用。",

  "batch.summary": "{year} 年度批次:近三年数据为 {years} 年。",

  "severity.error": "错误",
  "severity.warning": "警告",
  "severity.info": "提示",

  "region.east": "东部",
  "region.central": "中部",
  "region.west": "西部",
  "region.northeast": "东北",

  "op.>=": "不低于",
  "op.>": "高于",
  "op.<=": "不超过",
  "op.<": "低于",

  "method.reported": "按填报值",
  "method.geomean_rates": "按各年增速的几何平均",
  "method.cagr_levels": "按产值水平的复合增长率(RRI)",
  "method.latest_year": "按最近一年",
  "method.every_year": "按近三年逐年",

  "relaxed.note": "西部地区可适当放宽",

  "finding.output_each_year_min_40":
    "{year}年{field}为 {actual} 亿元,未达到「{wording}」(差 {gap} 亿元)。",
  "finding.sme_output_share_min_70":
    "{year}年{field}为 {actual}%,未达到「{wording}」(差 {gap} 个百分点,{method})。",
  "finding.lead_industry_share_gt_70":
    "{year}年{field}为 {actual}%,未达到「{wording}」(须{op} {threshold}%,{method})。",
  "finding.output_growth_gt_10":
    "主导产业产值年均增速为 {actual}%,未达到「{wording}」(须{op} {threshold}%,{method})。",
  "finding.quality_sme_tier":
    "{year}年单项冠军与“小巨人”合计 {actual} 家、专精特新等合计 {other} 家,未达到「{wording}」。",
  "finding.rd_growth_gt_10":
    "研发经费年均增速为 {actual}%,未达到「{wording}」(须{op} {threshold}%,{method})。",
  "finding.patent_growth_ge_15": "{field}为 {actual}%,未达到「{wording}」(差 {gap} 个百分点)。",
  "finding.patents_per_10k_ge_15": "{field}为 {actual},未达到「{wording}」(差 {gap})。",
  "finding.iiot_penetration_ge_15": "{field}为 {actual}%,未达到「{wording}」(差 {gap} 个百分点)。",
  "finding.area_max_100": "{field}为 {actual} 平方公里,超过「{wording}」({gap} 平方公里)。",
  "finding.gate_not_prohibited_industry": "「{field}」填报为「{actual}」,不符合「{wording}」。",
  "finding.gate_no_major_incident_3y": "「{field}」填报为「{actual}」,不符合「{wording}」。",
  "finding.gate_no_tax_evasion": "「{field}」填报为「{actual}」,不符合「{wording}」。",
  "finding.energy_eff_vs_benchmark": "「{field}」填报为「{actual}」,不符合「{wording}」。",
  "finding.water_eff_vs_benchmark": "「{field}」填报为「{actual}」,不符合「{wording}」。",
  "finding.gate_provincial_recognition": "「{field}」填报为「{actual}」:{wording}。",
  "finding.plan_output_cagr_ge_10":
    "{year}年目标对应的产值年均增速为 {actual}%,未达到「{wording}」。",
  "finding.plan_quality_smes_rising":
    "{field}在{year}年为 {actual},未比上一年({other})增加:「{wording}」。",
  "finding.plan_rd_cagr_ge_10":
    "{year}年目标对应的研发经费年均增速为 {actual}%,未达到「{wording}」。",
  "finding.plan_patent_cagr_ge_15":
    "{year}年目标对应的有效发明专利年均增长为 {actual}%,未达到「{wording}」。",
  "finding.plan_iiot_about_45": "{year}年工业互联网普及率目标为 {actual}%,低于「{wording}」。",
  "finding.plan_co2_cut_about_18":
    "{year}年单位产值二氧化碳排放量降低 {actual}%,低于「{wording}」。",
  "finding.plan_energy_drop_about_13_5":
    "{year}年单位工业产值能耗下降 {actual}%,低于「{wording}」。",

  "finding.required": "「{field}」{yearPart}{optionPart}未填写。",
  "finding.number_expected": "「{field}」{yearPart}应填数字,现为「{actual}」。",
  "finding.choice_invalid": "「{field}」{optionPart}只能填 {threshold},现为「{actual}」。",
  "finding.text_limit":
    "「{field}」{rowPart}共 {actual} 字,超过 {threshold} 字的限制(多 {gap} 字)。",
  "finding.pct_range": "「{field}」{yearPart}为 {actual},超出允许范围 {threshold}。",
  "finding.count_whole": "「{field}」{yearPart}应为不小于 0 的整数,现为 {actual}。",
  "finding.sme_count_le_firms": "{year}年集群中小企业数量 {actual} 多于集群企业数量 {threshold}。",
  "finding.tier_count_le_smes":
    "{year}年「{field}」{actual} 多于集群中小企业数量 {threshold},请核实。",
  "finding.growth_reported_vs_recomputed":
    "填报的年均增速 {actual}% 与{method}重新计算的 {recomputed}% 相差超过 {threshold} 个百分点。",
  "finding.per_10k_consistency":
    "填报的每万人有效发明专利拥有量 {actual} 与按专利数和从业人员数计算的 {recomputed} 相差超过 10%。",
  "finding.unit_slip":
    "「{field}」{yearPart}为 {actual},远超常见范围,可能是单位填错(万元/亿元、小数/百分数)。",
  "finding.name_pattern": "集群名称「{actual}」{rowPart}不符合「…产业集群」的命名格式。",
  "finding.name_mismatch": "封面集群名称「{threshold}」与基本情况中的「{actual}」不一致。",
  "finding.evidence_required": "「{field}」{optionPart}需提供佐证材料。",
  "finding.summary_row_cap":
    "{other}推荐 {actual} 个集群,超过本批次上限 {threshold} 个,整体申报将不予受理。",
  "finding.summary_authority_unknown": "未指定推荐单位,无法核对推荐数量上限。",
  "finding.duplicate_industry": "第 {row} 行主导产业「{actual}」与第 {other} 行相同或相近。",

  "part.year": "{year}年",
  "part.row": "第 {row} 行",
  "part.option": "「{option}」",

  "writer.unsupported":
    "此版本的 Excel 不支持本操作所需的功能({detail}),请升级到 Microsoft 365 或 Excel 2021 及以上版本。工作簿未作任何修改。",
  "writer.protected": "工作簿或工作表受保护,无法插入新工作表。请撤销保护后重试。",
  "writer.cellEditMode": "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。",
  "writer.readOnly": "工作簿为只读,无法修改。请另存一份后重试。",
  "writer.unknown": "操作未完成,Excel 返回了错误。工作簿未作修改的部分保持原样。",
  "writer.inserted": "已插入工作表「{sheet}」。",

  "check.header": "{file} · {sheet}:错误 {errors} 项,警告 {warnings} 项,提示 {infos} 项",
  "check.unreadable":
    "{file}:无法读取({reason}),不是有效的 xlsx 文件或已损坏。已跳过,继续检查其他文件。",
  "check.notOurs": "{file}:不是集群申报助手生成的模板(没有 SB_/HZ_ 命名区域)。已跳过。",
  "check.noBatch": "{file} · {sheet}:找不到批次年份(标题行应为「XXXX年度…」)。已跳过。",

  "check.otherBatch":
    "{file} · {sheet}:该表为 {year} 年度批次,与 --batch 指定的 {expected} 年度不一致,未检查。",
  "check.copyWritten": "已写出带标记的副本:{file}",
  "batch.tooLarge": "文件过大({size} MB),超过单个文件上限,未读取。",
  "batch.encrypted": "文件受密码保护(或为旧版 .xls 格式),无法读取。请提供未加密的 .xlsx 文件。",
  "batch.notXlsx": "不是 .xlsx 文件。",
  "batch.corrupt": "文件已损坏(压缩包不完整)。",
  "batch.zipBomb": "解压后过大({size} MB),疑似压缩炸弹,未读取。",
  "batch.enormousSheet": "工作表过大(解压后 {size} MB),未读取。",
  "batch.cannotRead": "无法打开文件({reason})。",
  "batch.notOurs": "不是集群申报助手的模板(没有 SB_/HZ_ 命名区域,或命名区域已被改名)。",
  "batch.unreadable": "无法解析({reason})。",
  "batch.outNotEmpty": "输出目录「{dir}」已存在且不为空。为避免覆盖,请指定新的或空的目录。",
  "batch.noFiles": "没有要审查的文件。",
  "batch.refused": "未读取:",
  "batch.done":
    "审查完成:{files} 个文件,{clusters} 个集群,其中 {failing} 个不通过,{refused} 个文件未能读取,用时 {seconds} 秒。结果在「{dir}」:汇总.xlsx、审查报告.json 和带标记的副本。",
  "cli.usage":
    "用法 / usage:\n  jiqun template shenbao --batch <年份> --out <文件.xlsx>\n  jiqun template huizong --batch <年份> [--authority <推荐单位>] --out <文件.xlsx>\n  jiqun fields --batch <年份> [--json]\n  jiqun check <文件.xlsx>... [--json] [--out-dir <目录>] [--batch <年份>]\n  jiqun review <目录或文件>... --out <新目录> [--jobs <并行数>] [--json]",
  "cli.badBatch": "批次年份无效:{value}。请用 --batch 指定 2022 年及以后的年份。",
  "cli.badForm": "未知的模板「{form}」:只能是 shenbao(申报表)或 huizong(推荐汇总表)。",
  "cli.badAuthority":
    "未知的推荐单位:{authority}。请填写省级单位、计划单列市或新疆生产建设兵团的名称。",
  "cli.missingOut": "缺少 --out <文件.xlsx>。",
  "cli.exists": "文件已存在,未覆盖:{file}",
  "cli.cannotWrite": "无法写入 {file}:{reason}",
  "cli.written": "已生成 {file}({sheet})",
  "cli.internal": "内部错误:{reason}",

  "rule.required": "必填项",
  "rule.number_expected": "应填数字",
  "rule.choice_invalid": "选项无效",
  "rule.text_limit": "字数上限",
  "rule.pct_range": "百分比范围",
  "rule.count_whole": "应为非负整数",
  "rule.sme_count_le_firms": "中小企业数不多于企业数",
  "rule.tier_count_le_smes": "梯度企业数不多于中小企业数",
  "rule.growth_reported_vs_recomputed": "年均增速与重算值一致",
  "rule.per_10k_consistency": "每万人指标与重算值一致",
  "rule.unit_slip": "疑似单位错误",
  "rule.name_pattern": "集群名称格式",
  "rule.name_mismatch": "集群名称前后一致",
  "rule.evidence_required": "佐证材料",
  "rule.summary_row_cap": "推荐数量上限",
  "rule.summary_authority_unknown": "推荐单位",
  "rule.duplicate_industry": "主导产业重复",

  "review.sheetName": "审查结果",
  "review.title": "集群申报助手 · 审查结果",
  "review.summary":
    "共检查 {sheets} 张工作表:错误 {errors} 项,警告 {warnings} 项,提示 {infos} 项。点击「单元格」列可跳转。本表由加载项生成,「清除标记」会删除本表。",
  "review.source": "来源:{source}",
  "review.none": "未发现问题。",
  "review.col.seq": "序号",
  "review.col.sheet": "工作表",
  "review.col.cell": "单元格",
  "review.col.field": "栏目",
  "review.col.rule": "规则",
  "review.col.year": "年份/行",
  "review.col.actual": "实际值",
  "review.col.threshold": "标准",
  "review.col.severity": "级别",
  "review.col.message": "说明",
  "review.col.method": "计算方法",
  "review.problem.noBatch": "找不到批次年份(标题行应为「XXXX年度…」),未检查。",
  "review.problem.otherBatch": "该表为 {year} 年度批次,与本次审查的 {expected} 年度不一致,未检查。",
  "review.problem.labelsMismatch":
    "标题为 {year} 年度批次,但数据列的年份标签与之不符(可能是改了标题的旧模板),未检查。",
  "check.labelsMismatch":
    "{file} · {sheet}:标题为 {year} 年度批次,但数据列的年份标签不符(可能是改了标题的旧模板)。未检查。",
  "review.nothing": "工作簿中没有集群申报助手的申报表或汇总表(没有 SB_/HZ_ 命名区域)。",
  "review.done": "检查完成:错误 {errors} 项,警告 {warnings} 项。详见「{sheet}」工作表。",
  "review.noteHeader": "集群申报助手检查结果(「清除标记」会删除本批注):",
  "review.cleared": "已清除加载项添加的标记:{marks} 处标记、{notes} 条批注{sheetPart}。",
  "review.clearedSheet": "、工作表「{sheet}」",
  "review.notesUnsupported":
    "此版本的 Excel 不支持批注接口(ExcelApi 1.18),结果仅写入「审查结果」工作表。",
  "review.noteKept": "{cell} 已有您的批注,未添加加载项批注。",
  "huizong.fromForms":
    "已根据 {forms} 张申报表生成「{sheet}」。集群成立时间和集群简介不在申报表中,请补填。",
  "huizong.noForms": "工作簿中没有申报表(没有 SB_ 命名区域),无法生成汇总表。",
  "huizong.mixedBatches": "申报表来自不同批次({years}),已按批次分别生成汇总表。",

  "pane.loading": "正在加载…",
  "pane.settings.title": "设置",
  "pane.settings.batch": "批次年份",
  "pane.settings.batchDerived": "{year} 年度(参数按规则推算)",
  "pane.settings.authority": "推荐单位",
  "pane.settings.authorityNone": "未选择",
  "pane.settings.region": "所属地区:{region}",
  "pane.settings.western": "西部地区放宽方式",
  "pane.settings.western.warn": "未达标显示为警告,由评审决定(默认)",
  "pane.settings.western.thresholds": "按放宽后的阈值判断",
  "pane.settings.relaxed": "{rule}的放宽阈值",
  "pane.settings.relaxedHint": "留空表示不放宽该项;标准阈值为 {threshold}。",
  "pane.settings.relaxedInvalid": "请输入数字。",
  "pane.settings.share": "占比类指标的判断方式",
  "pane.settings.share.every_year": "近三年逐年判断(默认)",
  "pane.settings.share.latest_year": "只看最近一年",
  "pane.settings.saved": "设置已保存到此工作簿,并作为新工作簿的默认值。",
  "pane.settings.savedLocal": "设置已保存为本机默认值。",
  "pane.actions.title": "操作",
  "pane.action.insertShenbao": "插入申报表",
  "pane.action.insertHuizong": "插入汇总表",
  "pane.action.huizongFromForms": "由申报表生成汇总表",
  "pane.action.fillExample": "填入示例数据",
  "pane.action.check": "检查",
  "pane.action.clear": "清除标记",
  "pane.example.label": "示例集群",
  "pane.example.option": "示例 {key}:{title}({year} 年度)",
  "pane.running": "{action}进行中…",
  "pane.result.example": "已插入示例 {key}:工作表「{sheet}」({year} 年度)。",
  "pane.result.check":
    "检查完成:{sheets} 张工作表,错误 {errors} 项,警告 {warnings} 项,提示 {infos} 项。",
  "pane.findings.title": "审查结果",
  "pane.findings.notYet": "尚未检查。点击「检查」列出问题。",
  "pane.findings.filter": "按级别筛选",
  "pane.findings.all": "全部 {count}",
  "pane.findings.bySeverity": "{label} {count}",
  "pane.findings.copy": "复制列表",
  "pane.findings.copied": "已复制 {count} 条结果。",
  "pane.findings.copyFailed": "无法访问剪贴板,请改用「导出 CSV」。",
  "pane.findings.export": "导出 CSV",
  "pane.findings.locate": "定位到 {sheet}!{cell}",
  "pane.findings.actual": "实际值 {actual}",
  "pane.findings.threshold": "标准 {threshold}",
  "pane.findings.section.huizong": "推荐汇总表",
  "pane.findings.section.other": "其他",
  "pane.findings.problem": "{sheet}:{message}",
  "pane.findings.fileName": "审查结果.csv",
  "pane.error.details": "详细信息",
  "pane.error.code": "错误代码:{code}",
  "pane.error.location": "位置:{location}",
  "pane.error.unknown": "操作失败:{message}",
  "pane.memory.title": "内存工作簿",
  "pane.memory.sheets": "工作表:{sheets}",
  "pane.memory.selection": "已选中 {cell}",
  "pane.memory.noSelection": "尚未选中单元格。",
  "pane.status.title": "功能区操作",
  "pane.list.separator": "、",
  "command.insertShenbao": "插入申报表",
  "command.insertHuizong": "插入汇总表",
  "command.check": "检查",
  "command.clear": "清除标记",
  "command.notYet": "「{command}」将在后续版本提供。",

  "fn.badArgument": "参数无法识别。",
  "fn.notNumber": "「{value}」不是数字。",
  "fn.noNumbers": "没有可计算的数值。",
  "fn.rriInvalid": "期数须大于 0,首值不能为 0,首末值须同号(与 RRI 相同)。",
  "fn.rateTooLow": "增速不能低于或等于 -100%。",
  "fn.badBatch": "批次年份无效:{value}(应为 2022 年及以后)。",
  "fn.noAuthority": "请填写推荐单位或省份名称。",
  "fn.badAuthority": "未知的推荐单位:{value}。",
  "fn.badRule": "未知的规则「{value}」。可用的规则编号:{ids}",
  "fn.noEmployees": "从业人员数量为 0,无法计算每万人拥有量。",
  "fn.negative": "数量不能为负数。",
  "fn.needRange": "请选择按模板布局的整张表格区域(从 A1 开始)。",
  "fn.noBatchTitle": "找不到批次年份:区域应从模板的 A1 开始(标题为「XXXX年度…」),或给出批次参数。",
  "fn.status.pass": "达标",
  "fn.status.fail": "未达标",
  "fn.notInExcel": "自定义函数只在 Excel 中可用。",
} as const;

export type StringKey = keyof typeof zhCN;
