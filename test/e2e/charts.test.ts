/**
 * The charts of the sample site in real Chromium, served with the site's CSP: the 下载图片 PNG (name, size, white
 * background, also from dark mode, nothing refused by the CSP), upright ticks on phones and in 适老化 mode with the
 * latest year and the named month labelled, cases and persons apart, months without records as gaps, and the JS
 * budget of a chart page with the export included.
 */
import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { drawAllCharts, newPage, useSampleSite, visitEach, withContext } from './harness.ts';
import { pageWeight, total } from '../../scripts/bench-site/page-weight.ts';

const CHART_PAGES = ['/funding/', '/militia/', '/militia/2021/', '/training/', '/school/'];

// The sample site published once per run, shared with site.test.ts, pages.test.ts and test/build/publish.test.ts.
const sample = useSampleSite();

async function elder(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(() => window.localStorage.setItem('elder-mode', '1'));
}

interface PngInfo {
  width: number;
  height: number;
  /** RGBA of the top-left pixel. */
  corner: number[];
  /** Pixels that are not opaque. */
  transparent: number;
  /** Distinct colours among the pixels (some, not all). */
  colours: number;
}

/** Decode a PNG in the page (the browser is the one PNG decoder we have) and describe it. */
async function readPng(page: Page, bytes: Buffer): Promise<PngInfo> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let transparent = 0;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] !== 255) transparent++;
      if (i % 97 === 0) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    }
    return { width: c.width, height: c.height, corner: [d[0]!, d[1]!, d[2]!, d[3]!], transparent, colours: seen.size };
  }, bytes.toString('base64'));
}

async function downloadPng(page: Page, figureId: string): Promise<{ name: string; png: PngInfo; box: { width: number; height: number }; panels: number }> {
  const figure = page.locator(`#${figureId}`);
  await figure.locator('[data-chart]').first().scrollIntoViewIfNeeded();
  const button = figure.getByRole('button', { name: /^下载图片/ });
  await button.waitFor({ state: 'visible', timeout: 15_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path);
  const box = await figure.locator('.chart-panels').evaluate((el) => ({ width: el.getBoundingClientRect().width, height: el.getBoundingClientRect().height }));
  const panels = await figure.locator('[data-chart]').count();
  const canvas = await figure.locator('[data-chart]').first().evaluate((el) => el.getBoundingClientRect().height);
  return { name: download.suggestedFilename(), png: await readPng(page, bytes), box: { width: box.width, height: canvas }, panels };
}

describe('下载图片', () => {
  test(
    'saves the chart as a PNG named after its title and years, twice the on-screen size plus title and source bands, on white',
    async () => {
      await withContext(sample.browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true }, async (ctx) => {
        const { page, problems } = await newPage(ctx, sample.server.origin);
        await page.goto(sample.server.url('/funding/'));
        const { name, png, box } = await downloadPng(page, 'funding-total');
        expect(name).toBe(`历年经费投入（${sample.site.summary.years[0]}—${sample.site.summary.latestYear}年）.png`);
        expect(png.width).toBe(Math.round(box.width) * 2);
        // The canvas at 2× plus the bands above (title, unit line) and below (source line).
        expect(png.height).toBeGreaterThan(box.height * 2 + 100);
        expect(png.height).toBeLessThan(box.height * 2 + 400);
        expect(png.transparent).toBe(0);
        expect(png.corner).toEqual([255, 255, 255, 255]);
        expect(png.colours).toBeGreaterThan(3);
        const share = await downloadPng(page, 'funding-category-share');
        expect(share.name).toBe(`${sample.site.summary.latestYear}年经费投入各类别金额及占比.png`);
        // CSP: nothing refused, no error, the download needs no other host.
        expect(problems).toEqual([]);
      });
    },
    120_000,
  );

  test(
    'from a phone in dark mode the PNG is still light, and a figure of two charts is saved as one image',
    async () => {
      await withContext(sample.browser, { viewport: { width: 375, height: 812 }, colorScheme: 'dark', acceptDownloads: true }, async (ctx) => {
        const { page, problems } = await newPage(ctx, sample.server.origin);
        await page.goto(sample.server.url('/militia/'));
        const { name, png, box, panels } = await downloadPng(page, 'militia-total');
        expect(panels).toBe(2);
        expect(name).toBe(`历年查处案件与抓获涉案人员（${sample.site.summary.years[0]}—${sample.site.summary.latestYear}年）.png`);
        expect(png.width).toBe(Math.round(box.width) * 2);
        // Two charts stacked on a phone: more than twice both canvases.
        expect(png.height).toBeGreaterThan(box.height * 2 * 2);
        expect(png.corner).toEqual([255, 255, 255, 255]);
        expect(png.transparent).toBe(0);
        expect(problems).toEqual([]);
      });
    },
    120_000,
  );

  test('without JavaScript there is no 下载图片 button and no chart, only the table', async () => {
    await withContext(sample.browser, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false }, async (ctx) => {
      const page = await ctx.newPage();
      await page.goto(sample.server.url('/funding/'));
      expect(await page.getByRole('button', { name: /下载图片/ }).count()).toBe(0);
      expect(await page.locator('.chart-panels').first().isVisible()).toBe(false);
      expect(await page.locator('#funding-total table').isVisible()).toBe(true);
    });
  });
});

