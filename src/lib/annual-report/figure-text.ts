/**
 * The one place a report figure becomes text, in 公文 style through the site's formatter (shared/format.ts,
 * `space: false`): no space between a number and its unit or after 增长/下降 ("1,344.73万元", "增长7.6%"),
 * and the decimals the site's tables show for the same figure (the metric catalog: 万元 always two,
 * "53.10万元"; counts none; indicators at most two, as the indicators tables: "96.2%", "166.23平方米").
 */
import { formatChange, formatValue, formatNumber, type NumberOptions } from '../shared/format.ts';
import { breakdownDef, metricDef } from '../shared/metrics.ts';

export type FigureForm = 'full' | 'value' | 'yoy';

/** Decimals of a figure as its table shows them: the catalog's for a fixed metric or a breakdown key; otherwise (indicators) at most two, 万元 always two. */
export function figureDecimals(id: string, unit: string): NumberOptions {
  const colon = id.indexOf(':');
  const def = metricDef(id) ?? breakdownDef(colon < 0 ? id : id.slice(0, colon));
  if (def) return { decimals: def.decimals, fixed: def.fixed };
  return unit === '万元' ? { decimals: 2, fixed: true } : { decimals: 2 };
}

/**
 * A report figure as text: `full` the number with its unit ("1,344.73万元"), `value` the number only
 * ("1,344.73"), `yoy` a ratio as the change in words ("增长7.6%", "下降3.0%", "持平"); `id` picks the decimals
 * (figureDecimals); a non-finite value gives "—".
 */
export function formatFigure(value: number, unit: string, form: FigureForm, id = ''): string {
  if (!Number.isFinite(value)) return '—';
  if (form === 'yoy') return formatChange({ kind: 'percent', yoy: value, previous: null }, { space: false }).text;
  const options = figureDecimals(id, unit);
  return form === 'value' ? formatNumber(value, options) : formatValue(value, unit, { ...options, space: false });
}
