/**
 * npm run bench:site [-- --runs N] [--no-lighthouse] [--large]
 * Page weight and speed of the published dist/: per page HTML, CSS and JS bytes (raw and gzip) and
 * request count; then Lighthouse 12.2.3 (mobile, default config) in Debian Chromium on the home page,
 * a chart page and the honors page, served with gzip as a real host would. Budgets beside each figure.
 * --large also builds the large data set (40 years, 3,000 honours, 1M militia rows) into .cache/large-dist and
 * reports its build time and page weights beside the sample's (scripts/bench-site/large.ts).
 * A report, not a test: always exits 0 (1 only when there is no dist/ to measure, 2 on bad usage).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../src/lib/shared/config.ts';
import { listPages, pageWeight, total } from './bench-site/page-weight.ts';
import type { Asset, PageWeight } from './bench-site/page-weight.ts';
import { BLANK_PATH, serveDist } from '../src/lib/publish/serve-dist.ts';
import { runLighthouse } from './bench-site/lighthouse.ts';
import { reportLarge } from './bench-site/large.ts';
import { readArgs } from '../src/lib/cli/args.ts';
import { EXIT, usageError } from '../src/lib/cli/errors.ts';
import { main } from '../src/lib/cli/main.ts';
import type { LighthousePage } from './bench-site/lighthouse.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(ROOT, process.env.ASTRO_OUT_DIR ?? 'dist');

/** Budgets from issue 4. */
const BUDGET = {
  chartJsGzipKB: 60,
  honorsJsGzipKB: 0,
  performance: 98,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  cls: 0,
};
/** Pages Lighthouse runs on: the home page, one chart page, the honors page. */
const LIGHTHOUSE_PAGES = ['/', '/funding/', '/honors/'];
/** The honors page's search script: its module and everything it loads on demand. */
const HONORS_SEARCH = /(^|\/)honors\.astro_astro_type_script_/;

const USAGE = '用法：npm run bench:site -- [--runs 次数] [--no-lighthouse] [--large]';
/** The options, read by the commands' own reader (bad usage: exit 2 with the reason and this usage line). */
function readOptions(argv: readonly string[]): { lighthouseOn: boolean; runs: number; large: boolean } {
  const a = readArgs(argv, { runs: 'value', 'no-lighthouse': 'flag', large: 'flag' }, USAGE);
  const runs = a.runs === undefined ? 3 : Number(a.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 9) throw usageError('--runs 应为 1–9 的整数', USAGE);
  return { lighthouseOn: a['no-lighthouse'] !== true, runs, large: a.large === true };
}
let options: { lighthouseOn: boolean; runs: number; large: boolean } = { lighthouseOn: true, runs: 3, large: false };
const usageStatus = await main(async (argv) => {
  options = readOptions(argv);
  return EXIT.ok;
}, process.argv.slice(2));
if (usageStatus !== EXIT.ok || process.argv.includes('--help') || process.argv.includes('-h')) process.exit(usageStatus);
const { lighthouseOn, large } = options;
/** Lighthouse runs per page; the median by Performance is reported. */
const runs = options.runs;

if (!existsSync(join(DIST, 'index.html'))) {
  console.log(`没有可测的网站（${DIST} 中没有 index.html）：请先运行 npm run build，再运行 npm run bench:site。`);
  process.exit(1);
}

const cfg = readConfig(join(ROOT, 'data'));
const base = cfg.base;

const kb = (n: number): string => (n / 1024).toFixed(1);
const ok = (pass: boolean): string => (pass ? 'OK  ' : 'MISS');
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
const padL = (s: string, n: number): string => ' '.repeat(Math.max(0, n - width(s))) + s;
/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const isChartPage = (w: PageWeight): boolean => w.assets.some((a) => a.kind === 'js' && /ChartFigure|chart/i.test(a.file));
const isSearch = (a: Asset): boolean => HONORS_SEARCH.test(a.file) || (a.onDemand && a.kind === 'js');

