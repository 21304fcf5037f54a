import { describe, it, expect } from 'vitest';
import { tableToCsv, toCsv, neutralizeFormula, formatCsvCell, quoteField } from '../../../src/lib/site/csv-export.ts';
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
    expect(formatCsvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
  });

  it('puts an apostrophe before text starting with =, +, -, @, tab or CR', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(neutralizeFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(neutralizeFormula('国防教育')).toBe('国防教育');
  });

  it('writes our own negative numbers plainly, without an apostrophe', () => {
    expect(formatCsvCell(-3)).toBe('-3');
    expect(formatCsvCell(-0.5)).toBe('-0.5');
  });

  it('writes null and non-finite numbers as empty fields', () => {
    expect(formatCsvCell(null)).toBe('');
    expect(formatCsvCell(Number.NaN)).toBe('');
    expect(formatCsvCell(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('quotes fields with commas, quotes and line breaks as RFC 4180 says', () => {
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('two\nlines')).toBe('"two\nlines"');
    expect(quoteField('plain')).toBe('plain');
  });

  it('toCsv of no rows is just the BOM', () => {
    expect(toCsv([])).toBe('\uFEFF');
  });
});
