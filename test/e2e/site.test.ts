/**
 * The sample-data site in real Chromium: KPI figures against summary.json, year switcher, navigation, keyboard focus,
 * print, report downloads, the honors search, phones and 适老化 (every page's load, no-JavaScript and axe checks are in
 * pages.test.ts). The sample site as `npm run build` publishes it (built once per run and shared), served on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Summary } from '../../src/lib/shared/types.ts';
import {
  newPage,
  parseShown,
  withContext,
  visitEach,
  useSampleSite,
} from './harness.ts';


const sample = useSampleSite();

/** What must survive without JavaScript: figures, data tables, key figures, honors. */

describe('key figures', () => {
  const RATE = '驻军子女入学安排率';
  /** Card label → metric id, for the metrics the overview shows (labels come from summary.json itself). */
  function metricByLabel(s: Summary): Map<string, string> {
    const m = new Map<string, string>();
    for (const id of ['funding.total', 'militia.cases', 'militia.persons', 'training.sessions', 'training.participants', 'school.placed', 'honors.count']) {
      const label = s.metrics[id]?.label;
      if (label) m.set(label, id);
    }
    return m;
  }

  interface Card {
    label: string;
    value: string | null;
    figure: string;
    unit: string;
    exact: string;
    change: string;
  }

  async function readCards(page: Page): Promise<Card[]> {
    return page.evaluate(() =>
      Array.from(document.querySelectorAll('.kpi-card')).map((c) => ({
        label: (c.querySelector('h2, h3')?.textContent ?? '').trim(),
        value: c.querySelector('.kpi-card__value data')?.getAttribute('value') ?? null,
        figure: (c.querySelector('.kpi-card__figure')?.textContent ?? '').trim(),
        unit: (c.querySelector('.kpi-card__unit')?.textContent ?? '').trim(),
        exact: (c.querySelector('.kpi-card__exact')?.textContent ?? '').trim(),
        change: (c.querySelector('.kpi-card__change')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
  }

  /** What a card for `id` must say in `year`: value and the change wording's number. */
  function expected(id: string, year: number): { value: number | null; change: number | null; word: '增长' | '下降' | '多' | '少' | '持平' | null; points: boolean } {
    const y = String(year);
    const prev = String(year - 1);
    if (id === 'rate') {
      const req = sample.summary.metrics['school.requested']!.byYear;
      const placed = sample.summary.metrics['school.placed']!.byYear;
      const rate = (k: string): number | null => (req[k] && placed[k] !== undefined ? (placed[k] / req[k]) * 100 : null);
      const r = rate(y);
      const p = rate(prev);
      const diff = r === null || p === null ? null : Number((r - p).toFixed(1));
      return {
        value: r === null ? null : Number(r.toFixed(1)),
        change: diff === null ? null : Math.abs(diff),
        word: diff === null ? null : diff === 0 ? '持平' : diff > 0 ? '增长' : '下降',
        points: true,
      };
    }
    const m = sample.summary.metrics[id]!;
    const value = m.byYear[y] ?? (id === 'honors.count' ? 0 : null);
    if (id === 'honors.count') {
      // Honours are compared as a count difference ("比上年多 1 项"); a data year without honours had 0.
      const before = m.byYear[prev] ?? (sample.summary.years.includes(year - 1) ? 0 : null);
      const diff = value === null || before === null ? null : value - before;
      return { value, change: diff === null ? null : Math.abs(diff), word: diff === null ? null : diff === 0 ? '持平' : diff > 0 ? '多' : '少', points: false };
    }
    const yoy = m.yoy[y] ?? null;
    const pct = yoy === null ? null : Number((Math.abs(yoy) * 100).toFixed(1));
    return { value, change: pct, word: yoy === null ? null : pct === 0 ? '持平' : yoy > 0 ? '增长' : '下降', points: false };
  }

  test(
    'each key figure on the home page and every /year/<y>/ page equals summary.json, with its unit, exact figure and change',
    async () => {
      const byLabel = metricByLabel(sample.summary);
      const failures: string[] = [];
      await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
        const page = await ctx.newPage();
        for (const [path, year] of [['/', sample.summary.latestYear!] as const, ...sample.summary.years.map((y) => [`/year/${y}/`, y] as const)]) {
          await page.goto(sample.server.url(path));
          const h1 = (await page.locator('h1').innerText()).trim();
          if (!h1.includes(String(year))) failures.push(`${path}: h1 «${h1}» lacks the year ${year}`);
          const title = await page.title();
          if (path !== '/' && !title.includes(String(year))) failures.push(`${path}: <title> «${title}» lacks the year`);
          const cards = await readCards(page);
          const seen = new Set<string>();
          for (const c of cards) {
            const id = c.label === RATE ? 'rate' : byLabel.get(c.label);
            if (!id) {
              failures.push(`${path}: card «${c.label}» matches no metric in summary.json`);
              continue;
            }
            seen.add(id);
            const e = expected(id, year);
            const where = `${path} card «${c.label}»`;
            // The machine value.
            if (e.value === null) {
              if (c.value !== null || c.figure !== '—') failures.push(`${where}: expected "—", found value=${c.value} figure=${c.figure}`);
            } else if (c.value === null || Math.abs(Number(c.value) - e.value) > 1e-9) {
              failures.push(`${where}: <data value> ${c.value} ≠ summary.json ${e.value}`);
            }
            // The figure a reader sees: 亿元 = ×10,000 万元, 万 = ×10,000, else the number itself (rounded as shown).
            if (e.value !== null) {
              const shown = parseShown(c.figure);
              const scale = c.unit === '亿元' || c.figure.endsWith('万') ? 1e4 : c.figure.endsWith('亿') ? 1e8 : 1;
              const tol = scale === 1 ? 0.005 + 1e-9 : scale * 0.005 + 1e-6;
              if (shown === null || Math.abs(shown * scale - e.value) > tol) failures.push(`${where}: shows «${c.figure}${c.unit}», summary.json ${e.value}`);
              if (scale !== 1) {
                const exact = parseShown(c.exact);
                if (exact === null || Math.abs(exact - e.value) > 0.005 + 1e-9) failures.push(`${where}: abbreviated without the exact figure (${c.exact || 'none'})`);
              }
              const unit = id === 'rate' ? '%' : sample.summary.metrics[id]!.unit;
              if (c.unit !== unit && !(unit === '万元' && c.unit === '亿元')) failures.push(`${where}: unit «${c.unit}», summary.json «${unit}»`);
            }
            // The change: 增长/下降 x.x% (百分点 for the rate, 多/少 n 项 for honours), 持平, or — 无上年数据 / 上年为零.
            if (e.value !== null) {
              if (e.word === null) {
                if (!/无上年数据|上年为零/.test(c.change)) failures.push(`${where}: change «${c.change}», expected 无上年数据/上年为零`);
              } else if (e.word === '持平') {
                if (!c.change.includes('持平')) failures.push(`${where}: change «${c.change}», expected 持平`);
              } else {
                const word = e.points ? (e.word === '增长' ? '提高' : '下降') : e.word;
                const n = parseShown(c.change.replace(/^[^\d]*?(?=\d)/, ''));
                if (!c.change.includes(word) || n === null || Math.abs(n - e.change!) > 1e-9) {
                  failures.push(`${where}: change «${c.change}», expected ${word} ${e.change}${e.points ? ' 个百分点' : e.word === '多' || e.word === '少' ? '' : '%'}`);
                }
                if (e.points && !c.change.includes('百分点')) failures.push(`${where}: a rate's change must be in 百分点: «${c.change}»`);
              }
            }
          }
          for (const id of [...byLabel.values(), 'rate']) if (!seen.has(id)) failures.push(`${path}: no card for ${id}`);
          // The streak headline equals sample.summary.honors.streak on the latest year's pages.
          if (year === sample.summary.latestYear && sample.summary.honors.streak.years > 0) {
            const n = await page.locator('.streak data').getAttribute('value');
            if (Number(n) !== sample.summary.honors.streak.years) failures.push(`${path}: streak ${n} ≠ summary.json ${sample.summary.honors.streak.years}`);
          }
        }
      });
      expect(failures, failures.join('\n')).toEqual([]);
    },
    120_000,
  );
});

describe('navigation', () => {
  test(
    'the year switcher on the home page reaches every year of summary.json, each page titled with its year',
    async () => {
      await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
        const { page, problems } = await newPage(ctx, sample.server.origin);
        await page.goto(sample.server.url('/'));
        const switcher = page.getByRole('navigation', { name: '选择年度' });
        const labels = await switcher.getByRole('link').allInnerTexts();
        expect(labels.map((l) => Number.parseInt(l, 10)).sort()).toEqual(sample.summary.years);
        // Each click is made on the page the previous one opened: the switcher is on every year's page.
        for (const y of sample.summary.years) {
          await page.getByRole('navigation', { name: '选择年度' }).getByRole('link', { name: `${y}年`, exact: true }).click();
          await page.waitForURL(sample.server.url(`/year/${y}/`));
          await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(String(y));
          await expect(page.title()).resolves.toContain(String(y));
          const current = page.getByRole('navigation', { name: '选择年度' }).locator('[aria-current="page"]');
          await expect(current.innerText()).resolves.toBe(`${y}年`);
        }
        expect(problems, problems.join('\n')).toEqual([]);
      });
    },
    90_000,
  );

  test(
    'every main navigation link opens its page, marked as the current one',
    async () => {
      await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
        const { page, problems } = await newPage(ctx, sample.server.origin);
        await page.goto(sample.server.url('/'));
        const nav = page.getByRole('navigation', { name: '主导航' });
        const links = await nav.getByRole('link').evaluateAll((as) => as.map((a) => ({ text: (a.textContent ?? '').trim(), href: (a as HTMLAnchorElement).href })));
        expect(links.length).toBeGreaterThanOrEqual(8);
        // Each click is made on the page the previous one opened: the navigation is on every page.
        for (const l of links) {
          await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: l.text, exact: true }).click();
          await page.waitForURL(l.href, { waitUntil: 'load' });
          expect(page.url(), l.text).toBe(l.href);
          await expect(page.getByRole('heading', { level: 1 }).count(), `${l.href} has one h1`).resolves.toBe(1);
          const current = await page.getByRole('navigation', { name: '主导航' }).locator('[aria-current="page"]').allInnerTexts();
          expect(current, `${l.href} marks «${l.text}» as current`).toEqual([l.text]);
        }
        expect(problems, problems.join('\n')).toEqual([]);
      });
    },
    90_000,
  );

  test('every internal link and asset on every page resolves (no 404), and an unknown address shows the 404 page', async () => {
    const broken: string[] = [];
    const checked = new Map<string, number>();
    for (const path of sample.pages) {
      const html = await (await fetch(sample.server.url(path))).text();
      for (const m of html.matchAll(/\s(?:href|src)="([^"#][^"]*)"/g)) {
        const raw = m[1]!.replace(/&amp;/g, '&');
        const u = new URL(raw, sample.server.url(path));
        if (u.origin !== sample.server.origin) continue; // other hosts are the external-host check's (and canonical/og URLs use the configured site)
        const key = u.pathname;
        if (!checked.has(key)) checked.set(key, (await fetch(u, { method: 'HEAD', redirect: 'follow' })).status);
        if (checked.get(key) !== 200) broken.push(`${path}: ${raw} → ${checked.get(key)}`);
      }
    }
    expect(broken, broken.join('\n')).toEqual([]);
    expect(checked.size).toBeGreaterThan(sample.pages.length);
    const missing = await fetch(sample.server.url('/no-such-page/'));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<h1');
  }, 60_000);
});

