/**
 * bench:site --large: writes the large data set (scripts/large-data/generate.ts: 40 years, 3,000 honours,
 * 1,000,000 militia rows), publishes it with `npm run build` into .cache/large-dist (dist/ and the sample's
 * .cache/data, which dev and tests read, are untouched),
 * and reports its build time and page weights beside the sample site's, one line per page type.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeLargeData, LARGE_DEFAULTS } from '../large-data/generate.ts';
import { listPages, pageWeight, total } from './page-weight.ts';
import type { PageWeight } from './page-weight.ts';

/** The honors page's HTML budget with the large set (issue 12). */
export const HONORS_HTML_GZIP_KB = 60;

/** Page types: a page's path with its year replaced, so 40 year pages are one line. */
export function pageType(path: string): string {
  return path.replace(/\/\d{4}\//, '/<年>/');
}

export interface TypeWeight {
  type: string;
  pages: number;
  /** The heaviest page of the type. */
  htmlRaw: number;
  htmlGzip: number;
  jsGzip: number;
}

/** Per page type: page count and the heaviest page's HTML (raw, gzip) and JS loaded at once (gzip), in first-seen order. */
export function weightsByType(weights: readonly PageWeight[]): TypeWeight[] {
  const out = new Map<string, TypeWeight>();
  for (const w of weights) {
    const type = pageType(w.path);
    const html = total(w.assets, (a) => a.kind === 'html');
    const js = total(w.assets, (a) => a.kind === 'js' && !a.onDemand);
    const t = out.get(type) ?? { type, pages: 0, htmlRaw: 0, htmlGzip: 0, jsGzip: 0 };
    t.pages++;
    if (html.gzip > t.htmlGzip) {
      t.htmlRaw = html.raw;
      t.htmlGzip = html.gzip;
    }
    t.jsGzip = Math.max(t.jsGzip, js.gzip);
    out.set(type, t);
  }
  return [...out.values()];
}

export interface LargeRun {
  distDir: string;
  /** The build's own timing line ("用时：数据校验 … 合计 … s"), or null when it printed none. */
  timing: string | null;
  wallSeconds: number;
  ok: boolean;
  output: string;
}

/** Write the large set into `<root>/.cache/large-data` and publish it into `<root>/.cache/large-dist`. */
export async function buildLarge(root: string): Promise<LargeRun> {
  const dataDir = join(root, '.cache', 'large-data');
  const distDir = join(root, '.cache', 'large-dist');
  await writeLargeData(dataDir);
  const template = join(root, 'data', 'report-template.md');
  if (existsSync(template)) copyFileSync(template, join(dataDir, 'report-template.md'));
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'build.ts'), '--data-dir', dataDir, '--dist-dir', distDir, '--cache-dir', join(root, '.cache', 'large-cache'), '--site-data-dir', join(root, '.cache', 'large-site-data'), '--report-file', join(root, '.cache', 'large-build-report.txt')],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  return { distDir, timing: /用时：.*合计 [\d.]+ s/.exec(output)?.[0] ?? null, wallSeconds: (performance.now() - t0) / 1000, ok: r.status === 0, output };
}

const kb = (n: number): string => (n / 1024).toFixed(1);

/** The comparison report, one line per page type (sample | large), then the honors budget. */
export function compareReport(sample: readonly PageWeight[], large: readonly PageWeight[], width: (s: string) => number): string[] {
  const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
  const padL = (s: string, n: number): string => ' '.repeat(Math.max(0, n - width(s))) + s;
  const a = weightsByType(sample);
  const b = weightsByType(large);
  const types = [...new Set([...a.map((t) => t.type), ...b.map((t) => t.type)])];
  const cell = (t: TypeWeight | undefined): string =>
    t ? `${padL(String(t.pages), 6)}${padL(`${kb(t.htmlRaw)}/${kb(t.htmlGzip)}`, 20)}${padL(kb(t.jsGzip), 9)}` : padL('—', 35);
  const lines = [
    `${pad('页面类型', 16)}${padL('示例数据', 35)}   ${padL('大数据集', 35)}`,
    `${pad('', 16)}${padL('页数', 6)}${padL('HTML 原始/gzip KB', 20)}${padL('JS gzip', 9)}   ${padL('页数', 6)}${padL('HTML 原始/gzip KB', 20)}${padL('JS gzip', 9)}`,
    ...types.map((type) => `${pad(type, 16)}${cell(a.find((t) => t.type === type))}   ${cell(b.find((t) => t.type === type))}`),
    '（同一类型有多页时，取 HTML 最大的一页；JS 为立即加载的部分。）',
  ];
  const honors = b.find((t) => t.type === '/honors/');
  if (honors) {
    const pass = honors.htmlGzip / 1024 <= HONORS_HTML_GZIP_KB;
    lines.push(`${pass ? 'OK  ' : 'MISS'} 大数据集 /honors/ HTML ${kb(honors.htmlGzip)} KB gzip ≤ ${HONORS_HTML_GZIP_KB} KB`);
  }
  return lines;
}

/** Run the large build and print the comparison with the sample site in `sampleDist`. */
export async function reportLarge(root: string, sampleDist: string, base: string, width: (s: string) => number): Promise<void> {
  const d = LARGE_DEFAULTS;
  console.log(`大数据集：${d.years} 年、${d.honors.toLocaleString('en-US')} 项荣誉、${d.militiaRows.toLocaleString('en-US')} 行民兵记录（npm run data:large），构建到 .cache/large-dist/（不影响 dist/）……`);
  const run = await buildLarge(root);
  if (!run.ok) {
    console.log(`  大数据集构建失败（${run.wallSeconds.toFixed(1)} s）：`);
    console.log(run.output.split('\n').slice(-20).map((l) => `    ${l}`).join('\n'));
    return;
  }
  const sampleReport = existsSync(join(root, 'build-report.txt')) ? readFileSync(join(root, 'build-report.txt'), 'utf8') : '';
  const sampleTiming = /数据校验 [\d.]+ s .*合计 [\d.]+ s/.exec(sampleReport)?.[0] ?? '（build-report.txt 中没有记录）';
  console.log(`  构建用时：示例数据 ${sampleTiming}`);
  console.log(`            大数据集 ${run.timing?.replace(/^用时：/, '') ?? '（未打印用时）'}（含启动，共 ${run.wallSeconds.toFixed(1)} s）`);
  const sample = listPages(sampleDist).map((p) => pageWeight(sampleDist, base, p));
  const large = listPages(run.distDir).map((p) => pageWeight(run.distDir, '/', p));
  console.log(`  页数：示例数据 ${sample.length} 页，大数据集 ${large.length} 页`);
  console.log('');
  for (const l of compareReport(sample, large, width)) console.log(`  ${l}`);
}
