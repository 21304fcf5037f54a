/**
 * Display formatting in Chinese statistical style: the only place numbers, units and changes become text.
 * The site writes a space between number and unit on cards and in tables ("576.2 万元", "比上年增长 12.4%");
 * running text and the 述职报告 (公文 style) write none ("576.2万元", "比上年增长12.4%"): `space: false`.
 */

const nfCache = new Map<string, Intl.NumberFormat>();
function nf(min: number, max: number): Intl.NumberFormat {
  const k = `${min}:${max}`;
  let f = nfCache.get(k);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true });
    nfCache.set(k, f);
  }
  return f;
}

/** Shown for a missing or non-finite figure. */
export const MISSING = '—';

export interface NumberOptions {
  /** The most decimals shown (default 2); trailing zeros are dropped unless `fixed`. */
  decimals?: number;
  /** Always show `decimals` decimals, so 万元 columns align (270.30 under 298.36). Default false. */
  fixed?: boolean;
}

export interface ValueOptions extends NumberOptions {
  /**
   * A space between number and unit ("576.2 万元", cards and tables; default true); false for running text
   * and 公文 style ("576.2万元"). A % unit never takes a space.
   */
  space?: boolean;
  /**
   * Abbreviate from 10,000 with 2 decimals: 12,345 人次 → 1.23万人次, 123,456,789 → 1.23亿, and 万元 becomes
   * 亿元 (12,345.6 万元 → 1.23 亿元). A % value is never abbreviated. Default false.
   */
  abbreviate?: boolean;
}

/** A value split for display: the number text (with 万/亿 when abbreviated) and the unit; `abbreviated` says whether it was shortened. */
export interface ValueParts {
  number: string;
  unit: string;
  abbreviated: boolean;
}

