/** The fake data step of the publish tests and their child processes: empty but valid JSON, dated `generatedAt`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataStepResult } from '../../../../src/lib/publish/publish.ts';

/** Write an empty summary.json and details.json into `outDir` (created) and return them as a successful data step. */
export function emptyDataStep(outDir: string, generatedAt: string): DataStepResult {
  const summary = { schemaVersion: 1 as const, generatedAt, years: [], latestYear: null, metrics: {}, honors: { streak: { title: '双拥模范城', years: 0, through: null } } };
  const details = { schemaVersion: 1 as const, generatedAt, files: [], breakdowns: {}, honors: [], indicators: [] };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary));
  writeFileSync(join(outDir, 'details.json'), JSON.stringify(details));
  return { ok: true, issues: [], summary, details };
}
