import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeHolder, ownRecord, parseLock, releaseLock, staleReason, takeLock } from '../../../src/lib/publish/lock.ts';
import type { LockRecord } from '../../../src/lib/publish/lock.ts';
import { bootId } from '../../../src/lib/publish/proc.ts';

let dir: string;
let proc: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lock-'));
  proc = join(dir, 'proc');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A fake /proc holding this boot's id and, for live pids, their state, start time and command line. */
function fakeProc(boot: string, procs: Record<number, { state?: string; start: string; argv: string[] }>): void {
  mkdirSync(join(proc, 'sys', 'kernel', 'random'), { recursive: true });
  writeFileSync(join(proc, 'sys', 'kernel', 'random', 'boot_id'), `${boot}\n`);
  for (const [pid, p] of Object.entries(procs)) {
    mkdirSync(join(proc, pid), { recursive: true });
    const rest = [p.state ?? 'S', 1, 1, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 1, 0, p.start, 1000];
    writeFileSync(join(proc, pid, 'stat'), `${pid} (node) ${rest.join(' ')}\n`);
    writeFileSync(join(proc, pid, 'cmdline'), `${p.argv.join('\0')}\0`);
  }
}
const rec = (r: Partial<LockRecord>): string => JSON.stringify({ pid: process.pid, start: '500', boot: 'b1', command: 'build', since: '2026-03-02T02:15:02.000Z', ...r });

describe('staleReason', () => {
  // process.pid is alive for real; the fake /proc decides who it is.
  it('keeps a lock whose live process has the recorded start time and boot', () => {
    fakeProc('b1', { [process.pid]: { start: '500', argv: ['node', 'scripts/build.ts'] } });
    expect(staleReason(rec({}), proc)).toBeNull();
  });
  it.each([
    ['a dead process', rec({ pid: 999_999_999 }), '进程 999999999 已不存在'],
    ['a pid reused by another program', rec({ start: '499' }), `进程号 ${process.pid} 现在属于另一个程序，不是构建`],
    ['a lock written before a reboot', rec({ boot: 'b0' }), `写入锁的进程 ${process.pid} 在计算机重新启动之前`],
    ['an old plain-pid lock of a live program that is not a build', String(process.pid), `进程号 ${process.pid} 现在属于另一个程序，不是构建`],
    ['garbage', 'hello', '锁文件内容无法识别'],
    ['an empty file', '', '锁文件内容无法识别'],
  ])('breaks %s', (_what, content, reason) => {
    fakeProc('b1', { [process.pid]: { start: '500', argv: ['node', '/usr/bin/vitest'] } });
    expect(staleReason(content, proc)).toBe(reason);
  });
  it('breaks a lock whose process has ended but not been collected (zombie)', () => {
    fakeProc('b1', { [process.pid]: { state: 'Z', start: '500', argv: [] } });
    expect(staleReason(rec({}), proc)).toBe(`进程 ${process.pid} 已不存在`);
  });
  it('keeps an old plain-pid lock whose live process runs the build script', () => {
    fakeProc('b1', { [process.pid]: { start: '500', argv: ['/usr/bin/node', '--import', 'tsx', '/work/scripts/build.ts'] } });
    expect(staleReason(String(process.pid), proc)).toBeNull();
  });
  it('judges by pid alone without /proc', () => {
    expect(staleReason(rec({}), join(dir, 'none'))).toBeNull();
    expect(staleReason(rec({ pid: 999_999_999 }), join(dir, 'none'))).toBe('进程 999999999 已不存在');
  });
});

describe('takeLock and releaseLock', () => {
  it('creates the lock with the full record, refuses a second holder, and releases only its own lock', () => {
    const file = join(dir, 'build.lock');
    const me = ownRecord('build', new Date('2026-03-02T02:15:02.000Z'));
    expect(takeLock(file, me, () => {})).toEqual({ ok: true });
    expect(parseLock(readFileSync(file, 'utf8'))).toEqual(me);
    const other = { ...me, since: '2026-03-02T02:16:00.000Z' };
    expect(takeLock(file, other, () => {})).toEqual({ ok: false, holder: me });
    releaseLock(file, other);
    expect(existsSync(file)).toBe(true);
    releaseLock(file, me);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('breaks a stale lock, says why, and takes it', () => {
    const file = join(dir, 'build.lock');
    writeFileSync(file, rec({ pid: 999_999_999, boot: bootId() }));
    const broken: string[] = [];
    const me = ownRecord('build');
    expect(takeLock(file, me, (r) => broken.push(r))).toEqual({ ok: true });
    expect(broken).toEqual(['进程 999999999 已不存在']);
    expect(parseLock(readFileSync(file, 'utf8'))?.pid).toBe(process.pid);
    expect(readdirSync(dir)).toEqual(['build.lock']);
  });
});

describe('describeHolder', () => {
  it('gives the pid and the China time the lock was taken', () => {
    expect(describeHolder(parseLock(rec({ pid: 4242 })))).toBe('进程 4242，2026-03-02 10:15:02 开始');
    expect(describeHolder(parseLock('4242'))).toBe('进程 4242');
    expect(describeHolder(null)).toBe('进程未知');
  });
});
