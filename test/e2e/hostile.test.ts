/**
 * Hostile input (test/fixtures/hostile/data): script tags, a closing </script>, a broken attribute, javascript: URLs
 * and a spreadsheet formula in every public text field, canaries in every internal and unknown column. The built
 * site must show the strings as text, fire no dialog, leak no canary, and neutralise the formula in downloads.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  BUILD_TIMEOUT,
  HOSTILE_DATA,
  buildSite,
  HOSTILE_SITE,
  launchBrowser,
  listPages,
  newPage,
  serve,
  walk,
  visitEach,
  type BuiltSite,
  type StaticServer,
  type Visit,
} from './harness.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '</script><script>alert(2)</script>',
  '" onmouseover="alert(3)',
  'javascript:alert(4)',
  '=HYPERLINK("http://evil","x")',
] as const;
const FORMULA = '=HYPERLINK("http://evil","x")';

let site: BuiltSite;
let server: StaticServer;
let browser: Browser;
let pages: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  site = await buildSite(...HOSTILE_SITE);
  server = await serve(site.distDir);
  pages = listPages(site.distDir);
}, BUILD_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile text in public fields', () => {
  test(
    'no page fires a dialog, runs injected script or grows an injected attribute; the strings show as plain text',
    async () => {
      expect(pages).toContain('/honors/');
      expect(pages).toContain('/funding/');
      const failures: string[] = [];
      const textOf = new Map<string, string>();
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const onTab = (page: Page, visit: () => Visit) =>
          page.on('dialog', (d) => {
            failures.push(`${visit().path}: a ${d.type()} dialog fired: «${d.message()}»`);
            void d.dismiss();
          });
        await visitEach(ctx, server.origin, pages, async ({ page, path, problems }) => {
          await page.goto(server.url(path));
          const title = await page.title();
          if (!title.includes('" onmouseover="alert(6) 统计') && !title.includes('<script>alert(5)</script>区')) failures.push(`${path}: <title> «${title}» lost the configured names`);
          // Hover everything that shows data, in case an attribute broke out of its quotes.
          await page.evaluate(() => {
            for (const el of Array.from(document.querySelectorAll('main *'))) el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          });
          const injected = await page.evaluate(() => {
            const bad: string[] = [];
            for (const el of Array.from(document.querySelectorAll('*'))) {
              for (const a of Array.from(el.attributes)) {
                if (/^on/i.test(a.name)) bad.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
                if (/^\s*javascript:/i.test(a.value) && ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name)) {
                  bad.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
                }
              }
            }
            for (const s of Array.from(document.scripts)) if (/alert\(/.test(s.textContent ?? '') && s.type !== 'application/json') bad.push(`script: ${s.textContent?.slice(0, 60)}`);
            for (const img of Array.from(document.images)) if (img.getAttribute('src') === 'x') bad.push('injected <img src=x>');
            return bad;
          });
          for (const b of injected) failures.push(`${path}: injected markup ${b}`);
          for (const p of problems) failures.push(`${path}: ${p}`);
          // Rendered text with every data table unfolded (a closed <details> hides its table from innerText).
          textOf.set(
            path,
            await page.evaluate(() => {
              for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
              return document.body.innerText;
            }),
          );
        }, { onTab });
      } finally {
        await ctx.close();
      }
      expect(failures, failures.join('\n')).toEqual([]);
      // Where each dataset shows its text fields, every hostile string is there, verbatim, as text.
      for (const path of ['/honors/', '/funding/', '/militia/', '/training/', '/indicators/']) {
        const text = textOf.get(path) ?? '';
        for (const s of HOSTILE) expect(text, `${path} shows ${s} as text`).toContain(s);
      }
      // config.json is admin-edited text too: district, site title and source line.
      const titles = new Map<string, string>();
      for (const path of ['/', '/funding/']) titles.set(path, textOf.get(path) ?? '');
      expect(titles.get('/')).toContain('<script>alert(5)</script>区');
      expect(titles.get('/')).toContain('" onmouseover="alert(6) 统计');
      expect(titles.get('/funding/')).toContain('=HYPERLINK("http://evil","x")办公室');
      const report = pages.find((p) => p.startsWith('/report/'));
      expect(report, 'the hostile report template makes report pages').toBeDefined();
      expect(textOf.get(report!)).toContain('<script>alert(7)</script>');
      expect(textOf.get(report!)).toContain('"><img src=x onerror=alert(8)>');
    },
    180_000,
  );

  test('the honors search box treats a hostile query as text', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page, problems } = await newPage(ctx, server.origin);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(server.url('/honors/'));
      const box = page.getByRole('searchbox');
      await box.fill('<script>alert(1)');
      await expect.poll(() => page.locator('[data-honor-status]').innerText(), { timeout: 5_000 }).toMatch(/找到 \d+ 项|没有找到/);
      const visible = await page.locator('[data-honor]:visible').allInnerTexts();
      for (const t of visible) expect(t).toContain('<script>alert(1)');
      expect(visible.length).toBeGreaterThan(0);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 60_000);
});

describe('internal columns', () => {
  test('no file under the built site (HTML, JSON, JS, CSS, CSV, text, maps) contains a canary from an internal or unknown column', () => {
    const files = walk(site.distDir);
    expect(files.length).toBeGreaterThan(20);
    const leaks = files
      .filter((f) => readFileSync(f).includes('CANARY'))
      .map((f) => {
        const text = readFileSync(f, 'utf8');
        const at = text.indexOf('CANARY');
        return `${relative(site.distDir, f)}: …${text.slice(Math.max(0, at - 40), at + 60)}…`;
      });
    expect(leaks, leaks.join('\n')).toEqual([]);
    // The fixture really holds a canary in every internal column and in the unknown one (so the check is not vacuous).
    for (const [file, cols] of [
      ['funding.csv', ['funding_recipient', 'funding_note', 'funding_extra']],
      ['militia_cases.csv', ['militia_note', 'militia_extra']],
      ['training_sessions.csv', ['training_organizer', 'training_extra']],
      ['school_placements.csv', ['school_unit', 'school_school', 'school_extra']],
      ['honors.csv', ['honors_extra']],
      ['indicators.csv', ['indicators_extra']],
    ] as const) {
      const csv = readFileSync(join(HOSTILE_DATA, file), 'utf8');
      for (const c of cols) expect(csv).toContain(`CANARY_INTERNAL_${c}`);
    }
  });
});

describe('downloads', () => {
  test('downloaded CSVs keep the hostile text and neutralise the formula with a leading apostrophe', () => {
    const csvs = walk(join(site.distDir, 'downloads')).filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(0);
    let formulas = 0;
    const bad: string[] = [];
    for (const f of csvs) {
      const raw = readFileSync(f, 'utf8');
      expect(raw.charCodeAt(0), `${relative(site.distDir, f)} starts with a BOM`).toBe(0xfeff);
      const rows = Papa.parse<string[]>(raw.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      for (const row of rows) {
        for (const cell of row) {
          if (/^[=+\-@\t\r]/.test(cell) && !/^-?[\d,.]+%?$/.test(cell)) bad.push(`${relative(site.distDir, f)}: «${cell}» starts a formula`);
          if (cell.includes('HYPERLINK')) {
            formulas++;
            if (!cell.startsWith(`'${FORMULA}`)) bad.push(`${relative(site.distDir, f)}: «${cell}» does not start with '${FORMULA}`);
          }
        }
      }
    }
    expect(bad, bad.join('\n')).toEqual([]);
    expect(formulas, 'the formula reaches at least one download (category and indicator tables)').toBeGreaterThan(0);
  });

  test('summary.json keeps the hostile category names exactly as written (JSON is data, not a spreadsheet)', () => {
    const summary = readFileSync(join(site.distDir, 'data', 'summary.json'), 'utf8');
    const ids = Object.keys((JSON.parse(summary) as { metrics: Record<string, unknown> }).metrics);
    for (const s of HOSTILE) expect(ids).toContain(`funding.category:${s}`);
  });
});
