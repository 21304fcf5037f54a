import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docxPdfCommand, type Tools } from '../../../src/lib/cli/docx-pdf-command.ts';
import { main } from '../../../src/lib/cli/main.ts';
import { capture } from './capture.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'docx-pdf-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** LibreOffice and poppler stand-ins: a conversion writes a PDF unless the file's name says it fails. */
function fakeTools(installed = true): Tools & { converted: string[]; profiles: string[]; rendered: string[] } {
  const converted: string[] = [];
  const profiles: string[] = [];
  const rendered: string[] = [];
  return {
    converted,
    profiles,
    rendered,
    has: (cmd) => installed || cmd !== 'soffice',
    convert(docx, outDir, profile) {
      converted.push(docx);
      profiles.push(profile);
      mkdirSync(profile, { recursive: true });
      if (docx.includes('broken')) return { status: 1, stderr: 'Error: source file could not be loaded\n' };
      writeFileSync(join(outDir, docx.split('/').pop()!.replace(/\.docx$/, '.pdf')), '%PDF');
      return { status: 0, stderr: '' };
    },
    pages: () => 2,
    png: (pdf) => void rendered.push(pdf),
  };
}

function reports(...names: string[]): void {
  mkdirSync(join(root, 'dist', 'report'), { recursive: true });
  for (const n of names) writeFileSync(join(root, 'dist', 'report', n), 'PK');
}

describe('scripts/docx-to-pdf.ts', () => {
  it('converts every report .docx in name order, prints pages per file and a total, exit 0; the private profile is removed', async () => {
    reports('2025年述职报告.docx', '2024年述职报告.docx', 'readme.txt');
    const tools = fakeTools();
    const io = capture();
    expect(await main(docxPdfCommand(tools), ['--png'], { io, root })).toBe(0);
    expect(tools.converted.map((f) => f.split('/').pop())).toEqual(['2024年述职报告.docx', '2025年述职报告.docx']);
    expect(io.stdout[0]).toMatch(/^2024年述职报告\.docx: 2 页（\d+\.\d s）$/);
    expect(io.stdout.at(-1)).toBe(`2/2 个文件已转换为 PDF，见 ${join(root, '.cache', 'docx-pdf')}`);
    expect(tools.rendered).toHaveLength(2);
    expect(existsSync(tools.profiles[0]!)).toBe(false);
  });

  it('a file LibreOffice cannot open is named with its status and message, the others still convert: exit 1', async () => {
    reports('a-broken.docx', 'b.docx');
    const io = capture();
    expect(await main(docxPdfCommand(fakeTools()), ['--dist', 'dist', '--out', 'pdf'], { io, root })).toBe(1);
    expect(io.stdout).toContain('a-broken.docx: 转换失败（退出码 1）：Error: source file could not be loaded');
    expect(io.stdout.at(-1)).toBe(`1/2 个文件已转换为 PDF，见 ${join(root, 'pdf')}`);
  });

  it('without LibreOffice, or with nothing to convert, says what to do: exit 2', async () => {
    reports('x.docx');
    const missing = capture();
    expect(await main(docxPdfCommand(fakeTools(false)), [], { io: missing, root })).toBe(2);
    expect(missing.stderr).toEqual(['找不到 LibreOffice（soffice）：请先安装，如 apt-get install -y libreoffice-writer-nogui']);
    const empty = capture();
    expect(await main(docxPdfCommand(fakeTools()), ['--dist', 'nowhere'], { io: empty, root })).toBe(2);
    expect(empty.stderr[0]).toBe(`${join(root, 'nowhere', 'report')} 中没有 .docx 文件：请先运行 npm run build`);
  });

  it('reads its options through the shared reader: an unknown option is bad usage (exit 2) with the usage line', async () => {
    const io = capture();
    expect(await main(docxPdfCommand(fakeTools()), ['--pdf'], { io, root })).toBe(2);
    expect(io.stderr).toEqual(['错误: 未知选项“--pdf”', '用法：npx tsx scripts/docx-to-pdf.ts [--dist 目录] [--out 目录] [--png]']);
  });
});
