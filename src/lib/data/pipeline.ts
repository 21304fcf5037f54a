/** The data step: every CSV in a folder validated and aggregated in one streaming pass each (contract §1–§3). */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { sort } from 'd3-array';
import { DATASETS, type DatasetSchema } from './schema/index.ts';
import type { Details, FileReport, MetricSeries, Summary, Breakdown, HonorEntry, IndicatorEntry } from '../shared/types.ts';
import { hasErrors, sortIssues, type Issue } from './issues.ts';
import { CONFIG_FILE, loadConfig, type SiteConfig } from '../shared/config.ts';
import { RESAVE_CSV, accessReason, checkFileAccess, decodeTextFile, judgeEncoding, scanFileBytes, sniffFile, type Encoding } from './read/decode.ts';
import { misnamedFile } from './read/data-folder.ts';
import { findPersonalData } from './personal-data.ts';
import { plainMessage, type PlainCode } from './messages.ts';
import { readCsvFile } from './read/csv.ts';
import { buildDayOf, type BuildDay } from './read/values.ts';
import { IssueLog, compileRowReader, matchHeader, type HeaderPlan, type RowReader } from './validate.ts';
import { createHandler, type Contribution, type DatasetHandler } from './aggregate/datasets.ts';
import { honorStreak } from '../shared/streak.ts';
import { fixedMetrics } from '../shared/metrics.ts';
import { buildReports, type RenderedReport } from '../annual-report/build-reports.ts';
import { readTemplateFile } from '../annual-report/read-template.ts';

export interface PipelineOptions {
  /** Folder holding the CSV files. */
  dataDir: string;
  /** How the folder is named in messages (default: dataDir as given). */
  displayDir?: string;
  /** Build time; the build day is its date in UTC+8. Default: now. */
  now?: Date;
  /** Site config; default read from `<dataDir>/config.json`, its problems reported like a CSV's. */
  config?: SiteConfig;
}

export interface PipelineResult {
  ok: boolean;
  /** Problems to print, sorted; at most ISSUE_LIMIT per CSV, then one `omitted` line with the number left out. */
  issues: Issue[];
  /** Every problem found, printed or not. */
  counts: { errors: number; warnings: number };
  files: FileReport[];
  summary: Summary;
  details: Details;
  /** One rendered annual report per year, from `<dataDir>/report-template.md` (empty without a template). */
  reports: RenderedReport[];
}

/** The annual report template admins edit, beside the CSVs. */
export const REPORT_TEMPLATE_FILE = 'report-template.md';

/**
 * A 53-bit hash of a row's fields (two 32-bit FNV-1a variants), so the duplicate check keeps numbers, not
 * row texts: ~5 MB instead of ~65 MB for 100,000 rows. Two different rows collide with odds near 1 in 10^9.
 */