describe('keyboard', () => {
  test.each(['/', '/funding/', '/honors/', `/report/LATEST/`])(
    'on %s Tab reaches every link and button, each with a visible focus indicator, the skip link first',
    async (path0) => {
      const path = path0.replace('LATEST', String(sample.summary.latestYear));
      await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
        const page = await ctx.newPage();
        await page.goto(sample.server.url(path));
        // Tag every element that should be reachable: visible links, buttons, summaries and form fields.
        const total = await page.evaluate(() => {
          const els = Array.from(document.querySelectorAll<HTMLElement>('a[href], button, summary, input, select, textarea'));
          let n = 0;
          for (const el of els) {
            if ((el as HTMLButtonElement).disabled) continue;
            if (!el.checkVisibility({ visibilityProperty: true })) continue;
            if (el.getAttribute('tabindex') === '-1') continue;
            el.dataset.e2eFocus = String(n++);
          }
          return n;
        });
        const reached = new Set<string>();
        const noIndicator: string[] = [];
        let first: string | null = null;
        for (let i = 0; i < total + 40; i++) {
          await page.keyboard.press('Tab');
          const f = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            if (!el || el === document.body) return null;
            const s = getComputedStyle(el);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
            return {
              key: el.dataset.e2eFocus ?? null,
              desc: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} «${(el.textContent ?? '').trim().slice(0, 20)}»`,
              skip: el.classList.contains('skip-link'),
              visible: outline || shadow,
            };
          });
          if (f === null) {
            if (reached.size > 0) break; // wrapped past the end of the page
            continue;
          }
          if (first === null) first = f.skip ? 'skip' : f.desc;
          if (f.key !== null && reached.has(f.key)) break;
          if (f.key !== null) reached.add(f.key);
          if (!f.visible) noIndicator.push(f.desc);
        }
        expect(first, 'the skip link is the first Tab stop').toBe('skip');
        const missed = await page.evaluate(
          (seen) =>
            Array.from(document.querySelectorAll<HTMLElement>('[data-e2e-focus]'))
              .filter((el) => !seen.includes(el.dataset.e2eFocus!))
              .map((el) => `${el.tagName.toLowerCase()} «${(el.textContent ?? '').trim().slice(0, 30)}»`),
          [...reached],
        );
        expect(missed, `not reachable by Tab: ${missed.join(', ')}`).toEqual([]);
        expect(noIndicator, `no visible focus indicator: ${noIndicator.join(', ')}`).toEqual([]);
        // The skip link moves focus to the main content.
        await page.goto(sample.server.url(path));
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
      });
    },
    60_000,
  );
});

describe('print', () => {
  test.each(['/', '/report/LATEST/'])('print emulation on %s hides navigation and controls', async (path0) => {
    const path = path0.replace('LATEST', String(sample.summary.latestYear));
    await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      const page = await ctx.newPage();
      await page.goto(sample.server.url(path));
      const onScreen = await page.locator('nav, button:not([hidden]), .skip-link').count();
      expect(onScreen).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('nav, button, input, select, .year-switcher, .site-header, .skip-link, .download-link'))
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return el.checkVisibility({ visibilityProperty: true }) && r.width > 0 && r.height > 0;
          })
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} «${(el.textContent ?? '').trim().slice(0, 30)}»`),
      );
      expect(shown, `visible in print: ${shown.join(', ')}`).toEqual([]);
      // What the page is about stays: the heading, and the data date (the report: its data period, once, under the title).
      await expect(page.locator('h1').isVisible()).resolves.toBe(true);
      if (path0 === '/') {
        await expect(page.locator('.print-header').isVisible()).resolves.toBe(true);
      } else {
        await expect(page.locator('.print-header').isVisible()).resolves.toBe(false);
        const text = await page.evaluate(() => document.body.innerText);
        expect(text.match(/数据截至\d{4}年/g)).toEqual([`数据截至${sample.summary.latestYear}年`]);
        expect(text).not.toMatch(/生成于|数据更新/);
      }
    });
  }, 60_000);

  test('every year’s report prints on whole A4 pages: two for the sample data, none left nearly empty', async () => {
    await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      const page = await ctx.newPage();
      const counts: Record<number, number> = {};
      for (const year of sample.summary.years) {
        await page.goto(sample.server.url(`/report/${year}/`));
        const pdf = await page.pdf({ preferCSSPageSize: true });
        counts[year] = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      }
      expect(counts).toEqual(Object.fromEntries(sample.summary.years.map((y) => [y, 2])));
    });
  }, 120_000);
});

