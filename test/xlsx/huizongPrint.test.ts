/**
 * The 推荐汇总表 on paper, as LibreOffice prints it: 「附件1」 first, at the top left, then the
 * title; a 150-character 集群简介 lies inside its own row, the page is A4 landscape at 100 % (body
 * text at its full size, nothing past the margins), the 「(盖章)」 line leaves room for a round
 * seal, and the official lines read in order.
 * Positions come from `pdftotext -bbox` (points, origin top left).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  batchParams,
  buildHuizongPlan,
  cellsIn,
  codePointLength,
  findAuthority,
  withHuizongRows,
  type Authority,
  type HuizongRow,
} from "../../src/domain";
import { PLAN_TEXT_ZH } from "../../src/i18n/planText";
import { templateXlsx } from "../../src/xlsx/templates";
import { convert, libreOfficeAvailable } from "../support/libreoffice";

const describeLo = libreOfficeAvailable() || process.env.CI ? describe : describe.skip;

/** 附件1 as published for the 2022 batch, line by line (later batches change only the year). */
const OFFICIAL_2022 = [
  "附件1",
  "2022年度中小企业特色产业集群推荐汇总表",
  "省级中小企业主管部门:(盖章)",
  "联系人和手机:",
  "序号",
  "集群名称",
  "集群运营管理机构",
  "所在省、市、县(区)",
  "主导产业",
  "集群成立时间",
  "集群简介(150字以内)",
];
const TITLE_2022 = OFFICIAL_2022[1] as string;
const SEAL_LINE = OFFICIAL_2022[2] as string;
const HEADER_LABELS = OFFICIAL_2022.slice(4);

const INTRO =
  "集群以智能泵阀为主导产业，集聚规模以上企业一百二十余家，形成铸造、精密加工、装配、检测到销售服务的完整产业链，产品覆盖工业泵、阀门、管件和智能控制系统等，国内市场占有率位居全国前列，出口四十多个国家和地区。集群建有国家级检测中心和省级创新平台，专精特新企业不断涌现，数字化转型和绿色制造水平持续提升。";

const MM = 72 / 25.4;
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
/** The writers' page margins: 0.5 inch left and right. */
const SIDE_MARGIN = 36;

interface Word {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}
interface Page {
  readonly width: number;
  readonly height: number;
}

/** Pages and words of a PDF from `pdftotext -bbox` (one <page> per page, one <word> per run). */
function bboxOf(pdf: string): { pages: Page[]; words: Word[] } {
  const html = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", pdf, "-"], {
    encoding: "utf8",
  });
  const pages: Page[] = [];
  const words: Word[] = [];
  const re =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu;
  for (const m of html.matchAll(re)) {
    if (m[1] !== undefined) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else
      words.push({
        page: pages.length,
        text: (m[7] ?? "").replace(/&amp;/gu, "&"),
        xMin: Number(m[3]),
        yMin: Number(m[4]),
        xMax: Number(m[5]),
        yMax: Number(m[6]),
      });
  }
  return { pages, words };
}

const centreY = (w: { yMin: number; yMax: number }): number => (w.yMin + w.yMax) / 2;

/**
 * Where a cell's text is printed: the word starting it and the words wrapped below it in the same
 * column, concatenated until they spell `text`. Undefined when the page does not show it.
 */
function locate(words: readonly Word[], page: number, text: string): Word | undefined {
  const on = words.filter((w) => w.page === page).sort((a, b) => a.yMin - b.yMin);
  for (const start of on) {
    if (!text.startsWith(start.text)) continue;
    let found: Word = start;
    let last = start;
    while (found.text !== text) {
      const next = on.find(
        (w) =>
          w.yMin >= last.yMax - 1 &&
          w.yMin - last.yMax < 10 &&
          w.xMin < last.xMax &&
          w.xMax > last.xMin &&
          text.startsWith(found.text + w.text)
      );
      if (!next) break;
      found = {
        page,
        text: found.text + next.text,
        xMin: Math.min(found.xMin, next.xMin),
        yMin: found.yMin,
        xMax: Math.max(found.xMax, next.xMax),
        yMax: next.yMax,
      };
      last = next;
    }
    if (found.text === text) return found;
  }
  return undefined;
}

