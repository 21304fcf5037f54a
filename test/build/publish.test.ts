import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Two real builds (one good, one stopped by bad data) in a temp copy of data/; the real dist/ is never touched.
const root = join(import.meta.dirname, '..', '..');
let dir: string;

function build(): Promise<{ code: number; out: string }> {
  const args = [
    '--import', 'tsx', join(root, 'scripts', 'build.ts'),
    '--data-dir', join(dir, 'data'),
    '--dist-dir', join(dir, 'dist'),
    '--cache-dir', join(dir, 'cache'),
    '--site-data-dir', join(dir, 'cache', 'data'),
    '--report-file', join(dir, 'build-report.txt'),
  ];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, TZ: 'Asia/Shanghai' }, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

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

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'publish-build-'));
  cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run build', () => {
  it('publishes the sample data, then refuses a bad CSV with exit 1 and leaves dist byte-identical', async () => {
    const good = await build();
    expect(good.out).toContain('已发布到');
    expect(good.code).toBe(0);
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'build-report.txt'), 'utf8')).toContain('首次发布');
    expect(good.out).toMatch(/用时：数据校验 \d+\.\d\d s · 站点构建 \d+\.\d\d s · 发布 \d+\.\d\d s · 合计 \d+\.\d\d s/);
    const before = hashTree(join(dir, 'dist'));
    const reportBefore = readFileSync(join(dir, 'build-report.txt'), 'utf8');

    const lines = readFileSync(join(dir, 'data', 'militia_cases.csv'), 'utf8').split('\n').length;
    appendFileSync(join(dir, 'data', 'militia_cases.csv'), '2025-03-05,东城街道,盗窃,abc,1,\n');
    const bad = await build();
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(new RegExp(`militia_cases\\.csv:${lines}:4: 错误: `));
    expect(bad.out).toContain('已发布的网站未改动');
    expect(hashTree(join(dir, 'dist'))).toEqual(before);
    expect(readFileSync(join(dir, 'build-report.txt'), 'utf8')).toBe(reportBefore);
    expect(readdirSync(join(dir, 'cache')).filter((n) => n.startsWith('staging-'))).toEqual([]);
  }, 300_000);
});
