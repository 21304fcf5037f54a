/** Readers from one CSV cell's text to a typed value, per the contract's value types (§1 "Value types"). */
import type { Decimal } from '../../shared/decimal.ts';
import type { ValueCode } from '../messages.ts';
import { chinaTime } from '../../shared/china-time.ts';

/** Why a cell could not be read: a catalog code (messages.ts) and its parameters. */
export class ValueError {
  constructor(
    readonly code: ValueCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {}
}

/** A calendar date packed as yyyymmdd; dd is 00 for a month-only date (`2024-03`). */
export type DateValue = number;

/** Year of a packed date. */
export function dateYear(d: DateValue): number {
  return Math.floor(d / 10000);
}
/** Month (1–12) of a packed date. */
export function dateMonth(d: DateValue): number {
  return Math.floor(d / 100) % 100;
}
/** Day of a packed date, or null for a month-only date. */
export function dateDay(d: DateValue): number | null {
  const day = d % 100;
  return day === 0 ? null : day;
}

/** The build day in China Standard Time, as the readers compare against it. */
export interface BuildDay {
  year: number;
  month: number;
  day: number;
}

/** The calendar day of `now` in UTC+8 (contract: "the build day is today in China Standard Time"). */
export function buildDayOf(now: Date): BuildDay {
  const t = chinaTime(now);
  if (t === null) throw new Error(`invalid build time: ${String(now)}`);
  return { year: t.year, month: t.month, day: t.day };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 13 || c === 10;
}

/** Trim spaces, tabs, the ideographic space U+3000 and the no-break space (contract: "Trimming"). */
export function trimCell(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  if (!isSpace(s.charCodeAt(0)) && !isSpace(s.charCodeAt(n - 1))) return s;
  let a = 0;
  let b = n;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

const FULLWIDTH = /[\uFF10-\uFF19\uFF0C\uFF0E\uFF05\uFF0D\uFF0B\uFF1A]/g;
/** Full-width digits, comma, point, percent, minus, plus and colon to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const EXCEL_ERROR = /^#(?:VALUE!|N\/A|DIV\/0!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
const DIGITS = /^[0-9]+$/;
/** Digits, optionally grouped by three with commas (the first group not starting with 0), and a fraction. */
const NUMBER = /^([1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** The largest integer a published number holds exactly (2^53 − 1), named in messages. */
export const MAX_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;

/** Read a 4-digit year (ASCII or full-width, optional trailing 年), 1949 to the build year. */
export function readYear(raw: string, today: BuildDay): number | ValueError {
  let s = trimCell(raw);
  if (s === '') return new ValueError('required');
  if (!DIGITS.test(s)) {
    s = toHalfWidth(s);
    if (s.endsWith('年')) s = trimCell(s.slice(0, -1));
  }
  if (!/^\d{4}$/.test(s)) {
    if (EXCEL_ERROR.test(s)) return new ValueError('excel_error');
    return new ValueError('year_format');
  }
  const y = Number(s);
  if (y < 1949 || y > 2100) return new ValueError('year_range');
  if (y > today.year) return new ValueError('year_future', { today: today.year });
  return y;
}

// A date, then optionally spaces and anything time-like: the time is checked on its own (contract 1.1).
const DATE_ISO = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?:[ \t\u3000\u00a0]+(\S.*))?$/;
const DATE_CN = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:[ \t\u3000\u00a0]+(\S.*))?$/;
/** A time of day after a full date: H:MM or H:MM:SS, hours 0–23, minutes and seconds 0–59. */
const TIME = /^([01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1]!;
}

/** `YYYY-MM-DD` packed as yyyymmdd without a regex (the common case on the hot path); -1 for any other text. */
function isoDate(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  let v = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Digits-only text to a number without a regex (the hot path); -1 when not all ASCII digits or too long. */
function plainDigits(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Read a date in one of the contract's six forms (a trailing time is ignored); impossible, future and Excel-serial dates are errors. */
export function readDate(raw: string, today: BuildDay): DateValue | ValueError {
  const fast = isoDate(raw);
  if (fast > 0) {
    const y = Math.floor(fast / 10000);
    const mo = Math.floor(fast / 100) % 100;
    const d = fast % 100;
    if (y >= 1949 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) {
      if (fast <= today.year * 10000 + today.month * 100 + today.day) return fast;
    }
  }
  let s = trimCell(raw);
  if (s === '') return new ValueError('required');
  let m = DATE_ISO.exec(s);
  if (!m) {
    s = toHalfWidth(s);
    m = DATE_ISO.exec(s) ?? DATE_CN.exec(s);
  }
  if (!m) {
    if (/^\d{5}(?:\.\d+)?$/.test(s)) return new ValueError('date_serial');
    if (EXCEL_ERROR.test(s)) return new ValueError('excel_error');
    return new ValueError('date_format');
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = m[3] === undefined ? 0 : Number(m[3]);
  if (m[4] !== undefined) {
    if (m[3] === undefined) return new ValueError('date_time_month');
    if (!TIME.test(toHalfWidth(m[4]))) return new ValueError('date_time');
  }
  if (y < 1949 || y > 2100) return new ValueError('year_range');
  if (mo < 1 || mo > 12 || (m[3] !== undefined && (d < 1 || d > daysInMonth(y, mo)))) {
    return new ValueError('date_impossible');
  }
  const packed = y * 10000 + mo * 100 + d;
  const todayPacked = today.year * 10000 + today.month * 100 + today.day;
  const future = d === 0 ? y * 100 + mo > today.year * 100 + today.month : packed > todayPacked;
  if (future) {
    const p = (n: number) => String(n).padStart(2, '0');
    return new ValueError('date_future', { today: `${today.year}-${p(today.month)}-${p(today.day)}` });
  }
  return packed;
}

function numberError(s: string, integer: boolean): ValueError {
  if (EXCEL_ERROR.test(s)) return new ValueError('excel_error');
  if (/^[-−]\s*[\d.,]+$/.test(s)) return new ValueError(integer ? 'integer_negative' : 'decimal_negative');
  if (/^0[\d]*,[\d,]*(?:\.\d+)?$/.test(s)) return new ValueError('thousands_leading_zero');
  if (/^[\d,]+(?:\.\d+)?$/.test(s) && s.includes(',')) return new ValueError('thousands');
  if (integer && /^\d+\.\d+$/.test(s)) return new ValueError('integer_fraction');
  return new ValueError(integer ? 'integer_format' : 'decimal_format');
}

/** Read a non-negative whole number (thousands separators, full-width digits and `12.00` accepted). */
export function readInteger(raw: string): number | ValueError {
  const fast = plainDigits(raw);
  if (fast >= 0) return fast;
  const s = toHalfWidth(trimCell(raw));
  if (s === '') return new ValueError('required');
  const m = NUMBER.exec(s);
  if (!m) return numberError(s, true);
  if (m[2] !== undefined && !/^0+$/.test(m[2])) return new ValueError('integer_fraction');
  const n = Number(m[1]!.replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : new ValueError('integer_too_large', { limit: MAX_EXACT_INTEGER });
}

/** Read a non-negative decimal exactly; with `percent`, a trailing % is allowed and reported in `sawPercent`. */
export function readDecimal(raw: string, percent = false): { value: Decimal; percent: boolean } | ValueError {
  let s = toHalfWidth(trimCell(raw));
  if (s === '') return new ValueError('required');
  let hasPercent = false;
  if (percent && s.endsWith('%')) {
    hasPercent = true;
    s = trimCell(s.slice(0, -1));
  }
  const m = NUMBER.exec(s);
  if (!m) return numberError(s, false);
  const int = m[1]!.replace(/,/g, '');
  const frac = m[2] ?? '';
  const digits = (int + frac).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return new ValueError('too_large');
  return { value: { m: BigInt(int + frac), s: frac.length }, percent: hasPercent };
}

/** Read a text cell: trimmed, empty means absent (null). */
export function readText(raw: string): string | null {
  const s = trimCell(raw);
  return s === '' ? null : s;
}
