import { describe, it, expect } from 'vitest';
import { chinaTime, formatDateTime, formatDateTimeIso } from '../../../src/lib/shared/china-time.ts';

describe('China Standard Time', () => {
  it('chinaTime reads the calendar fields at UTC+8, across the date line of UTC', () => {
    expect(chinaTime('2026-12-31T16:30:00.000Z')).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 30, second: 0 });
    expect(chinaTime(new Date('2026-11-29T06:00:00.000Z'))).toEqual({ year: 2026, month: 11, day: 29, hour: 14, minute: 0, second: 0 });
  });
  it('chinaTime gives null for an unparsable timestamp', () => {
    expect(chinaTime('nope')).toBe(null);
  });
  it('formatDateTime writes the pages\' form and — for a bad date', () => {
    expect(formatDateTime('2026-11-29T06:00:00.000Z')).toBe('2026年11月29日 14:00');
    expect(formatDateTime('2026-03-05T01:05:00.000Z')).toBe('2026年3月5日 09:05');
    expect(formatDateTime('nope')).toBe('—');
  });
  it('formatDateTimeIso writes the change report\'s form and returns a bad date as is', () => {
    expect(formatDateTimeIso('2026-03-05T01:05:00.000Z')).toBe('2026-03-05 09:05');
    expect(formatDateTimeIso('2026-11-29T16:30:00.000Z')).toBe('2026-11-30 00:30');
    expect(formatDateTimeIso('2026-03-02T02:15:02.000Z', true)).toBe('2026-03-02 10:15:02');
    expect(formatDateTimeIso('nope')).toBe('nope');
  });
});
