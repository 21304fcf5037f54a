/** The tables of the school page: requested and placed by year, the placement rate, the stages of the latest year. */
import type { SiteData } from '../site-data.ts';
import type { Cell, TableContext, TableSpec } from './types.ts';
import { describeRate, seriesYears } from '../sentence.ts';
import { BREAKDOWNS, METRICS, RATES } from '../../shared/metrics.ts';
import { rateOf } from '../../shared/rate.ts';
import { metricOf, roundTo } from './common.ts';

const RATE = RATES.schoolPlacement;
import { breakdownPairForYear, yearlyPairTable } from './builders.ts';

function schoolTotal(data: SiteData, ctx: TableContext): TableSpec {
  return yearlyPairTable(data, ctx, METRICS.schoolRequested, METRICS.schoolPlaced, '历年驻军子女入学申请与安排人数');
}

function schoolRate(data: SiteData, ctx: TableContext): TableSpec {
  const req = metricOf(data, METRICS[RATE.whole].id, METRICS[RATE.whole].label);
  const placed = metricOf(data, METRICS[RATE.part].id, METRICS[RATE.part].label);
  const frac = RATE.decimals;
  const years = seriesYears(req.byYear);
  const rates = new Map(years.map((y) => [y, rateOf(placed.byYear[String(y)], req.byYear[String(y)])]));
  const last = years[years.length - 1];
  const pointsCell = (y: number): Cell => {
    const r = rates.get(y) ?? null;
    const p = rates.has(y - 1) ? (rates.get(y - 1) ?? null) : null;
    if (r === null) return null;
    if (p === null) return '无上年数据';
    return roundTo((r - p) * 100, frac);
  };
  return {
    id: RATE.anchor,
    title: `历年${RATE.label}`,
    unit: '%',
    source: ctx.source,
    columns: [
      { label: '年度', kind: 'text' },
      { label: '安排率（%）', kind: 'percent', frac },
      { label: '比上年增减（百分点）', kind: 'points' },
    ],
    rows: years.map((y) => {
      const r = rates.get(y) ?? null;
      return [`${y}年`, r === null ? null : roundTo(r * 100, frac), pointsCell(y)];
    }),
    sentence:
      last === undefined
        ? '暂无安排率数据。'
        : describeRate(RATE.label, last, rates.get(last) ?? null, rates.has(last - 1) ? (rates.get(last - 1) ?? null) : null, frac),
    chart: years.length
      ? {
          type: 'line',
          labels: years.map((y) => `${y}年`),
          series: [{ name: '安排率', color: RATE.color, values: years.map((y) => { const r = rates.get(y) ?? null; return r === null ? null : roundTo(r * 100, frac); }) }],
          axisTitle: '%',
          frac,
          fixed: true,
          max: 100,
          ...rateAxis([...rates.values()]),
        }
      : undefined,
  };
}

/**
 * The value axis of a line of rates: from the 10% step at least 5 points below the lowest rate (never below 0),
 * so a change of a few points is visible but not exaggerated; the note says where the axis starts.
 */
export function rateAxis(rates: readonly (number | null)[]): { min?: number; note?: string } {
  const known = rates.filter((r): r is number => r !== null && Number.isFinite(r)).map((r) => r * 100);
  if (known.length === 0) return {};
  const min = Math.max(0, Math.floor((Math.min(...known) - 5) / 10) * 10);
  return min > 0 ? { min, note: `纵轴自${min}%起。` } : {};
}

function schoolStage(data: SiteData, ctx: TableContext): TableSpec {
  const t = breakdownPairForYear(
    data,
    ctx,
    BREAKDOWNS.schoolStageRequested.anchor,
    BREAKDOWNS.schoolStageRequested,
    BREAKDOWNS.schoolStagePlaced,
    (y) => (y === null ? '各学段申请与安排人数' : `${y}年各学段申请与安排人数`),
    false,
  );
  // Stages keep their school order, and each row gets its placement rate.
  t.columns.push({ label: '安排率（%）', kind: 'percent', frac: RATE.decimals });
  t.rows = t.rows.map((r) => [...r, pct(r[2], r[1])]);
  if (t.total) t.total = [...t.total, pct(t.total[2] ?? null, t.total[1] ?? null)];
  if (t.chart) t.chart.horizontal = false;
  return t;
}

/** A stage's placement rate in %, from its table cells; a text or missing cell gives null. */
function pct(placed: Cell | undefined, requested: Cell | undefined): Cell {
  const r = rateOf(typeof placed === 'number' ? placed : null, typeof requested === 'number' ? requested : null);
  return r === null ? null : roundTo(r * 100, RATE.decimals);
}

/** The school tables in page order. */
export function schoolTables(data: SiteData, ctx: TableContext): TableSpec[] {
  return [schoolTotal(data, ctx), schoolRate(data, ctx), schoolStage(data, ctx)];
}
