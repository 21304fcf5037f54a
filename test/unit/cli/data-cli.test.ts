import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASETS, internalKeys } from '../../../src/lib/data/schema/index.ts';
import { dataCommand } from '../../../src/lib/cli/data-command.ts';
import { main } from '../../../src/lib/cli/main.ts';
import { capture } from './capture.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures');
/** Build day of these runs: 2026-11-29 in China Standard Time. */
const NOW = new Date('2026-11-29T06:00:00.000Z');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'data-cli-'));
  dirs.push(d);
  return d;
}

/** `npm run data -- <args>` in process: exit status and printed lines, timings blanked; build day NOW unless `now` is null. */
async function data(args: string[], now: Date | null = NOW) {
  const io = capture();
  const code = await main(dataCommand, args, { io, root, ...(now ? { now } : {}) });
  const blank = (l: string): string => l.replace(/（用时 \d+\.\d\d 秒）/, '（用时 … 秒）');
  return { code, out: io.stdout.map(blank), err: io.stderr };
}

/** The same through a real process, exactly as `npm run data` runs it (scripts/run.mjs bundles scripts/data.ts). */
function dataProcess(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'run.mjs'), 'data', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const USAGE = '用法：npm run data -- [--data-dir 数据目录] [--out-dir 输出目录] [--check]';

describe('npm run data', () => {
  it('exits 2 with the reason and the usage line for an unknown option, a missing folder and a file given as the folder', async () => {
    const absent = join(tmp(), 'absent');
    const file = join(fixtures, 'errors-militia', 'errors.txt');
    expect(await data(['--nope'])).toEqual({ code: 2, out: [], err: ['错误: 未知选项“--nope”', USAGE] });
    expect(await data(['--data-dir', absent])).toEqual({ code: 2, out: [], err: [`错误: 数据目录“${absent}”不存在`, USAGE] });
    expect(await data(['--data-dir', file])).toEqual({
      code: 2,
      out: [],
      err: [`错误: 数据目录“${file}”是一个文件，不是文件夹：请指定存放 CSV 的文件夹`, USAGE],
    });
  });

  it('exits 1 and prints every error line, the per-file counts and the verdict for invalid data', async () => {
    const dir = join(fixtures, 'errors-militia', 'data');
    const out = join(tmp(), 'out');
    const r = await data(['--data-dir', dir, '--out-dir', out]);
    expect(r.code).toBe(1);
    const expected = readFileSync(join(fixtures, 'errors-militia', 'errors.txt'), 'utf8').trimEnd().split('\n').map((l) => l.replace(/^data\//, `${dir}/`));
    expect(r.out.slice(0, expected.length)).toEqual(expected);
    expect(r.out).toContain(`${dir}/militia_cases.csv: 读取 14 行，计入 5 行，9 行有错误未计入，编码 UTF-8`);
    const warnings = expected.filter((l) => l.includes(': 警告: ')).length;
    expect(r.out.at(-1)).toBe(`校验未通过：${expected.length - warnings} 个错误，${warnings} 个警告。输出目录 ${out} 未做任何改动。（用时 … 秒）`);
    expect(r.err).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves a previous summary.json byte-identical when a later run fails', async () => {
    const dir = tmp();
    const dataDir = join(dir, 'data');
    const out = join(dir, 'out');
    cpSync(join(fixtures, 'valid-gbk-crlf', 'data'), dataDir, { recursive: true });
    expect((await data(['--data-dir', dataDir, '--out-dir', out])).code).toBe(0);
    const before = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
    writeFileSync(join(dataDir, 'funding.csv'), 'year,category,amount_wan\n2024,国防教育,abc\n');
    expect((await data(['--data-dir', dataDir, '--out-dir', out])).code).toBe(1);
    const after = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
    expect(after).toEqual(before);
  });

  it('exits 1 with a Chinese reason when the output folder cannot be written, and changes nothing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), 'x');
    const out = join(dir, 'file', 'out');
    const r = await data(['--data-dir', join(fixtures, 'valid-gbk-crlf', 'data'), '--out-dir', out]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`错误: 无法写入输出目录“${out}”：路径中有一个同名的文件，不是文件夹。输出目录未做任何改动。`]);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('x');
  });

  it('writes nothing with --check and says so', async () => {
    const out = join(tmp(), 'out');
    const r = await data(['--data-dir', join(fixtures, 'valid-gbk-crlf', 'data'), '--out-dir', out, '--check']);
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toMatch(/^校验通过：\d+ 个警告，未写入任何文件（--check）。（用时 … 秒）$/);
    expect(existsSync(out)).toBe(false);
  });

  it('never writes a value of an internal or unknown column to any output file', async () => {
    const out = join(tmp(), 'out');
    const r = await data(['--data-dir', join(fixtures, 'canary', 'data'), '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toBe(`校验通过：${r.out.filter((l) => l.includes(': 警告: ')).length} 个警告。已写入 ${out}/summary.json。（用时 … 秒）`);
    const files = readdirSync(out);
    expect(files).toContain('summary.json');
    const text = files.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    expect(text).not.toContain('CANARY');
    expect(text).toContain('双拥模范城');
  });

  it('has a canary in every internal column of the schema', () => {
    for (const s of DATASETS) {
      const csv = readFileSync(join(fixtures, 'canary', 'data', s.file), 'utf8');
      const [header, row] = csv.trim().split('\n').map((l) => l.split(','));
      for (const key of internalKeys(s)) expect(row![header!.indexOf(key)]).toMatch(/^CANARY_/);
    }
  });

  it('as a real process, exits with the same statuses and prints the same lines as in process', async () => {
    const bad = join(fixtures, 'errors-militia', 'data');
    const inProcess = await data(['--check', '--data-dir', bad], null);
    const real = dataProcess(['--check', '--data-dir', bad]);
    expect(real.code).toBe(1);
    expect(real.out.trimEnd().split('\n').map((l) => l.replace(/（用时 \d+\.\d\d 秒）/, '（用时 … 秒）'))).toEqual(inProcess.out);
    expect(real.err).toBe('');
    const usage = dataProcess(['--data-dir']);
    expect({ code: usage.code, out: usage.out, err: usage.err }).toEqual({ code: 2, out: '', err: `错误: 选项 --data-dir 缺少参数\n${USAGE}\n` });
  });
});
