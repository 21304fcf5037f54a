/** The primary navigation: one list, used by the layout and the tests; the dataset pages come from the metric catalog. */
import { PAGES, type PageDef } from '../shared/metrics.ts';

export interface NavItem {
  /** Stable id, usable as Base's `active` prop. */
  id: string;
  /** Site path without base, with trailing slash. */
  href: string;
  label: string;
}

const pageItems: NavItem[] = Object.entries(PAGES as Record<string, PageDef>).map(([id, p]) => ({ id, href: p.href, label: p.label }));

/** Nav items in display order; the report link points at `reportYear` (omitted when null, i.e. no data). */
export function navItems(reportYear: number | null): NavItem[] {
  const items: NavItem[] = [{ id: 'overview', href: '/', label: '总览' }, ...pageItems];
  if (reportYear !== null) items.push({ id: 'report', href: `/report/${reportYear}/`, label: '年度报告' });
  items.push({ id: 'about', href: '/about/', label: '数据说明' });
  return items;
}

/** Which nav item a site path (without base) belongs to: "/year/2023/" → overview, "/report/2024/" → report; unknown gives null. */
export function activeNavId(sitePath: string): string | null {
  const p = sitePath.endsWith('/') ? sitePath : `${sitePath}/`;
  if (p === '/' || p.startsWith('/year/')) return 'overview';
  const first = p.split('/')[1] ?? '';
  const known = [...Object.keys(PAGES), 'report', 'about'];
  return known.includes(first) ? first : null;
}
