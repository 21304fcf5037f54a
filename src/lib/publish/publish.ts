/**
 * All-or-nothing publishing: data step and site build into a staging folder, then two renames
 * swap it in as `dist/`. Any failure or interruption before the swap leaves `dist/` as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Summary, Details } from '../shared/types.ts';
import type { Issue } from '../data/issues.ts';
import { formatIssue, hasErrors, sortIssues } from '../data/issues.ts';
import { changeReport } from './change-report.ts';
import { readConfig } from '../shared/config.ts';
import { checkDist, formatExternalRef } from './dist-check.ts';
import type { PublishedData } from './change-report.ts';
import { describeFsError, fsCauseIn, isFsError } from './fs-error.ts';
import { describeHolder, ownRecord, releaseLock, takeLock } from './lock.ts';
import { MANIFEST_FILE, datasetCounts, verifySite, writeManifest } from './manifest.ts';
import { isAlive } from './proc.ts';
import { findRemovals, formatRemoval, formatRemovalRefusal, liveCounts } from './shrink-guard.ts';
import { JOURNAL_FILE, SwapUndoFailed, endSwap, fsSwapIo, repairSwap, runSwap } from './swap.ts';
import type { Move, SwapIo } from './swap.ts';

/** Every path publishing touches; all absolute. `distDir` and `cacheDir` must be on one file system (renames). */
export interface PublishPaths {
  /** Project root, where astro.config.mjs and src/ live. */
  root: string;
  /** The CSV folder (default `<root>/data`). */
  dataDir: string;
  /** The published site (default `<root>/dist`). */
  distDir: string;
  /** Staging, the previous site and the last published JSON (default `<root>/.cache`). */
  cacheDir: string;
  /** Where the site reads JSON in `astro dev` and later builds (default `<root>/.cache/data`). */
  siteDataDir: string;
  /** The change report file, never under dist (default `<root>/build-report.txt`). */
  reportFile: string;
}

/** The default paths for a project root; `dataDir` may be overridden by `--data-dir`. */
export function defaultPaths(root: string, overrides: Partial<PublishPaths> = {}): PublishPaths {
  const r = resolve(root);
  const cacheDir = overrides.cacheDir ? resolve(overrides.cacheDir) : join(r, '.cache');
  return {
    root: r,
    dataDir: overrides.dataDir ? resolve(overrides.dataDir) : join(r, 'data'),
    distDir: overrides.distDir ? resolve(overrides.distDir) : join(r, 'dist'),
    cacheDir,
    siteDataDir: overrides.siteDataDir ? resolve(overrides.siteDataDir) : join(r, '.cache', 'data'),
    reportFile: overrides.reportFile ? resolve(overrides.reportFile) : join(r, 'build-report.txt'),
  };
}

/** The previous site, kept for rollback (`<cache>/dist-previous`). */
export function previousDistDir(p: PublishPaths): string {
  return join(p.cacheDir, 'dist-previous');
}
/** JSON of the last successful publish, for the change report (`<cache>/published`). */
export function publishedDir(p: PublishPaths): string {
  return join(p.cacheDir, 'published');
}
function publishedPreviousDir(p: PublishPaths): string {
  return join(p.cacheDir, 'published-previous');
}

/** What the data step returns: the pipeline result, reduced to what publishing needs. */
export interface DataStepResult {
  ok: boolean;
  issues: Issue[];
  /** True totals, when the data step listed fewer problems than it found (at most 100 per file are listed). */
  counts?: { errors: number; warnings: number };
  summary: Summary;
  details: Details;
}

export interface BuildSiteOptions {
  root: string;
  /** The staged JSON the pages read (SITE_DATA_DIR). */
  dataDir: string;
  /** The staged site (ASTRO_OUT_DIR). */
  outDir: string;
  signal: AbortSignal;
  verbose: boolean;
  /** Extra environment for the build: base path, site URL and config folder of the data folder being published. */
  env?: Record<string, string>;
}

