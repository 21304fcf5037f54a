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
