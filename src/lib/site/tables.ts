/**
 * The one registry of every chart's table: from SiteData it builds, per figure, the table
 * (used by the page's HTML table and by the CSV download), the chart data and the sentence.
 * Every figure on a dataset page comes from here, so table, chart and CSV can never disagree.
 */
import type { SiteData } from './site-data.ts';
import type { Breakdown, MetricSeries } from '../shared/types.ts';
import { describeSeries, describePair, describeTop, describePeakMonth, describeChangeCounts, describeRate, seriesYears } from './sentence.ts';

/** One table cell: a number we computed, a text, or null (shown as "—", empty in CSV). */
export type Cell = string | number | null;

/**
 * How a column's cells are shown: `number` plain; `percent` a number already ×100 ("96.5%");
 * `change` a yoy already ×100 and rounded, or the text 无上年数据/上年为零 ("增长 12.4%");
 * `points` a difference of rates in 百分点, or a text ("提高 1.2 个百分点").
 */
export type ColumnKind = 'text' | 'number' | 'percent' | 'change' | 'points';

export interface TableColumn {
  /** Header text, with the unit where it differs from the table's (e.g. 占比（%）). */
  label: string;
  kind: ColumnKind;
  /** Decimals shown for numbers (default 0). */
  frac?: number;
  /** Always show `frac` decimals (万元 columns: 270.30 aligns with 298.36). */
  fixed?: boolean;
}

export interface ChartSeries {
  name: string;
  /** Palette slot 1–6; 0 is the neutral "other" colour. */
  color: number;
  values: (number | null)[];
  /** Per-bar palette slots, when each bar is a category with its own colour. */
  pointColors?: number[];
}

export interface ChartSpec {
  type: 'bar' | 'line';
  /** Horizontal bars (for a sorted ranking). */
  horizontal?: boolean;
  stacked?: boolean;
  labels: string[];
  series: ChartSeries[];
  /** The value axis title (the unit). */
  axisTitle: string;
  /** Decimals in tooltips. */
  frac: number;
  /** Upper bound of the value axis, e.g. 100 for a percentage. */
  max?: number;
  /** Lower bound of the value axis when a line of rates does not start at zero (the note then says so). */
  min?: number;
  /** A note when the chart shows less than the table (e.g. folded categories). */
  note?: string;
}

export interface TableSpec {
  /** Stable id: the CSV file name (`downloads/<id>.csv`) and the figure's anchor. */
  id: string;
  title: string;
  /** Unit line text without the prefix (单位：…). */
  unit: string;
  /** Publisher, without the prefix (数据来源：…). */
  source: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** The 合计 row, shown in <tfoot> and written last in the CSV. */
  total?: Cell[];
  footnote?: string;
  /** The generated sentence (summary, text alternative, print caption). */
  sentence: string;
  chart?: ChartSpec;
}

export interface TableContext {
  /** Publisher for the source line (config.source). */
  source: string;
}

export const ROUNDING_NOTE = '部分数据因四舍五入，分项合计与总计略有出入。';
export const OTHER_LABEL = '其余类别';
/** The key the data step gives rows without a case type. */
export const UNCLASSIFIED = '未分类';
/** At most this many colours in one chart (DESIGN.md). */
export const MAX_SERIES = 6;

const EMPTY_METRIC: MetricSeries = { label: '', unit: '', byYear: {}, yoy: {} };
const EMPTY_BREAKDOWN: Breakdown = { label: '', unit: '', keys: [], byYear: {}, rowCount: {} };

/** A metric by id; absent gives an empty series with `fallbackLabel`. */
export function metricOf(data: SiteData, id: string, fallbackLabel = id): MetricSeries {
  const m = data.summary.metrics[id];
  return m ?? { ...EMPTY_METRIC, label: fallbackLabel };
}

/** A breakdown by id; absent gives an empty one. */
export function breakdownOf(data: SiteData, id: string): Breakdown {
  return data.details.breakdowns[id] ?? EMPTY_BREAKDOWN;
}

/** The last year a series has data; none gives null. */
export function lastYearOf(byYear: Record<string, unknown>): number | null {
  const ys = seriesYears(byYear as Record<string, number>);
  return ys.length ? (ys[ys.length - 1] as number) : null;
}

