import type { StringKey } from "./zh-CN";

/** English strings, typed against the zh-CN source: a missing key fails the type-check. */
export const enUS: Readonly<Record<StringKey, string>> = {
  "app.name": "Cluster Declaration Assistant",
  "app.tagline":
    "SME characteristic industrial clusters: official templates, criteria checks, custom functions",
  "host.outsideOffice":
    "Not running inside Excel: the assistant uses an in-memory sample workbook.",
  "host.ready": "Connected to Excel.",
  "host.missingRequirement":
    "This version of Excel does not support {feature}; the related actions are disabled.",

  "batch.summary": "Batch {year}: data years {years}.",

  "severity.error": "Error",
  "severity.warning": "Warning",
  "severity.info": "Info",

  "region.east": "East",
  "region.central": "Central",
  "region.west": "West",
  "region.northeast": "Northeast",

  "op.>=": "at least",
  "op.>": "above",
  "op.<=": "at most",
  "op.<": "below",

  "method.reported": "as reported",
  "method.geomean_rates": "geometric mean of the yearly rates",
  "method.cagr_levels": "compound growth of the levels (RRI)",
  "method.latest_year": "latest year only",
  "method.every_year": "each of the three years",

  "relaxed.note": "western region: may be relaxed",
  "relaxed.mark": " [{note}]",
  "relaxed.met": " Against the relaxed western threshold ({op} {threshold}) it passes.",
  "relaxed.unmet": " Against the relaxed western threshold ({op} {threshold}) it still fails.",
  "relaxed.short":
    " Against the relaxed western threshold ({op} {threshold}) it is still short by {gap}.",
  "threshold.relaxed": "{standard} (relaxed to {relaxed} for the west)",

  "unit.%": "{n}%",
  "unit.pp": "{n} percentage points",
  "unit.亿元": "{n} hundred million CNY",
  "unit.万元": "{n} ten thousand CNY",
  "unit.平方公里": "{n} km²",
  "unit.件/万人": "{n} per 10,000 employees",
  "unit.个": "{n}",
  "unit.人": "{n} people",
  "unit.家": "{n} firm(s)",
  "unit.件": "{n}",
  "unit.吨二氧化碳/万元": "{n} t CO₂ per 10,000 CNY",
  "unit.吨标准煤/万元": "{n} tce per 10,000 CNY",
  "unit.字": "{n} characters",
  "unit.集群": "{n} cluster(s)",

  "finding.output_each_year_min_40":
    "{field} in {year} is {actual}, short of “{wording}” by {gap}.",
  "finding.sme_output_share_min_70":
    "{field} in {year} is {actual}, short of “{wording}” by {gap} ({method}).",
  "finding.lead_industry_share_gt_70":
    "{field} in {year} is {actual}; “{wording}” needs {op} {threshold} ({method}).",
  "finding.output_growth_gt_10":
    "Average annual growth of the lead industry is {actual}; “{wording}” needs {op} {threshold} ({method}).",
  "finding.quality_sme_tier":
    "In {year} champions and little giants number {actual}, specialised and high-tech SMEs {other}: “{wording}” is not met.",
  "finding.rd_growth_gt_10":
    "Average annual R&D growth is {actual}; “{wording}” needs {op} {threshold} ({method}).",
  "finding.patent_growth_ge_15": "{field} is {actual}, short of “{wording}” by {gap}.",
  "finding.patents_per_10k_ge_15": "{field} is {actual}, short of “{wording}” by {gap}.",
  "finding.iiot_penetration_ge_15": "{field} is {actual}, short of “{wording}” by {gap}.",
  "finding.area_max_100": "{field} is {actual}, over “{wording}” by {gap}.",
  "finding.gate_not_prohibited_industry": "“{field}” is answered “{actual}”: fails “{wording}”.",
  "finding.gate_no_major_incident_3y": "“{field}” is answered “{actual}”: fails “{wording}”.",
  "finding.gate_no_tax_evasion": "“{field}” is answered “{actual}”: fails “{wording}”.",
  "finding.energy_eff_vs_benchmark": "“{field}” is answered “{actual}”: fails “{wording}”.",
  "finding.water_eff_vs_benchmark": "“{field}” is answered “{actual}”: fails “{wording}”.",
  "finding.gate_provincial_recognition": "“{field}” is answered “{actual}”: {wording}.",
  "finding.plan_output_cagr_ge_10":
    "The {year} target implies output growth of {actual} a year: “{wording}” is not met.",
  "finding.plan_quality_smes_rising":
    "{field} in {year} is {actual}, not above the year before ({other}): “{wording}”.",
  "finding.plan_rd_cagr_ge_10":
    "The {year} target implies R&D growth of {actual} a year: “{wording}” is not met.",
  "finding.plan_patent_cagr_ge_15":
    "The {year} target implies patent growth of {actual} a year: “{wording}” is not met.",
  "finding.plan_iiot_about_45":
    "The {year} industrial-internet target is {actual}, below “{wording}”.",
  "finding.plan_co2_cut_about_18": "CO₂ per output falls by {actual} by {year}, below “{wording}”.",
  "finding.plan_energy_drop_about_13_5":
    "Energy per output falls by {actual} by {year}, below “{wording}”.",

  "finding.required": "“{field}”{rowPart}{yearPart}{optionPart} is empty.",
  "finding.number_expected": "“{field}”{rowPart}{yearPart} must be a number, found “{actual}”.",
  "finding.choice_invalid": "“{field}”{optionPart} must be one of {threshold}, found “{actual}”.",
  "finding.text_limit": "“{field}”{rowPart} has {actual}, over the limit of {threshold} by {gap}.",
  "finding.pct_range": "“{field}”{yearPart} is {actual}, outside {threshold}.",
  "finding.count_whole": "“{field}”{yearPart} must be a whole number ≥ 0, found {actual}.",
  "finding.sme_count_le_firms":
    "In {year} the SME count {actual} exceeds the firm count {threshold}.",
  "finding.tier_count_le_smes":
    "In {year} “{field}” {actual} exceeds the SME count {threshold}; please verify.",
  "finding.growth_reported_vs_recomputed":
    "The reported average growth {actual} differs from the {method} value {recomputed} by more than {threshold}.",
  "finding.per_10k_consistency":
    "The reported patents per 10,000 employees {actual} differs from the recomputed {recomputed} by more than {threshold}.",
  "finding.unit_slip":
    "“{field}”{yearPart} is {actual}, far outside the usual range: probably a unit slip (10k vs 100M CNY, fraction vs percent).",
  "finding.name_pattern": "{field} “{actual}”{rowPart} does not follow the “…产业集群” pattern.",
  "finding.name_mismatch":
    "The cover's cluster name “{threshold}” differs from “{actual}” in section 一.",
  "finding.evidence_required": "“{field}”{optionPart} needs supporting documents.",
  "finding.summary_row_cap":
    "{other} recommends {actual}, over this batch's cap of {threshold}: the whole submission would be refused.",
  "finding.summary_rows_unread":
    "The summary has more rows than the reading limit of {threshold}: rows past it were not read or checked, and the recommendations far exceed this batch's cap.",
  "finding.criteria_mismatch":
    "This sheet was made with the criteria “{recorded}” and its live highlights show them; this check applies “{used}”, whose findings prevail.",
  "finding.formula_uncached":
    "“{field}”{yearPart}{rowPart} (cell {cell}) is a formula with no saved result, so its value cannot be read. Open the file in Excel or WPS, save it, and check again.",
  "finding.summary_authority_unknown":
    "“{field}” is not filled in, so the cap on recommendations cannot be checked.",
  "finding.duplicate_industry":
    "Row {row}'s {field} “{actual}” is the same as or close to row {other}'s.",

  "part.year": " ({year})",
  "part.row": " (row {row})",
  "part.option": " “{option}”",
  "place.row": "row {row}",

  "writer.unsupported":
    "This version of Excel lacks what this action needs ({detail}); use Microsoft 365 or Excel 2021 or later. Nothing was changed.",
  "writer.protected":
    "The workbook or sheet is protected, so no sheet can be inserted. Unprotect it and try again.",
  "writer.cellEditMode": "Excel is editing a cell. Press Enter or Esc to finish, then try again.",
  "writer.readOnly": "The workbook is read-only. Save a copy and try again.",
  "writer.selection":
    "The current selection (a chart or several areas) does not allow this action. Click any cell and try again.",
  "writer.inactiveWorkbook":
    "You switched to another workbook while the action ran, so it stopped. Go back to the workbook and try again.",
  "writer.tooLarge":
    "There is more data than Excel handles at once (Excel on the web: 5 MB per request and response). Split the data across workbooks or use Excel on the desktop, then try again.",
  "writer.unknown": "The action did not complete: Excel returned an error.",
  "writer.inserted": "Inserted sheet “{sheet}”.",

  "check.header": "{file} · {sheet}: {errors} errors, {warnings} warnings, {infos} notes",
  "check.unreadable":
    "{file}: cannot be read ({reason}); not a valid or an intact xlsx file. Skipped; the others are checked.",
  "check.notOurs":
    "{file}: not a template made by this assistant (the template's named ranges are missing: deleted or renamed). Skipped.",
  "check.noBatch":
    "{file} · {sheet}: no batch year found (the title line should read “XXXX年度…”). Skipped.",

  "check.otherBatch":
    "{file} · {sheet}: this sheet is for the {year} batch, not the {expected} batch given with --batch; not checked.",
  "check.copyWritten": "Highlighted copy written: {file}",
  "batch.tooLarge": "File too large ({size} MB): over the per-file limit; not read.",
  "batch.encrypted":
    "Password-protected (or an old .xls file): cannot be read. Provide an unencrypted .xlsx.",
  "batch.notXlsx": "Not an .xlsx file.",
  "batch.corrupt": "The file is damaged (incomplete zip).",
  "batch.zipBomb": "Too large unpacked ({size} MB): a suspected zip bomb; not read.",
  "batch.enormousSheet": "A worksheet is too large ({size} MB unpacked); not read.",
  "batch.cannotRead": "Cannot open the file ({reason}).",
  "batch.notOurs":
    "Not a template of this add-in (the template's named ranges are missing: deleted or renamed).",
  "batch.unreadable": "Cannot be parsed ({reason}).",
  "batch.workerDied":
    "The thread checking this file stopped unexpectedly (exit code {code}), perhaps too complex a file or out of memory; the other files are checked as usual.",
  "batch.jobsCapped":
    "--jobs {jobs} is more than this computer's {cores} processor cores: reviewing on {cores} threads (more would not be faster, and each thread takes memory).",
  "batch.outNotEmpty":
    "The output folder '{dir}' exists and is not empty. Give a new or empty folder so nothing is overwritten.",
  "batch.noFiles": "No files to review.",
  "batch.refused": "Not read:",
  "batch.done":
    "Review finished: {files} file(s), {clusters} cluster(s), {failing} failing, {refused} file(s) not read, {seconds} s. Results in '{dir}': 汇总.xlsx, 审查报告.json and the highlighted copies.",
  "summary.sheet.clusters": "Clusters",
  "summary.sheet.files": "Files",
  "summary.sheet.caps": "Caps",
  "summary.col.seq": "No.",
  "summary.col.file": "File",
  "summary.col.sheet": "Sheet",
  "summary.col.authority": "Authority",
  "summary.col.region": "Region",
  "summary.col.name": "Cluster name",
  "summary.col.industry": "Leading industry",
  "summary.col.batch": "Batch",
  "summary.col.result": "Result",
  "summary.col.errors": "Errors",
  "summary.col.warnings": "Warnings",
  "summary.col.failedRules": "Failed rules",
  "summary.col.copy": "Highlighted copy",
  "summary.col.status": "Status",
  "summary.col.reason": "Reason",
  "summary.col.sheets": "Sheets",
  "summary.col.ms": "Time (ms)",
  "summary.col.clusters": "Forms",
  "summary.col.summaryRows": "Summary rows",
  "summary.col.cap": "Cap",
  "summary.col.over": "Over",
  "summary.col.cell": "Cell",
  "summary.col.message": "Message",
  "summary.result.pass": "Pass",
  "summary.result.fail": "Fail",
  "summary.result.warnings": "Warnings",
  "summary.result.unchecked": "Not checked",
  "summary.status.checked": "Checked",
  "summary.status.refused": "Not read",
  "summary.ruleSeparator": "; ",
  "summary.over": "Over",
  "summary.file": "summary.xlsx",
  "summary.report": "report.json",
  "summary.copySuffix": "-review",
  "field.hz_rows": "Recommendation summary",
  "cli.usage":
    "usage:\n  jiqun template shenbao --batch <year> [--criteria <pack id or file>] --out <file.xlsx>\n  jiqun template shenbao --example <A–E> [--batch <year>] --out <file.xlsx>\n  jiqun template huizong --batch <year> [--authority <authority>] [--criteria <pack id or file>] --out <file.xlsx>\n  jiqun fields --batch <year> [--json]\n  jiqun criteria [--json]\n  jiqun check <file.xlsx>... [--json] [--out-dir <dir>] [--batch <year>] [--criteria <pack id or file>]\n  jiqun review <dir or file>... --out <new dir> [--jobs <n>] [--json] [--criteria <pack id or file>]\n  jiqun export <file.xlsx> --out <file.docx or file.pdf>",
  "cli.unknownOption":
    "“jiqun {command}” has no option {option}; nothing was done. Check the spelling.",
  "cli.badBatch": "Invalid batch year: {value}. Give --batch 2022 or later.",
  "cli.badForm":
    "Unknown template “{form}”: use shenbao (application form) or huizong (summary table).",
  "cli.badAuthority":
    "Unknown recommending authority: {authority}. Use a province-level unit, a 计划单列市 or 新疆生产建设兵团.",
  "cli.missingOut": "Missing --out <file.xlsx>.",
  "cli.exists": "File exists, not overwritten: {file}",
  "cli.cannotWrite": "Cannot write '{file}': {reason}. No partial file was left.",
  "cli.written": "Wrote {file} ({sheet})",
  "cli.writtenExample": "Wrote {file} ({sheet}, example {example}: {title})",
  "cli.badExample": "Unknown example “{example}”. Available examples:\n{examples}",
  "cli.missingExample": "--example needs the example's letter. Available examples:\n{examples}",
  "cli.exampleLine": "  {key}  {title} (batch {batch})",
  "cli.exampleBatch":
    "Example {example} is a batch {batch} form (data years {first}–{last}), not --batch {given}: leave out --batch or give --batch {batch}.",
  "cli.exampleForm":
    "Example data is for the application form only: jiqun template shenbao --example {example} --out <file.xlsx>.",
  "cli.internal": "Internal error: {reason}",
  "cli.criteriaUnknown":
    "Unknown criteria pack “{criteria}”: neither a built-in pack id nor a readable file. Built-in packs: {ids}. Nothing was done.",
  "cli.criteriaUnreadable":
    "Cannot read the criteria pack file “{file}”: {reason}. Nothing was done.",
  "cli.criteriaTooLarge":
    "The criteria pack file “{file}” is too large (over {limit} KB) and was not read. Nothing was done.",
  "cli.criteriaNotJson":
    "The criteria pack file “{file}” is not valid JSON ({reason}). Nothing was done.",
  "cli.criteriaInvalid": "The criteria pack file “{file}” has errors; nothing was done:\n{issues}",
  "cli.criteriaBatch":
    "The criteria pack {criteria} is for the {expected} batch only, not the {given} batch given with --batch. Nothing was done.",
  "criteria.line": "{id}\t{level}\t{name}\t{rules} rules\t{source}",
  "criteria.noSource": "(no source given)",
  "check.criteria": "Criteria: {name} ({id})",
  "check.otherBatchPack":
    "{file} · {sheet}: this sheet is for the {year} batch, but the criteria pack {criteria} is for the {expected} batch only; not checked.",
  "pack.root": "top level",
  "pack.list.separator": ", ",
  "pack.list.or": " or ",
  "pack.expected.string": "a string",
  "pack.expected.number": "a number",
  "pack.expected.boolean": "a boolean (true or false)",
  "pack.expected.object": "an object",
  "pack.expected.array": "an array",
  "pack.kind.string": "the string {value}",
  "pack.kind.number": "the number {value}",
  "pack.kind.boolean": "the boolean {value}",
  "pack.kind.null": "null",
  "pack.kind.array": "an array",
  "pack.kind.object": "an object",
  "pack.issue.type": "{path}: should be {expected}, is {actual}",
  "pack.issue.missing": "{path}: {key} is missing",
  "pack.issue.unknownKey": "{path}: unknown key (known: {allowed})",
  "pack.issue.unknownRule": "{path}: unknown rule id {value} (known: {allowed})",
  "pack.issue.oneOf": "{path}: should be {allowed}, is {value}",
  "pack.issue.empty": "{path}: must not be empty",
  "pack.issue.packId":
    "{path}: only lower-case letters, digits and hyphens (at most 64 characters), is {value}",
  "pack.issue.batchYear": "{path}: should be a batch year from 2022 to 2100, is {value}",
  "pack.issue.cap": "{path}: should be a positive whole number, is {value}",
  "pack.issue.reviewYears":
    "{path}: the recognition year {value} should come before the review year (batchYear) {batchYear}",
  "pack.issue.duplicate": "{path}: rule id {value} repeats {first}",
  "pack.issue.notUsed": "{path}: rule {rule} takes no {key}",
  "pack.issue.ruleClass": "{path}: the class of rule {rule} should be {allowed}, is {value}",
  "pack.issue.invalid": "{path}: invalid value",
  "fs.EACCES": "permission denied",
  "fs.EPERM": "operation not permitted (no permission)",
  "fs.ENOENT": "does not exist",
  "fs.ENOENT.write": "its folder does not exist",
  "fs.ENOSPC": "the disk is full",
  "fs.EDQUOT": "the disk quota is exceeded",
  "fs.EIO": "the disk failed to read or write (I/O error)",
  "fs.EISDIR": "it is a folder, not a file",
  "fs.ENOTDIR": "a part of the path is not a folder",
  "fs.ELOOP": "symbolic links form a loop",
  "fs.EROFS": "the disk is read-only",
  "fs.EEXIST": "already exists",
  "fs.ENAMETOOLONG": "the name is too long",
  "fs.other": "system error {code}",
  "check.refused": "{file}: {reason} Skipped; the others are checked.",
  "check.outDirUnusable":
    "Cannot use the output folder '{dir}': {reason}. Nothing was checked, no copy written.",
  "check.diskFault":
    "Writing into the output folder '{dir}' failed: {reason}. The check stopped: {copies} highlighted copies were written (each complete), unfinished temporary files were removed, the other files were not checked. Free some space and run it again (copies already written are never overwritten; delete them first).",
  "batch.inputUnreadable": "Cannot read the input '{input}': {reason}. Nothing was written.",
  "batch.outUnusable": "Cannot use the output folder '{dir}': {reason}. Nothing was written.",
  "batch.locked":
    "The output folder '{dir}' is in use by another review (process {pid}). Wait for it to end, or give another output folder. Nothing was written.",
  "batch.stale":
    "The output folder '{dir}' holds a review that did not finish (process {pid} has ended); its results are incomplete. Delete the folder or give another output folder, then review again.",
  "batch.diskFault":
    "Writing into the output folder '{dir}' failed: {reason}. The review stopped and its results are incomplete: {copies} highlighted copies were written (each complete); 汇总.xlsx and 审查报告.json were not fully written; unfinished temporary files were removed. The file '{marker}' in the folder marks it incomplete: fix the problem above (free some disk space, say), delete the folder (or give another output folder) and review again.",
  "batch.incompleteReport":
    "The review did not finish: this report is replaced by the complete one when the review ends normally. If the review is no longer running, delete the folder (or give another output folder) and review again.",
  "batch.incompleteFile": "未完成-审查未结束.txt",
  "batch.incompleteText":
    "The review writing into this folder did not finish (jiqun review, process {pid}, started {time}).\nIts results are incomplete: highlighted copies, 汇总.xlsx or 审查报告.json may be missing.\nIf the review is still running, wait for it to end (this file is removed when it ends normally); otherwise delete the whole folder (or give another output folder) and run jiqun review again.\n",
  "export.badOut": "The output file must end in .docx or .pdf: {file}",
  "export.unreadable": "Cannot read {file}: {reason}",
  "export.notOurs": "{file}: no 申报表 or 汇总表 of the assistant: nothing to export.",
  "export.needsRecalc":
    "The formulas in {file} have no results yet (the file was written by a program and never saved in a spreadsheet), so the exported form would miss those values. Open and save the file in Excel or WPS and try again, or install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui; Windows, macOS: download it from https://www.libreoffice.org) and the export recalculates it.",
  "export.recalcFailed":
    "LibreOffice could not recalculate {file} ({reason}). Open and save the file in Excel or WPS and try again.",
  "export.noLibreOffice":
    "Exporting PDF needs LibreOffice, which was not found (no soffice on PATH). Install it: Debian/Ubuntu sudo apt-get install libreoffice-writer-nogui fonts-wqy-zenhei; Windows, macOS: download it from https://www.libreoffice.org. Or export Word with --out <file.docx> and save it as PDF in Word or WPS.",
  "export.pdfFailed":
    "LibreOffice could not turn the Word document into PDF ({reason}). Check that LibreOffice's Writer is installed (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui fonts-wqy-zenhei), or export Word with --out <file.docx>.",
  "export.written": "Exported {file} ({sheets})",

  "rule.required": "Required",
  "rule.number_expected": "Number expected",
  "rule.choice_invalid": "Invalid choice",
  "rule.text_limit": "Length limit",
  "rule.pct_range": "Percentage range",
  "rule.count_whole": "Non-negative whole number",
  "rule.sme_count_le_firms": "SMEs not more than firms",
  "rule.tier_count_le_smes": "Tier firms not more than SMEs",
  "rule.growth_reported_vs_recomputed": "Reported growth matches recomputation",
  "rule.per_10k_consistency": "Per-10,000 figure matches recomputation",
  "rule.unit_slip": "Suspected unit slip",
  "rule.name_pattern": "Cluster name pattern",
  "rule.name_mismatch": "Cluster name consistent",
  "rule.evidence_required": "Evidence",
  "rule.summary_row_cap": "Recommendation cap",
  "rule.summary_rows_unread": "Rows beyond the reading limit",
  "rule.criteria_mismatch": "Criteria differ from the sheet's",
  "rule.formula_uncached": "Formula not calculated",
  "rule.summary_authority_unknown": "Recommending authority",
  "rule.duplicate_industry": "Duplicate leading industry",

  "review.sheetName": "审查结果",
  "review.title": "Cluster Declaration Assistant · Review results",
  "review.summary":
    "{sheets} sheet(s) checked: {errors} error(s), {warnings} warning(s), {infos} note(s). Click a Cell link to jump there. This sheet was added by the add-in; Clear marks deletes it.",
  "review.source": "Source: {source}",
  "review.criteria": "Criteria: {name} ({id})",
  "review.fuheTitle": "Cluster Declaration Assistant · 复核 (re-review) results",
  "review.fuhe":
    "复核 (re-review): clusters recognised in {recognised}, reviewed in {year} on the data years {first}–{last}, criterion by criterion, with no recommendation cap.",
  "review.conclusions": "复核结论 (conclusions) · {sheet}",
  "review.conclusion.seq": "No.",
  "review.conclusion.rule": "Criterion",
  "review.conclusion.result": "Conclusion",
  "review.conclusion.reasons": "Reasons",
  "conclusion.met": "Met",
  "conclusion.unmet": "Not met",
  "conclusion.relaxed": "Not met; may be relaxed in the western region",
  "conclusion.explain": "Beyond what the standard generally allows; to be explained",
  "conclusion.nodata": "Cannot be judged (not filled in)",
  "review.none": "No problems found.",
  "review.col.seq": "No.",
  "review.col.sheet": "Sheet",
  "review.col.cell": "Cell",
  "review.col.field": "Field",
  "review.col.rule": "Rule",
  "review.col.year": "Year/row",
  "review.col.actual": "Actual",
  "review.col.threshold": "Standard",
  "review.col.severity": "Severity",
  "review.col.message": "Message",
  "review.col.method": "Method",
  "review.problem.noBatch": "No batch year found (the title should read 'YYYY年度…'); not checked.",
  "review.problem.otherBatch":
    "This sheet is for the {year} batch, not the {expected} batch under review; not checked.",
  "review.problem.labelsMismatch":
    "The title says the {year} batch but the year labels above the data disagree (an old template retitled?); not checked.",
  "check.labelsMismatch":
    "{file} · {sheet}: the title says the {year} batch but the year labels above the data disagree (an old template retitled?). Not checked.",
  "review.nothing":
    "The workbook has no application form or summary table of this add-in. Insert a template, or open a filled form.",
  "review.done":
    "Check finished: {sheets} sheet(s), {errors} error(s), {warnings} warning(s), {infos} note(s). See the '{sheet}' sheet.",
  "review.noteHeader": "Cluster Declaration Assistant findings (Clear marks deletes this note):",
  "review.cleared": "Removed the add-in's marks: {marks} mark(s), {notes} note(s){sheetPart}.",
  "review.clearedSheet": " and the sheet '{sheet}'",
  "review.notesUnsupported":
    "This Excel lacks the notes API (ExcelApi 1.18); results are on the review sheet only.",
  "review.noteKept": "{cell} already has your note; no add-in note was added.",
  "huizong.fromForms":
    "Built '{sheet}' from {forms} application form(s). Founding date and introduction are not on the form; please fill them in.",
  "huizong.mixedBatches":
    "The forms come from different batches ({years}); one summary table per batch was built.",

  "pane.loading": "Loading…",
  "pane.settings.title": "Settings",
  "pane.settings.batch": "Batch year",
  "pane.settings.batchDerived":
    "{year} (notice not yet published: years derived from earlier batches)",
  "pane.settings.authority": "Recommending authority",
  "pane.settings.authorityNone": "None chosen",
  "pane.settings.region": "Region: {region}",
  "pane.settings.western": "Western relaxation",
  "pane.settings.western.warn": "Show a miss as a warning; reviewers decide (default)",
  "pane.settings.western.thresholds": "Judge by relaxed thresholds",
  "pane.settings.relaxed": "Relaxed threshold: {rule}",
  "pane.settings.relaxedHint":
    "Leave empty for no relaxation; the standard threshold is {threshold}.",
  "pane.settings.relaxedInvalid": "Enter a number.",
  "pane.settings.share": "Share rules",
  "pane.settings.share.every_year": "Every one of the three years (default)",
  "pane.settings.share.latest_year": "Latest year only",
  "pane.settings.western.notInPack":
    "The chosen criteria “{name}” have no western-region relaxation: western applicants are judged by the same thresholds.",
  "pane.settings.criteria": "Criteria",
  "pane.settings.criteria.national": "National criteria ({year} batch)",
  "pane.settings.criteria.hint":
    "Inserted templates are highlighted, and checks are judged, by the chosen criteria.",
  "pane.settings.criteria.load": "Load a criteria file…",
  "pane.settings.criteria.loaded": "Criteria loaded: {name}",
  "pane.settings.criteria.invalid": "The criteria file “{file}” is invalid; settings unchanged:",
  "pane.settings.criteria.notJson":
    "The file “{file}” is not valid JSON ({reason}); settings unchanged.",
  "pane.settings.criteria.unreadable":
    "Could not read the file “{file}” ({reason}); settings unchanged.",
  "pane.settings.criteria.tooLarge":
    "The file “{file}” is too large (over {limit} KB) and was not read; settings unchanged.",
  "pane.settings.criteria.builtinId":
    "id: {id} is the id of a built-in criteria pack; use another id",
  "pane.settings.criteria.batch":
    "The criteria “{name}” apply to the {expected} batch only, not to the {given} batch set; choose another batch or criteria in the settings",
  "pane.settings.criteria.missing":
    "The criteria {id} in the settings are neither built in nor a loaded criteria file; choose them again in the settings",
  "pane.settings.criteria.refused":
    "The criteria “{name}” are invalid; the workbook was not changed:",
  "pane.settings.criteria.panelTitle": "{name} ({year} batch)",
  "pane.settings.criteria.panelInvalid":
    "The chosen criteria “{name}” are invalid, so the national criteria are listed; load the criteria file again in the settings.",
  "pane.settings.saved": "Settings saved in this workbook and as your default for new ones.",
  "pane.settings.savedLocal": "Settings saved as your default on this machine.",
  "pane.guide.title": "Three steps to a complete application",
  "pane.guide.step1":
    "Set the batch and the recommending authority: Edit settings; the template follows the batch.",
  "pane.guide.step2":
    "Insert the 申报表 and fill it in: the light-yellow cells are for input; yes/no and ticks come from drop-down lists.",
  "pane.guide.step3":
    "Check and work through the findings: Check, then Previous and Next take you to each cell.",
  "pane.guide.dismiss": "Got it",
  "pane.settings.summary": "Batch {year} · authority: {authority} · western region: {western}",
  "pane.settings.summary.criteria": " · criteria: {name}",
  "pane.settings.criteria.short.yunnan-provincial": "Yunnan provincial recognition",
  "pane.settings.criteria.short.review": "复核 of the {recognised} batch",
  "pane.settings.western.warn.short": "misses shown as warnings",
  "pane.settings.western.thresholds.short": "relaxed thresholds",
  "pane.settings.edit": "Edit settings",
  "pane.settings.close": "Close settings",
  "pane.findings.stale": "The workbook changed after this check; these results may be out of date.",
  "pane.findings.recheck": "Check again",
  "pane.findings.nothingChecked":
    "The workbook has no 申报表 or 汇总表 to check. Insert a template or fill in an example first.",
  "pane.findings.previous": "Previous",
  "pane.findings.next": "Next",
  "pane.findings.walk": "{count} findings on cells; Next starts at the first.",
  "pane.findings.position": "{index} of {count}: {cell}",
  "pane.findings.criterion": "See the criterion",
  "pane.findings.group":
    "{sheet} · {section} ({errors} errors, {warnings} warnings, {infos} notes)",
  "pane.criteria.title": "Recognition criteria ({year} batch)",
  "pane.criteria.show": "Show",
  "pane.criteria.hide": "Hide",
  "pane.criteria.cls.hard":
    "Hard criterion: a miss is an error (western applicants may be relaxed, per the settings)",
  "pane.criteria.cls.gate": "Basic condition: a miss is an error, never relaxed",
  "pane.criteria.cls.soft": "General requirement: exceeding it is a warning",
  "pane.criteria.cls.plan": "Development target (section 八): a miss is a warning",
  "pane.criteria.cls.info": "Note",
  "pane.actions.title": "Actions",
  "pane.action.insertShenbao": "Insert application form",
  "pane.action.insertHuizong": "Insert summary table",
  "pane.action.fillExample": "Insert example data",
  "pane.action.check": "Check",
  "pane.action.clear": "Clear marks",
  "pane.action.exportWord": "Export Word",
  "pane.example.label": "Example cluster",
  "pane.example.option": "Example {key}: {title} ({year} batch)",
  "pane.running": "{action}…",
  "pane.result.example": "Inserted example {key}: sheet '{sheet}' ({year} batch).",
  "pane.result.exportWord":
    "Exported {count} sheet(s) as “{name}” (usually in your Downloads folder). The layout is the official form; edit it in Word or save it as PDF.",
  "pane.result.exportWordNothing":
    "The workbook has no 申报表 or 汇总表 to export. Insert a template or fill in an example first.",
  "pane.result.exportWordNoDownload":
    "Excel on Mac and iPad cannot download files from the task pane. For paper, use Excel's Print or save as PDF: the print area is the official form. For a Word file, export from Excel for Windows or on the web, or run jiqun export on a computer.",
  "pane.exportWord.fileName": "{sheet}.docx",
  "pane.exportWord.fileNameMany": "cluster-forms.docx",
  "pane.exportWord.outsideOffice":
    "Export Word reads Excel's print layout and works inside Excel only; on a computer, jiqun export does the same.",
  "pane.findings.title": "Review results",
  "pane.findings.notYet": "Not checked yet. Click Check to list the problems.",
  "pane.findings.filter": "Filter by severity",
  "pane.findings.all": "All {count}",
  "pane.findings.bySeverity": "{label} {count}",
  "pane.findings.copy": "Copy list",
  "pane.findings.copied": "Copied {count} result(s).",
  "pane.findings.copyFailed": "The clipboard is not available; use Export CSV.",
  "pane.findings.export": "Export CSV",
  "pane.findings.locate": "Go to {sheet}!{cell}",
  "pane.findings.actual": "Actual {actual}",
  "pane.findings.threshold": "Standard {threshold}",
  "pane.findings.section.huizong": "Summary table",
  "pane.findings.section.other": "Other",
  "pane.findings.problem": "{sheet}: {message}",
  "pane.findings.fileName": "review-results.csv",
  "pane.findings.exported":
    "Exported {count} result(s) as '{name}' (usually in your Downloads folder).",
  "pane.findings.openSheet": "Open the results sheet",
  "pane.findings.inSheet":
    "Files cannot be downloaded on this platform: the results are in the '{sheet}' sheet, and {copy} puts the list on the clipboard.",
  "pane.findings.noSheet":
    "The last check wrote no results sheet (the workbook has no form or summary table to check), so there is nothing to open.",
  "pane.findings.opened": "Opened the '{sheet}' sheet.",
  "pane.findings.openFailed":
    "Could not open the '{sheet}' sheet; it may have been deleted or renamed. Run Check again.",
  "pane.findings.copyFailedSheet":
    "The clipboard is not available; open the '{sheet}' sheet to see the results.",
  "pane.error.details": "Details",
  "pane.error.code": "Error code: {code}",
  "pane.error.location": "Location: {location}",
  "pane.error.unknown": "The action failed: {message}",
  "pane.memory.title": "In-memory workbook",
  "pane.memory.sheets": "Sheets: {sheets}",
  "pane.memory.selection": "Selected {cell}",
  "pane.memory.noSelection": "No cell selected yet.",
  "pane.status.title": "Ribbon actions",
  "pane.list.separator": ", ",
  "pane.list.quotedSeparator": "', '",
  "pane.error.codeLoad":
    "The action did not run: the script it needs could not be downloaded from the add-in's server (network down, blocked by a proxy, or the server briefly unavailable). Check the connection and try again.",
  "pane.retry": "Retry",
  "pane.failure.workspaceLoad":
    "The findings, criteria and other panels did not load: their script could not be downloaded from the add-in's server (network down, blocked by a proxy, or the server briefly unavailable). Check the connection, then choose Retry.",
  "pane.failure.workspaceRender":
    "The assistant's panels stopped on an error ({message}). Choose Retry to open them again; if it happens again, close and reopen the assistant.",
  "pane.failure.officeJs":
    "Office's script library (office.js) has not loaded within {seconds} seconds: the network may be down, a proxy may block it, or the server that provides it (Microsoft's, or the one your organisation hosts the add-in on) cannot be reached. The assistant keeps waiting; or check the connection and choose Retry to reload.",
  "command.insertShenbao": "Insert application form",
  "command.insertHuizong": "Insert summary table",
  "command.check": "Check",
  "command.clear": "Clear marks",
  "command.loadFailed":
    "The command did not run: the add-in's files did not download. Check the network and click it again.",

  "fn.badArgument": "Argument not recognised.",
  "fn.notNumber": "'{value}' is not a number.",
  "fn.noNumbers": "No numbers to compute with.",
  "fn.rriInvalid":
    "Periods must be above 0, the first value non-zero, first and last of the same sign (as RRI).",
  "fn.rateTooLow": "A growth rate cannot be -100% or lower.",
  "fn.badBatch": "Invalid batch year: {value} (2022 or later).",
  "fn.noAuthority": "Give a recommending authority or province.",
  "fn.badAuthority": "Unknown recommending authority: {value}.",
  "fn.badRule": "Unknown rule '{value}'. Valid rule ids: {ids}",
  "fn.badCriteria": "Unknown criteria pack '{value}'. Built-in packs: {ids}",
  "fn.criteriaBatch": "The criteria pack {criteria} is for the {expected} batch only, not {given}.",
  "fn.noCap": "The criteria pack '{criteria}' has no recommendation cap.",
  "fn.noEmployees": "Zero employees: no per-10,000 figure.",
  "fn.negative": "Counts cannot be negative.",
  "fn.needRange": "Select the whole sheet laid out as the template (from A1).",
  "fn.noBatchTitle":
    "No batch year: the range must start at the template's A1 (title 'YYYY年度…'), or give the batch.",
  "fn.status.pass": "Meets",
  "fn.status.fail": "Does not meet",
  "fn.notInExcel": "Custom functions work only inside Excel.",
};
