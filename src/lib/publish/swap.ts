/**
 * Swapping sites by renames, safe against a crash at any instant.
 *
 * A publish is three renames: the old previous version to a trash folder, `dist` to `dist-previous`,
 * staging to `dist`. Each rename is atomic, but between the second and the third there is no `dist` at
 * all, and no portable call swaps two folders in one step. So the design does not avoid that instant; it
 * makes it repairable: before the first rename a journal (`<cache>/swap-journal.json`, fsynced) lists the
 * planned renames, and it is removed after the last. A process killed or a machine losing power in
 * between leaves the journal, and the next `npm run build` or `--rollback` (which take the lock first)
 * repairs before doing anything else: if the last rename happened the swap is complete and is kept;
 * otherwise every rename that happened is undone in reverse order, which puts the site that was live
 * before back in `dist`. The old previous version is only deleted after the swap, from the trash.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** One planned rename. */
export interface Move {
  from: string;
  to: string;
}

export interface Journal {
  action: 'publish' | 'rollback';
  moves: Move[];
}

/** The journal's file name in the cache folder. */
export const JOURNAL_FILE = 'swap-journal.json';

/** The renames and journal writes a swap uses; injectable so tests can fail or crash at a chosen step. */
export interface SwapIo {
  rename(from: string, to: string): void;
  /** Write a small file durably (fsync) before it is used. */
  writeDurable(file: string, text: string): void;
  remove(path: string): void;
}

export const fsSwapIo: SwapIo = {
  rename: renameSync,
  writeDurable(file, text) {
    const tmp = `${file}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  },
  remove: (path) => rmSync(path, { recursive: true, force: true }),
};

/** A rename has happened when its source is gone and its target exists (targets never exist beforehand). */
function happened(m: Move): boolean {
  return !existsSync(m.from) && existsSync(m.to);
}

/**
 * Run `moves` in order under a journal. When a rename fails the ones done are undone in reverse and the
 * error is rethrown: nothing changed. On success the journal is still there: call `endSwap` once the caller
 * no longer needs it (it is harmless if that fails: a complete swap is kept by `repairSwap`).
 */
export function runSwap(cacheDir: string, action: Journal['action'], moves: readonly Move[], io: SwapIo = fsSwapIo): void {
  const journal = join(cacheDir, JOURNAL_FILE);
  io.writeDurable(journal, `${JSON.stringify({ action, moves: [...moves] } satisfies Journal, null, 1)}\n`);
  const done: Move[] = [];
  try {
    for (const m of moves) {
      io.rename(m.from, m.to);
      done.push(m);
    }
  } catch (e) {
    try {
      for (const m of done.reverse()) io.rename(m.to, m.from);
    } catch (undo) {
      // The journal stays: the next start finishes the repair.
      throw new SwapUndoFailed(e, undo);
    }
    io.remove(journal);
    throw e;
  }
}

/** A rename of the swap failed and so did putting back the ones already made: `dist` may be missing until the next start. */
export class SwapUndoFailed extends Error {
  constructor(
    readonly failure: unknown,
    readonly undoFailure: unknown,
  ) {
    super('swap failed and could not be undone');
  }
}

/** Remove the journal after a complete swap. */
export function endSwap(cacheDir: string, io: SwapIo = fsSwapIo): void {
  io.remove(join(cacheDir, JOURNAL_FILE));
}

/** What `repairSwap` found: no journal, a complete swap kept, or an interrupted one undone. */
export type Repair = { kind: 'none' } | { kind: 'kept' | 'undone'; action: Journal['action'] };

/** Finish or undo a swap a crash interrupted (see the module comment); call with the build lock held. */
export function repairSwap(cacheDir: string, io: SwapIo = fsSwapIo): Repair {
  const file = join(cacheDir, JOURNAL_FILE);
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    // An unreadable journal cannot have been acted on: the renames start only after it is written in full.
    io.remove(file);
    return { kind: 'none' };
  }
  const last = journal.moves.at(-1);
  if (last === undefined || happened(last)) {
    io.remove(file);
    return { kind: 'kept', action: journal.action };
  }
  for (const m of [...journal.moves].reverse()) if (happened(m)) io.rename(m.to, m.from);
  io.remove(file);
  return { kind: 'undone', action: journal.action };
}
