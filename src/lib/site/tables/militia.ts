/** The tables of the militia page and of each past year's militia page: totals, 街道, 案件类型, months. */
import type { SiteData } from '../site-data.ts';
import type { Cell, TableContext, TableSpec } from './types.ts';
import { describePeakMonth, seriesYears } from '../sentence.ts';
import { chinaTime } from '../../shared/china-time.ts';
import { BREAKDOWNS, DIMENSIONS, METRICS, type BreakdownDef } from '../../shared/metrics.ts';
import { detailBreakdown, lastYearOf, metricOf, unitPair } from './common.ts';
import { breakdownPairForYear, yearlyPairTable } from './builders.ts';

const CASES = METRICS.militiaCases;
const PERSONS = METRICS.militiaPersons;

/** What a month without any record shows in the table and the sentence. */
export const NO_RECORD = '无记录';

function militiaMonth(data: SiteData, ctx: TableContext, id: string = BREAKDOWNS.militiaMonthCases.anchor, forYear?: number): TableSpec {
  const a = detailBreakdown(data, BREAKDOWNS.militiaMonthCases.id);
  const b = detailBreakdown(data, BREAKDOWNS.militiaMonthPersons.id);
  const am = metricOf(data, CASES.id, CASES.label);
  const bm = metricOf(data, PERSONS.id, PERSONS.label);
  const year = forYear ?? lastYearOf(a.byYear);
  const ay = year === null ? {} : (a.byYear[String(year)] ?? {});
  const by = year === null ? {} : (b.byYear[String(year)] ?? {});
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1));
  // A month after the data date has not happened yet (null, "—"); a month without any row has no record: a gap in
  // the chart and "无记录" in the table and sentence, never a zero.
  const asOf = chinaTime(data.summary.generatedAt);
  const lastMonth = asOf !== null && year === asOf.year ? asOf.month : 12;
  const passed = months.filter((m) => Number(m) <= lastMonth);
  const unrecorded = passed.filter((m) => ay[m] === undefined && by[m] === undefined);
  const cell = (row: Record<string, number>, m: string): Cell => (Number(m) > lastMonth ? null : (row[m] ?? (unrecorded.includes(m) ? NO_RECORD : 0)));
  const val = (row: Record<string, number>, m: string): number | null => (Number(m) > lastMonth ? null : (row[m] ?? (unrecorded.includes(m) ? null : 0)));
  const aLabel = am.label || CASES.label;
  const bLabel = bm.label || PERSONS.label;
  const aUnit = a.unit || am.unit;
  const bUnit = b.unit || bm.unit;
  const recorded = Object.keys(ay).length > 0 || Object.keys(by).length > 0;
  const gaps = recorded && unrecorded.length ? `${unrecorded.map((m) => `${m}月`).join('、')}${NO_RECORD}。` : '';
  const top = Math.max(0, ...passed.map((m) => ay[m] ?? 0));
  const highlight = top > 0 ? months.findIndex((m) => ay[m] === top) : -1;
  return {
    id,
    title: year === null ? `各月${aLabel}与${bLabel}` : `${year}年各月${aLabel}与${bLabel}`,
    unit: unitPair(aUnit, bUnit),
    source: ctx.source,
    columns: [
      { label: DIMENSIONS.militiaMonth.label, kind: 'text' },
      { label: `${aLabel}（${aUnit}）`, kind: 'number' },
      { label: `${bLabel}（${bUnit}）`, kind: 'number' },
    ],
    rows: year === null ? [] : months.map((m) => [`${m}月`, cell(ay, m), cell(by, m)]),
    sentence: year === null ? `暂无${aLabel}的月度数据。` : `${describePeakMonth(aLabel, aUnit, year, ay)}${gaps}`,
    chart:
      year === null || !recorded
        ? undefined
        : {
            type: 'line',
            labels: months.map((m) => `${m}月`),
            series: [
              { name: aLabel, color: CASES.color, unit: aUnit, values: months.map((m) => val(ay, m)) },
              { name: bLabel, color: PERSONS.color, unit: bUnit, values: months.map((m) => val(by, m)) },
            ],
            axisTitle: aUnit,
            frac: 0,
            highlight: highlight >= 0 ? highlight : undefined,
          },
  };
}

/** "各街道查处案件与抓获涉案人员": the title of a pair of militia breakdowns, `who` naming the keys. */
function pairTitle(who: string): string {
  return `各${who}${CASES.label}与${PERSONS.label}`;
}

/** The breakdowns by 街道 and by 案件类型, with the word their titles use for the keys. */
const PAIRS: readonly [BreakdownDef, BreakdownDef, string][] = [
  [BREAKDOWNS.militiaSubdistrictCases, BREAKDOWNS.militiaSubdistrictPersons, DIMENSIONS.militiaSubdistrict.label],
  [BREAKDOWNS.militiaCaseTypeCases, BREAKDOWNS.militiaCaseTypePersons, '类型'],
];

/** The militia tables of the latest year, in page order. */
export function militiaTables(data: SiteData, ctx: TableContext): TableSpec[] {
  return [
    yearlyPairTable(data, ctx, CASES, PERSONS),
    ...PAIRS.map(([a, b, who]) => breakdownPairForYear(data, ctx, a.anchor, a, b, (y) => (y === null ? pairTitle(who) : `${y}年${pairTitle(who)}`))),
    militiaMonth(data, ctx),
  ];
}

/** The militia breakdowns of one year (街道, 案件类型, 月份), ids suffixed with the year: `militia-subdistrict-2024`. */
export function militiaYearTables(data: SiteData, ctx: TableContext, year: number): TableSpec[] {
  return [
    ...PAIRS.map(([a, b, who]) => breakdownPairForYear(data, ctx, `${a.anchor}-${year}`, a, b, () => `${year}年${pairTitle(who)}`, true, year)),
    militiaMonth(data, ctx, `${BREAKDOWNS.militiaMonthCases.anchor}-${year}`, year),
  ];
}

/** Years with militia rows, ascending. */
export function militiaYears(data: SiteData): number[] {
  return seriesYears(metricOf(data, CASES.id).byYear);
}
