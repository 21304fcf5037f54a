/**
 * The publish manifest, `dist/.publish-manifest.json`, written into every site before it goes live: the
 * sha256 of each file (so a kept previous version can be proved complete before a rollback restores it)
 * and each dataset's rows and years (so the next publish can tell what it would remove). Everything in it
 * is already public on the site (row counts are on /about/), so it may be uploaded with the rest.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetId, Details, Summary } from '../shared/types.ts';
import { DATASETS } from '../data/schema/index.ts';
import { datasetYears } from '../shared/metric-def.ts';

/** The manifest's file name inside a site folder. */
export const MANIFEST_FILE = '.publish-manifest.json';

/** What one dataset contributed to a published site. */
export interface DatasetCount {
  dataset: DatasetId;
  /** Its CSV as the admin knows it (`data/funding.csv`). */
  file: string;
  /** The file existed. */
  present: boolean;
  /** Data rows; null when unknown (a site published before manifests, read from its summary.json). */
  rows: number | null;
  /** Years having at least one row, ascending. */
  years: number[];
}

export interface SiteManifest {
  manifestVersion: 1;
  /** generatedAt of the site's data (summary.json). */
  generatedAt: string;
  datasets: DatasetCount[];
  /** Relative path (with `/`) → sha256 hex, for every file but the manifest itself. */
  files: Record<string, string>;
}

/**
 * Rows and years per dataset. With `details` (a data step's output) rows and presence come from its file
 * reports; without (an old site's summary.json) rows are null and a dataset is present when it has years.
 */
export function datasetCounts(summary: Summary, details: Details | null): DatasetCount[] {
  return DATASETS.map(({ id: dataset, file }) => {
    const sorted = datasetYears(summary, dataset);
    const report = details?.files.find((f) => f.dataset === dataset);
    if (report) return { dataset, file: report.file, present: report.present, rows: report.present ? report.rows : 0, years: sorted };
    return { dataset, file: `data/${file}`, present: sorted.length > 0, rows: null, years: sorted };
  });
}

function walk(dir: string, prefix: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = `${prefix}${e.name}`;
    if (e.isDirectory()) walk(join(dir, e.name), `${rel}/`, out);
    else if (rel !== MANIFEST_FILE) out.push(rel);
  }
}

/** sha256 of every file under `dir` (the manifest excepted), by relative path in sorted order. */
export function hashSite(dir: string): Record<string, string> {
  const files: string[] = [];
  walk(dir, '', files);
  files.sort();
  const out: Record<string, string> = {};
  for (const f of files) out[f] = createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
  return out;
}

/** Write the manifest of the site in `dir`; `write` is injectable so a full disk can be simulated. */
export function writeManifest(
  dir: string,
  data: { generatedAt: string; datasets: DatasetCount[] },
  write: (file: string, text: string) => void = (f, t) => writeFileSync(f, t, 'utf8'),
): SiteManifest {
  const manifest: SiteManifest = { manifestVersion: 1, generatedAt: data.generatedAt, datasets: data.datasets, files: hashSite(dir) };
  write(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** The manifest of the site in `dir`, or null when absent or not one of ours. */
export function readManifest(dir: string): SiteManifest | null {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<SiteManifest>;
    if (m.manifestVersion !== 1 || typeof m.files !== 'object' || m.files === null || !Array.isArray(m.datasets)) return null;
    return m as SiteManifest;
  } catch {
    return null;
  }
}

/** Result of checking a kept site against its manifest. */
export interface SiteCheck {
  /** `complete`; `no-manifest` (none, or unreadable); `incomplete` (files missing or changed). */
  status: 'complete' | 'no-manifest' | 'incomplete';
  missing: string[];
  changed: string[];
}

/** Whether every file the manifest lists is in `dir` with the hash it had when published. */
export function verifySite(dir: string): SiteCheck {
  const m = readManifest(dir);
  if (m === null) return { status: 'no-manifest', missing: [], changed: [] };
  const missing: string[] = [];
  const changed: string[] = [];
  for (const [rel, hash] of Object.entries(m.files)) {
    let data: Buffer;
    try {
      data = readFileSync(join(dir, rel));
    } catch {
      missing.push(rel);
      continue;
    }
    if (createHash('sha256').update(data).digest('hex') !== hash) changed.push(rel);
  }
  return { status: missing.length + changed.length === 0 ? 'complete' : 'incomplete', missing, changed };
}
