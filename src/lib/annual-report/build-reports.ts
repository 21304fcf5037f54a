/**
 * Render the annual report (年度工作报告) for every year of summary.json from the admin's template.
 * Pure: the data step reads the template file and writes the result as reports.json.
 * Placeholder syntax: see parse-placeholder.ts; conditions: parse-condition.ts; Markdown subset, optional
 * clauses and positions: parse-template.ts. Figures become text in figure-text.ts only.
 */
import type { Summary, Details, MetricSeries, FileReport, DatasetId } from '../shared/types.ts';
import { sumNumbers } from '../shared/decimal.ts';
import { matchingYears, streakOfYears } from '../shared/streak.ts';
import type { Issue } from '../data/issues.ts';
import { missingChangeReason } from '../shared/format.ts';
import { findExternalRefs } from '../publish/dist-check.ts';
import {
  blockNodes,
  charColumn,
  parseTemplate,
  placeholdersOf,
  type TemplateBlock,
  type TemplateBranch,
  type TemplateNode,
  type TemplatePlaceholder,
} from './parse-template.ts';
import { PAGES, breakdownDef, figureHref, indicatorName, metricDef } from '../shared/metrics.ts';
import { yoyOfPublished } from '../shared/yoy.ts';
import { editDistance } from '../shared/edit-distance.ts';
import type { Placeholder, YearRef } from './parse-placeholder.ts';
import { compare } from './parse-condition.ts';
import { formatFigure } from './figure-text.ts';
import { reportMessage } from './messages.ts';
import type { FigureRun, RenderedReport, ReportBlock, ReportRun } from './types.ts';

export type { RenderedReport, ReportBlock, ReportRun, FigureRun } from './types.ts';

/** What a figure without data shows. */
export const MISSING_TEXT = '—（无数据）';

/**
 * Where a figure is shown, relative to the site base (the metric catalog's page and anchor): `funding.total` →
 * `funding/#funding-total`, an indicator → `indicators/`, the streak → `honors/`; an unknown id gives '' (home).
 */
export function metricHref(metric: string): string {
  if (metric === 'streak' || metric.startsWith('streak.')) return PAGES.honors.href.slice(1);
  return figureHref(metric)?.slice(1) ?? '';
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
  for (const [y, values] of Object.entries(b.byYear)) {
    const v = values[key];
    if (v !== undefined) byYear[y] = v;
  }
  return { label: `${b.label}·${key}`, unit: b.unit, byYear, yoy: yoyOfPublished(byYear) };
}

/** The series a metric placeholder names: a summary.json metric, else a breakdown key; null when unknown. */
export function resolveMetric(summary: Summary, details: Details, id: string): MetricSeries | null {
  return summary.metrics[id] ?? breakdownMetric(details, id);
}

/** The data file a metric id comes from (the metric catalog's family; indicators.csv for `indicator:`); null for an unknown id. */
export function sourceDataset(id: string): DatasetId | null {
  if (indicatorName(id) !== null) return 'indicators';
  const colon = id.indexOf(':');
  return (metricDef(id) ?? breakdownDef(colon < 0 ? id : id.slice(0, colon)))?.family ?? null;
}

/**
 * The file of a metric's family when it is absent or has no counted rows: the name cannot be checked
 * against it, so the figure is taken as having no data (clauses left out, one warning) rather than refused.
 */
function emptySource(details: Details, id: string): FileReport | null {
  const dataset = sourceDataset(id);
  const f = details.files.find((x) => x.dataset === dataset);
  return f && (!f.present || f.counted === 0) ? f : null;
}

