/** Display text of a registered table's cells (the CSV writes the raw cells; the page shows these). */
import type { Cell, TableColumn } from './tables/index.ts';
import { MISSING, formatChangeAmount, formatNumber } from '../shared/format.ts';

/**
 * A cell as the page shows it: numbers with separators, `percent` as "96.5%", `change` as "增长 12.4%" /
 * "下降 3.0%" / "持平", `points` as "提高 1.2 个百分点"; a text in a number column as "— 无上年数据"; null as "—".
 */
export function formatCell(cell: Cell, column: TableColumn): string {
  if (cell === null) return MISSING;
  if (column.kind === 'text') return String(cell);
  if (typeof cell === 'string') return `${MISSING} ${cell}`;
  if (!Number.isFinite(cell)) return MISSING;
  const frac = column.frac ?? 0;
  switch (column.kind) {
    case 'number':
      return formatNumber(cell, { decimals: frac, fixed: column.fixed });
    case 'percent':
      return `${formatNumber(cell, { decimals: 1, fixed: true })}%`;
    case 'change':
      return formatChangeAmount(cell, 'percent').text;
    case 'points':
      return formatChangeAmount(cell, 'points').text;
  }
}

/** Whether a column holds numbers (right-aligned, tabular). */
export function isNumericColumn(column: TableColumn): boolean {
  return column.kind !== 'text';
}
