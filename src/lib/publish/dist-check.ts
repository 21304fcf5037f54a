/**
 * Intranet check over a built site: no file may make the browser (or a crawler) request another host.
 * Matches request contexts only (attributes, CSS url()/@import, fetch/import and friends in JS),
 * so a URL quoted as plain text, a licence banner or an XML namespace is not a finding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/** One reference to another host: file relative to the scanned folder (`/` separators), 1-based physical line, the URL as written. */
export interface ExternalRef {
  file: string;
  line: number;
  url: string;
}

export interface DistCheckOptions {
  /** The configured site URL (`config.site`); absolute URLs with its origin are the site's own (canonical, og:url, sitemap). */
  site: string;
}

/** File types that can hold a reference; everything else (images, fonts) is skipped. */
export const SCANNED_EXTENSIONS: ReadonlySet<string> = new Set([
  '.html', '.htm', '.css', '.js', '.mjs', '.cjs', '.json', '.webmanifest', '.xml', '.xsl', '.txt', '.svg', '.map', '.csv',
]);

/** Namespace and schema identifiers: names, never fetched. */
export const NAMESPACE_URIS: ReadonlySet<string> = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/2001/XMLSchema-instance',
  'http://www.sitemaps.org/schemas/sitemap/0.9',
  'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd',
]);

// A quote, optionally JSON-escaped (`\"` in .json and .map files).
const Q = String.raw`\\?["'\x60]`;
// Another host: http(s)/ws(s) or protocol-relative. Ends at a quote, space, `>`, `)` or a backslash (escaped quote).
const REMOTE = String.raw`(?:(?:https?|wss?):)?//[^\s"'\x60<>()\\]+`;

/** Each pattern captures the URL in group `url`. */
const PATTERNS: readonly RegExp[] = [
  // HTML/SVG attributes that load something, inside a tag (text such as `src=https://…` in a sentence is not a tag):
  // src, href (also xlink:href, data-src), srcset, action, poster, object data, ping, manifest.
  new RegExp(String.raw`<[A-Za-z][^<>]*?\s(?:[\w-]*src|[\w:-]*href|srcset|imagesrcset|action|formaction|poster|data|background|ping|manifest)\s*=\s*(?:${Q})?\s*(?<url>${REMOTE})`, 'gi'),
  // Further candidates inside a srcset list: `a.png 1x, https://cdn/b.png 2x`.
  new RegExp(String.raw`<[A-Za-z][^<>]*?\ssrcset\s*=\s*${Q}[^"'\x60]*?,\s*(?<url>${REMOTE})`, 'gi'),
  // CSS url(...) and @import "..." (also inside style attributes and inline <style>).
  new RegExp(String.raw`url\(\s*(?:${Q})?\s*(?<url>${REMOTE})`, 'gi'),
  new RegExp(String.raw`@import\s+(?:${Q})\s*(?<url>${REMOTE})`, 'gi'),
  // JS calls that request a URL given as a string literal.
  new RegExp(String.raw`(?<![\w$])(?:fetch|import|importScripts|sendBeacon|Worker|SharedWorker|EventSource|WebSocket|Request|open)\s*\(\s*(?:${Q}[A-Za-z]*${Q}\s*,\s*)?${Q}(?<url>${REMOTE})`, 'g'),
  // Static ES imports and re-exports: `import x from "https://…"`, `import "https://…"`.
  new RegExp(String.raw`(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?${Q}(?<url>${REMOTE})`, 'g'),
  // DOM property and attribute writes: el.src = "https://…", setAttribute("href", "//…").
  new RegExp(String.raw`\.(?:src|href|action|data|poster)\s*=\s*${Q}(?<url>${REMOTE})`, 'g'),
  new RegExp(String.raw`setAttribute\(\s*${Q}(?:src|href|srcset|action|data|poster)${Q}\s*,\s*${Q}(?<url>${REMOTE})`, 'g'),
  // robots.txt Sitemap lines.
  new RegExp(String.raw`^Sitemap:\s*(?<url>\S+)`, 'gim'),
];

// <link rel=preconnect|dns-prefetch>: a remote href is caught above too; a hint without an href is named by its tag.
const HINT = /<link\b[^>]*\brel\s*=\s*\\?["']?[^"'>]*\b(?:preconnect|dns-prefetch)\b[^>]*>/gi;
const HINT_HREF = /\bhref\s*=\s*\\?["']?\s*(?<url>[^\s"'\\>]+)/i;

/** True when `url` names the site's own origin or a namespace, i.e. makes no request to another host. */
export function isAllowedUrl(url: string, site: string): boolean {
  if (NAMESPACE_URIS.has(url)) return true;
  let siteUrl: URL;
  try {
    siteUrl = new URL(site);
  } catch {
    return false;
  }
  try {
    return new URL(url, siteUrl).origin === siteUrl.origin;
  } catch {
    return false;
  }
}

/** The 1-based line of each offset: start offsets of every physical line (`\n`, `\r\n` or lone `\r`). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** References to another host in one file's text, in order of appearance; `file` is copied into each. An empty text gives []. */
export function findExternalRefs(text: string, file: string, options: DistCheckOptions): ExternalRef[] {
  const starts = lineStarts(text);
  const found = new Map<string, { offset: number; ref: ExternalRef }>();
  const add = (offset: number, url: string, checked = true): void => {
    if (checked && isAllowedUrl(url, options.site)) return;
    const line = lineOf(starts, offset);
    const key = `${line}\u0000${url}`;
    if (!found.has(key)) found.set(key, { offset, ref: { file, line, url } });
  };
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const url = m.groups?.url;
      if (url !== undefined) add((m.index ?? 0) + m[0].lastIndexOf(url), url);
    }
  }
  for (const m of text.matchAll(HINT)) {
    const href = HINT_HREF.exec(m[0])?.groups?.url;
    // A resource hint to the site itself is pointless but harmless; one without a usable href is still named.
    if (href === undefined) add(m.index ?? 0, m[0], false);
    else add(m.index ?? 0, href);
  }
  return [...found.values()].sort((a, b) => a.offset - b.offset).map((f) => f.ref);
}

function walk(dir: string, prefix: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.isDirectory()) walk(join(dir, e.name), `${prefix}${e.name}/`, out);
    else if (e.isFile() && SCANNED_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(`${prefix}${e.name}`);
  }
}

/** Every reference to another host under `distDir`, sorted by file then line; a clean (or empty) folder gives []. */
export function checkDist(distDir: string, options: DistCheckOptions): ExternalRef[] {
  const files: string[] = [];
  walk(distDir, '', files);
  return files.flatMap((f) => findExternalRefs(readFileSync(join(distDir, f), 'utf8'), f, options));
}

/** One line per finding, for the terminal: `funding/index.html:12: https://cdn.example.com/x.js`. */
export function formatExternalRef(ref: ExternalRef, distLabel = 'dist'): string {
  return `${distLabel}/${ref.file}:${ref.line}: 错误: 引用了外部地址 ${ref.url}`;
}
