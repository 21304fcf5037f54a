import { describe, it, expect } from 'vitest';
import {
  formatNumber,
  formatValue,
  formatCompact,
  formatPercent,
  yoyDirection,
  formatYoyWords,
  yoyMissingReason,
  formatPointChange,
  formatYearMonth,
  formatDateTime,
} from '../../../src/lib/shared/format.ts';

describe('formatNumber and formatValue', () => {
  it('formatNumber writes thousands separators and at most two decimals', () => {
    expect(formatNumber(12345.678)).toBe('12,345.68');
    expect(formatNumber(576.2)).toBe('576.2');
    expect(formatNumber(0)).toBe('0');
  });
  it('formatNumber gives — for null, undefined, NaN and Infinity', () => {
    expect([null, undefined, Number.NaN, Number.POSITIVE_INFINITY].map((v) => formatNumber(v))).toEqual(['—', '—', '—', '—']);
  });
  it('formatValue puts a space before the unit but none before %', () => {
    expect(formatValue(576.2, '万元')).toBe('576.2 万元');
    expect(formatValue(96.5, '%')).toBe('96.5%');
    expect(formatValue(null, '万元')).toBe('—');
  });
});

describe('formatCompact', () => {
  it('leaves figures below 10,000 unabbreviated', () => {
    expect(formatCompact(9999)).toBe('9,999');
  });
  it('abbreviates to 万 from 10,000 and to 亿 from 100,000,000', () => {
    expect(formatCompact(12345)).toBe('1.23万');
    expect(formatCompact(10000)).toBe('1万');
    expect(formatCompact(123456789)).toBe('1.23亿');
  });
  it('gives — for null', () => {
    expect(formatCompact(null)).toBe('—');
  });
});

describe('yoy wording', () => {
  it('formatPercent writes a ratio with one decimal', () => {
    expect(formatPercent(0.12429)).toBe('12.4%');
    expect(formatPercent(null)).toBe('—');
  });
  it('formatYoyWords says 增长 and 下降 with one decimal', () => {
    expect(formatYoyWords(0.12429268292682927)).toBe('增长 12.4%');
    expect(formatYoyWords(-0.03)).toBe('下降 3.0%');
  });
  it('formatYoyWords says 持平 when the change rounds to 0.0%', () => {
    expect(formatYoyWords(0.0004)).toBe('持平');
    expect(formatYoyWords(-0.00049)).toBe('持平');
    expect(formatYoyWords(0)).toBe('持平');
    expect(yoyDirection(0.0005)).toBe('up');
  });
  it('formatYoyWords gives null for a null yoy and yoyMissingReason says why', () => {
    expect(formatYoyWords(null)).toBe(null);
    expect(yoyDirection(null)).toBe('none');
    expect(yoyMissingReason(0)).toBe('上年为零');
    expect(yoyMissingReason(undefined)).toBe('无上年数据');
    expect(yoyMissingReason(null)).toBe('无上年数据');
  });
});

describe('formatPointChange', () => {
  it('gives the change between two rates in 百分点', () => {
    expect(formatPointChange(0.95, 0.92)).toBe('提高 3.0 个百分点');
    expect(formatPointChange(0.9, 0.95)).toBe('下降 5.0 个百分点');
  });
  it('says 持平 when the rates round to the same tenth of a point', () => {
    expect(formatPointChange(0.9501, 0.95)).toBe('持平');
  });
  it('gives null when either rate is missing', () => {
    expect(formatPointChange(null, 0.9)).toBe(null);
    expect(formatPointChange(0.9, undefined)).toBe(null);
  });
});

describe('dates', () => {
  it('formatYearMonth writes 2025年3月', () => {
    expect(formatYearMonth(2025, 3)).toBe('2025年3月');
  });
  it('formatDateTime writes China Standard Time and — for a bad date', () => {
    expect(formatDateTime('2026-11-29T06:00:00.000Z')).toBe('2026年11月29日 14:00');
    expect(formatDateTime('nope')).toBe('—');
  });
});
