/**
 * Bytes to text, for the CSVs and the data folder's small text files (config.json, report-template.md):
 * UTF-8 (with or without BOM) or GB18030/GBK, never guessed line by line, with the first bad line named.
 */
import { closeSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Issue } from '../issues.ts';
import { plainMessage, type PlainCode } from '../messages.ts';

/** UTF-8 is tried first (strictly); a file that is not UTF-8 is judged from its bytes (judgeEncoding) before GB18030. */
export type Encoding = 'utf-8' | 'gb18030';

/** Classify the first bytes: a zip (.xlsx), an OLE (.xls) or UTF-16; null when it may be text (NUL bytes are found later, at their line). */
export function sniffBinary(head: Uint8Array): PlainCode | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'not_text_xlsx';
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'not_text_xls';
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 'not_text_utf16';
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

/** A file that cannot be CSV text, judged from its first bytes: empty, a workbook or UTF-16; null when it may be text. */
export async function sniffFile(path: string): Promise<PlainCode | null> {
  const head = await readHead(path);
  if (head.length === 0) return 'empty_file';
  return sniffBinary(head);
}

/** What a byte-level pass over a whole file found; line numbers are 1-based physical lines (CRLF, LF, CR each end one), 0 for none. */
export interface ByteScan {
  /** Line of the first NUL byte. */
  nulLine: number;
  /** Line of the first byte sequence invalid in UTF-8. */
  firstBadUtf8Line: number;
  /** Line of the first byte sequence invalid in GB18030. */
  firstBadGbLine: number;
  /** First line that is valid UTF-8 with a 3- or 4-byte character (as CJK text is) and invalid GB18030: surely UTF-8. */
  firstSureUtf8Line: number;
  /** Lines that are valid UTF-8 and hold a 3- or 4-byte character. */
  utf8Lines: number;
  /** Lines holding a byte sequence invalid in UTF-8. */
  badUtf8Lines: number;
}

/**
 * Streaming byte classifier behind judgeEncoding: per line, is it valid UTF-8 (as TextDecoder's fatal mode
 * checks it), valid GB18030 (the WHATWG decoder's rules), and where is the first NUL. Memory is constant.
 */
export class ByteScanner {
  private line = 1;
  private prevCR = false;
  // UTF-8: continuation bytes still expected, and the allowed range of the next one.
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;
  private seqLen = 0;
  // GB18030: 0 expects a lead byte; 1 after a lead; 2 after lead + digit; 3 after lead + digit + lead.
  private gb = 0;
  private g1 = 0;
  private g2 = 0;
  private g3 = 0;
  private lineBadUtf8 = false;
  private lineBadGb = false;
  private lineWide = false;
  readonly result: ByteScan = { nulLine: 0, firstBadUtf8Line: 0, firstBadGbLine: 0, firstSureUtf8Line: 0, utf8Lines: 0, badUtf8Lines: 0 };

