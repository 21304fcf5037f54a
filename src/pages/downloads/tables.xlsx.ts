/** /downloads/tables.xlsx: every table of the site in one Excel workbook, one sheet each (written at build time). */
import type { APIRoute } from 'astro';
import { siteTables } from '../../lib/site/site-tables.ts';
import { loadSiteData } from '../../lib/site/site-data.ts';
import { readConfig } from '../../lib/shared/config.ts';
import { dataPeriod } from '../../lib/site/data-period.ts';
import { tablesInPageOrder } from '../../lib/site/downloads.ts';
import { buildWorkbook } from '../../lib/site/xlsx-export.ts';

export const GET: APIRoute = async () => {
  const { summary } = loadSiteData();
  const config = readConfig();
  const bytes = await buildWorkbook(tablesInPageOrder(siteTables()), {
    siteName: `${config.district}${config.siteTitle}`,
    source: config.source,
    period: dataPeriod(summary.years, summary.generatedAt).text,
    sampleData: config.sampleData,
    generatedAt: new Date(summary.generatedAt),
  });
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