function isNumber(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

/** "%" for either percent sign, so one spelling reaches the page. */
function normalUnit(unit: string): string {
  return unit === '％' ? '%' : unit;
}

/** A number with thousands separators: (12345.678) → "12,345.68", ({decimals: 2, fixed: true}) 270.3 → "270.30"; null, NaN and ±Infinity give "—". */
export function formatNumber(value: number | null | undefined, options: NumberOptions = {}): string {
  if (!isNumber(value)) return MISSING;
  const decimals = options.decimals ?? 2;
  const text = nf(options.fixed ? decimals : 0, decimals).format(value);
  return text === '-0' ? '0' : text.replace(/^-(0(?:\.0+)?)$/, '$1');
}

/**
 * `value` rounded as formatNumber shows it with `decimals` decimals (ties away from zero on the shortest decimal
 * of the double: 1.005 → 1.01, as a reader of "1.005" expects), so a direction or a threshold agrees with the text.
 */
function shownValue(value: number, decimals: number): number {
  return Number(nf(0, decimals).format(value).replace(/,/g, ''));
}

/** A value's number and unit for display, abbreviated with `abbreviate` (see ValueOptions); null gives "—" with the unit kept. */
export function valueParts(value: number | null | undefined, unit: string, options: ValueOptions = {}): ValueParts {
  const u = normalUnit(unit);
  if (!isNumber(value)) return { number: MISSING, unit: u, abbreviated: false };
  if (options.abbreviate && u !== '%') {
    // Decide on the rounded figure, so 99,999,999 reads 1亿 rather than 10,000万.
    const shown = shownValue(value, options.decimals ?? 2);
    if (u === '万元' && Math.abs(shown) >= 1e4) {
      return { number: formatNumber(value / 1e4, { decimals: 2 }), unit: '亿元', abbreviated: true };
    }
    if (u !== '万元' && Math.abs(shownValue(value / 1e4, 2)) >= 1e4) {
      return { number: `${formatNumber(value / 1e8, { decimals: 2 })}亿`, unit: u, abbreviated: true };
    }
    if (u !== '万元' && Math.abs(shown) >= 1e4) {
      return { number: `${formatNumber(value / 1e4, { decimals: 2 })}万`, unit: u, abbreviated: true };
    }
  }
  return { number: formatNumber(value, options), unit: u, abbreviated: false };
}

/**
 * A value with its unit: (576.2, "万元") → "576.2 万元", with `space: false` "576.2万元"; "%" is always
 * attached ("96.5%"); an empty unit gives the number alone; null gives "—" (without the unit).
 */
export function formatValue(value: number | null | undefined, unit: string, options: ValueOptions = {}): string {
  const p = valueParts(value, unit, options);
  if (p.number === MISSING) return MISSING;
  if (p.unit === '') return p.number;
  if (p.unit === '%') return `${p.number}%`;
  return options.space === false ? `${p.number}${p.unit}` : `${p.number} ${p.unit}`;
}

/** A signed number for terse change lines (the change report): +12.4, -3.0, and ±0.0 when it rounds to zero; `decimals` always shown (default 1). */
export function formatSigned(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return MISSING;
  const text = formatNumber(Math.abs(value), { decimals, fixed: true });
  if (shownValue(Math.abs(value), decimals) === 0) return `±${text}`;
  return `${value > 0 ? '+' : '-'}${text}`;
}

/** A ratio as a percentage with `decimals` fixed decimals (default 1): 0.1243 → "12.4%"; null gives "—". */
export function formatPercent(ratio: number | null | undefined, decimals = 1): string {
  if (!isNumber(ratio)) return MISSING;
  return `${formatNumber(ratio * 100, { decimals, fixed: true })}%`;
}

/**
 * How a change against last year is worded: `percent` the relative change ("增长 12.4%"); `points` the
 * difference of two rates ("提高 1.2 个百分点"); `count` the difference itself, for small counts where a
 * percentage misleads ("多 1 项" rather than "增长 25.0%").
 */
export type ChangeKind = 'percent' | 'points' | 'count';

/** up and down for ▲/▼; flat when the change rounds to zero at the shown precision; none when there is nothing to compare. */
export type ChangeDirection = 'up' | 'down' | 'flat' | 'none';

/** Why there is no change to show: no value last year, or last year's value was zero (a relative change is undefined). */
export type MissingChange = '无上年数据' | '上年为零';

/** A change as shown: its direction and its words. */
export interface ChangeText {
  direction: ChangeDirection;
  text: string;
}

export interface ChangeOptions {
  /** Decimals of the change: percent and points default to 1, always shown ("3.0%"); count to at most 2. */
  decimals?: number;
  /** A space between the number and its unit ("增长 12.4%", "提高 1.2 个百分点"; default true); false in 公文 style ("增长12.4%"). */
  space?: boolean;
  /** Lead with 比上年/与上年 as cards and sentences do ("比上年增长 12.4%", "与上年持平"); default false, as in tables ("增长 12.4%", "持平"). */
  lead?: boolean;
  /** The unit of a `count` change ("项"); ignored by the other kinds. */
  unit?: string;
}

/** The input of a change: a yoy ratio (summary.json), two rates (ratios, not ×100), or two values of a count. */
export type Change =
  | { kind: 'percent'; yoy: number | null | undefined; previous: number | null | undefined }
  | { kind: 'points'; rate: number | null | undefined; previous: number | null | undefined }
  | { kind: 'count'; value: number | null | undefined; previous: number | null | undefined };

/** Why a change is missing: 上年为零 when last year's value is 0 (a relative change only), otherwise 无上年数据. */
export function missingChangeReason(previous: number | null | undefined): MissingChange {
  return previous === 0 ? '上年为零' : '无上年数据';
}

/**
 * Words for a change already in display units: `amount` is the percent (12.4 for +12.4%), the 百分点, or the
 * count difference. Its direction is decided after rounding to the shown decimals (0.04% reads 持平, not 增长 0.0%).
 */
export function formatChangeAmount(amount: number, kind: ChangeKind, options: ChangeOptions = {}): ChangeText {
  const decimals = options.decimals ?? (kind === 'count' ? 2 : 1);
  const fixed = kind !== 'count';
  if (!Number.isFinite(amount)) return { direction: 'none', text: '无上年数据' };
  if (shownValue(Math.abs(amount), decimals) === 0) return { direction: 'flat', text: options.lead ? '与上年持平' : '持平' };
  const up = amount > 0;
  const sp = options.space === false ? '' : ' ';
  const n = formatNumber(Math.abs(amount), { decimals, fixed });
  let words: string;
  if (kind === 'percent') words = `${up ? '增长' : '下降'}${sp}${n}%`;
  else if (kind === 'points') words = `${up ? '提高' : '下降'}${sp}${n}${sp}个百分点`;
  else words = `${up ? '多' : '少'}${sp}${n}${options.unit ? `${sp}${options.unit}` : ''}`;
  return { direction: up ? 'up' : 'down', text: options.lead ? `比上年${words}` : words };
}

/**
 * The change against last year in bulletin words: "增长 12.4%", "下降 3.0%", "持平", "提高 1.2 个百分点",
 * "多 1 项" (with `lead`: "比上年增长 12.4%", "与上年持平"). Nothing to compare gives direction none and
 * the reason as text: 无上年数据, or 上年为零 for a relative change from zero.
 */
export function formatChange(change: Change, options: ChangeOptions = {}): ChangeText {
  switch (change.kind) {
    case 'percent':
      if (!isNumber(change.yoy)) return { direction: 'none', text: missingChangeReason(change.previous) };
      return formatChangeAmount(change.yoy * 100, 'percent', options);
    case 'points':
      if (!isNumber(change.rate) || !isNumber(change.previous)) return { direction: 'none', text: '无上年数据' };
      return formatChangeAmount((change.rate - change.previous) * 100, 'points', options);
    case 'count':
      if (!isNumber(change.value) || !isNumber(change.previous)) return { direction: 'none', text: '无上年数据' };
      return formatChangeAmount(change.value - change.previous, 'count', options);
  }
}

/** Counts below this, on both sides, are compared as a difference ("多 1 项"), never as a percentage. */
export const SMALL_COUNT = 20;

/**
 * The change kind for two values of a metric whose catalog kind is `kind`: a `percent` metric whose values
 * are whole numbers below SMALL_COUNT is compared as a `count` (honours 4 → 5 reads "多 1 项", not "增长 25.0%").
 */
export function changeKindFor(kind: ChangeKind, value: number | null | undefined, previous: number | null | undefined): ChangeKind {
  if (kind !== 'percent' || !isNumber(value) || !isNumber(previous)) return kind;
  const small = (v: number) => Number.isInteger(v) && Math.abs(v) < SMALL_COUNT;
  return small(value) && small(previous) ? 'count' : kind;
}