  /** Feed the next bytes. */
  push(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === 0x0a || b === 0x0d) {
        if (b === 0x0a && this.prevCR) {
          this.prevCR = false;
          continue;
        }
        this.endLine();
        this.prevCR = b === 0x0d;
        continue;
      }
      this.prevCR = false;
      if (b === 0 && this.result.nulLine === 0) this.result.nulLine = this.line;
      this.utf8(b);
      this.gb18030(b);
    }
  }

  /** Signal the end of the file: an unfinished last line is judged. */
  end(): ByteScan {
    this.endLine();
    return this.result;
  }

  private endLine(): void {
    // A multi-byte character never spans a line break.
    if (this.need > 0) this.badUtf8();
    if (this.gb !== 0) this.badGb();
    const r = this.result;
    if (this.lineBadUtf8) {
      r.badUtf8Lines++;
      if (r.firstBadUtf8Line === 0) r.firstBadUtf8Line = this.line;
    } else if (this.lineWide) {
      r.utf8Lines++;
      if (this.lineBadGb && r.firstSureUtf8Line === 0) r.firstSureUtf8Line = this.line;
    }
    if (this.lineBadGb && r.firstBadGbLine === 0) r.firstBadGbLine = this.line;
    this.lineBadUtf8 = this.lineBadGb = this.lineWide = false;
    this.line++;
  }

  private badUtf8(): void {
    this.lineBadUtf8 = true;
    this.need = 0;
  }

  private utf8(b: number): void {
    if (this.need > 0) {
      if (b >= this.lo && b <= this.hi) {
        this.lo = 0x80;
        this.hi = 0xbf;
        if (--this.need === 0 && this.seqLen >= 3) this.lineWide = true;
        return;
      }
      // The byte that broke the sequence starts over, as the decoder does.
      this.badUtf8();
    }
    if (b < 0x80) return;
    if (b >= 0xc2 && b <= 0xdf) {
      this.need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      this.need = 2;
      if (b === 0xe0) this.lo = 0xa0;
      if (b === 0xed) this.hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      this.need = 3;
      if (b === 0xf0) this.lo = 0x90;
      if (b === 0xf4) this.hi = 0x8f;
    } else {
      this.badUtf8();
      return;
    }
    this.seqLen = this.need + 1;
  }

  private badGb(): void {
    this.lineBadGb = true;
    this.gb = 0;
  }

  private gb18030(b: number): void {
    switch (this.gb) {
      case 1:
        if (b >= 0x30 && b <= 0x39) {
          this.g2 = b;
          this.gb = 2;
          return;
        }
        if ((b >= 0x40 && b <= 0x7e) || (b >= 0x80 && b <= 0xfe)) {
          this.gb = 0;
          return;
        }
        this.badGb();
        break; // an ASCII byte after a lead is read again on its own
      case 2:
        if (b >= 0x81 && b <= 0xfe) {
          this.g3 = b;
          this.gb = 3;
          return;
        }
        this.badGb();
        break;
      case 3: {
        this.gb = 0;
        if (b >= 0x30 && b <= 0x39) {
          const pointer = ((this.g1 - 0x81) * 10 + (this.g2 - 0x30)) * 1260 + (this.g3 - 0x81) * 10 + (b - 0x30);
          if ((pointer > 39419 && pointer < 189000) || pointer > 1237575) this.badGb();
          return;
        }
        this.badGb();
        break;
      }
    }
    if (b < 0x80 || b === 0x80) return;
    if (b === 0xff) {
      this.badGb();
      return;
    }
    this.g1 = b;
    this.gb = 1;
  }
}

/** What a file that is not valid UTF-8 is: GB18030 text, or an error at the line that shows why not. */
export type EncodingVerdict = { encoding: 'gb18030' } | { code: PlainCode; line: number };

/**
 * Judge a file that failed strict UTF-8 from its byte scan. A NUL byte means binary content. A file holding
 * lines that can only be UTF-8 (valid UTF-8 with CJK-width characters, invalid GB18030), or more UTF-8 lines than
 * non-UTF-8 ones, mixes encodings: the error names the first line of the minority (a non-UTF-8 line when UTF-8
 * lines are at least as many, else the first sure UTF-8 line). Otherwise the file is GB18030 when every line is,
 * else the first line valid in neither is the error.
 */
export function judgeEncoding(scan: ByteScan): EncodingVerdict {
  if (scan.nulLine > 0) return { code: 'nul_byte', line: scan.nulLine };
  if (scan.badUtf8Lines === 0) return { code: 'encoding_invalid', line: 1 };
  if (scan.firstSureUtf8Line > 0 || scan.utf8Lines > scan.badUtf8Lines) {
    return scan.utf8Lines >= scan.badUtf8Lines
      ? { code: 'encoding_mixed_utf8', line: scan.firstBadUtf8Line }
      : { code: 'encoding_mixed_gbk', line: scan.firstSureUtf8Line };
  }
  if (scan.firstBadGbLine > 0) return { code: 'encoding_invalid', line: scan.firstBadGbLine };
  return { encoding: 'gb18030' };
}

