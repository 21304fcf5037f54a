/**
 * Text placement for charts, without the DOM (unit-tested in node): which form the category ticks take so that
 * they stay upright and readable, and which value labels fit above their bars.
 */

export interface TickChoice {
  /** The tick texts, one per category. */
  labels: string[];
  /** Whether Chart.js must thin the ticks (none of the forms fits every label). */
  thin: boolean;
}

const YEAR = /^(\d{4})年$/;
const MONTH = /^(\d{1,2})月$/;

/**
 * The ways a category axis can be labelled, most explicit first: years `2018年` → `2018` → `2018 '19 '20`
 * (the full year again where the century changes); months `1月` → `1月 2 3 … 12`; other labels as they are.
 */
export function tickForms(labels: readonly string[]): string[][] {
  const full = [...labels];
  if (full.length === 0) return [full];
  const years = full.map((l) => YEAR.exec(l)?.[1]);
  if (years.every((y): y is string => y !== undefined)) {
    const short = years.map((y, i) => (i > 0 && y.slice(0, 2) === years[i - 1]?.slice(0, 2) ? `'${y.slice(2)}` : y));
    return [full, years, short];
  }
  const months = full.map((l) => MONTH.exec(l)?.[1]);
  if (months.every((m): m is string => m !== undefined)) return [full, months.map((m, i) => (i === 0 ? `${m}月` : m))];
  return [full];
}

/**
 * The first form of `tickForms` whose labels, each with `gap` px around it, fit side by side in `available` px.
 * When none fits, years are shown as `2018` (never `'19`, which needs its neighbours) and Chart.js thins them.
 */
export function chooseTicks(labels: readonly string[], measure: (text: string) => number, available: number, gap: number): TickChoice {
  const forms = tickForms(labels);
  for (const form of forms) {
    const need = form.reduce((s, l) => s + measure(l) + gap, 0);
    if (need <= available) return { labels: form, thin: false };
  }
  const years = forms.length === 3;
  return { labels: (years ? forms[1] : forms[forms.length - 1]) as string[], thin: true };
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
