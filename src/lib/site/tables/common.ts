/** Lookups and cell arithmetic shared by every dataset's tables: metrics and breakdowns by id, rounding, change cells, colour slots. */
import type { SiteData } from '../site-data.ts';
import type { Breakdown, MetricSeries } from '../../shared/types.ts';
import type { Cell } from './types.ts';
import { seriesYears } from '../sentence.ts';
import { keySlots } from '../../shared/palette.ts';
export { catchAllLast } from '../../shared/catch-all.ts';

export const ROUNDING_NOTE = '部分数据因四舍五入，分项合计与总计略有出入。';
export const OTHER_LABEL = '其余类别';
/** At most this many colours in one chart (DESIGN.md). */
const MAX_SERIES = 6;


const EMPTY_METRIC: MetricSeries = { label: '', unit: '', byYear: {}, yoy: {} };
const EMPTY_BREAKDOWN: Breakdown = { label: '', unit: '', keys: [], byYear: {}, rowCount: {} };

/** A metric by id; absent gives an empty series with `fallbackLabel`. */
export function metricOf(data: SiteData, id: string, fallbackLabel = id): MetricSeries {
  const m = data.summary.metrics[id];
  return m ?? { ...EMPTY_METRIC, label: fallbackLabel };
}

/** A breakdown by id; absent gives an empty one. */
export function detailBreakdown(data: SiteData, id: string): Breakdown {
  return data.details.breakdowns[id] ?? EMPTY_BREAKDOWN;
}

/** The last year a series has data; none gives null. */
export function lastYearOf(byYear: Record<string, unknown>): number | null {
  const ys = seriesYears(byYear as Record<string, number>);
  return ys.length ? (ys[ys.length - 1] as number) : null;
}

/** Round to `frac` decimals, never -0. */
export function roundTo(value: number, frac: number): number {
  const r = Number(value.toFixed(frac));
  return r === 0 ? 0 : r;
}

/** A yoy ratio as a change cell: ×100 rounded to 1 decimal; null gives 上年为零 or 无上年数据. */
export function changeCell(byYear: Record<string, number>, year: number, yoy: number | null | undefined): Cell {
  if (yoy === null || yoy === undefined || !Number.isFinite(yoy)) {
    return byYear[String(year - 1)] === 0 ? '上年为零' : '无上年数据';
  }
  return roundTo(yoy * 100, 1);
}

/**
 * Palette slots for a breakdown's keys in its fixed order, skipping the slots of the metrics on the same page
 * (`reserved`): see palette.keySlots (其他/未分类 grey; beyond six colours the rest fold into grey).
 */
export function colorSlots(keys: readonly string[], reserved: readonly number[] = []): Record<string, number> {
  return keySlots(keys, reserved, MAX_SERIES);
}


/**
 * ROUNDING_NOTE when a shown value is rounded (it has more decimals than the `frac` shown, so shown parts may not
 * add up to the shown total); none for whole-number counts and exact values.
 */
export function roundingNote(values: readonly (number | null | undefined)[], frac: number): string | undefined {
  return values.some((v) => typeof v === 'number' && Number.isFinite(v) && roundTo(v, frac) !== v) ? ROUNDING_NOTE : undefined;
}

/**
 * One colour order for a dimension measured several ways (e.g. training kinds by sessions and by participants):
 * keys ranked by the sum of their shares of each breakdown's all-year total, so a kind keeps its colour in every chart.
 */
export function sharedKeyOrder(breakdowns: readonly Breakdown[]): string[] {
  const score = new Map<string, number>();
  const first = new Map<string, number>();
  for (const bd of breakdowns) {
    const totals = new Map<string, number>();
    for (const row of Object.values(bd.byYear)) for (const [k, v] of Object.entries(row)) totals.set(k, (totals.get(k) ?? 0) + v);
    const whole = [...totals.values()].reduce((a, b) => a + b, 0);
    for (const k of bd.keys) {
      if (!first.has(k)) first.set(k, first.size);
      score.set(k, (score.get(k) ?? 0) + (whole > 0 ? (totals.get(k) ?? 0) / whole : 0));
    }
  }
  return [...score.keys()].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || (first.get(a) ?? 0) - (first.get(b) ?? 0));
}

/** Unit text for two measures: the same unit once, different ones joined by "、". */
export function unitPair(a: string, b: string): string {
  return a === b ? a : [a, b].filter(Boolean).join('、');
}

/** "查处案件（按街道）" → "查处案件": breakdown labels name the measure first. */
export function stripSuffix(label: string): string {
  return label.replace(/[（(][^）)]*[）)]$/, '');
}

/** The sum of plain numbers; empty gives 0. */
export function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
