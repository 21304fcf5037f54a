/** Turning the accumulators into summary.json metrics and details.json breakdowns (small arrays: d3-array territory). */
import { sort } from 'd3-array';
import { fromInteger, toNumber, type Decimal } from '../../shared/decimal.ts';
import { yoy } from '../../shared/yoy.ts';
import type { Breakdown, MetricSeries } from '../../shared/types.ts';
import { catchAllLast } from '../../shared/catch-all.ts';

/** A metric from exact per-year values: byYear as numbers, yoy from the exact values. */
export function metricFromDecimals(label: string, unit: string, byYear: ReadonlyMap<number, Decimal>): MetricSeries {
  const years = sort([...byYear.keys()]);
  const ordered = new Map(years.map((y) => [y, byYear.get(y)!] as const));
  const change = yoy(ordered);
  const out: MetricSeries = { label, unit, byYear: {}, yoy: {} };
  for (const y of years) {
    out.byYear[String(y)] = toNumber(ordered.get(y)!);
    out.yoy[String(y)] = change.get(y) ?? null;
  }
  return out;
}

/** A metric from whole-number per-year values. */
export function metricFromCounts(label: string, unit: string, byYear: ReadonlyMap<number, number>): MetricSeries {
  return metricFromDecimals(label, unit, new Map([...byYear].map(([y, v]) => [y, fromInteger(v)] as const)));
}

/**
 * A breakdown from per-(year, key) values. Keys follow `order` where given (学段, months),
 * otherwise the largest total over all years first, ties by name; 其他 and 未分类 always last.
 */
export function breakdownOf(
  label: string,
  unit: string,
  byYear: ReadonlyMap<number, ReadonlyMap<string, number>>,
  rowCount: ReadonlyMap<string, number>,
  order?: readonly string[],
): Breakdown {
  const totals = new Map<string, number>();
  for (const m of byYear.values()) for (const [k, v] of m) totals.set(k, (totals.get(k) ?? 0) + v);
  const ranked = order
    ? order.filter((k) => totals.has(k)).concat(sort([...totals.keys()].filter((k) => !order.includes(k))))
    : sort([...totals.keys()], (a, b) => totals.get(b)! - totals.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const keys = catchAllLast(ranked);
  const out: Breakdown = { label, unit, keys, byYear: {}, rowCount: {} };
  for (const y of sort([...byYear.keys()])) {
    const m = byYear.get(y)!;
    const row: Record<string, number> = {};
    for (const k of keys) {
      const v = m.get(k);
      if (v !== undefined) row[k] = v;
    }
    out.byYear[String(y)] = row;
  }
  for (const k of keys) out.rowCount[k] = rowCount.get(k) ?? 0;
  return out;
}
