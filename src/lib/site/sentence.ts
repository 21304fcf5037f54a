/**
 * Generated Chinese sentences, as the statistics bulletins write them: one per KPI card and chart.
 * They are the summary a leader reads, the chart's text alternative and its caption in print.
 * Numbers are written without a space before the unit ("576.2万元"), as in running text.
 */
import { changeKindFor, formatChange, formatPercent, formatValue, type ChangeKind } from '../shared/format.ts';

/** A series of yearly values: year (as string key) → value. */
export type ByYear = Record<string, number>;

/** The years of a series in ascending order, as numbers. */
export function seriesYears(byYear: ByYear): number[] {
  return Object.keys(byYear)
    .map(Number)
    .filter((y) => Number.isInteger(y))
    .sort((a, b) => a - b);
}

/**
 * The change clause without a leading comma: "比上年增长12.4%", "比上年下降3.0%", "与上年持平",
 * "无上年数据", or "上年为零" (when last year's value is 0).
 */
export function describeChange(byYear: ByYear, year: number, yoy: number | null | undefined, frac = 1): string {
  return formatChange({ kind: 'percent', yoy, previous: byYear[String(year - 1)] }, { lead: true, space: false, decimals: frac }).text;
}

/**
 * Whether `year`'s value is the strict highest or lowest of all years up to it, given at least 3 such years:
 * "为2018年以来最高" / "为2018年以来最低"; otherwise null.
 */
function describeExtreme(byYear: ByYear, year: number): string | null {
  const upTo = seriesYears(byYear).filter((y) => y <= year);
  if (upTo.length < 3 || !upTo.includes(year)) return null;
  const v = byYear[String(year)] as number;
  const others = upTo.filter((y) => y !== year).map((y) => byYear[String(y)] as number);
  const first = upTo[0];
  if (others.every((o) => v > o)) return `为${first}年以来最高`;
  if (others.every((o) => v < o)) return `为${first}年以来最低`;
  return null;
}

export interface SeriesSentenceInput {
  /** What is measured, e.g. 经费投入. */
  label: string;
  unit: string;
  byYear: ByYear;
  yoy: Record<string, number | null>;
  year: number;
  /** Maximum decimals of the value (default 2). */
  maxFrac?: number;
  /** How the change is worded (the metric catalog's kind; default percent); small whole counts read as a difference ("比上年多1项"). */
  change?: ChangeKind;
}

/**
 * One sentence for one year of a series: "2025年经费投入576.2万元，比上年增长12.4%，为2018年以来最高。";
 * a year without data gives "2025年暂无经费投入数据。"; a series with only this year says 仅有本年度数据.
 */
export function describeSeries(input: SeriesSentenceInput): string {
  return `${describeSeriesClause(input)}。`;
}

/** describeSeries without the final full stop, for joining clauses with "；". */
function describeSeriesClause({ label, unit, byYear, yoy, year, maxFrac = 2, change = 'percent' }: SeriesSentenceInput): string {
  const key = String(year);
  const value = byYear[key];
  if (value === undefined) return `${year}年暂无${label}数据`;
  const head = `${year}年${label}${formatValue(value, unit, { decimals: maxFrac, space: false })}`;
  const years = seriesYears(byYear);
  if (years.length === 1) return `${head}（仅有本年度数据）`;
  const previous = byYear[String(year - 1)];
  const kind = changeKindFor(change, value, previous);
  const changeWords =
    kind === 'count' ? formatChange({ kind, value, previous }, { lead: true, space: false, unit }).text : describeChange(byYear, year, yoy[key]);
  const parts = [head, changeWords];
  const extreme = describeExtreme(byYear, year);
  if (extreme) parts.push(extreme);
  return parts.join('，');
}

/** Two series of the same year in one sentence, joined by "；" (e.g. 查处案件 and 抓获涉案人员). */
export function describePair(a: SeriesSentenceInput, b: SeriesSentenceInput): string {
  const strip = (s: string) => s.replace(/，为\d{4}年以来最[高低]$/, '');
  const second = strip(describeSeriesClause(b)).replace(new RegExp(`^${b.year}年`), '');
  return `${strip(describeSeriesClause(a))}；${second}。`;
}

