/** The honors page's groupings and generated wording, from details.honors and the streak (one tested path). */
import { HONOR_LEVELS } from '../data/schema/index.ts';
import type { HonorEntry, HonorStreak } from '../shared/types.ts';

export type HonorLevel = HonorEntry['level'];

export interface HonorsView {
  /** Newest year first; within a year, the admin's file order. */
  honors: HonorEntry[];
  /** Years with at least one honor, newest first. */
  years: number[];
  byYear: Map<number, HonorEntry[]>;
  /** Every level in fixed order (国家级 … 区级), empty lists included. */
  byLevel: Map<HonorLevel, HonorEntry[]>;
  /** Honors of one level in one year (0 when none). */
  count(year: number, level: HonorLevel): number;
  /** "连续 8 年获评双拥模范城", "2025年获评双拥模范城" for a single year, null without a streak. */
  streakText: string | null;
  /** "2018年至2025年，每年均获此荣誉。" for a streak of two or more years, else "". */
  streakRange: string;
  /** One sentence: the span, the total and the count per level; "暂无荣誉记录。" when empty. */
  lede: string;
}

/** Group the public honors for the page and word its headline sentences. */
export function honorsView(list: readonly HonorEntry[], streak: HonorStreak): HonorsView {
  const honors = list
    .map((h, i) => ({ h, i }))
    .sort((a, b) => b.h.year - a.h.year || a.i - b.i)
    .map(({ h }) => h);
  const years = [...new Set(honors.map((h) => h.year))];
  const byYear = new Map(years.map((y) => [y, honors.filter((h) => h.year === y)] as const));
  const byLevel = new Map(HONOR_LEVELS.map((l) => [l, honors.filter((h) => h.level === l)] as const));

  let streakText: string | null = null;
  let streakRange = '';
  if (streak.years > 0 && streak.through !== null) {
    const first = streak.through - streak.years + 1;
    streakText = streak.years >= 2 ? `连续 ${streak.years} 年获评${streak.title}` : `${streak.through}年获评${streak.title}`;
    streakRange = streak.years >= 2 ? `${first}年至${streak.through}年，每年均获此荣誉。` : '';
  }

  const firstYear = years.at(-1);
  const lastYear = years[0];
  const levelParts = HONOR_LEVELS.map((l) => `${l} ${byLevel.get(l)!.length} 项`).join('、');
  const lede =
    honors.length === 0
      ? '暂无荣誉记录。'
      : `${firstYear === lastYear ? `${lastYear}年` : `${firstYear}年至${lastYear}年`}共获得各级双拥荣誉 ${honors.length} 项，其中${levelParts}。`;

  return {
    honors,
    years,
    byYear,
    byLevel,
    count: (year, level) => (byYear.get(year) ?? []).filter((h) => h.level === level).length,
    streakText,
    streakRange,
    lede,
  };
}
