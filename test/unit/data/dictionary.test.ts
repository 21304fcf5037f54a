import { describe, it, expect } from 'vitest';
import { DATASETS, funding, honors, indicators, trainingSessions } from '../../../src/lib/data/schema/index.ts';
import type { DatasetSchema } from '../../../src/lib/data/schema/index.ts';
import {
  dictionaryRows,
  dictionaryColumn,
  dictionaryMarkdown,
  columnRules,
  TYPE_WORDS,
  TYPE_NOTES,
  INTERNAL_WORDS,
} from '../../../src/lib/data/dictionary.ts';

describe('dictionaryRows', () => {
  it('lists every dataset of the schema, in schema order, with file, title and description', () => {
    const rows = dictionaryRows();
    expect(rows.map((d) => d.file)).toEqual(DATASETS.map((d) => d.file));
    expect(rows.map((d) => d.title)).toEqual(DATASETS.map((d) => d.title));
    expect(rows.map((d) => d.description)).toEqual(DATASETS.map((d) => d.description));
  });

  it('has exactly one row for every schema column, so a column missing from the output fails', () => {
    const rows = dictionaryRows();
    for (const d of DATASETS as readonly DatasetSchema[]) {
      const out = rows.find((r) => r.id === d.id);
      expect(out, d.id).toBeDefined();
      expect(out!.columns.map((c) => c.key), d.id).toEqual(d.columns.map((c) => c.key));
      for (const c of d.columns) {
        const row = out!.columns.find((r) => r.key === c.key)!;
        expect(row.label).toBe(c.label);
        expect(row.aliases).toEqual([...c.aliases]);
        expect(row.typeWords).toBe(TYPE_WORDS[c.type]);
        expect(row.requiredWords).toBe(c.required ? '必填' : '选填');
        expect(row.internal).toBe(c.internal === true);
        expect(row.description).toBe(c.description);
      }
    }
  });

  it('gives [] for no datasets', () => {
    expect(dictionaryRows([])).toEqual([]);
  });
});

describe('dictionaryColumn', () => {
  it('describes funding.amount_wan as a required 小数 of at least 0 in 万元', () => {
    const c = funding.columns.find((c) => c.key === 'amount_wan')!;
    expect(dictionaryColumn(c)).toEqual({
      key: 'amount_wan',
      label: '金额（万元）',
      aliases: ['金额（万元）', '金额(万元)', '金额'],
      type: 'decimal',
      typeWords: '小数',
      required: true,
      requiredWords: '必填',
      rules: ['不小于 0'],
      unit: '万元',
      internal: false,
      visibility: '公开',
      description: '投入金额，单位万元，不小于 0。',
    });
  });

  it('marks funding.recipient as 内部字段（不公开） and 选填', () => {
    const c = dictionaryColumn(funding.columns.find((c) => c.key === 'recipient')!);
    expect(c.visibility).toBe('内部字段（不公开）');
    expect(c.visibility).toBe(INTERNAL_WORDS);
    expect(c.requiredWords).toBe('选填');
    expect(c.unit).toBeNull();
  });

  it('lists the allowed honor levels', () => {
    expect(dictionaryColumn(honors.columns.find((c) => c.key === 'level')!).rules).toEqual(['取值：国家级、省级、市级、区级']);
  });
});

describe('columnRules', () => {
  it('states the lower bound and the default of training.sessions', () => {
    expect(columnRules(trainingSessions.columns.find((c) => c.key === 'sessions')!)).toEqual(['不小于 1', '不填按 1 计']);
  });
  it('states the percent rule of indicators.value', () => {
    expect(columnRules(indicators.columns.find((c) => c.key === 'value')!)).toEqual([
      '不小于 0',
      '可写作百分数（如 96.5%），此时单位须为 %',
    ]);
  });
  it('gives [] for a plain text column', () => {
    expect(columnRules(honors.columns.find((c) => c.key === 'title')!)).toEqual([]);
  });
});

describe('dictionaryMarkdown', () => {
  it('has a table row for every schema column, so a column missing from the output fails', () => {
    const md = dictionaryMarkdown();
    for (const d of DATASETS) {
      expect(md).toContain(`### ${d.title}（\`${d.file}\`）`);
      for (const c of d.columns) expect(md, `${d.id}.${c.key}`).toContain(`| \`${c.key}\` | ${c.label} |`);
    }
    const rowCount = md.split('\n').filter((l) => l.startsWith('| `')).length;
    expect(rowCount).toBe(DATASETS.reduce((n, d) => n + d.columns.length, 0));
  });

  it('writes the honors table exactly', () => {
    const md = dictionaryMarkdown([honors], { typeNotes: false });
    expect(md).toBe(
      [
        '### 双拥荣誉（`honors.csv`）',
        '',
        '本区及所属单位、个人获得的双拥与国防建设荣誉，每行一项荣誉（公开页面）。',
        '',
        '| 列名 | 中文名 | 可用表头 | 类型 | 必填 | 规则 | 单位 | 公开 | 说明 |',
        '|---|---|---|---|---|---|---|---|---|',
        '| `year` | 年度 | 年度、年份 | 年度 | 必填 | — | — | 公开 | 获得荣誉的年度。 |',
        '| `title` | 荣誉名称 | 荣誉名称、荣誉 | 文本 | 必填 | — | — | 公开 | 荣誉名称，如 双拥模范城。 |',
        '| `conferred_by` | 授予单位 | 授予单位 | 文本 | 必填 | — | — | 公开 | 授予荣誉的单位。 |',
        '| `recipient` | 获得者 | 获得者、获奖对象 | 文本 | 必填 | — | — | 公开 | 获得荣誉的单位或个人。 |',
        '| `level` | 级别 | 级别 | 文本 | 必填 | 取值：国家级、省级、市级、区级 | — | 公开 | 级别：国家级、省级、市级、区级之一。 |',
        '| `note` | 备注 | 备注 | 文本 | 选填 | — | — | 公开 | 备注（公开显示）。 |',
        '',
      ].join('\n'),
    );
  });

  it('marks internal columns in the table', () => {
    expect(dictionaryMarkdown([funding])).toContain('| `note` | 备注 | 备注 | 文本 | 选填 | — | — | 内部字段（不公开） | 备注（内部字段，不公开）。 |');
  });

  it('escapes pipes and line breaks inside cells', () => {
    const odd: DatasetSchema = {
      id: 'indicators',
      file: 'x.csv',
      title: 'X',
      description: 'd',
      columns: [{ key: 'a', label: 'A|B', aliases: ['A|B'], type: 'text', required: false, description: '第一行\n第二行' }],
    };
    expect(dictionaryMarkdown([odd], { typeNotes: false })).toContain('| `a` | A\\|B | A\\|B | 文本 | 选填 | — | — | 公开 | 第一行 第二行 |');
  });

  it('ends with the value-type notes at the chosen heading level', () => {
    const md = dictionaryMarkdown(DATASETS, { headingLevel: 2 });
    expect(md).toContain('## 值类型\n\n- **年度**：' + TYPE_NOTES.year);
    expect(md).toContain('- **文本**：' + TYPE_NOTES.text);
  });
});
