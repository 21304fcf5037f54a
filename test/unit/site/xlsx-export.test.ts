import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { runPipeline } from '../../../src/lib/data/pipeline.ts';
import { buildTables, type TableSpec } from '../../../src/lib/site/tables/index.ts';
import { tablesInPageOrder } from '../../../src/lib/site/downloads.ts';
import { buildWorkbook, excelCell, FORMAT, sheetNames, SHEET_NAME_MAX, textWidth, type WorkbookMeta } from '../../../src/lib/site/xlsx-export.ts';

const META: WorkbookMeta = {
  siteName: '示例区党管武装与双拥工作统计',
  source: '示例区党管武装工作领导小组办公室',
  period: '数据覆盖2018—2025年，发布于2026年12月3日',
  sampleData: true,
  generatedAt: new Date('2026-12-03T02:00:00Z'),
};

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const funding: TableSpec = {
  id: 'funding-category-yoy',
  title: '2025年经费投入各类别比上年增减',
  unit: '万元',
  source: '示例区党管武装工作领导小组办公室',
  columns: [
    { label: '类别', kind: 'text' },
    { label: '2025年（万元）', kind: 'number', frac: 2, fixed: true },
    { label: '比上年增减（%）', kind: 'change' },
    { label: '占比（%）', kind: 'percent', frac: 1 },
    { label: '行数', kind: 'number' },
    { label: '安排率变化（百分点）', kind: 'points' },
  ],
  rows: [
    ['优抚资金', 1426.7, 12.4, 31.7, 1234, 1.5],
    ['科技拥军', 99.1, '无上年数据', 2.2, 3, null],
  ],
  total: ['合计', 1525.8, 7.6, 100, 1237, null],
  footnote: '部分数据因四舍五入，分项合计与总计略有出入。',
  sentence: '',
};

