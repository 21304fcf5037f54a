/** What the report pages and files say about a report besides its text: period, build time, file names, downloads. */
import { formatDateTime } from '../shared/china-time.ts';
import type { RenderedReport } from './types.ts';

/** The period the figures of a year's report cover: "数据截至2025年". */
export function dataPeriodText(year: number): string {
  return `数据截至${year}年`;
}

/** When the site was built, apart from the data period: "生成于2026年3月1日 10:00" (China time); a bad date gives "生成于—". */
export function generatedText(iso: string): string {
  return `生成于${formatDateTime(iso)}`;
}

/** The .docx document properties' description: the data period and the build time. */
export function docxDescription(year: number, generatedAt: string): string {
  return `${dataPeriodText(year)}；${generatedText(generatedAt)}；由统计数据按模板生成，请核对后使用`;
}

/** The MIME type of a Word document. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** One year's report downloads, paths relative to the site base (no leading slash). */
export interface ReportDownload {
  year: number;
  title: string;
  page: string;
  docx: { href: string; fileName: string };
  txt: { href: string; fileName: string };
}

/** The downloads of every report, by year ascending: the page, the Word file and the plain text, with the file names offered. */
export function reportDownloads(reports: readonly Pick<RenderedReport, 'year' | 'title'>[]): ReportDownload[] {
  return [...reports]
    .sort((a, b) => a.year - b.year)
    .map((r) => ({
      year: r.year,
      title: r.title,
      page: `report/${r.year}/`,
      docx: { href: `report/${r.year}.docx`, fileName: `${r.title}.docx` },
      txt: { href: `report/${r.year}.txt`, fileName: `${r.title}.txt` },
    }));
}