export interface PublishDeps {
  /** Validate `dataDir` and, when valid, write the JSON into `outDir` (nothing written on errors). */
  runData(dataDir: string, outDir: string, displayDir: string): Promise<DataStepResult>;
  /** Build the site reading JSON from `dataDir` into `outDir`; rejects with the build's output on failure. */
  buildSite(opts: BuildSiteOptions): Promise<void>;
  /** One line of terminal output. */
  log(line: string): void;
  /** File operations around the swap (default: node:fs); tests replace some to fill the disk or crash. */
  io?: Partial<PublishIo>;
}

export interface PublishOptions {
  signal?: AbortSignal;
  /** Show the site build's own output (default: only on failure). */
  verbose?: boolean;
  /** How long to wait for another build holding the lock before giving up (default 5 minutes). */
  lockWaitMs?: number;
  /** The admin confirmed that datasets, years or more than half of a dataset's rows may go (`--allow-removal`). */
  allowRemoval?: boolean;
  /** Why the build must stop because what started it went away (see parent-watch.ts), or null; checked right before the swap. */
  parentGone?: () => string | null;
}

export interface PublishResult {
  /** See EXIT: 0 published, 1 nothing changed, 3 live but a later step unfinished, 130 interrupted (nothing changed). */
  exitCode: PublishExitCode;
  /** Seconds per step, in order; steps not reached are absent. */
  timings: { step: string; seconds: number }[];
  /** The change report lines, on success. */
  report: string[] | null;
}

/** The pipeline and JSON writer the lead's modules provide, loaded on first use. */
export async function pipelineDataStep(dataDir: string, outDir: string, displayDir: string): Promise<DataStepResult> {
  const { runPipeline } = await import('../data/pipeline.ts');
  const { writeOutputs } = await import('../data/write-json.ts');
  const result = await runPipeline({ dataDir, displayDir });
  if (result.ok) await writeOutputs(outDir, result);
  return { ok: result.ok, issues: result.issues, counts: result.counts, summary: result.summary, details: result.details };
}

/** Tail of a long text, for build errors. */
function tail(text: string, lines: number): string {
  const all = text.trimEnd().split(/\r?\n/);
  return all.slice(-lines).join('\n');
}

/**
 * The environment without variables Vite reads as its own config: a BASE_URL inherited from a test runner
 * or a shell would override the configured base path and publish root-relative links.
 */
export function astroSafeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete out[k];
  return out;
}

