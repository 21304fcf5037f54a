import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../../src/lib/publish/proc.ts';

// Real builds in a temp copy of data/ (one good; one stopped by bad data, one by the shrink guard, both before the site
// build; one stopped by SIGTERM to its npm during the site build); the real dist/ is never touched.
const root = join(import.meta.dirname, '..', '..');
let dir: string;

/** The folder options every run gets, so the real dist/ and .cache/ are never touched. */
function folders(): string[] {
  return [
    '--data-dir', join(dir, 'data'),
    '--dist-dir', join(dir, 'dist'),
    '--cache-dir', join(dir, 'cache'),
    '--site-data-dir', join(dir, 'cache', 'data'),
    '--report-file', join(dir, 'build-report.txt'),
  ];
}

function build(): Promise<{ code: number; out: string }> {
  const args = ['--import', 'tsx', join(root, 'scripts', 'build.ts'), ...folders()];
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

    const militia = join(dir, 'data', 'militia_cases.csv');
    const goodCsv = readFileSync(militia, 'utf8');
    const lines = goodCsv.split('\n').length;
    appendFileSync(militia, '2025-03-05,东城街道,盗窃,abc,1,\n');
    const bad = await build();
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(new RegExp(`militia_cases\\.csv:${lines}:4: 错误: `));
    expect(bad.out).toContain('已发布的网站未改动');
    expect(hashTree(join(dir, 'dist'))).toEqual(before);
    expect(readFileSync(join(dir, 'build-report.txt'), 'utf8')).toBe(reportBefore);
    expect(readdirSync(join(dir, 'cache')).filter((n) => n.startsWith('staging-'))).toEqual([]);
    // The next tests start from the good data again: a build not stopped would publish.
    writeFileSync(militia, goodCsv);
  }, 300_000);

  it('refuses, before building the site, a publish that removes a dataset (exit 1, dist byte-identical)', async () => {
    const before = hashTree(join(dir, 'dist'));
    const honors = join(dir, 'data', 'honors.csv');
    const rows = readFileSync(honors, 'utf8').trimEnd().split('\n').length - 1;
    renameSync(honors, join(dir, 'honors.csv.bak'));
    try {
      const r = await build();
      expect(r.code).toBe(1);
      expect(r.out).toContain(`  双拥荣誉（${join(dir, 'data')}/honors.csv）：整个数据集将从网站上删除（已发布 ${rows} 行，这次没有这个文件）\n`);
      expect(r.out).toContain('如果确实要删除这些数据，请运行 npm run build -- --allow-removal 确认发布。\n构建已停止。已发布的网站未改动');
      expect(r.out).not.toContain('站点构建……');
      expect(hashTree(join(dir, 'dist'))).toEqual(before);
    } finally {
      renameSync(join(dir, 'honors.csv.bak'), honors);
    }
  }, 120_000);

  it('goes past the shrink guard with --allow-removal, and a real `npm run build` whose npm gets SIGTERM stops before it publishes: dist byte-identical', async () => {
    const before = hashTree(join(dir, 'dist'));
    // honors.csv removed and confirmed: without the stop this build would publish a site without honors.
    const honors = join(dir, 'data', 'honors.csv');
    renameSync(honors, join(dir, 'honors.csv.bak'));
    const npm = spawn('npm', ['run', 'build', '--', ...folders(), '--allow-removal'], { cwd: root, env: { ...process.env, TZ: 'Asia/Shanghai' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    npm.stdout.on('data', (c: Buffer) => (out += c.toString()));
    npm.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const until = async (test: () => boolean, what: string, ms: number): Promise<void> => {
      const end = Date.now() + ms;
      while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      if (!test()) throw new Error(`timed out waiting for ${what}\n${out}`);
    };
    await until(() => out.includes('站点构建……'), 'the site build to start', 60_000);
    renameSync(join(dir, 'honors.csv.bak'), honors);
    expect(out).toContain('已按 --allow-removal 确认，这次发布会删除：\n');
    const holder = JSON.parse(readFileSync(join(dir, 'cache', 'build.lock'), 'utf8')) as { pid: number };
    npm.kill('SIGTERM');
    await until(() => !isAlive(holder.pid), 'the build process to end', 60_000);
    expect(out).toContain(`启动本次构建的 npm（进程 ${npm.pid}）已经退出，构建已停止。已发布的网站未改动`);
    expect(hashTree(join(dir, 'dist'))).toEqual(before);
    expect(readdirSync(join(dir, 'cache')).filter((n) => n.startsWith('staging-') || n === 'build.lock' || n === 'swap-journal.json')).toEqual([]);
  }, 180_000);
});
