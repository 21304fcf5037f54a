/**
 * Lighthouse 12.2.3 with its default (mobile) config, in Debian Chromium launched by chrome-launcher.
 * Returns the four category scores, LCP/TBT/CLS and, for anything short of full marks, the audit ids.
 */
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { existsSync } from 'node:fs';

export interface LighthousePage {
  url: string;
  error: string | null;
  scores: { performance: number | null; accessibility: number | null; bestPractices: number | null; seo: number | null };
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** One line per audit that cost points (or a performance opportunity), with a few of its items. */
  failing: string[];
  /** Where main-thread time and layout shifts come from, for tracing a TBT or CLS miss. */
  diagnostics: string[];
  /** Lighthouse's CPU benchmark of this machine during the run (higher is faster; ~1000+ is a typical desktop). */
  benchmarkIndex: number;
  /** Performance score of every run, in order (the median run's figures are the ones reported). */
  runs: number[];
  /** Audits that errored in this run (e.g. trace parsing on a newer Chromium), with their weight in any category. */
  errored: { id: string; weight: number }[];
  /** The browser Lighthouse ran, e.g. `HeadlessChrome/156.0.0.0`. */
  browser: string;
}

export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** CHROME_PATH, else Debian's /usr/bin/chromium. */
export function chromePath(): string {
  const p = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`找不到 Chromium（${p}）`);
  return p;
}

const score = (r: Result, id: string): number | null => {
  const s = r.categories[id]?.score;
  return s === null || s === undefined ? null : Math.round(s * 100);
};

/** A short text for one details item: its URL, node snippet or label. */
function itemText(item: Record<string, unknown>): string {
  const node = item.node as { snippet?: string; selector?: string } | undefined;
  const source = item.source as { url?: string; line?: number } | undefined;
  const parts = [
    typeof item.url === 'string' ? item.url : undefined,
    typeof item.description === 'string' ? item.description : undefined,
    node?.snippet ? `${node.snippet.slice(0, 120)}${node.selector ? ` (${node.selector})` : ''}` : undefined,
    source?.url ? `${source.url}:${source.line ?? ''}` : undefined,
    typeof item.wastedBytes === 'number' ? `可省 ${(item.wastedBytes / 1024).toFixed(1)} KB` : undefined,
    typeof item.wastedMs === 'number' ? `可省 ${Math.round(item.wastedMs)} ms` : undefined,
  ].filter((x): x is string => x !== undefined && x !== '');
  return parts.join(' · ');
}

/** Main-thread work by category, the scripts that cost the most, and each layout shift's element. */
function diagnostics(r: Result): string[] {
  const out: string[] = [];
  const items = (id: string): Record<string, unknown>[] =>
    ((r.audits[id]?.details as { items?: unknown[] } | undefined)?.items ?? []).filter((x): x is Record<string, unknown> => x !== null && typeof x === 'object');
  const groups = items('mainthread-work-breakdown')
    .slice(0, 5)
    .map((i) => `${String(i.groupLabel ?? i.group)} ${Math.round(Number(i.duration))} ms`);
  if (groups.length > 0) out.push(`主线程：${groups.join('，')}`);
  const boot = items('bootup-time')
    .slice(0, 3)
    .map((i) => `${String(i.url).replace(/^https?:\/\/[^/]+/, '')} 执行 ${Math.round(Number(i.scripting))} ms / 解析 ${Math.round(Number(i.scriptParseCompile))} ms`);
  if (boot.length > 0) out.push(`脚本：${boot.join('，')}`);
  const shifts = r.audits['layout-shifts'];
  if (shifts?.errorMessage && (r.audits['cumulative-layout-shift']?.numericValue ?? 0) > 0) {
    out.push(`布局偏移来源：Lighthouse 的 layout-shifts 审计在此 Chromium 上出错（${shifts.errorMessage.slice(0, 80)}），请在浏览器中用 PerformanceObserver('layout-shift') 查看`);
  }
  for (const i of items('layout-shifts').slice(0, 4)) {
    const node = i.node as { snippet?: string; selector?: string } | undefined;
    out.push(`布局偏移 ${Number(i.score).toFixed(3)}：${node?.selector ?? ''} ${node?.snippet?.slice(0, 100) ?? ''}`);
  }
  const tasks = items('long-tasks')
    .slice(0, 3)
    .map((i) => `${String(i.url).replace(/^https?:\/\/[^/]+/, '')} ${Math.round(Number(i.duration))} ms`);
  if (tasks.length > 0) out.push(`长任务：${tasks.join('，')}`);
  return out;
}

