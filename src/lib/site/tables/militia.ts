/** The tables of the militia page and of each past year's militia page: totals, 街道, 案件类型, months. */
import type { SiteData } from '../site-data.ts';
import type { TableContext, TableSpec } from './types.ts';
import { describePeakMonth, seriesYears } from '../sentence.ts';
import { detailBreakdown, lastYearOf, metricOf, unitPair } from './common.ts';
import { breakdownPairForYear, yearlyPairTable } from './builders.ts';

/** The year and month (China Standard Time) of an ISO timestamp; a bad one gives null. */
export function cstYearMonth(iso: string): { year: number; month: number } | null {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return null;
  const d = new Date(t + 8 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

function militiaMonth(data: SiteData, ctx: TableContext, id = 'militia-month', forYear?: number): TableSpec {
  const a = detailBreakdown(data, 'militia.month.cases');
  const b = detailBreakdown(data, 'militia.month.persons');
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

/** The militia tables of the latest year, in page order. */
export function militiaTables(data: SiteData, ctx: TableContext): TableSpec[] {
  return [
    yearlyPairTable(data, ctx, 'militia-total', 'militia.cases', 'militia.persons', '查处案件', '抓获涉案人员'),
    breakdownPairForYear(data, ctx, 'militia-subdistrict', 'militia.subdistrict.cases', 'militia.subdistrict.persons', 'militia.cases', 'militia.persons', '街道', (y) =>
      y === null ? '各街道查处案件与抓获涉案人员' : `${y}年各街道查处案件与抓获涉案人员`,
    ),
    breakdownPairForYear(data, ctx, 'militia-case-type', 'militia.case_type.cases', 'militia.case_type.persons', 'militia.cases', 'militia.persons', '案件类型', (y) =>
      y === null ? '各类型查处案件与抓获涉案人员' : `${y}年各类型查处案件与抓获涉案人员`,
    ),
    militiaMonth(data, ctx),
  ];
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
