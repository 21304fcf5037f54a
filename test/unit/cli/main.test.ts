import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { EXIT, UserError, invalidData, usageError } from '../../../src/lib/cli/errors.ts';
import { main, type Command } from '../../../src/lib/cli/main.ts';
import { capture } from './capture.ts';

const throwing =
  (e: unknown): Command =>
  async () => {
    throw e;
  };

describe('main', () => {
  it('resolves with the status the command returns and prints what it printed', async () => {
    const io = capture();
    const code = await main(async (argv, ctx) => {
      ctx.io.out(`参数 ${argv.join(' ')}`);
      return 0;
    }, ['--check'], { io });
    expect({ code, stdout: io.stdout, stderr: io.stderr }).toEqual({ code: 0, stdout: ['参数 --check'], stderr: [] });
  });

  it('prints a usage error on stderr and exits 2', async () => {
    const io = capture();
    expect(await main(throwing(usageError('未知选项“--x”', '用法：npm run data')), [], { io })).toBe(EXIT.usage);
    expect(io.stderr).toEqual(['错误: 未知选项“--x”', '用法：npm run data']);
    expect(io.stdout).toEqual([]);
  });

  it('prints invalid input as file:line:column lines and exits 1', async () => {
    const io = capture();
    const issue = { severity: 'error', code: 'json_trailing_comma', file: 'data/config.json', line: 2, column: 9, message: '不是合法的 JSON' } as const;
    expect(await main(throwing(invalidData([issue])), [], { io })).toBe(EXIT.invalidData);
    expect(io.stderr).toEqual(['data/config.json:2:9: 错误: 不是合法的 JSON']);
  });

  it('reports anything unexpected as an internal error: exit 70 and one Chinese line asking to report it, no stack', async () => {
    const io = capture();
    const code = await main(throwing(new TypeError("Cannot read properties of undefined (reading 'x')\n    at somewhere")), [], { io });
    expect(code).toBe(70);
    expect(io.stderr).toEqual([
      "内部错误：TypeError: Cannot read properties of undefined (reading 'x') at somewhere。这是程序的问题，不是数据的问题：请把这一行和所运行的命令报告给开发人员（加 --verbose 可看到详细信息）。",
    ]);
    expect(io.stdout).toEqual([]);
  });

  it('adds the stack of an internal error under --verbose', async () => {
    const io = capture();
    const bug = new Error('坏了');
    expect(await main(throwing(bug), ['--verbose'], { io })).toBe(70);
    expect(io.stderr[0]).toBe('内部错误：坏了。这是程序的问题，不是数据的问题：请把这一行和所运行的命令报告给开发人员。');
    expect(io.stderr.slice(1)).toEqual(bug.stack!.split('\n').slice(1));
    expect(io.stderr.length).toBeGreaterThan(1);
  });

  it('reports a thrown non-Error value as an internal error too', async () => {
    const io = capture();
    expect(await main(throwing('字符串'), [], { io })).toBe(70);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/^内部错误：字符串。/);
  });

  it('sends help to stdout with exit 0', async () => {
    const io = capture();
    expect(await main(throwing(new UserError(['用法：npm run data'], EXIT.ok, 'stdout')), [], { io })).toBe(0);
    expect(io.stdout).toEqual(['用法：npm run data']);
    expect(io.stderr).toEqual([]);
  });

  it.each([['now'], ['later']])('as a real process, a bug thrown %s exits 70 with the one line on stderr, nothing on stdout', (when) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'helpers', 'crash.ts'), when], { encoding: 'utf8' });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      status: 70,
      stdout: '',
      stderr: '内部错误：TypeError: x is undefined。这是程序的问题，不是数据的问题：请把这一行和所运行的命令报告给开发人员（加 --verbose 可看到详细信息）。\n',
    });
  });
});