/** `astro build` in a child process (so an interrupt can stop it), with the staging data and output folders in its env. */
export function astroBuild({ root, dataDir, outDir, signal, verbose, env = {} }: BuildSiteOptions): Promise<void> {
  return new Promise((resolveBuild, reject) => {
    const bin = join(root, 'node_modules', 'astro', 'astro.js');
    const child = spawn(process.execPath, [bin, 'build'], {
      cwd: root,
      env: { ...astroSafeEnv(process.env), ...env, SITE_DATA_DIR: dataDir, ASTRO_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      const s = chunk.toString('utf8');
      output += s;
      if (verbose) process.stdout.write(s);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const onAbort = (): void => {
      child.kill('SIGTERM');
    };
    signal.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e) => {
      signal.removeEventListener('abort', onAbort);
      reject(e);
    });
    child.on('close', (code, sig) => {
      signal.removeEventListener('abort', onAbort);
      if (code === 0) resolveBuild();
      else reject(new Error(`astro build 退出码 ${code ?? sig}\n${tail(output, 40)}`));
    });
  });
}

/** The default dependencies: the real pipeline, a child `astro build`, console output. */
export function defaultDeps(log: (line: string) => void = (l) => console.log(l)): PublishDeps {
  return { runData: pipelineDataStep, buildSite: astroBuild, log };
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * What is published now, for the change report: the kept JSON when it matches the live site
 * (same generatedAt), else the site's own `data/summary.json` without details, else null.
 */
export function readPublished(p: PublishPaths): PublishedData | null {
  const live = readJson<Summary>(join(p.distDir, 'data', 'summary.json'));
  const kept = readJson<Summary>(join(publishedDir(p), 'summary.json'));
  const keptDetails = readJson<Details>(join(publishedDir(p), 'details.json'));
  if (kept && (!live || live.generatedAt === kept.generatedAt)) {
    if (!existsSync(p.distDir)) return null;
    return { summary: kept, details: keptDetails };
  }
  return live ? { summary: live, details: null } : null;
}

function seconds(t0: number): number {
  return (performance.now() - t0) / 1000;
}

/** `数据校验 0.42 s · 站点构建 6.10 s · 发布 0.05 s · 合计 6.57 s`. */
export function formatTimings(timings: readonly { step: string; seconds: number }[]): string {
  const total = timings.reduce((s, t) => s + t.seconds, 0);
  return [...timings, { step: '合计', seconds: total }].map((t) => `${t.step} ${t.seconds.toFixed(2)} s`).join(' · ');
}

/** Exit statuses of `npm run build` and `--rollback` (the admin guide's table lists them). */
export const EXIT = {
  /** Published (or rolled back), everything finished. */
  ok: 0,
  /** Nothing changed: invalid data, a failed build, the shrink guard, a busy lock, an incomplete previous version. */
  unchanged: 1,
  /** The new site is live, but a step after the swap did not finish (report file, old version's removal, …). */
  liveButUnfinished: 3,
  /** Interrupted before the swap (Ctrl+C, SIGTERM, or the npm that started it went away): nothing changed. */
  interrupted: 130,
} as const;
export type PublishExitCode = (typeof EXIT)[keyof typeof EXIT];

export { isAlive };

/** The file operations publishing does around the swap; injectable so tests can fill the disk or crash. */
export interface PublishIo extends SwapIo {
  writeFile(file: string, text: string): void;
  copyFile(from: string, to: string): void;
}

const fsIo: PublishIo = {
  ...fsSwapIo,
  writeFile: (file, text) => writeFileSync(file, text, 'utf8'),
  copyFile: copyFileSync,
};

/** Copy the JSON files of `from` into `to` (created), each written beside and renamed so a reader never sees half a file. */
function copyJson(from: string, to: string, io: PublishIo): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (!statSync(join(from, name)).isFile()) continue;
    const tmp = join(to, `.${name}.tmp-${process.pid}`);
    io.copyFile(join(from, name), tmp);
    io.rename(tmp, join(to, name));
  }
}

/** The path shown in messages: relative to the root when inside it. */
function shown(p: PublishPaths, path: string): string {
  const r = relative(p.root, path);
  return r === '' ? '.' : r.startsWith('..') ? path : r.split(sep).join('/');
}

/** Folders an interrupted run may leave in the cache: staging, the old previous version's trash, a rollback's aside. */
const LEFTOVER = /^(staging|trash|rollback)-/;

/** Remove leftovers of interrupted runs (we hold the lock, and any journal has been repaired, so none is in use). */
function removeLeftovers(cacheDir: string, io: PublishIo): void {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) {
    if (LEFTOVER.test(name)) {
      try {
        io.remove(join(cacheDir, name));
      } catch {
        /* tried again next time */
      }
    }
  }
}

/** Finish or undo a swap a crash interrupted, and say so. */
function repair(p: PublishPaths, io: PublishIo, log: (line: string) => void): void {
  const r = repairSwap(p.cacheDir, io);
  if (r.kind === 'none') return;
  const what = r.action === 'publish' ? '发布' : '回滚';
  if (r.kind === 'undone') log(`上次${what}在替换网站的过程中被中断（进程被终止或断电）：已恢复为中断前的网站 ${shown(p, p.distDir)}/。`);
  else log(`上次${what}在网站替换完成后被中断：${shown(p, p.distDir)}/ 是完整的新版本，变更报告等后续步骤没有完成。`);
}

const lockFile = (p: PublishPaths): string => join(p.cacheDir, 'build.lock');

/** `如果确定没有构建在运行，可以删除 .cache/build.lock 后重新运行。` */
function byHand(p: PublishPaths): string {
  return `如果确定没有构建在运行，可以删除 ${shown(p, lockFile(p))} 后重新运行。`;
}

/** A swap failed and putting the old site back failed too (a disk gone bad): what the admin can do. */
function undoFailed(p: PublishPaths, e: SwapUndoFailed): string[] {
  return [
    `无法替换 ${shown(p, p.distDir)}/：${describeFsError(e.failure)}；把原来的网站放回去也失败了：${describeFsError(e.undoFailure)}。`,
    `${shown(p, p.distDir)}/ 现在可能不存在。排除故障后运行 npm run build 或 npm run build -- --rollback，它们会先按 ${shown(p, join(p.cacheDir, JOURNAL_FILE))} 自动恢复原来的网站。`,
  ];
}

