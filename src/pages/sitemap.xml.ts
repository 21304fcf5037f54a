/**
 * /sitemap.xml: every HTML page of the site with its absolute URL (config.site + base).
 * The page list is read from src/pages itself, and each dynamic route (e.g. /year/[year]/,
 * /report/[year]/) is expanded with its own getStaticPaths, so a new page is listed without
 * editing this file. The 404 page is left out.
 */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../lib/site/site-data.ts';
import { readConfig } from '../lib/shared/config.ts';
import { withBase } from '../lib/site/url.ts';

interface PageModule {
  getStaticPaths?: (options: Record<string, unknown>) => unknown;
}

const pages = import.meta.glob<PageModule>('./**/*.astro');

/** "./year/[year].astro" → "/year/[year]/"; "./index.astro" → "/". */
function routeOf(file: string): string {
  const path = file.replace(/^\.\//, '').replace(/\.astro$/, '').replace(/(^|\/)index$/, '');
  return path === '' ? '/' : `/${path}/`;
}

function paramsOf(entry: unknown): Record<string, string> | null {
  if (entry === null || typeof entry !== 'object') return null;
  const params = (entry as { params?: unknown }).params;
  if (params === null || typeof params !== 'object') return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    if (v === undefined) continue;
    out[k] = String(v);
  }
  return out;
}

async function sitePaths(): Promise<string[]> {
  const paths = new Set<string>();
  for (const [file, load] of Object.entries(pages)) {
    const route = routeOf(file);
    if (route === '/404/' || route === '/500/') continue;
    if (!route.includes('[')) {
      paths.add(route);
      continue;
    }
    const mod = await load();
    if (typeof mod.getStaticPaths !== 'function') continue;
    const entries = await mod.getStaticPaths({ paginate: () => [], routePattern: route });
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      const params = paramsOf(e);
      if (!params) continue;
      const path = route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
      if (!path.includes('//')) paths.add(path);
    }
  }
  // Fixed pages first, then dynamic ones; each group in a stable (sorted) order.
  return [...paths].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b, 'en'));
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async () => {
  const { summary } = loadSiteData();
  const config = readConfig();
  const base = import.meta.env.BASE_URL;
  const lastmod = summary.generatedAt;
  const urls = (await sitePaths()).map((p) => new URL(withBase(base, p), config.site).href);
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${xml(u)}</loc><lastmod>${xml(lastmod)}</lastmod></url>`),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
