/** Byte-level checks of a CSV file: not text at all, and which encoding (UTF-8 or GB18030) it is in. */
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import type { PlainCode } from '../messages.ts';

export type Encoding = 'utf-8' | 'gb18030';
export type Sniff = { ok: true; encoding: Encoding; empty: false } | { ok: false; code: PlainCode };

const CHUNK = 1 << 20;

/** Classify the first bytes: a zip (.xlsx), an OLE (.xls), UTF-16, or NUL-bearing binary; null when it may be text. */
export function sniffBinary(head: Uint8Array): PlainCode | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'not_text_xlsx';
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'not_text_xls';
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 'not_text_utf16';
  if (head.includes(0)) return 'not_text';
  return null;
}

/** Bytes at the end of `buf` that start a UTF-8 sequence not yet complete (to carry into the next chunk). */
function incompleteTail(buf: Uint8Array): number {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * Decide how to read a file: 0-byte and binary files are errors; otherwise UTF-8 when every byte
 * is valid UTF-8 (a whole-file pass, so a GBK character on line 50,000 is still found), else GB18030.
 */
export async function sniffFile(path: string): Promise<Sniff> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK + 4);
    let carry = 0;
    let first = true;
    let utf8 = true;
    let total = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, carry, CHUNK, null);
      total += bytesRead;
      const len = carry + bytesRead;
      if (first) {
        if (bytesRead === 0) return { ok: false, code: 'empty_file' };
        const bin = sniffBinary(buf.subarray(0, Math.min(len, 8192)));
        if (bin) return { ok: false, code: bin };
        first = false;
      } else if (buf.subarray(carry, len).includes(0)) {
        return { ok: false, code: 'not_text' };
      }
      if (bytesRead === 0) {
        if (carry > 0) utf8 = false;
        break;
      }
      if (utf8) {
        const tail = incompleteTail(buf.subarray(0, len));
        if (!isUtf8(buf.subarray(0, len - tail))) utf8 = false;
        buf.copyWithin(0, len - tail, len);
        carry = tail;
      }
    }
    if (total === 0) return { ok: false, code: 'empty_file' };
    return { ok: true, encoding: utf8 ? 'utf-8' : 'gb18030', empty: false };
  } finally {
    await fh.close();
  }
}
