/** File-system failures told in Chinese: the admin reads the cause, the code stays for whoever helps them. */

const CAUSES: Record<string, string> = {
  ENOSPC: '磁盘空间已满',
  EDQUOT: '超出磁盘配额',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EROFS: '磁盘是只读的',
  EBUSY: '文件或文件夹正被其他程序占用',
  EIO: '磁盘读写出错',
  EMFILE: '同时打开的文件过多',
  ENFILE: '同时打开的文件过多',
  ENOENT: '文件或文件夹不存在',
  ENOTEMPTY: '文件夹不是空的',
  EXDEV: '两个文件夹不在同一磁盘上',
  ENOTDIR: '路径中有一部分不是文件夹',
  EISDIR: '应为文件，实际是文件夹',
};

/** True for an error of the operating system (`ENOSPC`, `EACCES`…), not a bug of ours (`ERR_…` codes or none). */
export function isFsError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** `磁盘空间已满（ENOSPC）` for a Node file-system error; any other error gives its own message. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && CAUSES[code]) return `${CAUSES[code]}（${code}）`;
  return e instanceof Error ? e.message : String(e);
}

/** The Chinese cause of the first file-system error code named in a tool's output (`ENOSPC: no space left…`), or null. */
export function fsCauseIn(output: string): string | null {
  // Not `\b`: Astro's progress lines run the code into the file name (`…case-type.csvENOSPC: no space…`).
  for (const m of output.matchAll(/(?<![A-Z])(E[A-Z]{2,})(?![A-Z])/g)) {
    const code = m[1] as string;
    if (CAUSES[code]) return `${CAUSES[code]}（${code}）`;
  }
  return null;
}