interface Axis {
  figure: string;
  sentence: string;
  rotation: string | undefined;
  ticks: string[];
  horizontal: boolean;
}

async function readAxes(page: Page): Promise<Axis[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-chart]')).map((box) => {
      const fig = box.closest('figure')!;
      const spec = JSON.parse(box.querySelector('script[data-chart-data]')!.textContent!) as { horizontal?: boolean };
      return {
        figure: fig.id,
        sentence: fig.querySelector('.chart-figure__sentence')?.textContent ?? '',
        rotation: box.dataset.tickRotation,
        ticks: JSON.parse(box.dataset.ticks ?? '[]') as string[],
        horizontal: spec.horizontal === true,
      };
    }),
  );
}

describe('chart typography', () => {
  test.each([
    { width: 360, mode: '适老化' },
    { width: 360, mode: '' },
    { width: 375, mode: '适老化' },
    { width: 1280, mode: '适老化' },
  ])(
    'at $width px $mode no tick is rotated, the latest year and the month the sentence names are labelled',
    async ({ width, mode }) => {
      const failures: string[] = [];
      await withContext(sample.browser, { viewport: { width, height: 800 } }, async (ctx) => {
        if (mode) await elder(ctx);
        await visitEach(ctx, sample.server.origin, CHART_PAGES, async ({ page, path, problems }) => {
          await page.goto(sample.server.url(path));
          await drawAllCharts(page);
          const axes = await readAxes(page);
          expect(axes.length, path).toBeGreaterThan(0);
          for (const a of axes) {
            const where = `${path}#${a.figure}`;
            if (a.rotation !== '0') failures.push(`${where}: ticks rotated ${a.rotation}°`);
            if (a.horizontal) continue;
            if (a.ticks.length === 0) failures.push(`${where}: no category ticks`);
            const month = /最多的月份是(\d+)月/.exec(a.sentence);
            if (month && !a.ticks[Number(month[1]) - 1]) failures.push(`${where}: ${month[1]}月 named by the sentence has no label (${a.ticks.join(' ')})`);
            if (/年$/.test(a.ticks[0] ?? '') || /^\d{4}$/.test(a.ticks[0] ?? '')) {
              if (!a.ticks.at(-1)) failures.push(`${where}: the latest year has no label`);
            }
            if (/^1月?$/.test(a.ticks[0] ?? '') && a.ticks.filter(Boolean).length < 12) failures.push(`${where}: months unlabelled (${a.ticks.join(' ')})`);
          }
          failures.push(...problems.map((p) => `${path}: ${p}`));
        });
      });
      expect(failures).toEqual([]);
    },
    180_000,
  );

  test('cases (起) and persons (人) are two charts, each with its own unit line', async () => {
    await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      const page = await ctx.newPage();
      await page.goto(sample.server.url('/militia/'));
      for (const id of ['militia-total', 'militia-subdistrict', 'militia-case-type', 'militia-month']) {
        const units = await page.locator(`#${id} .chart-panel__unit`).allTextContents();
        expect(units, id).toEqual(['单位：起', '单位：人']);
        expect(await page.locator(`#${id} .chart-panel__heading`).allTextContents(), id).toEqual(['查处案件', '抓获涉案人员']);
      }
    });
  });

  test('the month without records (2025-09, 2021-02/03/11) is 无记录 in the table and the sentence', async () => {
    await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      const page = await ctx.newPage();
      await page.goto(sample.server.url('/militia/'));
      const latest = sample.site.summary.latestYear;
      expect(await page.locator('#militia-month .chart-figure__sentence').textContent()).toMatch(/9月无记录。$/);
      const row = page.locator('#militia-month tbody tr').nth(8);
      expect(await row.locator('th').textContent()).toBe('9月');
      expect(await row.locator('td').allTextContents()).toEqual(['— 无记录', '— 无记录']);
      expect(latest).toBe(2025);
      await page.goto(sample.server.url('/militia/2021/'));
      expect(await page.locator('#militia-month-2021 .chart-figure__sentence').textContent()).toMatch(/2月、3月、11月无记录。$/);
    });
  });
});

describe('the JS budget', () => {
  test('a chart page loads at most 60 KB of gzip JavaScript, the PNG export included, and the honours page no shared chunk of it', () => {
    const w = pageWeight(sample.site.distDir, '/', '/funding/');
    // Everything the page loads at once or on demand; the export is part of the chart chunk.
    const js = total(w.assets, (a) => a.kind === 'js');
    expect(js.gzip).toBeLessThanOrEqual(60 * 1024);
    const honors = pageWeight(sample.site.distDir, '/', '/honors/').assets.filter((a) => a.kind === 'js').map((a) => a.file);
    expect(honors.filter((f) => !/honors\.astro_astro_type_script|search-index|elder-mode/.test(f))).toEqual([]);
  });
});
