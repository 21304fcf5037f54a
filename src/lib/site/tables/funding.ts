/** The tables of the funding page: total by year, categories by year, the latest year's shares and changes. */
import type { SiteData } from '../site-data.ts';
import type { Cell, TableContext, TableSpec } from './types.ts';
import { describeChangeCounts, describeTop } from '../sentence.ts';
import { ROUNDING_NOTE, detailBreakdown, colorSlots, lastYearOf, metricOf, roundTo, sum, yoyOf } from './common.ts';
import { breakdownByYearTable, yearlyTable } from './builders.ts';

function fundingShare(data: SiteData, ctx: TableContext): TableSpec {
  const bd = detailBreakdown(data, 'funding.category');
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
  const bd = detailBreakdown(data, 'funding.category');
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

/** The funding tables in page order. */
export function fundingTables(data: SiteData, ctx: TableContext): TableSpec[] {
  return [
    yearlyTable(data, ctx, 'funding-total', 'funding.total', '经费投入', (l) => `历年${l}`, 1),
    breakdownByYearTable(data, ctx, 'funding-category', 'funding.category', 'funding.total', '类别', '历年经费投入（按类别）'),
    fundingShare(data, ctx),
    fundingCategoryYoy(data, ctx),
  ];
}
