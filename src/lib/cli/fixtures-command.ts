/**
 * `npm run fixtures -- [--diff] [--fixture NAME]`
 * The golden files of test/fixtures/<case>/ (errors.txt, summary.json) are what the data step gives for the case's
 * data/ folder on a fixed build day. This regenerates them on purpose after a deliberate change, or with --diff
 * shows, line by line, how today's output differs from what is stored, writing nothing (exit 1 when they differ).
 * Review the diff before regenerating; the tests never regenerate them.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../data/pipeline.ts';
import { formatIssue } from '../data/issues.ts';
import { normalizeConfig } from '../shared/config.ts';
import { readArgs } from './args.ts';
import { EXIT, usageError } from './errors.ts';
import type { Command } from './main.ts';

const USAGE = '用法：npm run fixtures -- [--diff] [--fixture 名称]';

/** Build day of every fixture run: 2026-11-29 in China Standard Time. */
export const FIXTURE_NOW = new Date('2026-11-29T06:00:00.000Z');

/** The fixture folders, under `<root>/test/fixtures`. */
export function fixturesDir(root: string): string {
  return join(root, 'test', 'fixtures');
}

/** Golden file name → the text the data step gives now (only the files the case keeps: errors.txt and/or summary.json). */
export async function fixtureOutputs(caseDir: string): Promise<Map<string, string>> {
  const r = await runPipeline({ dataDir: join(caseDir, 'data'), displayDir: 'data', now: FIXTURE_NOW, config: normalizeConfig({}) });
  const out = new Map<string, string>();
  if (existsSync(join(caseDir, 'errors.txt'))) out.set('errors.txt', `${r.issues.map(formatIssue).join('\n')}\n`);
  if (existsSync(join(caseDir, 'summary.json'))) out.set('summary.json', `${JSON.stringify(r.summary, null, 2)}\n`);
  return out;
}

/**
 * Lines of `before` and `after` that differ, as `-` / `+` lines with two lines of context and `@@ line` headers
 * (an LCS diff: golden files are a few hundred lines).
 */
export function diffLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: { kind: ' ' | '-' | '+'; text: string; line: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', text: a[i++]!, line: j++ + 1 });
    else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: '-', text: a[i++]!, line: j + 1 });
    else ops.push({ kind: '+', text: b[j++]!, line: j });
  }
  // Show every change with two unchanged lines either side; a gap starts a new `@@` hunk.
  const shown = ops.map((_, k) => ops.slice(Math.max(0, k - 2), k + 3).some((o) => o.kind !== ' '));
  const out: string[] = [];
  for (let k = 0; k < ops.length; k++) {
    if (!shown[k]) continue;
    if (k === 0 || !shown[k - 1]) out.push(`@@ 第 ${ops[k]!.line} 行`);
    out.push(`${ops[k]!.kind} ${ops[k]!.text}`);
  }
  return out;
}

export const fixturesCommand: Command = async (argv, { io, root }) => {
  const a = readArgs(argv, { diff: 'flag', fixture: 'value' }, USAGE);
  const dir = fixturesDir(root);
  const all = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  if (a.fixture !== undefined && !all.includes(a.fixture)) throw usageError(`没有名为“${a.fixture}”的测试数据（可用：${all.join('、')}）`, USAGE);
  let differing = 0;
  for (const name of a.fixture !== undefined ? [a.fixture] : all) {
    for (const [file, fresh] of await fixtureOutputs(join(dir, name))) {
      const path = join(dir, name, file);
      const stored = readFileSync(path, 'utf8');
      const shown = `test/fixtures/${name}/${file}`;
      if (stored === fresh) {
        io.out(`相同：${shown}`);
        continue;
      }
      differing++;
      if (a.diff) {
        io.out(`不同：${shown}（- 已存的，+ 现在的输出）`);
        for (const line of diffLines(stored, fresh)) io.out(line);
      } else {
        writeFileSync(path, fresh, 'utf8');
        io.out(`已重新生成：${shown}`);
      }
    }
  }
  if (a.diff && differing > 0) {
    io.out(`${differing} 个文件与现在的输出不同。确认改动是有意的之后，运行 npm run fixtures 重新生成。`);
    return EXIT.invalidData;
  }
  return EXIT.ok;
};
