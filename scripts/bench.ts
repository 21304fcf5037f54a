/**
 * Data pipeline benchmark: time and peak memory of `scripts/data.ts` on a large
 * militia_cases.csv, against PapaParse's own bare streaming parse of the same file.
 * A report, not a test: exits 0 on a missed target, 1 only when the pipeline fails.
 *
 *   npm run bench                      # 1,000,000 rows, then 3,000,000 rows, and the growth
 *   npm run bench -- --rows 200000     # one size only
 *   npm run bench -- --skip-pipeline   # PapaParse baseline only
 *   npm run bench -- --repeat 3        # best of 3 runs per measurement
 *   npm run bench -- --runaway-only    # only the runaway inputs (issue 10): bad rows, a stray quote, a 200 MB line
 *   npm run bench -- --skip-runaway    # only the sizes
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateCases, generateLongLine } from './bench/generate-cases.ts';
import { readArgs } from '../src/lib/cli/args.ts';
import { EXIT, UserError, usageError } from '../src/lib/cli/errors.ts';
import { runCli } from '../src/lib/cli/main.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RSS_HOOK = pathToFileURL(join(ROOT, 'scripts/bench/rss-hook.mjs')).href;
// Each is run exactly as `npm run data` runs scripts/data.ts: bundled by scripts/run.mjs, in plain Node.
const RUNNER = join(ROOT, 'scripts/run.mjs');
const PAPA_SCRIPT = 'bench/papaparse-count';
const DATA_SCRIPT = 'data';
const EMPTY_SCRIPT = 'bench/empty';

const TARGET_RATIO = 1.5;
const TARGET_RSS_MB = 150;
/** Linear time means 3× the rows takes about 3× as long; allow 10% slack. */
const TARGET_GROWTH_TIME = 3.3;
/** Streaming means memory does not grow with the file; allow 20% slack. */
const TARGET_GROWTH_RSS = 1.2;

interface Options {
  sizes: number[];
  skipPipeline: boolean;
  repeat: number;
  /** Run the size table, the runaway table, or both. */
  sizeTable: boolean;
  runaway: boolean;
}

const USAGE = '用法：npm run bench -- [--rows 行数] [--repeat 次数] [--skip-pipeline] [--runaway-only | --skip-runaway]';

function positiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(n) || n < 1) throw usageError(`${option} 应为正整数，实际为“${value}”`, USAGE);
  return n;
}

function parseOptions(argv: readonly string[]): Options {
  const a = readArgs(argv, { rows: 'value', repeat: 'value', 'skip-pipeline': 'flag', 'runaway-only': 'flag', 'skip-runaway': 'flag' }, USAGE);
  const rows = positiveInt(a.rows, '--rows');
  return {
    sizes: rows === undefined ? [1_000_000, 3_000_000] : [rows],
    skipPipeline: a['skip-pipeline'] === true,
    repeat: positiveInt(a.repeat, '--repeat') ?? 1,
    sizeTable: a['runaway-only'] !== true,
    runaway: a['skip-runaway'] !== true,
  };
}

interface Run {
  ms: number;
  rssMb: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Lines printed on stdout in all (only the tail of the text is kept). */
  lines: number;
}

/** Keeps the tail of a child's output: enough to show why it failed, bounded if it prints a million lines. */
function appendTail(buffer: string, chunk: Buffer): string {
  const next = buffer + chunk.toString('utf8');
  return next.length > 20_000 ? next.slice(-20_000) : next;
}

/** Runs one script in its own node process through scripts/run.mjs (as npm run data does), so RSS is that process's own. */
function runChild(script: string, args: readonly string[], rssFile: string, nodeArgs: readonly string[] = []): Promise<Run> {
  rmSync(rssFile, { force: true });
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, '--import', RSS_HOOK, RUNNER, script, ...args], {
      cwd: ROOT,
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let lines = 0;
    child.stdout.on('data', (c: Buffer) => {
      for (let k = c.indexOf(10); k !== -1; k = c.indexOf(10, k + 1)) lines++;
      stdout = appendTail(stdout, c);
    });
    child.stderr.on('data', (c: Buffer) => (stderr = appendTail(stderr, c)));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      let rssMb: number | null = null;
      try {
        rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024; // maxRSS is in kilobytes
      } catch {
        rssMb = null;
      }
      resolvePromise({ ms, rssMb, code, stdout, stderr, lines });
    });
  });
}