const pages = listPages(DIST);
const weights = pages.map((p) => pageWeight(DIST, base, p));

console.log(`网站体积（${DIST}，base ${base}，gzip 级别 6；KB = 1024 字节；按需 = 动态 import 或用到时才取的数据）`);
console.log('');
const header = [pad('页面', 18), padL('HTML', 16), padL('CSS', 16), padL('JS', 16), padL('JS 按需', 16), padL('请求', 5), '  预算'].join('');
console.log(header);
console.log(`${' '.repeat(18)}${padL('原始/gzip KB', 16)}${padL('原始/gzip KB', 16)}${padL('原始/gzip KB', 16)}${padL('原始/gzip KB', 16)}`);
const pair = (t: { raw: number; gzip: number }): string => `${kb(t.raw)}/${kb(t.gzip)}`;
const budgetLines: string[] = [];
for (const w of weights) {
  const html = total(w.assets, (a) => a.kind === 'html');
  const css = total(w.assets, (a) => a.kind === 'css' && !a.onDemand);
  const js = total(w.assets, (a) => a.kind === 'js' && !a.onDemand);
  const lazy = total(w.assets, (a) => a.onDemand);
  const requests = w.assets.filter((a) => !a.onDemand).length;
  let budget = '';
  if (w.path === '/honors/') {
    const other = total(w.assets, (a) => a.kind === 'js' && !isSearch(a));
    const pass = other.gzip / 1024 <= BUDGET.honorsJsGzipKB;
    budget = `${ok(pass)} 搜索脚本以外的 JS ${kb(other.gzip)} KB gzip ≤ ${BUDGET.honorsJsGzipKB} KB`;
    if (!pass) {
      const offenders = w.assets.filter((a) => a.kind === 'js' && !isSearch(a)).map((a) => `${a.file} ${kb(a.gzip)} KB`);
      budgetLines.push(`  /honors/：搜索脚本以外仍加载 ${offenders.join('，')}`);
    }
  } else if (isChartPage(w)) {
    const pass = js.gzip / 1024 <= BUDGET.chartJsGzipKB;
    budget = `${ok(pass)} JS ${kb(js.gzip)} ≤ ${BUDGET.chartJsGzipKB} KB gzip`;
  }
  console.log(
    [pad(w.path, 18), padL(pair(html), 16), padL(pair(css), 16), padL(pair(js), 16), padL(lazy.raw > 0 ? pair(lazy) : '—', 16), padL(String(requests), 5), `  ${budget}`].join(''),
  );
}
console.log('');
console.log('（请求 = HTML + 立即加载的样式、脚本（含其静态 import）、图标和图片；按需部分不计。）');
for (const l of budgetLines) console.log(l);

// Asset detail for the three Lighthouse pages, so a miss can be traced to a file.
console.log('');
console.log('三个被测页面加载的文件：');
for (const p of LIGHTHOUSE_PAGES) {
  const w = weights.find((x) => x.path === p);
  if (!w) continue;
  console.log(`  ${p}`);
  for (const a of w.assets) console.log(`    ${pad(a.file, 70)} ${padL(kb(a.raw), 7)} / ${padL(kb(a.gzip), 6)} KB${a.onDemand ? '  按需' : ''}`);
}

const report = existsSync(join(ROOT, 'build-report.txt')) ? readFileSync(join(ROOT, 'build-report.txt'), 'utf8') : '';
const timing = /数据校验 [\d.]+ s .*合计 [\d.]+ s/.exec(report);
console.log('');
console.log(
  timing
    ? `示例数据构建用时（build-report.txt）：${timing[0]}（预算：合计 ≤ 10 s，数据校验 < 1 s）`
    : '示例数据构建用时：build-report.txt 中没有记录（npm run build 结束时在终端打印“用时：…”一行）。',
);

if (large) {
  console.log('');
  await reportLarge(ROOT, DIST, base, width);
}

if (!lighthouseOn) process.exit(0);

