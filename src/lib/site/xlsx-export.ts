/**
 * The Excel workbook of every table (/downloads/tables.xlsx), written at build time with exceljs:
 * a contents sheet, then one sheet per table with its title, unit and source rows, a frozen header row,
 * numbers stored as numbers with number formats (万元 #,##0.00, counts #,##0, shares and changes as
 * percentages), a bold total row, the footnote, and column widths fitted to the text.
 */
import ExcelJS from 'exceljs';
import type { Cell, TableColumn, TableSpec } from './tables/index.ts';

/** Excel's limit on a sheet name, in characters. */
export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
/** Excel reserves this name. */
const RESERVED = 'history';

export const FORMAT = {
  /** 万元 and other fixed two-decimal money. */
  money: '#,##0.00',
  count: '#,##0',
  /** A share or rate stored as a fraction: 0.965 shows 96.5%. */
  percent: '0.0%',
  /** A year-on-year change stored as a fraction, with its sign: +12.4%, -3.0%, 0.0%. */
  change: '+0.0%;-0.0%;0.0%',
  /** A difference of rates in 百分点. */
  points: '+0.0;-0.0;0.0',
} as const;

/**
 * Sheet names from titles, in order: forbidden characters ([]:*?/\) become "_", leading and trailing
 * apostrophes and spaces go, at most 31 characters, unique regardless of case (a repeat gets "（2）", "（3）"…
 * within the limit); an empty title becomes "表1", "表2"….
 */
export function sheetNames(titles: readonly string[], reserved: readonly string[] = []): string[] {
  const used = new Set([RESERVED, ...reserved.map((r) => r.toLowerCase())]);
  return titles.map((title, i) => {
    let base = Array.from(title.replace(FORBIDDEN, '_').replace(/^['\s]+|['\s]+$/g, ''));
    if (base.length === 0) base = Array.from(`表${i + 1}`);
    let name = base.slice(0, SHEET_NAME_MAX).join('');
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `（${n}）`;
      name = base.slice(0, SHEET_NAME_MAX - suffix.length).join('') + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Decimals a number shows in a number column: its own (up to the column's), so 96.5 reads 96.5 and 1,200 reads 1,200. */
function decimalsOf(value: number, max: number): number {
  for (let d = 0; d < max; d++) if (Number(value.toFixed(d)) === value) return d;
  return max;
}

/** The value and number format one table cell gets in the sheet; text stays text, null stays empty. */
export function excelCell(cell: Cell, column: TableColumn): { value: string | number | null; numFmt?: string } {
  if (cell === null || (typeof cell === 'number' && !Number.isFinite(cell))) return { value: null };
  if (typeof cell === 'string') return { value: cell };
  const frac = column.frac ?? 0;
  switch (column.kind) {
    case 'text':
      return { value: cell };
    case 'number': {
      if (column.fixed && frac === 2) return { value: cell, numFmt: FORMAT.money };
      const d = column.fixed ? frac : decimalsOf(cell, frac);
      return { value: cell, numFmt: d === 0 ? FORMAT.count : `#,##0.${'0'.repeat(d)}` };
    }
    case 'percent':
      return { value: Number((cell / 100).toFixed(10)), numFmt: FORMAT.percent };
    case 'change':
      return { value: Number((cell / 100).toFixed(10)), numFmt: FORMAT.change };
    case 'points':
      return { value: cell, numFmt: FORMAT.points };
  }
}

/** Display width of a text in Excel's character units: CJK and full-width characters count two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export interface WorkbookMeta {
  /** "示例区党管武装与双拥工作统计". */
  siteName: string;
  /** Publisher, for 数据来源 and the file's author. */
  source: string;
  /** "数据覆盖2018—2025年，发布于2026年12月3日". */
  period: string;
  /** Marks every sheet as sample data. */
  sampleData: boolean;
  /** When the data was generated (the file's created date). */
  generatedAt: Date;
}

const SAMPLE_NOTE = '示例数据：虚构数字，仅供演示，请勿引用。';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEECE7' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8A8680' } };

function addTableSheet(wb: ExcelJS.Workbook, name: string, t: TableSpec, meta: WorkbookMeta): void {
  const ws = wb.addWorksheet(name);
  const lines = [t.title, t.unit ? `单位：${t.unit}` : null, `数据来源：${t.source}`, meta.sampleData ? SAMPLE_NOTE : null].filter((l): l is string => l !== null);
  lines.forEach((l, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = l;
    if (i === 0) c.font = { bold: true, size: 14 };
    else c.font = { color: { argb: 'FF5A5A5A' } };
  });
  const headerRow = lines.length + 1;
  const header = ws.getRow(headerRow);
  t.columns.forEach((col, j) => {
    const c = header.getCell(j + 1);
    c.value = col.label;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = { bottom: THIN };
    c.alignment = { vertical: 'middle', horizontal: col.kind === 'text' ? 'left' : 'right', wrapText: true };
  });
  const widths = t.columns.map((col) => Math.min(textWidth(col.label), 24));
  const put = (cells: readonly Cell[], rowIndex: number, bold: boolean): void => {
    const row = ws.getRow(rowIndex);
    t.columns.forEach((col, j) => {
      const { value, numFmt } = excelCell(cells[j] ?? null, col);
      if (value === null) return;
      const c = row.getCell(j + 1);
      c.value = value;
      if (numFmt) c.numFmt = numFmt;
      if (typeof value === 'string' && col.kind !== 'text') c.alignment = { horizontal: 'right' };
      if (bold) c.font = { bold: true };
      const shown = typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) + (col.kind === 'change' || col.kind === 'percent' ? '%+' : '') : value;
      widths[j] = Math.max(widths[j] ?? 0, textWidth(shown));
    });
  };
  t.rows.forEach((r, i) => put(r, headerRow + 1 + i, false));
  let next = headerRow + 1 + t.rows.length;
  if (t.total) {
    put(t.total, next, true);
    for (let j = 1; j <= t.columns.length; j++) ws.getRow(next).getCell(j).border = { top: THIN };
    next++;
  }
  if (t.footnote && t.rows.length > 0) ws.getCell(next + 1, 1).value = `注：${t.footnote}`;
  if (t.rows.length === 0) ws.getCell(headerRow + 1, 1).value = '暂无数据';
  widths.forEach((w, j) => {
    ws.getColumn(j + 1).width = Math.max(8, Math.min(40, w + 2));
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: headerRow, topLeftCell: ws.getCell(headerRow + 1, 2).address, activeCell: 'A1' }];
}

