/**
 * `npm run templates [-- --check]`
 * Writes data/templates/<file>.csv (Chinese headers, UTF-8 BOM, CRLF) for every dataset and refreshes the
 * column reference in docs/admin-guide.md, both from the schema.
 * With --check nothing is written; exit 1 when a file differs from what the schema gives.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateFiles, fillDictionarySection, TEMPLATES_DIR } from '../data/csv-templates.ts';
import { dictionaryMarkdown } from '../data/dictionary.ts';
import { readArgs } from './args.ts';
import { EXIT } from './errors.ts';
import type { Command } from './main.ts';

const GUIDE = 'docs/admin-guide.md';
const USAGE = '用法：npm run templates [-- --check]';

export const templatesCommand: Command = async (argv, { io, root }) => {
  const checkOnly = readArgs(argv, { check: 'flag' }, USAGE).check === true;
  const wanted = templateFiles().map((f) => ({ path: f.path, content: f.content }));
  const guidePath = join(root, GUIDE);
  if (existsSync(guidePath)) {
    const guide = readFileSync(guidePath, 'utf8');
    wanted.push({ path: GUIDE, content: fillDictionarySection(guide, dictionaryMarkdown()) });
  } else {
    io.err(`找不到 ${GUIDE}，跳过数据说明部分。`);
  }

  let stale = 0;
  if (!checkOnly) mkdirSync(join(root, TEMPLATES_DIR), { recursive: true });
  for (const f of wanted) {
    const abs = join(root, f.path);
    const now = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
    if (now === f.content) continue;
    stale++;
    if (checkOnly) io.out(`与数据规范不一致：${f.path}`);
    else {
      writeFileSync(abs, f.content, 'utf8');
      io.out(`已写入 ${f.path}`);
    }
  }
  if (stale === 0) io.out(`模板与管理员指南均与数据规范一致（${TEMPLATES_DIR}/，${GUIDE}）。`);
  else if (checkOnly) {
    io.out('请运行 npm run templates 重新生成。');
    return EXIT.invalidData;
  }
  return EXIT.ok;
};
