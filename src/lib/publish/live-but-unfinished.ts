/** What the admin reads when a step around the swap fails: the site is live but unfinished, or the undo failed too. */
import { join } from 'node:path';
import { describeFsError } from './fs-error.ts';
import { JOURNAL_FILE } from './swap.ts';
import type { SwapUndoFailed } from './swap.ts';
import { shown, type PublishPaths } from './publish-paths.ts';

/** A swap failed and putting the old site back failed too (a disk gone bad): what the admin can do. */
export function undoFailed(p: PublishPaths, e: SwapUndoFailed): string[] {
  return [
    `无法替换 ${shown(p, p.distDir)}/：${describeFsError(e.failure)}；把原来的网站放回去也失败了：${describeFsError(e.undoFailure)}。`,
    `${shown(p, p.distDir)}/ 现在可能不存在。排除故障后运行 npm run build 或 npm run build -- --rollback，它们会先按 ${shown(p, join(p.cacheDir, JOURNAL_FILE))} 自动恢复原来的网站。`,
  ];
}

/** One step after the swap that did not finish: what, and why. */
export interface Unfinished {
  what: string;
  why: string;
}

/** The lines telling the admin the new site is live although some steps did not finish. */
export function liveButUnfinished(p: PublishPaths, action: string, unfinished: readonly Unfinished[]): string[] {
  return [
    `${action}，${shown(p, p.distDir)}/ 已是新版本；但以下步骤没有完成：`,
    ...unfinished.map((u) => `  ${u.what}：${u.why}`),
    '请解决上面的问题（例如腾出磁盘空间）后再运行一次；网站本身不受影响。',
  ];
}

/** Run `step`; on failure record it as unfinished instead of throwing (the site is already live). */
export function attempt(unfinished: Unfinished[], what: string, step: () => void): boolean {
  try {
    step();
    return true;
  } catch (e) {
    unfinished.push({ what, why: describeFsError(e) });
    return false;
  }
}
