/** The generic table shapes several datasets share: a metric by year, two metrics by year, a breakdown by year, two breakdowns in one year. */
import type { SiteData } from '../site-data.ts';
import type { ChartSeries, TableContext, TableSpec } from './types.ts';
import { describeSeries, describePair, describeTop, seriesYears } from '../sentence.ts';
import { OTHER_LABEL, catchAllLast, detailBreakdown, changeCell, colorSlots, lastYearOf, metricOf, roundTo, roundingNote, stripSuffix, sum, unitPair } from './common.ts';
import { DIMENSIONS, METRICS, type BreakdownDef, type DimensionKey, type MetricDef, type MetricKey } from '../../shared/metrics.ts';

/** Years of a metric as table rows: 年度 | value | 比上年增减（%）. */
export function yearlyTable(data: SiteData, ctx: TableContext, def: MetricDef, title: (label: string) => string): TableSpec {
  const id = def.anchor;
  const color = def.color;
  const m = metricOf(data, def.id, def.label);
  const frac = def.decimals;
  const years = seriesYears(m.byYear);
  const last = years[years.length - 1];
  return {
    id,
    title: title(m.label),
    unit: m.unit,
    source: ctx.source,
    columns: [
      { label: '年度', kind: 'text' },
      { label: `${m.label}（${m.unit}）`, kind: 'number', frac, fixed: def.fixed },
      { label: '比上年增减（%）', kind: 'change' },
    ],
    rows: years.map((y) => [`${y}年`, m.byYear[String(y)] ?? null, changeCell(m.byYear, y, m.yoy[String(y)])]),
    sentence: last === undefined ? `暂无${m.label}数据。` : describeSeries({ ...m, year: last, maxFrac: frac, change: def.change }),
    chart: years.length
      ? {
          type: 'bar',
          labels: years.map((y) => `${y}年`),
          series: [{ name: m.label, color, values: years.map((y) => m.byYear[String(y)] ?? null) }],
          axisTitle: m.unit,
          frac,
          fixed: def.fixed,
        }
      : undefined,
  };
}

