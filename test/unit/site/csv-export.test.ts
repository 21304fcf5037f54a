import { describe, it, expect } from 'vitest';
import { tableToCsv, toCsv } from '../../../src/lib/site/csv-export.ts';
import type { TableSpec } from '../../../src/lib/site/tables/index.ts';

describe('csv-export', () => {
  it('tableToCsv starts with a BOM, ends every row with CRLF and writes the total last', () => {
    const t: TableSpec = {
      id: 't',
      title: '历年经费投入',
      unit: '万元',
      source: '示例区',
      columns: [
        { label: '年度', kind: 'text' },
        { label: '经费投入（万元）', kind: 'number', frac: 2 },
        { label: '比上年增减（%）', kind: 'change' },
      ],
      rows: [
        ['2024年', 512.5, '无上年数据'],
        ['2025年', 576.2, 12.4],
      ],
      total: ['合计', 1088.7, null],
      sentence: '',
    };
    expect(tableToCsv(t)).toBe('\uFEFF年度,经费投入（万元）,比上年增减（%）\r\n2024年,512.5,无上年数据\r\n2025年,576.2,12.4\r\n合计,1088.7,\r\n');
  });

  it('neutralizes a HYPERLINK formula in a text cell and quotes it because of its quotes and comma', () => {
    expect(toCsv([['=HYPERLINK("http://evil","x")']])).toBe('\uFEFF"\'=HYPERLINK(""http://evil"",""x"")"\r\n');
  });

  it('puts an apostrophe before text starting with =, +, -, @, tab or CR, and quotes it', () => {
    expect(toCsv([['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '国防教育']])).toBe(
      '\uFEFF"\'=1+1","\'+1","\'-1","\'@SUM(A1)","\'\tx","\'\rx",国防教育\r\n',
    );
  });

  it('neutralizes the full-width ＝＋－＠ that Chinese spreadsheets also read as a formula', () => {
    expect(toCsv([['＝1+1', '＋1', '－1', '＠SUM(A1)', '１＝１']])).toBe('\uFEFF"\'＝1+1","\'＋1","\'－1","\'＠SUM(A1)",１＝１\r\n');
  });

  it('neutralizes a formula followed by a line break', () => {
    expect(toCsv([['=1+1\n说明']])).toBe('\uFEFF"\'=1+1\n说明"\r\n');
  });

  it('writes our own negative numbers plainly, without an apostrophe', () => {
    expect(toCsv([[-3, -0.5, 12.4]])).toBe('\uFEFF-3,-0.5,12.4\r\n');
  });

  it('writes null and non-finite numbers as empty fields', () => {
    expect(toCsv([[null, Number.NaN, Number.POSITIVE_INFINITY, 1]])).toBe('\uFEFF,,,1\r\n');
  });

  it('quotes fields with commas, quotes and line breaks as RFC 4180 says', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 'plain']])).toBe('\uFEFF"a,b","say ""hi""","two\nlines",plain\r\n');
  });

  it('toCsv of no rows is just the BOM', () => {
    expect(toCsv([])).toBe('\uFEFF');
  });
});
