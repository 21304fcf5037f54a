/** The table of the honors page: honours per year by level. */
import type { SiteData } from '../site-data.ts';
import type { TableContext, TableSpec } from './types.ts';
import { describeSeries } from '../sentence.ts';
import { METRICS } from '../../shared/metrics.ts';
import { HONOR_LEVELS } from '../../data/schema/index.ts';
import { metricOf } from './common.ts';

const COUNT = METRICS.honorsCount;

function honorsByYear(data: SiteData, ctx: TableContext): TableSpec {
  const levels = HONOR_LEVELS;
  const years = [...new Set(data.details.honors.map((h) => h.year))].sort((a, b) => a - b);
  const m = metricOf(data, COUNT.id, COUNT.label);
  const last = years[years.length - 1];
  return {
    id: 'honors-by-year',
    title: '历年获得双拥荣誉数（按级别）',
    unit: m.unit || COUNT.unit,
    source: ctx.source,
    columns: [{ label: '年度', kind: 'text' }, { label: '合计', kind: 'number' }, ...levels.map((l) => ({ label: l, kind: 'number' as const }))],
    rows: years.map((y) => {
      const hs = data.details.honors.filter((h) => h.year === y);
      return [`${y}年`, hs.length, ...levels.map((l) => hs.filter((h) => h.level === l).length)];
    }),
    sentence:
      last === undefined
        ? '暂无荣誉数据。'
        : describeSeries({ ...m, label: m.label || COUNT.label, unit: m.unit || COUNT.unit, year: last, maxFrac: COUNT.decimals, change: COUNT.change }),
  };
}

/** The honors tables in page order. */
export function honorsTables(data: SiteData, ctx: TableContext): TableSpec[] {
  return [honorsByYear(data, ctx)];
}
