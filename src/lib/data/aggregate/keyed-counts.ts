/** Integer measures per year and free-text key, as the count datasets (militia, training, school) accumulate them. */

/** (year → key → [measures..., rows]) for integer measures; the last slot counts rows. */
export class KeyedCounts {
  readonly byYear = new Map<number, Map<string, number[]>>();
  private lastYear = NaN;
  private last: Map<string, number[]> | null = null;
  constructor(private readonly width: number) {}
  add(year: number, key: string, a: number, b = 0): void {
    let m = this.last;
    if (year !== this.lastYear || m === null) {
      m = this.byYear.get(year) ?? null;
      if (m === null) this.byYear.set(year, (m = new Map()));
      this.last = m;
      this.lastYear = year;
    }
    let v = m.get(key);
    if (v === undefined) m.set(key, (v = this.width === 1 ? [0, 0] : [0, 0, 0]));
    v[0]! += a;
    if (this.width > 1) v[1]! += b;
    v[this.width]! += 1;
  }
  /** Measure `i` as year → key → value. */
  measure(i: number): Map<number, Map<string, number>> {
    return new Map([...this.byYear].map(([y, m]) => [y, new Map([...m].map(([k, v]) => [k, v[i]!]))]));
  }
  /** Rows per key over all years. */
  get rows(): Map<string, number> {
    const out = new Map<string, number>();
    for (const m of this.byYear.values()) for (const [k, v] of m) out.set(k, (out.get(k) ?? 0) + v[this.width]!);
    return out;
  }
}

/** Measure `i` summed over the keys of each year. */
export function yearTotals(k: KeyedCounts, i: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [y, m] of k.byYear) {
    let s = 0;
    for (const v of m.values()) s += v[i]!;
    out.set(y, s);
  }
  return out;
}
