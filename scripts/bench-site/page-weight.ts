/**
 * What each built page costs: the HTML, the CSS and JS it loads at once, the JS it can load on
 * demand (dynamic imports), and the request count, raw and gzip-compressed as a server would send them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix, relative, sep } from 'node:path';

export interface Asset {
  /** Path under dist, `/` separators, no leading slash. */
  file: string;
  kind: 'html' | 'css' | 'js' | 'other';
  raw: number;
  gzip: number;
  /** True for a chunk only loaded by a dynamic import (on demand). */
  onDemand: boolean;
}

export interface PageWeight {
  /** Site path of the page, e.g. `/funding/`. */
  path: string;
  assets: Asset[];
}

const sizeCache = new Map<string, { raw: number; gzip: number }>();

/** Raw and gzip (level 6, as nginx and most hosts) byte counts of one file. */
export function fileSizes(absPath: string): { raw: number; gzip: number } {
  let s = sizeCache.get(absPath);
  if (!s) {
    const buf = readFileSync(absPath);
    s = { raw: buf.length, gzip: gzipSync(buf, { level: 6 }).length };
    sizeCache.set(absPath, s);
  }
  return s;
}

/** Every `index.html` under dist as a site path, sorted: `/`, `/about/`, `/funding/`, … */
export function listPages(distDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name === 'index.html') {
        const rel = relative(distDir, dir).split(sep).join('/');
        out.push(rel === '' ? '/' : `/${rel}/`);
      }
    }
  };
  walk(distDir);
  return out.sort((a, b) => (a === '/' ? -1 : b === '/' ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(String.raw`\s${name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The dist-relative file a same-site URL names, or null for data:, other hosts, or a file that is not there. */
function resolveRef(distDir: string, base: string, fromFile: string, url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#')) return null;
  const clean = url.replace(/[?#].*$/, '');
  let path: string;
  if (clean.startsWith('/')) {
    if (!clean.startsWith(base)) return null;
    path = clean.slice(base.length);
  } else {
    path = posix.normalize(posix.join(posix.dirname(fromFile), clean));
  }
  path = path.replace(/^\/+/, '');
  return existsSync(join(distDir, path)) ? path : null;
}

/** Static imports and dynamic `import("…")` of one built JS chunk, as dist-relative files. */
function jsImports(distDir: string, base: string, file: string): { staticDeps: string[]; dynamicDeps: string[] } {
  const text = readFileSync(join(distDir, file), 'utf8');
  const staticDeps = new Set<string>();
  const dynamicDeps = new Set<string>();
  for (const m of text.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g)) {
    const r = resolveRef(distDir, base, file, m[1] as string);
    if (r) dynamicDeps.add(r);
  }
  for (const m of text.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g)) {
    const r = resolveRef(distDir, base, file, m[1] as string);
    if (r) staticDeps.add(r);
  }
  return { staticDeps: [...staticDeps], dynamicDeps: [...dynamicDeps].filter((d) => !staticDeps.has(d)) };
}

function kindOf(file: string): Asset['kind'] {
  if (file.endsWith('.css')) return 'css';
  if (/\.m?js$/.test(file)) return 'js';
  if (file.endsWith('.html')) return 'html';
  return 'other';
}

/**
 * The page's own HTML, stylesheets, scripts (with their static imports), modulepreloads, icons and
 * images, each once; then the chunks they import dynamically, marked on demand.
 */
export function pageWeight(distDir: string, base: string, path: string): PageWeight {
  const htmlFile = path === '/' ? 'index.html' : `${path.replace(/^\/|\/$/g, '')}/index.html`;
  const html = readFileSync(join(distDir, htmlFile), 'utf8');
  const eager: string[] = [];
  const add = (url: string | undefined): void => {
    if (url === undefined) return;
    const r = resolveRef(distDir, base, htmlFile, url);
    if (r && !eager.includes(r)) eager.push(r);
  };
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet') || rel.includes('modulepreload') || rel.includes('icon') || rel.includes('preload')) add(attr(tag, 'href'));
  }
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) add(attr(m[0], 'src'));
  for (const m of html.matchAll(/<img\b[^>]*>/gi)) add(attr(m[0], 'src'));

  // Follow static imports (loaded at once) and collect dynamic ones (loaded on demand).
  const onDemand: string[] = [];
  for (let i = 0; i < eager.length; i++) {
    const f = eager[i] as string;
    if (kindOf(f) !== 'js') continue;
    const { staticDeps, dynamicDeps } = jsImports(distDir, base, f);
    for (const d of staticDeps) if (!eager.includes(d)) eager.push(d);
    for (const d of dynamicDeps) if (!onDemand.includes(d)) onDemand.push(d);
  }
  for (let i = 0; i < onDemand.length; i++) {
    const { staticDeps, dynamicDeps } = jsImports(distDir, base, onDemand[i] as string);
    for (const d of [...staticDeps, ...dynamicDeps]) if (!eager.includes(d) && !onDemand.includes(d)) onDemand.push(d);
  }
  // Data a script fetches on demand, named in a data-*-url attribute (the honors search index).
  for (const m of html.matchAll(/\sdata-[\w-]*url\s*=\s*"([^"]+)"/gi)) {
    const r = resolveRef(distDir, base, htmlFile, m[1] as string);
    if (r && !onDemand.includes(r)) onDemand.push(r);
  }
  const lazy = onDemand.filter((f) => !eager.includes(f));

  const asset = (file: string, isOnDemand: boolean): Asset => ({ file, kind: kindOf(file), ...fileSizes(join(distDir, file)), onDemand: isOnDemand });
  return { path, assets: [asset(htmlFile, false), ...eager.map((f) => asset(f, false)), ...lazy.map((f) => asset(f, true))] };
}

/** Summed raw and gzip bytes of the assets that pass `keep`. */
export function total(assets: readonly Asset[], keep: (a: Asset) => boolean): { raw: number; gzip: number } {
  return assets.filter(keep).reduce((s, a) => ({ raw: s.raw + a.raw, gzip: s.gzip + a.gzip }), { raw: 0, gzip: 0 });
}