function closest(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
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

function yearList(years: Iterable<number>): string {
  return [...years].sort((a, b) => a - b).join('、');
}

/** What one placeholder occurrence lacked across the reports, for its one warning. */
interface Occurrence {
  line: number;
  column: number;
  subject: string;
  /** Data years absent where a figure needed them. */
  missingData: Set<number>;
  /** Report years where the figure shows 「—（无数据）」. */
  blankReports: Set<number>;
  /** Report years where a sum left out missing years. */
  partialReports: Set<number>;
  /** Report years where a sum's range was empty. */
  emptyRangeReports: Set<number>;
  /** Report years where an optional clause was left out because of this figure. */
  omittedReports: Set<number>;
  /** Report years where a condition on this figure failed for lack of data. */
  testedReports: Set<number>;
}

/** A lack found while rendering, kept until we know whether its clause is shown or left out. */
interface Note {
  ph: TemplatePlaceholder;
  subject: string;
  kind: 'blank' | 'partial' | 'empty' | 'omitted' | 'tested';
  data: number[];
  reportYear: number;
}

/** A rendered placeholder: its run, whether it lacks data (gap) or is zero, and what to warn about. */
interface Piece {
  run: ReportRun;
  gap: boolean;
  zero: boolean;
  notes: Note[];
}

/** Rendered nodes: runs and the same flags for all of them. */
interface Rendered {
  runs: ReportRun[];
  gap: boolean;
  zero: boolean;
  notes: Note[];
}

interface Context {
  summary: Summary;
  details: Details;
  district: string;
  honorYears: Set<number>;
  occurrences: Map<TemplatePlaceholder, Occurrence>;
}

function metricSubject(id: string, m: MetricSeries): string {
  const indicator = indicatorName(id);
  if (indicator !== null) return `指标“${indicator}”`;
  return `“${m.label}”（${id}）`;
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

function piece(run: ReportRun, gap = false, notes: Note[] = []): Piece {
  return { run, gap, zero: run.kind === 'figure' && run.value === 0 && !run.description.endsWith('比上年增减'), notes };
}

function renderMetric(tp: TemplatePlaceholder, id: string, m: MetricSeries, reportYear: number, subject = metricSubject(id, m)): Piece {
  const ph: Placeholder = tp.placeholder;
  const base = ph.at ? resolveYear(ph.at, reportYear) : reportYear;
  const name = indicatorName(id) ?? m.label;
  const note = (kind: Note['kind'], data: number[]): Note => ({ ph: tp, subject, kind, data, reportYear });
  const fmt = (v: number) => formatFigure(v, m.unit, ph.form === 'value' ? 'value' : 'full', id);

  if (ph.sum) {
    const to = ph.sum.to ? resolveYear(ph.sum.to, base) : base;
    // An open start (`..0`, 累计) starts at the metric's own first year, so years before it began are not "missing".
    const from = ph.sum.from ? resolveYear(ph.sum.from, base) : firstYearOf(m, to);
    const description = `${name}（${id}），${from}—${to}年合计`;
    if (from > to) return piece(figure(MISSING_TEXT, id, to, description, null, true, from), true, [note('empty', [])]);
    const values: number[] = [];
    const missing: number[] = [];
    for (let y = from; y <= to; y++) {
      const v = m.byYear[String(y)];
      if (v === undefined) missing.push(y);
      else values.push(v);
    }
    if (values.length === 0) return piece(figure(MISSING_TEXT, id, to, description, null, true, from), true, [note('blank', missing)]);
    const total = sumExact(values);
    const run = figure(fmt(total), id, to, description, total, false, from);
    // A sum over fewer years than it names is shown (with a warning), but an optional clause leaves it out.
    return missing.length > 0 ? piece(run, true, [note('partial', missing)]) : piece(run);
  }

  const target = ph.prev ? base - 1 : base;
  const v = m.byYear[String(target)];
  const description = ph.form === 'yoy' ? `${name}（${id}），${target}年比上年增减` : `${name}（${id}），${target}年`;
  if (v === undefined) {
    if (ph.prev) return piece(figure('—（无上年数据）', id, target, description, null, true), true);
    return piece(figure(MISSING_TEXT, id, target, description, null, true), true, [note('blank', [target])]);
  }
  if (ph.form === 'yoy') {
    const ratio = m.yoy[String(target)] ?? null;
    if (ratio === null) return piece(figure(`—（${missingChangeReason(m.byYear[String(target - 1)])}）`, id, target, description, null, false), true);
    return piece(figure(formatFigure(ratio, m.unit, 'yoy'), id, target, description, ratio, false));
  }
  return piece(figure(fmt(v), id, target, description, v, false));
}

function renderPlaceholder(ctx: Context, tp: TemplatePlaceholder, reportYear: number): Piece {
  const ph = tp.placeholder;
  const base = ph.at ? resolveYear(ph.at, reportYear) : reportYear;
  const target = ph.prev ? base - 1 : base;
  switch (ph.ref.kind) {
    case 'district':
      return piece({ kind: 'text', text: ctx.district });
    case 'year':
      return piece({ kind: 'text', text: String(target) });
    case 'streak': {
      const title = ctx.summary.honors.streak.title;
      const s = streakOfYears(ctx.honorYears, target);
      if (ph.ref.field === 'title') {
        return piece(figure(title, 'streak.title', target, `连续获评的荣誉名称（streak.title）`, null, false));
      }
      const subject = `“${title}”连续获评年数（streak）`;
      const blank = (): Note => ({ ph: tp, subject, kind: 'blank', data: [target], reportYear });
      if (ph.ref.field === 'through') {
        const description = `“${title}”连续获评的最后一年（streak.through），截至${target}年`;
        if (s.through === null) return piece(figure(MISSING_TEXT, 'streak.through', target, description, null, true), true, [blank()]);
        return piece(figure(String(s.through), 'streak.through', target, description, s.through, false));
      }
      const description = `“${title}”连续获评年数（streak），截至${target}年`;
      if (s.years === 0) return piece(figure(MISSING_TEXT, 'streak', target, description, null, true), true, [blank()]);
      return piece(figure(formatFigure(s.years, '年', ph.form === 'value' ? 'value' : 'full'), 'streak', target, description, s.years, false));
    }
    case 'metric': {
      const id = ph.ref.id;
      const m = resolveMetric(ctx.summary, ctx.details, id);
      if (m) return renderMetric(tp, id, m, reportYear);
      // A family whose data file is absent or empty (checkReferences let it through): no data in any year.
      const file = emptySource(ctx.details, id)?.file ?? '';
      const indicator = indicatorName(id);
      const subject = `${indicator !== null ? '指标' : '数据项'}“${indicator ?? id}”（${file} 未提供或没有数据）`;
      return renderMetric(tp, id, { label: indicator ?? id, unit: '', byYear: {}, yoy: {} }, reportYear, subject);
    }
  }
}

/**
 * Whether a branch's condition holds for a report year: the figure has data and, with an operator, compares
 * true. A figure lacking data is noted (as "tested"), so the admin still hears of it once.
 */
function holds(ctx: Context, branch: TemplateBranch, reportYear: number, notes: Note[]): boolean {
  const c = branch.condition;
  if (c === null || branch.subject === null) return true;
  const ph = c.subject;
  if (ph.ref.kind === 'streak' && ph.ref.field === 'years') {
    // No streak is 0 years, a value a condition can test (`streak = 0`), not a lack of data.
    const base = ph.at ? resolveYear(ph.at, reportYear) : reportYear;
    const years = streakOfYears(ctx.honorYears, ph.prev ? base - 1 : base).years;
    return c.op === null ? years > 0 : compare(years, c.op, c.value!);
  }
  const p = renderPlaceholder(ctx, branch.subject, reportYear);
  const has = !p.gap;
  notes.push(...p.notes.map((x): Note => (x.kind === 'empty' ? x : { ...x, kind: 'tested' })));
  const v = p.run.kind === 'figure' ? p.run.value : Number(p.run.text);
  const value = v === null || !Number.isFinite(v) ? null : ph.form === 'yoy' ? Number((v * 100).toFixed(1)) : v;
  if (c.op === null) return has;
  return has && value !== null && compare(value, c.op, c.value!);
}

function appendRun(runs: ReportRun[], run: ReportRun): void {
  const last = runs[runs.length - 1];
  if (run.kind === 'text' && last?.kind === 'text') last.text += run.text;
  else runs.push(run.kind === 'text' ? { ...run } : run);
}

function absorb(into: Rendered, from: { gap: boolean; zero: boolean; notes: Note[] }): void {
  into.gap ||= from.gap;
  into.zero ||= from.zero;
  into.notes.push(...from.notes);
}

/** Render nodes for a year: optional clauses kept or left out, the first holding branch of each choice. */
function renderNodes(ctx: Context, nodes: readonly TemplateNode[], year: number): Rendered {
  const out: Rendered = { runs: [], gap: false, zero: false, notes: [] };
  for (const n of nodes) {
    if (n.kind === 'text') appendRun(out.runs, { kind: 'text', text: n.text });
    else if (n.kind === 'placeholder') {
      const p = renderPlaceholder(ctx, n, year);
      appendRun(out.runs, p.run);
      absorb(out, p);
    } else if (n.kind === 'optional') {
      const r = renderNodes(ctx, n.nodes, year);
      if (r.gap || (n.dropZero && r.zero)) {
        // Left out: what it lacked is still warned about, as omitted rather than shown.
        out.notes.push(...r.notes.map((x): Note => (x.kind === 'empty' ? x : { ...x, kind: 'omitted' })));
      } else {
        for (const run of r.runs) appendRun(out.runs, run);
        absorb(out, r);
      }
    } else {
      const branch = n.branches.find((b) => holds(ctx, b, year, out.notes));
      if (branch) {
        const r = renderNodes(ctx, branch.nodes, year);
        for (const run of r.runs) appendRun(out.runs, run);
        absorb(out, r);
      }
    }
  }
  return out;
}

function record(ctx: Context, notes: readonly Note[]): void {
  for (const x of notes) {
    let o = ctx.occurrences.get(x.ph);
    if (!o) {
      o = {
        line: x.ph.line,
        column: x.ph.column,
        subject: x.subject,
        missingData: new Set(),
        blankReports: new Set(),
        partialReports: new Set(),
        emptyRangeReports: new Set(),
        omittedReports: new Set(),
        testedReports: new Set(),
      };
      ctx.occurrences.set(x.ph, o);
    }
    for (const y of x.data) o.missingData.add(y);
    const set = { blank: o.blankReports, partial: o.partialReports, empty: o.emptyRangeReports, omitted: o.omittedReports, tested: o.testedReports }[x.kind];
    set.add(x.reportYear);
  }
}

/** Render one heading, paragraph or list item for a year and record its warnings; null when nothing is left. */
function renderBlockNodes(ctx: Context, nodes: readonly TemplateNode[], year: number): ReportRun[] | null {
  const r = renderNodes(ctx, nodes, year);
  record(ctx, r.notes);
  const first = r.runs[0];
  if (first?.kind === 'text') first.text = first.text.replace(/^[\s\u3000]+/, '');
  const last = r.runs[r.runs.length - 1];
  if (last?.kind === 'text') last.text = last.text.replace(/[\s\u3000]+$/, '');
  const runs = r.runs.filter((x) => x.kind !== 'text' || x.text !== '');
  return runs.length > 0 ? runs : null;
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

function sameYears(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return a.size === b.size && [...a].every((y) => b.has(y));
}

function warningFor(o: Occurrence, file: string): Issue {
  const base = { severity: 'warning' as const, file, line: o.line, column: o.column };
  const { missingData: data, blankReports: blank, partialReports: partial, emptyRangeReports: empty, omittedReports: omitted, testedReports: tested } = o;
  if (data.size === 0) {
    return { ...base, code: 'report_empty_range', message: reportMessage('report_empty_range', { subject: o.subject, years: yearList(empty) }) };
  }
  const only = (set: ReadonlySet<number>) => [blank, partial, empty, omitted, tested].every((s) => s === set || s.size === 0);
  if (only(blank) && sameYears(data, blank)) {
    return { ...base, code: 'report_missing', message: reportMessage('report_missing', { subject: o.subject, years: yearList(data) }) };
  }
  if (only(omitted) && sameYears(data, omitted)) {
    return { ...base, code: 'report_missing_omitted', message: reportMessage('report_missing_omitted', { subject: o.subject, years: yearList(data) }) };
  }
  const effects: string[] = [];
  if (blank.size > 0) effects.push(`，${yearList(blank)} 年的报告中显示为“—（无数据）”`);
  if (partial.size > 0) effects.push(`，${yearList(partial)} 年的报告中只合计有数据的年份`);
  if (omitted.size > 0) effects.push(`，${yearList(omitted)} 年的报告省略了它所在的可选分句（[[ ]]）`);
  if (tested.size > 0) effects.push(`，${yearList(tested)} 年的报告按条件（{{#if}}）选用了其他写法`);
  if (empty.size > 0) effects.push(`，合计年份范围在 ${yearList(empty)} 年的报告中为空`);
  return {
    ...base,
    code: 'report_missing_long',
    message: reportMessage('report_missing_long', { subject: o.subject, years: yearList(data), effects: effects.join('') }),
  };
}

/** Names longer than this get no "did you mean" search (it costs length × candidates). */
const MAX_SUGGEST_LENGTH = 64;

/** Check that every metric a placeholder or condition names exists in summary.json; unknown names give an error issue. */
function checkReferences(blocks: readonly TemplateBlock[], summary: Summary, details: Details, file: string): Issue[] {
  const issues: Issue[] = [];
  const ids = [
    ...Object.keys(summary.metrics),
    ...Object.entries(details.breakdowns).flatMap(([bid, b]) => b.keys.map((k) => `${bid}:${k}`)),
  ];
  const indicatorNames = ids.map(indicatorName).filter((n): n is string => n !== null);
  const suggest = (name: string, candidates: readonly string[]) => (Array.from(name).length <= MAX_SUGGEST_LENGTH ? closest(name, candidates) : null);
  for (const nodes of blockNodes(blocks)) {
    for (const s of placeholdersOf(nodes)) {
      if (s.placeholder.ref.kind !== 'metric') continue;
      const id = s.placeholder.ref.id;
      if (resolveMetric(summary, details, id) || emptySource(details, id)) continue;
      const at = { severity: 'error' as const, file, line: s.line, column: s.column };
      const name = indicatorName(id);
      if (name !== null) {
        const near = suggest(name, indicatorNames);
        const hint = near ? `，是不是“${near}”？` : '（指标名须与 indicators.csv “指标”列完全一致）';
        issues.push({ ...at, code: 'report_unknown_indicator', message: reportMessage('report_unknown_indicator', { name, hint }) });
      } else {
        const near = suggest(id, ids);
        const hint = near ? `，是不是“${near}”？` : '（数据项名称见 summary.json 的 metrics）';
        issues.push({ ...at, code: 'report_unknown_metric', message: reportMessage('report_unknown_metric', { name: id, hint }) });
      }
    }
  }
  return issues;
}

/** Text of the template (outside comments) that would make a published page load from another host, at its line and column. */
function checkExternalRefs(lines: readonly string[], site: string, file: string): Issue[] {
  const issues: Issue[] = [];
  lines.forEach((line, i) => {
    if (!/\/\//.test(line)) return;
    let from = 0;
    for (const ref of findExternalRefs(line, file, { site })) {
      const at = line.indexOf(ref.url, from);
      from = at < 0 ? from : at + ref.url.length;
      issues.push({
        severity: 'error',
        code: 'report_external_ref',
        file,
        line: i + 1,
        column: charColumn(line, at < 0 ? 0 : at),
        message: reportMessage('report_external_ref', { url: ref.url.length > 120 ? `${ref.url.slice(0, 120)}…` : ref.url }),
      });
    }
  });
  return issues;
}

/**
 * One report per year of `summary.years`, with the issues found: template errors (unknown metric or
 * indicator, unknown modifier or directive, malformed placeholder, unbalanced `[[ ]]` or `{{#if}}`, an
 * unterminated comment, a reference to another host when `config.site` is given) give no reports at all;
 * a known figure without a value renders 「—（无数据）」, or leaves out its optional clause, and gives one
 * warning per placeholder listing the years. Issues name `template.file` with the physical line and the
 * character column of the construct.
 */
export function buildReports(
  template: { file: string; text: string },
  summary: Summary,
  details: Details,
  config: { district: string; site?: string },
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
  if (config.site !== undefined) issues.push(...checkExternalRefs(parsed.lines, config.site, template.file));
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
      if (b.kind === 'list') {
        const items = b.items.map((it) => renderBlockNodes(ctx, it, year)).filter((it): it is ReportRun[] => it !== null);
        if (items.length > 0) blocks.push({ kind: 'list', items });
        return;
      }
      const runs = renderBlockNodes(ctx, b.nodes, year);
      if (i === titleIndex && b.kind === 'heading') {
        if (runs) title = runsText(runs);
      } else if (runs) {
        blocks.push(b.kind === 'heading' ? { kind: 'heading', level: b.level, runs } : { kind: 'paragraph', runs });
      }
    });
    return { year, title, blocks, text: formatReportText(title, blocks) };
  });

  const warnings = [...ctx.occurrences.values()].map((o) => warningFor(o, template.file));
  return { issues: sortByPosition(warnings), reports };
}

function sortByPosition(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}