describeLo("the 推荐汇总表 printed by LibreOffice", () => {
  const year = 2024;
  const plan = buildHuizongPlan(
    batchParams(year),
    PLAN_TEXT_ZH,
    findAuthority("浙江省") as Authority
  );
  const rows: HuizongRow[] = [
    {
      seq: 1,
      name: "浙江省甲县智能泵阀产业集群",
      operator: "甲县智能泵阀产业发展服务中心",
      location: "浙江省示例市甲县",
      industry: "智能泵阀",
      founded: 2012,
      intro: INTRO,
    },
    {
      seq: 2,
      name: "新疆生产建设兵团阿拉尔市纺织原料生产及加工产业集群",
      operator: "阿拉尔市纺织产业发展促进中心",
      location: "新疆生产建设兵团阿拉尔市",
      industry: "纺织原料生产及加工",
      founded: 2016,
      intro: "纺织原料生产及加工企业集聚。",
    },
  ];
  // Sheet rows, from the plan: the title's cell, the repeated header row, the table's first rows.
  const rowOf = (address: string): number => cellsIn(address)[0]?.row as number;
  const titleRow = rowOf(plan.cells.find((c) => c.style === "title")?.address as string);
  const headerRow = Number(/\d+/u.exec(plan.print.titleRows ?? "")?.[0]);
  const firstRow = rowOf(plan.names.find((n) => n.name === "HZ_name")?.address as string);
  const secondRow = firstRow + 1;
  let pages: Page[] = [];
  let words: Word[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jiqun-hz-print-"));
    const file = path.join(dir, "huizong.xlsx");
    writeFileSync(file, await templateXlsx(withHuizongRows(plan, rows)));
    ({ pages, words } = bboxOf(await convert(file, "pdf", dir)));
  }, 120_000);

  it("the fixture is a 150-character 简介, the column's limit", () => {
    expect(codePointLength(INTRO)).toBe(150);
  });

  it("every page is A4 landscape and no text passes its side margins", () => {
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(A4_LANDSCAPE.width, 0);
      expect(p.height).toBeCloseTo(A4_LANDSCAPE.height, 0);
    }
    for (const w of words) {
      expect(w.xMin).toBeGreaterThanOrEqual(SIDE_MARGIN - 1);
      expect(w.xMax).toBeLessThanOrEqual(A4_LANDSCAPE.width - SIDE_MARGIN + 1);
    }
  });

  it("prints at 100 %: the row pitch is the planned row height and the body text is 11 pt", () => {
    const one = words.find((w) => w.page === 1 && w.text === "1" && w.xMax < 100);
    const two = words.find((w) => w.page === 1 && w.text === "2" && w.xMax < 100);
    expect(one && two).toBeTruthy();
    const height = plan.rowHeights[firstRow] as number;
    expect(plan.rowHeights[secondRow]).toBe(height);
    const pitch = centreY(two as Word) - centreY(one as Word);
    expect(pitch / height).toBeCloseTo(1, 1);
    // CJK characters advance one em: a line's width over its characters is the printed size.
    const line = locate(words, 1, rows[1]?.intro as string) as Word;
    expect((line.xMax - line.xMin) / codePointLength(line.text)).toBeGreaterThanOrEqual(10);
  });

  it("all 150 characters of the 简介 are on the row's page, in order, inside the row", () => {
    const one = words.find((w) => w.page === 1 && w.text === "1" && w.xMax < 100) as Word;
    const two = words.find((w) => w.page === 1 && w.text === "2" && w.xMax < 100) as Word;
    const half = (centreY(two) - centreY(one)) / 2;
    const intro = locate(words, 1, INTRO);
    expect(intro?.text).toBe(INTRO);
    expect((intro as Word).yMin).toBeGreaterThanOrEqual(centreY(one) - half);
    expect((intro as Word).yMax).toBeLessThanOrEqual(centreY(one) + half);
    // Its lines: at least 10 pt each, as wide as the column allows.
    const lines = words.filter(
      (w) => w.page === 1 && w.yMin >= (intro as Word).yMin && w.yMax <= (intro as Word).yMax
    );
    const introLines = lines.filter(
      (w) =>
        INTRO.includes(w.text) && w.xMin >= (intro as Word).xMin && w.xMax <= (intro as Word).xMax
    );
    expect(introLines.map((w) => w.text).join("")).toBe(INTRO);
    for (const w of introLines)
      expect((w.xMax - w.xMin) / codePointLength(w.text)).toBeGreaterThanOrEqual(10);
  });

  it("the 「(盖章)」 line is at least 46 mm high on paper, room for a 42 mm round seal", () => {
    // The seal's row lies between the title's row and the header's, both centred in their rows.
    expect(headerRow - titleRow).toBe(2);
    expect(plan.rowHeights[titleRow + 1]).toBeGreaterThanOrEqual(46 * MM);
    const seal = locate(words, 1, SEAL_LINE) as Word;
    const title = locate(words, 1, TITLE_2022.replace("2022", String(year))) as Word;
    const header = locate(words, 1, "序号") as Word;
    const printed =
      centreY(header) -
      centreY(title) -
      ((plan.rowHeights[titleRow] as number) + (plan.rowHeights[headerRow] as number)) / 2;
    expect(seal).toBeDefined();
    expect(printed).toBeGreaterThanOrEqual(46 * MM - 1);
  });

  it("prints 「附件1」 first: the top line of the first page, at its left, above the title", () => {
    const first = words
      .filter((w) => w.page === 1)
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    const mark = locate(words, 1, "附件1") as Word;
    const title = locate(words, 1, TITLE_2022.replace("2022", String(year))) as Word;
    expect(first[0]?.text).toBe("附件1");
    expect(mark.xMin).toBeLessThan(SIDE_MARGIN + 10);
    expect(mark.yMax).toBeLessThan(title.yMin);
    // A line of text, not a block: the title follows within two of its own lines.
    expect(title.yMin - mark.yMax).toBeLessThan(2 * (mark.yMax - mark.yMin));
    // Printed once: later pages start with the repeated header row.
    for (let p = 2; p <= pages.length; p++) expect(locate(words, p, "附件1")).toBeUndefined();
  });

  it("shows 附件1's lines in the official order and wording, with the batch's year", () => {
    const official = OFFICIAL_2022.map((s) => s.replace("2022年度", `${year}年度`));
    const found = official.map((s) => locate(words, 1, s));
    expect(official.filter((_, i) => !found[i])).toEqual([]);
    // Reading order: a later line is in a lower row, or in the same row further right.
    for (let i = 1; i < found.length; i++) {
      const [a, b] = [found[i - 1] as Word, found[i] as Word];
      const sameRow = Math.abs(centreY(a) - centreY(b)) < 8;
      expect(sameRow ? b.xMin > a.xMax : centreY(b) > centreY(a)).toBe(true);
    }
  });

  it("every page repeats the column headings", () => {
    for (let p = 1; p <= pages.length; p++)
      for (const label of HEADER_LABELS)
        expect([p, locate(words, p, label)?.text]).toEqual([p, label]);
  });
});
