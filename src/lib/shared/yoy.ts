/** Year-over-year change per the contract: (v[y] - v[y-1]) / v[y-1], null without a previous year or when it is zero. */
import { relativeChange, type Decimal } from './decimal.ts';

/** One yoy entry per year of `byYear`; a gap year or a zero previous value gives null, never NaN or Infinity. */
export function yoy(byYear: ReadonlyMap<number, Decimal>): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (const [y, v] of byYear) {
    const prev = byYear.get(y - 1);
    out.set(y, prev === undefined ? null : relativeChange(v, prev));
  }
  return out;
}
