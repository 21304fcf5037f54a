/** /report/<year>.docx: the rendered report as a Word document in 公文 layout (GB/T 9704), built with the site. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadReports } from '../../lib/annual-report/load.ts';
import { reportToDocx } from '../../lib/annual-report/docx.ts';
import { DOCX_TYPE, docxDescription } from '../../lib/annual-report/report-meta.ts';
import type { RenderedReport } from '../../lib/annual-report/types.ts';
import { loadSiteData } from '../../lib/site/site-data.ts';
import { readConfig } from '../../lib/shared/config.ts';

export const getStaticPaths = (() => loadReports().map((report) => ({ params: { year: String(report.year) }, props: { report } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { report } = props as { report: RenderedReport };
  const { summary } = loadSiteData();
  const bytes = await reportToDocx(report, {
    district: readConfig().district,
    generatedAt: summary.generatedAt,
    description: docxDescription(report.year, summary.generatedAt),
  });
  return new Response(bytes, { headers: { 'Content-Type': DOCX_TYPE } });
};
