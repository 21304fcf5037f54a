/**
 * A file that exists but cannot be opened (permission denied). The tests run as root, where chmod 000 does not
 * stop a read, so the failure is injected at the file-system call the data step makes.
 */
import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const denied = new Set<string>();

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = ((path: import('node:fs').PathLike, ...rest: unknown[]) => {
    if (denied.has(String(path))) throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES', syscall: 'open' });
    return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync }, openSync };
});

const { runPipeline } = await import('../../../src/lib/data/pipeline.ts');
const { formatIssue } = await import('../../../src/lib/data/issues.ts');
const { normalizeConfig } = await import('../../../src/lib/shared/config.ts');
const { decodeTextFile } = await import('../../../src/lib/data/read/decode.ts');

describe('a file that exists but cannot be read', () => {
  it('is an error naming the file, never 未提供, and the run fails', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'denied-')), 'data');
    mkdirSync(dir);
    writeFileSync(join(dir, 'funding.csv'), 'year,category,amount_wan\n2024,国防教育,1\n');
    writeFileSync(join(dir, 'honors.csv'), 'year,title,conferred_by,recipient,level\n2024,双拥模范城,示例市,示例区,市级\n');
    denied.add(join(dir, 'honors.csv'));
    const r = await runPipeline({ dataDir: dir, displayDir: 'data', now: new Date('2026-11-29T06:00:00Z'), config: normalizeConfig({}) });
    expect(r.ok).toBe(false);
    expect(r.issues.map(formatIssue)).toEqual(['data/honors.csv:1:1: 错误: 无法读取文件：没有读取权限：请检查文件权限，或关闭独占打开它的程序']);
    expect(r.files.find((f) => f.dataset === 'honors')?.present).toBe(true);
  });

  it('is an error for config.json and the report template too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'denied-'));
    writeFileSync(join(dir, 'report-template.md'), '# 报告\n');
    denied.add(join(dir, 'report-template.md'));
    const r = decodeTextFile(join(dir, 'report-template.md'), 'data/report-template.md');
    expect('issue' in r && formatIssue(r.issue)).toBe('data/report-template.md:1:1: 错误: 无法读取文件：没有读取权限：请检查文件权限，或关闭独占打开它的程序');
  });
});