class Interrupted extends Error {}

/** One step after the swap that did not finish: what, and why. */
interface Unfinished {
  what: string;
  why: string;
}

/** The lines telling the admin the new site is live although some steps did not finish. */
function liveButUnfinished(p: PublishPaths, action: string, unfinished: readonly Unfinished[]): string[] {
  return [
    `${action}，${shown(p, p.distDir)}/ 已是新版本；但以下步骤没有完成：`,
    ...unfinished.map((u) => `  ${u.what}：${u.why}`),
    '请解决上面的问题（例如腾出磁盘空间）后再运行一次；网站本身不受影响。',
  ];
}

/** Run `step`; on failure record it as unfinished instead of throwing (the site is already live). */
function attempt(unfinished: Unfinished[], what: string, step: () => void): boolean {
  try {
    step();
    return true;
  } catch (e) {
    unfinished.push({ what, why: describeFsError(e) });
    return false;
  }
}

/**
 * Run the data step and the site build into staging, then swap staging in as `dist/` (previous site
 * kept in `<cache>/dist-previous`), refresh `<cache>/data` and `<cache>/published`, and write the change report.
 */
export async function publish(p: PublishPaths, deps: PublishDeps, opts: PublishOptions = {}): Promise<PublishResult> {
  const signal = opts.signal ?? new AbortController().signal;
  const io: PublishIo = { ...fsIo, ...deps.io };
  const log = deps.log;
  const timings: { step: string; seconds: number }[] = [];
  const unchanged = `已发布的网站未改动（${shown(p, p.distDir)}/ 保持原样）。`;
  const parentGone = (): string | null => opts.parentGone?.() ?? null;
  const check = (): void => {
    if (signal.aborted || parentGone() !== null) throw new Interrupted();
  };
  const done = (exitCode: PublishExitCode, report: string[] | null = null): PublishResult => ({ exitCode, timings, report });

  mkdirSync(p.cacheDir, { recursive: true });
  const lock = lockFile(p);
  const me = ownRecord('build');
  const waitUntil = Date.now() + (opts.lockWaitMs ?? 300_000);
  let waiting = false;
  const onBroken = (reason: string): void => log(`已清除过期的构建锁 ${shown(p, lock)}（${reason}）。`);
  for (;;) {
    const got = takeLock(lock, me, onBroken);
    if (got.ok) break;
    if (Date.now() >= waitUntil || signal.aborted || parentGone() !== null) {
      log(`另一个构建仍在进行（${describeHolder(got.holder)}），本次构建没有开始。${byHand(p)}`);
      log(unchanged);
      return done(signal.aborted || parentGone() !== null ? EXIT.interrupted : EXIT.unchanged);
    }
    if (!waiting) log(`另一个构建正在进行（${describeHolder(got.holder)}），等它结束……${byHand(p)}`);
    waiting = true;
    await new Promise((r) => setTimeout(r, 250));
  }
  const staging = join(p.cacheDir, `staging-${Date.now()}-${process.pid}`);
  const stagingData = join(staging, 'data');
  const stagingDist = join(staging, 'dist');
  let swapped = false;
  try {
    repair(p, io, log);
    removeLeftovers(p.cacheDir, io);
    check();
    let t = performance.now();
    log('数据校验……');
    let data: DataStepResult;
    try {
      data = await deps.runData(p.dataDir, stagingData, shown(p, p.dataDir));
    } catch (e) {
      if (!isFsError(e)) throw e;
      log(`数据处理出错：${describeFsError(e)}`);
      log(`构建未完成。${unchanged}`);
      return done(EXIT.unchanged);
    }
    timings.push({ step: '数据校验', seconds: seconds(t) });
    check();
    if (!data.ok || hasErrors(data.issues)) {
      const issues = sortIssues([...data.issues]);
      for (const i of issues) log(formatIssue(i));
      const n = data.counts?.errors ?? issues.filter((i) => i.severity === 'error').length;
      log('');
      log(`发现 ${n} 个错误，请按上面的 文件:行:列 逐一修改后重新运行 npm run build（可先用 npm run check 检查）。`);
      log(`构建已停止。${unchanged}`);
      return done(EXIT.unchanged);
    }

    // Shrink guard, against what the live site holds (its manifest, else its summary.json).
    const counts = datasetCounts(data.summary, data.details);
    const removals = findRemovals(liveCounts(p.distDir), counts);
    if (removals.length > 0 && opts.allowRemoval !== true) {
      for (const l of formatRemovalRefusal(removals, shown(p, p.distDir))) log(l);
      log(`构建已停止。${unchanged}`);
      return done(EXIT.unchanged);
    }
    if (removals.length > 0) {
      log('已按 --allow-removal 确认，这次发布会删除：');
      for (const r of removals) log(formatRemoval(r));
    }

    t = performance.now();
    log('站点构建……');
    try {
      // The base path and site URL follow the config.json of the folder being published (same as the data step's).
      const cfg = readConfig(p.dataDir);
      const env = { SITE_BASE: cfg.base, SITE_URL: cfg.site, SITE_CONFIG_DIR: p.dataDir };
      await deps.buildSite({ root: p.root, dataDir: stagingData, outDir: stagingDist, signal, verbose: opts.verbose === true, env });
    } catch (e) {
      check();
      const message = (e as Error).message;
      log(message);
      log('');
      // Astro prints its own (English) stack; a full disk or a permission problem is worth saying in Chinese.
      const cause = fsCauseIn(message);
      log(`站点构建失败${cause ? `：${cause}` : ''}。${unchanged}`);
      return done(EXIT.unchanged);
    }
    timings.push({ step: '站点构建', seconds: seconds(t) });
    check();
    if (!existsSync(join(stagingDist, 'index.html'))) {
      log(`站点构建没有生成 index.html。${unchanged}`);
      return done(EXIT.unchanged);
    }
    // Intranet rule: no published file may load anything from another host.
    const external = checkDist(stagingDist, { site: readConfig(p.dataDir).site });
    if (external.length > 0) {
      for (const ref of external) log(formatExternalRef(ref, shown(p, p.distDir)));
      log('');
      log(`发现 ${external.length} 处对其他网站的引用：内网中无法访问，网站只能引用本站自己的文件。请删除这些引用，或把所需文件放进 public/ 后改用本站地址，再重新运行 npm run build。`);
      log(`站点构建未通过外部引用检查。${unchanged}`);
      return done(EXIT.unchanged);
    }

    t = performance.now();
    try {
      writeManifest(stagingDist, { generatedAt: data.summary.generatedAt, datasets: counts }, io.writeFile);
    } catch (e) {
      log(`无法写入发布清单 ${MANIFEST_FILE}：${describeFsError(e)}`);
      log(`发布失败。${unchanged}`);
      return done(EXIT.unchanged);
    }
    const previous = readPublished(p);
    const prevDist = previousDistDir(p);
    const trash = join(p.cacheDir, `trash-${Date.now()}-${process.pid}`);
    const moves: Move[] = [];
    if (existsSync(prevDist)) moves.push({ from: prevDist, to: trash });
    if (existsSync(p.distDir)) moves.push({ from: p.distDir, to: prevDist });
    moves.push({ from: stagingDist, to: p.distDir });
    // Last look before the swap (synchronous from here on: no signal handler or timer runs in between):
    // an interrupt, or the npm that started us having gone, stops the build here.
    check();
    try {
      runSwap(p.cacheDir, 'publish', moves, io);
    } catch (e) {
      if (e instanceof SwapUndoFailed) {
        for (const l of undoFailed(p, e)) log(l);
        return done(EXIT.unchanged);
      }
      // e.g. EXDEV (dist and .cache on different disks), EBUSY (dist is a mount point), ENOSPC for the journal.
      log(`无法替换 ${shown(p, p.distDir)}/：${describeFsError(e)}`);
      log(`发布失败。${unchanged}（${shown(p, p.distDir)}/ 与 ${shown(p, p.cacheDir)}/ 须在同一磁盘上，且 ${shown(p, p.distDir)}/ 不能是挂载点。）`);
      return done(EXIT.unchanged);
    }
    swapped = true;

    // The new site is live. Nothing below may fail the publish: each step that does not finish is listed.
    const unfinished: Unfinished[] = [];
    attempt(unfinished, `删除发布日志 ${shown(p, join(p.cacheDir, JOURNAL_FILE))}`, () => endSwap(p.cacheDir, io));
    if (moves.length === 3) {
      attempt(unfinished, `删除更早的一版 ${shown(p, trash)}/（下次构建会再删除）`, () => io.remove(trash));
    }
    const pub = publishedDir(p);
    const pubPrev = publishedPreviousDir(p);
    attempt(unfinished, `更新变更报告的对比数据 ${shown(p, pub)}/`, () => {
      io.remove(pubPrev);
      if (existsSync(pub)) io.rename(pub, pubPrev);
      copyJson(stagingData, pub, io);
    });
    attempt(unfinished, `更新 npm run dev 预览用的数据 ${shown(p, p.siteDataDir)}/`, () => copyJson(stagingData, p.siteDataDir, io));
    timings.push({ step: '发布', seconds: seconds(t) });

    const report = changeReport({ previous, current: { summary: data.summary, details: data.details }, issues: data.issues });
    log('');
    for (const l of report) log(l);
    const reportWritten = attempt(unfinished, `写入变更报告 ${shown(p, p.reportFile)}（报告内容见上）`, () => {
      io.writeFile(`${p.reportFile}.tmp`, `${report.join('\n')}\n\n用时：${formatTimings(timings)}\n`);
      io.rename(`${p.reportFile}.tmp`, p.reportFile);
    });
    if (!reportWritten) {
      try {
        io.remove(`${p.reportFile}.tmp`);
      } catch {
        /* nothing more to do */
      }
    }
    log('');
    if (unfinished.length > 0) {
      for (const l of liveButUnfinished(p, '新网站已经发布并生效', unfinished)) log(l);
      log(`用时：${formatTimings(timings)}`);
      return done(EXIT.liveButUnfinished, report);
    }
    log(`已发布到 ${shown(p, p.distDir)}/（上一版保存在 ${shown(p, prevDist)}/，可用 npm run build -- --rollback 恢复）。`);
    log(`变更报告已写入 ${shown(p, p.reportFile)}。`);
    log(`用时：${formatTimings(timings)}`);
    return done(EXIT.ok, report);
  } catch (e) {
    if (e instanceof Interrupted) {
      log('');
      const gone = parentGone();
      log(gone !== null ? `${gone}，构建已停止。${unchanged}` : `构建已中断。${unchanged}`);
      return done(EXIT.interrupted);
    }
    if (swapped) {
      for (const l of liveButUnfinished(p, '新网站已经发布并生效', [{ what: '发布后的收尾', why: describeFsError(e) }])) log(l);
      return done(EXIT.liveButUnfinished);
    }
    log(`构建未完成。${unchanged}`);
    // A file-system failure is the machine's state, told in Chinese; anything else is a bug (or a UserError)
    // for the command wrapper to report with its own exit status. The finally below still cleans up.
    if (isFsError(e)) {
      log(`原因：${describeFsError(e)}`);
      return done(EXIT.unchanged);
    }
    throw e;
  } finally {
    try {
      io.remove(staging);
    } catch {
      /* removed by the next build */
    }
    try {
      releaseLock(lock, me);
    } catch {
      /* a stale lock is broken automatically next time */
    }
  }
}

