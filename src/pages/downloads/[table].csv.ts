/** One static CSV per registered table: /downloads/<id>.csv, the target of every "下载 CSV" link. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteTables } from '../../lib/site/site-tables.ts';
import { tableToCsv } from '../../lib/site/csv-export.ts';
import type { TableSpec } from '../../lib/site/tables/index.ts';

export const getStaticPaths = (() => siteTables().map((t) => ({ params: { table: t.id }, props: { table: t } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const table = (props as { table: TableSpec }).table;
  return new Response(tableToCsv(table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
