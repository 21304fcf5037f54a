/** Every command's misuse answers in process, through main(), before any server or build starts. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCommand } from '../../../src/lib/cli/build-command.ts';
import { devCommand } from '../../../src/lib/cli/dev-command.ts';
import { main, type Command } from '../../../src/lib/cli/main.ts';
import { previewCommand } from '../../../src/lib/cli/preview-command.ts';
import { templatesCommand } from '../../../src/lib/cli/templates-command.ts';
import { capture } from './capture.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'commands-'));
  dirs.push(d);
  return d;
}

async function run(command: Command, argv: string[], at = root) {
  const io = capture();
  const code = await main(command, argv, { io, root: at });
  return { code, stdout: io.stdout, stderr: io.stderr };
}

const DEV = '用法：npm run dev -- [--data-dir 目录] [--port 端口] [--host]';
const PREVIEW = '用法：npm run preview -- [--port 端口] [--host]';

describe('usage errors, in process', () => {
  it.each<[string, Command, string[], string[]]>([
    ['dev with a bad port', devCommand, ['--port', 'abc'], ['错误: 端口应为 1–65535 的整数', DEV]],
    ['dev with a missing data folder', devCommand, ['--data-dir', '/nonexistent/data'], ['错误: 数据目录“/nonexistent/data”不存在', DEV]],
    ['dev with an unknown option', devCommand, ['--open'], ['错误: 未知选项“--open”', DEV]],
    ['preview with a port out of range', previewCommand, ['--port', '70000'], ['错误: 端口应为 1–65535 的整数', PREVIEW]],
    ['templates with a value for its flag', templatesCommand, ['--check=yes'], ['错误: 选项 --check 不带参数', '用法：npm run templates [-- --check]']],
  ])('%s exits 2 with the reason and the usage line', async (_, command, argv, stderr) => {
    expect(await run(command, argv)).toEqual({ code: 2, stdout: [], stderr });
  });

  it('build with a missing data folder exits 2, and --help shows the usage with exit 0', async () => {
    const build = buildCommand();
    const r = await run(build, ['--data-dir', '/nonexistent/data']);
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toBe('错误: 数据目录“/nonexistent/data”不存在');
    expect(r.stderr[1]).toMatch(/^用法：npm run build -- /);
    const help = await run(build, ['--help']);
    expect({ code: help.code, stdout: help.stdout, stderr: help.stderr }).toEqual({ code: 0, stdout: [r.stderr[1]], stderr: [] });
  });
});

describe('commands that find nothing to work on', () => {
  it('preview exits 1 with a Chinese hint when nothing was built', async () => {
    const dir = tmp();
    const r = await run(previewCommand, [], dir);
    expect(r).toEqual({ code: 1, stdout: [], stderr: [`还没有可预览的网站（${join(dir, 'dist')} 中没有 index.html）：请先运行 npm run build。`] });
  });

  it('templates --check exits 0 on this checkout, and 1 naming each file a fresh folder lacks, writing nothing', async () => {
    expect((await run(templatesCommand, ['--check'])).code).toBe(0);
    const dir = tmp();
    mkdirSync(join(dir, 'docs'));
    const r = await run(templatesCommand, ['--check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('与数据规范不一致：data/templates/funding.csv');
    expect(r.stdout.at(-1)).toBe('请运行 npm run templates 重新生成。');
    expect(r.stderr).toEqual(['找不到 docs/admin-guide.md，跳过数据说明部分。']);
    expect(() => readFileSync(join(dir, 'data', 'templates', 'funding.csv'))).toThrow();
  });
});
