import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runPipeline } from '../../../src/lib/data/pipeline.ts';
import { buildTables, type TableSpec } from '../../../src/lib/site/tables/index.ts';
import { downloadFileName, downloadGroups, listedPaths, tablesInPageOrder, uniqueTables } from '../../../src/lib/site/downloads.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'data');
let tables: TableSpec[];
let years: number[];

beforeAll(async () => {
  const r = await runPipeline({ dataDir: SAMPLE, now: new Date('2026-06-01T00:00:00Z') });
  tables = buildTables({ summary: r.summary, details: r.details }, { source: '示例区党管武装工作领导小组办公室' });
  years = Object.keys(r.summary.metrics['militia.cases']!.byYear).map(Number);
});

const spec = (id: string, title: string, rows: TableSpec['rows']): TableSpec => ({
  id,
  title,
  unit: '起',
  source: 'S',
  columns: [{ label: '街道', kind: 'text' }, { label: '查处案件（起）', kind: 'number' }],
  rows,
  sentence: '',
});

describe('uniqueTables', () => {
  it('keeps the later copy of a table whose content repeats an earlier one, and every other table', () => {
    const latest = spec('militia-subdistrict', '2025年各街道', [['东城街道', 3]]);
    const perYear = spec('militia-subdistrict-2025', '2025年各街道', [['东城街道', 3]]);
    const older = spec('militia-subdistrict-2024', '2024年各街道', [['东城街道', 2]]);
    expect(uniqueTables([latest, older, perYear]).map((t) => t.id)).toEqual(['militia-subdistrict-2024', 'militia-subdistrict-2025']);
  });
});

describe('downloadGroups on the sample data', () => {
  it('lists every CSV once: the latest year’s militia breakdowns are no longer listed twice', () => {
    const paths = listedPaths(downloadGroups(tables));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toHaveLength(uniqueTables(tables).length);
    expect(paths).toHaveLength(tables.length - 3);
    for (const id of ['militia-subdistrict', 'militia-case-type', 'militia-month']) expect(paths).not.toContain(`/downloads/${id}.csv`);
    expect(paths).toContain(`/downloads/militia-subdistrict-${Math.max(...years)}.csv`);
  });

  it('groups by page in navigation order, each group linking to its page', () => {
    const groups = downloadGroups(tables);
    expect(groups.map((g) => [g.label, g.href])).toEqual([
      ['经费投入', '/funding/'],
      ['民兵警民协防', '/militia/'],
      ['培训与教育', '/training/'],
      ['驻军子女入学', '/school/'],
      ['其他指标', '/indicators/'],
      ['双拥荣誉', '/honors/'],
    ]);
    expect(groups[0]!.items.map((i) => i.id)).toEqual(['funding-total', 'funding-category', 'funding-category-share', 'funding-category-yoy']);
    expect(groups[0]!.items[1]).toEqual({
      id: 'funding-category',
      title: '历年经费投入（按类别）',
      unit: '万元',
      path: '/downloads/funding-category.csv',
      fileName: '历年经费投入（按类别）.csv',
    });
  });

  it('puts the militia tables of each year in a grid: newest year first, one column per kind, titled without the year', () => {
    const militia = downloadGroups(tables).find((g) => g.label === '民兵警民协防')!;
    expect(militia.items.map((i) => i.id)).toEqual(['militia-total']);
    expect(militia.byYear!.kinds).toEqual([
      { key: 'militia-subdistrict', label: '各街道查处案件与抓获涉案人员' },
      { key: 'militia-case-type', label: '各类型查处案件与抓获涉案人员' },
      { key: 'militia-month', label: '各月查处案件与抓获涉案人员' },
    ]);
    expect(militia.byYear!.rows.map((r) => r.year)).toEqual([...years].sort((a, b) => b - a));
    for (const r of militia.byYear!.rows) expect(r.cells.map((c) => c?.id)).toEqual([`militia-subdistrict-${r.year}`, `militia-case-type-${r.year}`, `militia-month-${r.year}`]);
  });

  it('orders the workbook’s tables as the download list', () => {
    const groups = downloadGroups(tables);
    expect(tablesInPageOrder(tables).map((t) => `/downloads/${t.id}.csv`).sort()).toEqual([...listedPaths(groups)].sort());
    expect(tablesInPageOrder(tables)[0]!.id).toBe('funding-total');
  });
});

describe('downloadFileName', () => {
  it('drops characters Windows forbids and spaces', () => {
    expect(downloadFileName('a/b: c*?"<>|\\d', 'csv')).toBe('abcd.csv');
    expect(downloadFileName('历年经费投入（按类别）', 'xlsx')).toBe('历年经费投入（按类别）.xlsx');
  });
});
