import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaryMarkdown } from '../../../src/lib/data/dictionary.ts';
import { readDictionarySection } from '../../../src/lib/data/csv-templates.ts';
import { DATASETS } from '../../../src/lib/data/schema/index.ts';

const guide = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'admin-guide.md'), 'utf8');

describe('docs/admin-guide.md', () => {
  it('has a column reference identical to the one the schema gives (run npm run templates on drift)', () => {
    expect(readDictionarySection(guide)).toBe(dictionaryMarkdown().trim());
  });

  it('names every dataset file and every column label', () => {
    for (const d of DATASETS) {
      expect(guide).toContain(`data/${d.file}`);
      for (const c of d.columns) expect(guide).toContain(c.label);
    }
  });

  it('documents every admin command and the rollback', () => {
    for (const cmd of ['npm run check', 'npm run dev', 'npm run build', 'npm run build -- --rollback', 'npm run templates', 'npm run preview']) {
      expect(guide).toContain(cmd);
    }
  });

  it('explains an error line, the change report file and the nginx headers', () => {
    expect(guide).toContain('data/militia_cases.csv:17:4: 错误:');
    expect(guide).toContain('build-report.txt');
    expect(guide).toContain(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
    );
    expect(guide).toContain('max-age=31536000, immutable');
    expect(guide).toContain('"base": "/zt/shuangyong/"');
  });
});
