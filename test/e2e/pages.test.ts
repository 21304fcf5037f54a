/**
 * Every page of the sample site in real Chromium, at phone and desktop width: it loads with no error and no request
 * to another host, every chart draws and has its table, no NaN/undefined/Infinity, no sideways scroll; the same pages
 * without JavaScript; axe-core on the same visits. The sample site as `npm run build` publishes it (built once per
 * run, shared with site.test.ts, charts.test.ts and test/build/publish.test.ts), served on 127.0.0.1. Apart from
 * site.test.ts so that two workers share the browser work.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  brokenWords,
  drawAllCharts,
  expectedRoutes,
  newPage,
  refused,
  visitEach,
  withContext,
  useSampleSite,
} from './harness.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
/** axe-core's source, evaluated in each page through DevTools (not a <script>, so the page's own CSP stays on). */
const AXE_SOURCE = readFileSync(AXE, 'utf8');
/** Pages axe checks at phone width: those whose layout changes most (cards, charts, honors, report). */
const AXE_AT_375 = (latest: number | null): string[] => ['/', '/funding/', '/honors/', '/about/', `/report/${latest}/`];
/** Serious or critical axe findings per `path@width`, collected during the page visits below. */
const axeFindings = new Map<string, string[]>();

/** Run axe-core on the loaded page: its serious and critical violations, one text each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help}\n      ${v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 2).join(' ') ?? ''}`).join('\n      ')}`);
  });
}

const sample = useSampleSite();

/** What must survive without JavaScript: figures, data tables, key figures, honors. */
function countContent(page: Page) {
  return page.evaluate(() => ({
    figures: document.querySelectorAll('figure').length,
    tables: document.querySelectorAll('table:not([role="presentation"])').length,
    kpis: document.querySelectorAll('.kpi-card data[value]').length,
    honors: document.querySelectorAll('[data-honor]').length,
  }));
}
const jsCounts = new Map<string, Awaited<ReturnType<typeof countContent>>>();

describe('the built page list', () => {
  test('the sample build has every route issue 3 asks for, and summary.json is published with it', () => {
    for (const route of expectedRoutes(sample.summary)) expect(sample.pages, `missing page ${route}`).toContain(route);
    expect(sample.summary.years.length).toBeGreaterThan(1);
    expect(sample.summary.latestYear).toBe(sample.summary.years.at(-1));
  });
});

describe.each([
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
])('every page at $width px', ({ width, height }) => {
  test(
    'loads with no console error, page error, failed request or other host; every chart draws and has a table; no NaN/undefined/Infinity',
    async () => {
      const failures: string[] = [];
      await withContext(sample.browser, { viewport: { width, height } }, async (ctx) => {
        await visitEach(ctx, sample.server.origin, sample.pages, async ({ page, path, problems }) => {
          const res = await page.goto(sample.server.url(path), { waitUntil: 'load' });
          if (res?.status() !== 200) problems.push(`status ${res?.status()}`);
          const painted = await drawAllCharts(page);
          painted.forEach((n, i) => {
            if (n === 0) problems.push(`chart canvas #${i + 1} is blank`);
          });
          const figures = await page.evaluate(() =>
            Array.from(document.querySelectorAll('figure')).map((f) => ({
              id: f.id,
              canvas: f.querySelector('canvas') !== null,
              table: f.querySelector('table') !== null,
              empty: f.querySelector('.empty') !== null,
            })),
          );
          for (const f of figures) if (f.canvas && !f.table) problems.push(`figure #${f.id} has a chart but no <table>`);
          for (const f of figures) if (!f.canvas && !f.table && !f.empty) problems.push(`figure #${f.id} has neither table nor 暂无数据`);
          for (const w of await brokenWords(page)) problems.push(`broken text: «${w}»`);
          // Nothing wider than the viewport: a phone never scrolls sideways.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 1) problems.push(`page scrolls sideways by ${overflow} px`);
          if (problems.length > 0) failures.push(`${path} @${width}px:\n  ${problems.join('\n  ')}`);
          if (width === 1280) jsCounts.set(path, await countContent(page));
          // axe on the same visit (the pages are loaded once): every page at 1280 px, the phone-layout pages at 375.
          if (width === 1280 || AXE_AT_375(sample.summary.latestYear).includes(path)) axeFindings.set(`${path}@${width}`, await axeViolations(page));
        });
      });
      expect(failures, failures.join('\n')).toEqual([]);
    },
    240_000,
  );
});