/** Best (fastest) of `repeat` runs; peak RSS is the largest seen, the honest figure for memory. */
async function measure(script: string, args: readonly string[], rssFile: string, repeat: number): Promise<Run> {
  let best: Run | null = null;
  let maxRss: number | null = null;
  for (let i = 0; i < repeat; i++) {
    const run = await runChild(script, args, rssFile);
    if (run.code !== 0) return run;
    if (run.rssMb !== null) maxRss = Math.max(maxRss ?? 0, run.rssMb);
    if (best === null || run.ms < best.ms) best = run;
  }
  if (best === null) throw new Error('repeat must be at least 1');
  return { ...best, rssMb: maxRss };
}

interface SizeResult {
  rows: number;
  fileMb: number;
  papa: Run;
  papaRows: number;
  pipeline: Run | null;
}

const MB = 1024 * 1024;
const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
const fmtS = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const fmtMb = (mb: number | null): string => (mb === null ? 'n/a' : `${mb.toFixed(1)} MB`);
const verdict = (ok: boolean): string => (ok ? 'OK' : 'MISS');

async function benchSize(dir: string, rows: number, options: Options): Promise<SizeResult> {
  const dataDir = join(dir, `rows-${rows}`);
  const outDir = join(dataDir, 'out');
  const file = join(dataDir, 'militia_cases.csv');
  const rssFile = join(dir, 'rss.txt');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  process.stderr.write(`· generating ${fmtInt(rows)} rows… `);
  const genStart = performance.now();
  await generateCases(file, rows);
  const fileMb = statSync(file).size / MB;
  process.stderr.write(`${fileMb.toFixed(1)} MB in ${fmtS(performance.now() - genStart)}\n`);

  process.stderr.write('· PapaParse bare streaming parse… ');
  const papa = await measure(PAPA_SCRIPT, [file], rssFile, options.repeat);
  if (papa.code !== 0) {
    throw new UserError([`\nPapaParse baseline failed (exit ${papa.code}):`, papa.stderr], EXIT.invalidData);
  }
  // header:false: the count includes the header record.
  const papaRows = Number(papa.stdout.trim()) - 1;
  if (papaRows !== rows) console.error(`\nwarning: PapaParse counted ${fmtInt(papaRows)} rows, ${fmtInt(rows)} were written`);
  process.stderr.write(`${fmtS(papa.ms)}\n`);

  let pipeline: Run | null = null;
  if (!options.skipPipeline) {
    process.stderr.write('· pipeline scripts/data.ts… ');
    pipeline = await measure(DATA_SCRIPT, ['--data-dir', dataDir, '--out-dir', outDir], rssFile, options.repeat);
    process.stderr.write(pipeline.code === 0 ? `${fmtS(pipeline.ms)}\n` : `exit ${pipeline.code}\n`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  return { rows, fileMb, papa, papaRows, pipeline };
}

function printTable(results: readonly SizeResult[], startup: Run, fixed: Run | null): void {
  const header = ['', ...results.map((r) => `${fmtInt(r.rows)} rows`), 'target'];
  const lines: string[][] = [];
  const row = (label: string, cells: string[], target = ''): void => {
    lines.push([label, ...cells, target]);
  };
  row('file size', results.map((r) => fmtMb(r.fileMb)));
  row('PapaParse rows counted', results.map((r) => fmtInt(r.papaRows)));
  row('PapaParse time', results.map((r) => fmtS(r.papa.ms)));
  row('PapaParse peak RSS', results.map((r) => fmtMb(r.papa.rssMb)));
  const withPipeline = results.filter((r) => r.pipeline !== null);
  if (withPipeline.length === results.length) {
    const p = (r: SizeResult): Run => r.pipeline as Run;
    row('pipeline time', results.map((r) => fmtS(p(r).ms)));
    row(
      'ratio pipeline/PapaParse',
      results.map((r) => {
        const ratio = p(r).ms / r.papa.ms;
        return `${ratio.toFixed(2)} ${verdict(ratio <= TARGET_RATIO)}`;
      }),
      `≤ ${TARGET_RATIO}`,
    );
    if (fixed !== null) {
      row(
        'ratio net of fixed costs',
        // Below half a second of parsing the subtraction is mostly noise.
        results.map((r) => (r.papa.ms - startup.ms < 500 ? 'n/a' : ((p(r).ms - fixed.ms) / (r.papa.ms - startup.ms)).toFixed(2))),
        '(reference)',
      );
    }
    row('pipeline rows/second', results.map((r) => fmtInt(r.rows / (p(r).ms / 1000))));
    row(
      'pipeline peak RSS',
      results.map((r) => {
        const rss = p(r).rssMb;
        return `${fmtMb(rss)} ${rss === null ? '' : verdict(rss <= TARGET_RSS_MB)}`.trim();
      }),
      `≤ ${TARGET_RSS_MB} MB`,
    );
  }
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...lines.map((l) => displayWidth(l[i] ?? ''))));
  const fmtLine = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? padEnd(c, widths[i] ?? 0) : padStart(c, widths[i] ?? 0))).join('   ');
  console.log(fmtLine(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('   '));
  for (const l of lines) console.log(fmtLine(l));
}

