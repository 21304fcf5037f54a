/**
 * The shrink guard: a publish that would remove a dataset, remove years of a dataset, or drop more than
 * half of a dataset's rows, compared with the live `dist/`, needs the admin's `--allow-removal`. An emptied
 * or half-saved CSV then never replaces the public figures by accident.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetId, Summary } from '../shared/types.ts';
import { DATASETS } from '../data/schema/index.ts';
import { datasetCounts, readManifest } from './manifest.ts';
import type { DatasetCount } from './manifest.ts';

function titleOf(dataset: DatasetId): string {
  return DATASETS.find((s) => s.id === dataset)?.title ?? dataset;
}

/** One thing the publish would remove. */
export type Removal =
  | { kind: 'dataset'; dataset: DatasetId; file: string; liveRows: number | null; nextPresent: boolean }
  | { kind: 'years'; dataset: DatasetId; file: string; years: number[] }
  | { kind: 'rows'; dataset: DatasetId; file: string; liveRows: number; nextRows: number };

/** The live site's datasets: from its manifest, else from its `data/summary.json` (rows unknown), else null (nothing published). */
export function liveCounts(distDir: string): DatasetCount[] | null {
  const m = readManifest(distDir);
  if (m !== null) return m.datasets;
  const file = join(distDir, 'data', 'summary.json');
  if (!existsSync(file)) return null;
  try {
    return datasetCounts(JSON.parse(readFileSync(file, 'utf8')) as Summary, null);
  } catch {
    return null;
  }
}

function hasData(c: DatasetCount): boolean {
  return c.rows !== null ? c.rows > 0 : c.years.length > 0;
}

/** What `next` removes from `live`, in dataset order; [] when nothing is removed or nothing was live. */
export function findRemovals(live: readonly DatasetCount[] | null, next: readonly DatasetCount[]): Removal[] {
  if (live === null) return [];
  const out: Removal[] = [];
  for (const n of next) {
    const l = live.find((c) => c.dataset === n.dataset);
    if (!l || !hasData(l)) continue;
    if (!hasData(n)) {
      out.push({ kind: 'dataset', dataset: n.dataset, file: n.file, liveRows: l.rows, nextPresent: n.present });
      continue;
    }
    const gone = l.years.filter((y) => !n.years.includes(y));
    if (gone.length > 0) out.push({ kind: 'years', dataset: n.dataset, file: n.file, years: gone });
    // "More than half dropped": fewer than half remain.
    if (l.rows !== null && n.rows !== null && n.rows * 2 < l.rows) {
      out.push({ kind: 'rows', dataset: n.dataset, file: n.file, liveRows: l.rows, nextRows: n.rows });
    }
  }
  return out;
}

/** One line per removal, indented, e.g. `  双拥荣誉（data/honors.csv）：将删除 2019、2020 年的数据`. */
export function formatRemoval(r: Removal): string {
  const head = `  ${titleOf(r.dataset)}（${r.file}）：`;
  switch (r.kind) {
    case 'dataset': {
      const was = r.liveRows === null ? '' : `已发布 ${r.liveRows} 行，`;
      return `${head}整个数据集将从网站上删除（${was}这次${r.nextPresent ? '只有表头、没有数据行' : '没有这个文件'}）`;
    }
    case 'years':
      return `${head}将删除 ${r.years.join('、')} 年的数据`;
    case 'rows':
      return `${head}数据行将减少一半以上（已发布 ${r.liveRows} 行，这次 ${r.nextRows} 行）`;
  }
}

/** The whole refusal, before the common "构建已停止" line. */
export function formatRemovalRefusal(removals: readonly Removal[], distShown: string): string[] {
  return [
    `与已发布的网站（${distShown}/）相比，这次发布会删除数据：`,
    ...removals.map(formatRemoval),
    '如果多半是文件保存不完整或放错了文件夹，请检查 CSV 后重新运行 npm run build。',
    '如果确实要删除这些数据，请运行 npm run build -- --allow-removal 确认发布。',
  ];
}
