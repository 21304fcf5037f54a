import { describe, expect, it } from 'vitest';
import { compareReport, pageType, weightsByType } from '../../../scripts/bench-site/large.ts';
import type { PageWeight } from '../../../scripts/bench-site/page-weight.ts';

const page = (path: string, html: number, js = 0): PageWeight => ({
  path,
  assets: [
    { file: `${path}index.html`, kind: 'html', raw: html * 10, gzip: html, onDemand: false },
    ...(js ? [{ file: 'a.js', kind: 'js' as const, raw: js * 3, gzip: js, onDemand: false }] : []),
    { file: 'lazy.js', kind: 'js', raw: 99_999, gzip: 99_999, onDemand: true },
  ],
});

describe('bench:site --large', () => {
  it('treats every year page as one page type', () => {
    expect(pageType('/year/1986/')).toBe('/year/<年>/');
    expect(pageType('/militia/2025/')).toBe('/militia/<年>/');
    expect(pageType('/honors/')).toBe('/honors/');
  });

  it('gives per type the page count and the heaviest page, JS loaded at once only', () => {
    expect(weightsByType([page('/year/2024/', 3000), page('/year/2025/', 5000, 2048), page('/', 4000)])).toEqual([
      { type: '/year/<年>/', pages: 2, htmlRaw: 50_000, htmlGzip: 5000, jsGzip: 2048 },
      { type: '/', pages: 1, htmlRaw: 40_000, htmlGzip: 4000, jsGzip: 0 },
    ]);
  });

  it('reports sample and large side by side and checks the honors page against 60 KB gzip', () => {
    const width = (s: string): number => s.length;
    const lines = compareReport([page('/honors/', 4096)], [page('/honors/', 70 * 1024), page('/year/1986/', 1024)], width);
    expect(lines.find((l) => l.startsWith('/honors/'))).toBe(`/honors/${' '.repeat(8)}     1${' '.repeat(12)}40.0/4.0      0.0        1${' '.repeat(10)}700.0/70.0      0.0`);
    expect(lines.find((l) => l.startsWith('/year/'))).toContain('—');
    expect(lines.at(-1)).toBe('MISS 大数据集 /honors/ HTML 70.0 KB gzip ≤ 60 KB');
    expect(compareReport([], [page('/honors/', 50 * 1024)], width).at(-1)).toBe('OK   大数据集 /honors/ HTML 50.0 KB gzip ≤ 60 KB');
  });
});
