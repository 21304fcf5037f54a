import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LARGE_DEFAULTS, writeLargeData } from '../../../scripts/large-data/generate.ts';
import { runPipeline } from '../../../src/lib/data/pipeline.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'large-data-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The issue's shape (40 years, 3,000 honours) with fewer militia rows, so the test stays quick. */
const SMALL = { militiaRows: 20_000, fundingPerCategory: 3, trainingPerYear: 20, schoolUnits: 2 };

describe('writeLargeData', () => {
  it('defaults to the set issue 12 names: 40 years, 3,000 honours, 1,000,000 militia rows', () => {
    expect(LARGE_DEFAULTS).toMatchObject({ years: 40, honors: 3000, militiaRows: 1_000_000, lastYear: 2025 });
  });

  it('writes exactly the rows asked for, and the data step reads them without a single error or warning', async () => {
    const dir = tempDir();
    const counts = await writeLargeData(dir, SMALL);
    expect(counts['militia_cases.csv']).toBe(20_000);
    expect(counts['honors.csv']).toBe(3000);
    const result = await runPipeline({ dataDir: dir, now: new Date('2026-06-01T00:00:00Z') });
    expect(result.issues.map((i) => `${i.file}:${i.line}: ${i.code}`)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary.years).toEqual(Array.from({ length: 40 }, (_, i) => 1986 + i));
    expect(result.details.honors).toHaveLength(3000);
    expect(Object.values(result.summary.metrics['militia.cases']!.byYear).length).toBe(40);
    expect(result.summary.honors.streak).toEqual({ title: '双拥模范城', years: 36, through: 2025 });
    const counted = Object.fromEntries(result.files.map((f) => [f.dataset, f.counted]));
    expect(counted).toMatchObject({ militia_cases: 20_000, honors: 3000 });
  }, 60_000);

  it('is deterministic: two runs write the same bytes', async () => {
    const [a, b] = [tempDir(), tempDir()];
    await writeLargeData(a, { ...SMALL, militiaRows: 2000 });
    await writeLargeData(b, { ...SMALL, militiaRows: 2000 });
    for (const f of ['funding.csv', 'militia_cases.csv', 'honors.csv', 'indicators.csv', 'training_sessions.csv', 'school_placements.csv', 'config.json']) {
      expect(readFileSync(join(a, f), 'utf8'), f).toBe(readFileSync(join(b, f), 'utf8'));
    }
  });
});
