/**
 * Open every dist/report/*.docx in LibreOffice (headless), convert it to PDF and print its page count:
 * a check that the Word files open without repair and lay out as expected. Not part of npm test (needs
 * LibreOffice: apt-get install -y libreoffice-writer-nogui).
 *
 *   npx tsx scripts/docx-to-pdf.ts [--dist DIR] [--out DIR] [--png]
 *
 * --png also renders each page at 60 dpi with pdftoppm, to look at. Exit 0 when every file converted,
 * 1 when one did not, 2 when LibreOffice is missing or there is nothing to convert.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: '.cache/docx-pdf' }, png: { type: 'boolean', default: false } },
});
const reportDir = resolve(values.dist!, 'report');
const outDir = resolve(values.out!);

function which(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Pages of a PDF: pdfinfo when installed, else the page objects counted in the file. */
function pageCount(pdf: string): number {
  if (which('pdfinfo')) {
    const m = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
    if (m) return Number(m[1]);
  }
  return (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

if (!which('soffice')) {
  console.error('找不到 LibreOffice（soffice）：请先安装，如 apt-get install -y libreoffice-writer-nogui');
  process.exit(2);
}
const files = existsSync(reportDir) ? readdirSync(reportDir).filter((f) => f.endsWith('.docx')).sort() : [];
if (files.length === 0) {
  console.error(`${reportDir} 中没有 .docx 文件：请先运行 npm run build`);
  process.exit(2);
}
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

let failed = 0;
for (const file of files) {
  const started = Date.now();
  // A private profile folder, so a running LibreOffice or a stale lock never blocks the conversion.
  const profile = `file://${join(outDir, '.profile')}`;
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, join(reportDir, file)], {
    encoding: 'utf8',
  });
  const pdf = join(outDir, file.replace(/\.docx$/, '.pdf'));
  if (r.status !== 0 || !existsSync(pdf)) {
    failed++;
    console.log(`${file}: 转换失败（退出码 ${r.status}）${r.stderr.trim() ? `：${r.stderr.trim()}` : ''}`);
    continue;
  }
  const pages = pageCount(pdf);
  if (values.png && which('pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')]);
  console.log(`${file}: ${pages} 页（${((Date.now() - started) / 1000).toFixed(1)} s）`);
}
rmSync(join(outDir, '.profile'), { recursive: true, force: true });
console.log(`${files.length - failed}/${files.length} 个文件已转换为 PDF，见 ${outDir}`);
process.exit(failed > 0 ? 1 : 0);
