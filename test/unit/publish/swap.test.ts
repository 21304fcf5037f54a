import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOURNAL_FILE, endSwap, repairSwap, runSwap } from '../../../src/lib/publish/swap.ts';
import type { Move } from '../../../src/lib/publish/swap.ts';
import { defaultPaths, previousDistDir, publish, rollback } from '../../../src/lib/publish/publish.ts';
import type { PublishDeps } from '../../../src/lib/publish/publish.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swap-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function site(name: string, marker: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'index.html'), marker);
  return d;
}
const text = (d: string): string | null => (existsSync(join(d, 'index.html')) ? readFileSync(join(d, 'index.html'), 'utf8') : null);

/** The three renames of a publish, as publish.ts plans them. */
function publishMoves(): Move[] {
  return [
    { from: join(dir, 'previous'), to: join(dir, 'trash') },
    { from: join(dir, 'dist'), to: join(dir, 'previous') },
    { from: join(dir, 'staging'), to: join(dir, 'dist') },
  ];
}

describe('runSwap and repairSwap', () => {
  it('runs the renames under a journal that endSwap removes', () => {
    site('previous', 'old');
    site('dist', 'live');
    site('staging', 'new');
    runSwap(dir, 'publish', publishMoves());
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(true);
    expect([text(join(dir, 'dist')), text(join(dir, 'previous')), text(join(dir, 'trash'))]).toEqual(['new', 'live', 'old']);
    endSwap(dir);
    expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false);
    expect(repairSwap(dir)).toEqual({ kind: 'none' });
  });

  for (const k of [0, 1, 2]) {
    it(`undoes a publish cut after ${k} of its 3 renames: the live site is back in dist and the previous one in place`, () => {
      site('previous', 'old');
      site('dist', 'live');
      site('staging', 'new');
      const moves = publishMoves();
      writeFileSync(join(dir, JOURNAL_FILE), JSON.stringify({ action: 'publish', moves }));
      for (const m of moves.slice(0, k)) renameSync(m.from, m.to);
      expect(repairSwap(dir)).toEqual({ kind: 'undone', action: 'publish' });
      expect([text(join(dir, 'dist')), text(join(dir, 'previous')), text(join(dir, 'staging'))]).toEqual(['live', 'old', 'new']);
      expect(existsSync(join(dir, JOURNAL_FILE))).toBe(false);
    });
  }

  it('keeps a publish whose last rename happened (only the journal removal was cut)', () => {
    site('previous', 'old');
    site('dist', 'live');
    site('staging', 'new');
    const moves = publishMoves();
    writeFileSync(join(dir, JOURNAL_FILE), JSON.stringify({ action: 'publish', moves }));
    for (const m of moves) renameSync(m.from, m.to);
    expect(repairSwap(dir)).toEqual({ kind: 'kept', action: 'publish' });
    expect(text(join(dir, 'dist'))).toBe('new');
  });

  it('puts back the renames already made when a later one fails, and removes the journal', () => {
    site('dist', 'live');
    site('staging', 'new');
    const moves = [{ from: join(dir, 'dist'), to: join(dir, 'previous') }, { from: join(dir, 'staging'), to: join(dir, 'missing', 'dist') }];
    expect(() => runSwap(dir, 'publish', moves)).toThrow(/ENOENT/);
    expect([text(join(dir, 'dist')), text(join(dir, 'staging'))]).toEqual(['live', 'new']);
    expect(readdirSync(dir).sort()).toEqual(['dist', 'staging']);
  });
});

/** A project folder with a live dist and a kept previous version, both with manifests, published by fake steps. */
async function project(): Promise<ReturnType<typeof defaultPaths>> {
  const paths = defaultPaths(dir);
  mkdirSync(paths.dataDir, { recursive: true });
  for (const marker of ['first', 'second']) {
    const deps: PublishDeps = {
      async runData(_d, outDir) {
        const generatedAt = `2026-01-0${marker === 'first' ? 1 : 2}T00:00:00.000Z`;
        const summary = { schemaVersion: 1 as const, generatedAt, years: [], latestYear: null, metrics: {}, honors: { streak: { title: '双拥模范城', years: 0, through: null } } };
        const details = { schemaVersion: 1 as const, generatedAt, files: [], breakdowns: {}, honors: [], indicators: [] };
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary));
        writeFileSync(join(outDir, 'details.json'), JSON.stringify(details));
        return { ok: true, issues: [], summary, details };
      },
      async buildSite({ outDir }) {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, 'index.html'), marker);
      },
      log: () => {},
    };
    expect((await publish(paths, deps)).exitCode).toBe(0);
  }
  return paths;
}

/** Run crash-child.ts and wait for it to die; resolves with the signal that ended it. */
function crash(action: 'publish' | 'rollback', n: number): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'helpers', 'crash-child.ts'), dir, action, String(n), 'third'], {
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
}

describe('a real crash (SIGKILL) in the middle of the swap', () => {
  it('leaves no dist between the renames of a publish, and the next start puts the live site back', async () => {
    const paths = await project();
    expect(await crash('publish', 2)).toBe('SIGKILL');
    expect(existsSync(paths.distDir)).toBe(false);
    expect(existsSync(join(paths.cacheDir, JOURNAL_FILE))).toBe(true);
    const logs: string[] = [];
    expect(rollback(paths, (l) => logs.push(l))).toBe(0);
    // The killed build's lock is broken (its process is gone), then the swap is repaired, then the rollback runs.
    expect(logs[0]).toMatch(/^已清除过期的构建锁 \.cache\/build\.lock（进程 \d+ 已不存在）。$/);
    expect(logs[1]).toBe('上次发布在替换网站的过程中被中断（进程被终止或断电）：已恢复为中断前的网站 dist/。');
    // Repaired to dist = second, previous = first; then the rollback swapped them.
    expect([text(paths.distDir), text(previousDistDir(paths))]).toEqual(['first', 'second']);
  }, 30_000);

  it('keeps a publish killed right after its last rename: the new site is complete and stays', async () => {
    const paths = await project();
    expect(await crash('publish', 3)).toBe('SIGKILL');
    expect(repairSwap(paths.cacheDir)).toEqual({ kind: 'kept', action: 'publish' });
    expect([text(paths.distDir), text(previousDistDir(paths))]).toEqual(['third', 'second']);
  }, 30_000);

  it('undoes a rollback killed between its renames: the site that was live is back', async () => {
    const paths = await project();
    expect(await crash('rollback', 1)).toBe('SIGKILL');
    expect(existsSync(paths.distDir)).toBe(false);
    expect(repairSwap(paths.cacheDir)).toEqual({ kind: 'undone', action: 'rollback' });
    expect([text(paths.distDir), text(previousDistDir(paths))]).toEqual(['second', 'first']);
  }, 30_000);
});