describe('report downloads', () => {
  test('the report page offers its Word file beside 打印 and the .txt, and the file is a Word document', async () => {
    const year = sample.summary.latestYear!;
    await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      const page = await ctx.newPage();
      await page.goto(sample.server.url(`/report/${year}/`));
      const links = page.locator('.report-actions a');
      await expect(links.evaluateAll((as) => as.map((a) => [a.textContent?.trim(), a.getAttribute('href'), a.getAttribute('download')]))).resolves.toEqual([
        ['下载 Word 文档 (.docx)', `/report/${year}.docx`, `示例区${year}年度党管武装工作述职报告.docx`],
        ['下载纯文本 (.txt)', `/report/${year}.txt`, `示例区${year}年度党管武装工作述职报告.txt`],
      ]);
    });
    for (const y of sample.summary.years) {
      const bytes = readFileSync(join(sample.site.distDir, 'report', `${y}.docx`));
      expect(bytes.subarray(0, 4).toString('latin1'), `${y}.docx is a zip`).toBe('PK\u0003\u0004');
      expect(bytes.includes(Buffer.from('word/document.xml')), `${y}.docx has a document`).toBe(true);
    }
  }, 60_000);
});

describe('honors search', () => {
  test(
    'typing a Chinese substring filters the honors and announces the count; a string that matches nothing says so',
    async () => {
      await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
        const { page, problems } = await newPage(ctx, sample.server.origin);
        await page.goto(sample.server.url('/honors/'));
        const total = await page.locator('[data-honor]').count();
        expect(total).toBeGreaterThan(0);
        const box = page.getByRole('searchbox', { name: '搜索荣誉' });
        await box.click();
        await box.pressSequentially('模范', { delay: 30 });
        const status = page.locator('[data-honor-status]');
        await expect.poll(() => status.innerText(), { timeout: 5_000 }).toMatch(/找到 \d+ 项/);
        const announced = Number(/找到 (\d+) 项/.exec(await status.innerText())![1]);
        await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
        const visible = await page.locator('[data-honor]:visible').allInnerTexts();
        expect(visible.length).toBe(announced);
        expect(announced).toBeGreaterThan(0);
        expect(announced).toBeLessThan(total);
        for (const t of visible) expect(t).toContain('模范');
        // Every honor whose text contains 模范 is among the results.
        const all = await page.locator('[data-honor]').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
        expect(all.filter((t) => t.includes('模范')).length).toBe(announced);
        await expect(page.locator('[data-honor-empty]').isVisible()).resolves.toBe(false);

        await box.fill('');
        await box.pressSequentially('绝无此项荣誉', { delay: 30 });
        await expect.poll(() => status.innerText(), { timeout: 5_000 }).toContain('没有找到');
        await expect(page.locator('[data-honor-empty]').isVisible()).resolves.toBe(true);
        await expect(page.locator('[data-honor]:visible').count()).resolves.toBe(0);

        await box.press('Escape');
        await expect.poll(() => page.locator('[data-honor]:visible').count(), { timeout: 5_000 }).toBe(total);
        expect(problems, problems.join('\n')).toEqual([]);
      });
    },
    60_000,
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Issue 12: phones, 适老化, print, public /about/ and the workbook.

/** Whether `word` is split over two lines anywhere in the elements matching `selector` (false when it is absent). */
function splitWords(page: Page, selector: string, words: string[]): Promise<string[]> {
  return page.evaluate(
    ({ selector, words }) => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll(selector))) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        const text = nodes.map((n) => n.data).join('');
        for (const word of words) {
          for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            // Map the word's characters back to text nodes and collect each character's line (its top).
            const tops = new Set<number>();
            for (let k = at; k < at + word.length; k++) {
              let off = k;
              const node = nodes.find((n) => (off < n.data.length ? true : ((off -= n.data.length), false)));
              if (!node) continue;
              const r = document.createRange();
              r.setStart(node, off);
              r.setEnd(node, off + 1);
              const rect = r.getBoundingClientRect();
              if (rect.width > 0) tops.add(Math.round(rect.top));
            }
            if (tops.size > 1) out.push(`${word} in «${text.trim().slice(0, 40)}»`);
          }
        }
      }
      return out;
    },
    { selector, words },
  );
}

