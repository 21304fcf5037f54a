/** The folder check every command makes on its `--data-dir`: bad usage (exit 2) unless it is a folder it can open. */
import { readdirSync, statSync } from 'node:fs';
import { usageError } from './errors.ts';

/** Throws bad usage when `path` does not exist, is not a folder, or cannot be listed; `shown` is how the user wrote it. */
export function requireFolder(path: string, shown: string, usage: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw usageError(`数据目录“${shown}”不存在`, usage);
    if (code === 'ELOOP') throw usageError(`数据目录“${shown}”是循环的符号链接`, usage);
    if (code === 'EACCES' || code === 'EPERM') throw usageError(`没有权限访问数据目录“${shown}”`, usage);
    throw e;
  }
  if (!isDir) throw usageError(`数据目录“${shown}”是一个文件，不是文件夹：请指定存放 CSV 的文件夹`, usage);
  try {
    readdirSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw usageError(`没有权限读取数据目录“${shown}”`, usage);
    throw e;
  }
}
