/** The tables of the indicators page: one per section of indicators.csv. */
import type { SiteData } from '../site-data.ts';
import type { Cell, TableContext, TableSpec } from './types.ts';
import { describeChangeCounts, seriesYears } from '../sentence.ts';
import { changeCell, metricOf, roundTo } from './common.ts';

/** Indicators in % change in 百分点 (a difference of rates), never as a percentage of a percentage. */
function isRateUnit(unit: string): boolean {
  return unit === '%';
}

/** The change in 百分点 of a % indicator in `year`: a number, or why there is none. */
function pointsCell(byYear: Record<string, number>, year: number): Cell {
  const prev = byYear[String(year - 1)];
  const cur = byYear[String(year)];
  if (cur === undefined) return null;
  return prev === undefined ? '无上年数据' : roundTo(cur - prev, 1);
}

/**
 * One table per indicators section, in file order: 指标 | 单位 | each year | 比上年增减（%） for counts and
 * amounts, and 比上年增减（百分点） for indicators in %, each column present only when the section has such rows.
 */
export function indicatorTables(data: SiteData, ctx: TableContext): TableSpec[] {
  const sections: string[] = [];
  for (const e of data.details.indicators) if (!sections.includes(e.section)) sections.push(e.section);
  return sections.map((section, i) => {
    const entries = data.details.indicators.filter((e) => e.section === section);
    const years = [...new Set(entries.flatMap((e) => seriesYears(metricOf(data, e.metric).byYear)))].sort((a, b) => a - b);
    const last = years[years.length - 1];
    const units = [...new Set(entries.map((e) => e.unit))];
    const hasAmounts = entries.some((e) => !isRateUnit(e.unit));
    const hasRates = entries.some((e) => isRateUnit(e.unit));
    return {
      id: `indicators-${i + 1}`,
      title: section,
      unit: units.join('、'),
      source: ctx.source,
      columns: [
        { label: '指标', kind: 'text' as const },
        { label: '单位', kind: 'text' as const },
        ...years.map((y) => ({ label: `${y}年`, kind: 'number' as const, frac: 2 })),
        ...(hasAmounts ? [{ label: `${last ?? ''}年比上年增减（%）`, kind: 'change' as const }] : []),
        ...(hasRates ? [{ label: `${last ?? ''}年比上年增减（百分点）`, kind: 'points' as const }] : []),
      ],
      rows: entries.map((e) => {
        const m = metricOf(data, e.metric, e.indicator);
        const rate = isRateUnit(e.unit);
        const change: Cell = rate || last === undefined || m.byYear[String(last)] === undefined ? null : changeCell(m.byYear, last, m.yoy[String(last)]);
        const points: Cell = rate && last !== undefined ? pointsCell(m.byYear, last) : null;
        const changes = [...(hasAmounts ? [change] : []), ...(hasRates ? [points] : [])];
        return [e.indicator, e.unit, ...years.map((y) => m.byYear[String(y)] ?? null), ...changes];
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