/** Scan a whole file's bytes (streaming, constant memory). */
export async function scanFileBytes(path: string): Promise<ByteScan> {
  const fh = await open(path, 'r');
  const scanner = new ByteScanner();
  try {
    const buf = Buffer.alloc(1 << 16);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      scanner.push(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return scanner.end();
}

/** Why an entry of the data folder cannot be read as a file, or 'absent' when there is no entry at all. */
export type FileAccess = { ok: true; size: number } | 'absent' | { reason: string };

const KIND_REASON: [(s: Stats) => boolean, string][] = [
  [(s) => s.isDirectory(), '这是一个文件夹，不是文件'],
  [(s) => s.isFIFO(), '这是一个管道（FIFO），不是普通文件'],
  [(s) => s.isSocket(), '这是一个套接字，不是普通文件'],
  [(s) => s.isCharacterDevice() || s.isBlockDevice(), '这是一个设备文件，不是普通文件'],
];

/** The Chinese reason for a failed file-system call (errno code), for `无法读取文件：…`. */
export function accessReason(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限：请检查文件权限，或关闭独占打开它的程序';
    case 'ELOOP':
      return '这是一个循环指向自身的链接（快捷方式）';
    case 'ENOENT':
      return '这是一个链接（快捷方式），但它指向的文件不存在';
    case 'EISDIR':
      return '这是一个文件夹，不是文件';
    case 'EBUSY':
      return '文件正被其他程序占用';
    default:
      return `读取时出错（${code ?? '未知错误'}）`;
  }
}

function errnoCode(e: unknown): string | undefined {
  return e !== null && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/**
 * Can `path` be read as a regular file? 'absent' only when there is no directory entry at all: a dangling
 * link, a link loop, a folder, a pipe or an unreadable file is a reason, never "not provided". Never opens a pipe.
 */
export function checkFileAccess(path: string): FileAccess {
  try {
    lstatSync(path);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return 'absent';
    return { reason: accessReason(errnoCode(e)) };
  }
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    return { reason: accessReason(errnoCode(e)) };
  }
  if (!st.isFile()) {
    for (const [test, reason] of KIND_REASON) if (test(st)) return { reason };
    return { reason: '这不是普通文件' };
  }
  try {
    closeSync(openSync(path, 'r'));
  } catch (e) {
    return { reason: accessReason(errnoCode(e)) };
  }
  return { ok: true, size: st.size };
}

/** Small text files (config.json, report-template.md) larger than this are refused rather than read into memory. */
export const TEXT_FILE_LIMIT = 4 * 1024 * 1024;

/** A small text file of the data folder: its text, the one problem that stops it being read, or absent. */
export type TextFileResult = { text: string } | { issue: Issue } | { absent: true };

/** How to re-save a CSV, and a plain text file, in the encoding messages (`{fix}`). */
export const RESAVE_CSV = '请在 Excel/WPS 中打开文件，改正此行的乱码，再用“另存为”→“CSV UTF-8（逗号分隔）”保存';
export const RESAVE_TEXT = '请用记事本打开文件，改正此行的乱码，再“另存为”，编码选“UTF-8”';

function fileIssue(file: string, code: PlainCode, line: number, params: Record<string, string | number> = {}): { issue: Issue } {
  return { issue: { severity: 'error', code, file, line, column: 1, message: plainMessage(code, { fix: RESAVE_TEXT, ...params }) } };
}

/** Decode bytes by the same rules as the CSVs: UTF-8 (BOM dropped), else GB18030 when judgeEncoding says so. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } | { code: PlainCode; line: number } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { code: 'text_utf16', line: 1 };
  }
  const scanner = new ByteScanner();
  scanner.push(bytes);
  const scan = scanner.end();
  if (scan.nulLine === 0 && scan.badUtf8Lines === 0) {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  }
  const verdict = judgeEncoding(scan);
  if ('code' in verdict) return verdict;
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    return { code: 'encoding_invalid', line: 1 };
  }
}

/**
 * Read a small text file of the data folder (config.json, report-template.md) with the CSVs' encoding rules:
 * UTF-8 with or without BOM, or GB18030/GBK (Notepad's "ANSI" on Chinese Windows); a mixed or binary file,
 * a dangling link, a folder or an unreadable file is one error Issue at `shownPath`; no entry at all is `absent`.
 */
export function decodeTextFile(path: string, shownPath: string): TextFileResult {
  const access = checkFileAccess(path);
  if (access === 'absent') return { absent: true };
  if ('reason' in access) return fileIssue(shownPath, 'read_failed', 1, { reason: access.reason });
  if (access.size > TEXT_FILE_LIMIT) return fileIssue(shownPath, 'text_too_large', 1, { limit: '4 MB' });
  let bytes: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      // Read at most one byte past the limit: a file that grew since stat() is still refused, not read whole.
      const buf = Buffer.alloc(Math.min(access.size, TEXT_FILE_LIMIT) + 1);
      let n = 0;
      for (let r = 1; r > 0 && n < buf.length; n += r) r = readSync(fd, buf, n, buf.length - n, null);
      if (n > TEXT_FILE_LIMIT) return fileIssue(shownPath, 'text_too_large', 1, { limit: '4 MB' });
      bytes = buf.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return fileIssue(shownPath, 'read_failed', 1, { reason: accessReason(errnoCode(e)) });
  }
  const decoded = decodeBytes(bytes);
  if ('code' in decoded) return fileIssue(shownPath, decoded.code, decoded.line);
  return { text: decoded.text };
}
