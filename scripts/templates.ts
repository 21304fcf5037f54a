/**
 * npm run templates [-- --check]
 * Writes data/templates/<file>.csv (Chinese headers, UTF-8 BOM, CRLF) for every dataset and
 * refreshes the column reference in docs/admin-guide.md, both from the schema.
 * With --check nothing is written; exit 1 when a file differs from what the schema gives.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateFiles, fillDictionarySection, TEMPLATES_DIR } from '../src/lib/data/csv-templates.ts';
import { dictionaryMarkdown } from '../src/lib/data/dictionary.ts';
import { readArgs } from '../src/lib/cli/args.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GUIDE = 'docs/admin-guide.md';
const checkOnly = readArgs(process.argv.slice(2), { check: 'flag' }, '用法：npm run templates [-- --check]').check === true;

const wanted = templateFiles().map((f) => ({ path: f.path, content: f.content }));
const guidePath = join(root, GUIDE);
if (existsSync(guidePath)) {
  const guide = readFileSync(guidePath, 'utf8');
  wanted.push({ path: GUIDE, content: fillDictionarySection(guide, dictionaryMarkdown()) });
} else {
  console.error(`找不到 ${GUIDE}，跳过数据说明部分。`);
}

let stale = 0;
mkdirSync(join(root, TEMPLATES_DIR), { recursive: true });
for (const f of wanted) {
  const abs = join(root, f.path);
  const now = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
  if (now === f.content) continue;
  stale++;
  if (checkOnly) console.log(`与数据规范不一致：${f.path}`);
  else {
    writeFileSync(abs, f.content, 'utf8');
    console.log(`已写入 ${f.path}`);
  }
}
if (stale === 0) console.log(`模板与管理员指南均与数据规范一致（${TEMPLATES_DIR}/，${GUIDE}）。`);
else if (checkOnly) {
  console.log('请运行 npm run templates 重新生成。');
  process.exit(1);
}
