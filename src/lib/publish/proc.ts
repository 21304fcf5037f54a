/**
 * Who a process is, beyond its id: on Linux `/proc/<pid>/stat` gives its parent and its start time
 * (clock ticks since boot) and `/proc/sys/kernel/random/boot_id` changes at every boot, so a pid
 * reused by another program, or recorded before a reboot, is told apart from the process that wrote it.
 * Elsewhere (no /proc) these return null and callers fall back to "is a process with this id alive".
 */
import { readFileSync } from 'node:fs';

/** True while a process with this id runs (EPERM: it runs under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * State, parent id and start time of a process from `/proc/<pid>/stat`, or null when unreadable (gone, or no
 * /proc). State `Z` (ended, not yet collected by its parent) or `X` means it no longer runs.
 */
export function procStat(pid: number, procRoot = '/proc'): { state: string; ppid: number; start: string } | null {
  let text: string;
  try {
    text = readFileSync(`${procRoot}/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces or ')': fields are counted after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).trim().split(/\s+/);
  const state = fields[0] ?? '';
  const ppid = Number(fields[1]);
  const start = fields[19];
  if (!Number.isInteger(ppid) || start === undefined || !/^\d+$/.test(start)) return null;
  return { state, ppid, start };
}

/** The command line of a process as its words, or null when unreadable. */
export function procCmdline(pid: number, procRoot = '/proc'): string[] | null {
  try {
    const raw = readFileSync(`${procRoot}/${pid}/cmdline`, 'utf8');
    // A process that set its title (npm does) shows one space-padded word list instead of NUL-separated ones.
    return raw.split('\0').flatMap((w) => w.split(/\s+/)).filter((w) => w !== '');
  } catch {
    return null;
  }
}

/** This boot's id, or null without /proc. */
export function bootId(procRoot = '/proc'): string | null {
  try {
    return readFileSync(`${procRoot}/sys/kernel/random/boot_id`, 'utf8').trim() || null;
  } catch {
    return null;
  }
}
