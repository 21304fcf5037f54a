/**
 * Render the annual report (年度工作报告) for every year of summary.json from the admin's template.
 * Pure: the data step reads the template file and writes the result as reports.json.
 * Placeholder syntax: see parse-placeholder.ts; Markdown subset and positions: see parse-template.ts.
 */
import type { Summary, Details, MetricSeries } from '../shared/types.ts';
import { sumNumbers } from '../shared/decimal.ts';
import { matchingYears, streakOfYears } from '../shared/streak.ts';
import type { Issue } from '../data/issues.ts';
import { formatChange, formatNumber, formatValue } from '../shared/format.ts';
import { parseTemplate, type TemplateSegment, type TemplatePlaceholder } from './parse-template.ts';
import type { Placeholder, YearRef } from './parse-placeholder.ts';
import { reportMessage } from './messages.ts';
import type { FigureRun, RenderedReport, ReportBlock, ReportRun } from './types.ts';

export type { RenderedReport, ReportBlock, ReportRun, FigureRun } from './types.ts';

/** What a figure without data shows. */
export const MISSING_TEXT = '—（无数据）';

/** The source page of a metric, relative to the site base: `funding.total` → `funding/`; unknown families give '' (home). */
export function metricHref(metric: string): string {
  if (metric.startsWith('indicator:')) return 'indicators/';
  if (metric === 'streak' || metric.startsWith('streak.')) return 'honors/';
  const family = metric.split(/[.:]/)[0] ?? '';
  const pages: Record<string, string> = {
    funding: 'funding/',
    militia: 'militia/',
    training: 'training/',
    school: 'school/',
    honors: 'honors/',
  };
  return pages[family] ?? '';
}

/** Exact sum of decimals as written: the decimal module's sum, kept under this name for the report. */
export const sumExact = sumNumbers;

/**
 * A breakdown key as a metric: `training.kind.participants:国防教育` reads details.breakdowns
 * ["training.kind.participants"] for the key 国防教育 (yoy as in contract §3); null when no such breakdown or key.
 */
export function breakdownMetric(details: Details, id: string): MetricSeries | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const b = details.breakdowns[id.slice(0, colon)];
  const key = id.slice(colon + 1);
  if (!b || !b.keys.includes(key)) return null;
  const byYear: Record<string, number> = {};
  const yoy: Record<string, number | null> = {};
  for (const [y, values] of Object.entries(b.byYear)) {
    const v = values[key];
    if (v !== undefined) byYear[y] = v;
  }
  for (const [y, v] of Object.entries(byYear)) {
    const p = byYear[String(Number(y) - 1)];
    yoy[y] = p === undefined || p === 0 ? null : (v - p) / p;
  }
  return { label: `${b.label}·${key}`, unit: b.unit, byYear, yoy };
}

/** The series a metric placeholder names: a summary.json metric, else a breakdown key; null when unknown. */
export function resolveMetric(summary: Summary, details: Details, id: string): MetricSeries | null {
  return summary.metrics[id] ?? breakdownMetric(details, id);
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

function closest(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(Array.from(name).length / 3));
  return best !== null && bestD <= limit ? best : null;
}

/** The metric's first year with a value, if it is at most `to`; otherwise `to` itself. */
function firstYearOf(m: MetricSeries, to: number): number {
  let first = to;
  for (const k of Object.keys(m.byYear)) first = Math.min(first, Number(k));
  return first;
}

function resolveYear(ref: YearRef, base: number): number {
  return ref.kind === 'absolute' ? ref.year : base + ref.offset;
}

function yearList(years: readonly number[]): string {
  return years.join('、');
}

interface Occurrence {
  ph: TemplatePlaceholder;
  subject: string;
  /** Data years absent where a figure needed them. */
  missingData: Set<number>;
  /** Report years where the figure shows 「—（无数据）」. */
  blankReports: Set<number>;
  /** Report years where a sum left out missing years. */
  partialReports: Set<number>;
  /** Report years where a sum's range was empty. */
  emptyRangeReports: Set<number>;
}

