/** Display formatting in Chinese statistical style; the only place numbers become text. */

const nfCache = new Map<string, Intl.NumberFormat>();
function nf(min: number, max: number, grouping = true): Intl.NumberFormat {
  const k = `${min}:${max}:${grouping}`;
  let f = nfCache.get(k);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: grouping });
    nfCache.set(k, f);
  }
  return f;
}

/** A number with thousands separators and at most `maxFrac` decimals (default 2); null gives "—". */
export function formatNumber(value: number | null | undefined, maxFrac = 2, minFrac = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return nf(minFrac, maxFrac).format(value);
}

/** A number with its unit, e.g. "576.2 万元"; a % unit is written without a space ("96.5%"); null gives "—". */
export function formatValue(value: number | null | undefined, unit: string, maxFrac = 2): string {
  const n = formatNumber(value, maxFrac);
  if (n === '—') return n;
  if (unit === '%' || unit === '％') return `${n}%`;
  return unit ? `${n} ${unit}` : n;
}

/** Abbreviate large counts for a card: 12345 → "1.23万", 123456789 → "1.23亿"; below 10,000 unchanged; null gives "—". */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${formatNumber(value / 1e8, 2)}亿`;
  if (abs >= 1e4) return `${formatNumber(value / 1e4, 2)}万`;
  return formatNumber(value, 2);
}

/** A ratio as a percentage with one decimal: 0.1243 → "12.4%"; null gives "—". */
export function formatPercent(ratio: number | null | undefined, frac = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${nf(frac, frac, true).format(ratio * 100)}%`;
}

export type YoyDirection = 'up' | 'down' | 'flat' | 'none';

/** Classify a yoy ratio after rounding to the displayed precision (0.04% shows as 持平, not 增长 0.0%). */
export function yoyDirection(yoy: number | null | undefined, frac = 1): YoyDirection {
  if (yoy === null || yoy === undefined || !Number.isFinite(yoy)) return 'none';
  const rounded = Number((Math.abs(yoy) * 100).toFixed(frac));
  if (rounded === 0) return 'flat';
  return yoy > 0 ? 'up' : 'down';
}

/**
 * The change in bulletin words: "增长 12.4%", "下降 3.0%", "持平"; null yoy gives null
 * (callers then say 无上年数据 or 上年为零, see yoyMissingReason).
 */
export function formatYoyWords(yoy: number | null | undefined, frac = 1): string | null {
  const dir = yoyDirection(yoy, frac);
  if (dir === 'none') return null;
  if (dir === 'flat') return '持平';
  const pct = `${nf(frac, frac, true).format(Math.abs(yoy as number) * 100)}%`;
  return dir === 'up' ? `增长 ${pct}` : `下降 ${pct}`;
}

/** Why a yoy is null: 上年为零 when last year's value is 0, otherwise 无上年数据. */
export function yoyMissingReason(previous: number | null | undefined): '上年为零' | '无上年数据' {
  return previous === 0 ? '上年为零' : '无上年数据';
}

/** Change between two rates in 百分点: (0.95, 0.92) → "提高 3.0 个百分点"; either null gives null. */
export function formatPointChange(current: number | null | undefined, previous: number | null | undefined, frac = 1): string | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const diff = Number(((current - previous) * 100).toFixed(frac));
  if (diff === 0) return '持平';
  const text = `${nf(frac, frac, true).format(Math.abs(diff))} 个百分点`;
  return diff > 0 ? `提高 ${text}` : `下降 ${text}`;
}

/** A month as the bulletins write it: (2025, 3) → "2025年3月". */
export function formatYearMonth(year: number, month: number): string {
  return `${year}年${month}月`;
}

/** An ISO timestamp in China Standard Time: "2026年11月29日 14:00". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const cst = new Date(d.getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${cst.getUTCFullYear()}年${cst.getUTCMonth() + 1}月${cst.getUTCDate()}日 ${p(cst.getUTCHours())}:${p(cst.getUTCMinutes())}`;
}