describe('requests to other hosts', () => {
  test('are named by the page watch and refused inside the browser: they reach the refusing proxy, never the network', async () => {
    await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      const { page, problems } = await newPage(ctx, sample.server.origin);
      const before = refused.connections;
      // A blank page has no CSP of the site's to stop these first: only the browser's proxy setting can.
      const failed = ['http://example.com/leak.png', 'https://203.0.113.7/leak.png'].map((u) => page.waitForEvent('requestfailed', (r) => r.url() === u));
      await page.setContent('<img src="http://example.com/leak.png" alt=""><img src="https://203.0.113.7/leak.png" alt="">');
      // The proxy closes the connection: reset or not connected, depending on when Chromium notices.
      const errors = (await Promise.all(failed)).map((r) => r.failure()?.errorText ?? '');
      for (const e of errors) expect(e).toMatch(/^net::ERR_/);
      expect(refused.connections - before).toBeGreaterThanOrEqual(2);
      expect(problems.filter((p) => p.startsWith('request to another host:')).length).toBe(2);
      expect(problems.some((p) => p.includes('http://example.com/leak.png') && p.startsWith('request failed:'))).toBe(true);
    });
  }, 60_000);
});

describe('without JavaScript', () => {
  test(
    'every page still has every figure and table (same counts as with JavaScript), tables visible, key figures present',
    async () => {
      // Counts with JavaScript come from the 1280 px run above; collected here when that test was not run.
      const withJs = jsCounts;
      const todo = sample.pages.filter((p) => !withJs.has(p));
      if (todo.length > 0) {
        await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
          await visitEach(ctx, sample.server.origin, todo, async ({ page, path }) => {
            await page.goto(sample.server.url(path));
            withJs.set(path, await countContent(page));
          });
        });
      }
      const failures: string[] = [];
      await withContext(sample.browser, { viewport: { width: 375, height: 812 }, javaScriptEnabled: false }, async (ctx) => {
        const problems: string[] = [];
        await visitEach(ctx, sample.server.origin, sample.pages, async ({ page, path, problems: seen }) => {
          await page.goto(sample.server.url(path));
          const c = await countContent(page);
          const js = withJs.get(path);
          if (JSON.stringify(c) !== JSON.stringify(js)) failures.push(`${path}: without JS ${JSON.stringify(c)}, with JS ${JSON.stringify(js)}`);
          const hidden = await page.evaluate(() =>
            Array.from(document.querySelectorAll<HTMLElement>('table:not([role="presentation"])'))
              .filter((t) => !t.checkVisibility({ visibilityProperty: true }) || t.getBoundingClientRect().height === 0)
              .map((t) => (t.querySelector('caption')?.textContent ?? '?').trim()),
          );
          if (hidden.length > 0) failures.push(`${path}: tables not visible without JS: ${hidden.join(' | ')}`);
          const kpi = await page.evaluate(() =>
            Array.from(document.querySelectorAll<HTMLElement>('.kpi-card__figure')).filter((f) => !f.checkVisibility() || (f.textContent ?? '').trim() === '').length,
          );
          if (kpi > 0) failures.push(`${path}: ${kpi} key figures not shown without JS`);
          problems.push(...seen.map((p) => `${path}: ${p}`));
        });
        failures.push(...problems);
      });
      expect(failures, failures.join('\n')).toEqual([]);
      expect(withJs.get('/')!.kpis).toBeGreaterThanOrEqual(8);
    },
    120_000,
  );
});

describe('accessibility', () => {
  // axe runs during the page visits of 'every page at … px' above; this reads what it found.
  test.each([
    { width: 1280, which: 'every page' },
    { width: 375, which: 'the home, funding, honors, about and report pages' },
  ])('axe-core finds no serious or critical violation on $which at $width px', ({ width }) => {
    const list = width === 1280 ? sample.pages : AXE_AT_375(sample.summary.latestYear);
    const missing = list.filter((path) => !axeFindings.has(`${path}@${width}`));
    expect(missing, 'pages axe did not check (did the page visits run?)').toEqual([]);
    const failures = list.flatMap((path) => {
      const v = axeFindings.get(`${path}@${width}`) ?? [];
      return v.length > 0 ? [`${path} @${width}px:\n    ${v.join('\n    ')}`] : [];
    });
    expect(failures, failures.join('\n')).toEqual([]);
  });
});

