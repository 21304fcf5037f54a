/**
 * A small static server for a built site, as the nginx setup in docs/admin-guide.md serves it: under the
 * base path, gzip for text, long cache for hashed /_astro/ files, the CSP header, 404.html for misses.
 * On 127.0.0.1 and a random free port; used by the site benchmark and the browser tests.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.csv', '.webmanifest']);

/** The header the admin guide puts on every response (frame-ancestors can only come from a header). */
export const CSP_HEADER =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

export interface StaticServer {
  /** `http://127.0.0.1:PORT` without a trailing slash. */
  origin: string;
  /** origin + base, e.g. `http://127.0.0.1:4321/zt/shuangyong/`. */
  root: string;
  /** Absolute URL of a site path (`/funding/` → origin + base + `funding/`). */
  url(sitePath: string): string;
  /** Paths requested outside the base, or not found (answered 404). */
  misses: string[];
  close(): Promise<void>;
}

/** A minimal page (no CSS, no JS) served at `/__blank/`: Lighthouse's floor on this machine right now. */
export const BLANK_PATH = '/__blank/';
const BLANK_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<meta name="description" content="对照页"><title>对照页</title><link rel="icon" href="data:,"></head><body><h1>对照页</h1><p>空白页，用于衡量本机当前的 Lighthouse 基线。</p></body></html>';

/** Serve `distDir` under `base` (e.g. `/` or `/zt/sy/`) until closed; also the blank page at BLANK_PATH. */
export async function serveDist(distDir: string, base: string): Promise<StaticServer> {
  const root = normalize(distDir);
  const gzCache = new Map<string, Buffer>();
  const misses: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    const send = (status: number, file: string): void => {
      const ext = extname(file);
      let body: Buffer = readFileSync(file);
      const headers: Record<string, string> = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': pathname.startsWith(`${base}_astro/`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'Content-Security-Policy': CSP_HEADER,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        Vary: 'Accept-Encoding',
      };
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        let gz = gzCache.get(file);
        if (!gz) {
          gz = gzipSync(body, { level: 6 });
          gzCache.set(file, gz);
        }
        body = gz;
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = String(body.length);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = (): void => {
      misses.push(url.pathname);
      const page = join(root, '404.html');
      if (existsSync(page)) send(404, page);
      else {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('404');
      }
    };
    if (pathname === BLANK_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP_HEADER, 'Cache-Control': 'no-cache' });
      res.end(BLANK_HTML);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    if (pathname === base.slice(0, -1) && base !== '/') {
      res.writeHead(301, { Location: base });
      res.end();
      return;
    }
    if (!pathname.startsWith(base)) return notFound();
    const file = normalize(join(root, pathname.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    let target = file;
    if (existsSync(target) && statSync(target).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` });
        res.end();
        return;
      }
      target = join(target, 'index.html');
    }
    if (!existsSync(target) || !statSync(target).isFile()) return notFound();
    send(200, target);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    root: `${origin}${base}`,
    url: (sitePath) => `${origin}${base}${sitePath.replace(/^\//, '')}`,
    misses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
