import { describe, expect, it } from 'vitest';
import { ValueError, buildDayOf, readDate, readDecimal, readInteger, readText, readYear, trimCell, dateYear, dateMonth, dateDay } from '../../../../src/lib/data/read/values.ts';

const today = buildDayOf(new Date('2026-11-29T06:00:00Z'));
const code = (v: unknown) => (v instanceof ValueError ? v.code : v);

describe('readYear', () => {
  it.each([
    ['2023', 2023],
    [' 2023 ', 2023],
    ['２０２３', 2023],
    ['2023年', 2023],
    ['\u30002023\u00a0', 2023],
    ['1949', 1949],
    ['2026', 2026],
    ['1948', 'year_range'],
    ['2027', 'year_future'],
    ['23', 'year_format'],
    ['2023.0', 'year_format'],
    ['#VALUE!', 'excel_error'],
    ['', 'required'],
  ])('reads %j as %j', (raw, expected) => {
    expect(code(readYear(raw, today))).toBe(expected);
  });
});

describe('readDate', () => {
  it.each([
    ['2024-03-05', 20240305],
    ['2024/03/05', 20240305],
    ['2024-3-5', 20240305],
    ['2024/3/5', 20240305],
    ['2024-03', 20240300],
    ['2024/3', 20240300],
    ['2024年3月5日', 20240305],
    ['2024年03月', 20240300],
    ['2024/3/5 9:30', 20240305],
    ['2024-03-05 09:30:00', 20240305],
    ['2024-03-05 0:00', 20240305],
    ['2024-03-05 23:59:59', 20240305],
    ['2024年3月5日 9:30', 20240305],
    ['2024/3/5 ９：３０', 20240305],
    ['2024/3/5 25:00', 'date_time'],
    ['2024-03-05 09:60', 'date_time'],
    ['2024-03-05 24:00', 'date_time'],
    ['2024-03-05 09:30:60', 'date_time'],
    ['2024-03-05 9:3', 'date_time'],
    ['2024-03-05 09:30:00.000', 'date_time'],
    ['2024-03-05 上午9:30', 'date_time'],
    ['2024-03 09:30', 'date_time_month'],
    ['2024年3月 9:30', 'date_time_month'],
    ['2024-03-05T09:30', 'date_format'],
    ['２０２４－０３－０５', 20240305],
    ['2024-02-29', 20240229],
    ['2023-02-29', 'date_impossible'],
    ['2024-02-30', 'date_impossible'],
    ['2024-13', 'date_impossible'],
    ['2026-11-29', 20261129],
    ['2026-11-30', 'date_future'],
    ['2026-11', 20261100],
    ['2026-12', 'date_future'],
    ['45356', 'date_serial'],
    ['2024', 'date_format'],
    ['03/05/2024', 'date_format'],
    ['1900-01-01', 'year_range'],
    ['#N/A', 'excel_error'],
  ])('reads %j as %j', (raw, expected) => {
    expect(code(readDate(raw, today))).toBe(expected);
  });

  it('packs year, month and day so each can be read back', () => {
    const d = readDate('2024年3月', today) as number;
    expect([dateYear(d), dateMonth(d), dateDay(d)]).toEqual([2024, 3, null]);
  });
});

describe('readInteger', () => {
  it.each([
    ['12', 12],
    ['007', 7],
    [' 12 ', 12],
    ['1,234', 1234],
    ['1，234，567', 1234567],
    ['１２', 12],
    ['12.00', 12],
    ['12．0', 12],
    ['12,34', 'thousands'],
    ['1234,567', 'thousands'],
    ['12万', 'integer_format'],
    ['abc', 'integer_format'],
    ['-3', 'integer_negative'],
    ['+3', 'integer_format'],
    ['1e3', 'integer_format'],
    ['1.5', 'integer_fraction'],
    ['#VALUE!', 'excel_error'],
    ['0,123', 'thousands_leading_zero'],
    ['00,123', 'thousands_leading_zero'],
    ['0,123.5', 'thousands_leading_zero'],
    ['0123', 123],
    ['9007199254740991', 9007199254740991],
    ['9,007,199,254,740,991', 9007199254740991],
    ['9007199254740992', 'integer_too_large'],
    ['9999999999999999', 'integer_too_large'],
  ])('reads %j as %j', (raw, expected) => {
    expect(code(readInteger(raw))).toBe(expected);
  });

  it('names the limit when an integer is too large to hold exactly', () => {
    expect(readInteger('9007199254740992')).toEqual(new ValueError('integer_too_large', { limit: 9007199254740991 }));
  });
});

describe('readDecimal', () => {
  const dec = (raw: string, percent = false) => {
    const v = readDecimal(raw, percent);
    return v instanceof ValueError ? v.code : `${v.value.m}e-${v.value.s}${v.percent ? '%' : ''}`;
  };
  it.each([
    ['576.2', '5762e-1'],
    ['0.30', '30e-2'],
    ['1,234.5', '12345e-1'],
    ['０．５', '5e-1'],
    ['12', '12e-0'],
    ['-1', 'decimal_negative'],
    ['1.2.3', 'decimal_format'],
    ['0,123', 'thousands_leading_zero'],
    ['０，１２３', 'thousands_leading_zero'],
    ['96.5%', 'decimal_format'],
  ])('reads %j as %j', (raw, expected) => {
    expect(dec(raw)).toBe(expected);
  });

  it('accepts a trailing % or ％ only where the column allows it, and says so', () => {
    expect(dec('96.5%', true)).toBe('965e-1%');
    expect(dec('９６．５％', true)).toBe('965e-1%');
  });
});

describe('text', () => {
  it('trims spaces, tabs, the ideographic space and the no-break space, and reads empty as null', () => {
    expect(trimCell(' \t\u3000国防\u00a0')).toBe('国防');
    expect(readText('\u3000 ')).toBeNull();
  });
});
