/**
 * The one place a report figure becomes text, in 公文 style: no space between a number and its unit or
 * after 增长/下降 ("1,344.73万元", "增长7.6%"), and the decimals of the site's tables (万元 always two:
 * "53.10万元"; other units at most two: "96.2%", "48次").
 */
import { formatNumber, yoyDirection } from '../shared/format.ts';

export type FigureForm = 'full' | 'value' | 'yoy';

/** Decimals shown for a unit: [at most, at least], as the tables show them. */
function decimals(unit: string): [number, number] {
  return unit === '万元' ? [2, 2] : [2, 0];
}

/**
 * A report figure as text: `full` the number with its unit ("1,344.73万元"), `value` the number only
 * ("1,344.73"), `yoy` a ratio as the change in words ("增长7.6%", "下降3.0%", "持平"); a non-finite value gives "—".
 */
export function formatFigure(value: number, unit: string, form: FigureForm): string {
  if (!Number.isFinite(value)) return '—';
  if (form === 'yoy') {
    const dir = yoyDirection(value);
    if (dir === 'flat') return '持平';
    const pct = `${formatNumber(Math.abs(value) * 100, 1, 1)}%`;
    return dir === 'up' ? `增长${pct}` : `下降${pct}`;
  }
  const [max, min] = decimals(unit);
  const n = formatNumber(value, max, min);
  return form === 'value' ? n : `${n}${unit === '％' ? '%' : unit}`;
}
