/** The registered tables of this build's data and config, built once and shared by pages and CSV endpoints. */
import { loadSiteData } from './site-data.ts';
import { readConfig } from '../shared/config.ts';
import { buildTables, getTable, type TableSpec } from './tables/index.ts';

let cache: TableSpec[] | null = null;

/** Every registered table of the site (throws the data step hint when the JSON is missing). */
export function siteTables(): TableSpec[] {
  cache ??= buildTables(loadSiteData(), { source: readConfig().source });
  return cache;
}

/** The registered tables with these ids, in the given order; an unknown id throws. */
export function siteTablesById(...ids: string[]): TableSpec[] {
  const all = siteTables();
  return ids.map((id) => getTable(all, id));
}
