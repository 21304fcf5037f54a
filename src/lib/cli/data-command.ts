/**
 * `npm run data -- [--data-dir DIR] [--out-dir DIR] [--check]` (and `npm run check`, which adds --check).
 * Validates every CSV and config.json, prints one line per problem, and writes summary.json (+ details.json,
 * reports.json) only when all is valid. Exit: 0 valid (warnings allowed), 1 invalid data, 2 bad usage.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { runPipeline } from '../data/pipeline.ts';
import { writeOutputs } from '../data/write-json.ts';
import { formatIssue } from '../data/issues.ts';
import { formatFileReport } from '../data/file-counts.ts';
import { DEFAULT_OUT_DIR } from '../site/site-data.ts';
import { readArgs } from './args.ts';
import { EXIT, UserError } from './errors.ts';
import { requireFolder } from './folders.ts';
import type { Command } from './main.ts';

/** Why the output folder cannot be written, in Chinese, for the file-system failures a user can fix; null for anything else. */
export function writeFailure(e: unknown): string | null {
  const code = e !== null && typeof e === 'object' && 'code' in e ? (e as NodeJS.ErrnoException).code : undefined;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'EROFS':
      return '磁盘是只读的';
    case 'ENOSPC':
      return '磁盘已满';
    case 'ENOTDIR':
    case 'EEXIST':
      return '路径中有一个同名的文件，不是文件夹';
    case 'ELOOP':
      return '路径中有循环的符号链接';
    default:
      return null;
  }
}

const USAGE = '用法：npm run data -- [--data-dir 数据目录] [--out-dir 输出目录] [--check]';

/** The data step as a command; folders given relative are taken from the current folder, as the user typed them. */
export const dataCommand: Command = async (argv, { io, now }) => {
  const t0 = performance.now();
  const a = readArgs(argv, { 'data-dir': 'value', 'out-dir': 'value', check: 'flag' }, USAGE);
  const dataDir = a['data-dir'] ?? 'data';
  const outDir = a['out-dir'] ?? DEFAULT_OUT_DIR;
  requireFolder(resolve(dataDir), dataDir, USAGE);
  const result = await runPipeline({ dataDir, ...(now ? { now } : {}) });
  for (const issue of result.issues) io.out(formatIssue(issue));
  for (const f of result.files) io.out(formatFileReport(f));
  // Counted, not listed: the list stops at 100 problems per file.
  const { errors, warnings } = result.counts;
  const secs = (): string => ((performance.now() - t0) / 1000).toFixed(2);
  if (!result.ok) {
    io.out(`校验未通过：${errors} 个错误，${warnings} 个警告。输出目录 ${outDir} 未做任何改动。（用时 ${secs()} 秒）`);
    return EXIT.invalidData;
  }
  if (a.check) {
    io.out(`校验通过：${warnings} 个警告，未写入任何文件（--check）。（用时 ${secs()} 秒）`);
    return EXIT.ok;
  }
  try {
    await writeOutputs(outDir, result);
  } catch (e) {
    const reason = writeFailure(e);
    if (reason === null) throw e;
    throw new UserError([`错误: 无法写入输出目录“${outDir}”：${reason}。输出目录未做任何改动。`], EXIT.invalidData);
  }
  io.out(`校验通过：${warnings} 个警告。已写入 ${outDir}/summary.json。（用时 ${secs()} 秒）`);
  return EXIT.ok;
};