/** Round to `frac` decimals, never -0. */
export function roundTo(value: number, frac: number): number {
  const r = Number(value.toFixed(frac));
  return r === 0 ? 0 : r;
}

/** A yoy ratio as a change cell: ×100 rounded to 1 decimal; null gives 上年为零 or 无上年数据. */
export function changeCell(byYear: Record<string, number>, year: number, yoy: number | null | undefined): Cell {
  if (yoy === null || yoy === undefined || !Number.isFinite(yoy)) {
    return byYear[String(year - 1)] === 0 ? '上年为零' : '无上年数据';
  }
  return roundTo(yoy * 100, 1);
}

/** A yoy computed from two values as in the contract: null when the previous value is missing or zero. */
export function yoyOf(current: number | undefined, previous: number | undefined): number | null {
  if (current === undefined || previous === undefined || previous === 0) return null;
  return (current - previous) / previous;
}

/** Placed ÷ requested; zero or missing requested gives null. */
export function rateOf(placed: number | undefined, requested: number | undefined): number | null {
  if (placed === undefined || requested === undefined || requested === 0) return null;
  return placed / requested;
}

/**
 * Palette slots for a breakdown's keys, in its display order: with ≤ 6 keys each gets 1–6; with more,
 * the first 5 get 1–5 and the rest share 0 ("other"). Keyed on the breakdown, so a category keeps its colour on every page.
 */
export function colorSlots(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const fold = keys.length > MAX_SERIES;
  keys.forEach((k, i) => {
    out[k] = fold ? (i < MAX_SERIES - 1 ? i + 1 : 0) : i + 1;
  });
  return out;
}

/**
 * One colour order for a dimension measured several ways (e.g. training kinds by sessions and by participants):
 * keys ranked by the sum of their shares of each breakdown's all-year total, so a kind keeps its colour in every chart.
 */
export function sharedKeyOrder(breakdowns: readonly Breakdown[]): string[] {
  const score = new Map<string, number>();
  const first = new Map<string, number>();
  for (const bd of breakdowns) {
    const totals = new Map<string, number>();
    for (const row of Object.values(bd.byYear)) for (const [k, v] of Object.entries(row)) totals.set(k, (totals.get(k) ?? 0) + v);
    const whole = [...totals.values()].reduce((a, b) => a + b, 0);
    for (const k of bd.keys) {
      if (!first.has(k)) first.set(k, first.size);
      score.set(k, (score.get(k) ?? 0) + (whole > 0 ? (totals.get(k) ?? 0) / whole : 0));
    }
  }
  return [...score.keys()].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || (first.get(a) ?? 0) - (first.get(b) ?? 0));
}

/** Unit text for two measures: the same unit once, different ones joined by "、". */
function unitPair(a: string, b: string): string {
  return a === b ? a : [a, b].filter(Boolean).join('、');
}

function fracFor(unit: string): number {
  return unit === '万元' ? 2 : unit === '%' ? 1 : 0;
}

/** Years of a metric as table rows: 年度 | value | 比上年增减（%）. */
function yearlyTable(
  data: SiteData,
  ctx: TableContext,
  id: string,
  metricId: string,
  fallbackLabel: string,
  title: (label: string) => string,
  color: number,
): TableSpec {
  const m = metricOf(data, metricId, fallbackLabel);
  const frac = fracFor(m.unit);
  const years = seriesYears(m.byYear);
  const last = years[years.length - 1];
  return {
    id,
    title: title(m.label),
    unit: m.unit,
    source: ctx.source,
    columns: [
      { label: '年度', kind: 'text' },
      { label: `${m.label}（${m.unit}）`, kind: 'number', frac, fixed: m.unit === '万元' },
      { label: '比上年增减（%）', kind: 'change' },
    ],
    rows: years.map((y) => [`${y}年`, m.byYear[String(y)] ?? null, changeCell(m.byYear, y, m.yoy[String(y)])]),
    sentence: last === undefined ? `暂无${m.label}数据。` : describeSeries({ ...m, year: last, maxFrac: frac }),
    chart: years.length
      ? {
          type: 'bar',
          labels: years.map((y) => `${y}年`),
          series: [{ name: m.label, color, values: years.map((y) => m.byYear[String(y)] ?? null) }],
          axisTitle: m.unit,
          frac,
        }
      : undefined,
  };
}