console.log('');
const load = (): string => loadavg().map((n) => n.toFixed(1)).join(' / ');
console.log(`Lighthouse 12.2.3（移动端默认配置：模拟慢速 4G 与 4 倍 CPU 降速），Debian Chromium，本机 gzip 服务器；每页 ${runs} 次取 Performance 中位数。`);
console.log(`开始时负载（1/5/15 分钟）：${load()}，CPU ${availableParallelism()} 核。负载高于核数时 TBT 与 Performance 会明显偏低，请在空闲时重跑。`);
const server = await serveDist(DIST, base);
let results: LighthousePage[] = [];
try {
  const urls = LIGHTHOUSE_PAGES.map((p) => `${server.origin}${base}${p.replace(/^\//, '')}`);
  results = await runLighthouse([`${server.origin}${BLANK_PATH}`, ...urls], runs);
} catch (e) {
  console.log(`  Lighthouse 未能运行：${(e as Error).message}`);
  console.log('  请确认已安装 Chromium（apt-get install chromium），或用 CHROME_PATH 指定浏览器。');
} finally {
  await server.close();
}

for (const r of results) {
  const path = new URL(r.url).pathname;
  console.log('');
  if (path === BLANK_PATH) {
    console.log(`  对照：空白页（无样式、无脚本）Performance ${r.runs.join(', ')}，TBT ${Math.round(r.tbtMs)} ms，benchmarkIndex ${Math.round(r.benchmarkIndex)}`);
    console.log('  （空白页都达不到 100 时，下面各页的 Performance 主要受本机负载影响，不代表网站本身。）');
    continue;
  }
  console.log(`  ${path}`);
  if (r.error) {
    console.log(`    运行出错：${r.error}`);
    continue;
  }
  const s = r.scores;
  const line = (label: string, v: number | null, min: number): string =>
    `    ${pad(label, 16)} ${padL(v === null ? '—' : String(v), 4)}   ${ok(v !== null && v >= min)} ≥ ${min}`;
  console.log(line('Performance', s.performance, BUDGET.performance));
  console.log(line('Accessibility', s.accessibility, BUDGET.accessibility));
  console.log(line('Best Practices', s.bestPractices, BUDGET.bestPractices));
  console.log(line('SEO', s.seo, BUDGET.seo));
  console.log(`    ${pad('LCP', 16)} ${padL(`${(r.lcpMs / 1000).toFixed(2)} s`, 8)}`);
  console.log(`    ${pad('TBT', 16)} ${padL(`${Math.round(r.tbtMs)} ms`, 8)}`);
  console.log(`    ${pad('CLS', 16)} ${padL(r.cls.toFixed(3), 8)}   ${ok(r.cls <= BUDGET.cls)} = ${BUDGET.cls}`);
  console.log(`    ${pad('各次 Performance', 16)} ${r.runs.join(', ')}；本机 CPU 基准 benchmarkIndex ${Math.round(r.benchmarkIndex)}`);
  if (r.failing.length > 0) {
    console.log('    未满分的审计项（类别 · 审计 id · 得分 · 说明）：');
    for (const f of r.failing) console.log(`      ${f}`);
  }
  if (r.diagnostics.length > 0) {
    console.log('    诊断：');
    for (const d of r.diagnostics) console.log(`      ${d}`);
  }
}
const errored = new Map<string, number>();
for (const r of results) for (const e of r.errored) errored.set(e.id, Math.max(errored.get(e.id) ?? 0, e.weight));
if (errored.size > 0) {
  const weighted = [...errored].filter(([, w]) => w > 0).map(([id]) => id);
  console.log('');
  console.log(`注意：Lighthouse 12.2.3 与本机 ${results.find((r) => r.browser)?.browser ?? 'Chromium'} 不完全兼容，以下审计出错：${[...errored.keys()].join('、')}。`);
  console.log(weighted.length === 0 ? '  它们都不计分，四项得分不受影响。' : `  其中计分的有 ${weighted.join('、')}：相应类别得分不可信。`);
}
console.log('');
console.log(`结束时负载：${load()}`);
process.exit(0);
