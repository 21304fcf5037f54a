/** The honors streak of the contract §3: consecutive calendar years, ending at the latest, with a matching honor. */
import type { HonorStreak } from './types.ts';
import { trimCell } from '../data/read/values.ts';

/** The run of consecutive years ending at the latest year ≤ `asOf` in `years`; none gives years 0 and through null. */
export function streakOfYears(years: ReadonlySet<number>, asOf = Infinity): { years: number; through: number | null } {
  let through: number | null = null;
  for (const y of years) if (y <= asOf && (through === null || y > through)) through = y;
  if (through === null) return { years: 0, through: null };
  let n = 0;
  while (years.has(through - n)) n++;
  return { years: n, through };
}

/** Years having an honor whose trimmed title contains `text` (several in one year count once). */
export function matchingYears(honors: Iterable<{ year: number; title: string }>, text: string): Set<number> {
  const needle = trimCell(text);
  const years = new Set<number>();
  for (const h of honors) if (needle !== '' && trimCell(h.title).includes(needle)) years.add(h.year);
  return years;
}

/**
 * The streak of honors whose trimmed title contains `text`, as of the latest matching year (or as of `asOf`,
 * for a past year's page or report); none gives years 0 and through null.
 */
export function honorStreak(honors: Iterable<{ year: number; title: string }>, text: string, asOf = Infinity): HonorStreak {
  return { title: trimCell(text), ...streakOfYears(matchingYears(honors, text), asOf) };
}