interface Context {
  summary: Summary;
  details: Details;
  district: string;
  honorYears: Set<number>;
  occurrences: Map<TemplatePlaceholder, Occurrence>;
}

function metricSubject(id: string, m: MetricSeries): string {
  if (id.startsWith('indicator:')) return `指标“${id.slice('indicator:'.length)}”`;
  return `“${m.label}”（${id}）`;
}

function occurrenceOf(ctx: Context, ph: TemplatePlaceholder, subject: string): Occurrence {
  let o = ctx.occurrences.get(ph);
  if (!o) {
    o = { ph, subject, missingData: new Set(), blankReports: new Set(), partialReports: new Set(), emptyRangeReports: new Set() };
    ctx.occurrences.set(ph, o);
  }
  return o;
}

function figure(
  text: string,
  metric: string,
  year: number,
  description: string,
  value: number | null,
  missing: boolean,
  fromYear?: number,
): FigureRun {
  const run: FigureRun = { kind: 'figure', text, metric, year, href: metricHref(metric), description, value, missing };
  if (fromYear !== undefined) run.fromYear = fromYear;
  return run;
}

function renderMetric(ctx: Context, tp: TemplatePlaceholder, id: string, m: MetricSeries, reportYear: number): FigureRun {
  const ph: Placeholder = tp.placeholder;
  const base = ph.at ? resolveYear(ph.at, reportYear) : reportYear;
  const subject = metricSubject(id, m);
  const name = id.startsWith('indicator:') ? id.slice('indicator:'.length) : m.label;
  const fmt = (v: number) => (ph.form === 'value' ? formatNumber(v) : formatValue(v, m.unit));

  if (ph.sum) {
    const to = ph.sum.to ? resolveYear(ph.sum.to, base) : base;
    // An open start (`..0`, 累计) starts at the metric's own first year, so years before it began are not "missing".
    const from = ph.sum.from ? resolveYear(ph.sum.from, base) : firstYearOf(m, to);
    const description = `${name}（${id}），${from}—${to}年合计`;
    if (from > to) {
      occurrenceOf(ctx, tp, subject).emptyRangeReports.add(reportYear);
      return figure(MISSING_TEXT, id, to, description, null, true, from);
    }
    const values: number[] = [];
    const missing: number[] = [];
    for (let y = from; y <= to; y++) {
      const v = m.byYear[String(y)];
      if (v === undefined) missing.push(y);
      else values.push(v);
    }
    if (missing.length > 0) {
      const o = occurrenceOf(ctx, tp, subject);
      for (const y of missing) o.missingData.add(y);
      if (values.length === 0) o.blankReports.add(reportYear);
      else o.partialReports.add(reportYear);
    }
    if (values.length === 0) return figure(MISSING_TEXT, id, to, description, null, true, from);
    const total = sumExact(values);
    return figure(fmt(total), id, to, description, total, false, from);
  }

  const target = ph.prev ? base - 1 : base;
  const v = m.byYear[String(target)];
  const description = ph.form === 'yoy' ? `${name}（${id}），${target}年比上年增减` : `${name}（${id}），${target}年`;
  if (v === undefined) {
    if (ph.prev) return figure('—（无上年数据）', id, target, description, null, true);
    const o = occurrenceOf(ctx, tp, subject);
    o.missingData.add(target);
    o.blankReports.add(reportYear);
    return figure(MISSING_TEXT, id, target, description, null, true);
  }
  if (ph.form === 'yoy') {
    const ratio = m.yoy[String(target)] ?? null;
    const change = formatChange({ kind: 'percent', yoy: ratio, previous: m.byYear[String(target - 1)] });
    if (change.direction === 'none') return figure(`—（${change.text}）`, id, target, description, null, false);
    return figure(change.text, id, target, description, ratio, false);
  }
  return figure(fmt(v), id, target, description, v, false);
}

