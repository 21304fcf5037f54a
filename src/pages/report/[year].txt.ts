/** /report/<year>.txt: the rendered report as plain text for pasting into a document (UTF-8 with BOM, CRLF). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadReports, toWindowsText } from '../../lib/annual-report/load.ts';

export const getStaticPaths = (() =>
  loadReports().map((report) => ({ params: { year: String(report.year) }, props: { text: report.text } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(toWindowsText((props as { text: string }).text), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