function printGrowth(small: SizeResult, large: SizeResult): void {
  const factor = large.rows / small.rows;
  console.log(`\ngrowth ${fmtInt(small.rows)} → ${fmtInt(large.rows)} rows (${factor}× the rows)`);
  const lines: string[][] = [];
  const line = (label: string, value: string, target: string): void => {
    lines.push([label, value, target]);
  };
  const timeTarget = (TARGET_GROWTH_TIME * factor) / 3;
  const rssTarget = TARGET_GROWTH_RSS;
  const papaTime = large.papa.ms / small.papa.ms;
  line('PapaParse time ratio', papaTime.toFixed(2), '(reference)');
  if (small.pipeline && large.pipeline) {
    const t = large.pipeline.ms / small.pipeline.ms;
    line('pipeline time ratio', `${t.toFixed(2)} ${verdict(t <= timeTarget)}`, `≤ ${timeTarget.toFixed(1)} (linear)`);
    const a = small.pipeline.rssMb;
    const b = large.pipeline.rssMb;
    if (a !== null && b !== null) {
      const r = b / a;
      line('pipeline peak RSS', `${fmtMb(a)} → ${fmtMb(b)} (×${r.toFixed(2)}) ${verdict(r <= rssTarget)}`, `≤ ×${rssTarget} (streaming)`);
    }
  }
  const a = small.papa.rssMb;
  const b = large.papa.rssMb;
  if (a !== null && b !== null) line('PapaParse peak RSS', `${fmtMb(a)} → ${fmtMb(b)} (×${(b / a).toFixed(2)})`, '(reference)');
  const w0 = Math.max(...lines.map((l) => displayWidth(l[0] ?? '')));
  const w1 = Math.max(...lines.map((l) => displayWidth(l[1] ?? '')));
  for (const l of lines) console.log(`${padEnd(l[0] ?? '', w0)}   ${padStart(l[1] ?? '', w1)}   ${l[2] ?? ''}`);
}

/** Terminal width: CJK and other wide characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number): string => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

/** Issue 10's runaway inputs: each a row of the runaway table (exit code, time, peak RSS, what was printed). */
interface RunawayResult {
  label: string;
  fileMb: number;
  run: Run;
  /** What the row must show, and whether it did. */
  target: string;
  ok: boolean;
  note: string;
}

const INVALID_ROWS = [1_000_000, 3_000_000];
const SMALL_HEAP = ['--max-old-space-size=256'];
/** About 40 MB of militia_cases.csv (51 bytes a row). */
const QUOTE_ROWS = 820_000;
const LONG_LINE_BYTES = 200 * MB;

/** Problem lines (`file:line:col: 错误|警告: …`) among the lines printed, and whether the capped list closed with 另有 N 个问题未列出. */
function printedProblems(run: Run): { problems: number; omitted: boolean } {
  // Every line but the per-file counts and the summary is a problem line, the omitted line included.
  const files = (run.stdout.match(/: (读取 \d+ 行|未提供)/g) ?? []).length;
  return { problems: run.lines - files - 1, omitted: run.stdout.includes('个问题未列出') };
}