describe('phones and 适老化 (issue 12)', () => {
  test.each([false, true])(
    'at 360 px (适老化 %s) the navigation is one row, row labels and chart titles never break inside a word, and nothing scrolls sideways',
    async (elder) => {
      await withContext(sample.browser, { viewport: { width: 360, height: 780 } }, async (ctx) => {
        if (elder) await ctx.addInitScript(() => window.localStorage.setItem('elder-mode', '1'));
        const failures: string[] = [];
        await visitEach(ctx, sample.server.origin, ['/', '/funding/', '/militia/', '/indicators/', '/honors/', '/about/'], async ({ page, path, problems }) => {
          await page.goto(sample.server.url(path));
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
          const rows = await page.locator('.site-nav li').evaluateAll((lis) => new Set(lis.map((li) => Math.round(li.getBoundingClientRect().top))).size);
          if (rows !== 1) failures.push(`${path}: navigation on ${rows} rows`);
          const current = await page.locator('.site-nav [aria-current="page"]').evaluateAll((as) =>
            as.map((a) => {
              const r = a.getBoundingClientRect();
              return r.left >= 0 && r.right <= window.innerWidth;
            }),
          );
          if (current.includes(false)) failures.push(`${path}: the current page's link is scrolled out of view`);
          const multiLine = await page.locator('table.data-table th[scope="row"]').evaluateAll((ths) =>
            ths
              .filter((th) => {
                const r = document.createRange();
                r.selectNodeContents(th);
                return new Set(Array.from(r.getClientRects()).filter((x) => x.width > 0).map((x) => Math.round(x.top))).size > 1;
              })
              .map((th) => (th.textContent ?? '').trim()),
          );
          if (multiLine.length > 0) failures.push(`${path}: row labels broken over lines: ${multiLine.join('、')}`);
          for (const w of await splitWords(page, 'h1, h2, h3, .kpi-card__label', ['抓获涉案人员', '双拥模范城', '查处案件', '比上年增减', '办事处', '安排人数'])) failures.push(`${path}: ${w}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 1) failures.push(`${path}: page scrolls sideways by ${overflow} px`);
          failures.push(...problems.map((p) => `${path}: ${p}`));
        });
        expect(failures, failures.join('\n')).toEqual([]);
      });
    },
    90_000,
  );

  test('a table wider than a phone keeps its label column in place and says it scrolls', async () => {
    await withContext(sample.browser, { viewport: { width: 360, height: 780 } }, async (ctx) => {
      const { page, problems } = await newPage(ctx, sample.server.origin);
      await page.goto(sample.server.url('/indicators/'));
      const wrap = page.locator('.table-wrap').first();
      const state = await wrap.evaluate((w) => ({ scrolls: w.scrollWidth > w.clientWidth, hint: getComputedStyle(w.querySelector('caption')!, '::before').content }));
      expect(state.scrolls).toBe(true);
      expect(state.hint).toContain('左右滑动查看更多列');
      const before = await wrap.evaluate((w) => w.querySelector('th[scope="row"]')!.getBoundingClientRect().left);
      await wrap.evaluate((w) => (w.scrollLeft = 200));
      const after = await wrap.evaluate((w) => ({ label: w.querySelector('th[scope="row"]')!.getBoundingClientRect().left, cell: w.querySelector('td')!.getBoundingClientRect().left }));
      expect(after.label).toBe(before);
      expect(after.cell).toBeLessThan(before + 1);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }, 60_000);

  test('the 适老化 toggle shows its state in its label and aria-pressed, and key figures grow as much as body text', async () => {
    await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      const { page, problems } = await newPage(ctx, sample.server.origin);
      await page.goto(sample.server.url('/'));
      const toggle = page.getByRole('button', { name: '适老化' });
      const sizes = () =>
        page.evaluate(() => ({
          body: parseFloat(getComputedStyle(document.body).fontSize),
          figure: parseFloat(getComputedStyle(document.querySelector('.kpi-card__figure')!).fontSize),
        }));
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
      await expect(toggle.innerText()).resolves.toBe('适老化：关');
      const off = await sizes();
      await toggle.click();
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(toggle.innerText()).resolves.toBe('适老化：开');
      const on = await sizes();
      expect([off.body, on.body]).toEqual([16, 20]);
      expect(on.figure / off.figure).toBeCloseTo(on.body / off.body, 5);
      // The choice is remembered on the next page, label included.
      await page.goto(sample.server.url('/funding/'));
      await expect(page.getByRole('button', { name: '适老化' }).innerText()).resolves.toBe('适老化：开');
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }, 60_000);
});

describe('print (issue 12)', () => {
  /** Pages in a PDF: Chromium writes one "/Type /Page" object per page. */
  const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

  test('the home page prints on one A4 page, without buttons, in the light palette whatever the screen theme', async () => {
    const colours: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await withContext(sample.browser, { viewport: { width: 1280, height: 900 }, colorScheme }, async (ctx) => {
        const page = await ctx.newPage();
        await page.goto(sample.server.url('/'));
        await page.emulateMedia({ media: 'print', colorScheme });
        colours.push(await page.locator('.kpi-card__spark').first().evaluate((s) => getComputedStyle(s).color));
        await expect(page.locator('.button-link:visible, button:visible').count()).resolves.toBe(0);
        expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBe(1);
      });
    }
    expect(colours[1]).toBe(colours[0]);
  }, 60_000);

  test('the honors page prints each honor once and no in-page link lists', async () => {
    await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      const page = await ctx.newPage();
      await page.goto(sample.server.url('/honors/'));
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('[data-honor]:visible').count()).toBe(await page.locator('[data-honor]').count());
      // Every visible list item that names an honor (its title and recipient) is that honor's own entry: no second list.
      const repeats = await page.evaluate(() => {
        const visible = (e: Element) => (e as HTMLElement).checkVisibility({ visibilityProperty: true });
        const leaves = Array.from(document.querySelectorAll('main li')).filter((li) => visible(li) && li.querySelector('li') === null);
        const honors = Array.from(document.querySelectorAll<HTMLElement>('[data-honor]')).map((h) => ({
          title: h.querySelector('a')?.textContent ?? '',
          who: h.querySelector('b')?.textContent ?? '',
        }));
        const out: string[] = [];
        for (const h of honors) {
          const same = honors.filter((x) => x.title === h.title && x.who === h.who).length;
          const shown = leaves.filter((li) => (li.textContent ?? '').includes(h.title) && (li.textContent ?? '').includes(h.who)).length;
          if (shown !== same) out.push(`${h.title} ${h.who}: printed ${shown} times, ${same} honors`);
        }
        return { out, honors: honors.length, leaves: leaves.length };
      });
      expect(repeats.out).toEqual([]);
      expect(repeats.leaves).toBe(repeats.honors);
      await expect(page.locator('.toc:visible, .honor-search:visible').count()).resolves.toBe(0);
    });
  }, 60_000);
});

describe('public /about/ and downloads (issue 12)', () => {
  test('the about page names no internal column, header spelling or config file, states the data period, and lists each CSV once after the workbook', async () => {
    await withContext(sample.browser, { viewport: { width: 1280, height: 900 } }, async (ctx) => {
      const { page, problems } = await newPage(ctx, sample.server.origin);
      await page.goto(sample.server.url('/about/'));
      const text = await page.locator('main').innerText();
      const { DATASETS } = await import('../../src/lib/data/schema/index.ts');
      const internal = DATASETS.flatMap((d) => d.columns.filter((c) => 'internal' in c && c.internal).map((c) => c.label as string));
      expect(internal.length).toBeGreaterThan(0);
      for (const word of [...internal, '可用表头', '内部字段', 'config.json', '表头']) expect(text, word).not.toContain(word);
      expect(text).toContain(`数据覆盖${sample.summary.years[0]}—${sample.summary.years.at(-1)}年`);
      const links = await page.locator('main a[href*="/downloads/"]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links[0]).toBe('/downloads/tables.xlsx');
      const csv = links.filter((l) => l.endsWith('.csv'));
      expect(new Set(csv).size).toBe(csv.length);
      for (const y of sample.summary.years) expect(csv.filter((l) => l.endsWith(`-${y}.csv`))).toHaveLength(3);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }, 60_000);

  test('the workbook opens with exceljs: a contents sheet and one sheet per listed CSV, numbers stored as numbers', async () => {
    const res = await fetch(sample.server.url('/downloads/tables.xlsx'));
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const about = await (await fetch(sample.server.url('/about/'))).text();
    const listed = new Set([...about.matchAll(/href="[^"]*\/downloads\/([^"]+)\.csv"/g)].map((m) => m[1]));
    expect(wb.worksheets[0]!.name).toBe('目录');
    expect(wb.worksheets.length).toBe(listed.size + 1);
    const funding = wb.worksheets.find((w) => w.name === '历年经费投入')!;
    const last = sample.summary.latestYear!;
    const row = funding.getRows(1, funding.rowCount)!.find((r) => r.getCell(1).value === `${last}年`)!;
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(2).value).toBe(sample.summary.metrics['funding.total']!.byYear[String(last)]);
    expect(row.getCell(2).numFmt).toBe('#,##0.00');
  }, 60_000);
});
