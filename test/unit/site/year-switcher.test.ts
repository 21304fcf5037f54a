import { describe, expect, it } from 'vitest';
import { MAX_FLAT_YEARS, RECENT_YEARS, splitYears } from '../../../src/lib/site/year-switcher.ts';

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('splitYears', () => {
  it('shows every year, newest first, when there are at most 12', () => {
    expect(splitYears(range(2014, 2025))).toEqual({ recent: range(2014, 2025).reverse(), earlier: [], earlierLabel: '' });
    expect(MAX_FLAT_YEARS).toBe(12);
  });

  it('keeps the latest 8 of 40 years as buttons and folds the rest by decade, newest first', () => {
    const s = splitYears(range(1986, 2025));
    expect(s.recent).toEqual(range(2018, 2025).reverse());
    expect(s.recent).toHaveLength(RECENT_YEARS);
    expect(s.earlierLabel).toBe('更早年度（1986—2017年）');
    expect(s.earlier.map((d) => d.label)).toEqual(['2010年代', '2000年代', '1990年代', '1980年代']);
    expect(s.earlier[0]!.years).toEqual(range(2010, 2017).reverse());
    expect(s.earlier[3]!.years).toEqual(range(1986, 1989).reverse());
    expect([...s.recent, ...s.earlier.flatMap((d) => d.years)]).toEqual(range(1986, 2025).reverse());
  });

  it('ignores order and duplicates', () => {
    expect(splitYears([2025, 2023, 2024, 2024]).recent).toEqual([2025, 2024, 2023]);
  });

  it('gives nothing for no years', () => {
    expect(splitYears([])).toEqual({ recent: [], earlier: [], earlierLabel: '' });
  });
});