async function runaway(dir: string): Promise<RunawayResult[]> {
  const rssFile = join(dir, 'rss.txt');
  const out: RunawayResult[] = [];
  const dataDir = join(dir, 'runaway');
  const file = join(dataDir, 'militia_cases.csv');
  const args = ['--data-dir', dataDir, '--check'];
  const fresh = (): void => {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
  };

  for (const rows of INVALID_ROWS) {
    fresh();
    process.stderr.write(`· runaway: ${fmtInt(rows)} rows, every date invalid, 256 MB heap… `);
    await generateCases(file, rows, 'bad-dates');
    const run = await runChild(DATA_SCRIPT, args, rssFile, SMALL_HEAP);
    process.stderr.write(`exit ${run.code}, ${fmtS(run.ms)}\n`);
    const p = printedProblems(run);
    out.push({
      label: `${fmtInt(rows)} invalid rows (--max-old-space-size=256)`,
      fileMb: statSync(file).size / MB,
      run,
      target: 'exit 1, ≤ 101 lines',
      ok: run.code === 1 && p.problems <= 101 && p.omitted,
      note: `${p.problems} problem lines printed${p.omitted ? ' (last: 另有 N 个问题未列出)' : ''}`,
    });
  }

  fresh();
  process.stderr.write(`· runaway: ${fmtInt(QUOTE_ROWS)} rows clean, then with a stray quote at line 2… `);
  await generateCases(file, QUOTE_ROWS, 'valid');
  const clean = await runChild(DATA_SCRIPT, args, rssFile);
  out.push({ label: `clean file, ${fmtInt(QUOTE_ROWS)} rows`, fileMb: statSync(file).size / MB, run: clean, target: 'exit 0', ok: clean.code === 0, note: '(reference)' });
  await generateCases(file, QUOTE_ROWS, 'stray-quote');
  const stray = await runChild(DATA_SCRIPT, args, rssFile);
  process.stderr.write(`${fmtS(clean.ms)} / ${fmtS(stray.ms)}\n`);
  const ratio = stray.ms / clean.ms;
  out.push({
    label: 'same, stray quote at line 2',
    fileMb: statSync(file).size / MB,
    run: stray,
    target: 'exit 1, ≤ 2× clean',
    ok: stray.code === 1 && ratio <= 2,
    note: `${ratio.toFixed(2)}× the clean parse; ${stray.stdout.split('\n').find((l) => l.includes(':2:')) ?? ''}`.slice(0, 140),
  });

  fresh();
  process.stderr.write('· runaway: one 200 MB line… ');
  await generateLongLine(file, LONG_LINE_BYTES);
  const long = await runChild(DATA_SCRIPT, args, rssFile);
  process.stderr.write(`exit ${long.code}, ${fmtS(long.ms)}\n`);
  out.push({
    label: 'one 200 MB line, then 10 rows',
    fileMb: statSync(file).size / MB,
    run: long,
    target: 'exit 1, bounded',
    ok: long.code === 1 && long.stdout.includes(':2:1: 错误: 此行超过 1 MB'),
    note: (long.stdout.split('\n').find((l) => l.includes(':2:1:')) ?? '').slice(0, 140),
  });
  rmSync(dataDir, { recursive: true, force: true });
  return out;
}

function printRunaway(results: readonly RunawayResult[]): void {
  console.log('\nrunaway inputs (issue 10): scripts/data.ts --check, each in its own process');
  const header = ['input', 'file', 'exit', 'time', 'peak RSS', 'target', ''];
  const rows = results.map((r) => [r.label, fmtMb(r.fileMb), String(r.run.code), fmtS(r.run.ms), fmtMb(r.run.rssMb), r.target, verdict(r.ok)]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((l) => displayWidth(l[i] ?? ''))));
  const fmtLine = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 || i === 5 ? padEnd(c, widths[i] ?? 0) : padStart(c, widths[i] ?? 0))).join('   ');
  console.log(fmtLine(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('   '));
  for (const l of rows) console.log(fmtLine(l));
  const a = results[0]?.run.rssMb;
  const b = results[1]?.run.rssMb;
  if (a != null && b != null) {
    console.log(`peak RSS, ${fmtInt(INVALID_ROWS[0]!)} → ${fmtInt(INVALID_ROWS[1]!)} invalid rows: ×${(b / a).toFixed(2)} ${verdict(b / a <= TARGET_GROWTH_RSS)} (≤ ×${TARGET_GROWTH_RSS}: memory independent of the bad rows)`);
  }
  for (const r of results) if (r.note) console.log(`  ${r.label}: ${r.note}`);
}

