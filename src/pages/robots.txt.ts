/** /robots.txt: everything may be crawled; points at the sitemap by its absolute URL. */
import type { APIRoute } from 'astro';
import { readConfig } from '../lib/shared/config.ts';
import { withBase } from '../lib/site/url.ts';

export const GET: APIRoute = () => {
  const config = readConfig();
  const sitemap = new URL(withBase(import.meta.env.BASE_URL, '/sitemap.xml'), config.site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
