/** The tables of the funding page: total by year, categories by year, the latest year's shares and changes. */
import type { SiteData } from '../site-data.ts';
import type { Cell, TableContext, TableSpec } from './types.ts';
import { describeChangeCounts, describeTop } from '../sentence.ts';
import { BREAKDOWNS, METRICS, DIMENSIONS, fundingCategoryMetric } from '../../shared/metrics.ts';
import { catchAllLast, changeCell, detailBreakdown, colorSlots, lastYearOf, metricOf, roundTo, roundingNote, sum } from './common.ts';
import { breakdownByYearTable, yearlyTable } from './builders.ts';

const TOTAL = METRICS.fundingTotal;
const CATEGORY = BREAKDOWNS.fundingCategory;
const DIMENSION = DIMENSIONS[CATEGORY.dimension].label;

function fundingShare(data: SiteData, ctx: TableContext): TableSpec {
  const bd = detailBreakdown(data, CATEGORY.id);
  const total = metricOf(data, TOTAL.id, TOTAL.label);
  const year = lastYearOf(bd.byYear);
  const row = year === null ? {} : (bd.byYear[String(year)] ?? {});
  const whole = year === null ? 0 : (total.byYear[String(year)] ?? sum(Object.values(row)));
  const ranked = Object.entries(row).sort((x, y) => y[1] - x[1] || bd.keys.indexOf(x[0]) - bd.keys.indexOf(y[0]));
  const sorted = catchAllLast(ranked.map(([k]) => k)).map((k) => [k, row[k] as number] as const);
  // The same colours as the stacked chart of all years above it.
  const slots = colorSlots(catchAllLast(bd.keys), [TOTAL.color]);
  const shares = sorted.map(([, v]) => (whole > 0 ? (v / whole) * 100 : null));
  const label = total.label || TOTAL.label;
  return {
    id: 'funding-category-share',
    title: year === null ? `${label}各${DIMENSION}金额及占比` : `${year}年${label}各${DIMENSION}金额及占比`,
    unit: CATEGORY.unit,
    source: ctx.source,
    columns: [
      { label: DIMENSION, kind: 'text' },
      { label: `金额（${CATEGORY.unit}）`, kind: 'number', frac: CATEGORY.decimals, fixed: CATEGORY.fixed },
      { label: '占比（%）', kind: 'percent', frac: 1 },
    ],
    rows: sorted.map(([k, v], i) => [k, v, shares[i] === null || shares[i] === undefined ? null : roundTo(shares[i], 1)]),
    total: year === null ? undefined : ['合计', whole, whole > 0 ? 100 : null],
    footnote: roundingNote([...sorted.map(([, v]) => v), whole], CATEGORY.decimals) ?? roundingNote(shares, 1),
    sentence: year === null ? `暂无${label}分项数据。` : describeTop(label, CATEGORY.unit, year, row, CATEGORY.decimals),
    chart: sorted.length
      ? {
          type: 'bar',
          horizontal: true,
          labels: sorted.map(([k]) => k),
          // One series, each bar in its category's colour, so the category looks the same as in the stacked chart;
          // the title promises shares, so each bar is labelled with its amount and share (as the table rounds it).
          series: [
            {
              name: '金额',
              color: TOTAL.color,
              values: sorted.map(([, v]) => v),
              pointColors: sorted.map(([k]) => slots[k] ?? 0),
              shares: shares.map((v) => (v === null ? null : roundTo(v, 1))),
            },
          ],
          axisTitle: CATEGORY.unit,
          frac: CATEGORY.decimals,
          fixed: CATEGORY.fixed,
        }
      : undefined,
  };
}

/** The latest year's categories against the year before; the change is each category's yoy in summary.json (exact). */
function fundingCategoryYoy(data: SiteData, ctx: TableContext): TableSpec {
  const bd = detailBreakdown(data, CATEGORY.id);
  const year = lastYearOf(bd.byYear);
  const prev = year === null ? null : year - 1;
  const cur = year === null ? {} : (bd.byYear[String(year)] ?? {});
  const before = prev === null ? {} : (bd.byYear[String(prev)] ?? {});
  const keys = bd.keys.filter((k) => cur[k] !== undefined || before[k] !== undefined);
  const metricOfKey = (k: string) => metricOf(data, fundingCategoryMetric(k).id);
  const label = metricOf(data, TOTAL.id, TOTAL.label).label || TOTAL.label;
  const money = { kind: 'number' as const, frac: CATEGORY.decimals, fixed: CATEGORY.fixed };
  return {
    id: 'funding-category-yoy',
    title: year === null ? `${label}各${DIMENSION}比上年增减` : `${year}年${label}各${DIMENSION}比上年增减`,
    unit: CATEGORY.unit,
    source: ctx.source,
    columns: [
      { label: DIMENSION, kind: 'text' },
      { label: `${prev ?? ''}年（${CATEGORY.unit}）`, ...money },
      { label: `${year ?? ''}年（${CATEGORY.unit}）`, ...money },
      { label: '比上年增减（%）', kind: 'change' },
    ],
    rows: keys.map((k) => {
      const m = metricOfKey(k);
      const change: Cell = year === null || cur[k] === undefined ? null : changeCell(m.byYear, year, m.yoy[String(year)]);
      return [k, before[k] ?? null, cur[k] ?? null, change];
    }),
    sentence:
      year === null
        ? `暂无${label}分项数据。`
        : describeChangeCounts(
            year,
            DIMENSION,
            keys.filter((k) => cur[k] !== undefined).map((k) => metricOfKey(k).yoy[String(year)] ?? null),
          ),
  };
}

/** The funding tables in page order. */
export function fundingTables(data: SiteData, ctx: TableContext): TableSpec[] {
  return [
    yearlyTable(data, ctx, TOTAL, (l) => `历年${l}`),
    breakdownByYearTable(data, ctx, CATEGORY, `历年${TOTAL.label}（按${DIMENSION}）`),
    fundingShare(data, ctx),
    fundingCategoryYoy(data, ctx),
  ];
}
