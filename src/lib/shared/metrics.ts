/**
 * The metric catalog, declared once like the column schema: every fixed metric of summary.json, every
 * breakdown of details.json, the derived rate, and the pages that show them. The data step takes ids, labels
 * and units from here; the site takes page links, KPI cards, navigation, decimals, change wording and colour
 * slots; the change report takes part–whole pairs. A metric id such as `funding.total` is written only here:
 * code refers to an entry (`METRICS.fundingTotal.id`), so a typo fails to compile.
 */
import type { DatasetId } from './types.ts';
import type { ChangeKind } from './format.ts';

/** A page of the site that shows figures, in navigation order. */
export interface PageDef {
  /** Navigation label and the name of the topic. */
  label: string;
  /** Site path without base, with trailing slash. */
  href: string;
}

/** The dataset pages, in navigation order (the overview, report and about pages frame them, see site/nav.ts). */
export const PAGES = {
  funding: { label: '经费投入', href: '/funding/' },
  militia: { label: '民兵警民协防', href: '/militia/' },
  training: { label: '培训与教育', href: '/training/' },
  school: { label: '驻军子女入学', href: '/school/' },
  indicators: { label: '其他指标', href: '/indicators/' },
  honors: { label: '双拥荣誉', href: '/honors/' },
} as const satisfies Record<string, PageDef>;

export type PageId = keyof typeof PAGES;

/** What every figure of the catalog declares. */
interface FigureDef {
  /** The id in summary.json or details.json, spelled as in the data contract. */
  id: string;
  /** Chinese label, as published in the JSON. */
  label: string;
  unit: string;
  /** Decimals shown on pages (at most; see `fixed`). */
  decimals: number;
  /** Always show `decimals` decimals, so money columns align (270.30 under 298.36). */
  fixed: boolean;
  /** The page that shows it, and the id of the element there: its figure (table, chart and CSV download), or for honours the timeline. */
  page: PageId;
  anchor: string;
  /** The dataset it is aggregated from. */
  family: DatasetId;
}

/** A fixed metric of summary.json (contract §3): always present, with empty byYear when its file has no rows. */
export interface MetricDef extends FigureDef {
  /** How its change against last year is worded: percent, 百分点 (rates) or a count difference (small counts). */
  change: ChangeKind;
  /**
   * Palette slot of its series in charts (src/lib/shared/palette.ts): each charted metric has its own hue (1–8),
   * so a colour means one measure on every page; 0 (neutral) for a metric without a chart of its own.
   */
  color: number;
  /** Catalog key of the metric it is part of: never larger in the same year. */
  partOf?: string;
  /** A year without rows counts as 0 (a year without honours had none), not as missing. */
  absentIsZero?: boolean;
  /** Position among the overview's key-figure cards (1 = first); absent: no card. */
  card?: number;
}

/** A breakdown of details.json: one measure by a key, per year. */
export interface BreakdownDef extends FigureDef {
  /** Catalog key of the metric whose yearly total it splits. */
  total: string;
  /** Catalog key of its dimension. */
  dimension: string;
  /** Catalog key of the breakdown it is part of, key by key. */
  partOf?: string;
}

/** What a breakdown is split by. */
export interface DimensionDef {
  /** Column header in tables. */
  label: string;
  /** Keys are free text typed by an admin (a key on one row only may be a typo); false for fixed lists (学段, months). */
  freeText: boolean;
}

/** A rate derived from two metrics of the same year (part ÷ whole), shown in % and compared in 百分点. */
export interface RateDef {
  label: string;
  part: string;
  whole: string;
  decimals: number;
  page: PageId;
  anchor: string;
  change: ChangeKind;
  color: number;
  card?: number;
}

