/**
 * The sample site built for a sub-path (SITE_BASE=/zt/shuangyong/) and served only there: every page, link, asset,
 * chart chunk, search index and download must resolve under the base; nothing may ask for a path outside it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  BUILD_TIMEOUT,
  SAMPLE_DATA,
  SUB_PATH,
  buildSite,
  SUBPATH_SITE,
  drawAllCharts,
  expectedRoutes,
  launchBrowser,
  listPages,
  newPage,
  serve,
  visitEach,
  type BuiltSite,
  type StaticServer,
  type Visit,
} from './harness.ts';

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let pages: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  site = await buildSite(...SUBPATH_SITE);
  server = await serve(site.distDir, SUB_PATH);
  pages = listPages(site.distDir);
}, BUILD_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe(`the site under ${SUB_PATH}`, () => {
  test('has every route', () => {
    for (const route of expectedRoutes(site.summary)) expect(pages, route).toContain(route);
  });

  test(
    'every page loads under the base with no request outside it, no 404, no error, and its charts draw',
    async () => {
      const failures: string[] = [];
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const onTab = (page: Page, visit: () => Visit) =>
          page.on('request', (r) => {
            const u = new URL(r.url());
            if (u.origin === server.origin && !u.pathname.startsWith(SUB_PATH)) visit().problems.push(`request outside the base: ${u.pathname}`);
          });
        await visitEach(ctx, server.origin, pages, async ({ page, path, problems }) => {
          const res = await page.goto(server.url(path));
          if (res?.status() !== 200) problems.push(`status ${res?.status()}`);
          const painted = await drawAllCharts(page);
          painted.forEach((n, i) => {
            if (n === 0) problems.push(`chart canvas #${i + 1} is blank`);
          });
          // Every link and resource the page names points under the base (canonical/og URLs use the site URL).
          const outside = await page.evaluate((base) => {
            const bad: string[] = [];
            const els = Array.from(document.querySelectorAll<HTMLElement>('a[href], link[href], script[src], img[src], [data-index-url]'));
            for (const el of els) {
              const rel = el.getAttribute('rel') ?? '';
              if (rel === 'canonical') continue;
              const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('data-index-url') ?? '';
              if (raw.startsWith('#')) continue;
              const u = new URL(raw, location.href);
              if (u.origin !== location.origin || !u.pathname.startsWith(base)) bad.push(`${el.tagName.toLowerCase()} → ${raw}`);
            }
            return bad;
          }, SUB_PATH);
          for (const o of outside) problems.push(`link outside the base: ${o}`);
          if (problems.length > 0) failures.push(`${path}:\n  ${problems.join('\n  ')}`);
        }, { onTab });
      } finally {
        await ctx.close();
      }
      expect(failures, failures.join('\n')).toEqual([]);
      expect(server.misses, `requests the server could not answer: ${server.misses.join(', ')}`).toEqual([]);
    },
    180_000,
  );

  test('every internal link, asset and download named on any page answers 200 under the base', async () => {
    const broken: string[] = [];
    const checked = new Map<string, number>();
    for (const path of pages) {
      const html = await (await fetch(server.url(path))).text();
      for (const m of html.matchAll(/\s(?:href|src|data-index-url)="([^"#][^"]*)"/g)) {
        const raw = m[1]!.replace(/&amp;/g, '&');
        const u = new URL(raw, server.url(path));
        if (u.origin !== server.origin) continue;
        if (!checked.has(u.pathname)) checked.set(u.pathname, (await fetch(u, { method: 'HEAD' })).status);
        if (checked.get(u.pathname) !== 200) broken.push(`${path}: ${raw} → ${checked.get(u.pathname)}`);
      }
    }
    expect(broken, broken.join('\n')).toEqual([]);
    expect([...checked.keys()].some((p) => p.startsWith(`${SUB_PATH}downloads/`))).toBe(true);
    expect([...checked.keys()].some((p) => p.startsWith(`${SUB_PATH}_astro/`))).toBe(true);
  }, 60_000);

  test(
    'the honors search fetches its index under the base and finds honors',
    async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const { page, problems } = await newPage(ctx, server.origin);
        await page.goto(server.url('/honors/'));
        await page.getByRole('searchbox', { name: '搜索荣誉' }).fill('模范');
        await expect.poll(() => page.locator('[data-honor-status]').innerText(), { timeout: 5_000 }).toMatch(/找到 \d+ 项/);
        expect(problems, problems.join('\n')).toEqual([]);
      } finally {
        await ctx.close();
      }
    },
    60_000,
  );

  test('sitemap.xml lists every page under the base', async () => {
    const xml = await (await fetch(server.url('/sitemap.xml'))).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs.length).toBeGreaterThan(0);
    for (const l of locs) expect(l.startsWith(SUB_PATH), l).toBe(true);
    for (const p of pages.filter((x) => x !== '/404.html')) expect(locs, p).toContain(`${SUB_PATH}${p.slice(1)}`);
  }, 30_000);
});
