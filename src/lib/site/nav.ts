/** The primary navigation: one list, used by the layout and the tests. */

export interface NavItem {
  /** Stable id, usable as Base's `active` prop. */
  id: string;
  /** Site path without base, with trailing slash. */
  href: string;
  label: string;
}

/** Nav items in display order; the report link points at `reportYear` (omitted when null, i.e. no data). */
export function navItems(reportYear: number | null): NavItem[] {
  const items: NavItem[] = [
    { id: 'overview', href: '/', label: '总览' },
    { id: 'funding', href: '/funding/', label: '经费投入' },
    { id: 'militia', href: '/militia/', label: '民兵警民协防' },
    { id: 'training', href: '/training/', label: '培训与教育' },
    { id: 'school', href: '/school/', label: '驻军子女入学' },
    { id: 'indicators', href: '/indicators/', label: '其他指标' },
    { id: 'honors', href: '/honors/', label: '双拥荣誉' },
  ];
  if (reportYear !== null) items.push({ id: 'report', href: `/report/${reportYear}/`, label: '年度报告' });
  items.push({ id: 'about', href: '/about/', label: '数据说明' });
  return items;
}

/** Which nav item a site path (without base) belongs to: "/year/2023/" → overview, "/report/2024/" → report; unknown gives null. */
export function activeNavId(sitePath: string): string | null {
  const p = sitePath.endsWith('/') ? sitePath : `${sitePath}/`;
  if (p === '/' || p.startsWith('/year/')) return 'overview';
  const first = p.split('/')[1] ?? '';
  const known = ['funding', 'militia', 'training', 'school', 'indicators', 'honors', 'report', 'about'];
  return known.includes(first) ? first : null;
}
