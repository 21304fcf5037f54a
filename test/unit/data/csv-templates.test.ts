import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATASETS } from '../../../src/lib/data/schema/index.ts';
import { templateCsv, templateFiles, fillDictionarySection, readDictionarySection, TEMPLATES_DIR } from '../../../src/lib/data/csv-templates.ts';

const root = join(import.meta.dirname, '..', '..', '..');

describe('templateCsv', () => {
  it('writes the Chinese labels as a header-only CSV with BOM and CRLF', () => {
    expect(templateCsv(DATASETS[0])).toBe('\uFEFF年度,类别,项目,金额（万元）,受益单位,备注\r\n');
  });

  it('quotes a label that holds a comma or a quote', () => {
    const schema = { ...DATASETS[0], columns: [{ ...DATASETS[0].columns[0], label: '年,度' }, { ...DATASETS[0].columns[1], label: '类"别' }] };
    expect(templateCsv(schema)).toBe('\uFEFF"年,度","类""别"\r\n');
  });

  it('uses only headers the reader accepts (every label is among its aliases)', () => {
    for (const d of DATASETS) for (const c of d.columns) expect(c.aliases).toContain(c.label);
  });
});

describe('data/templates', () => {
  it('holds exactly one template per dataset, byte-identical to what the schema gives (run npm run templates on drift)', () => {
    const files = templateFiles();
    expect(readdirSync(join(root, TEMPLATES_DIR)).sort()).toEqual(DATASETS.map((d) => d.file).sort());
    for (const f of files) {
      const bytes = readFileSync(join(root, f.path));
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(bytes.toString('utf8'), f.path).toBe(f.content);
    }
  });
});

describe('fillDictionarySection', () => {
  const guide = 'intro\n<!-- dictionary:start -->\nold\n<!-- dictionary:end -->\noutro\n';

  it('replaces only the text between the markers', () => {
    const filled = fillDictionarySection(guide, '### 新\n');
    expect(filled).toBe('intro\n<!-- dictionary:start -->\n\n### 新\n\n<!-- dictionary:end -->\noutro\n');
    expect(readDictionarySection(filled)).toBe('### 新');
    expect(fillDictionarySection(filled, '### 新')).toBe(filled);
  });

  it('refuses a guide without markers', () => {
    expect(() => fillDictionarySection('no markers', 'x')).toThrow('dictionary:start');
    expect(readDictionarySection('no markers')).toBeNull();
  });
});