export const METRICS = {
  fundingTotal: {
    id: 'funding.total',
    label: '经费投入',
    unit: '万元',
    decimals: 2,
    fixed: true,
    page: 'funding',
    anchor: 'funding-total',
    family: 'funding',
    change: 'percent',
    color: 1,
    card: 1,
  },
  militiaCases: {
    id: 'militia.cases',
    label: '查处案件',
    unit: '起',
    decimals: 0,
    fixed: false,
    page: 'militia',
    anchor: 'militia-total',
    family: 'militia_cases',
    change: 'percent',
    color: 2,
    card: 2,
  },
  militiaPersons: {
    id: 'militia.persons',
    label: '抓获涉案人员',
    unit: '人',
    decimals: 0,
    fixed: false,
    page: 'militia',
    anchor: 'militia-total',
    family: 'militia_cases',
    change: 'percent',
    color: 3,
    card: 3,
  },
  trainingSessions: {
    id: 'training.sessions',
    label: '培训教育场次',
    unit: '场次',
    decimals: 0,
    fixed: false,
    page: 'training',
    anchor: 'training-sessions',
    family: 'training_sessions',
    change: 'percent',
    color: 4,
    card: 4,
  },
  trainingParticipants: {
    id: 'training.participants',
    label: '培训教育参加人次',
    unit: '人次',
    decimals: 0,
    fixed: false,
    page: 'training',
    anchor: 'training-participants',
    family: 'training_sessions',
    change: 'percent',
    color: 5,
    card: 5,
  },
  schoolRequested: {
    id: 'school.requested',
    label: '驻军子女入学申请人数',
    unit: '名',
    decimals: 0,
    fixed: false,
    page: 'school',
    anchor: 'school-total',
    family: 'school_placements',
    change: 'percent',
    color: 6,
  },
  schoolPlaced: {
    id: 'school.placed',
    label: '驻军子女入学安排人数',
    unit: '名',
    decimals: 0,
    fixed: false,
    page: 'school',
    anchor: 'school-total',
    family: 'school_placements',
    change: 'percent',
    color: 7,
    partOf: 'schoolRequested',
    card: 6,
  },
  honorsCount: {
    id: 'honors.count',
    label: '获得荣誉',
    unit: '项',
    decimals: 0,
    fixed: false,
    page: 'honors',
    // The honors page lists the honours year by year; its table is a download only (honors-by-year.csv).
    anchor: 'timeline',
    family: 'honors',
    change: 'count',
    color: 0,
    absentIsZero: true,
    card: 8,
  },
} as const satisfies Record<string, MetricDef>;

export type MetricKey = keyof typeof METRICS;

export const DIMENSIONS = {
  fundingCategory: { label: '类别', freeText: true },
  militiaSubdistrict: { label: '街道', freeText: true },
  militiaCaseType: { label: '案件类型', freeText: true },
  militiaMonth: { label: '月份', freeText: false },
  trainingKind: { label: '类别', freeText: true },
  schoolStage: { label: '学段', freeText: false },
} as const satisfies Record<string, DimensionDef>;

export type DimensionKey = keyof typeof DIMENSIONS;

