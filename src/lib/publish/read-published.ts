import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary, Details } from '../shared/types.ts';
import type { PublishedData } from './change-report.ts';
import { publishedDir, type PublishPaths } from './publish-paths.ts';

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * What is published now, for the change report: the kept JSON when it matches the live site
 * (same generatedAt), else the site's own `data/summary.json` without details, else null.
 */
export function readPublished(p: PublishPaths): PublishedData | null {
  const live = readJson<Summary>(join(p.distDir, 'data', 'summary.json'));
  const kept = readJson<Summary>(join(publishedDir(p), 'summary.json'));
  const keptDetails = readJson<Details>(join(publishedDir(p), 'details.json'));
  if (kept && (!live || live.generatedAt === kept.generatedAt)) {
    if (!existsSync(p.distDir)) return null;
    return { summary: kept, details: keptDetails };
  }
  return live ? { summary: live, details: null } : null;
}
