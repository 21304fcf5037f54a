/**
 * CSV text from a table spec, for the "下载 CSV" links: UTF-8 with BOM (so Excel shows Chinese), CRLF line ends,
 * RFC 4180 quoting and spreadsheet formula injection neutralised, all by Papa.unparse.
 */
import Papa from 'papaparse';
import type { Cell, TableSpec } from './tables/index.ts';

const BOM = '\uFEFF';

/**
 * Text cells a spreadsheet could run as a formula: a leading =, +, -, @, tab or CR, or the full-width ＝＋－＠ that
 * WPS and Excel on Chinese systems also accept. Papa puts an apostrophe in front and quotes the field. Anchored at
 * the start only (Papa's default pattern ends in `.*$` and misses a formula followed by a line break).
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/**
 * Rows to CSV text: BOM first, CRLF after every row (including the last). Numbers we wrote are plain (a negative
 * stays "-3.5"); null and non-finite numbers give an empty field; text is neutralised and quoted where needed.
 */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  if (rows.length === 0) return BOM;
  const data = rows.map((r) => r.map((c) => (typeof c === 'number' && !Number.isFinite(c) ? null : c)));
  return `${BOM}${Papa.unparse(data, { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START })}\r\n`;
}

/** The CSV of a table: its header row (labels with units), the rows, then the total row when present. */
export function tableToCsv(table: TableSpec): string {
  const header = table.columns.map((c) => c.label);
  const rows: Cell[][] = [header, ...table.rows];
  if (table.total) rows.push(table.total);
  return toCsv(rows);
}
