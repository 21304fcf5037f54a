import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_DATA, publishArgs, publishSample, runBuild, type PublishedSample } from '../e2e/harness.ts';

// Two real builds: the sample data published once per run (shared with the browser tests), then a copy of data/
// with one bad row published onto the same folders. The project's own dist/ is never touched.
let sample: PublishedSample;
let dir: string;

/** sha256 of every file under a folder, by relative path. */
function hashTree(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = createHash('sha256').update(readFileSync(join(d, e.name))).digest('hex');
    }
  };
  walk(folder, '');
  return out;
}

beforeAll(async () => {
  sample = await publishSample();
  dir = mkdtempSync(join(tmpdir(), 'publish-build-'));
  cpSync(SAMPLE_DATA, join(dir, 'data'), { recursive: true });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run build', () => {
  it('publishes the sample data, then refuses a bad CSV with exit 1 and leaves dist byte-identical', async () => {
    expect(sample.output).toContain('已发布到');
    expect(sample.code, sample.output).toBe(0);
    expect(existsSync(join(sample.distDir, 'index.html'))).toBe(true);
    expect(readFileSync(sample.reportFile, 'utf8')).toContain('首次发布');
    expect(sample.output).toMatch(/用时：数据校验 \d+\.\d\d s · 站点构建 \d+\.\d\d s · 发布 \d+\.\d\d s · 合计 \d+\.\d\d s/);
    const before = hashTree(sample.distDir);
    const reportBefore = readFileSync(sample.reportFile, 'utf8');

    const lines = readFileSync(join(dir, 'data', 'militia_cases.csv'), 'utf8').split('\n').length;
    appendFileSync(join(dir, 'data', 'militia_cases.csv'), '2025-03-05,东城街道,盗窃,abc,1,\n');
    const bad = await runBuild(publishArgs(join(dir, 'data'), sample));
    expect(bad.code, bad.output).toBe(1);
    expect(bad.output).toMatch(new RegExp(`militia_cases\\.csv:${lines}:4: 错误: `));
    expect(bad.output).toContain('已发布的网站未改动');
    expect(hashTree(sample.distDir)).toEqual(before);
    expect(readFileSync(sample.reportFile, 'utf8')).toBe(reportBefore);
    expect(readdirSync(sample.cacheDir).filter((n) => n.startsWith('staging-'))).toEqual([]);
  }, 300_000);
});
