import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isAlive } from '../../src/lib/publish/proc.ts';
import { SAMPLE_DATA, ROOT, publishArgs, publishSample, runBuild, withBuildLock, type PublishedSample } from '../e2e/harness.ts';

// Real builds: the sample data published once per run (shared with the browser tests, test/e2e/harness.ts), then
// builds of a copy of data/ onto the same folders (one stopped by bad data, one by the shrink guard, both before
// the site build; one stopped by SIGTERM to its npm during the site build). The project's own dist/ is never touched.
let sample: PublishedSample;
let dir: string;

/** The folder options every later run gets: the copied data, and the published sample's dist, cache and report. */
function folders(): string[] {
  return publishArgs(join(dir, 'data'), sample);
}

async function build(): Promise<{ code: number | null; out: string }> {
  const r = await runBuild(folders());
  return { code: r.code, out: r.output };
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
    // Published outside the project (as with a --dist-dir and --cache-dir elsewhere): none of Astro's own files, which
    // Astro copies into an output folder outside its project (its data store with the config digest, settings.json).
    expect(relative(ROOT, sample.distDir).startsWith('..')).toBe(true);
    expect(Object.keys(before).filter((f) => /(^|\/)(data-store\.json|settings\.json|content-(assets|modules)\.mjs)$|\.mjs$|^chunks\//.test(f))).toEqual([]);
    const reportBefore = readFileSync(sample.reportFile, 'utf8');

    const militia = join(dir, 'data', 'militia_cases.csv');
    const goodCsv = readFileSync(militia, 'utf8');
    const lines = goodCsv.split('\n').length;
    appendFileSync(militia, '2025-03-05,东城街道,盗窃,abc,1,\n');
    const bad = await build();
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(new RegExp(`militia_cases\\.csv:${lines}:4: 错误: `));
    expect(bad.out).toContain('已发布的网站未改动');
    expect(hashTree(sample.distDir)).toEqual(before);
    expect(readFileSync(sample.reportFile, 'utf8')).toBe(reportBefore);
    expect(readdirSync(sample.cacheDir).filter((n) => n.startsWith('staging-'))).toEqual([]);
    // The next tests start from the good data again: a build not stopped would publish.
    writeFileSync(militia, goodCsv);
  }, 300_000);

  it('refuses, before building the site, a publish that removes a dataset (exit 1, dist byte-identical)', async () => {
    const before = hashTree(sample.distDir);
    const honors = join(dir, 'data', 'honors.csv');
    const rows = readFileSync(honors, 'utf8').trimEnd().split('\n').length - 1;
    renameSync(honors, join(dir, 'honors.csv.bak'));
    try {
      const r = await build();
      expect(r.code).toBe(1);
      expect(r.out).toContain(`  双拥荣誉（${join(dir, 'data')}/honors.csv）：整个数据集将从网站上删除（已发布 ${rows} 行，这次没有这个文件）\n`);
      expect(r.out).toContain('如果确实要删除这些数据，请运行 npm run build -- --allow-removal 确认发布。\n构建已停止。已发布的网站未改动');
      expect(r.out).not.toContain('站点构建……');
      expect(hashTree(sample.distDir)).toEqual(before);
    } finally {
      renameSync(join(dir, 'honors.csv.bak'), honors);
    }
  }, 120_000);

  it('goes past the shrink guard with --allow-removal, and a real `npm run build` whose npm gets SIGTERM stops before it publishes: dist byte-identical', async () => {
    const before = hashTree(sample.distDir);
    // honors.csv removed and confirmed: without the stop this build would publish a site without honors.
    const honors = join(dir, 'data', 'honors.csv');
    renameSync(honors, join(dir, 'honors.csv.bak'));
    // The build it starts runs astro: hold the lock other site test files take around theirs.
    await withBuildLock(async () => {
      const npm = spawn('npm', ['run', 'build', '--', ...folders(), '--allow-removal'], { cwd: ROOT, env: { ...process.env, TZ: 'Asia/Shanghai' }, stdio: ['ignore', 'pipe', 'pipe'] });
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
      const holder = JSON.parse(readFileSync(join(sample.cacheDir, 'build.lock'), 'utf8')) as { pid: number };
      npm.kill('SIGTERM');
      await until(() => !isAlive(holder.pid), 'the build process to end', 60_000);
      expect(out).toContain(`启动本次构建的 npm（进程 ${npm.pid}）已经退出，构建已停止。已发布的网站未改动`);
      expect(hashTree(sample.distDir)).toEqual(before);
      expect(readdirSync(sample.cacheDir).filter((n) => n.startsWith('staging-') || n === 'build.lock' || n === 'swap-journal.json')).toEqual([]);
    });
  }, 180_000);
});
