import { describe, it, expect, beforeAll } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import ReportToolbar from '../../src/components/ReportToolbar.astro';
import { reportDownloads } from '../../src/lib/annual-report/report-meta.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('ReportToolbar', () => {
  it('offers the Word file and the plain text beside the print button, with the report title as file names', async () => {
    const [download] = reportDownloads([{ year: 2025, title: '示例区2025年度党管武装工作述职报告' }]);
    const html = await container.renderToString(ReportToolbar, { props: { year: 2025, years: [2024, 2025], download: download! } });
    expect(html).toContain('data-report-print hidden>打印 / 导出 PDF</button>');
    expect(html).toMatch(/href="\/report\/2025\.docx" download="示例区2025年度党管武装工作述职报告\.docx">下载 Word 文档 \(\.docx\)<\/a>/);
    expect(html).toMatch(/href="\/report\/2025\.txt" download="示例区2025年度党管武装工作述职报告\.txt">下载纯文本 \(\.txt\)<\/a>/);
    expect(html.indexOf('打印 / 导出 PDF')).toBeLessThan(html.indexOf('.docx'));
    expect(html.indexOf('.docx')).toBeLessThan(html.indexOf('.txt"'));
  });

  it('keeps a hostile title inside the quoted file-name attribute (its quote escaped)', async () => {
    const [download] = reportDownloads([{ year: 2025, title: '"><script>alert(1)</script>' }]);
    const html = await container.renderToString(ReportToolbar, { props: { year: 2025, years: [2025], download: download! } });
    expect(html).toContain('download="&#34;><script>alert(1)</script>.docx">下载 Word 文档');
    expect(html).toContain('download="&#34;><script>alert(1)</script>.txt">下载纯文本');
  });
});

describe('ReportDownloads', () => {
  it('lists each year’s page, Word file and plain text', async () => {
    const { default: ReportDownloads } = await import('../../src/components/ReportDownloads.astro');
    const downloads = reportDownloads([{ year: 2018, title: '示例区2018年度报告' }, { year: 2025, title: '示例区2025年度报告' }]);
    const html = await container.renderToString(ReportDownloads, { props: { downloads } });
    expect([...html.matchAll(/<a href="([^"]+)"(?: download="([^"]+)")?>([^<]+)<\/a>/g)].map((m) => [m[1], m[2] ?? null, m[3]])).toEqual([
      ['/report/2018/', null, '示例区2018年度报告'],
      ['/report/2018.docx', '示例区2018年度报告.docx', 'Word 文档（.docx）'],
      ['/report/2018.txt', '示例区2018年度报告.txt', '纯文本（.txt）'],
      ['/report/2025/', null, '示例区2025年度报告'],
      ['/report/2025.docx', '示例区2025年度报告.docx', 'Word 文档（.docx）'],
      ['/report/2025.txt', '示例区2025年度报告.txt', '纯文本（.txt）'],
    ]);
  });

  it('renders nothing without reports', async () => {
    const { default: ReportDownloads } = await import('../../src/components/ReportDownloads.astro');
    expect((await container.renderToString(ReportDownloads, { props: { downloads: [] } })).trim()).toBe('');
  });
});
