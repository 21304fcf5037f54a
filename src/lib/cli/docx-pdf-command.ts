/**
 * `npx tsx scripts/docx-to-pdf.ts [--dist DIR] [--out DIR] [--png]`
 * Open every <dist>/report/*.docx in LibreOffice (headless), convert it to PDF and print its page count: a check
 * that the Word files open without repair and lay out as expected. Not part of npm test (it needs LibreOffice:
 * apt-get install -y libreoffice-writer-nogui). --png also renders each page at 60 dpi with pdftoppm, to look at.
 * Exit 0 when every file converted, 1 when one did not, 2 when LibreOffice is missing or there is nothing to convert.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readArgs } from './args.ts';
import { EXIT, UserError } from './errors.ts';
import type { Command } from './main.ts';

const USAGE = '用法：npx tsx scripts/docx-to-pdf.ts [--dist 目录] [--out 目录] [--png]';

/** Programs it runs; replaceable in tests. */
export interface Tools {
  has(cmd: string): boolean;
  /** Convert one .docx into `outDir`; the exit status and what it printed on stderr. */
  convert(docx: string, outDir: string, profileDir: string): { status: number | null; stderr: string };
  /** Pages of a PDF. */
  pages(pdf: string): number;
  /** Render a PDF's pages as PNG files beside it. */
  png(pdf: string): void;
}

export const systemTools: Tools = {
  has: (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0,
  convert(docx, outDir, profileDir) {
    // A private profile folder, so a running LibreOffice or a stale lock never blocks the conversion.
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${profileDir}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr ?? '' };
  },
  pages(pdf) {
    // pdfinfo when installed, else the page objects counted in the file.
    if (systemTools.has('pdfinfo')) {
      const m = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
      if (m) return Number(m[1]);
    }
    return (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  },
  png(pdf) {
    if (systemTools.has('pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')]);
  },
};

export function docxPdfCommand(tools: Tools = systemTools): Command {
  return async (argv, { io, root }) => {
    const args = readArgs(argv, { dist: 'value', out: 'value', png: 'flag' }, USAGE);
    const reportDir = resolve(root, args.dist ?? 'dist', 'report');
    const outDir = resolve(root, args.out ?? '.cache/docx-pdf');
    if (!tools.has('soffice')) throw new UserError(['找不到 LibreOffice（soffice）：请先安装，如 apt-get install -y libreoffice-writer-nogui'], EXIT.usage);
    const files = existsSync(reportDir) ? readdirSync(reportDir).filter((f) => f.endsWith('.docx')).sort() : [];
    if (files.length === 0) throw new UserError([`${reportDir} 中没有 .docx 文件：请先运行 npm run build`], EXIT.usage);
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const profile = join(outDir, '.profile');
    let failed = 0;
    try {
      for (const file of files) {
        const started = Date.now();
        const r = tools.convert(join(reportDir, file), outDir, profile);
        const pdf = join(outDir, file.replace(/\.docx$/, '.pdf'));
        if (r.status !== 0 || !existsSync(pdf)) {
          failed++;
          io.out(`${file}: 转换失败（退出码 ${r.status}）${r.stderr.trim() ? `：${r.stderr.trim()}` : ''}`);
          continue;
        }
        const pages = tools.pages(pdf);
        if (args.png) tools.png(pdf);
        io.out(`${file}: ${pages} 页（${((Date.now() - started) / 1000).toFixed(1)} s）`);
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    io.out(`${files.length - failed}/${files.length} 个文件已转换为 PDF，见 ${outDir}`);
    return failed > 0 ? EXIT.invalidData : EXIT.ok;
  };
}
