/**
 * Shared machinery of the browser tests: build each site once per run and share it between test files (the sample
 * site through the real `npm run build`), serve it on 127.0.0.1, drive Debian's Chromium through playwright-core,
 * and watch every page for errors, failed requests and requests that leave the test server.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { serveDist, type StaticServer } from '../../src/lib/publish/serve-dist.ts';
import { isAlive } from '../../src/lib/publish/publish.ts';
export type { StaticServer };
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { dataCommand } from '../../src/lib/cli/data-command.ts';
import { main } from '../../src/lib/cli/main.ts';
import type { Summary } from '../../src/lib/shared/types.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE_DATA = join(ROOT, 'data');
export const HOSTILE_DATA = join(ROOT, 'test', 'fixtures', 'hostile', 'data');
export const SUB_PATH = '/zt/shuangyong/';

/** Generous: a full build takes 10–30 s on the 2-core CI machine, longer when other builds run. */
export const BUILD_TIMEOUT = 240_000;

// ---------------------------------------------------------------------------------------------------------------
// Chromium

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Launch Chromium; a missing executable fails with the command that installs it (the tests never pass silently). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `找不到 Chromium（${CHROME_PATH}）。浏览器测试需要它：请运行 \`apt-get install -y chromium\`，或用 CHROME_PATH 指向已安装的 Chromium。` +
        ` / Chromium not found at ${CHROME_PATH}: run \`apt-get install -y chromium\` or set CHROME_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Building

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
 * This run's folder of shared builds (test/e2e/global-setup.ts makes it and removes it at the end); a file run
 * outside that setup gets a folder of its own process, removed by the next run once the process is gone.
 */
function runDir(): string {
  const dir = inject('e2eBuildDir') ?? join(ROOT, '.cache', `e2e-run-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A site built once per run and key, shared by every test file asking for the same key: its result is kept on disk. */
async function once<T>(key: string, make: (dir: string) => Promise<T>): Promise<T> {
  const dir = join(runDir(), key);
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
export function buildSite(key: string, dataDir: string, base = '/'): Promise<BuiltSite> {
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
  });
}

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
 * reference check, swap, change report); site.test.ts browses it and test/build/publish.test.ts checks the publish.
 */
export function publishSample(): Promise<PublishedSample> {
  return once('sample', async (dir) => {
    const folders = {
      distDir: join(dir, 'dist'),
      cacheDir: join(dir, 'cache'),
      siteDataDir: join(dir, 'cache', 'data'),
      reportFile: join(dir, 'build-report.txt'),
    };
    const r = await runBuildLocked(publishArgs(SAMPLE_DATA, folders));
    return { code: r.code, output: r.output, ...folders };
  });
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
  const cache = join(ROOT, '.cache');
  if (!existsSync(cache)) return;
  for (const name of readdirSync(cache)) {
    const m = /^e2e-(?:run-)?(\d+)/.exec(name);
    if (m && !isAlive(Number(m[1]))) rmSync(join(cache, name), { recursive: true, force: true });
  }
}

/** Every file under a folder, as absolute paths. */
export function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/**
 * The site's pages, from the built folder: every `index.html` as its directory path (`/`, `/funding/`, …)
 * plus `/404.html`. Paths are site paths (without the base).
 */
export function listPages(distDir: string): string[] {
  const pages = walk(distDir)
    .filter((f) => f.endsWith(`${sep}index.html`) || f === join(distDir, 'index.html'))
    .map((f) => `/${relative(distDir, dirname(f)).split(sep).join('/')}/`.replace(/^\/\/$/, '/'))
    .sort();
  if (existsSync(join(distDir, '404.html'))) pages.push('/404.html');
  return pages;
}

/** The routes issue 3 asks for, given the years in summary.json. */
export function expectedRoutes(summary: Summary): string[] {
  return [
    '/',
    ...summary.years.map((y) => `/year/${y}/`),
    '/funding/',
    '/militia/',
    '/training/',
    '/school/',
    '/indicators/',
    '/honors/',
    '/about/',
    ...summary.years.map((y) => `/report/${y}/`),
    '/404.html',
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Serving

/** Serve a built folder under `base` as the deployment does (CSP header, gzip, 404.html): the one server of src/lib/publish/serve-dist.ts. */
export function serve(distDir: string, base = '/'): Promise<StaticServer> {
  return serveDist(distDir, base);
}

// ---------------------------------------------------------------------------------------------------------------
// Watching a page

/** Everything wrong a page did while we watched: console errors, page errors, failed or refused requests, other hosts. */
export function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`));
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) problems.push(`request to another host: ${u}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** A new page whose requests to any other host are refused (so a leak shows as a failure, never as a network call). */
export async function newPage(context: BrowserContext, origin: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems = watch(page, origin);
  await page.route(
    (u) => u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:',
    (route) => route.abort('blockedbyclient'),
  );
  return { page, problems };
}

/**
 * Scroll every chart box into view (charts draw lazily when seen) and wait until each canvas has non-transparent
 * pixels. Returns, per canvas, the number of painted pixels sampled (0 = blank).
 */
export async function drawAllCharts(page: Page, timeoutMs = 15_000): Promise<number[]> {
  const boxes = page.locator('[data-chart]');
  const n = await boxes.count();
  for (let i = 0; i < n; i++) await boxes.nth(i).scrollIntoViewIfNeeded();
  if (n > 0) {
    await page
      .waitForFunction(
        () =>
          Array.from(document.querySelectorAll<HTMLCanvasElement>('[data-chart] canvas')).every((c) => {
            if (c.width === 0 || c.height === 0) return false;
            const ctx = c.getContext('2d');
            if (!ctx) return false;
            const d = ctx.getImageData(0, 0, c.width, c.height).data;
            for (let k = 3; k < d.length; k += 4 * 7) if (d[k] !== 0) return true;
            return false;
          }),
        undefined,
        { timeout: timeoutMs, polling: 200 },
      )
      .catch(() => undefined);
  }
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLCanvasElement>('[data-chart] canvas')).map((c) => {
      if (c.width === 0 || c.height === 0) return 0;
      const ctx = c.getContext('2d');
      if (!ctx) return 0;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let k = 3; k < d.length; k += 4) if (d[k] !== 0) painted++;
      return painted;
    }),
  );
}

/**
 * Places where the page reads NaN, undefined or Infinity as a word (what a broken number prints): all text, folded
 * tables included (scripts and styles excluded), the title, and the attributes people hear or see (aria-label, alt,
 * title, meta content).
 */
export async function brokenWords(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (parent && parent.closest('script, style, template')) continue;
      parts.push(n.textContent ?? '');
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [alt], [title], [aria-description], meta[content]'))) {
      for (const a of ['aria-label', 'alt', 'title', 'aria-description', 'content']) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    }
    return parts.join('\n');
  });
  return [...text.matchAll(/.{0,30}(?<![A-Za-z])(NaN|undefined|Infinity)(?![A-Za-z]).{0,30}/g)].map((m) => m[0]);
}

/** Parse a number as the pages write it (`1,234.5`, `576.2`); null when there is none. */
export function parseShown(text: string): number | null {
  const m = /-?[\d,]+(?:\.\d+)?/.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : null;
}

/** Run `fn` over `items` with at most `limit` at a time (pages in parallel use the second core); results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  });
  await Promise.all(workers);
  return out;
}

/** Pages visited at once in one browser context. */
export const PARALLEL = Number(process.env.E2E_PARALLEL ?? 3);