/** Two metrics by year side by side: 年度 | a | 比上年 | b | 比上年. */
export function yearlyPairTable(data: SiteData, ctx: TableContext, aDef: MetricDef, bDef: MetricDef, title?: string): TableSpec {
  const id = aDef.anchor;
  const a = metricOf(data, aDef.id, aDef.label);
  const b = metricOf(data, bDef.id, bDef.label);
  const years = [...new Set([...seriesYears(a.byYear), ...seriesYears(b.byYear)])].sort((x, y) => x - y);
  const last = years[years.length - 1];
  const fa = aDef.decimals;
  const fb = bDef.decimals;
  return {
    id,
    title: title ?? `历年${a.label}与${b.label}`,
    unit: unitPair(a.unit, b.unit),
    source: ctx.source,
    columns: [
      { label: '年度', kind: 'text' },
      { label: `${a.label}（${a.unit}）`, kind: 'number', frac: fa, fixed: aDef.fixed },
      { label: `${a.label}比上年增减（%）`, kind: 'change' },
      { label: `${b.label}（${b.unit}）`, kind: 'number', frac: fb, fixed: bDef.fixed },
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
        : describePair({ ...a, year: last, maxFrac: fa, change: aDef.change }, { ...b, year: last, maxFrac: fb, change: bDef.change }),
    chart: years.length
      ? {
          type: 'bar',
          labels: years.map((y) => `${y}年`),
          // Each series in its own unit: different units are drawn as two charts, never on one axis.
          series: [
            { name: a.label, color: aDef.color, unit: a.unit, values: years.map((y) => a.byYear[String(y)] ?? null) },
            { name: b.label, color: bDef.color, unit: b.unit, values: years.map((y) => b.byYear[String(y)] ?? null) },
          ],
          axisTitle: a.unit,
          frac: Math.max(fa, fb),
          fixed: aDef.fixed && bDef.fixed,
        }
      : undefined,
  };
}

/**
 * A breakdown as a key × year table with a 合计 row, charted as stacked bars by year
 * (more than 6 keys: the smallest are folded into 其余类别 in the chart only; the table lists all).
 */
export function breakdownByYearTable(
  data: SiteData,
  ctx: TableContext,
  def: BreakdownDef,
  title: string,
  /** The dimension's colour order, shared by every breakdown of it (default: this breakdown's keys). */
  colorOrder?: string[],
): TableSpec {
  // The keys' colours avoid the hues of the metrics on the same page, so a colour never means two things there.
  const reserved = Object.values(METRICS)
    .filter((m) => m.page === def.page)
    .map((m) => m.color);
  const id = def.anchor;
  const dimension = DIMENSIONS[def.dimension as DimensionKey].label;
  const bd = detailBreakdown(data, def.id);
  const years = seriesYears(bd.byYear as unknown as Record<string, number>);
  const frac = def.decimals;
  const order = catchAllLast(colorOrder ? [...colorOrder, ...bd.keys.filter((k) => !colorOrder.includes(k))] : bd.keys);
  const slots = colorSlots(order, reserved);
  const total = metricOf(data, METRICS[def.total as MetricKey].id);
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
  // A key without rows in a year has no segment (null), never a zero one.
  const valuesOf = (keys: string[]): (number | null)[] =>
    years.map((y) => {
      const parts = keys.map((k) => bd.byYear[String(y)]?.[k]).filter((v): v is number => v !== undefined);
      return parts.length ? roundTo(sum(parts), frac) : null;
    });
  for (const k of present) {
    if (slots[k] === 0) continue;
    series.push({ name: k, color: slots[k] as number, values: valuesOf([k]) });
  }
  // Grey keys (其他, 未分类, and beyond six colours the smallest) share one grey series, named after the key when alone.
  if (folded.length) series.push({ name: folded.length === 1 ? (folded[0] as string) : OTHER_LABEL, color: 0, values: valuesOf(folded) });
  return {
    id,
    title,
    unit,
    source: ctx.source,
    columns: [{ label: dimension, kind: 'text' }, ...years.map((y) => ({ label: `${y}年`, kind: 'number' as const, frac, fixed: def.fixed }))],
    rows: bd.keys.map((k) => [k, ...years.map((y) => bd.byYear[String(y)]?.[k] ?? null)]),
    total: years.length ? ['合计', ...years.map(sumYear)] : undefined,
    footnote: roundingNote(
      bd.keys.flatMap((k) => years.map((y) => bd.byYear[String(y)]?.[k])),
      frac,
    ),
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
          fixed: def.fixed,
          note: folded.length > 1 ? `图中${folded.join('、')}合并为“${OTHER_LABEL}”，表中分列。` : undefined,
        }
      : undefined,
  };
}

/** One year of two breakdowns with the same keys: key | a | b, sorted as the breakdown, with 合计. */
export function breakdownPairForYear(
  data: SiteData,
  ctx: TableContext,
  id: string,
  aDef: BreakdownDef,
  bDef: BreakdownDef,
  titleOf: (year: number | null) => string,
  ranked = true,
  forYear?: number,
): TableSpec {
  const dimension = DIMENSIONS[aDef.dimension as DimensionKey].label;
  const a = detailBreakdown(data, aDef.id);
  const b = detailBreakdown(data, bDef.id);
  const amDef: MetricDef = METRICS[aDef.total as MetricKey];
  const bmDef: MetricDef = METRICS[bDef.total as MetricKey];
  const am = metricOf(data, amDef.id);
  const bm = metricOf(data, bmDef.id);
  const year = forYear ?? lastYearOf(a.byYear);
  const ay = year === null ? {} : (a.byYear[String(year)] ?? {});
  const by = year === null ? {} : (b.byYear[String(year)] ?? {});
  // A ranking: largest first in the year shown, 其他 and 未分类 always last; unranked keeps the breakdown's canonical order (学段).
  const present = a.keys.filter((k) => ay[k] !== undefined || by[k] !== undefined);
  const keys = !ranked ? present : catchAllLast([...present].sort((x, y) => (ay[y] ?? 0) - (ay[x] ?? 0) || (by[y] ?? 0) - (by[x] ?? 0)));
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
            { name: aLabel, color: amDef.color, unit: a.unit || am.unit, values: keys.map((k) => ay[k] ?? 0) },
            { name: bLabel, color: bmDef.color, unit: b.unit || bm.unit, values: keys.map((k) => by[k] ?? 0) },
          ],
          axisTitle: a.unit || am.unit,
          frac: 0,
        }
      : undefined,
  };
}
