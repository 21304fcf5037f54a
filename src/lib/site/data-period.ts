/**
 * What a reader needs to date the figures: the years the data covers and the day it was published
 * (replaces the bare "数据更新时间", which gave the build's clock time and not the data's period).
 */
import { chinaTime } from '../shared/china-time.ts';
import { formatYearRange } from './sentence.ts';

export interface DataPeriod {
  /** "数据覆盖2018—2025年"; "暂无数据" without any year. */
  coverage: string;
  /** The publish day in China time, "2026年12月3日"; "" when the timestamp is not a date. */
  day: string;
  /** The same day as YYYY-MM-DD for <time datetime>; "" when unknown. */
  dayIso: string;
  /** One line: "数据覆盖2018—2025年，发布于2026年12月3日" (just the coverage when the day is unknown). */
  text: string;
}

/** The data period of `years` (any order) and the publish day of the ISO timestamp `generatedAt`. */
export function dataPeriod(years: readonly number[], generatedAt: string): DataPeriod {
  const range = formatYearRange(years);
  const coverage = range === '' ? '暂无数据' : `数据覆盖${range}`;
  const c = chinaTime(generatedAt);
  if (c === null) return { coverage, day: '', dayIso: '', text: coverage };
  const day = `${c.year}年${c.month}月${c.day}日`;
  const dayIso = `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  return { coverage, day, dayIso, text: `${coverage}，发布于${day}` };
}
