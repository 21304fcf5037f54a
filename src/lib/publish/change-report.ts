/**
 * The change report printed after every build: what the new data changes against the last
 * successful publish, and which figures deserve a second look (请核实) before anyone relies on them.
 * Pure: JSON in, Chinese lines out.
 */
import type { Summary, Details, MetricSeries, Breakdown } from '../shared/types.ts';
import type { Issue } from '../data/issues.ts';
import { formatIssue } from '../data/issues.ts';
import { countChangeMetricIds, freeTextDimensionIds, partWholePairs } from '../shared/metrics.ts';
import { chinaTime, formatDateTimeIso } from '../shared/china-time.ts';
import { formatNumber, formatSigned, formatValue } from '../shared/format.ts';
import { editDistance } from '../shared/edit-distance.ts';
import { fromNumber, relativeChange } from '../shared/decimal.ts';

/** What a previous publish left behind: its summary, and its details when they were kept. */
export interface PublishedData {
  summary: Summary;
  details: Details | null;
}

/** A figure that can never exceed another one of the same year (a part and its whole). */
export interface PartWhole {
  /** Metric id (summary.json) or breakdown id (details.json) of the part, e.g. `indicator:涉军案件胜诉`. */
  part: string;
  /** Id of the whole, of the same kind, e.g. `indicator:代理涉军案件`. */
  whole: string;
}

/** The part ≤ whole pairs checked by 请核实, from the metric catalog (`partOf`, INDICATOR_PARTS); ids absent from the data are skipped. */
export const PART_WHOLE: readonly PartWhole[] = partWholePairs();

/** Year-over-year moves beyond this ratio (either way) are flagged. */
export const YOY_LIMIT = 0.5;

/** Swings between small numbers (3 → 1 训练场) are normal: a move is flagged only when either value exceeds this. */
export const YOY_MIN_VALUE = 10;

/** Metrics whose yearly swings are normal and never flagged: those the catalog compares as a count (a few honors more or less). */
export const YOY_EXEMPT: readonly string[] = countChangeMetricIds();

/** Breakdown dimensions whose keys are free text an admin types (类别, 街道, 案件类型, 活动类别); 学段 and months are fixed lists. */
export const NAME_DIMENSIONS: readonly string[] = freeTextDimensionIds();

/** A key on one row only is flagged when the other keys of its breakdown have at least this many rows (median). */
export const COMMON_ROWS = 3;

export interface ChangeReportInput {
  previous: PublishedData | null;
  current: { summary: Summary; details: Details };
  /** Issues of the current run; only warnings are listed (a run with errors is never published). */
  issues?: readonly Issue[];
  partWhole?: readonly PartWhole[];
}

const ALL = null;
/** Metric|year cells new or changed since the last publish; null means "everything" (first publish). */
type Scope = Set<string> | typeof ALL;

function cellKey(metric: string, year: number | string): string {
  return `${metric}|${year}`;
}

