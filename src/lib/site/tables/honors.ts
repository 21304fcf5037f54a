/** The table of the honors page: honours per year by level. */
import type { SiteData } from '../site-data.ts';
import type { TableContext, TableSpec } from './types.ts';
import { describeSeries } from '../sentence.ts';
import { metricOf } from './common.ts';

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

/** The honors tables in page order. */
export function honorsTables(data: SiteData, ctx: TableContext): TableSpec[] {
  return [honorsByYear(data, ctx)];
}
