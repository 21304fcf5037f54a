import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeGone, goneLauncher, isLauncher, launcherChain, watchParents } from '../../../src/lib/publish/parent-watch.ts';
import { isAlive, procStat } from '../../../src/lib/publish/proc.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parent-watch-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A fake /proc: pid → [state, ppid, start, argv]. */
function fakeProc(procs: Record<number, [string, number, string, string[]]>): string {
  const root = join(dir, 'proc');
  for (const [pid, [state, ppid, start, argv]] of Object.entries(procs)) {
    mkdirSync(join(root, pid), { recursive: true });
    // Fields 3.. after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice threads itreal starttime
    const rest = [state, ppid, 1, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 1, 0, start, 1000];
    writeFileSync(join(root, pid, 'stat'), `${pid} (${argv[0]} (x)) ${rest.join(' ')}\n`);
    writeFileSync(join(root, pid, 'cmdline'), `${argv.join('\0')}\0`);
  }
  return root;
}

describe('isLauncher', () => {
  it.each([
    [['npm', 'run', 'build'], true],
    [['npm run build            '], true],
    [['/usr/bin/node', '/usr/lib/node_modules/npm/bin/npm-cli.js', 'run', 'build'], true],
    [['npx', 'tsx', 'scripts/build.ts'], true],
    [['pnpm', 'build'], true],
    [['sh', '-c', 'tsx scripts/build.ts'], false],
    [['node', '/work/node_modules/.bin/tsx', 'scripts/build.ts'], false],
    [['bash'], false],
  ])('%j is a package manager: %s', (argv, expected) => {
    expect(isLauncher(argv.flatMap((w) => w.split(/\s+/)).filter(Boolean))).toBe(expected);
  });
});

describe('launcherChain', () => {
  it('lists the processes from the parent up to npm, nearest first, with their start times', () => {
    const proc = fakeProc({
      100: ['S', 90, '5000', ['/usr/bin/node', '--import', 'tsx', 'scripts/build.ts']],
      90: ['S', 80, '4900', ['node', '/p/node_modules/.bin/tsx', 'scripts/build.ts']],
      80: ['S', 70, '4800', ['sh', '-c', 'tsx scripts/build.ts']],
      70: ['S', 60, '4700', ['npm run build      ']],
      60: ['S', 1, '100', ['-bash']],
    });
    expect(launcherChain(100, proc)).toEqual([
      { pid: 90, start: '4900', name: 'node' },
      { pid: 80, start: '4800', name: 'sh' },
      { pid: 70, start: '4700', name: 'npm' },
    ]);
  });

  it('watches only the parent when no package manager started the build', () => {
    const proc = fakeProc({
      100: ['S', 90, '5000', ['node', 'scripts/build.ts']],
      90: ['S', 80, '4900', ['-bash']],
      80: ['S', 1, '100', ['sshd']],
    });
    expect(launcherChain(100, proc)).toEqual([{ pid: 90, start: '4900', name: '-bash' }]);
  });

  it('falls back to the parent pid alone without /proc', () => {
    expect(launcherChain(100, join(dir, 'no-proc'), 4242)).toEqual([{ pid: 4242, start: null, name: '父进程' }]);
  });
});

describe('goneLauncher', () => {
  it('reports a pid that now belongs to another program (other start time), and a zombie, as gone; names the farthest', () => {
    const proc = fakeProc({
      [process.pid]: ['S', 1, '7777', ['node']],
    });
    const chain = [{ pid: process.pid, start: '7777', name: 'node' }];
    expect(goneLauncher(chain, proc)).toBeNull();
    expect(goneLauncher([{ pid: process.pid, start: '1', name: 'npm' }], proc)).toEqual({ pid: process.pid, start: '1', name: 'npm' });
    const zombie = fakeProc({ 80: ['Z', 1, '4800', ['sh']], 70: ['Z', 1, '4700', ['npm']] });
    expect(goneLauncher([{ pid: 80, start: '4800', name: 'sh' }, { pid: 70, start: '4700', name: 'npm' }], zombie)?.name).toBe('npm');
  });

  it('when the shell ends before npm, the timer waits one tick so the message names npm; gone() never waits', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 60));
    const chain = [
      { pid: 80, start: '4800', name: 'sh' },
      { pid: 70, start: '4700', name: 'npm' },
    ];
    // The shell has ended; npm still runs.
    let procRoot = fakeProc({ 70: ['S', 1, '4700', ['npm']] });
    const reasons: string[] = [];
    const onDemand = watchParents(() => undefined, { chain, intervalMs: 1_000_000, procRoot });
    expect(onDemand.gone()).toBe(describeGone(chain[0]!));
    onDemand.stop();
    const watch = watchParents((r) => reasons.push(r), { chain, intervalMs: 40, procRoot });
    await tick();
    expect(reasons).toEqual([]);
    // npm ends before the next tick: the message names it.
    rmSync(join(procRoot, '70'), { recursive: true });
    await tick();
    await tick();
    watch.stop();
    expect(reasons).toEqual([describeGone(chain[1]!)]);
    // npm still running after the extra tick: the shell is named, once.
    rmSync(procRoot, { recursive: true });
    procRoot = fakeProc({ 70: ['S', 1, '4700', ['npm']] });
    const later: string[] = [];
    const watch2 = watchParents((r) => later.push(r), { chain, intervalMs: 40, procRoot });
    await tick();
    await tick();
    await tick();
    watch2.stop();
    expect(later).toEqual([describeGone(chain[0]!)]);
  });

  it('notices a real process ending, and watchParents says which once', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await new Promise((r) => child.once('spawn', r));
    const pid = child.pid as number;
    const chain = [{ pid, start: procStat(pid)?.start ?? null, name: 'npm' }];
    const reasons: string[] = [];
    const watch = watchParents((r) => reasons.push(r), { chain, intervalMs: 20 });
    expect(watch.gone()).toBeNull();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 100));
    watch.stop();
    expect(reasons).toEqual([`启动本次构建的 npm（进程 ${pid}）已经退出`]);
    expect(watch.gone()).toBe(describeGone(chain[0]!));
  });
});

describe('SIGTERM to a real npm run', () => {
  it('stops the build before it publishes although the signal never reaches it: exit 130, dist byte-identical', async () => {
    mkdirSync(join(dir, 'data'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), 'live');
    const tsx = join(import.meta.dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
    const script = join(import.meta.dirname, 'helpers', 'npm-child.ts');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', private: true, scripts: { build: `${tsx} ${script} ${dir}` } }));
    const npm = spawn('npm', ['run', 'build', '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    npm.stdout.on('data', (c: Buffer) => (out += c.toString()));
    npm.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const until = async (test: () => boolean, what: string): Promise<void> => {
      for (let i = 0; i < 300 && !test(); i++) await new Promise((r) => setTimeout(r, 100));
      if (!test()) throw new Error(`timed out waiting for ${what}\n${out}`);
    };
    await until(() => out.includes('站点构建……'), 'the site build');
    const lock = JSON.parse(readFileSync(join(dir, '.cache', 'build.lock'), 'utf8')) as { pid: number };
    npm.kill('SIGTERM');
    await until(() => !isAlive(lock.pid), 'the build to stop');
    await until(() => out.includes('构建已停止'), 'the last line');
    expect(out).toContain(`启动本次构建的 npm（进程 ${npm.pid}）已经退出，构建已停止。已发布的网站未改动（dist/ 保持原样）。`);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('live');
    expect(existsSync(join(dir, '.cache', 'dist-previous'))).toBe(false);
    expect(existsSync(join(dir, '.cache', 'build.lock'))).toBe(false);
  }, 60_000);
});
