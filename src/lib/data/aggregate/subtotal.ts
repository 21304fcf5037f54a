/**
 * Rows that look like a hand-written total: a row whose amount equals the sum of the other rows of its year.
 * Such a row holds half its year's total and is its largest value (amounts are >= 0), so per year only the
 * total, the maximum and where it was seen are kept: memory does not grow with the rows.
 */
import { addDecimal, type Decimal } from '../../shared/decimal.ts';
import { fieldLine } from '../read/csv.ts';
import { trimCell } from '../read/values.ts';

function placeOf(fields: readonly string[], line: number, index: number): [number, number, string] {
  return [fieldLine(fields, line, index), index + 1, trimCell(fields[index] ?? '')];
}

/** A row to check by hand (请核实): its line and column, the amount as written, and its year. */
export interface SuspectTotal {
  line: number;
  column: number;
  value: string;
  year: number;
}

interface YearState {
  total: Decimal;
  max: Decimal;
  /** Where the maximum was seen (at most MAX_PLACES), as line, column and the text written. */
  at: [number, number, string][];
  rows: number;
}

const MAX_PLACES = 3;

/** Compare two decimals exactly: negative, zero or positive as a < b, a = b, a > b. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const s = Math.max(a.s, b.s);
  const x = a.m * 10n ** BigInt(s - a.s);
  const y = b.m * 10n ** BigInt(s - b.s);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Watches one amount column per year; finish() lists the rows equal to the sum of the other rows of their year. */
export class SubtotalWatch {
  private readonly years = new Map<number, YearState>();

  /** Add a counted row's amount, found in `fields[index]` of the row starting at `line`. */
  add(year: number, value: Decimal, fields: readonly string[], line: number, index: number): void {
    const place = () => placeOf(fields, line, index);
    let y = this.years.get(year);
    if (y === undefined) {
      this.years.set(year, (y = { total: value, max: value, at: [place()], rows: 1 }));
      return;
    }
    y.rows++;
    y.total = addDecimal(y.total, value);
    const c = compareDecimal(value, y.max);
    if (c > 0) {
      y.max = value;
      y.at = [place()];
    } else if (c === 0 && y.at.length < MAX_PLACES) {
      y.at.push(place());
    }
  }

  /** Rows whose amount (> 0) equals the sum of at least two other rows of the same year, in year order. */
  finish(): SuspectTotal[] {
    const out: SuspectTotal[] = [];
    for (const [year, y] of [...this.years].sort((a, b) => a[0] - b[0])) {
      if (y.rows < 3 || y.max.m === 0n) continue;
      if (compareDecimal(addDecimal(y.max, y.max), y.total) !== 0) continue;
      for (const [line, column, value] of y.at) out.push({ line, column, value, year });
    }
    return out;
  }
}

interface CountState {
  total: number;
  max: number;
  at: [number, number, string][];
  rows: number;
}

/** SubtotalWatch for whole-number columns (counts), on plain numbers: the hot path of large files allocates nothing. */
export class CountSubtotalWatch {
  private readonly years = new Map<number, CountState>();
  private lastYear = NaN;
  private last: CountState | null = null;

  /** Add a counted row's value, found in `fields[index]` of the row starting at `line`. */
  add(year: number, value: number, fields: readonly string[], line: number, index: number): void {
    let y = year === this.lastYear ? this.last : (this.years.get(year) ?? null);
    if (y === null) {
      this.years.set(year, (y = { total: 0, max: -1, at: [], rows: 0 }));
    }
    this.lastYear = year;
    this.last = y;
    y.rows++;
    y.total += value;
    if (value > y.max) {
      y.max = value;
      y.at = [placeOf(fields, line, index)];
    } else if (value === y.max && y.at.length < MAX_PLACES) {
      y.at.push(placeOf(fields, line, index));
    }
  }

  /** Rows whose value (> 0) equals the sum of at least two other rows of the same year, in year order. */
  finish(): SuspectTotal[] {
    const out: SuspectTotal[] = [];
    for (const [year, y] of [...this.years].sort((a, b) => a[0] - b[0])) {
      if (y.rows < 3 || y.max <= 0 || y.max * 2 !== y.total) continue;
      for (const [line, column, value] of y.at) out.push({ line, column, value, year });
    }
    return out;
  }
}
