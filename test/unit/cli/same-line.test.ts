/**
 * A broken config.json or report template is reported by every command as the same `file:line:column: 错误:` line
 * with exit 1 (invalid data): `npm run data`, `npm run check` and `npm run build` here, in process; `npm run dev`
 * in test/build/dev.test.ts. One real `npm run build` process checks the entry point says the same.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCommand } from '../../../src/lib/cli/build-command.ts';
import { dataCommand } from '../../../src/lib/cli/data-command.ts';
import { main } from '../../../src/lib/cli/main.ts';
import { pipelineDataStep } from '../../../src/lib/publish/publish.ts';
import { capture } from './capture.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const NOW = new Date('2026-11-29T06:00:00.000Z');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the sample data folder with `file` replaced by `content` (text, or bytes). */
function sampleWith(file: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'same-line-'));
  dirs.push(dir);
  cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'data', file), content);
  return dir;
}

/** Build paths inside `dir`, so nothing of the project's own dist/ or .cache/ is touched. */
const buildArgs = (dir: string): string[] => [
  '--data-dir', join(dir, 'data'),
  '--dist-dir', join(dir, 'dist'),
  '--cache-dir', join(dir, 'cache'),
  '--site-data-dir', join(dir, 'cache', 'data'),
  '--report-file', join(dir, 'build-report.txt'),
];

/** data, check and build in process on the folder: exit status and the lines that are errors. */
async function everyCommand(dir: string) {
  const errorLines = (lines: string[]): string[] => lines.filter((l) => l.includes(': 错误: '));
  const runs: Record<string, { code: number; errors: string[]; stderr: string[] }> = {};
  for (const [name, args] of [
    ['data', ['--data-dir', join(dir, 'data'), '--out-dir', join(dir, 'out')]],
    ['check', ['--check', '--data-dir', join(dir, 'data')]],
  ] as const) {
    const io = capture();
    const code = await main(dataCommand, args, { io, root, now: NOW });
    runs[name] = { code, errors: errorLines(io.stdout), stderr: io.stderr };
  }
  const io = capture();
  const notReached = (): never => {
    throw new Error('the site build must not start when the data step fails');
  };
  const build = buildCommand((log) => ({ runData: pipelineDataStep, buildSite: notReached, log }));
  // The project root, not `dir`: the data folder lies outside it, so build names it by its full path as data does.
  const code = await main(build, buildArgs(dir), { io, root, now: NOW });
  runs.build = { code, errors: errorLines(io.stdout), stderr: io.stderr };
  return runs;
}

describe('the same file:line:column line under data, check and build', () => {
  it('for config.json with a missing comma, with exit 1 and nothing written', async () => {
    const dir = sampleWith('config.json', '{\n  "district": "示例区",\n  "base": "/"\n  "sampleData": true\n}\n');
    const line = `${join(dir, 'data')}/config.json:4:3: 错误: 不是合法的 JSON：此处应为英文逗号“,”或“}”，实际为“"”：上一行末尾是否少了逗号？`;
    const same = { code: 1, errors: [line], stderr: [] };
    expect(await everyCommand(dir)).toEqual({ data: same, check: same, build: same });
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('for a GB18030 config.json with a wrong type, its Chinese shown correctly', async () => {
    // {"district": "东城区", "sampleData": "是"} saved by Notepad as "ANSI" (GB18030) on Chinese Windows.
    const gbk = Buffer.from('7b226469737472696374223a2022b6abb3c7c7f8222c202273616d706c6544617461223a2022cac7227d', 'hex');
    const dir = sampleWith('config.json', gbk);
    const line = `${join(dir, 'data')}/config.json:1:35: 错误: 设置项“sampleData”应为 true 或 false（不加引号），实际为文字“是”`;
    const same = { code: 1, errors: [line], stderr: [] };
    expect(await everyCommand(dir)).toEqual({ data: same, check: same, build: same });
  });

  it('for a report template with an unknown metric', async () => {
    const template = readFileSync(join(root, 'data', 'report-template.md'), 'utf8').replace('{{ militia.cases }}', '{{ militia.casse }}');
    const dir = sampleWith('report-template.md', template);
    const runs = await everyCommand(dir);
    const [line] = runs.data!.errors;
    expect(line).toMatch(new RegExp(`^${join(dir, 'data')}/report-template\\.md:\\d+:\\d+: 错误: 未知的数据项“militia\\.casse”`));
    const same = { code: 1, errors: [line], stderr: [] };
    expect(runs).toEqual({ data: same, check: same, build: same });
  });

  it('for config.json and report-template.md that are links to nothing and to themselves (file-system failures)', async () => {
    const dir = sampleWith('config.json', '{}');
    const data = join(dir, 'data');
    unlinkSync(join(data, 'config.json'));
    symlinkSync(join(data, 'gone.json'), join(data, 'config.json'));
    unlinkSync(join(data, 'report-template.md'));
    symlinkSync(join(data, 'report-template.md'), join(data, 'report-template.md'));
    const same = {
      code: 1,
      errors: [
        `${data}/config.json:1:1: 错误: 无法读取文件：这是一个链接（快捷方式），但它指向的文件不存在`,
        `${data}/report-template.md:1:1: 错误: 无法读取文件：这是一个循环指向自身的链接（快捷方式）`,
      ],
      stderr: [],
    };
    expect(await everyCommand(dir)).toEqual({ data: same, check: same, build: same });
  });

  it('as a real npm run build process: the line and exit 1, no internal error, no English', () => {
    const dir = sampleWith('config.json', '{"district": "示例区",}');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build.ts'), ...buildArgs(dir)], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toContain(`${join(dir, 'data')}/config.json:1:19: 错误: 不是合法的 JSON：“}”前多了一个逗号：最后一项后面不能有逗号`);
    expect(r.stderr).toBe('');
  });
});