export const BREAKDOWNS = {
  fundingCategory: {
    id: 'funding.category',
    label: '经费投入（按类别）',
    unit: '万元',
    decimals: 2,
    fixed: true,
    page: 'funding',
    anchor: 'funding-category',
    family: 'funding',
    total: 'fundingTotal',
    dimension: 'fundingCategory',
  },
  militiaSubdistrictCases: {
    id: 'militia.subdistrict.cases',
    label: '查处案件（按办事处）',
    unit: '起',
    decimals: 0,
    fixed: false,
    page: 'militia',
    anchor: 'militia-subdistrict',
    family: 'militia_cases',
    total: 'militiaCases',
    dimension: 'militiaSubdistrict',
  },
  militiaSubdistrictPersons: {
    id: 'militia.subdistrict.persons',
    label: '抓获涉案人员（按办事处）',
    unit: '人',
    decimals: 0,
    fixed: false,
    page: 'militia',
    anchor: 'militia-subdistrict',
    family: 'militia_cases',
    total: 'militiaPersons',
    dimension: 'militiaSubdistrict',
  },
  militiaCaseTypeCases: {
    id: 'militia.case_type.cases',
    label: '查处案件（按案件类型）',
    unit: '起',
    decimals: 0,
    fixed: false,
    page: 'militia',
    anchor: 'militia-case-type',
    family: 'militia_cases',
    total: 'militiaCases',
    dimension: 'militiaCaseType',
  },
  militiaCaseTypePersons: {
    id: 'militia.case_type.persons',
    label: '抓获涉案人员（按案件类型）',
    unit: '人',
    decimals: 0,
    fixed: false,
    page: 'militia',
    anchor: 'militia-case-type',
    family: 'militia_cases',
    total: 'militiaPersons',
    dimension: 'militiaCaseType',
  },
  militiaMonthCases: {
    id: 'militia.month.cases',
    label: '查处案件（按月份）',
    unit: '起',
    decimals: 0,
    fixed: false,
    page: 'militia',
    anchor: 'militia-month',
    family: 'militia_cases',
    total: 'militiaCases',
    dimension: 'militiaMonth',
  },
  militiaMonthPersons: {
    id: 'militia.month.persons',
    label: '抓获涉案人员（按月份）',
    unit: '人',
    decimals: 0,
    fixed: false,
    page: 'militia',
    anchor: 'militia-month',
    family: 'militia_cases',
    total: 'militiaPersons',
    dimension: 'militiaMonth',
  },
  trainingKindSessions: {
    id: 'training.kind.sessions',
    label: '培训教育场次（按类别）',
    unit: '场次',
    decimals: 0,
    fixed: false,
    page: 'training',
    anchor: 'training-kind-sessions',
    family: 'training_sessions',
    total: 'trainingSessions',
    dimension: 'trainingKind',
  },
  trainingKindParticipants: {
    id: 'training.kind.participants',
    label: '培训教育参加人次（按类别）',
    unit: '人次',
    decimals: 0,
    fixed: false,
    page: 'training',
    anchor: 'training-kind-participants',
    family: 'training_sessions',
    total: 'trainingParticipants',
    dimension: 'trainingKind',
  },
  schoolStageRequested: {
    id: 'school.stage.requested',
    label: '申请人数（按学段）',
    unit: '名',
    decimals: 0,
    fixed: false,
    page: 'school',
    anchor: 'school-stage',
    family: 'school_placements',
    total: 'schoolRequested',
    dimension: 'schoolStage',
  },
  schoolStagePlaced: {
    id: 'school.stage.placed',
    label: '安排人数（按学段）',
    unit: '名',
    decimals: 0,
    fixed: false,
    page: 'school',
    anchor: 'school-stage',
    family: 'school_placements',
    total: 'schoolPlaced',
    dimension: 'schoolStage',
    partOf: 'schoolStageRequested',
  },
} as const satisfies Record<string, BreakdownDef>;

export type BreakdownKey = keyof typeof BREAKDOWNS;

export const RATES = {
  schoolPlacement: {
    label: '驻军子女入学安排率',
    part: 'schoolPlaced',
    whole: 'schoolRequested',
    decimals: 1,
    page: 'school',
    anchor: 'school-rate',
    change: 'points',
    color: 8,
    card: 7,
  },
} as const satisfies Record<string, RateDef>;

// Cross-references name catalog keys; these lines fail to compile ("Type 'true' is not assignable to type 'false'")
// when one names no entry.
type ValuesOf<T, F extends string> = { [K in keyof T]: T[K] extends Record<F, infer V> ? V : never }[keyof T];
const metricRefsExist: ValuesOf<typeof METRICS, 'partOf'> | ValuesOf<typeof BREAKDOWNS, 'total'> | ValuesOf<typeof RATES, 'part' | 'whole'> extends MetricKey ? true : false = true;
const breakdownRefsExist: ValuesOf<typeof BREAKDOWNS, 'partOf'> extends BreakdownKey ? true : false = true;
const dimensionRefsExist: ValuesOf<typeof BREAKDOWNS, 'dimension'> extends DimensionKey ? true : false = true;
void [metricRefsExist, breakdownRefsExist, dimensionRefsExist];

/**
 * Part–whole pairs between indicators of indicators.csv, by indicator name: the part never exceeds the whole in
 * the same year (checked by the change report when both indicators are present).
 */
export const INDICATOR_PARTS: readonly { part: string; whole: string }[] = [{ part: '涉军案件胜诉', whole: '代理涉军案件' }];

