/**
 * The sites the browser and build tests share: each built once per run and key (the sample site through the real
 * `npm run build`), one Astro process at a time under a lock. Free of Vitest's runtime, so the global setup can
 * start the sample build before any worker exists (test/e2e/global-setup.ts); test files use it through harness.ts.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataCommand } from '../../src/lib/cli/data-command.ts';
import { main } from '../../src/lib/cli/main.ts';
import { isAlive } from '../../src/lib/publish/publish.ts';
import type { Summary } from '../../src/lib/shared/types.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE_DATA = join(ROOT, 'data');
export const HOSTILE_DATA = join(ROOT, 'test', 'fixtures', 'hostile', 'data');
export const SUB_PATH = '/zt/shuangyong/';

/** Generous: a full build takes 10–30 s on the 2-core CI machine, longer when other builds run. */
export const BUILD_TIMEOUT = 240_000;

export interface BuiltSite {
  /** The JSON the data step wrote (SITE_DATA_DIR). */
  dataDir: string;
  /** The built site (ASTRO_OUT_DIR). */
  distDir: string;
  /** Base path the site was built for (`/` or `/zt/shuangyong/`). */
  base: string;
  summary: Summary;
}

interface RunResult {
  code: number | null;
  output: string;
}

/**
 * The environment without what vitest adds to it (BASE_URL=/, MODE, NODE_ENV=test, VITEST_*): a child `astro build`
 * reads BASE_URL from the environment and would build a sub-path site with root links.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(k) || k.startsWith('VITEST')) delete env[k];
  }
  return env;
}

/** Run a command in the project root; resolves with its exit code and combined output (never rejects on exit code). */
export function run(cmd: string, args: string[], env: Record<string, string> = {}, timeoutMs = BUILD_TIMEOUT): Promise<RunResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', TZ: 'Asia/Shanghai', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, output });
    });
  });
}

/** The data step exactly as `npm run data` runs it, in this process (the command's own wrapper and writers). */
export async function runDataStep(dataDir: string, outDir: string): Promise<RunResult> {
  const lines: string[] = [];
  const io = { out: (l: string) => void lines.push(l), err: (l: string) => void lines.push(l) };
  const code = await main(dataCommand, ['--data-dir', dataDir, '--out-dir', outDir], { io, root: ROOT });
  return { code, output: lines.join('\n') };
}

const LOCK = join(ROOT, '.cache', 'e2e-build.lock');

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * One Astro process at a time across the site test files, which may run in two processes at once: builds and the dev
 * server share the checkout's .astro/ folder, and two builds at once on 2 cores only thrash. Browser work runs freely.
 * Resolves with the function that releases the lock.
 */
export async function acquireBuildLock(): Promise<() => void> {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(LOCK, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = 0;
      try {
        pid = Number(readFileSync(LOCK, 'utf8').trim());
      } catch {
        continue;
      }
      if (!(Number.isInteger(pid) && pid > 0 && isAlive(pid))) rmSync(LOCK, { force: true });
      else await sleep(250);
    }
  }
}

/** Run `fn` holding the build lock. */
export async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const release = await acquireBuildLock();
  try {
    return await fn();
  } finally {
    release();
  }
}

/**
 * Where a test file finds this run's folder of shared builds: harness.ts sets it to what the global setup provides
 * (test/e2e/global-setup.ts makes the folder and removes it at the end). Without it, a folder of this process,
 * removed by the next run once the process is gone.
 */
let providedRunDir: () => string | undefined = () => undefined;
export function setRunDirProvider(provider: () => string | undefined): void {
  providedRunDir = provider;
}