/** The benchmark; exit 0 whatever the figures, 1 when the pipeline or the baseline fails, 2 on bad usage. */
async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const loadBefore = loadavg()[0] ?? 0;
  const dir = mkdtempSync(join(tmpdir(), 'shuangyong-bench-'));
  const results: SizeResult[] = [];
  const startup = await measure(EMPTY_SCRIPT, [], join(dir, 'rss.txt'), Math.max(3, options.repeat));
  let fixed: Run | null = null;
  let pipelineFailed: SizeResult | null = null;
  let runawayResults: RunawayResult[] = [];
  try {
    if (!options.skipPipeline && options.sizeTable) {
      // The pipeline on a data folder with a header-only file (an empty folder is refused): node, the bundle step
      // and the pipeline's own modules, no rows.
      const emptyDir = join(dir, 'empty');
      mkdirSync(emptyDir);
      writeFileSync(join(emptyDir, 'militia_cases.csv'), 'date,subdistrict,case_type,cases,persons,note\n');
      fixed = await measure(DATA_SCRIPT, ['--data-dir', emptyDir, '--out-dir', join(emptyDir, 'out')], join(dir, 'rss.txt'), Math.max(3, options.repeat));
      if (fixed.code !== 0) fixed = null;
    }
    for (const rows of options.sizeTable ? options.sizes : []) {
      const result = await benchSize(dir, rows, options);
      results.push(result);
      if (result.pipeline !== null && result.pipeline.code !== 0) {
        pipelineFailed = result;
        break;
      }
    }
    if (options.runaway && !options.skipPipeline && pipelineFailed === null) runawayResults = await runaway(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (pipelineFailed?.pipeline) {
    const p = pipelineFailed.pipeline;
    console.error(`\npipeline failed on ${fmtInt(pipelineFailed.rows)} rows: exit ${p.code} after ${fmtS(p.ms)}`);
    if (p.stdout.trim()) console.error(`stdout (tail):\n${p.stdout.trimEnd().split('\n').slice(-20).join('\n')}`);
    if (p.stderr.trim()) console.error(`stderr (tail):\n${p.stderr.trimEnd().split('\n').slice(-20).join('\n')}`);
    return EXIT.invalidData;
  }

  console.log(`\nbench: militia_cases.csv, node ${process.version}, best of ${options.repeat} run(s) per figure, each in its own process (MB = 2^20 bytes)\n`);
  console.log(`node startup alone (empty script):  ${fmtS(startup.ms)}, ${fmtMb(startup.rssMb)} peak RSS (in every figure below)`);
  if (fixed !== null) {
    console.log(`pipeline on a header-only data folder (fixed): ${fmtS(fixed.ms)}, ${fmtMb(fixed.rssMb)} peak RSS`);
  }
  const cores = availableParallelism();
  const load = Math.max(loadBefore, loadavg()[0] ?? 0);
  if (load > cores * 0.75) {
    console.log(`note: machine busy (1-min load average ${load.toFixed(1)} on ${cores} cores): timings are noisy; rerun with --repeat 3 on an idle machine`);
  }
  if (results.length > 0) {
    console.log('');
    printTable(results, startup, fixed);
    const small = results[0];
    const large = results[results.length - 1];
    if (results.length > 1 && small && large) printGrowth(small, large);
  }
  if (runawayResults.length > 0) printRunaway(runawayResults);
  if (options.skipPipeline) console.log('\n(pipeline skipped: --skip-pipeline)');
  return EXIT.ok;
}

await runCli(main);
