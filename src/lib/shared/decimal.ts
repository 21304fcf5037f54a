/** Exact decimals as scaled integers: value = m / 10^s. Sums never pick up float residue. */

export interface Decimal {
  /** The digits as an integer (safe for up to 15 significant digits on input; sums use bigint). */
  readonly m: bigint;
  /** Number of decimal places. */
  readonly s: number;
}

const POW10: bigint[] = [];
function pow10(n: number): bigint {
  let p = POW10[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    POW10[n] = p;
  }
  return p;
}

/** The decimal zero. */
export const ZERO: Decimal = { m: 0n, s: 0 };

/** Exact sum of two decimals, at the larger scale. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  if (a.s === b.s) return { m: a.m + b.m, s: a.s };
  if (a.s > b.s) return { m: a.m + b.m * pow10(a.s - b.s), s: a.s };
  return { m: a.m * pow10(b.s - a.s) + b.m, s: b.s };
}

/** A whole number as a decimal. */
export function fromInteger(n: number): Decimal {
  return { m: BigInt(n), s: 0 };
}

/** The nearest double to the exact value (one correctly rounded division). */
export function toNumber(d: Decimal): number {
  if (d.s === 0) return Number(d.m);
  // Divide by a power of ten exactly representable as a double where possible.
  if (d.s <= 22 && d.m <= BigInt(Number.MAX_SAFE_INTEGER) && d.m >= -BigInt(Number.MAX_SAFE_INTEGER)) {
    return Number(d.m) / 10 ** d.s;
  }
  return Number(`${d.m}e-${d.s}`);
}

/** (a - b) / b computed from the exact values, so 576.2 vs 512.5 gives 0.12429268292682927; b = 0 gives null. */
export function relativeChange(a: Decimal, b: Decimal): number | null {
  if (b.m === 0n) return null;
  const s = Math.max(a.s, b.s);
  const A = a.m * pow10(s - a.s);
  const B = b.m * pow10(s - b.s);
  // Exact integers below 2^53 make this one correctly rounded division.
  return Number(A - B) / Number(B);
}

/**
 * The decimal a JSON number was written from: the shortest round-trip text of a double (what
 * toNumber produced) read back digit for digit, so 100.1 is exactly 1001e-1. Exponent forms fall back to
 * the nearest integer (only for magnitudes far beyond any figure we publish).
 */
export function fromNumber(n: number): Decimal {
  const text = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return { m: BigInt(Math.round(n)), s: 0 };
  const frac = m[3] ?? '';
  const digits = BigInt(m[2]! + frac);
  return { m: m[1] === '-' ? -digits : digits, s: frac.length };
}

/** Exact sum of numbers as written (100.1 + 0.2 + 0.1 is 100.4, not 100.39999999999999); empty input gives 0. */
export function sumNumbers(values: readonly number[]): number {
  let total = ZERO;
  for (const v of values) total = addDecimal(total, fromNumber(v));
  return toNumber(total);
}
