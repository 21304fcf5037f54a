/** The file operations publishing and rollback do around the swap, and the clean-up of what a crash left behind. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fsSwapIo, repairSwap } from './swap.ts';
import type { SwapIo } from './swap.ts';
import { shown, type PublishPaths } from './publish-paths.ts';

/** The file operations publishing does around the swap; injectable so tests can fill the disk or crash. */
export interface PublishIo extends SwapIo {
  writeFile(file: string, text: string): void;
  copyFile(from: string, to: string): void;
}

export const fsIo: PublishIo = {
  ...fsSwapIo,
  writeFile: (file, text) => writeFileSync(file, text, 'utf8'),
  copyFile: copyFileSync,
};

/** Copy the JSON files of `from` into `to` (created), each written beside and renamed so a reader never sees half a file. */
export function copyJson(from: string, to: string, io: PublishIo): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (!statSync(join(from, name)).isFile()) continue;
    const tmp = join(to, `.${name}.tmp-${process.pid}`);
    io.copyFile(join(from, name), tmp);
    io.rename(tmp, join(to, name));
  }
}

/** Folders an interrupted run may leave in the cache: staging, the old previous version's trash, a rollback's aside. */
const LEFTOVER = /^(staging|trash|rollback)-/;

/** Remove leftovers of interrupted runs (we hold the lock, and any journal has been repaired, so none is in use). */
export function removeLeftovers(cacheDir: string, io: PublishIo): void {
  if (!existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) {
    if (LEFTOVER.test(name)) {
      try {
        io.remove(join(cacheDir, name));
      } catch {
        /* tried again next time */
      }
    }
  }
}

/** Finish or undo a swap a crash interrupted, and say so. */
export function repair(p: PublishPaths, io: PublishIo, log: (line: string) => void): void {
  const r = repairSwap(p.cacheDir, io);
  if (r.kind === 'none') return;
  const what = r.action === 'publish' ? '发布' : '回滚';
  if (r.kind === 'undone') log(`上次${what}在替换网站的过程中被中断（进程被终止或断电）：已恢复为中断前的网站 ${shown(p, p.distDir)}/。`);
  else log(`上次${what}在网站替换完成后被中断：${shown(p, p.distDir)}/ 是完整的新版本，变更报告等后续步骤没有完成。`);
}