/** Two metrics by year side by side: 年度 | a | 比上年 | b | 比上年. */
function yearlyPairTable(
  data: SiteData,
  ctx: TableContext,
  id: string,
  aId: string,
  bId: string,
  aFallback: string,
  bFallback: string,
  title?: string,
): TableSpec {
  const a = metricOf(data, aId, aFallback);
  const b = metricOf(data, bId, bFallback);
  const years = [...new Set([...seriesYears(a.byYear), ...seriesYears(b.byYear)])].sort((x, y) => x - y);
  const last = years[years.length - 1];
  const fa = fracFor(a.unit);
  const fb = fracFor(b.unit);
  return {
    id,
    title: title ?? `历年${a.label}与${b.label}`,
    unit: unitPair(a.unit, b.unit),
    source: ctx.source,
    columns: [
      { label: '年度', kind: 'text' },
      { label: `${a.label}（${a.unit}）`, kind: 'number', frac: fa },
      { label: `${a.label}比上年增减（%）`, kind: 'change' },
      { label: `${b.label}（${b.unit}）`, kind: 'number', frac: fb },
      { label: `${b.label}比上年增减（%）`, kind: 'change' },
    ],
    rows: years.map((y) => {
      const k = String(y);
      return [
        `${y}年`,
        a.byYear[k] ?? null,
        a.byYear[k] === undefined ? null : changeCell(a.byYear, y, a.yoy[k]),
        b.byYear[k] ?? null,
        b.byYear[k] === undefined ? null : changeCell(b.byYear, y, b.yoy[k]),
      ];
    }),
    sentence:
      last === undefined
        ? `暂无${a.label}和${b.label}数据。`
        : describePair({ ...a, year: last, maxFrac: fa }, { ...b, year: last, maxFrac: fb }),
    chart: years.length
      ? {
          type: 'bar',
          labels: years.map((y) => `${y}年`),
          series: [
            { name: a.label, color: 1, values: years.map((y) => a.byYear[String(y)] ?? null) },
            { name: b.label, color: 2, values: years.map((y) => b.byYear[String(y)] ?? null) },
          ],
          axisTitle: unitPair(a.unit, b.unit),
          frac: Math.max(fa, fb),
        }
      : undefined,
  };
}

/**
 * A breakdown as a key × year table with a 合计 row, charted as stacked bars by year
 * (more than 6 keys: the smallest are folded into 其余类别 in the chart only; the table lists all).
 */
function breakdownByYearTable(
  data: SiteData,
  ctx: TableContext,
  id: string,
  breakdownId: string,
  totalMetricId: string | null,
  dimension: string,
  title: string,
  /** The dimension's colour order, shared by every breakdown of it (default: this breakdown's keys). */
  colorOrder?: string[],
): TableSpec {
  const bd = breakdownOf(data, breakdownId);
  const years = seriesYears(bd.byYear as unknown as Record<string, number>);
  const frac = fracFor(bd.unit);
  const order = colorOrder ? [...colorOrder, ...bd.keys.filter((k) => !colorOrder.includes(k))] : bd.keys;
  const slots = colorSlots(order);
  const total = totalMetricId ? metricOf(data, totalMetricId) : null;
  const unit = bd.unit || total?.unit || '';
  const sumYear = (y: number): number | null => {
    const fromMetric = total?.byYear[String(y)];
    if (fromMetric !== undefined) return fromMetric;
    const row = bd.byYear[String(y)];
    return row ? roundTo(Object.values(row).reduce((s, v) => s + v, 0), frac) : null;
  };
  const last = years[years.length - 1];
  const series: ChartSeries[] = [];
  const present = order.filter((k) => bd.keys.includes(k));
  const folded = present.filter((k) => slots[k] === 0);
  for (const k of present) {
    if (slots[k] === 0) continue;
    series.push({ name: k, color: slots[k] as number, values: years.map((y) => bd.byYear[String(y)]?.[k] ?? 0) });
  }
  if (folded.length) {
    series.push({
      name: OTHER_LABEL,
      color: 0,
      values: years.map((y) => roundTo(folded.reduce((s, k) => s + (bd.byYear[String(y)]?.[k] ?? 0), 0), frac)),
    });
  }
  return {
    id,
    title,
    unit,
    source: ctx.source,
    columns: [{ label: dimension, kind: 'text' }, ...years.map((y) => ({ label: `${y}年`, kind: 'number' as const, frac, fixed: bd.unit === '万元' }))],
    rows: bd.keys.map((k) => [k, ...years.map((y) => bd.byYear[String(y)]?.[k] ?? null)]),
    total: years.length ? ['合计', ...years.map(sumYear)] : undefined,
    footnote: ROUNDING_NOTE,
    sentence:
      last === undefined ? `暂无${stripSuffix(bd.label || title)}分项数据。` : describeTop(stripSuffix(bd.label || title), unit, last, bd.byYear[String(last)] ?? {}, frac),
    chart: years.length
      ? {
          type: 'bar',
          stacked: true,
          labels: years.map((y) => `${y}年`),
          series,
          axisTitle: bd.unit,
          frac,
          note: folded.length ? `图中${folded.join('、')}合并为“${OTHER_LABEL}”，表中分列。` : undefined,
        }
      : undefined,
  };
}

