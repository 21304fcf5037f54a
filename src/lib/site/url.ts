/** Site-internal URLs under the configured base path (e.g. `/zt/shuangyong/`). */

/** Join a base path and a site path: ("/zt/sy/", "/funding/") → "/zt/sy/funding/"; empty or "/" path gives the base. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = path.replace(/^\/+/, '');
  return `${b}${p}`;
}

/** The site path of a URL pathname under base: ("/zt/sy/funding/", "/zt/sy/") → "/funding/"; outside the base gives the pathname unchanged. */
export function stripBase(base: string, pathname: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  if (pathname === b.slice(0, -1)) return '/';
  return pathname.startsWith(b) ? `/${pathname.slice(b.length)}` : pathname;
}
