import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASETS, internalKeys } from '../../../src/lib/data/schema/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures');

function data(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'data.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'data-cli-'));
}

describe('npm run data', () => {
  it('exits 2 for an unknown option and for a data folder that does not exist', () => {
    expect(data(['--nope']).status).toBe(2);
    const missing = data(['--data-dir', join(tmp(), 'absent')]);
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('不存在');
  });

  it('exits 1 and prints every error line for invalid data', () => {
    const r = data(['--data-dir', join(fixtures, 'errors-militia', 'data'), '--out-dir', join(tmp(), 'out')]);
    expect(r.status).toBe(1);
    expect(r.out).toContain(':2:4: 错误: 列“查处案件数”(cases) 应为非负整数，实际为“abc”');
    expect(r.out).toContain('militia_cases.csv: 读取 14 行，计入 5 行，9 行有错误未计入');
  });

  it('leaves a previous summary.json byte-identical when a later run fails', () => {
    const dir = tmp();
    const dataDir = join(dir, 'data');
    const out = join(dir, 'out');
    cpSync(join(fixtures, 'valid-gbk-crlf', 'data'), dataDir, { recursive: true });
    expect(data(['--data-dir', dataDir, '--out-dir', out]).status).toBe(0);
    const before = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
    writeFileSync(join(dataDir, 'funding.csv'), 'year,category,amount_wan\n2024,国防教育,abc\n');
    expect(data(['--data-dir', dataDir, '--out-dir', out]).status).toBe(1);
    const after = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
    expect(after).toEqual(before);
  });

  it('writes nothing with --check', () => {
    const out = join(tmp(), 'out');
    const r = data(['--data-dir', join(fixtures, 'valid-gbk-crlf', 'data'), '--out-dir', out, '--check']);
    expect(r.status).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it('never writes a value of an internal or unknown column to any output file', () => {
    const out = join(tmp(), 'out');
    const r = data(['--data-dir', join(fixtures, 'canary', 'data'), '--out-dir', out]);
    expect(r.status).toBe(0);
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
});
