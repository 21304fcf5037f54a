/**
 * The one place a report figure becomes text, in 公文 style through the site's formatter (shared/format.ts,
 * `space: false`): no space between a number and its unit or after 增长/下降 ("1,344.73万元", "增长7.6%"),
 * and the decimals of the site's tables (万元 always two: "53.10万元"; other units at most two: "96.2%", "48次").
 */
import { formatChange, formatValue, formatNumber, type NumberOptions } from '../shared/format.ts';

export type FigureForm = 'full' | 'value' | 'yoy';

/** Decimals shown for a unit, as the tables show them: 万元 two, always; other units at most two. */
function decimals(unit: string): NumberOptions {
  return unit === '万元' ? { decimals: 2, fixed: true } : { decimals: 2 };
}

/**
 * A report figure as text: `full` the number with its unit ("1,344.73万元"), `value` the number only
 * ("1,344.73"), `yoy` a ratio as the change in words ("增长7.6%", "下降3.0%", "持平"); a non-finite value gives "—".
 */
export function formatFigure(value: number, unit: string, form: FigureForm): string {
  if (!Number.isFinite(value)) return '—';
  if (form === 'yoy') return formatChange({ kind: 'percent', yoy: value, previous: null }, { space: false }).text;
  return form === 'value' ? formatNumber(value, decimals(unit)) : formatValue(value, unit, { ...decimals(unit), space: false });
}
