/**
 * CSV text from a table spec, for the "下载 CSV" links: UTF-8 with BOM (so Excel shows Chinese),
 * CRLF line ends, RFC 4180 quoting, and spreadsheet formula injection neutralised.
 */
import type { Cell, TableSpec } from './tables/index.ts';

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe for spreadsheets: a leading =, +, -, @, tab or CR gets an apostrophe in front. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field in RFC 4180 form: quoted when it holds a comma, quote, CR or LF (quotes doubled). */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One cell as CSV text: numbers we wrote are plain (a negative stays "-3.5"); text is neutralised then quoted;
 * null and non-finite numbers give an empty field.
 */
export function formatCsvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return quoteField(neutralizeFormula(cell));
}

/** Rows to CSV text: BOM first, CRLF after every row (including the last). */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return BOM + rows.map((r) => r.map(formatCsvCell).join(',') + '\r\n').join('');
}

/** The CSV of a table: its header row (labels with units), the rows, then the total row when present. */
export function tableToCsv(table: TableSpec): string {
  const header = table.columns.map((c) => c.label);
  const rows: Cell[][] = [header, ...table.rows];
  if (table.total) rows.push(table.total);
  return toCsv(rows);
}
