/**
 * Stop a build whose launcher went away. `npm run build` runs `npm → sh → tsx → node scripts/build.ts`;
 * a SIGTERM to npm (a process manager, an IDE's stop button) ends npm and sh but reaches neither tsx nor
 * the build, which would otherwise go on and publish. So the build watches every process from its parent
 * up to that npm, each by pid and start time (a pid reused by another program counts as gone).
 */
import { basename } from 'node:path';
import { isAlive, procCmdline, procStat } from './proc.ts';

/** One process the build depends on. */
export interface WatchedProcess {
  pid: number;
  /** Start time from /proc (clock ticks since boot); null without /proc. */
  start: string | null;
  /** Its program, for the message: `npm`, `sh`, `node`. */
  name: string;
}

const LAUNCHERS = new Set(['npm', 'npx', 'pnpm', 'yarn', 'npm.cmd', 'npx.cmd', 'pnpm.cmd', 'yarn.cmd']);
const LAUNCHER_SCRIPTS = /(^|[\\/])(npm-cli|npx-cli|pnpm|yarn)\.(c?js|mjs)$/;

/** True for a package manager's command line (`npm run build`, `node …/npm-cli.js run build`). */
export function isLauncher(cmdline: readonly string[]): boolean {
  const first = cmdline[0];
  if (first !== undefined && LAUNCHERS.has(basename(first))) return true;
  return cmdline.slice(0, 3).some((w) => LAUNCHER_SCRIPTS.test(w));
}

function nameOf(cmdline: readonly string[] | null): string {
  const first = cmdline?.[0];
  if (first === undefined) return '未知程序';
  const launcher = cmdline?.slice(0, 3).find((w) => LAUNCHER_SCRIPTS.test(w));
  return basename(launcher ?? first).replace(/(-cli)?\.(c?js|mjs|cmd)$/, '');
}

/**
 * The processes to watch, nearest first: from `pid`'s parent up to and including the first package manager;
 * when none is found (run directly, not through npm) only the parent. Without /proc: the parent, by pid only.
 */
export function launcherChain(pid: number = process.pid, procRoot = '/proc', fallbackPpid: number = process.ppid): WatchedProcess[] {
  const self = procStat(pid, procRoot);
  if (self === null) return fallbackPpid > 1 ? [{ pid: fallbackPpid, start: null, name: '父进程' }] : [];
  const chain: WatchedProcess[] = [];
  let next = self.ppid;
  for (let depth = 0; depth < 32 && next > 1; depth++) {
    const stat = procStat(next, procRoot);
    if (stat === null) break;
    const cmd = procCmdline(next, procRoot);
    chain.push({ pid: next, start: stat.start, name: nameOf(cmd) });
    if (cmd !== null && isLauncher(cmd)) return chain;
    next = stat.ppid;
  }
  return chain.slice(0, 1);
}

/**
 * The farthest watched process that no longer runs (or whose pid now belongs to another program), or null.
 * Farthest: when npm ends, the shell it started often ends too, and the message should name npm.
 */
export function goneLauncher(chain: readonly WatchedProcess[], procRoot = '/proc'): WatchedProcess | null {
  let gone: WatchedProcess | null = null;
  for (const p of chain) {
    if (p.start === null) {
      if (!isAlive(p.pid)) gone = p;
      continue;
    }
    const now = procStat(p.pid, procRoot);
    if (now === null || now.start !== p.start || now.state === 'Z' || now.state === 'X') gone = p;
  }
  return gone;
}

/** `启动本次构建的 npm（进程 4242）已经退出`. */
export function describeGone(p: WatchedProcess): string {
  return `启动本次构建的 ${p.name}（进程 ${p.pid}）已经退出`;
}

export interface ParentWatch {
  /** Checked synchronously (right before the swap): why the build must stop, or null. */
  gone(): string | null;
  stop(): void;
}

/**
 * Poll the launcher chain every `intervalMs` and call `onGone` once with the reason when one of them ends;
 * `gone()` checks on demand. The timer never keeps the process alive.
 *
 * A SIGTERM to npm ends the shell first and npm a moment later (npm waits for its child), so a tick that finds a
 * nearer process gone while the launcher still runs waits one more tick: the message then names npm, the process the
 * user stopped. `gone()` itself (the check right before the swap) never waits.
 */
export function watchParents(onGone: (reason: string) => void, opts: { chain?: WatchedProcess[]; intervalMs?: number; procRoot?: string } = {}): ParentWatch {
  const procRoot = opts.procRoot ?? '/proc';
  const chain = opts.chain ?? launcherChain(process.pid, procRoot);
  let reason: string | null = null;
  const gone = (): string | null => {
    if (reason === null) {
      const p = goneLauncher(chain, procRoot);
      if (p !== null) {
        reason = describeGone(p);
        onGone(reason);
      }
    }
    return reason;
  };
  let waited = false;
  const tick = (): void => {
    if (reason !== null) return;
    const p = goneLauncher(chain, procRoot);
    if (p === null) return;
    if (p !== chain.at(-1) && !waited) {
      waited = true;
      return;
    }
    gone();
  };
  const timer = setInterval(tick, opts.intervalMs ?? 500);
  timer.unref();
  return { gone, stop: () => clearInterval(timer) };
}
