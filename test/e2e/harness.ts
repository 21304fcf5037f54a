/**
 * Shared machinery of the browser tests: build each site once per run and share it between test files (the sample
 * site through the real `npm run build`), serve it on 127.0.0.1, drive Debian's Chromium through playwright-core,
 * and watch every page for errors, failed requests and requests that leave the test server.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join, relative, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { serveDist, type StaticServer } from '../../src/lib/publish/serve-dist.ts';
import type { Summary } from '../../src/lib/shared/types.ts';
import { BUILD_TIMEOUT, sampleSite, setRunDirProvider, type BuiltSite } from './builds.ts';

export * from './builds.ts';
export type { StaticServer };

// The run's folder of shared builds, as the global setup provides it.
setRunDirProvider(() => inject('e2eBuildDir'));

// ---------------------------------------------------------------------------------------------------------------
// Chromium

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Connections Chromium made to the refusing proxy of launchBrowser: requests to other hosts, each closed unanswered. */
export const refused = { connections: 0 };

/** A proxy on 127.0.0.1 that closes every connection at once; stops when the browser using it does. */
async function refusingProxy(): Promise<{ address: string; close: () => void }> {
  const server = createServer((socket) => {
    refused.connections++;
    socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  server.unref();
  return { address: `127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Launch Chromium; a missing executable fails with the command that installs it (the tests never pass silently). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `找不到 Chromium（${CHROME_PATH}）。浏览器测试需要它：请运行 \`apt-get install -y chromium\`，或用 CHROME_PATH 指向已安装的 Chromium。` +
        ` / Chromium not found at ${CHROME_PATH}: run \`apt-get install -y chromium\` or set CHROME_PATH.`,
    );
  }
  const proxy = await refusingProxy();
  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // Every request to another host goes to a proxy that closes it unanswered, so it fails at once without DNS or
      // a network call; the test server on 127.0.0.1 is reached directly (Chromium never proxies loopback). watch()
      // still names each such request. Cheaper than page.route, which stops every request on its way for Node to look
      // at (about a tenth of the browser's CPU in these tests, measured).
      `--proxy-server=${proxy.address}`,
    ],
  });
  browser.on('disconnected', proxy.close);
  return browser;
}

/** The published sample site served on 127.0.0.1 with a browser, its pages and summary.json: what the page tests share. */
export interface OpenSite {
  browser: Browser;
  site: BuiltSite;
  server: StaticServer;
  pages: string[];
  summary: Summary;
}

/** Launch Chromium, then wait for the sample site (built once per run) and serve it; close with closeSite. */
export async function openSampleSite(): Promise<OpenSite> {
  // Launch first: a missing Chromium fails at once with the install hint, before a 30 s build.
  const browser = await launchBrowser();
  const site = await sampleSite();
  const server = await serve(site.distDir);
  const summary = JSON.parse(readFileSync(join(site.distDir, 'data', 'summary.json'), 'utf8')) as Summary;
  return { browser, site, server, pages: listPages(site.distDir), summary };
}

/**
 * The sample site for a test file: opened before its tests (openSampleSite) and closed after them. The object is
 * filled in by the file's beforeAll, so read its fields inside tests and hooks only.
 */
export function useSampleSite(): OpenSite {
  const open = {} as OpenSite;
  beforeAll(async () => void Object.assign(open, await openSampleSite()), BUILD_TIMEOUT);
  afterAll(() => closeSite(open));
  return open;
}

/** Close what openSampleSite opened (either part may be missing when opening failed). */
export async function closeSite(open: Partial<OpenSite> | undefined): Promise<void> {
  await open?.browser?.close();
  await open?.server?.close();
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

/** How watch reports: where each problem goes, and failed requests that are not the page's fault. */
export interface WatchOptions {
  /** Each problem; by default into the array watch returns. */
  report?: (problem: string) => void;
  /** True for a failed request to leave out. */
  ignoreFailure?: (request: Request) => boolean;
}

/** Everything wrong a page did while we watched: console errors, page errors, failed or refused requests, other hosts. */
export function watch(page: Page, origin: string, opts: WatchOptions = {}): string[] {
  const problems: string[] = [];
  const add = opts.report ?? ((p: string) => void problems.push(p));
  page.on('console', (m) => {
    if (m.type() === 'error') add(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => add(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!opts.ignoreFailure?.(r)) add(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) add(`request to another host: ${u}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) add(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** Run `fn` in a new browser context with these options, closed afterwards whatever happens. */
export async function withContext<T>(browser: Browser, opts: Parameters<Browser['newContext']>[0], fn: (ctx: BrowserContext) => Promise<T>): Promise<T> {
  const ctx = await browser.newContext(opts);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/** A new page, watched (see watch); requests to any other host fail in the browser (see launchBrowser), never reaching the network. */
export async function newPage(context: BrowserContext, origin: string, opts: WatchOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems = watch(page, origin, opts);
  return { page, problems };
}

/** One page visit of visitEach: the tab, the site path it is for, and what went wrong during it. */
export interface Visit {
  page: Page;
  path: string;
  problems: string[];
}

/**
 * Visit every path in at most `limit` tabs of `context`, each tab going from page to page as a reader does, watched
 * and refusing other hosts as newPage does; `fn` loads `path` and checks it, and each visit gets its own problems.
 * Tabs are reused because a new tab per page costs Chromium about three times the CPU of a navigation in an open one
 * (33 sample pages at 1280 px: 42 s against 14 s, measured), which on 2 cores is most of the browser tests' time.
 * `onTab` runs once per tab, for listeners that report to the visit in progress.
 */
export async function visitEach(
  context: BrowserContext,
  origin: string,
  paths: readonly string[],
  fn: (visit: Visit) => Promise<void>,
  opts: { limit?: number; onTab?: (page: Page, current: () => Visit) => void } = {},
): Promise<void> {
  const queue = [...paths];
  const tabs = Math.min(opts.limit ?? PARALLEL, queue.length);
  await Promise.all(
    Array.from({ length: tabs }, async () => {
      let current: Visit | null = null;
      // Which visit asked for each request: leaving a page aborts what it still loads (its favicon, say), and that
      // abort belongs to neither page.
      const askedBy = new WeakMap<Request, Visit | null>();
      const { page } = await newPage(context, origin, {
        report: (p) => current?.problems.push(p),
        ignoreFailure: (r) => r.failure()?.errorText === 'net::ERR_ABORTED' && askedBy.get(r) !== current,
      });
      page.on('request', (r) => askedBy.set(r, current));
      opts.onTab?.(page, () => current!);
      try {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          current = { page, path, problems: [] };
          await fn(current);
        }
      } finally {
        await page.close();
      }
    }),
  );
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
