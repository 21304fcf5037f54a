/** The honors search index (/honors-index.json), fetched by the search box on first use only. */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../lib/site/site-data.ts';
import { buildSearchIndex, honorSearchDocument } from '../lib/site/search-index.ts';

export const GET: APIRoute = () => {
  const { details } = loadSiteData();
  const index = buildSearchIndex(details.honors.map(honorSearchDocument));
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
