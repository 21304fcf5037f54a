/**
 * The download list of /about/ and the sheets of the Excel workbook: every registered table once,
 * grouped by the page it belongs to, with a page's per-year tables (ids ending in -YYYY) as a grid of
 * years × kinds. A table whose content repeats another's (the latest year's militia breakdowns appear
 * on /militia/ and on /militia/<latest>/) is listed once, as its per-year copy.
 */
import type { TableSpec } from './tables/index.ts';
import { PAGES } from '../shared/metrics.ts';

/** The workbook of every table, first in the download list. */
export const WORKBOOK_PATH = '/downloads/tables.xlsx';
export const WORKBOOK_FILE_NAME = '全部数据表.xlsx';

/** Pages by the first word of a table id (the catalog's page id), in navigation order. */
export const DOWNLOAD_PAGES: readonly { prefix: string; label: string; href: string }[] = Object.entries(PAGES).map(([prefix, p]) => ({
  prefix,
  label: p.label,
  href: p.href,
}));

export interface DownloadItem {
  id: string;
  title: string;
  unit: string;
  /** Site path of the CSV (`/downloads/<id>.csv`), before the base is added. */
  path: string;
  /** The saved file's name: the title, minus characters Windows forbids. */
  fileName: string;
}

export interface YearGrid {
  /** One column per kind of per-year table, labelled by its title without the year ("各街道查处案件与抓获涉案人员"). */
  kinds: { key: string; label: string }[];
  /** Newest year first; a cell is null when that year lacks that kind. */
  rows: { year: number; cells: (DownloadItem | null)[] }[];
}

export interface DownloadGroup {
  label: string;
  /** The page's site path; null for tables of no known page. */
  href: string | null;
  /** Tables of every year, in registry order. */
  items: DownloadItem[];
  /** Per-year tables, when the page has them. */
  byYear: YearGrid | null;
}

const YEAR_SUFFIX = /^(.*)-(\d{4})$/;

/** A saved file's name from a title: characters Windows forbids in file names (and spaces) removed, then `.ext`. */
export function downloadFileName(title: string, ext: string): string {
  return `${title.replace(/[\\/:*?"<>|\s]+/g, '')}.${ext}`;
}

function contentKey(t: TableSpec): string {
  return JSON.stringify([t.title, t.unit, t.columns, t.rows, t.total ?? null]);
}

/**
 * The registered tables with content repeats removed (the later copy is kept, so a page's per-year
 * tables stay complete), in registry order. Empty tables are kept: they still have a CSV.
 */
export function uniqueTables(tables: readonly TableSpec[]): TableSpec[] {
  const lastIndex = new Map<string, number>();
  tables.forEach((t, i) => lastIndex.set(contentKey(t), i));
  return tables.filter((t, i) => lastIndex.get(contentKey(t)) === i);
}

function item(t: TableSpec): DownloadItem {
  return { id: t.id, title: t.title, unit: t.unit, path: `/downloads/${t.id}.csv`, fileName: downloadFileName(t.title, 'csv') };
}

/** The tables in the order of DOWNLOAD_PAGES (registry order within a page; unknown pages last): the workbook's sheet order. */
export function tablesInPageOrder(tables: readonly TableSpec[]): TableSpec[] {
  const rank = (t: TableSpec): number => {
    const i = DOWNLOAD_PAGES.findIndex((p) => p.prefix === t.id.split('-')[0]);
    return i < 0 ? DOWNLOAD_PAGES.length : i;
  };
  return uniqueTables(tables)
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .map(({ t }) => t);
}

/** Every table once, grouped by page in navigation order; per-year tables become a year grid. */
export function downloadGroups(tables: readonly TableSpec[]): DownloadGroup[] {
  const groups: DownloadGroup[] = [];
  const perYear = new Map<DownloadGroup, { key: string; year: number; table: TableSpec }[]>();
  for (const t of tablesInPageOrder(tables)) {
    const page = DOWNLOAD_PAGES.find((p) => p.prefix === t.id.split('-')[0]);
    const label = page?.label ?? '其他';
    let g = groups.find((x) => x.label === label);
    if (!g) {
      g = { label, href: page?.href ?? null, items: [], byYear: null };
      groups.push(g);
    }
    const m = YEAR_SUFFIX.exec(t.id);
    if (m) {
      const list = perYear.get(g) ?? [];
      list.push({ key: m[1] as string, year: Number(m[2]), table: t });
      perYear.set(g, list);
    } else g.items.push(item(t));
  }
  for (const [g, list] of perYear) {
    const kinds: { key: string; label: string }[] = [];
    for (const e of list) {
      if (!kinds.some((k) => k.key === e.key)) kinds.push({ key: e.key, label: e.table.title.replace(new RegExp(`^${e.year}年`), '') });
    }
    const years = [...new Set(list.map((e) => e.year))].sort((a, b) => b - a);
    g.byYear = {
      kinds,
      rows: years.map((year) => ({
        year,
        cells: kinds.map((k) => {
          const hit = list.find((e) => e.key === k.key && e.year === year);
          return hit ? item(hit.table) : null;
        }),
      })),
    };
  }
  return groups;
}

/** Every CSV path the groups list, in order (each once). */
export function listedPaths(groups: readonly DownloadGroup[]): string[] {
  return groups.flatMap((g) => [...g.items.map((i) => i.path), ...(g.byYear?.rows.flatMap((r) => r.cells.flatMap((c) => (c ? [c.path] : []))) ?? [])]);
}