export function hashRow(fields: readonly string[]): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    for (let j = 0; j < f.length; j++) {
      const c = f.charCodeAt(j);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1f, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** Rows beyond this many are not checked for exact duplicates, to keep memory flat on huge files. */
export const DUPLICATE_CHECK_LIMIT = 100_000;


function displayPath(dir: string, file: string): string {
  const d = dir.replace(/[\\/]+$/, '');
  return d === '' || d === '.' ? file : `${d}/${file}`;
}

interface DatasetResult {
  report: FileReport;
  issues: Issue[];
  /** All problems found, listed or not (issues holds at most ISSUE_LIMIT of them and an `omitted` line). */
  counts: { errors: number; warnings: number };
  contribution: Contribution | null;
}

/** Read, validate and accumulate one dataset file; a file that exists but cannot be read is an error, never "not provided". */
export async function readDataset(schema: DatasetSchema, path: string, shownPath: string, today: BuildDay): Promise<DatasetResult> {
  const log = new IssueLog(shownPath);
  const report: FileReport = { dataset: schema.id, file: shownPath, present: false, encoding: null, rows: 0, counted: 0, rejected: 0 };
  const access = checkFileAccess(path);
  if (access === 'absent') return { report, issues: [], counts: { errors: 0, warnings: 0 }, contribution: null };
  report.present = true;
  const fail = (code: PlainCode, line: number, params: Record<string, string | number> = {}): DatasetResult => {
    log.plain('error', code, line, 1, params);
    return { report, issues: log.issues, counts: { errors: 1, warnings: 0 }, contribution: null };
  };
  if ('reason' in access) return fail('read_failed', 1, { reason: access.reason });
  const notText = await sniffFile(path);
  if (notText) return fail(notText, 1);
  // Strict UTF-8 first; on the first invalid (or NUL) byte everything read so far is discarded and the bytes are judged.
  const utf8 = await readDatasetAs(schema, path, 'utf-8', today, shownPath);
  if ('result' in utf8) return utf8.result;
  if ('failed' in utf8) return fail('read_failed', 1, { reason: accessReason(utf8.failed) });
  const verdict = judgeEncoding(await scanFileBytes(path));
  if ('code' in verdict) return fail(verdict.code, verdict.line, { fix: RESAVE_CSV });
  const gb = await readDatasetAs(schema, path, verdict.encoding, today, shownPath);
  if ('result' in gb) return gb.result;
  if ('failed' in gb) return fail('read_failed', 1, { reason: accessReason(gb.failed) });
  return fail('encoding_invalid', 1, { fix: RESAVE_CSV });
}

type Attempt = { result: DatasetResult } | { failed: string | undefined } | { notThisEncoding: true };

async function readDatasetAs(schema: DatasetSchema, path: string, encoding: Encoding, today: BuildDay, shownPath: string): Promise<Attempt> {
  const log = new IssueLog(shownPath);
  const report: FileReport = { dataset: schema.id, file: shownPath, present: true, encoding, rows: 0, counted: 0, rejected: 0 };
  let plan: HeaderPlan | null = null;
  let reader: RowReader | null = null;
  let handler: DatasetHandler | null = null;
  let sawHeader = false;
  const seen = new Map<number, number>();
  let dupCapped = false;
  const outcome = await readCsvFile(path, encoding, {
    header(fields, line) {
      sawHeader = true;
      plan = matchHeader(schema, fields, line, log);
      if (plan.usable) {
        reader = compileRowReader(schema, plan, today, log);
        handler = createHandler(schema.id, plan, log);
      }
    },
    row(fields, line) {
      report.rows++;
      if (!reader || !handler) {
        report.rejected++;
        return;
      }
      const row = reader.read(fields, line);
      if (row === null || !row.valid) {
        // Rules between rows (first unit, one row per year) still see an invalid row's valid cells.
        if (row !== null) handler.observe?.(row, line, fields);
        report.rejected++;
        return;
      }
      if (!handler.add(row, line, fields)) {
        report.rejected++;
        return;
      }
      report.counted++;
      if (report.rows <= DUPLICATE_CHECK_LIMIT) {
        const key = hashRow(fields);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, line);
        else log.plain('warning', 'duplicate_row', line, 1, { line: first });
      } else if (!dupCapped) {
        dupCapped = true;
        seen.clear();
        log.plain('warning', 'duplicate_check_capped', 1, 1, { limit: DUPLICATE_CHECK_LIMIT });
      }
    },
    problem(severity, code, line, column, params) {
      log.plain(severity, code, line, column, params);
    },
    dropped(_line, header) {
      if (header) {
        // The header itself is unreadable: the file has a header (no "only blank lines"), but no row can be read.
        sawHeader = true;
        return;
      }
      report.rows++;
      report.rejected++;
    },
  });
  if (outcome === 'not_this_encoding') return { notThisEncoding: true };
  if (typeof outcome === 'object') return { failed: outcome.failed };
  if (!sawHeader) log.plain('error', 'no_header', 1, 1);
  const h = handler as DatasetHandler | null;
  const contribution = h ? h.finish() : null;
  return { result: { report, issues: log.issues, counts: { errors: log.errorCount, warnings: log.warningCount }, contribution } };
}

/** Misnamed copies of our files in the data folder (contract: every file accounted for); an unlistable folder gives none. */
export function misnamedIssues(dataDir: string, shownDir: string): Issue[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dataDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files = DATASETS.map((d) => d.file);
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => misnamedFile(e.name, files))
    .filter((m) => m !== null)
    .map((m) => ({
      severity: 'error' as const,
      code: m.code,
      file: displayPath(shownDir, m.name),
      line: 1,
      column: 1,
      message: plainMessage(m.code, { expected: m.expected }),
    }));
}

/** Each JSON string (keys and values) of a config text with its offset, decoded, so escapes such as \u0031 hide nothing. */
function jsonStrings(text: string): { value: string; index: number }[] {
  const out: { value: string; index: number }[] = [];
  for (const m of text.matchAll(/"(?:[^"\\\n]|\\.)*"/g)) {
    try {
      out.push({ value: JSON.parse(m[0]) as string, index: m.index });
    } catch {
      // Not a JSON string (the file is malformed): the config reader reports that.
    }
  }
  return out;
}

/** 1-based line and column of an offset in a text (CRLF, LF, CR each end a line). */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function personalDataIssue(file: string, text: string, index: number, code: string): Issue {
  const { line, column } = lineColumn(text, index);
  return { severity: 'error', code, file, line, column, message: plainMessage('pii_in_text', { kind: PII_KIND[code] ?? '个人信息' }) };
}

const PII_KIND: Record<string, string> = { pii_id: '居民身份证号码', pii_phone: '手机号码', pii_email: '电子邮箱地址' };

