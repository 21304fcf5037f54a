/** The data step: every CSV in a folder validated and aggregated in one streaming pass each (contract §1–§3). */
import { existsSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sort } from 'd3-array';
import { DATASETS, type DatasetSchema } from './schema/index.ts';
import type { Details, FileReport, MetricSeries, Summary, Breakdown, HonorEntry, IndicatorEntry } from '../shared/types.ts';
import { hasErrors, sortIssues, type Issue } from './issues.ts';
import { CONFIG_FILE, loadConfig, type SiteConfig } from '../shared/config.ts';
import { RESAVE_CSV, judgeEncoding, scanFileBytes, sniffFile, type Encoding } from './read/decode.ts';
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
  issues: Issue[];
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
  contribution: Contribution | null;
}

/** Read, validate and accumulate one dataset file. */
export async function readDataset(schema: DatasetSchema, path: string, shownPath: string, today: BuildDay): Promise<DatasetResult> {
  const log = new IssueLog(shownPath);
  const report: FileReport = { dataset: schema.id, file: shownPath, present: false, encoding: null, rows: 0, counted: 0, rejected: 0 };
  if (!existsSync(path)) return { report, issues: [], contribution: null };
  report.present = true;
  if (!statSync(path).isFile()) {
    log.plain('error', 'read_failed', 1, 1, { reason: '不是普通文件' });
    return { report, issues: log.issues, contribution: null };
  }
  const notText = await sniffFile(path);
  if (notText) {
    log.plain('error', notText, 1, 1);
    return { report, issues: log.issues, contribution: null };
  }
  // Strict UTF-8 first; on the first invalid (or NUL) byte everything read so far is discarded and the bytes are judged.
  const utf8 = await readDatasetAs(schema, path, 'utf-8', today, shownPath);
  if (utf8) return utf8;
  const verdict = judgeEncoding(await scanFileBytes(path));
  if ('encoding' in verdict) {
    const gb = await readDatasetAs(schema, path, verdict.encoding, today, shownPath);
    if (gb) return gb;
    log.plain('error', 'encoding_invalid', 1, 1, { fix: RESAVE_CSV });
  } else {
    log.plain('error', verdict.code, verdict.line, 1, { fix: RESAVE_CSV });
  }
  return { report, issues: log.issues, contribution: null };
}

async function readDatasetAs(
  schema: DatasetSchema,
  path: string,
  encoding: Encoding,
  today: BuildDay,
  shownPath: string,
): Promise<DatasetResult | null> {
  const log = new IssueLog(shownPath);
  const report: FileReport = { dataset: schema.id, file: shownPath, present: true, encoding, rows: 0, counted: 0, rejected: 0 };
  let plan: HeaderPlan | null = null;
  let reader: RowReader | null = null;
  let handler: DatasetHandler | null = null;
  let sawHeader = false;
  const seen = new Map<number, number>();
  let dupCapped = false;
  const decoded = await readCsvFile(path, encoding, {
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
        if (row !== null) handler.observe?.(row, line);
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
    problem(code, line, column) {
      report.rows++;
      report.rejected++;
      log.plain('error', code, line, column);
    },
  });
  if (!decoded) return null;
  if (!sawHeader) log.plain('error', 'no_header', 1, 1);
  const h = handler as DatasetHandler | null;
  return { report, issues: log.issues, contribution: h ? h.finish() : null };
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
  const issues = sortIssues([...configIssues, ...results.flatMap((r) => r.issues)]);
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
  // The template is checked against the aggregated data, so only once the CSVs are valid.
  let reports: RenderedReport[] = [];
  const templateFile = displayPath(shownDir, REPORT_TEMPLATE_FILE);
  const template = hasErrors(issues) ? { text: null, issues: [] } : readTemplateFile(join(opts.dataDir, REPORT_TEMPLATE_FILE), templateFile);
  issues.push(...template.issues);
  if (template.text !== null) {
    const r = buildReports({ file: templateFile, text: template.text }, summary, details, config);
    issues.push(...r.issues);
    reports = r.reports;
  }
  return { ok: !hasErrors(issues), issues, files: details.files, summary, details, reports };
}

/** Read a small UTF-8 text file of the data folder, or null when absent (report template, config). */
export function readOptionalText(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8').replace(/^\uFEFF/, '') : null;
}
