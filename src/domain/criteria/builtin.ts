/**
 * The built-in packs: the national 认定标准 of each batch, generated from the catalogue (so its
 * numbers live in one place), and 云南省's provincial 认定 as a document.
 *
 * Decisions for the 云南 pack:
 *   - Its rules are the criteria the province publishes: area, output, the two shares, growth,
 *     the quality tier (1 冠军/小巨人 or 3 专精特新等), R&D growth and 工业互联网; no patent rules.
 *   - The gates are the national ones that are about the cluster itself (industry, incidents,
 *     taxes, energy and water efficiency); 「已获得省级认定」 is what the pack decides, so it is
 *     not a rule of it.
 *   - The 发展目标 targets a–g are the national form's plan requirements, not the province's:
 *     not in the pack.
 *   - 「西部地区可适当放宽」 is a clause of the national standard for choosing among provinces;
 *     a province judging its own clusters has no west to relax for: relaxWest false.
 *   - A province recognises clusters without a recommendation cap: caps null.
 *   - No batchYear: the data years are the three years before the sheet's batch, as for the
 *     national form the province's applicants fill.
 */
import { batchParams, isValidBatchYear, PUBLISHED_BATCH_YEARS } from "../batch";
import { rulesForBatch } from "../rules/catalogue";
import type { Rule } from "../rules/types";
import { resolvePack } from "./resolve";
import { PACK_FORMAT, type CriteriaPack, type PackDocument } from "./types";

const national = new Map<number, CriteriaPack>();

export const nationalPackId = (year: number): string => `national-${year}`;

/** The national standard for batch `year`: what every check applies when no pack is chosen. */
export function nationalPack(year: number): CriteriaPack {
  const known = national.get(year);
  if (known) return known;
  const batch = batchParams(year);
  const pack: CriteriaPack = {
    format: PACK_FORMAT,
    id: nationalPackId(year),
    name: `中小企业特色产业集群认定标准（${year}年度）`,
    programme: "工业和信息化部 中小企业特色产业集群认定",
    level: "国家级",
    source: "《中小企业特色产业集群认定标准（2022年版）》（工信部企业〔2022〕119号附件）",
    batchYear: year,
    relaxWest: true,
    caps: batch.caps,
    rules: rulesForBatch(batch),
  };
  national.set(year, pack);
  return pack;
}

export const YUNNAN_DOCUMENT: PackDocument = {
  format: PACK_FORMAT,
  id: "yunnan-provincial",
  name: "云南省省级中小企业特色产业集群认定标准",
  programme: "云南省 省级中小企业特色产业集群认定",
  level: "省级",
  source: "yncx.com.cn/newsdetail_ynszxqytscyjqrdbz.htm",
  relaxWest: false,
  caps: null,
  rules: [
    {
      id: "output_each_year_min_40",
      class: "hard",
      wording: "近三年产值均在10亿元以上",
      threshold: 10,
      operator: ">=",
    },
    {
      id: "sme_output_share_min_70",
      class: "hard",
      wording: "中小企业产值占集群总产值50%以上",
      threshold: 50,
      operator: ">=",
    },
    {
      id: "lead_industry_share_gt_70",
      class: "hard",
      wording: "主导产业占集群总产值比例高于60%",
      threshold: 60,
      operator: ">",
    },
    {
      id: "output_growth_gt_10",
      class: "hard",
      wording: "产值年均增速高于3%",
      threshold: 3,
      operator: ">",
    },
    {
      id: "quality_sme_tier",
      class: "hard",
      wording:
        "不少于1家主导产业的制造业单项冠军企业或专精特新“小巨人”企业,或者不少于3家专精特新中小企业、创新型中小企业和国家级高新技术企业",
      threshold: 1,
      altThreshold: 3,
    },
    {
      id: "rd_growth_gt_10",
      class: "hard",
      wording: "近三年中小企业研发经费年均增长高于5%",
      threshold: 5,
      operator: ">",
    },
    {
      id: "iiot_penetration_ge_15",
      class: "hard",
      wording: "工业互联网平台应用普及率不低于10%",
      threshold: 10,
      operator: ">=",
    },
    {
      id: "area_max_100",
      class: "soft",
      wording: "占地面积一般不超过100平方公里",
      threshold: 100,
      operator: "<=",
    },
    { id: "gate_not_prohibited_industry", class: "gate", wording: "不属于禁止、限制和淘汰类产业" },
    { id: "gate_no_major_incident_3y", class: "gate", wording: "近三年未发生较大及以上事故" },
    {
      id: "gate_no_tax_evasion",
      class: "gate",
      wording: "不存在偷税漏税、违法违规、严重失信和其他重大问题的行为",
    },
    { id: "energy_eff_vs_benchmark", class: "gate", wording: "高耗能行业能效高于行业基准值" },
    { id: "water_eff_vs_benchmark", class: "gate", wording: "高用水行业水效高于行业基准值" },
  ],
};