function runDir(): string {
  const dir = providedRunDir() ?? join(ROOT, '.cache', `e2e-run-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A site built once per run and key, shared by every test file asking for the same key: its result is kept on disk. */
async function once<T>(key: string, make: (dir: string) => Promise<T>, run?: string): Promise<T> {
  const dir = join(run ?? runDir(), key);
  const done = join(dir, 'built.json');
  return withBuildLock(async () => {
    if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as T;
    removeStaleBuilds();
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const result = await make(dir);
    writeFileSync(done, JSON.stringify(result));
    return result;
  });
}

/**
 * Build the site for a data folder (once per run and key): data step, then `astro build` with SITE_DATA_DIR,
 * ASTRO_OUT_DIR and SITE_BASE, as publishing does it but without the swap (see publishSample for the whole path).
 */
export function buildSite(key: string, dataDir: string, base = '/', runFolder?: string): Promise<BuiltSite> {
  return once(key, async (dir) => {
    const json = join(dir, 'data');
    const dist = join(dir, 'dist');
    const data = await runDataStep(dataDir, json);
    if (data.code !== 0) throw new Error(`数据步骤失败（${dataDir}），退出码 ${data.code}：\n${data.output}`);
    const astro = await run(process.execPath, [join(ROOT, 'node_modules', 'astro', 'astro.js'), 'build'], {
      SITE_DATA_DIR: json,
      ASTRO_OUT_DIR: dist,
      SITE_BASE: base,
      // As publish does: pages read the config.json of the data folder being built.
      SITE_CONFIG_DIR: dataDir,
    });
    if (astro.code !== 0 || !existsSync(join(dist, 'index.html'))) {
      throw new Error(`astro build 失败（${key}），退出码 ${astro.code}：\n${astro.output.split('\n').slice(-40).join('\n')}`);
    }
    const summary = JSON.parse(readFileSync(join(json, 'summary.json'), 'utf8')) as Summary;
    return { dataDir: json, distDir: dist, base, summary };
  }, runFolder);
}

/** The sub-path site of subpath.test.ts and the hostile-data site of hostile.test.ts, by key. */
export const SUBPATH_SITE = ['subpath', SAMPLE_DATA, SUB_PATH] as const;
export const HOSTILE_SITE = ['hostile', HOSTILE_DATA, '/'] as const;

/** The sample site published by the real `npm run build` (scripts/build.ts) into folders of its own. */
export interface PublishedSample {
  /** Exit status and combined output of that build. */
  code: number | null;
  output: string;
  /** The `--dist-dir`, `--cache-dir`, `--site-data-dir` and `--report-file` it was given (and later builds may reuse). */
  distDir: string;
  cacheDir: string;
  siteDataDir: string;
  reportFile: string;
}

/** The arguments of `npm run build` publishing `dataDir` into the folders of `p`. */
export function publishArgs(dataDir: string, p: Omit<PublishedSample, 'code' | 'output'>): string[] {
  return ['--data-dir', dataDir, '--dist-dir', p.distDir, '--cache-dir', p.cacheDir, '--site-data-dir', p.siteDataDir, '--report-file', p.reportFile];
}

/** Run `npm run build` (scripts/build.ts in a child process, as npm runs it) with these arguments; the caller holds the build lock. */
function runBuildLocked(args: string[]): Promise<RunResult> {
  return run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), ...args]);
}

/** Run `npm run build` (scripts/build.ts in a child process, as npm runs it) with these arguments, holding the build lock. */
export function runBuild(args: string[]): Promise<RunResult> {
  return withBuildLock(() => runBuildLocked(args));
}

/**
 * The sample data published once per run through the project's whole path (data step, staging build, external
 * reference check, swap, change report); the site, pages and charts tests browse it and test/build/publish.test.ts
 * checks the publish. The global setup starts it in the run's folder (`run`) before any test file, so the longest
 * browser file never waits behind another site's build; the files then find it built.
 */
export function publishSample(run?: string): Promise<PublishedSample> {
  return once('sample', async (dir) => {
    const outside = outsideFolder(dirname(dir));
    rmSync(outside, { recursive: true, force: true });
    const folders = {
      distDir: join(outside, 'dist'),
      cacheDir: join(outside, 'cache'),
      siteDataDir: join(dir, 'data'),
      reportFile: join(dir, 'build-report.txt'),
    };
    const r = await runBuildLocked(publishArgs(SAMPLE_DATA, folders));
    return { code: r.code, output: r.output, ...folders };
  }, run);
}

/** The published sample site, as BuiltSite; throws with the build output when publishing failed. */
export async function sampleSite(): Promise<BuiltSite> {
  const p = await publishSample();
  if (p.code !== 0 || !existsSync(join(p.distDir, 'index.html'))) throw new Error(`npm run build 失败，退出码 ${p.code}：\n${p.output}`);
  const summary = JSON.parse(readFileSync(join(p.siteDataDir, 'summary.json'), 'utf8')) as Summary;
  return { dataDir: p.siteDataDir, distDir: p.distDir, base: '/', summary };
}

/** Remove build folders left by runs whose process has died (a crash or Ctrl-C skips the global teardown). */
function removeStaleBuilds(): void {
  for (const [folder, pattern] of [
    [join(ROOT, '.cache'), /^e2e-(?:run-)?(\d+)/],
    [tmpdir(), /^shuangyong-e2e-run-(\d+)$/],
  ] as const) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      const m = pattern.exec(name);
      if (m && !isAlive(Number(m[1]))) rmSync(join(folder, name), { recursive: true, force: true });
    }
  }
}

/**
 * The folder outside the project where a run publishes the sample site (`<tmp>/shuangyong-e2e-run-<pid>`): as an
 * admin does with a --dist-dir and --cache-dir elsewhere, which Astro alone would fill with its own files.
 */
export function outsideFolder(runFolder: string): string {
  return join(tmpdir(), `shuangyong-${basename(runFolder)}`);
}