/** The prefix of an indicators.csv figure's metric id: `indicator:<指标>` (contract §3). */
const INDICATOR_PREFIX = 'indicator:';

/** The metric id of an indicator: `indicator:走访调研驻军次数`. */
export function indicatorMetricId(name: string): string {
  return `${INDICATOR_PREFIX}${name}`;
}

/** The indicator name of an `indicator:` metric id; another id gives null. */
export function indicatorName(id: string): string | null {
  return id.startsWith(INDICATOR_PREFIX) ? id.slice(INDICATOR_PREFIX.length) : null;
}

/** The metric id of one funding category: `funding.category:<类别>` (contract §3), and its label. */
export function fundingCategoryMetric(category: string): { id: string; label: string } {
  return { id: `${BREAKDOWNS.fundingCategory.id}:${category}`, label: `${METRICS.fundingTotal.label}（${category}）` };
}

const metricById = new Map<string, MetricDef>(Object.values(METRICS).map((m) => [m.id, m]));
const breakdownById = new Map<string, BreakdownDef>(Object.values(BREAKDOWNS).map((b) => [b.id, b]));

/** The catalog entry of a fixed metric id; a dynamic or unknown id gives null. */
export function metricDef(id: string): MetricDef | null {
  return metricById.get(id) ?? null;
}

/** The catalog entry of a breakdown id; an unknown id gives null. */
export function breakdownDef(id: string): BreakdownDef | null {
  return breakdownById.get(id) ?? null;
}

/** The fixed metrics in catalog order: the ones summary.json always holds. */
export function fixedMetrics(): MetricDef[] {
  return Object.values(METRICS);
}

/** The fixed metrics shown on a page, in catalog order. */
export function pageMetrics(page: PageId): MetricDef[] {
  return fixedMetrics().filter((m) => m.page === page);
}

/**
 * Where a figure is shown, as a site path without base: a fixed metric or breakdown goes to its figure
 * (`/funding/#funding-total`), a breakdown key (`training.kind.participants:国防教育`) or a funding category to
 * the breakdown's figure, an indicator to the indicators page; an unknown id gives null.
 */
export function figureHref(id: string): string | null {
  if (indicatorName(id) !== null) return PAGES.indicators.href;
  const colon = id.indexOf(':');
  const def = metricDef(id) ?? breakdownDef(colon < 0 ? id : id.slice(0, colon));
  return def ? `${PAGES[def.page].href}#${def.anchor}` : null;
}

/** The metric or breakdown pairs whose part never exceeds its whole in the same year (and key), by id. */
export function partWholePairs(): { part: string; whole: string }[] {
  const pairs: { part: string; whole: string }[] = [];
  for (const m of Object.values(METRICS) as MetricDef[]) if (m.partOf) pairs.push({ part: m.id, whole: METRICS[m.partOf as MetricKey].id });
  for (const b of Object.values(BREAKDOWNS) as BreakdownDef[]) if (b.partOf) pairs.push({ part: b.id, whole: BREAKDOWNS[b.partOf as BreakdownKey].id });
  for (const p of INDICATOR_PARTS) pairs.push({ part: indicatorMetricId(p.part), whole: indicatorMetricId(p.whole) });
  return pairs;
}

/**
 * The dimensions whose keys are free text, named as `<family>.<dimension>` prefixes of their breakdown ids
 * (`militia.subdistrict` for `militia.subdistrict.cases` and `.persons`), for the change report's typo check.
 */
export function freeTextDimensionIds(): string[] {
  const out: string[] = [];
  for (const b of Object.values(BREAKDOWNS) as BreakdownDef[]) {
    if (!DIMENSIONS[b.dimension as DimensionKey].freeText) continue;
    const prefix = b.id.split('.').slice(0, 2).join('.');
    if (!out.includes(prefix)) out.push(prefix);
  }
  return out;
}

/** Metrics whose change is a count difference (small counts): a large relative swing there is normal. */
export function countChangeMetricIds(): string[] {
  return fixedMetrics()
    .filter((m) => m.change === 'count')
    .map((m) => m.id);
}
