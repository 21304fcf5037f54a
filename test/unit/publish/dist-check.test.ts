import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkDist, findExternalRefs, formatExternalRef, isAllowedUrl } from '../../../src/lib/publish/dist-check.ts';
import { defaultPaths, publish } from '../../../src/lib/publish/publish.ts';
import type { DataStepResult, PublishDeps } from '../../../src/lib/publish/publish.ts';
import type { Details, Summary } from '../../../src/lib/shared/types.ts';

const site = 'https://www.example.gov.cn/';
let dir: string;

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dist-check-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('checkDist', () => {
  it('finds nothing in a site that only references itself', () => {
    write({
      'index.html': [
        '<!doctype html><html><head>',
        '<link rel="canonical" href="https://www.example.gov.cn/">',
        '<meta property="og:url" content="https://www.example.gov.cn/">',
        '<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/a.css">',
        '<script type="module" src="/_astro/a.js"></script></head>',
        '<body><a href="funding/">经费</a><a href="#main">跳到正文</a><img src="data:image/png;base64,AAAA" alt=""></body></html>',
      ].join('\n'),
      '_astro/a.css': '.a{background:url(/_astro/bg.svg)}@import "../b.css";',
      '_astro/a.js': 'const r=await fetch("/data/summary.json");const m=await import("../chunk.js");/*! Chart.js https://www.chartjs.org */',
      'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#a"/></svg>',
      'sitemap.xml': '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>https://www.example.gov.cn/about/</loc></url></urlset>',
      'robots.txt': 'User-agent: *\nSitemap: https://www.example.gov.cn/sitemap.xml\n',
      'data/summary.json': '{"note":"见 http://www.stats.gov.cn 的说明"}',
      'downloads/a.csv': '名称,链接\n"=HYPERLINK(""http://evil"",""x"")",1\n',
      'logo.png': 'src="https://cdn.example.com/not-scanned"',
    });
    expect(checkDist(dir, { site })).toEqual([]);
  });

  it('names the file and line of a script loaded from a CDN', () => {
    write({
      'index.html': '<!doctype html>\n<html><head>\n<script src="https://cdn.example.com/x.js"></script>\n</head></html>',
      'funding/index.html': '<p>ok</p>',
    });
    const found = checkDist(dir, { site });
    expect(found).toEqual([{ file: 'index.html', line: 3, url: 'https://cdn.example.com/x.js' }]);
    expect(formatExternalRef(found[0]!)).toBe('dist/index.html:3: 错误: 引用了外部地址 https://cdn.example.com/x.js');
  });

  it('reports files in nested folders with forward slashes, sorted by path', () => {
    write({
      'report/2025/index.html': '<img src="//img.example.com/a.png">',
      'about/index.html': '<link rel="stylesheet" href="http://fonts.example.com/css">',
    });
    expect(checkDist(dir, { site })).toEqual([
      { file: 'about/index.html', line: 1, url: 'http://fonts.example.com/css' },
      { file: 'report/2025/index.html', line: 1, url: '//img.example.com/a.png' },
    ]);
  });

  it('gives an empty list for an empty folder', () => {
    expect(checkDist(dir, { site })).toEqual([]);
  });
});