function fracDigits(v: number): number {
  const s = String(v);
  if (/e/i.test(s)) return 2;
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Decimals shown for a metric's values: money always 2 (512.50), others as precise as the data, at most 2. */
function digitsFor(unit: string, values: readonly (number | undefined)[]): number {
  if (unit === '万元') return 2;
  let d = 0;
  for (const v of values) if (v !== undefined) d = Math.max(d, fracDigits(v));
  return Math.min(d, 2);
}

/** The relative change as `+12.4%`; a % metric changes in 百分点 instead; from zero gives `原为 0`. */
function changeWords(oldV: number, newV: number, unit: string): string {
  if (unit === '%' || unit === '％') return `${formatSigned(newV - oldV, 1)} 个百分点`;
  if (oldV === 0) return '原为 0';
  return `${formatSigned((relativeChange(fromNumber(newV), fromNumber(oldV)) ?? 0) * 100, 1)}%`;
}

function yearsWords(years: readonly number[]): string {
  if (years.length === 0) return '无';
  const sorted = [...years].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = sorted[0] as number;
  let prev = start;
  for (const y of [...sorted.slice(1), Number.NaN]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    runs.push(start === prev ? `${start}` : `${start}—${prev}`);
    start = y;
    prev = y;
  }
  return `${runs.join('、')}（共 ${sorted.length} 年）`;
}

function sortedYears(m: MetricSeries | undefined): string[] {
  return m ? Object.keys(m.byYear).sort((a, b) => Number(a) - Number(b)) : [];
}

/** Display names of metrics: the label, or label plus id when two metrics share a label. */
function metricNames(...summaries: (Summary | undefined)[]): Map<string, string> {
  const byLabel = new Map<string, Set<string>>();
  const labels = new Map<string, string>();
  for (const s of summaries) {
    if (!s) continue;
    for (const [id, m] of Object.entries(s.metrics)) {
      labels.set(id, m.label);
      const set = byLabel.get(m.label) ?? new Set<string>();
      set.add(id);
      byLabel.set(m.label, set);
    }
  }
  const names = new Map<string, string>();
  for (const [id, label] of labels) names.set(id, (byLabel.get(label)?.size ?? 0) > 1 ? `${label}（${id}）` : label);
  return names;
}

interface ValueChanges {
  lines: string[];
  scope: Set<string>;
}

/** One line per metric-year whose value was added, changed or removed since the last publish. */
function valueChanges(prev: Summary, cur: Summary, names: Map<string, string>): ValueChanges {
  const lines: string[] = [];
  const scope = new Set<string>();
  const ids = [...Object.keys(cur.metrics), ...Object.keys(prev.metrics).filter((id) => !(id in cur.metrics))];
  for (const id of ids) {
    const a = prev.metrics[id];
    const b = cur.metrics[id];
    const unit = b?.unit ?? a?.unit ?? '';
    const name = names.get(id) ?? id;
    const years = [...new Set([...sortedYears(a), ...sortedYears(b)])].sort((x, y) => Number(x) - Number(y));
    for (const y of years) {
      const oldV = a?.byYear[y];
      const newV = b?.byYear[y];
      if (oldV === newV) continue;
      scope.add(cellKey(id, y));
      const d = digitsFor(unit, [oldV, newV]);
      if (oldV === undefined && newV !== undefined) {
        lines.push(`${y} ${name}: 新增 ${formatValue(newV, unit, { decimals: d, fixed: true })}`);
      } else if (oldV !== undefined && newV === undefined) {
        lines.push(`${y} ${name}: ${formatValue(oldV, unit, { decimals: d, fixed: true })} → 无（已删除）`);
      } else if (oldV !== undefined && newV !== undefined) {
        lines.push(`${y} ${name}: ${formatNumber(oldV, { decimals: d, fixed: true })} → ${formatValue(newV, unit, { decimals: d, fixed: true })} (${changeWords(oldV, newV, unit)})`);
      }
    }
  }
  return { lines, scope };
}

function inScope(scope: Scope, id: string, year: number | string): boolean {
  return scope === ALL || scope.has(cellKey(id, year));
}

function metricTouched(scope: Scope, id: string): boolean {
  if (scope === ALL) return true;
  for (const k of scope) if (k.startsWith(`${id}|`)) return true;
  return false;
}

/** Year-over-year moves beyond ±50 % in new or changed figures, small counts excepted. */
function yoyFlags(cur: Summary, names: Map<string, string>, scope: Scope): string[] {
  const out: string[] = [];
  for (const [id, m] of Object.entries(cur.metrics)) {
    if (YOY_EXEMPT.includes(id)) continue;
    for (const y of sortedYears(m)) {
      const r = m.yoy[y];
      if (r === null || r === undefined || Math.abs(r) <= YOY_LIMIT) continue;
      const py = String(Number(y) - 1);
      if (!inScope(scope, id, y) && !inScope(scope, id, py)) continue;
      const newV = m.byYear[y] as number;
      const oldV = m.byYear[py] as number;
      if (Math.max(Math.abs(newV), Math.abs(oldV)) <= YOY_MIN_VALUE) continue;
      const d = digitsFor(m.unit, [oldV, newV]);
      out.push(
        `${y} ${names.get(id) ?? id}: 较上年 ${formatSigned(r * 100, 1)}%（${py} 年 ${formatValue(oldV, m.unit, { decimals: d, fixed: true })} → ${formatValue(newV, m.unit, { decimals: d, fixed: true })}），变动超过 ±${YOY_LIMIT * 100}%`,
      );
    }
  }
  return out;
}

/** A year missing between two years that have data, in metrics touched by this publish. */
function gapFlags(cur: Summary, names: Map<string, string>, scope: Scope): string[] {
  const out: string[] = [];
  for (const [id, m] of Object.entries(cur.metrics)) {
    const years = sortedYears(m).map(Number);
    if (years.length < 2 || !metricTouched(scope, id)) continue;
    const have = new Set(years);
    const missing: number[] = [];
    for (let y = (years[0] as number) + 1; y < (years[years.length - 1] as number); y++) if (!have.has(y)) missing.push(y);
    if (missing.length === 0) continue;
    out.push(
      `${names.get(id) ?? id}: 有 ${years[0]} 和 ${years[years.length - 1]} 年的数据，却缺 ${missing.join('、')} 年——是漏填了吗？`,
    );
  }
  return out;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Breakdown keys on one row only while the other keys are common: likely a typo of another name. */
function singletonFlags(cur: Details, prev: Details | null, scope: Scope): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [id, b] of Object.entries(cur.breakdowns)) {
    // `militia.subdistrict.cases` and `.persons` share their keys: report a name once per dimension.
    const dimension = id.split('.').slice(0, 2).join('.');
    if (!NAME_DIMENSIONS.includes(dimension)) continue;
    const keys = Object.keys(b.rowCount);
    for (const key of keys) {
      if (b.rowCount[key] !== 1) continue;
      const others = keys.filter((k) => k !== key);
      if (others.length === 0 || median(others.map((k) => b.rowCount[k] as number)) < COMMON_ROWS) continue;
      const wasThere = prev?.breakdowns[id]?.rowCount[key] !== undefined;
      if (scope !== ALL && prev !== null && wasThere) continue;
      const dedupe = `${dimension}|${key}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      out.push(singletonLine(b, key, others));
    }
  }
  return out;
}

function singletonLine(b: Breakdown, key: string, others: string[]): string {
  const years = Object.keys(b.byYear).filter((y) => b.byYear[y]?.[key] !== undefined);
  const where = years.length > 0 ? `（${years.join('、')} 年）` : '';
  const limit = [...key].length >= 5 ? 2 : 1;
  const near = others
    .map((k) => ({ k, d: editDistance(key, k) }))
    .filter((o) => o.d <= limit && (b.rowCount[o.k] ?? 0) >= COMMON_ROWS)
    .sort((p, q) => p.d - q.d || (b.rowCount[q.k] ?? 0) - (b.rowCount[p.k] ?? 0))[0];
  const guess = near ? `，是否为“${near.k}”的笔误？` : '，请确认名称无误。';
  return `${b.label}: “${key}”只出现在 1 行${where}，其他名称都很常见${guess}`;
}

function seriesOf(cur: Summary, det: Details, id: string): { label: string; unit: string; byYear: Record<string, Record<string, number>> } | null {
  const m = cur.metrics[id];
  if (m) return { label: m.label, unit: m.unit, byYear: Object.fromEntries(Object.entries(m.byYear).map(([y, v]) => [y, { '': v }])) };
  const b = det.breakdowns[id];
  return b ? { label: b.label, unit: b.unit, byYear: b.byYear } : null;
}

/** A part larger than its whole in the same year (and key, for breakdowns): placed > requested, 胜诉 > 代理. */
function partWholeFlags(cur: Summary, det: Details, names: Map<string, string>, pairs: readonly PartWhole[]): string[] {
  const out: string[] = [];
  for (const { part, whole } of pairs) {
    const p = seriesOf(cur, det, part);
    const w = seriesOf(cur, det, whole);
    if (!p || !w) continue;
    for (const y of Object.keys(p.byYear).sort((a, b) => Number(a) - Number(b))) {
      for (const [key, pv] of Object.entries(p.byYear[y] ?? {})) {
        const wv = w.byYear[y]?.[key];
        if (wv === undefined || pv <= wv) continue;
        const d = digitsFor(p.unit, [pv, wv]);
        const at = key === '' ? y : `${y} ${key}`;
        out.push(
          `${at} ${names.get(part) ?? p.label} ${formatValue(pv, p.unit, { decimals: d, fixed: true })} 大于 ${names.get(whole) ?? w.label} ${formatValue(wv, w.unit, { decimals: d, fixed: true })}，部分不应超过总数`,
        );
      }
    }
  }
  return out;
}

/**
 * Months of the latest year without any record, in monthly breakdowns (`militia.month.cases`; one line per
 * dimension): the charts show them as gaps, and someone should say whether a month was missed or truly quiet.
 * Months after the data date (China time) have not happened yet and are not flagged.
 */
function monthGapFlags(cur: Summary, det: Details, scope: Scope): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const asOf = chinaTime(cur.generatedAt);
  for (const [id, b] of Object.entries(det.breakdowns)) {
    const dimension = id.split('.').slice(0, 2).join('.');
    if (!/\.month$/.test(dimension) || seen.has(dimension)) continue;
    const years = Object.keys(b.byYear).sort((x, y) => Number(x) - Number(y));
    const year = years[years.length - 1];
    if (year === undefined) continue;
    if (scope !== ALL && ![...scope].some((k) => k.endsWith(`|${year}`))) continue;
    seen.add(dimension);
    const last = asOf === null || asOf.year !== Number(year) ? 12 : asOf.month;
    const row = b.byYear[year] ?? {};
    const missing = Array.from({ length: last }, (_, i) => String(i + 1)).filter((m) => row[m] === undefined);
    if (missing.length === 0) continue;
    out.push(`${year} ${b.label.replace(/（[^）]*）$/, '')}: ${missing.map((m) => `${m} 月`).join('、')}没有任何记录，图表中显示为空缺——是漏填了，还是确实没有？`);
  }
  return out;
}

/** Every 请核实 line for the current data; with a previous publish, yoy/gap/typo checks cover only new or changed figures. */
export function reviewFlags(
  current: { summary: Summary; details: Details },
  previous: PublishedData | null,
  scope: Set<string> | null,
  pairs: readonly PartWhole[] = PART_WHOLE,
): string[] {
  const names = metricNames(current.summary);
  return [
    ...yoyFlags(current.summary, names, scope),
    ...gapFlags(current.summary, names, scope),
    ...singletonFlags(current.details, previous?.details ?? null, scope),
    ...partWholeFlags(current.summary, current.details, names, pairs),
    ...monthGapFlags(current.summary, current.details, scope),
  ];
}

/** Metrics listed on a first publish (the fixed ones; categories and indicators are only counted). */
function isHeadline(id: string): boolean {
  return !id.includes(':');
}

/** The change report as lines (no trailing newline); a first publish lists the latest year's headline figures instead of changes. */
export function changeReport({ previous, current, issues = [], partWhole = PART_WHOLE }: ChangeReportInput): string[] {
  const cur = current.summary;
  const det = current.details;
  const out: string[] = [];
  const names = metricNames(cur, previous?.summary);
  out.push(`变更报告（数据生成于 ${formatDateTimeIso(cur.generatedAt)}）`);
  out.push(previous ? `对比对象：上次成功发布（数据生成于 ${formatDateTimeIso(previous.summary.generatedAt)}）` : '首次发布：没有上次发布的数据可对比。');
  out.push('');

  out.push('读取行数：');
  const prevFiles = new Map((previous?.details?.files ?? []).map((f) => [f.dataset, f]));
  for (const f of det.files) {
    if (!f.present) {
      out.push(`  ${f.file}: 未提供`);
      continue;
    }
    const p = prevFiles.get(f.dataset);
    const delta = p && p.present && p.rows !== f.rows ? `（上次 ${p.rows} 行，${f.rows > p.rows ? '+' : ''}${f.rows - p.rows}）` : '';
    out.push(`  ${f.file}: ${f.rows} 行${delta}`);
  }

  const prevYears = previous?.summary.years ?? [];
  const yearsNow = yearsWords(cur.years);
  const yearsBefore = yearsWords(prevYears);
  out.push(previous && yearsBefore !== yearsNow ? `年份：${yearsNow}（上次 ${yearsBefore}）` : `年份：${yearsNow}`);

  if (previous?.details) {
    const before = new Set(previous.details.files.filter((f) => f.present).map((f) => f.dataset));
    const now = new Set(det.files.filter((f) => f.present).map((f) => f.dataset));
    const added = det.files.filter((f) => f.present && !before.has(f.dataset)).map((f) => f.file);
    const removed = previous.details.files.filter((f) => f.present && !now.has(f.dataset)).map((f) => f.file);
    if (added.length > 0) out.push(`新增文件：${added.join('、')}`);
    if (removed.length > 0) out.push(`移除文件：${removed.join('、')}（其数据不再发布）`);
  }

  let scope: Scope = ALL;
  if (previous) {
    const newYears = cur.years.filter((y) => !prevYears.includes(y));
    const goneYears = prevYears.filter((y) => !cur.years.includes(y));
    if (newYears.length > 0) out.push(`新增年份：${newYears.join('、')}`);
    if (goneYears.length > 0) out.push(`不再出现的年份：${goneYears.join('、')}`);
    const changes = valueChanges(previous.summary, cur, names);
    scope = changes.scope;
    out.push('');
    if (changes.lines.length === 0) {
      out.push('数值变化：无（与上次发布相同）');
    } else {
      out.push(`数值变化（${changes.lines.length} 项）：`);
      for (const l of changes.lines) out.push(`  ${l}`);
    }
  } else if (cur.latestYear !== null) {
    const y = String(cur.latestYear);
    out.push('');
    out.push(`当前数字（${y} 年）：`);
    let others = 0;
    for (const [id, m] of Object.entries(cur.metrics)) {
      if (!isHeadline(id)) {
        others++;
        continue;
      }
      const v = m.byYear[y];
      if (v === undefined) continue;
      out.push(`  ${y} ${names.get(id) ?? id}: ${formatValue(v, m.unit, { decimals: digitsFor(m.unit, [v]), fixed: true })}`);
    }
    if (others > 0) out.push(`  另有 ${others} 项分类与其他指标，见网站各页面。`);
  }

  const warnings = issues.filter((i) => i.severity === 'warning');
  out.push('');
  if (warnings.length === 0) {
    out.push('警告：无');
  } else {
    out.push(`警告（${warnings.length} 条）：`);
    for (const w of warnings) out.push(`  ${formatIssue(w)}`);
  }

  const flags = reviewFlags(current, previous, scope, partWhole);
  out.push('');
  if (flags.length === 0) {
    out.push('请核实：无');
  } else {
    out.push(`请核实（${flags.length} 项${previous ? '，只看本次新增或变化的数字' : ''}）：`);
    for (const f of flags) out.push(`  ${f}`);
  }
  return out;
}
