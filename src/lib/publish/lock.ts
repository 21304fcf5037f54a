/**
 * The build lock (`<cache>/build.lock`): one build or rollback at a time. The file records who holds it
 * (pid, the process's start time and the boot id), so a lock whose holder died, whose pid now belongs to
 * another program, or that was written before a reboot is recognised as stale and broken automatically.
 */
import { linkSync, openSync, closeSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { bootId, isAlive, procCmdline, procStat } from './proc.ts';
import { chinaTime, formatDateTimeIso } from '../shared/china-time.ts';

/** What the lock file holds (JSON). A lock written by an older version holds only the pid. */
export interface LockRecord {
  pid: number;
  /** Start time of the process in clock ticks since boot (`/proc/<pid>/stat` field 22); null without /proc. */
  start: string | null;
  /** `/proc/sys/kernel/random/boot_id` when written; null without /proc. */
  boot: string | null;
  /** `build` or `rollback`. */
  command: string;
  /** When the lock was taken (ISO); null for an old plain-pid lock. */
  since: string | null;
}

/** The record for this process. */
export function ownRecord(command: string, now: Date = new Date(), procRoot = '/proc'): LockRecord {
  return { pid: process.pid, start: procStat(process.pid, procRoot)?.start ?? null, boot: bootId(procRoot), command, since: now.toISOString() };
}

/** The lock file's content as a record, or null when it is neither our JSON nor an old plain pid. */
export function parseLock(content: string): LockRecord | null {
  const text = content.trim();
  if (/^\d+$/.test(text)) return { pid: Number(text), start: null, boot: null, command: 'build', since: null };
  try {
    const v = JSON.parse(text) as Partial<LockRecord>;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0) return null;
    return {
      pid: v.pid,
      start: typeof v.start === 'string' ? v.start : null,
      boot: typeof v.boot === 'string' ? v.boot : null,
      command: typeof v.command === 'string' ? v.command : 'build',
      since: typeof v.since === 'string' ? v.since : null,
    };
  } catch {
    return null;
  }
}

/** Our build entry points, as they appear in a process's command line (tsx, plain node, or the bundled .mjs). */
const BUILD_SCRIPT = /(^|[\\/])build\.(ts|mjs|js)$/;

/** Why the lock's holder is not a running build (Chinese, for the log), or null when it is one. */
export function staleReason(content: string, procRoot = '/proc'): string | null {
  const r = parseLock(content);
  if (r === null) return '锁文件内容无法识别';
  const boot = bootId(procRoot);
  if (r.boot !== null && boot !== null && r.boot !== boot) return `写入锁的进程 ${r.pid} 在计算机重新启动之前`;
  if (!isAlive(r.pid)) return `进程 ${r.pid} 已不存在`;
  if (r.start !== null) {
    const now = procStat(r.pid, procRoot);
    if (now !== null && (now.state === 'Z' || now.state === 'X')) return `进程 ${r.pid} 已不存在`;
    if (now !== null && now.start !== r.start) return `进程号 ${r.pid} 现在属于另一个程序，不是构建`;
    return null;
  }
  // An old plain-pid lock: a live process counts as the holder only if it runs our build script.
  const cmd = procCmdline(r.pid, procRoot);
  if (cmd !== null && !cmd.some((w) => BUILD_SCRIPT.test(w))) return `进程号 ${r.pid} 现在属于另一个程序，不是构建`;
  return null;
}

/** Create `file` holding `content` only if it does not exist; the content is complete the moment the name appears. */
function createExclusive(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  try {
    linkSync(tmp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw e;
    // A file system without hard links: exclusive create, then write (a reader may briefly see it empty).
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
    writeFileSync(fd, content);
    closeSync(fd);
    return true;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Remove a lock judged stale, unless another process replaced it meanwhile: it is renamed aside first and
 * put back if what was moved is not the content that was judged.
 */
function breakStale(file: string, judged: string): boolean {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
  const moved = readOrNull(aside);
  if (moved === judged) {
    unlinkSync(aside);
    return true;
  }
  try {
    linkSync(aside, file);
  } catch {
    /* someone took the lock meanwhile: theirs stands */
  }
  unlinkSync(aside);
  return false;
}

export type LockAttempt = { ok: true } | { ok: false; holder: LockRecord | null };

/**
 * Take the lock for `record`, breaking a stale one (each break is told through `onBroken` with its reason).
 * Returns the holder when a live build has it.
 */
export function takeLock(file: string, record: LockRecord, onBroken: (reason: string) => void, procRoot = '/proc'): LockAttempt {
  const content = `${JSON.stringify(record)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(file, content)) return { ok: true };
    const seen = readOrNull(file);
    if (seen === null) continue;
    const reason = staleReason(seen, procRoot);
    if (reason === null) return { ok: false, holder: parseLock(seen) };
    if (breakStale(file, seen)) onBroken(reason);
  }
  const seen = readOrNull(file);
  return { ok: false, holder: seen === null ? null : parseLock(seen) };
}

/** Remove the lock if it is still ours (a lock broken and retaken by another build is left alone). */
export function releaseLock(file: string, record: LockRecord): void {
  const seen = readOrNull(file);
  if (seen !== null && parseLock(seen)?.pid === record.pid && parseLock(seen)?.since === record.since) unlinkSync(file);
}

/** `进程 4242，2026-03-02 10:15:02 开始` (China time), or `进程 4242` for an old lock. */
export function describeHolder(holder: LockRecord | null): string {
  if (holder === null) return '进程未知';
  if (holder.since === null || chinaTime(holder.since) === null) return `进程 ${holder.pid}`;
  return `进程 ${holder.pid}，${formatDateTimeIso(holder.since, true)} 开始`;
}
