import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ByteScanner, decodeBytes, decodeTextFile, judgeEncoding, type EncodingVerdict } from '../../../../src/lib/data/read/decode.ts';
import { formatIssue } from '../../../../src/lib/data/issues.ts';
import { encodeGbk } from '../../../support/gbk.ts';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

function judge(...parts: Buffer[]): EncodingVerdict {
  const s = new ByteScanner();
  // Fed in small pieces: sequences and CRLF pairs cut across pushes must be judged the same.
  const all = Buffer.concat(parts);
  for (let i = 0; i < all.length; i += 3) s.push(all.subarray(i, i + 3));
  return judgeEncoding(s.end());
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'decode-'));
}

describe('judgeEncoding', () => {
  it('reads a whole GBK file as GB18030', () => {
    expect(judge(encodeGbk('年度,类别,金额\r\n2024,民兵整组,12.5\r\n2024,小学,3\r\n'))).toEqual({ encoding: 'gb18030' });
  });

  it('names the first GBK line of a UTF-8 file', () => {
    const v = judge(utf8('年度,类别,金额\n2024,国防教育,1\n'), encodeGbk('2024,民兵整组,2\n'), utf8('2024,科技拥军,3\n'), encodeGbk('2024,其他,4\n'));
    expect(v).toEqual({ code: 'encoding_mixed_utf8', line: 3 });
  });

  it('names one stray byte in a UTF-8 file at its line, however far down', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `2024,国防教育,${i}\n`).join('');
    expect(judge(utf8(`年度,类别,金额\n${rows}`), Buffer.from([0x32, 0xff, 0x0a]))).toEqual({ code: 'encoding_mixed_utf8', line: 152 });
  });

  it('names the UTF-8 line pasted into a GBK file', () => {
    // 民 is three UTF-8 bytes: an odd count, so the line cannot be GB18030 pairs.
    const v = judge(encodeGbk('年度,类别,金额\n2024,国防教育,1\n2024,双拥共建,2\n'), utf8('2024,民,3\n'));
    expect(v).toEqual({ code: 'encoding_mixed_gbk', line: 4 });
  });

  it('names a byte valid in neither encoding in an ASCII file at its line', () => {
    expect(judge(utf8('year,amount\r\n2024,1\r\n'), Buffer.from([0x32, 0x30, 0x80, 0xff, 0x0d, 0x0a]))).toEqual({ code: 'encoding_invalid', line: 3 });
  });

  it('names the line of the first NUL byte, even past the first 8 KB', () => {
    const big = 'year,amount\n' + '2024,1\n'.repeat(2000);
    expect(judge(utf8(big), Buffer.from([0x32, 0x00, 0x0a]))).toEqual({ code: 'nul_byte', line: 2002 });
  });

  it('counts CRLF, LF and CR each as one line break', () => {
    expect(judge(utf8('a\r\nb\rc\nd\n'), Buffer.from([0xff]))).toEqual({ code: 'encoding_invalid', line: 5 });
  });
});

describe('decodeBytes', () => {
  it('drops a UTF-8 byte order mark', () => {
    expect(decodeBytes(utf8('\uFEFF{"district":"东城区"}'))).toEqual({ text: '{"district":"东城区"}', encoding: 'utf-8' });
  });

  it('decodes GBK text', () => {
    expect(decodeBytes(encodeGbk('双拥模范城 {{年度}}'))).toEqual({ text: '双拥模范城 {{年度}}', encoding: 'gb18030' });
  });

  it('refuses UTF-16', () => {
    expect(decodeBytes(Buffer.from([0xff, 0xfe, 0x7b, 0x00]))).toEqual({ code: 'text_utf16', line: 1 });
  });
});

describe('decodeTextFile', () => {
  it('reads a GBK config.json saved by Notepad as ANSI', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'config.json'), encodeGbk('{"district": "东城区"}'));
    expect(decodeTextFile(join(dir, 'config.json'), 'data/config.json')).toEqual({ text: '{"district": "东城区"}' });
  });

  it('reports a template that is UTF-8 except for one line at that line, with how to re-save it', () => {
    const dir = tmp();
    const file = join(dir, 'report-template.md');
    writeFileSync(file, Buffer.concat([utf8('# 述职报告\n\n全年投入经费 {{funding.total}} 万元。\n'), encodeGbk('民兵整组工作扎实推进。\n'), utf8('完。\n')]));
    const r = decodeTextFile(file, 'data/report-template.md');
    expect('issue' in r && formatIssue(r.issue)).toBe(
      'data/report-template.md:4:1: 错误: 此行不是 UTF-8 编码，而文件其他各行是 UTF-8（多半是从别的文件粘贴进来的）：请用记事本打开文件，改正此行的乱码，再“另存为”，编码选“UTF-8”',
    );
  });

  it('says absent only when there is no entry at all', () => {
    expect(decodeTextFile(join(tmp(), 'config.json'), 'data/config.json')).toEqual({ absent: true });
  });

  it('reports a dangling link, a link loop, a folder and a pipe as unreadable, never absent', () => {
    const dir = tmp();
    symlinkSync(join(dir, 'nowhere.json'), join(dir, 'dangling.json'));
    symlinkSync(join(dir, 'loop.json'), join(dir, 'loop.json'));
    mkdirSync(join(dir, 'folder.json'));
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    const line = (name: string) => {
      const r = decodeTextFile(join(dir, name), `data/${name}`);
      return 'issue' in r ? formatIssue(r.issue) : JSON.stringify(r);
    };
    expect(line('dangling.json')).toBe('data/dangling.json:1:1: 错误: 无法读取文件：这是一个链接（快捷方式），但它指向的文件不存在');
    expect(line('loop.json')).toBe('data/loop.json:1:1: 错误: 无法读取文件：这是一个循环指向自身的链接（快捷方式）');
    expect(line('folder.json')).toBe('data/folder.json:1:1: 错误: 无法读取文件：这是一个文件夹，不是文件');
    expect(line('fifo.json')).toBe('data/fifo.json:1:1: 错误: 无法读取文件：这是一个管道（FIFO），不是普通文件');
  });

  it('refuses a file over 4 MB instead of reading it whole', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'report-template.md'), Buffer.alloc(4 * 1024 * 1024 + 1, 0x61));
    const r = decodeTextFile(join(dir, 'report-template.md'), 'data/report-template.md');
    expect('issue' in r && formatIssue(r.issue)).toBe('data/report-template.md:1:1: 错误: 文件超过 4 MB，不像是配置或模板文件：请确认选对了文件');
  });
});