/**
 * Swap `dist/` with `<cache>/dist-previous` (and the kept JSON with it), so running it twice undoes it.
 * The previous version is first checked against its manifest: an incomplete one is never restored.
 * Returns 0 rolled back, 1 nothing changed, 3 rolled back but a later step did not finish.
 */
export function rollback(p: PublishPaths, log: (line: string) => void, ioOverrides: Partial<PublishIo> = {}): 0 | 1 | 3 {
  const io: PublishIo = { ...fsIo, ...ioOverrides };
  const prevDist = previousDistDir(p);
  const unchanged = '网站未改动。';
  mkdirSync(p.cacheDir, { recursive: true });
  const lock = lockFile(p);
  const me = ownRecord('rollback');
  const got = takeLock(lock, me, (reason) => log(`已清除过期的构建锁 ${shown(p, lock)}（${reason}）。`));
  if (!got.ok) {
    log(`另一个构建正在进行（${describeHolder(got.holder)}），请等它结束后再回滚。${byHand(p)}${unchanged}`);
    return EXIT.unchanged;
  }
  try {
    repair(p, io, log);
    removeLeftovers(p.cacheDir, io);
    if (!existsSync(prevDist)) {
      log(`没有可恢复的上一版（${shown(p, prevDist)}/ 不存在）。${unchanged}`);
      return EXIT.unchanged;
    }
    const verdict = verifySite(prevDist);
    if (verdict.status === 'no-manifest') {
      log(`不能回滚：上一版（${shown(p, prevDist)}/）没有发布清单 ${MANIFEST_FILE}，无法确认它是完整的。${unchanged}`);
      return EXIT.unchanged;
    }
    if (verdict.status === 'incomplete') {
      const parts: string[] = [];
      if (verdict.missing.length > 0) parts.push(`缺少 ${verdict.missing.length} 个文件（如 ${verdict.missing[0]}）`);
      if (verdict.changed.length > 0) parts.push(`${verdict.changed.length} 个文件与发布时不同（如 ${verdict.changed[0]}）`);
      log(`不能回滚：上一版（${shown(p, prevDist)}/）不完整，${parts.join('，')}。${unchanged}`);
      return EXIT.unchanged;
    }
    const aside = join(p.cacheDir, `rollback-${Date.now()}-${process.pid}`);
    const moves: Move[] = [];
    if (existsSync(p.distDir)) moves.push({ from: p.distDir, to: aside });
    moves.push({ from: prevDist, to: p.distDir });
    if (moves.length === 2) moves.push({ from: aside, to: prevDist });
    try {
      runSwap(p.cacheDir, 'rollback', moves, io);
    } catch (e) {
      if (e instanceof SwapUndoFailed) {
        for (const l of undoFailed(p, e)) log(l);
        return EXIT.unchanged;
      }
      log(`无法替换 ${shown(p, p.distDir)}/：${describeFsError(e)}。回滚失败，${unchanged}`);
      return EXIT.unchanged;
    }
    const unfinished: Unfinished[] = [];
    attempt(unfinished, `删除发布日志 ${shown(p, join(p.cacheDir, JOURNAL_FILE))}`, () => endSwap(p.cacheDir, io));
    const pub = publishedDir(p);
    const pubPrev = publishedPreviousDir(p);
    if (existsSync(pubPrev)) {
      attempt(unfinished, `换回变更报告的对比数据 ${shown(p, pub)}/`, () => {
        const tmpJson = `${aside}-json`;
        io.remove(tmpJson);
        if (existsSync(pub)) io.rename(pub, tmpJson);
        io.rename(pubPrev, pub);
        if (existsSync(tmpJson)) io.rename(tmpJson, pubPrev);
      });
      attempt(unfinished, `更新 npm run dev 预览用的数据 ${shown(p, p.siteDataDir)}/`, () => copyJson(pub, p.siteDataDir, io));
    }
    if (unfinished.length > 0) {
      for (const l of liveButUnfinished(p, '已恢复上一版网站并生效', unfinished)) log(l);
      return EXIT.liveButUnfinished;
    }
    log(`已恢复上一版网站到 ${shown(p, p.distDir)}/；被替换下来的版本在 ${shown(p, prevDist)}/（再运行一次 --rollback 可撤销本次回滚）。`);
    log('注意：data/ 中的 CSV 没有改动，下次 npm run build 会按当前 CSV 重新发布。');
    return EXIT.ok;
  } catch (e) {
    // Everything after the swap is guarded by attempt(): this is a failure before it. A bug goes to the wrapper.
    if (!isFsError(e)) throw e;
    log(`回滚出错：${describeFsError(e)}。回滚失败，${unchanged}`);
    return EXIT.unchanged;
  } finally {
    try {
      releaseLock(lock, me);
    } catch {
      /* a stale lock is broken automatically next time */
    }
  }
}