function renderPlaceholder(ctx: Context, tp: TemplatePlaceholder, reportYear: number): ReportRun {
  const ph = tp.placeholder;
  const base = ph.at ? resolveYear(ph.at, reportYear) : reportYear;
  const target = ph.prev ? base - 1 : base;
  switch (ph.ref.kind) {
    case 'district':
      return { kind: 'text', text: ctx.district };
    case 'year':
      return { kind: 'text', text: String(target) };
    case 'streak': {
      const title = ctx.summary.honors.streak.title;
      const s = streakOfYears(ctx.honorYears, target);
      if (ph.ref.field === 'title') {
        return figure(title, 'streak.title', target, `连续获评的荣誉名称（streak.title）`, null, false);
      }
      const subject = `“${title}”连续获评年数（streak）`;
      if (ph.ref.field === 'through') {
        const description = `“${title}”连续获评的最后一年（streak.through），截至${target}年`;
        if (s.through === null) {
          const o = occurrenceOf(ctx, tp, subject);
          o.missingData.add(target);
          o.blankReports.add(reportYear);
          return figure(MISSING_TEXT, 'streak.through', target, description, null, true);
        }
        return figure(String(s.through), 'streak.through', target, description, s.through, false);
      }
      const description = `“${title}”连续获评年数（streak），截至${target}年`;
      if (s.years === 0) {
        const o = occurrenceOf(ctx, tp, subject);
        o.missingData.add(target);
        o.blankReports.add(reportYear);
        return figure(MISSING_TEXT, 'streak', target, description, null, true);
      }
      const text = ph.form === 'value' ? formatNumber(s.years) : formatValue(s.years, '年');
      return figure(text, 'streak', target, description, s.years, false);
    }
    case 'metric': {
      const m = resolveMetric(ctx.summary, ctx.details, ph.ref.id)!;
      return renderMetric(ctx, tp, ph.ref.id, m, reportYear);
    }
  }
}

function renderSegments(ctx: Context, segs: TemplateSegment[], year: number): ReportRun[] {
  const runs: ReportRun[] = [];
  for (const s of segs) {
    const run: ReportRun = s.kind === 'text' ? { kind: 'text', text: s.text } : renderPlaceholder(ctx, s, year);
    const last = runs[runs.length - 1];
    if (run.kind === 'text' && last?.kind === 'text') last.text += run.text;
    else runs.push(run);
  }
  return runs;
}

