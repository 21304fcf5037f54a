/** Per-row accumulators for the streaming pass: plain Maps (d3-array's rollup over row objects is ~7× slower here). */
import { addDecimal, type Decimal } from '../decimal.ts';

/** Sums of `width` measures per year and per (year, key), with row counts per key. */
export class Tally {
  readonly totals = new Map<number, number[]>();
  readonly byYear = new Map<number, Map<string, number[]>>();
  readonly rowCount = new Map<string, number>();

  constructor(readonly width: number) {}

  /** Add one row's measures under a year and (optionally) a key. */
  add(year: number, key: string | null, values: readonly number[]): void {
    let t = this.totals.get(year);
    if (!t) this.totals.set(year, (t = new Array<number>(this.width).fill(0)));
    for (let i = 0; i < this.width; i++) t[i]! += values[i]!;
    if (key === null) return;
    let m = this.byYear.get(year);
    if (!m) this.byYear.set(year, (m = new Map()));
    let k = m.get(key);
    if (!k) m.set(key, (k = new Array<number>(this.width).fill(0)));
    for (let i = 0; i < this.width; i++) k[i]! += values[i]!;
    this.rowCount.set(key, (this.rowCount.get(key) ?? 0) + 1);
  }
}

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
