/** The key-figure cards of the overview: values, change wording and trends, computed once from SiteData. */
import type { SiteData } from './site-data.ts';
import { changeKindFor, formatChange, formatValue, valueParts, type Change, type ChangeOptions, type ChangeText } from '../shared/format.ts';
import { METRICS, PAGES, RATES, type MetricDef, type MetricKey, type RateDef } from '../shared/metrics.ts';
import { describeSeries, describeRate, seriesYears } from './sentence.ts';
import { metricOf, roundTo } from './tables/index.ts';
import { rateOf } from '../shared/rate.ts';

/**
 * The change words of a card, led by 比上年/与上年: "比上年增长 12.4%", "比上年提高 1.2 个百分点", "比上年多 1 项",
 * "与上年持平"; nothing to compare reads "— 无上年数据" or "— 上年为零", marked like an empty figure.
 */
export function cardChange(change: Change, options: ChangeOptions = {}): ChangeText {
  const c = formatChange(change, { lead: true, ...options });
  return c.direction === 'none' ? { direction: 'none', text: `— ${c.text}` } : c;
}

/** A card's large figure: figure and unit, abbreviated from 10,000 (1.23万人次; 万元 becomes 亿元), with the exact figure when abbreviated. */
export interface Figure {
  figure: string;
  unit: string;
  /** The exact value with unit ("12,345 人次") when the figure is abbreviated; otherwise null. */
  exact: string | null;
}

/** Split a value into the card's figure, unit and exact text; null gives "—" with the unit kept. */
export function compactFigure(value: number | null | undefined, unit: string, maxFrac = 2): Figure {
  const p = valueParts(value, unit, { abbreviate: true, decimals: maxFrac });
  return { figure: p.number, unit: p.unit, exact: p.abbreviated ? formatValue(value, unit, { decimals: maxFrac }) : null };
}

/** Points of an inline SVG polyline for a trend, in a width × height box; fewer than 2 values give "". */
export function sparklinePoints(values: readonly (number | null)[], width = 120, height = 32, pad = 3): string {
  const known = values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null && Number.isFinite(p.v));
  if (values.length < 2 || known.length < 2) return '';
  const min = Math.min(...known.map((p) => p.v));
  const max = Math.max(...known.map((p) => p.v));
  const span = max - min;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (values.length - 1);
  const y = (v: number) => (span === 0 ? height / 2 : height - pad - ((v - min) * (height - 2 * pad)) / span);
  return known.map((p) => `${round1(x(p.i))},${round1(y(p.v))}`).join(' ');
}

/** Where the point of `index` sits in sparklinePoints' box; a missing value or fewer than 2 values gives null. */
export function sparklineMarker(values: readonly (number | null)[], index: number, width = 120, height = 32, pad = 3): { x: number; y: number } | null {
  const points = sparklinePoints(values, width, height, pad);
  const v = values[index];
  if (!points || v === null || v === undefined || !Number.isFinite(v)) return null;
  const known = values.filter((x): x is number => x !== null && Number.isFinite(x));
  const min = Math.min(...known);
  const span = Math.max(...known) - min;
  const x = pad + (index * (width - 2 * pad)) / (values.length - 1);
  const y = span === 0 ? height / 2 : height - pad - ((v - min) * (height - 2 * pad)) / span;
  return { x: round1(x), y: round1(y) };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export interface KpiCardModel {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  frac: number;
  change: ChangeText;
  /** Values over all data years, oldest first (null where the year has no value). */
  trend: (number | null)[];
  trendYears: number[];
  sentence: string;
  /** Site path of the page with the details. */
  href: string;
}

const NO_VALUE: ChangeText = { direction: 'none', text: '— 本年无数据' };

/** A fixed metric's card: its value, change (worded as the catalog says), trend and sentence. */
function metricCard(data: SiteData, key: string, def: MetricDef, year: number): KpiCardModel {
  const years = data.summary.years;
  const m = metricOf(data, def.id, def.label);
  const label = m.label || def.label;
  // A year without rows is 0 for a count that may be zero (no honours that year), once the dataset has any rows.
  const zero = def.absentIsZero === true && Object.keys(m.byYear).length > 0 ? 0 : null;
  const at = (y: number): number | null => m.byYear[String(y)] ?? (zero !== null && years.includes(y) ? zero : null);
  const value = at(year);
  const filled: Record<string, number> = {};
  for (const y of years) {
    const v = at(y);
    if (v !== null) filled[String(y)] = v;
  }
  const previous = at(year - 1) ?? undefined;
  const kind = changeKindFor(def.change, value, previous);
  const change: Change = kind === 'percent' ? { kind, yoy: m.yoy[String(year)], previous } : { kind: 'count', value, previous };
  return {
    id: key,
    label,
    value,
    unit: m.unit,
    frac: def.decimals,
    change: value === null ? NO_VALUE : cardChange(change, { unit: m.unit }),
    trend: years.map(at),
    trendYears: years,
    sentence:
      m.byYear[String(year)] === undefined && value !== null
        ? `${year}年未${label}。`
        : describeSeries({ ...m, byYear: filled, label, year, maxFrac: def.decimals, change: def.change }),
    href: PAGES[def.page].href,
  };
}

/** A rate's card: part ÷ whole in %, compared in 百分点. */
function rateCard(data: SiteData, key: string, def: RateDef, year: number): KpiCardModel {
  const years = data.summary.years;
  const part = metricOf(data, METRICS[def.part as MetricKey].id);
  const whole = metricOf(data, METRICS[def.whole as MetricKey].id);
  const rate = (y: number) => rateOf(part.byYear[String(y)], whole.byYear[String(y)]);
  const r = rate(year);
  const rPrev = rate(year - 1);
  return {
    id: key,
    label: def.label,
    value: r === null ? null : roundTo(r * 100, def.decimals),
    unit: '%',
    frac: def.decimals,
    change: r === null ? NO_VALUE : cardChange({ kind: 'points', rate: r, previous: rPrev }, { decimals: def.decimals }),
    trend: years.map((y) => {
      const v = rate(y);
      return v === null ? null : v * 100;
    }),
    trendYears: years,
    sentence: describeRate(def.label, year, r, rPrev, def.decimals),
    href: PAGES[def.page].href,
  };
}

type CardSource = { order: number; build: (data: SiteData, year: number) => KpiCardModel };

/** The catalog entries with a card, in card order. */
const CARDS: CardSource[] = [
  ...Object.entries(METRICS as Record<string, MetricDef>).flatMap(([key, def]) =>
    def.card === undefined ? [] : [{ order: def.card, build: (data: SiteData, year: number) => metricCard(data, key, def, year) }],
  ),
  ...Object.entries(RATES as Record<string, RateDef>).flatMap(([key, def]) =>
    def.card === undefined ? [] : [{ order: def.card, build: (data: SiteData, year: number) => rateCard(data, key, def, year) }],
  ),
].sort((a, b) => a.order - b.order);

/** The overview cards for one year, in the catalog's card order (经费, 案件, 人员, 场次, 人次, 安排人数, 安排率, 荣誉). */
export function buildKpis(data: SiteData, year: number): KpiCardModel[] {
  return CARDS.map((c) => c.build(data, year));
}

export type { ChangeText };

/** Years in a series with data, ascending (re-exported for pages). */
export { seriesYears };
