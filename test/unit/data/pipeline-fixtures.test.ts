import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../../src/lib/data/pipeline.ts';
import { formatIssue } from '../../../src/lib/data/issues.ts';
import { normalizeConfig } from '../../../src/lib/shared/config.ts';

/** Build day of every fixture run: 2026-11-29 in China Standard Time. */
export const FIXTURE_NOW = new Date('2026-11-29T06:00:00.000Z');
const root = join(import.meta.dirname, '..', '..', 'fixtures');

async function run(name: string) {
  return runPipeline({ dataDir: join(root, name, 'data'), displayDir: 'data', now: FIXTURE_NOW, config: normalizeConfig({}) });
}

describe('data step on fixture folders', () => {
  for (const name of readdirSync(root)) {
    const errors = join(root, name, 'errors.txt');
    const summary = join(root, name, 'summary.json');
    if (existsSync(errors)) {
      it(`reports exactly the stored error lines for ${name}`, async () => {
        const r = await run(name);
        expect(r.ok).toBe(false);
        expect(r.issues.map(formatIssue).join('\n') + '\n').toBe(readFileSync(errors, 'utf8'));
      });
    }
    if (existsSync(summary)) {
      it(`produces exactly the stored summary.json for ${name}`, async () => {
        const r = await run(name);
        expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(JSON.parse(JSON.stringify(r.summary))).toEqual(JSON.parse(readFileSync(summary, 'utf8')));
      });
    }
  }
});