describe('findExternalRefs', () => {
  const cases: [string, string, string][] = [
    ['an unquoted src attribute', '<img src=https://a.example/x.png>', 'https://a.example/x.png'],
    ['a single-quoted href', "<a href='https://a.example/'>外链</a>", 'https://a.example/'],
    ['a protocol-relative script', '<script src="//a.example/x.js"></script>', '//a.example/x.js'],
    ['the second entry of a srcset', '<img srcset="/a.png 1x, https://a.example/b.png 2x">', 'https://a.example/b.png'],
    ['a form posting elsewhere', '<form action="https://a.example/post">', 'https://a.example/post'],
    ['a CSS url()', '.x{background:url("https://a.example/bg.png")}', 'https://a.example/bg.png'],
    ['a protocol-relative CSS url()', '@font-face{src:url(//a.example/f.woff2)}', '//a.example/f.woff2'],
    ['a CSS @import', '@import "https://a.example/x.css";', 'https://a.example/x.css'],
    ['a CSS @import url()', '@import url(https://a.example/x.css);', 'https://a.example/x.css'],
    ['an inline style attribute', '<div style="background:url(https://a.example/i.png)"></div>', 'https://a.example/i.png'],
    ['fetch of a remote URL', 'const r=await fetch("https://api.example.com/v1")', 'https://api.example.com/v1'],
    ['fetch with a template literal', 'fetch(`https://api.example.com/${id}`)', 'https://api.example.com/${id}'],
    ['a dynamic import', 'import("https://esm.example.com/mod.js")', 'https://esm.example.com/mod.js'],
    ['a static import', 'import{a as b}from"https://esm.example.com/m.js";', 'https://esm.example.com/m.js'],
    ['a bare static import', 'import "https://esm.example.com/side.js";', 'https://esm.example.com/side.js'],
    ['an XHR open', 'x.open("GET","https://api.example.com/d")', 'https://api.example.com/d'],
    ['a DOM src write', 'img.src="https://a.example/p.gif"', 'https://a.example/p.gif'],
    ['a setAttribute href', 'l.setAttribute("href","//a.example/x.css")', '//a.example/x.css'],
    ['a websocket', 'new WebSocket("wss://a.example/ws")', 'wss://a.example/ws'],
    ['a JSON-escaped attribute', '{"html":"<img src=\\"https://a.example/x.png\\">"}', 'https://a.example/x.png'],
    ['a sitemap line in robots.txt to another host', 'Sitemap: https://a.example/sitemap.xml', 'https://a.example/sitemap.xml'],
  ];
  it.each(cases)('finds %s', (_name, text, url) => {
    expect(findExternalRefs(text, 'f', { site }).map((r) => r.url)).toEqual([url]);
  });

  it('names a preconnect hint once, with its host', () => {
    const text = '<link rel="preconnect" href="https://fonts.example.com" crossorigin>';
    expect(findExternalRefs(text, 'index.html', { site })).toEqual([{ file: 'index.html', line: 1, url: 'https://fonts.example.com' }]);
  });

  it('names a dns-prefetch hint without an href by its tag, and allows one to the site itself', () => {
    expect(findExternalRefs('<link rel=dns-prefetch>', 'f', { site }).map((r) => r.url)).toEqual(['<link rel=dns-prefetch>']);
    expect(findExternalRefs('<link rel="preconnect" href="https://www.example.gov.cn">', 'f', { site })).toEqual([]);
  });

  it('counts lines physically across CRLF, lone CR and blank lines', () => {
    const text = '<p>\r\n\r\n<p>\r<img src="https://a.example/x.png">';
    expect(findExternalRefs(text, 'f', { site })).toEqual([{ file: 'f', line: 4, url: 'https://a.example/x.png' }]);
  });

  it('ignores URLs written as text, licence banners and namespaces', () => {
    const text = [
      '<p>详见 https://www.stats.gov.cn/ 与 //注释</p>',
      '/*! Chart.js v4 | https://www.chartjs.org | MIT */',
      'document.createElementNS("http://www.w3.org/2000/svg","svg")',
      '<svg xmlns="http://www.w3.org/2000/svg">',
      '<p>&lt;script src=&quot;https://evil.example/x.js&quot;&gt;</p>',
      '<p>见 src=https://www.stats.gov.cn/ 一文</p>',
    ].join('\n');
    expect(findExternalRefs(text, 'f', { site })).toEqual([]);
  });
});

describe('isAllowedUrl', () => {
  it('allows the configured site origin, absolute or protocol-relative', () => {
    expect(isAllowedUrl('https://www.example.gov.cn/zt/sy/', site)).toBe(true);
    expect(isAllowedUrl('//www.example.gov.cn/sitemap.xml', site)).toBe(true);
  });
  it('refuses another scheme, port or host of the same name', () => {
    expect(isAllowedUrl('http://www.example.gov.cn/', site)).toBe(false);
    expect(isAllowedUrl('https://www.example.gov.cn:8443/', site)).toBe(false);
    expect(isAllowedUrl('https://www.example.gov.cn.evil.example/', site)).toBe(false);
  });
  it('allows XML namespace and sitemap schema URIs', () => {
    expect(isAllowedUrl('http://www.w3.org/2000/svg', site)).toBe(true);
    expect(isAllowedUrl('http://www.sitemaps.org/schemas/sitemap/0.9', site)).toBe(true);
  });
  it('refuses everything when the site URL itself is malformed', () => {
    expect(isAllowedUrl('https://www.example.gov.cn/', 'not a url')).toBe(false);
  });
});

describe('publish with the dist check', () => {
  const summary: Summary = {
    schemaVersion: 1,
    generatedAt: '2026-01-01T00:00:00.000Z',
    years: [2025],
    latestYear: 2025,
    metrics: {},
    honors: { streak: { title: '双拥模范城', years: 0, through: null } },
  };
  const details: Details = { schemaVersion: 1, generatedAt: summary.generatedAt, files: [], breakdowns: {}, honors: [], indicators: [] };
  const runData: PublishDeps['runData'] = async (_data, outDir): Promise<DataStepResult> => {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary));
    writeFileSync(join(outDir, 'details.json'), JSON.stringify(details));
    return { ok: true, issues: [], summary, details };
  };
  const site = (html: string): PublishDeps['buildSite'] => async ({ outDir }) => {
    mkdirSync(join(outDir, 'funding'), { recursive: true });
    writeFileSync(join(outDir, 'index.html'), '<link rel="canonical" href="http://localhost/">');
    writeFileSync(join(outDir, 'funding', 'index.html'), html);
  };

  it('fails the build naming file, line and URL, and leaves dist as it was', async () => {
    mkdirSync(join(dir, 'data'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), 'old');
    const logs: string[] = [];
    const deps = (html: string): PublishDeps => ({ runData, buildSite: site(html), log: (l) => logs.push(l) });
    const r = await publish(defaultPaths(dir), deps('<h1>经费</h1>\n<script src="https://cdn.example.com/x.js"></script>'));
    expect(r.exitCode).toBe(1);
    expect(logs).toContain('dist/funding/index.html:2: 错误: 引用了外部地址 https://cdn.example.com/x.js');
    expect(logs.at(-1)).toBe('站点构建未通过外部引用检查。已发布的网站未改动（dist/ 保持原样）。');
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('old');

    const ok = await publish(defaultPaths(dir), deps('<h1>经费</h1><script src="/_astro/x.js"></script>'));
    expect(ok.exitCode).toBe(0);
  });
});
