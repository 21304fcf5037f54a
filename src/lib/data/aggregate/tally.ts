/** Per-row accumulators for the streaming pass: plain Maps (d3-array's rollup over row objects is ~7× slower here). */
import { addDecimal, type Decimal } from '../../shared/decimal.ts';

/** Exact decimal sums per year and per (year, key), with row counts per key. */
export class DecimalTally {
  readonly totals = new Map<number, Decimal>();
  readonly byYear = new Map<number, Map<string, Decimal>>();
  readonly rowCount = new Map<string, number>();

  /** Add one row's amount under a year and a key. */
  add(year: number, key: string, value: Decimal): void {
    const t = this.totals.get(year);
    this.totals.set(year, t ? addDecimal(t, value) : value);
    let m = this.byYear.get(year);
    if (!m) this.byYear.set(year, (m = new Map()));
    const k = m.get(key);
    m.set(key, k ? addDecimal(k, value) : value);
    this.rowCount.set(key, (this.rowCount.get(key) ?? 0) + 1);
  }
}
