/**
 * All-or-nothing publishing: data step and site build into a staging folder, then two renames
 * swap it in as `dist/`. Any failure or interruption before the swap leaves `dist/` as it was.
 */
import { spawn } from 'node:child_process';
import {
  existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, copyFileSync, openSync, closeSync, statSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Summary, Details } from '../shared/types.ts';
import type { Issue } from '../data/issues.ts';
import { formatIssue, hasErrors, sortIssues } from '../data/issues.ts';
import { changeReport } from './change-report.ts';
import { readConfig } from '../shared/config.ts';
import { checkDist, formatExternalRef } from './dist-check.ts';
import type { PublishedData } from './change-report.ts';

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
}

export interface PublishOptions {
  signal?: AbortSignal;
  /** Show the site build's own output (default: only on failure). */
  verbose?: boolean;
  /** How long to wait for another build holding the lock before giving up (default 5 minutes). */
  lockWaitMs?: number;
}

export interface PublishResult {
  /** 0 published, 1 invalid data or failed build (nothing changed), 130 interrupted (nothing changed). */
  exitCode: 0 | 1 | 130;
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
  return { ok: result.ok, issues: result.issues, summary: result.summary, details: result.details };
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

/** True while a process with this id runs (a lock whose owner died may be taken over). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take `<cache>/build.lock`; a lock left by a dead process is taken over. Returns false when another build runs. */
function takeLock(file: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}

/** Remove staging folders left by interrupted builds (we hold the lock, so none is in use). */
function removeStaleStaging(cacheDir: string): void {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) {
    if (name.startsWith('staging-')) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

/** Copy the JSON files of `from` into `to` (created), each written beside and renamed so a reader never sees half a file. */
function copyJson(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (!statSync(join(from, name)).isFile()) continue;
    const tmp = join(to, `.${name}.tmp-${process.pid}`);
    copyFileSync(join(from, name), tmp);
    renameSync(tmp, join(to, name));
  }
}

/** The path shown in messages: relative to the root when inside it. */
function shown(p: PublishPaths, path: string): string {
  const r = relative(p.root, path);
  return r === '' ? '.' : r.startsWith('..') ? path : r.split(sep).join('/');
}

class Interrupted extends Error {}

/**
 * Run the data step and the site build into staging, then swap staging in as `dist/` (previous site
 * kept in `<cache>/dist-previous`), refresh `<cache>/data` and `<cache>/published`, and write the change report.
 */
export async function publish(p: PublishPaths, deps: PublishDeps, opts: PublishOptions = {}): Promise<PublishResult> {
  const signal = opts.signal ?? new AbortController().signal;
  const log = deps.log;
  const timings: { step: string; seconds: number }[] = [];
  const unchanged = `已发布的网站未改动（${shown(p, p.distDir)}/ 保持原样）。`;
  const check = (): void => {
    if (signal.aborted) throw new Interrupted();
  };

  mkdirSync(p.cacheDir, { recursive: true });
  const lock = join(p.cacheDir, 'build.lock');
  const waitUntil = Date.now() + (opts.lockWaitMs ?? 300_000);
  let waiting = false;
  while (!takeLock(lock)) {
    if (Date.now() >= waitUntil || signal.aborted) {
      log(`另一个构建正在进行（见 ${shown(p, lock)}），请等它结束后再运行。${unchanged}`);
      return { exitCode: signal.aborted ? 130 : 1, timings, report: null };
    }
    if (!waiting) log('另一个构建正在进行，等它结束……');
    waiting = true;
    await new Promise((r) => setTimeout(r, 250));
  }
  removeStaleStaging(p.cacheDir);
  const staging = join(p.cacheDir, `staging-${Date.now()}-${process.pid}`);
  const stagingData = join(staging, 'data');
  const stagingDist = join(staging, 'dist');
  try {
    check();
    let t = performance.now();
    log('数据校验……');
    let data: DataStepResult;
    try {
      data = await deps.runData(p.dataDir, stagingData, shown(p, p.dataDir));
    } catch (e) {
      log(`数据处理出错：${(e as Error).message}`);
      log(`构建未完成。${unchanged}`);
      return { exitCode: 1, timings, report: null };
    }
    timings.push({ step: '数据校验', seconds: seconds(t) });
    check();
    if (!data.ok || hasErrors(data.issues)) {
      const issues = sortIssues([...data.issues]);
      for (const i of issues) log(formatIssue(i));
      const n = issues.filter((i) => i.severity === 'error').length;
      log('');
      log(`发现 ${n} 个错误，请按上面的 文件:行:列 逐一修改后重新运行 npm run build（可先用 npm run check 检查）。`);
      log(`构建已停止。${unchanged}`);
      return { exitCode: 1, timings, report: null };
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
      log((e as Error).message);
      log('');
      log(`站点构建失败。${unchanged}`);
      return { exitCode: 1, timings, report: null };
    }
    timings.push({ step: '站点构建', seconds: seconds(t) });
    check();
    if (!existsSync(join(stagingDist, 'index.html'))) {
      log(`站点构建没有生成 index.html。${unchanged}`);
      return { exitCode: 1, timings, report: null };
    }
    // Intranet rule: no published file may load anything from another host.
    const external = checkDist(stagingDist, { site: readConfig(p.dataDir).site });
    if (external.length > 0) {
      for (const ref of external) log(formatExternalRef(ref, shown(p, p.distDir)));
      log('');
      log(`发现 ${external.length} 处对其他网站的引用：内网中无法访问，网站只能引用本站自己的文件。请删除这些引用，或把所需文件放进 public/ 后改用本站地址，再重新运行 npm run build。`);
      log(`站点构建未通过外部引用检查。${unchanged}`);
      return { exitCode: 1, timings, report: null };
    }

    t = performance.now();
    const previous = readPublished(p);
    // The swap is synchronous: no signal handler can run between the two renames.
    check();
    const prevDist = previousDistDir(p);
    const hadDist = existsSync(p.distDir);
    try {
      if (hadDist) {
        rmSync(prevDist, { recursive: true, force: true });
        renameSync(p.distDir, prevDist);
      }
      try {
        renameSync(stagingDist, p.distDir);
      } catch (e) {
        if (hadDist) renameSync(prevDist, p.distDir);
        throw e;
      }
    } catch (e) {
      // e.g. EXDEV (dist and .cache on different disks) or EBUSY (dist is a mount point).
      log(`无法替换 ${shown(p, p.distDir)}/：${(e as Error).message}`);
      log(`发布失败。${unchanged}（${shown(p, p.distDir)}/ 与 ${shown(p, p.cacheDir)}/ 须在同一磁盘上，且 ${shown(p, p.distDir)}/ 不能是挂载点。）`);
      return { exitCode: 1, timings, report: null };
    }
    const pub = publishedDir(p);
    const pubPrev = publishedPreviousDir(p);
    rmSync(pubPrev, { recursive: true, force: true });
    if (existsSync(pub)) renameSync(pub, pubPrev);
    copyJson(stagingData, pub);
    copyJson(stagingData, p.siteDataDir);
    timings.push({ step: '发布', seconds: seconds(t) });

    const report = changeReport({ previous, current: { summary: data.summary, details: data.details }, issues: data.issues });
    log('');
    for (const l of report) log(l);
    writeFileSync(`${p.reportFile}.tmp`, `${report.join('\n')}\n\n用时：${formatTimings(timings)}\n`, 'utf8');
    renameSync(`${p.reportFile}.tmp`, p.reportFile);
    log('');
    log(`已发布到 ${shown(p, p.distDir)}/（上一版保存在 ${shown(p, prevDist)}/，可用 npm run build -- --rollback 恢复）。`);
    log(`变更报告已写入 ${shown(p, p.reportFile)}。`);
    log(`用时：${formatTimings(timings)}`);
    return { exitCode: 0, timings, report };
  } catch (e) {
    if (e instanceof Interrupted) {
      log('');
      log(`构建已中断。${unchanged}`);
      return { exitCode: 130, timings, report: null };
    }
    throw e;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(lock, { force: true });
  }
}

/**
 * Swap `dist/` with `<cache>/dist-previous` (and the kept JSON with it), so running it twice undoes it.
 * Returns 0 on success, 1 when there is nothing to roll back to.
 */
export function rollback(p: PublishPaths, log: (line: string) => void): 0 | 1 {
  const prevDist = previousDistDir(p);
  if (!existsSync(prevDist)) {
    log(`没有可恢复的上一版（${shown(p, prevDist)}/ 不存在）。网站未改动。`);
    return 1;
  }
  mkdirSync(p.cacheDir, { recursive: true });
  const lock = join(p.cacheDir, 'build.lock');
  if (!takeLock(lock)) {
    log('另一个构建正在进行，请等它结束后再回滚。网站未改动。');
    return 1;
  }
  try {
    const tmp = join(p.cacheDir, `rollback-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    const hadDist = existsSync(p.distDir);
    if (hadDist) renameSync(p.distDir, tmp);
    renameSync(prevDist, p.distDir);
    if (hadDist) renameSync(tmp, prevDist);
    const pub = publishedDir(p);
    const pubPrev = publishedPreviousDir(p);
    if (existsSync(pubPrev)) {
      const tmpJson = `${tmp}-json`;
      rmSync(tmpJson, { recursive: true, force: true });
      if (existsSync(pub)) renameSync(pub, tmpJson);
      renameSync(pubPrev, pub);
      if (existsSync(tmpJson)) renameSync(tmpJson, pubPrev);
      copyJson(pub, p.siteDataDir);
    }
    log(`已恢复上一版网站到 ${shown(p, p.distDir)}/；被替换下来的版本在 ${shown(p, prevDist)}/（再运行一次 --rollback 可撤销本次回滚）。`);
    log('注意：data/ 中的 CSV 没有改动，下次 npm run build 会按当前 CSV 重新发布。');
    return 0;
  } finally {
    rmSync(lock, { force: true });
  }
}
