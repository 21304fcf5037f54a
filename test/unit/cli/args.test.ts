import { describe, expect, it } from 'vitest';
import { readArgs, readPort } from '../../../src/lib/cli/args.ts';
import { UserError } from '../../../src/lib/cli/errors.ts';

const USAGE = '用法：npm run x -- [--data-dir 目录] [--check] [--host [地址]]';
const SPEC = { 'data-dir': 'value', check: 'flag', host: 'optional' } as const;

/** What readArgs gives, or the exit status and lines of the UserError it throws. */
function read(argv: string[]): unknown {
  try {
    return readArgs(argv, SPEC, USAGE);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { exit: e.exitCode, stream: e.stream, lines: e.lines };
  }
}

const usage = (message: string) => ({ exit: 2, stream: 'stderr', lines: [`错误: ${message}`, USAGE] });

describe('readArgs', () => {
  it.each<[string[], unknown]>([
    [[], {}],
    [['--data-dir', 'd'], { 'data-dir': 'd' }],
    [['--data-dir=d'], { 'data-dir': 'd' }],
    [['--data-dir=-odd'], { 'data-dir': '-odd' }],
    [['--data-dir', 'a', '--data-dir', 'b'], { 'data-dir': 'b' }],
    [['--check'], { check: true }],
    [['--host'], { host: true }],
    [['--host', '0.0.0.0'], { host: '0.0.0.0' }],
    [['--host=0.0.0.0', '--check'], { host: '0.0.0.0', check: true }],
    [['--host', '--check'], { host: true, check: true }],
    [['--verbose', '--check'], { verbose: true, check: true }],
    [['--', '--check'], usage('多余的参数“--check”（选项以 -- 开头）')],
  ])('reads %j', (argv, expected) => {
    expect(read(argv)).toEqual(expected);
  });

  it.each<[string[], string]>([
    [['--nope'], '未知选项“--nope”'],
    [['-x'], '未知选项“-x”'],
    [['--data-dir'], '选项 --data-dir 缺少参数'],
    [['--data-dir', '--check'], '选项 --data-dir 缺少参数'],
    [['--check=yes'], '选项 --check 不带参数'],
    [['data'], '多余的参数“data”（选项以 -- 开头）'],
  ])('refuses %j with exit 2, the Chinese reason and the usage line on stderr', (argv, message) => {
    expect(read(argv)).toEqual(usage(message));
  });

  it.each([['--help'], ['-h'], ['--check', '--help']])('answers %s with the usage on stdout and exit 0', (...argv) => {
    expect(read(argv)).toEqual({ exit: 0, stream: 'stdout', lines: [USAGE] });
  });

  it('reports bad usage before a help request later on the line is seen', () => {
    expect(read(['--nope', '--help'])).toEqual(usage('未知选项“--nope”'));
  });
});

describe('readPort', () => {
  it.each([
    [undefined, undefined],
    ['4321', 4321],
    ['1', 1],
    ['65535', 65535],
  ])('reads %j as %j', (value, port) => {
    expect(readPort(value, USAGE)).toBe(port);
  });

  it.each([['0'], ['65536'], ['abc'], ['12.5'], ['-1'], ['1e3'], [' 80']])('refuses %j with exit 2', (value) => {
    expect(() => readPort(value, USAGE)).toThrow(expect.objectContaining({ exitCode: 2, lines: ['错误: 端口应为 1–65535 的整数', USAGE] }));
  });

  it('refuses a port option given without a value', () => {
    expect(() => readPort(true, USAGE)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});
