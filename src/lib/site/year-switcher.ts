/** How a year switcher lays out many years: the latest as buttons, the rest by decade behind "更早年度". */
import { formatYearRange } from './sentence.ts';

/** Up to this many years are all shown as buttons. */
export const MAX_FLAT_YEARS = 12;
/** With more, this many of the latest stay buttons. */
export const RECENT_YEARS = 8;

export interface YearDecade {
  /** "2010年代". */
  label: string;
  /** Newest first. */
  years: number[];
}

export interface SplitYears {
  /** Newest first. */
  recent: number[];
  /** Earlier years by decade, newest decade first; empty when every year is recent. */
  earlier: YearDecade[];
  /** "更早年度（1986—2017年）"; "" when there are no earlier years. */
  earlierLabel: string;
}

/** Split years (any order, duplicates ignored): all of them when ≤ MAX_FLAT_YEARS, else the latest RECENT_YEARS and the rest by decade. */
export function splitYears(years: readonly number[]): SplitYears {
  const desc = [...new Set(years)].sort((a, b) => b - a);
  if (desc.length <= MAX_FLAT_YEARS) return { recent: desc, earlier: [], earlierLabel: '' };
  const recent = desc.slice(0, RECENT_YEARS);
  const rest = desc.slice(RECENT_YEARS);
  const earlier: YearDecade[] = [];
  for (const y of rest) {
    const decade = Math.floor(y / 10) * 10;
    const label = `${decade}年代`;
    const last = earlier.at(-1);
    if (last?.label === label) last.years.push(y);
    else earlier.push({ label, years: [y] });
  }
  return { recent, earlier, earlierLabel: `更早年度（${formatYearRange(rest)}）` };
}
