import { describe, expect, it } from 'vitest';
import { dataPeriod } from '../../../src/lib/site/data-period.ts';

describe('dataPeriod', () => {
  it('names the years covered and the publish day in China time', () => {
    // 17:30 UTC on 2 December is 01:30 on 3 December in Beijing.
    expect(dataPeriod([2018, 2025, 2019], '2026-12-02T17:30:00.000Z')).toEqual({
      coverage: '数据覆盖2018—2025年',
      day: '2026年12月3日',
      dayIso: '2026-12-03',
      text: '数据覆盖2018—2025年，发布于2026年12月3日',
    });
  });

  it('writes a single year once', () => {
    expect(dataPeriod([2025], '2026-01-05T02:00:00.000Z').text).toBe('数据覆盖2025年，发布于2026年1月5日');
  });

  it('says 暂无数据 without years', () => {
    expect(dataPeriod([], '2026-01-05T02:00:00.000Z').text).toBe('暂无数据，发布于2026年1月5日');
  });

  it('gives the coverage alone when the timestamp is not a date', () => {
    expect(dataPeriod([2024, 2025], 'not a date')).toEqual({ coverage: '数据覆盖2024—2025年', day: '', dayIso: '', text: '数据覆盖2024—2025年' });
  });
});
