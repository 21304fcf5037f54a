import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeTemplate, readTemplateFile } from '../../../src/lib/annual-report/read-template.ts';
import { runPipeline } from '../../../src/lib/data/pipeline.ts';
import { formatIssue } from '../../../src/lib/data/issues.ts';
import { normalizeConfig } from '../../../src/lib/shared/config.ts';

/** "# 示例区{{ year }}年" saved by Notepad as "ANSI" on Chinese Windows (GBK). */
const GBK = Uint8Array.from([0x23, 0x20, 0xca, 0xbe, 0xc0, 0xfd, 0xc7, 0xf8, ...Buffer.from('{{ year }}'), 0xc4, 0xea]);
const UTF8 = Buffer.from('# 示例区{{ year }}年');

describe('decodeTemplate', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeTemplate(UTF8)).toEqual({ text: '# 示例区{{ year }}年', encoding: 'utf-8' });
    expect(decodeTemplate(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), UTF8]))).toEqual({ text: '# 示例区{{ year }}年', encoding: 'utf-8' });
  });

  it('reads GBK (GB18030) as Chinese, not mojibake', () => {
    expect(decodeTemplate(GBK)).toEqual({ text: '# 示例区{{ year }}年', encoding: 'gb18030' });
  });

  it('refuses bytes that are neither, and a NUL', () => {
    expect(decodeTemplate(Uint8Array.from([0x23, 0xff, 0xff, 0x20]))).toBeNull();
    expect(decodeTemplate(Buffer.from('正文\u0000'))).toBeNull();
  });
});

describe('the data step reads report-template.md like the CSVs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-template-'));
    cpSync('test/fixtures/valid-all/data', dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = () => runPipeline({ dataDir: dir, displayDir: 'data', now: new Date('2026-11-29T06:00:00.000Z'), config: normalizeConfig({}) });

  it('renders a GBK template in Chinese', async () => {
    writeFileSync(join(dir, 'report-template.md'), GBK);
    const r = await run();
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.reports.map((x) => x.title)).toEqual(r.summary.years.map((y) => `示例区${y}年`));
  });

  it('stops with one error at 1:1 when the template is neither UTF-8 nor GB18030', async () => {
    writeFileSync(join(dir, 'report-template.md'), Uint8Array.from([0x23, 0x20, 0xff, 0xfe, 0xfd]));
    const r = await run();
    expect(r.ok).toBe(false);
    expect(r.reports).toEqual([]);
    expect(r.issues.map(formatIssue)).toEqual([
      'data/report-template.md:1:1: 错误: 模板既不是 UTF-8 也不是 GB18030/GBK 编码，无法读取：请用记事本“另存为”，编码选“UTF-8”',
    ]);
  });

  it('gives no reports and no issue without a template', () => {
    expect(readTemplateFile(join(dir, 'none.md'), 'data/none.md')).toEqual({ text: null, issues: [] });
  });
});
