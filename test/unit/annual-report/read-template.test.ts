import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTemplateFile } from '../../../src/lib/annual-report/read-template.ts';
import { runPipeline } from '../../../src/lib/data/pipeline.ts';
import { formatIssue } from '../../../src/lib/data/issues.ts';
import { normalizeConfig } from '../../../src/lib/shared/config.ts';

/** "# 示例区{{ year }}年" saved by Notepad as "ANSI" on Chinese Windows (GBK). */
const GBK = Uint8Array.from([0x23, 0x20, 0xca, 0xbe, 0xc0, 0xfd, 0xc7, 0xf8, ...Buffer.from('{{ year }}'), 0xc4, 0xea]);
const UTF8 = Buffer.from('# 示例区{{ year }}年');

describe('the data step reads report-template.md like the CSVs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-template-'));
    cpSync('test/fixtures/valid-all/data', dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = () => runPipeline({ dataDir: dir, displayDir: 'data', now: new Date('2026-11-29T06:00:00.000Z'), config: normalizeConfig({}) });
  const file = () => join(dir, 'report-template.md');

  it('reads UTF-8 with and without a BOM, and GBK, as the same Chinese text', () => {
    for (const bytes of [UTF8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), UTF8]), GBK]) {
      writeFileSync(file(), bytes);
      expect(readTemplateFile(file(), 'data/report-template.md')).toEqual({ text: '# 示例区{{ year }}年', issues: [] });
    }
  });

  it('renders a GBK template in Chinese, not mojibake', async () => {
    writeFileSync(file(), GBK);
    const r = await run();
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.reports.map((x) => x.title)).toEqual(r.summary.years.map((y) => `示例区${y}年`));
  });

  it('stops at the first line that is not UTF-8 in a UTF-8 template, with no reports', async () => {
    writeFileSync(file(), Buffer.concat([Buffer.from('# 标题\n\n正文\n'), Uint8Array.from([0xd5, 0xfd, 0xce, 0xc4]), Buffer.from('\n')]));
    const r = await run();
    expect(r.ok).toBe(false);
    expect(r.reports).toEqual([]);
    expect(r.issues.map(formatIssue)).toEqual([
      'data/report-template.md:4:1: 错误: 此行不是 UTF-8 编码，而文件其他各行是 UTF-8（多半是从别的文件粘贴进来的）：请用记事本打开文件，改正此行的乱码，再“另存为”，编码选“UTF-8”',
    ]);
  });

  it('gives no reports and no issue without a template', () => {
    expect(readTemplateFile(join(dir, 'none.md'), 'data/none.md')).toEqual({ text: null, issues: [] });
  });
});