/** "查处案件（按街道）" → "查处案件": breakdown labels name the measure first. */
function stripSuffix(label: string): string {
  return label.replace(/[（(][^）)]*[）)]$/, '');
}

/** One year of two breakdowns with the same keys: key | a | b, sorted as the breakdown, with 合计. */
function breakdownPairForYear(
  data: SiteData,
  ctx: TableContext,
  id: string,
  aId: string,
  bId: string,
  aMetric: string,
  bMetric: string,
  dimension: string,
  titleOf: (year: number | null) => string,
  ranked = true,
  forYear?: number,
): TableSpec {
  const a = breakdownOf(data, aId);
  const b = breakdownOf(data, bId);
  const am = metricOf(data, aMetric);
  const bm = metricOf(data, bMetric);
  const year = forYear ?? lastYearOf(a.byYear);
  const ay = year === null ? {} : (a.byYear[String(year)] ?? {});
  const by = year === null ? {} : (b.byYear[String(year)] ?? {});
  // A ranking: largest first in the year shown, 未分类 always last; unranked keeps the breakdown's canonical order (学段).
  const present = a.keys.filter((k) => ay[k] !== undefined || by[k] !== undefined);
  const keys = !ranked
    ? present
    : [...present].sort((x, y) => Number(x === UNCLASSIFIED) - Number(y === UNCLASSIFIED) || (ay[y] ?? 0) - (ay[x] ?? 0) || (by[y] ?? 0) - (by[x] ?? 0));
  const aLabel = am.label || stripSuffix(a.label);
  const bLabel = bm.label || stripSuffix(b.label);
  return {
    id,
    title: titleOf(year),
    unit: unitPair(a.unit || am.unit, b.unit || bm.unit),
    source: ctx.source,
    columns: [
      { label: dimension, kind: 'text' },
      { label: `${aLabel}（${a.unit || am.unit}）`, kind: 'number' },
      { label: `${bLabel}（${b.unit || bm.unit}）`, kind: 'number' },
    ],
    rows: keys.map((k) => [k, ay[k] ?? 0, by[k] ?? 0]),
    total:
      year === null
        ? undefined
        : ['合计', am.byYear[String(year)] ?? sum(Object.values(ay)), bm.byYear[String(year)] ?? sum(Object.values(by))],
    sentence: year === null ? `暂无${aLabel}数据。` : describeTop(aLabel, a.unit, year, ay, 0),
    chart: keys.length
      ? {
          type: 'bar',
          horizontal: true,
          labels: keys,
          series: [
            { name: aLabel, color: 1, values: keys.map((k) => ay[k] ?? 0) },
            { name: bLabel, color: 2, values: keys.map((k) => by[k] ?? 0) },
          ],
          axisTitle: unitPair(a.unit, b.unit),
          frac: 0,
        }
      : undefined,
  };
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

function fundingShare(data: SiteData, ctx: TableContext): TableSpec {
  const bd = breakdownOf(data, 'funding.category');
  const total = metricOf(data, 'funding.total', '经费投入');
  const year = lastYearOf(bd.byYear);
  const row = year === null ? {} : (bd.byYear[String(year)] ?? {});
  const whole = year === null ? 0 : (total.byYear[String(year)] ?? sum(Object.values(row)));
  const sorted = Object.entries(row).sort((x, y) => y[1] - x[1] || bd.keys.indexOf(x[0]) - bd.keys.indexOf(y[0]));
  const slots = colorSlots(bd.keys);
  return {
    id: 'funding-category-share',
    title: year === null ? '经费投入各类别金额及占比' : `${year}年经费投入各类别金额及占比`,
    unit: '万元',
    source: ctx.source,
    columns: [
      { label: '类别', kind: 'text' },
      { label: '金额（万元）', kind: 'number', frac: 2, fixed: true },
      { label: '占比（%）', kind: 'percent', frac: 1 },
    ],
    rows: sorted.map(([k, v]) => [k, v, whole > 0 ? roundTo((v / whole) * 100, 1) : null]),
    total: year === null ? undefined : ['合计', whole, whole > 0 ? 100 : null],
    footnote: ROUNDING_NOTE,
    sentence: year === null ? '暂无经费投入分项数据。' : describeTop(total.label || '经费投入', '万元', year, row, 2),
    chart: sorted.length
      ? {
          type: 'bar',
          horizontal: true,
          labels: sorted.map(([k]) => k),
          // One series, each bar in its category's colour, so the category looks the same as in the stacked chart.
          series: [{ name: '金额', color: 1, values: sorted.map(([, v]) => v), pointColors: sorted.map(([k]) => slots[k] ?? 0) }],
          axisTitle: '万元',
          frac: 2,
        }
      : undefined,
  };
}

function fundingCategoryYoy(data: SiteData, ctx: TableContext): TableSpec {
  const bd = breakdownOf(data, 'funding.category');
  const year = lastYearOf(bd.byYear);
  const prev = year === null ? null : year - 1;
  const cur = year === null ? {} : (bd.byYear[String(year)] ?? {});
  const before = prev === null ? {} : (bd.byYear[String(prev)] ?? {});
  const keys = bd.keys.filter((k) => cur[k] !== undefined || before[k] !== undefined);
  const yoys = keys.map((k) => yoyOf(cur[k], before[k]));
  return {
    id: 'funding-category-yoy',
    title: year === null ? '经费投入各类别比上年增减' : `${year}年经费投入各类别比上年增减`,
    unit: '万元',
    source: ctx.source,
    columns: [
      { label: '类别', kind: 'text' },
      { label: `${prev ?? ''}年（万元）`, kind: 'number', frac: 2, fixed: true },
      { label: `${year ?? ''}年（万元）`, kind: 'number', frac: 2, fixed: true },
      { label: '比上年增减（%）', kind: 'change' },
    ],
    rows: keys.map((k, i) => {
      const y = yoys[i] ?? null;
      const change: Cell = cur[k] === undefined ? null : y === null ? (before[k] === 0 ? '上年为零' : '无上年数据') : roundTo(y * 100, 1);
      return [k, before[k] ?? null, cur[k] ?? null, change];
    }),
    sentence:
      year === null
        ? '暂无经费投入分项数据。'
        : describeChangeCounts(year, '类别', keys.filter((k) => cur[k] !== undefined).map((k) => yoyOf(cur[k], before[k]))),
  };
}

/** The year and month (China Standard Time) of an ISO timestamp; a bad one gives null. */
export function cstYearMonth(iso: string): { year: number; month: number } | null {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return null;
  const d = new Date(t + 8 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

function militiaMonth(data: SiteData, ctx: TableContext, id = 'militia-month', forYear?: number): TableSpec {
  const a = breakdownOf(data, 'militia.month.cases');
  const b = breakdownOf(data, 'militia.month.persons');
  const am = metricOf(data, 'militia.cases', '查处案件');
  const bm = metricOf(data, 'militia.persons', '抓获涉案人员');
  const year = forYear ?? lastYearOf(a.byYear);
  const ay = year === null ? {} : (a.byYear[String(year)] ?? {});
  const by = year === null ? {} : (b.byYear[String(year)] ?? {});
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1));
  // A month without rows had no cases (0); a month after the data date has not happened yet ("—").
  const asOf = cstYearMonth(data.summary.generatedAt);
  const lastMonth = asOf !== null && year === asOf.year ? asOf.month : 12;
  const val = (row: Record<string, number>, m: string): number | null => (Number(m) > lastMonth ? null : (row[m] ?? 0));
  const aLabel = am.label || '查处案件';
  const bLabel = bm.label || '抓获涉案人员';
  return {
    id,
    title: year === null ? `各月${aLabel}与${bLabel}` : `${year}年各月${aLabel}与${bLabel}`,
    unit: unitPair(a.unit || am.unit, b.unit || bm.unit),
    source: ctx.source,
    columns: [
      { label: '月份', kind: 'text' },
      { label: `${aLabel}（${a.unit || am.unit}）`, kind: 'number' },
      { label: `${bLabel}（${b.unit || bm.unit}）`, kind: 'number' },
    ],
    rows: year === null ? [] : months.map((m) => [`${m}月`, val(ay, m), val(by, m)]),
    sentence: year === null ? `暂无${aLabel}的月度数据。` : describePeakMonth(aLabel, a.unit || am.unit, year, ay),
    chart:
      year === null
        ? undefined
        : {
            type: 'line',
            labels: months.map((m) => `${m}月`),
            series: [
              { name: aLabel, color: 1, values: months.map((m) => val(ay, m)) },
              { name: bLabel, color: 2, values: months.map((m) => val(by, m)) },
            ],
            axisTitle: unitPair(a.unit || am.unit, b.unit || bm.unit),
            frac: 0,
          },
  };
}

function schoolTotal(data: SiteData, ctx: TableContext): TableSpec {
  return yearlyPairTable(data, ctx, 'school-total', 'school.requested', 'school.placed', '申请人数', '安排人数', '历年驻军子女入学申请与安排人数');
}

function schoolRate(data: SiteData, ctx: TableContext): TableSpec {
  const req = metricOf(data, 'school.requested', '申请人数');
  const placed = metricOf(data, 'school.placed', '安排人数');
  const years = seriesYears(req.byYear);
  const rates = new Map(years.map((y) => [y, rateOf(placed.byYear[String(y)], req.byYear[String(y)])]));
  const last = years[years.length - 1];
  const pointsCell = (y: number): Cell => {
    const r = rates.get(y) ?? null;
    const p = rates.has(y - 1) ? (rates.get(y - 1) ?? null) : null;
    if (r === null) return null;
    if (p === null) return '无上年数据';
    return roundTo((r - p) * 100, 1);
  };
  return {
    id: 'school-rate',
    title: '历年驻军子女入学安排率',
    unit: '%',
    source: ctx.source,
    columns: [
      { label: '年度', kind: 'text' },
      { label: '安排率（%）', kind: 'percent', frac: 1 },
      { label: '比上年增减（百分点）', kind: 'points' },
    ],
    rows: years.map((y) => {
      const r = rates.get(y) ?? null;
      return [`${y}年`, r === null ? null : roundTo(r * 100, 1), pointsCell(y)];
    }),
    sentence:
      last === undefined
        ? '暂无安排率数据。'
        : describeRate('驻军子女入学安排率', last, rates.get(last) ?? null, rates.has(last - 1) ? (rates.get(last - 1) ?? null) : null),
    chart: years.length
      ? {
          type: 'line',
          labels: years.map((y) => `${y}年`),
          series: [{ name: '安排率', color: 3, values: years.map((y) => { const r = rates.get(y) ?? null; return r === null ? null : roundTo(r * 100, 1); }) }],
          axisTitle: '%',
          frac: 1,
          max: 100,
          ...rateAxis([...rates.values()]),
        }
      : undefined,
  };
}

/**
 * The value axis of a line of rates: from the 10% step at least 5 points below the lowest rate (never below 0),
 * so a change of a few points is visible but not exaggerated; the note says where the axis starts.
 */
export function rateAxis(rates: readonly (number | null)[]): { min?: number; note?: string } {
  const known = rates.filter((r): r is number => r !== null && Number.isFinite(r)).map((r) => r * 100);
  if (known.length === 0) return {};
  const min = Math.max(0, Math.floor((Math.min(...known) - 5) / 10) * 10);
  return min > 0 ? { min, note: `纵轴自${min}%起。` } : {};
}

function schoolStage(data: SiteData, ctx: TableContext): TableSpec {
  const t = breakdownPairForYear(
    data,
    ctx,
    'school-stage',
    'school.stage.requested',
    'school.stage.placed',
    'school.requested',
    'school.placed',
    '学段',
    (y) => (y === null ? '各学段申请与安排人数' : `${y}年各学段申请与安排人数`),
    false,
  );
  // Stages keep their school order, and each row gets its placement rate.
  t.columns.push({ label: '安排率（%）', kind: 'percent', frac: 1 });
  t.rows = t.rows.map((r) => [...r, pct(r[2], r[1])]);
  if (t.total) t.total = [...t.total, pct(t.total[2] ?? null, t.total[1] ?? null)];
  if (t.chart) t.chart.horizontal = false;
  return t;
}

function pct(placed: Cell | undefined, requested: Cell | undefined): Cell {
  if (typeof placed !== 'number' || typeof requested !== 'number' || requested === 0) return null;
  return roundTo((placed / requested) * 100, 1);
}

function honorsByYear(data: SiteData, ctx: TableContext): TableSpec {
  const levels = ['国家级', '省级', '市级', '区级'] as const;
  const years = [...new Set(data.details.honors.map((h) => h.year))].sort((a, b) => a - b);
  const m = metricOf(data, 'honors.count', '获得荣誉');
  const last = years[years.length - 1];
  return {
    id: 'honors-by-year',
    title: '历年获得双拥荣誉数（按级别）',
    unit: m.unit || '项',
    source: ctx.source,
    columns: [{ label: '年度', kind: 'text' }, { label: '合计', kind: 'number' }, ...levels.map((l) => ({ label: l, kind: 'number' as const }))],
    rows: years.map((y) => {
      const hs = data.details.honors.filter((h) => h.year === y);
      return [`${y}年`, hs.length, ...levels.map((l) => hs.filter((h) => h.level === l).length)];
    }),
    sentence: last === undefined ? '暂无荣誉数据。' : describeSeries({ ...m, label: m.label || '获得荣誉', unit: m.unit || '项', year: last, maxFrac: 0 }),
  };
}

/** The militia breakdowns of one year (街道, 案件类型, 月份), ids suffixed with the year: `militia-subdistrict-2024`. */
export function militiaYearTables(data: SiteData, ctx: TableContext, year: number): TableSpec[] {
  const pair = (id: string, dim: string, aId: string, bId: string, what: string): TableSpec =>
    breakdownPairForYear(data, ctx, `${id}-${year}`, aId, bId, 'militia.cases', 'militia.persons', dim, () => `${year}年${what}查处案件与抓获涉案人员`, true, year);
  return [
    pair('militia-subdistrict', '街道', 'militia.subdistrict.cases', 'militia.subdistrict.persons', '各街道'),
    pair('militia-case-type', '案件类型', 'militia.case_type.cases', 'militia.case_type.persons', '各类型'),
    militiaMonth(data, ctx, `militia-month-${year}`, year),
  ];
}

/** Years with militia rows, ascending. */
export function militiaYears(data: SiteData): number[] {
  return seriesYears(metricOf(data, 'militia.cases').byYear);
}

/** One table per indicators section, in file order: 指标 | 单位 | each year | 比上年增减（%）. */
function indicatorTables(data: SiteData, ctx: TableContext): TableSpec[] {
  const sections: string[] = [];
  for (const e of data.details.indicators) if (!sections.includes(e.section)) sections.push(e.section);
  return sections.map((section, i) => {
    const entries = data.details.indicators.filter((e) => e.section === section);
    const years = [...new Set(entries.flatMap((e) => seriesYears(metricOf(data, e.metric).byYear)))].sort((a, b) => a - b);
    const last = years[years.length - 1];
    const units = [...new Set(entries.map((e) => e.unit))];
    return {
      id: `indicators-${i + 1}`,
      title: section,
      unit: units.join('、'),
      source: ctx.source,
      columns: [
        { label: '指标', kind: 'text' as const },
        { label: '单位', kind: 'text' as const },
        ...years.map((y) => ({ label: `${y}年`, kind: 'number' as const, frac: 2 })),
        { label: `${last ?? ''}年比上年增减（%）`, kind: 'change' as const },
      ],
      rows: entries.map((e) => {
        const m = metricOf(data, e.metric, e.indicator);
        const change: Cell = last === undefined || m.byYear[String(last)] === undefined ? null : changeCell(m.byYear, last, m.yoy[String(last)]);
        return [e.indicator, e.unit, ...years.map((y) => m.byYear[String(y)] ?? null), change];
      }),
      sentence: describeIndicatorSection(data, section, entries.map((e) => e.metric), last),
    };
  });
}

function describeIndicatorSection(data: SiteData, section: string, metrics: string[], year: number | undefined): string {
  if (year === undefined || metrics.length === 0) return `${section}暂无数据。`;
  const current = metrics.filter((id) => metricOf(data, id).byYear[String(year)] !== undefined);
  if (current.length === 0) return `${year}年${section}暂无数据。`;
  return describeChangeCounts(year, '指标', current.map((id) => metricOf(data, id).yoy[String(year)] ?? null)).replace(/^(\d{4}年)/, `$1${section}`);
}

/** Every registered table, in page order; ids are stable (they name the CSV downloads). */
export function buildTables(data: SiteData, ctx: TableContext): TableSpec[] {
  const kinds = sharedKeyOrder([breakdownOf(data, 'training.kind.sessions'), breakdownOf(data, 'training.kind.participants')]);
  return [
    yearlyTable(data, ctx, 'funding-total', 'funding.total', '经费投入', (l) => `历年${l}`, 1),
    breakdownByYearTable(data, ctx, 'funding-category', 'funding.category', 'funding.total', '类别', '历年经费投入（按类别）'),
    fundingShare(data, ctx),
    fundingCategoryYoy(data, ctx),
    yearlyPairTable(data, ctx, 'militia-total', 'militia.cases', 'militia.persons', '查处案件', '抓获涉案人员'),
    breakdownPairForYear(data, ctx, 'militia-subdistrict', 'militia.subdistrict.cases', 'militia.subdistrict.persons', 'militia.cases', 'militia.persons', '街道', (y) =>
      y === null ? '各街道查处案件与抓获涉案人员' : `${y}年各街道查处案件与抓获涉案人员`,
    ),
    breakdownPairForYear(data, ctx, 'militia-case-type', 'militia.case_type.cases', 'militia.case_type.persons', 'militia.cases', 'militia.persons', '案件类型', (y) =>
      y === null ? '各类型查处案件与抓获涉案人员' : `${y}年各类型查处案件与抓获涉案人员`,
    ),
    militiaMonth(data, ctx),
    yearlyTable(data, ctx, 'training-sessions', 'training.sessions', '培训教育场次', (l) => `历年${l}`, 1),
    yearlyTable(data, ctx, 'training-participants', 'training.participants', '参加人次', (l) => `历年${l}`, 2),
    breakdownByYearTable(data, ctx, 'training-kind-sessions', 'training.kind.sessions', 'training.sessions', '类别', '历年培训教育场次（按类别）', kinds),
    breakdownByYearTable(data, ctx, 'training-kind-participants', 'training.kind.participants', 'training.participants', '类别', '历年参加人次（按类别）', kinds),
    schoolTotal(data, ctx),
    schoolRate(data, ctx),
    schoolStage(data, ctx),
    honorsByYear(data, ctx),
    ...indicatorTables(data, ctx),
    ...militiaYears(data).flatMap((y) => militiaYearTables(data, ctx, y)),
  ];
}

/** The table with this id; an unknown id is a bug in a page (throws). */
export function getTable(tables: readonly TableSpec[], id: string): TableSpec {
  const t = tables.find((x) => x.id === id);
  if (!t) throw new Error(`未登记的表格：${id}`);
  return t;
}
