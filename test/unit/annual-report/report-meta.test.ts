import { describe, it, expect } from 'vitest';
import { dataPeriodText, docxDescription, generatedText, reportDownloads } from '../../../src/lib/annual-report/report-meta.ts';

describe('report meta', () => {
  it('states the data period apart from the build time (China time)', () => {
    expect(dataPeriodText(2025)).toBe('数据截至2025年');
    expect(generatedText('2026-03-01T02:05:00.000Z')).toBe('生成于2026年3月1日 10:05');
    expect(generatedText('not a date')).toBe('生成于—');
    expect(docxDescription(2018, '2026-03-01T02:05:00.000Z')).toBe('数据截至2018年；生成于2026年3月1日 10:05；由统计数据按模板生成，请核对后使用');
  });

  it('lists every report’s page, Word file and plain text by year, with the file names offered', () => {
    expect(reportDownloads([{ year: 2025, title: '示例区2025年度报告' }, { year: 2018, title: '示例区2018年度报告' }])).toEqual([
      {
        year: 2018,
        title: '示例区2018年度报告',
        page: 'report/2018/',
        docx: { href: 'report/2018.docx', fileName: '示例区2018年度报告.docx' },
        txt: { href: 'report/2018.txt', fileName: '示例区2018年度报告.txt' },
      },
      {
        year: 2025,
        title: '示例区2025年度报告',
        page: 'report/2025/',
        docx: { href: 'report/2025.docx', fileName: '示例区2025年度报告.docx' },
        txt: { href: 'report/2025.txt', fileName: '示例区2025年度报告.txt' },
      },
    ]);
  });
});
