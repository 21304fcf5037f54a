/** The key-figure cards of the overview: values, change wording and trends, computed once from SiteData. */
import type { SiteData } from './site-data.ts';
import { formatChange, formatValue, valueParts, type ChangeText } from '../shared/format.ts';
import { describeSeries, describeRate, seriesYears } from './sentence.ts';
import { metricOf, rateOf } from './tables/index.ts';

/**
 * The change words of a card: "比上年增长 12.4%", "比上年下降 3.0%", "与上年持平", "— 无上年数据", "— 上年为零".
 * `previous` is last year's value (undefined when absent), used only to say why a yoy is null.
 */
export function changeText(yoy: number | null | undefined, previous: number | null | undefined, frac = 1): ChangeText {
  return onCard(formatChange({ kind: 'percent', yoy, previous }, { lead: true, decimals: frac }));
}

/** The change of a rate in 百分点: "比上年提高 1.2 个百分点", "与上年持平", "— 无上年数据" (either rate null). */
export function pointChangeText(rate: number | null, previous: number | null, frac = 1): ChangeText {
  return onCard(formatChange({ kind: 'points', rate, previous }, { lead: true, decimals: frac }));
}

/** A missing change on a card reads "— 无上年数据", so the empty figure is marked as on the other cards. */
function onCard(change: ChangeText): ChangeText {
  return change.direction === 'none' ? { direction: 'none', text: `— ${change.text}` } : change;
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

const CARDS: { id: string; metric: string; fallback: string; href: string }[] = [
  { id: 'funding', metric: 'funding.total', fallback: '经费投入', href: '/funding/' },
  { id: 'cases', metric: 'militia.cases', fallback: '查处案件', href: '/militia/' },
  { id: 'persons', metric: 'militia.persons', fallback: '抓获涉案人员', href: '/militia/' },
  { id: 'sessions', metric: 'training.sessions', fallback: '培训教育场次', href: '/training/' },
  { id: 'participants', metric: 'training.participants', fallback: '参加人次', href: '/training/' },
  { id: 'placed', metric: 'school.placed', fallback: '驻军子女安排人数', href: '/school/' },
];

/** The overview cards for one year, in display order (经费, 案件, 人员, 场次, 人次, 安排人数, 安排率, 荣誉). */
export function buildKpis(data: SiteData, year: number): KpiCardModel[] {
  const years = data.summary.years;
  const cards: KpiCardModel[] = CARDS.map(({ id, metric, fallback, href }) => {
    const m = metricOf(data, metric, fallback);
    const frac = m.unit === '万元' ? 2 : 0;
    const key = String(year);
    const value = m.byYear[key] ?? null;
    return {
      id,
      label: m.label || fallback,
      value,
      unit: m.unit,
      frac,
      change: value === null ? { direction: 'none', text: '— 本年无数据' } : changeText(m.yoy[key], m.byYear[String(year - 1)]),
      trend: years.map((y) => m.byYear[String(y)] ?? null),
      trendYears: years,
      sentence: describeSeries({ ...m, label: m.label || fallback, year, maxFrac: frac }),
      href,
    };
  });

  const req = metricOf(data, 'school.requested');
  const placed = metricOf(data, 'school.placed');
  const rate = (y: number) => rateOf(placed.byYear[String(y)], req.byYear[String(y)]);
  const r = rate(year);
  const rPrev = rate(year - 1);
  cards.push({
    id: 'rate',
    label: '驻军子女入学安排率',
    value: r === null ? null : Number((r * 100).toFixed(1)),
    unit: '%',
    frac: 1,
    change: r === null ? { direction: 'none', text: '— 本年无数据' } : pointChangeText(r, rPrev),
    trend: years.map((y) => {
      const v = rate(y);
      return v === null ? null : v * 100;
    }),
    trendYears: years,
    sentence: describeRate('驻军子女入学安排率', year, r, rPrev),
    href: '/school/',
  });

  const h = metricOf(data, 'honors.count', '获得荣誉');
  const hv = h.byYear[String(year)] ?? (data.details.honors.length > 0 || Object.keys(h.byYear).length > 0 ? 0 : null);
  cards.push({
    id: 'honors',
    label: h.label || '获得荣誉',
    value: hv,
    unit: h.unit || '项',
    frac: 0,
    change: hv === null ? { direction: 'none', text: '— 本年无数据' } : changeText(h.yoy[String(year)], h.byYear[String(year - 1)]),
    trend: years.map((y) => h.byYear[String(y)] ?? 0),
    trendYears: years,
    sentence:
      h.byYear[String(year)] === undefined
        ? `${year}年未获得荣誉。`
        : describeSeries({ ...h, label: h.label || '获得荣誉', unit: h.unit || '项', year, maxFrac: 0 }),
    href: '/honors/',
  });
  return cards;
}


export type { ChangeText };

/** Years in a series with data, ascending (re-exported for pages). */
export { seriesYears };
