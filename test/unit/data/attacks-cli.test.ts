/** The data command's exit codes on issue 10's folder attacks: nothing is written unless the data is valid. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { pipelineDataStep, publish } from '../../../src/lib/publish/publish.ts';
import { dataCommand } from '../../../src/lib/cli/data-command.ts';
import { main } from '../../../src/lib/cli/main.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

/** `npm run data -- <args>` in process, through the commands' main(): exit status, stdout and stderr as printed. */
async function data(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(dataCommand, args, { io: { out: (l) => void out.push(`${l}\n`), err: (l) => void err.push(`${l}\n`) }, root });
  return { status, out: out.join(''), err: err.join('') };
}

describe('npm run data on a wrong data folder', () => {
  it('exits 1 and writes nothing for a folder with none of the six files (--data-dir /etc-like)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'etc-'));
    writeFileSync(join(dir, 'passwd'), 'root:x:0:0\n');
    mkdirSync(join(dir, 'ssh'));
    const out = join(dir, 'out');
    const r = await data(['--data-dir', dir, '--out-dir', out]);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`${dir}:1:1: 错误: 数据目录中没有任何数据文件`);
    expect(r.out).toContain('校验未通过：1 个错误，0 个警告。');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 and says so when --data-dir names a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'file-')), 'funding.csv');
    writeFileSync(file, 'year,category,amount_wan\n');
    const r = await data(['--data-dir', file, '--check']);
    expect(r.status).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`错误: 数据目录“${file}”是一个文件，不是文件夹：请指定存放 CSV 的文件夹`);
  });

  it('counts every problem in the summary line, listed or not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'many-'));
    const rows = Array.from({ length: 130 }, (_, i) => `2024,国防教育,x${i}\n`).join('');
    writeFileSync(join(dir, 'funding.csv'), `year,category,amount_wan\n${rows}`);
    const r = await data(['--data-dir', dir, '--check']);
    expect(r.status).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes(': 错误: ')).length).toBe(100);
    expect(lines[100]).toBe(`${dir}/funding.csv: 另有 30 个问题未列出（其中错误 30 个、警告 0 个）：请先改正上面列出的问题`);
    expect(lines.at(-1)).toMatch(/^校验未通过：130 个错误，0 个警告。/);
  });
});

describe('npm run build on a wrong data folder', () => {
  it.each([
    ['an empty folder', (_dir: string) => {}],
    ['only a misnamed copy', (dir: string) => writeFileSync(join(dir, 'funding (1).csv'), 'year,category,amount_wan\n2024,国防教育,1\n')],
    ['a dangling link as funding.csv', (dir: string) => symlinkSync(join(dir, 'gone.csv'), join(dir, 'funding.csv'))],
  ])('stops with exit 1 and leaves dist/ byte-identical for %s', async (_name, make) => {
    const root = mkdtempSync(join(tmpdir(), 'publish-'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    make(dataDir);
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '<p>live</p>');
    const paths = {
      root,
      dataDir,
      distDir: join(root, 'dist'),
      cacheDir: join(root, '.cache'),
      siteDataDir: join(root, '.cache', 'data'),
      reportFile: join(root, 'build-report.txt'),
    };
    const lines: string[] = [];
    const r = await publish(paths, {
      runData: pipelineDataStep,
      buildSite: () => Promise.reject(new Error('the site must not be built')),
      log: (l) => lines.push(l),
    });
    expect(r.exitCode).toBe(1);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('<p>live</p>');
    expect(lines.some((l) => / 错误: /.test(l))).toBe(true);
  });
});
