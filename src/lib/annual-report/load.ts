/** The one loader the report pages use: reports.json beside summary.json, tolerant of its absence. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteDataDir } from '../site/site-data.ts';
import type { RenderedReport } from './types.ts';

/** File name the data step writes next to summary.json. */
export const REPORTS_FILE = 'reports.json';

/**
 * The rendered reports in `dir` (default: the site data folder), sorted by year; a missing or
 * unreadable file gives [] so the build makes no report pages instead of failing. Accepts the
 * array itself or `{ reports: [...] }`.
 */
export function loadReports(dir: string = siteDataDir()): RenderedReport[] {
  const file = join(dir, REPORTS_FILE);
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return [];
  }
  const list: unknown =
    Array.isArray(data) ? data : data !== null && typeof data === 'object' ? (data as { reports?: unknown }).reports : undefined;
  if (!Array.isArray(list)) return [];
  return (list as unknown[])
    .filter(
      (r): r is RenderedReport =>
        r !== null &&
        typeof r === 'object' &&
        typeof (r as RenderedReport).year === 'number' &&
        typeof (r as RenderedReport).title === 'string' &&
        Array.isArray((r as RenderedReport).blocks) &&
        typeof (r as RenderedReport).text === 'string',
    )
    .sort((a, b) => a.year - b.year);
}

/** Plain text as a Windows office expects it: UTF-8 BOM and CRLF line ends. */
export function toWindowsText(text: string): string {
  return `\uFEFF${text.replace(/\r\n|\r|\n/g, '\r\n')}`;
}