/** Personal data in a text published as a whole (the report template), at its line and column; one issue per line. */
export function personalDataInText(file: string, text: string): Issue[] {
  const out: Issue[] = [];
  let offset = 0;
  for (const lineText of text.split(/\r\n|\n|\r/)) {
    const found = findPersonalData(lineText);
    if (found) out.push(personalDataIssue(file, text, offset + found.index, found.code));
    offset = text.indexOf(lineText, offset) + lineText.length;
    if (text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10) offset += 2;
    else offset += 1;
  }
  return out;
}

/** Personal data in config.json's strings, each at the line and column of its string. */
export function personalDataInConfig(file: string, text: string): Issue[] {
  const out: Issue[] = [];
  for (const { value, index } of jsonStrings(text)) {
    const found = findPersonalData(value);
    if (found) out.push(personalDataIssue(file, text, index, found.code));
  }
  return out;
}

function emptyMetric(label: string, unit: string): MetricSeries {
  return { label, unit, byYear: {}, yoy: {} };
}

/** Run the whole data step over a folder; never throws for bad data (issues are values). */
export async function runPipeline(opts: PipelineOptions): Promise<PipelineResult> {
  const now = opts.now ?? new Date();
  const today = buildDayOf(now);
  const shownDir = opts.displayDir ?? opts.dataDir;
  const { config, issues: configIssues } = opts.config ? { config: opts.config, issues: [] } : loadConfig(opts.dataDir, displayPath(shownDir, CONFIG_FILE));
  const results = await Promise.all(
    DATASETS.map((s) => readDataset(s, join(opts.dataDir, s.file), displayPath(shownDir, s.file), today)),
  );
  const folderIssues = misnamedIssues(opts.dataDir, shownDir);
  if (results.every((r) => !r.report.present)) {
    const d = shownDir.replace(/[\\/]+$/, '');
    folderIssues.push({
      severity: 'error',
      code: 'no_data_files',
      file: d === '' ? '.' : d,
      line: 1,
      column: 1,
      message: plainMessage('no_data_files', { files: DATASETS.map((x) => x.file).join('、') }),
    });
  }
  // config.json: its strings are published on every page. Decoding problems are loadConfig's to report.
  const configText = decodeTextFile(join(opts.dataDir, CONFIG_FILE), displayPath(shownDir, CONFIG_FILE));
  if ('text' in configText) folderIssues.push(...personalDataInConfig(displayPath(shownDir, CONFIG_FILE), configText.text));
  // The template is published as text too: read (and checked for personal data) whatever the CSVs hold.
  const templateFile = displayPath(shownDir, REPORT_TEMPLATE_FILE);
  const template = readTemplateFile(join(opts.dataDir, REPORT_TEMPLATE_FILE), templateFile);
  folderIssues.push(...template.issues);
  if (template.text !== null) folderIssues.push(...personalDataInText(templateFile, template.text));

  const metrics: Record<string, MetricSeries> = {};
  for (const { id, label, unit } of fixedMetrics()) metrics[id] = emptyMetric(label, unit);
  const breakdowns: Record<string, Breakdown> = {};
  const years = new Set<number>();
  let honors: HonorEntry[] = [];
  let indicators: IndicatorEntry[] = [];
  for (const r of results) {
    const c = r.contribution;
    if (!c) continue;
    for (const [id, m] of c.metrics) metrics[id] = m;
    for (const [id, b] of c.breakdowns) breakdowns[id] = b;
    for (const y of c.years) years.add(y);
    if (c.honors) honors = c.honors;
    if (c.indicators) indicators = c.indicators;
  }
  const issues = sortIssues([...configIssues, ...results.flatMap((r) => r.issues), ...folderIssues]);
  const sortedYears = sort([...years]);
  const generatedAt = now.toISOString();
  const summary: Summary = {
    schemaVersion: 1,
    generatedAt,
    years: sortedYears,
    latestYear: sortedYears.length ? sortedYears[sortedYears.length - 1]! : null,
    metrics,
    honors: { streak: honorStreak(honors, config.streakTitle) },
  };
  const details: Details = {
    schemaVersion: 1,
    generatedAt,
    files: results.map((r) => r.report),
    breakdowns,
    honors,
    indicators,
  };
  // The template is checked against the aggregated data, so only once everything else is valid.
  let reports: RenderedReport[] = [];
  if (!hasErrors(issues) && template.text !== null) {
    const r = buildReports({ file: templateFile, text: template.text }, summary, details, config);
    issues.push(...r.issues);
    reports = r.reports;
  }
  // Counted, not listed: each CSV's count includes what its capped list left out.
  const counts = { errors: 0, warnings: 0 };
  for (const r of results) {
    counts.errors += r.counts.errors;
    counts.warnings += r.counts.warnings;
  }
  for (const i of issues) {
    if (results.some((r) => r.report.file === i.file)) continue;
    counts[i.severity === 'error' ? 'errors' : 'warnings']++;
  }
  return { ok: !hasErrors(issues), issues, counts, files: details.files, summary, details, reports };
}
