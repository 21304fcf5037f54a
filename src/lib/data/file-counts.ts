/** Console lines the data step prints besides issues. */
import type { FileReport } from '../shared/types.ts';

const ENCODING: Record<string, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030/GBK' };

/** One line per file: rows read, counted and rejected, so no row is lost in silence. */
export function formatFileReport(f: FileReport): string {
  if (!f.present) return `${f.file}: 未提供（可选文件）`;
  const enc = f.encoding ? `，编码 ${ENCODING[f.encoding]}` : '';
  const rejected = f.rejected > 0 ? `，${f.rejected} 行有错误未计入` : '';
  return `${f.file}: 读取 ${f.rows} 行，计入 ${f.counted} 行${rejected}${enc}`;
}
