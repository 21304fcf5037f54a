/** /data/summary.json: the open-data download, exactly the summary the data step wrote (contract §3). */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site/site-data.ts';

export const GET: APIRoute = () => {
  const { summary } = loadSiteData();
  return new Response(`${JSON.stringify(summary, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