/** The plain text of runs. */
export function runsText(runs: readonly ReportRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** Plain-text rendering: title, a blank line, then one line per heading, paragraph or list item, each indented two ideographic spaces (公文 style). LF line ends. */
export function formatReportText(title: string, blocks: readonly ReportBlock[]): string {
  const lines = [title, ''];
  for (const b of blocks) {
    if (b.kind === 'list') for (const item of b.items) lines.push(`　　· ${runsText(item)}`);
    else lines.push(`　　${runsText(b.runs)}`);
  }
  return `${lines.join('\n')}\n`;
}

function warningFor(o: Occurrence, file: string): Issue {
  const base = { severity: 'warning' as const, file, line: o.ph.line, column: o.ph.column };
  const data = [...o.missingData].sort((a, b) => a - b);
  const blank = [...o.blankReports].sort((a, b) => a - b);
  const partial = [...o.partialReports].sort((a, b) => a - b);
  const empty = [...o.emptyRangeReports].sort((a, b) => a - b);
  if (data.length === 0) {
    return { ...base, code: 'report_empty_range', message: reportMessage('report_empty_range', { subject: o.subject, years: yearList(empty) }) };
  }
  const simple = partial.length === 0 && empty.length === 0 && data.length === blank.length && data.every((y, i) => y === blank[i]);
  if (simple) {
    return { ...base, code: 'report_missing', message: reportMessage('report_missing', { subject: o.subject, years: yearList(data) }) };
  }
  const effects: string[] = [];
  if (blank.length > 0) effects.push(`，${yearList(blank)} 年的报告中显示为“—（无数据）”`);
  if (partial.length > 0) effects.push(`，${yearList(partial)} 年的报告中只合计有数据的年份`);
  if (empty.length > 0) effects.push(`，合计年份范围在 ${yearList(empty)} 年的报告中为空`);
  return {
    ...base,
    code: 'report_missing_long',
    message: reportMessage('report_missing_long', { subject: o.subject, years: yearList(data), effects: effects.join('') }),
  };
}

/** Check that every metric a placeholder names exists in summary.json; unknown names give an error issue. */
function checkReferences(blocks: ReturnType<typeof parseTemplate>['blocks'], summary: Summary, details: Details, file: string): Issue[] {
  const issues: Issue[] = [];
  const ids = [
    ...Object.keys(summary.metrics),
    ...Object.entries(details.breakdowns).flatMap(([bid, b]) => b.keys.map((k) => `${bid}:${k}`)),
  ];
  const indicatorNames = ids.filter((id) => id.startsWith('indicator:')).map((id) => id.slice('indicator:'.length));
  const visit = (segs: TemplateSegment[]) => {
    for (const s of segs) {
      if (s.kind !== 'placeholder' || s.placeholder.ref.kind !== 'metric') continue;
      const id = s.placeholder.ref.id;
      if (resolveMetric(summary, details, id)) continue;
      const at = { severity: 'error' as const, file, line: s.line, column: s.column };
      if (id.startsWith('indicator:')) {
        const name = id.slice('indicator:'.length);
        const near = closest(name, indicatorNames);
        const hint = near ? `，是不是“${near}”？` : '（指标名须与 indicators.csv “指标”列完全一致）';
        issues.push({ ...at, code: 'report_unknown_indicator', message: reportMessage('report_unknown_indicator', { name, hint }) });
      } else {
        const near = closest(id, ids);
        const hint = near ? `，是不是“${near}”？` : '（数据项名称见 summary.json 的 metrics）';
        issues.push({ ...at, code: 'report_unknown_metric', message: reportMessage('report_unknown_metric', { name: id, hint }) });
      }
    }
  };
  for (const b of blocks) {
    if (b.kind === 'list') b.items.forEach(visit);
    else visit(b.segments);
  }
  return issues;
}

/**
 * One report per year of `summary.years`, with the issues found: template errors (unknown metric or
 * indicator, unknown modifier, malformed placeholder) give no reports at all; a known figure without a
 * value renders 「—（无数据）」 and gives one warning per placeholder listing the years. Issues name
 * `template.file` with the physical line and the character column of the placeholder.
 */
export function buildReports(
  template: { file: string; text: string },
  summary: Summary,
  details: Details,
  config: { district: string },
): { issues: Issue[]; reports: RenderedReport[] } {
  const parsed = parseTemplate(template.text);
  const issues: Issue[] = parsed.problems.map((p) => ({
    severity: 'error',
    code: p.error.code,
    file: template.file,
    line: p.line,
    column: p.column,
    message: reportMessage(p.error.code, p.error.params),
  }));
  issues.push(...checkReferences(parsed.blocks, summary, details, template.file));
  if (issues.length > 0) return { issues: sortByPosition(issues), reports: [] };

  const honorYears = matchingYears(details.honors, summary.honors.streak.title);
  const ctx: Context = {
    summary,
    details,
    district: config.district,
    honorYears,
    occurrences: new Map(),
  };

  const titleIndex = parsed.blocks.findIndex((b) => b.kind === 'heading' && b.level === 1);
  const reports: RenderedReport[] = summary.years.map((year) => {
    let title = `${year}年度党管武装工作述职报告`;
    const blocks: ReportBlock[] = [];
    parsed.blocks.forEach((b, i) => {
      if (i === titleIndex && b.kind === 'heading') {
        title = runsText(renderSegments(ctx, b.segments, year));
        return;
      }
      if (b.kind === 'list') blocks.push({ kind: 'list', items: b.items.map((it) => renderSegments(ctx, it, year)) });
      else if (b.kind === 'heading') blocks.push({ kind: 'heading', level: b.level, runs: renderSegments(ctx, b.segments, year) });
      else blocks.push({ kind: 'paragraph', runs: renderSegments(ctx, b.segments, year) });
    });
    return { year, title, blocks, text: formatReportText(title, blocks) };
  });

  const warnings = [...ctx.occurrences.values()].map((o) => warningFor(o, template.file));
  return { issues: sortByPosition(warnings), reports };
}

function sortByPosition(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}
