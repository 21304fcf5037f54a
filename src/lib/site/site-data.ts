/** Where the data step writes and the site reads its JSON, and the one loader pages use. */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Summary, Details } from '../shared/types.ts';

/** Default output folder of `npm run data` (contract §2: "the folder the site reads"). */
export const DEFAULT_OUT_DIR = '.cache/data';

/** The folder the site reads: SITE_DATA_DIR when set (staging builds), else the default. */
export function siteDataDir(): string {
  return resolve(process.env.SITE_DATA_DIR ?? DEFAULT_OUT_DIR);
}

export interface SiteData {
  summary: Summary;
  details: Details;
}

let cache: { key: string; data: SiteData } | null = null;

/** Read summary.json and details.json once per build (again when they change, for the dev server); throws a Chinese hint when the data step has not run. */
export function loadSiteData(dir: string = siteDataDir()): SiteData {
  const s = join(dir, 'summary.json');
  const d = join(dir, 'details.json');
  if (!existsSync(s) || !existsSync(d)) {
    throw new Error(`找不到 ${s}：请先运行 npm run data（或直接运行 npm run build）。`);
  }
  const key = `${dir}|${statSync(s).mtimeMs}|${statSync(d).mtimeMs}`;
  if (cache && cache.key === key) return cache.data;
  const data: SiteData = {
    summary: JSON.parse(readFileSync(s, 'utf8')) as Summary,
    details: JSON.parse(readFileSync(d, 'utf8')) as Details,
  };
  cache = { key, data };
  return data;
}
