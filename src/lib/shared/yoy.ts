/** Year-over-year change per the contract: (v[y] - v[y-1]) / v[y-1], null without a previous year or when it is zero. */
import { fromNumber, relativeChange, type Decimal } from './decimal.ts';

/** One yoy entry per year of `byYear`; a gap year or a zero previous value gives null, never NaN or Infinity. */
export function yoy(byYear: ReadonlyMap<number, Decimal>): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (const [y, v] of byYear) {
    const prev = byYear.get(y - 1);
    out.set(y, prev === undefined ? null : relativeChange(v, prev));
  }
  return out;
}

/**
 * One yoy entry per year of a published series (JSON numbers, e.g. a breakdown key's values), computed on the
 * decimals the numbers were written with, so it equals what the data step would publish; see yoy.
 */
export function yoyOfPublished(byYear: Readonly<Record<string, number>>): Record<string, number | null> {
  const series = new Map(Object.entries(byYear).map(([y, v]) => [Number(y), fromNumber(v)] as const));
  const out: Record<string, number | null> = {};
  for (const [y, r] of yoy(series)) out[String(y)] = r;
  return out;
}