function failingAudits(r: Result): string[] {
  const out: string[] = [];
  for (const [catId, cat] of Object.entries(r.categories)) {
    for (const ref of cat.auditRefs) {
      const a = r.audits[ref.id];
      if (!a || a.score === null) continue;
      const details = a.details as { type?: string; items?: unknown[]; overallSavingsMs?: number } | undefined;
      const costsPoints = ref.weight > 0 && a.score < 1;
      const opportunity = catId === 'performance' && ref.weight === 0 && a.score < 0.9 && (a.scoreDisplayMode === 'metricSavings' || a.scoreDisplayMode === 'numeric');
      if (!costsPoints && !opportunity) continue;
      const display = a.displayValue ? ` · ${a.displayValue}` : '';
      out.push(`${cat.title} · ${a.id} · ${a.score.toFixed(2)}${display} · ${a.title}`);
      for (const item of (details?.items ?? []).slice(0, 4)) {
        if (item !== null && typeof item === 'object') {
          const t = itemText(item as Record<string, unknown>);
          if (t) out.push(`    - ${t}`);
        }
      }
    }
  }
  return out;
}

/** One Lighthouse run; a page that fails to load gives its error, not an exception. */
async function runOnce(url: string, port: number): Promise<LighthousePage> {
  const empty: LighthousePage = {
    url, error: null, scores: { performance: null, accessibility: null, bestPractices: null, seo: null }, lcpMs: NaN, tbtMs: NaN, cls: NaN, failing: [],
    diagnostics: [], benchmarkIndex: NaN, runs: [], errored: [], browser: '',
  };
  try {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' });
    const lhr = result?.lhr;
    if (!lhr) return { ...empty, error: 'Lighthouse 没有返回结果' };
    if (lhr.runtimeError) return { ...empty, error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` };
    const performance = score(lhr, 'performance');
    return {
      url,
      error: null,
      scores: { performance, accessibility: score(lhr, 'accessibility'), bestPractices: score(lhr, 'best-practices'), seo: score(lhr, 'seo') },
      lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
      failing: failingAudits(lhr),
      diagnostics: diagnostics(lhr),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      runs: [performance ?? NaN],
      errored: Object.values(lhr.audits)
        .filter((a) => a.errorMessage !== undefined && a.errorMessage !== '')
        .map((a) => ({ id: a.id, weight: Math.max(0, ...Object.values(lhr.categories).map((c) => c.auditRefs.find((ref) => ref.id === a.id)?.weight ?? 0)) })),
      browser: /HeadlessChrome\/[\d.]+|Chrome\/[\d.]+/.exec(lhr.environment.hostUserAgent)?.[0] ?? lhr.environment.hostUserAgent,
    };
  } catch (e) {
    return { ...empty, error: (e as Error).message };
  }
}

/**
 * Run Lighthouse `runs` times on each URL in one Chromium and keep the median run by Performance
 * (Lighthouse's own advice for noisy machines); `runs` lists every run's Performance score.
 */
export async function runLighthouse(urls: readonly string[], runs = 1): Promise<LighthousePage[]> {
  const chrome = await chromeLauncher.launch({ chromePath: chromePath(), chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const out: LighthousePage[] = [];
  try {
    for (const url of urls) {
      const all: LighthousePage[] = [];
      for (let i = 0; i < runs; i++) all.push(await runOnce(url, chrome.port));
      const good = all.filter((r) => r.error === null).sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
      const median = good[Math.floor((good.length - 1) / 2)] ?? (all[0] as LighthousePage);
      out.push({ ...median, runs: all.map((r) => r.scores.performance ?? NaN) });
    }
  } finally {
    chrome.kill();
  }
  return out;
}
