/** The one rate rule: part ÷ whole of the same year, as a ratio (pages show it ×100 in %, and compare rates in 百分点). */

/** part ÷ whole; a missing value or a zero whole gives null, never NaN or Infinity. */
export function rateOf(part: number | null | undefined, whole: number | null | undefined): number | null {
  if (part === null || part === undefined || whole === null || whole === undefined || whole === 0) return null;
  if (!Number.isFinite(part) || !Number.isFinite(whole)) return null;
  return part / whole;
}
