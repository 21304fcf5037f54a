/** Byte-level checks of a CSV file before it is read as text. */
import { open } from 'node:fs/promises';
import type { PlainCode } from '../messages.ts';

/** UTF-8 is tried first (strictly); a file with any byte sequence invalid in UTF-8 is read again as GB18030. */
export type Encoding = 'utf-8' | 'gb18030';

/** Classify the first bytes: a zip (.xlsx), an OLE (.xls), UTF-16, or NUL-bearing binary; null when it may be text. */
export function sniffBinary(head: Uint8Array): PlainCode | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'not_text_xlsx';
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'not_text_xls';
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 'not_text_utf16';
  if (head.includes(0)) return 'not_text';
  return null;
}

/** First bytes of a file (up to `n`), to classify before reading it as text. */
export async function readHead(path: string, n = 8192): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** A file that cannot be CSV text, judged from its first bytes: empty, a workbook, UTF-16 or binary; null when it may be text. */
export async function sniffFile(path: string): Promise<PlainCode | null> {
  const head = await readHead(path);
  if (head.length === 0) return 'empty_file';
  return sniffBinary(head);
}