/** The workbook (xlsx bytes): a 目录 sheet linking every table's sheet, then one sheet per table in the given order. */
export async function buildWorkbook(tables: readonly TableSpec[], meta: WorkbookMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.source;
  wb.title = `${meta.siteName}全部数据表`;
  wb.created = meta.generatedAt;
  wb.modified = meta.generatedAt;
  const contentsName = '目录';
  const names = sheetNames(tables.map((t) => t.title), [contentsName]);

  const contents = wb.addWorksheet(contentsName);
  const head = [`${meta.siteName}全部数据表`, meta.period, `数据来源：${meta.source}`, meta.sampleData ? SAMPLE_NOTE : null].filter((l): l is string => l !== null);
  head.forEach((l, i) => {
    contents.getCell(i + 1, 1).value = l;
    contents.getCell(i + 1, 1).font = i === 0 ? { bold: true, size: 14 } : { color: { argb: 'FF5A5A5A' } };
  });
  const headerRow = head.length + 2;
  ['序号', '工作表（点击打开）', '单位'].forEach((h, j) => {
    const c = contents.getCell(headerRow, j + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = { bottom: THIN };
  });
  tables.forEach((t, i) => {
    const r = headerRow + 1 + i;
    contents.getCell(r, 1).value = i + 1;
    const link = contents.getCell(r, 2);
    link.value = { text: names[i] as string, hyperlink: `#'${(names[i] as string).replace(/'/g, "''")}'!A1` };
    link.font = { color: { argb: 'FF1D4E89' }, underline: true };
    contents.getCell(r, 3).value = t.unit || '—';
  });
  contents.getColumn(1).width = 6;
  contents.getColumn(2).width = Math.max(20, ...names.map((n) => textWidth(n) + 2));
  contents.getColumn(3).width = 24;
  contents.views = [{ state: 'frozen', ySplit: headerRow, activeCell: 'A1' }];

  tables.forEach((t, i) => addTableSheet(wb, names[i] as string, t, meta));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