describe('sheetNames', () => {
  it('keeps short Chinese titles as they are', () => {
    expect(sheetNames(['历年经费投入（按类别）', '服务部队官兵'])).toEqual(['历年经费投入（按类别）', '服务部队官兵']);
  });

  it('replaces []:*?/\\ with _, cuts to 31 characters, and makes repeats unique within the limit, ignoring case', () => {
    const long = '一二三四五六七八九十'.repeat(4);
    const names = sheetNames(['a/b:c[d]*e?f\\g', long, long, 'ABC', 'abc', "'引号'", '', '目录'], ['目录']);
    expect(names).toEqual(['a_b_c_d__e_f_g', long.slice(0, 31), `${long.slice(0, 28)}（2）`, 'ABC', 'abc（2）', '引号', '表7', '目录（2）']);
    for (const n of names) {
      expect(Array.from(n).length).toBeLessThanOrEqual(SHEET_NAME_MAX);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(sheetNames(['History'])).toEqual(['History（2）']);
  });
});

describe('excelCell', () => {
  it('stores numbers as numbers with their formats, percentages as fractions, text as text and null as empty', () => {
    const [, money, change, share, count, points] = funding.columns as TableSpec['columns'];
    expect(excelCell(1426.7, money!)).toEqual({ value: 1426.7, numFmt: '#,##0.00' });
    expect(excelCell(12.4, change!)).toEqual({ value: 0.124, numFmt: '+0.0%;-0.0%;0.0%' });
    expect(excelCell('无上年数据', change!)).toEqual({ value: '无上年数据' });
    expect(excelCell(31.7, share!)).toEqual({ value: 0.317, numFmt: '0.0%' });
    expect(excelCell(1234, count!)).toEqual({ value: 1234, numFmt: '#,##0' });
    expect(excelCell(1.5, points!)).toEqual({ value: 1.5, numFmt: '+0.0;-0.0;0.0' });
    expect(excelCell(null, count!)).toEqual({ value: null });
    expect(excelCell(Number.NaN, count!)).toEqual({ value: null });
  });

  it('shows an indicator value with its own decimals, up to the column’s', () => {
    const col = { label: '2025年', kind: 'number' as const, frac: 2 };
    expect(excelCell(96.5, col)).toEqual({ value: 96.5, numFmt: '#,##0.0' });
    expect(excelCell(1200, col)).toEqual({ value: 1200, numFmt: '#,##0' });
    expect(excelCell(182.99, col)).toEqual({ value: 182.99, numFmt: '#,##0.00' });
  });
});

describe('textWidth', () => {
  it('counts Chinese and full-width characters twice', () => {
    expect(textWidth('2025年（万元）')).toBe(4 + 2 + 8);
  });
});

describe('buildWorkbook', () => {
  it('writes a contents sheet, then one sheet per table: title, unit, source and sample rows, a frozen bold header, typed cells, the total and the footnote', async () => {
    const wb = await read(await buildWorkbook([funding], META));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目录', '2025年经费投入各类别比上年增减']);
    const ws = wb.getWorksheet('2025年经费投入各类别比上年增减')!;
    expect([1, 2, 3, 4].map((r) => ws.getCell(r, 1).value)).toEqual([
      '2025年经费投入各类别比上年增减',
      '单位：万元',
      '数据来源：示例区党管武装工作领导小组办公室',
      '示例数据：虚构数字，仅供演示，请勿引用。',
    ]);
    expect(ws.getRow(5).values).toEqual([undefined, '类别', '2025年（万元）', '比上年增减（%）', '占比（%）', '行数', '安排率变化（百分点）']);
    expect(ws.getCell(5, 1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 5 });

    const cell = (r: number, c: number) => ws.getCell(r, c);
    expect(cell(6, 1).value).toBe('优抚资金');
    expect([cell(6, 2).type, cell(6, 2).value, cell(6, 2).numFmt]).toEqual([ExcelJS.ValueType.Number, 1426.7, FORMAT.money]);
    expect([cell(6, 3).type, cell(6, 3).value, cell(6, 3).numFmt]).toEqual([ExcelJS.ValueType.Number, 0.124, FORMAT.change]);
    expect([cell(6, 4).type, cell(6, 4).value, cell(6, 4).numFmt]).toEqual([ExcelJS.ValueType.Number, 0.317, FORMAT.percent]);
    expect([cell(6, 5).type, cell(6, 5).value, cell(6, 5).numFmt]).toEqual([ExcelJS.ValueType.Number, 1234, FORMAT.count]);
    expect([cell(7, 3).type, cell(7, 3).value]).toEqual([ExcelJS.ValueType.String, '无上年数据']);
    expect(cell(7, 6).type).toBe(ExcelJS.ValueType.Null);
    expect([cell(8, 1).value, cell(8, 2).value, cell(8, 2).font?.bold]).toEqual(['合计', 1525.8, true]);
    expect(cell(10, 1).value).toBe('注：部分数据因四舍五入，分项合计与总计略有出入。');
    // Widths fit the longest text: the category column holds 优抚资金 (8 units) → at least 8, at most 40.
    for (let c = 1; c <= 6; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(8);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(textWidth('2025年（万元）'));
  });

  it('links every table from the contents sheet, with its unit', async () => {
    const wb = await read(await buildWorkbook([funding, { ...funding, id: 'x', title: '各年度获得荣誉项数', unit: '' }], META));
    const contents = wb.getWorksheet('目录')!;
    expect(contents.getCell(1, 1).value).toBe('示例区党管武装与双拥工作统计全部数据表');
    expect(contents.getCell(2, 1).value).toBe('数据覆盖2018—2025年，发布于2026年12月3日');
    expect(contents.getRow(6).values).toEqual([undefined, '序号', '工作表（点击打开）', '单位']);
    expect(contents.getCell(7, 2).value).toEqual({ text: '2025年经费投入各类别比上年增减', hyperlink: "#'2025年经费投入各类别比上年增减'!A1" });
    expect(contents.getCell(8, 3).value).toBe('—');
  });

  it('has a sheet for every table of the sample site, all numbers stored as numbers', async () => {
    const r = await runPipeline({ dataDir: join(import.meta.dirname, '..', '..', '..', 'data'), now: new Date('2026-06-01T00:00:00Z') });
    const tables = tablesInPageOrder(buildTables({ summary: r.summary, details: r.details }, { source: META.source }));
    const wb = await read(await buildWorkbook(tables, { ...META, sampleData: false }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目录', ...sheetNames(tables.map((t) => t.title), ['目录'])]);
    tables.forEach((t, i) => {
      const ws = wb.worksheets[i + 1]!;
      t.rows.forEach((row, k) => {
        row.forEach((v, j) => {
          const c = ws.getCell(4 + 1 + k, j + 1);
          if (typeof v === 'number' && t.columns[j]!.kind !== 'text') expect(c.type, `${t.id} ${k},${j}`).toBe(ExcelJS.ValueType.Number);
          if (typeof v === 'string') expect(c.value, `${t.id} ${k},${j}`).toBe(v);
        });
      });
    });
  }, 30_000);
});
