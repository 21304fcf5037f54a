import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffLines, fixturesCommand } from '../../../src/lib/cli/fixtures-command.ts';
import { main } from '../../../src/lib/cli/main.ts';
import { capture } from './capture.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project root holding copies of two fixture cases, one golden file edited. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixtures-'));
  dirs.push(dir);
  for (const name of ['errors-order', 'valid-gbk-crlf']) cpSync(join(root, 'test', 'fixtures', name), join(dir, 'test', 'fixtures', name), { recursive: true });
  const summary = join(dir, 'test', 'fixtures', 'valid-gbk-crlf', 'summary.json');
  writeFileSync(summary, readFileSync(summary, 'utf8').replace('"latestYear": 2025', '"latestYear": 2024'));
  return dir;
}

describe('diffLines', () => {
  it('shows a changed line as - then + with two lines of context, under the line number of the new text', () => {
    expect(diffLines('a\nb\nc\nd\ne\nf\ng', 'a\nb\nc\nD\ne\nf\ng')).toEqual(['@@ 第 2 行', '  b', '  c', '- d', '+ D', '  e', '  f']);
  });

  it('starts a new hunk after a run of unchanged lines, and shows added and removed lines', () => {
    expect(diffLines('1\n2\n3\n4\n5\n6\n7\n8\n9', '0\n1\n2\n3\n4\n5\n6\n7\n8')).toEqual(['@@ 第 1 行', '+ 0', '  1', '  2', '@@ 第 8 行', '  7', '  8', '- 9']);
  });

  it('gives nothing for equal texts', () => {
    expect(diffLines('x\ny\n', 'x\ny\n')).toEqual([]);
  });
});

describe('npm run fixtures', () => {
  it('with --diff shows how the output differs from a golden file, writes nothing and exits 1', async () => {
    const dir = project();
    const summary = join(dir, 'test', 'fixtures', 'valid-gbk-crlf', 'summary.json');
    const before = readFileSync(summary, 'utf8');
    const io = capture();
    expect(await main(fixturesCommand, ['--diff'], { io, root: dir })).toBe(1);
    expect(io.stdout.slice(0, 2)).toEqual(['相同：test/fixtures/errors-order/errors.txt', '不同：test/fixtures/valid-gbk-crlf/summary.json（- 已存的，+ 现在的输出）']);
    expect(io.stdout).toContain('-   "latestYear": 2024,');
    expect(io.stdout).toContain('+   "latestYear": 2025,');
    expect(io.stdout.at(-1)).toBe('1 个文件与现在的输出不同。确认改动是有意的之后，运行 npm run fixtures 重新生成。');
    expect(readFileSync(summary, 'utf8')).toBe(before);
  });

  it('without --diff regenerates the golden files, after which --diff finds none different', async () => {
    const dir = project();
    const io = capture();
    expect(await main(fixturesCommand, [], { io, root: dir })).toBe(0);
    expect(io.stdout).toEqual(['相同：test/fixtures/errors-order/errors.txt', '已重新生成：test/fixtures/valid-gbk-crlf/summary.json']);
    expect(readFileSync(join(dir, 'test', 'fixtures', 'valid-gbk-crlf', 'summary.json'), 'utf8')).toBe(
      readFileSync(join(root, 'test', 'fixtures', 'valid-gbk-crlf', 'summary.json'), 'utf8'),
    );
    expect(await main(fixturesCommand, ['--diff'], { io: capture(), root: dir })).toBe(0);
  });

  it('refuses an unknown case with exit 2, naming the ones there are', async () => {
    const io = capture();
    expect(await main(fixturesCommand, ['--fixture', 'nope'], { io, root: project() })).toBe(2);
    expect(io.stderr[0]).toBe('错误: 没有名为“nope”的测试数据（可用：errors-order、valid-gbk-crlf）');
  });
});
