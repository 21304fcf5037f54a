/** The honors streak of the contract §3: consecutive calendar years, ending at the latest, with a matching honor. */
import type { HonorStreak } from './types.ts';
import { trimCell } from './read/values.ts';

/** Count the run of years up to the most recent year having an honor whose trimmed title contains `text`; none gives years 0 and through null. */
export function honorStreak(honors: Iterable<{ year: number; title: string }>, text: string): HonorStreak {
  const needle = trimCell(text);
  const years = new Set<number>();
  for (const h of honors) if (needle !== '' && trimCell(h.title).includes(needle)) years.add(h.year);
  if (years.size === 0) return { title: needle, years: 0, through: null };
  const through = Math.max(...years);
  let n = 0;
  while (years.has(through - n)) n++;
  return { title: needle, years: n, through };
}