/**
 * A rate and its change in 百分点: "2025年安排率为96.5%，比上年提高1.2个百分点。";
 * previous year missing gives "，无上年数据"; no rate gives "2025年暂无安排率数据。".
 */
export function describeRate(label: string, year: number, rate: number | null, previous: number | null, frac = 1): string {
  if (rate === null || !Number.isFinite(rate)) return `${year}年暂无${label}数据。`;
  const head = `${year}年${label}为${formatPercent(rate, frac)}`;
  if (previous === null || !Number.isFinite(previous)) return `${head}，无上年数据。`;
  return `${head}，${formatChange({ kind: 'points', rate, previous }, { lead: true, space: false, decimals: frac }).text}。`;
}

/**
 * The largest part of a whole: "2025年经费投入中，拥军设施建设最多，为300.5万元，占22.3%。";
 * no parts or a zero total gives "2025年暂无经费投入分项数据。".
 */
export function describeTop(label: string, unit: string, year: number, parts: Record<string, number>, maxFrac = 2): string {
  const entries = Object.entries(parts).filter(([, v]) => Number.isFinite(v));
  const total = entries.reduce((s, [, v]) => s + v, 0);
  if (entries.length === 0 || total <= 0) return `${year}年暂无${label}分项数据。`;
  const sorted = [...entries].sort((x, y) => y[1] - x[1]);
  const [topKey, topValue] = sorted[0] as [string, number];
  const tied = sorted.filter(([, v]) => v === topValue).map(([k]) => k);
  const who = tied.length > 1 ? `${tied.join('、')}并列` : topKey;
  return `${year}年${label}中，${who}最多，为${formatValue(topValue, unit, { decimals: maxFrac, space: false })}，占${formatPercent(topValue / total)}。`;
}

/**
 * The peak month of a year: "2025年查处案件最多的月份是3月，为25起。"; all zero or empty gives
 * "2025年暂无查处案件的月度数据。".
 */
export function describePeakMonth(label: string, unit: string, year: number, byMonth: Record<string, number>): string {
  const entries = Object.entries(byMonth).filter(([, v]) => Number.isFinite(v) && v > 0);
  if (entries.length === 0) return `${year}年暂无${label}的月度数据。`;
  const max = Math.max(...entries.map(([, v]) => v));
  const months = entries
    .filter(([, v]) => v === max)
    .map(([m]) => Number(m))
    .sort((a, b) => a - b)
    .map((m) => `${m}月`);
  return `${year}年${label}最多的月份是${months.join('、')}，为${formatValue(max, unit, { decimals: 0, space: false })}。`;
}

/**
 * How many categories rose, fell or stayed level: "2025年8个类别中，5个比上年增长，2个下降，1个持平。";
 * categories without a comparable previous year are counted as "1个无上年数据可比".
 */
export function describeChangeCounts(year: number, noun: string, yoys: (number | null)[], frac = 1): string {
  if (yoys.length === 0) return `${year}年暂无${noun}数据。`;
  const c = { up: 0, down: 0, flat: 0, none: 0 };
  for (const y of yoys) c[formatChange({ kind: 'percent', yoy: y, previous: undefined }, { decimals: frac }).direction] += 1;
  const parts: string[] = [];
  if (c.up) parts.push(`${c.up}个比上年增长`);
  if (c.down) parts.push(`${c.down}个下降`);
  if (c.flat) parts.push(`${c.flat}个持平`);
  if (c.none) parts.push(`${c.none}个无上年数据可比`);
  return `${year}年${yoys.length}个${noun}中，${parts.join('，')}。`;
}

/** The honors streak headline: "连续8年获评双拥模范城"; zero years gives "暂无获评双拥模范城的记录". */
export function describeStreak(title: string, years: number): string {
  if (!(years > 0)) return `暂无获评${title}的记录`;
  return `连续${years}年获评${title}`;
}

/** The span of a list of years: [2018, …, 2025] → "2018—2025年", [2025] → "2025年"; empty gives "". */
export function formatYearRange(years: readonly number[]): string {
  if (years.length === 0) return '';
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? `${lo}年` : `${lo}—${hi}年`;
}
