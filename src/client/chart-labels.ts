/**
 * Text placement for charts, without the DOM (unit-tested in node): which form the category ticks take so that
 * they stay upright and readable, and which value labels fit above their bars.
 */

const YEAR = /^(\d{4})年$/;
const MONTH = /^(\d{1,2})月$/;

/**
 * The ways a category axis can be labelled, most explicit first: years `2018年` → `2018` → `2018 '19 '20`
 * (the full year again where the century changes); months `1月` → `1月 2 3 … 12`; other labels as they are.
 * The last form is the one thinned when even it does not fit, except for years, which are thinned as `2018`
 * (a lone `'19` needs its neighbours).
 */
export function tickForms(labels: readonly string[]): { forms: string[][]; thinned: string[] } {
  const full = [...labels];
  const years = full.map((l) => YEAR.exec(l)?.[1]);
  if (full.length > 0 && years.every((y): y is string => y !== undefined)) {
    const short = years.map((y, i) => (i > 0 && y.slice(0, 2) === years[i - 1]?.slice(0, 2) ? `'${y.slice(2)}` : y));
    return { forms: [full, years, short], thinned: years };
  }
  const months = full.map((l) => MONTH.exec(l)?.[1]);
  if (full.length > 0 && months.every((m): m is string => m !== undefined)) {
    const short = months.map((m, i) => (i === 0 ? `${m}月` : m));
    return { forms: [full, short], thinned: short };
  }
  return { forms: [full], thinned: full };
}

/** Whether every two neighbouring labels, centred in slots of `slot` px, keep `gap` px between them. */
function fits(widths: readonly number[], slot: number, gap: number): boolean {
  for (let i = 1; i < widths.length; i++) if (((widths[i - 1] as number) + (widths[i] as number)) / 2 + gap > slot) return false;
  return true;
}

/** The tick texts of a category axis, and the size of their font relative to the chart's (1, or SMALLER). */
export interface TickChoice {
  labels: string[];
  scale: number;
}

/** How far tick text may shrink before labels are thinned instead (13.6 px in 适老化 mode, 11 px otherwise). */
export const SMALLER = 0.85;

/**
 * The tick texts of a category axis `available` px wide, upright: the first form of `tickForms` whose neighbours
 * keep `gap` px apart; else the shortest form in a font SMALLER times the size; when none does, every k-th label of
 * the thinned form, counted back from the last category (the latest year is always labelled) and always including
 * `highlight` (the month the sentence names); the others are empty strings. No labels give none.
 */
export function chooseTicks(labels: readonly string[], measure: (text: string) => number, available: number, gap: number, highlight?: number): TickChoice {
  const n = labels.length;
  if (n === 0) return { labels: [], scale: 1 };
  const slot = available / n;
  const { forms, thinned } = tickForms(labels);
  for (const form of forms) if (fits(form.map(measure), slot, gap)) return { labels: form, scale: 1 };
  const shortest = forms[forms.length - 1] as string[];
  if (forms.length > 1 && fits(shortest.map((l) => measure(l) * SMALLER), slot, gap)) return { labels: shortest, scale: SMALLER };
  const widest = Math.max(...thinned.map(measure));
  const step = Math.max(1, Math.ceil((widest + gap) / slot));
  const shown = new Set<number>();
  const far = (i: number): boolean => [...shown].every((j) => Math.abs(i - j) >= step);
  if (highlight !== undefined && highlight >= 0 && highlight < n) shown.add(highlight);
  for (let i = n - 1; i >= 0; i -= step) if (far(i)) shown.add(i);
  return { labels: thinned.map((l, i) => (shown.has(i) ? l : '')), scale: 1 };
}

/** A value label to place: centred on `x`, its baseline box ending at `y` (the top of its bar), `w` × `h` px. */
export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Placed even when it does not fit its slot (the latest year): moved up a line to clear a neighbour if needed. */
  must: boolean;
  /** The room the bar has for its label (its slot width): a label wider than this is left off unless `must`. */
  room: number;
}

/** Where a label goes: the y of its box's bottom edge; null = left off. */
export type Placement = number | null;

/**
 * Place value labels above their bars: a label wider than its slot is left off, unless it must be shown; a label
 * that would overlap one already placed moves up one line (twice at most) and is otherwise left off; nothing goes
 * above `top`. Labels are placed in the order given (put the ones that must show first).
 */
export function placeLabels(boxes: readonly LabelBox[], top: number, lift = 2): Placement[] {
  const placed: { l: number; r: number; t: number; b: number }[] = [];
  return boxes.map((b) => {
    if (!b.must && b.w > b.room) return null;
    for (let step = 0; step <= (b.must ? lift : 0); step++) {
      const bottom = b.y - step * b.h;
      const box = { l: b.x - b.w / 2, r: b.x + b.w / 2, t: bottom - b.h, b: bottom };
      if (box.t < top) return null;
      if (placed.every((p) => box.r <= p.l || box.l >= p.r || box.b <= p.t || box.t >= p.b)) {
        placed.push(box);
        return bottom;
      }
    }
    return null;
  });
}

/**
 * A category name too wide for `max` px, broken into lines that fit (Chinese breaks between any two characters),
 * at most `lines` lines, the last one holding the rest; a name that fits stays one line.
 */
export function wrapLabel(label: string, measure: (text: string) => number, max: number, lines = 2): string | string[] {
  if (measure(label) <= max) return label;
  const chars = [...label];
  const per = Math.ceil(chars.length / lines);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(''));
  return out;
}