export const YUNNAN_PACK: CriteriaPack = resolvePack(YUNNAN_DOCUMENT);

/** Recognition lasts three years; the 复核 follows in the third year after (2022 → 2025). */
export const RECOGNITION_YEARS = 3;

export const reviewPackId = (recognitionYear: number, reviewYear: number): string =>
  `fuhe-${recognitionYear}-${reviewYear}`;

const reviews = new Map<string, CriteriaPack>();

/**
 * The 复核 of the clusters recognised in `recognitionYear`, held in `reviewYear` (by default three
 * years later). The province checks each one 「按照《暂行办法》认定标准逐一审查、核实」 on the three
 * years before the 复核 and gives reasons for every failure; no recommendation cap applies.
 *
 * Decisions: the rules are the recognition batch's national standard less what only an
 * application is judged on — the 发展目标 targets of section 八 (a plan for the years after
 * applying, not a result) and 「已获得省级认定」 (the cluster now holds the national one). The
 * national standard's 「西部地区可适当放宽」 stays.
 */
export function reviewPack(
  recognitionYear: number,
  reviewYear = recognitionYear + RECOGNITION_YEARS
): CriteriaPack {
  const id = reviewPackId(recognitionYear, reviewYear);
  const known = reviews.get(id);
  if (known) return known;
  const standard = nationalPack(recognitionYear);
  const pack: CriteriaPack = {
    format: PACK_FORMAT,
    id,
    name: `中小企业特色产业集群复核（${recognitionYear}年度认定，${reviewYear}年复核）`,
    programme: "工业和信息化部 中小企业特色产业集群复核",
    level: "国家级",
    source: "《促进中小企业特色产业集群发展暂行办法》（工信部企业〔2022〕119号）",
    batchYear: reviewYear,
    review: { recognitionYear },
    relaxWest: true,
    caps: null,
    rules: standard.rules.filter((r) => r.cls !== "plan" && r.id !== "gate_provincial_recognition"),
  };
  reviews.set(id, pack);
  return pack;
}

/**
 * The packs `jiqun criteria` lists: the national standard of each published batch, the 复核 of
 * each, then 云南.
 */
export function builtinPacks(): CriteriaPack[] {
  return [
    ...PUBLISHED_BATCH_YEARS.map(nationalPack),
    ...PUBLISHED_BATCH_YEARS.map((year) => reviewPack(year)),
    YUNNAN_PACK,
  ];
}

/**
 * A built-in pack by id; national-YYYY for any batch year, published or not, and fuhe-R-Y for a
 * 复核 in year Y of the clusters recognised in R (any valid years, R before Y).
 */
export function findBuiltinPack(id: string): CriteriaPack | undefined {
  if (id === YUNNAN_PACK.id) return YUNNAN_PACK;
  const review = /^fuhe-(\d{4})-(\d{4})$/u.exec(id);
  if (review) {
    const [recognised, held] = [Number(review[1]), Number(review[2])];
    return isValidBatchYear(recognised) && isValidBatchYear(held) && recognised < held
      ? reviewPack(recognised, held)
      : undefined;
  }
  const year = Number(/^national-(\d{4})$/u.exec(id)?.[1]);
  return isValidBatchYear(year) ? nationalPack(year) : undefined;
}

const sameRule = (a: Rule, b: Rule): boolean =>
  a.id === b.id &&
  a.cls === b.cls &&
  a.threshold === b.threshold &&
  JSON.stringify(a.criterion) === JSON.stringify(b.criterion);

/**
 * Whether a sheet's highlights drawn from pack `shown` mark what pack `applied` finds: the same
 * rules, classes, thresholds and operators, the same western relaxation and caps; wording aside.
 */
export function highlightsAgree(shown: CriteriaPack, applied: CriteriaPack): boolean {
  return (
    shown.relaxWest === applied.relaxWest &&
    JSON.stringify(shown.caps) === JSON.stringify(applied.caps) &&
    shown.rules.length === applied.rules.length &&
    shown.rules.every((r, i) => {
      const a = applied.rules[i];
      return a !== undefined && sameRule(r, a);
    })
  );
}

/** Whether a template of batch `year` built with its national standard marks what `pack` finds. */
export const highlightedAsNational = (pack: CriteriaPack, year: number): boolean =>
  highlightsAgree(nationalPack(year), pack);
