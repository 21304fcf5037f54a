/**
 * The one place chart series colours are defined. A series names a slot (the metric catalog gives each metric
 * one; a breakdown gives each of its keys one, see `keySlots`), and the slot is the same colour on every page,
 * in every chart and in the downloaded PNG. Slot 0 is the neutral grey of 其他, 未分类 and folded categories.
 *
 * Chosen so that, in both themes, every pair of colours (grey included) stays apart for people with protanopia,
 * deuteranopia or tritanopia as well as normal vision, and every colour has at least 3:1 contrast against the page
 * background and card surface (WCAG 2.1 non-text contrast), 适老化 backgrounds included: test/unit/shared/palette.test.ts.
 */
import { CATCH_ALL_KEYS } from './catch-all.ts';

export interface SlotColor {
  /** On the light background (also print and the PNG export, which are always light). */
  light: string;
  /** On the dark background (prefers-color-scheme: dark). */
  dark: string;
}

/** Index = slot. 0 neutral grey, 1 blue, 2 rust, 3 green, 4 violet, 5 teal, 6 ochre, 7 plum, 8 umber. */
export const PALETTE: readonly SlotColor[] = [
  { light: '#737373', dark: '#9e9e9e' },
  { light: '#234d95', dark: '#6e83c5' },
  { light: '#922c0f', dark: '#cb6b4c' },
  { light: '#609349', dark: '#a1cd8b' },
  { light: '#9d67cc', dark: '#d7a5ff' },
  { light: '#4190a8', dark: '#8dcadf' },
  { light: '#958112', dark: '#d2bb62' },
  { light: '#7a3468', dark: '#af709d' },
  { light: '#57493c', dark: '#8c7f73' },
];

/** The neutral slot: 其他, 未分类 and categories folded into 其余类别. */
export const NEUTRAL_SLOT = 0;

/** Highest colour slot (slots 1…SLOT_COUNT are hues). */
export const SLOT_COUNT = PALETTE.length - 1;


export type Theme = 'light' | 'dark';

/** The colour of a slot in a theme; a slot outside 0…SLOT_COUNT gives the neutral grey. */
export function slotColor(slot: number, theme: Theme): string {
  const c = PALETTE[Number.isInteger(slot) && slot >= 0 && slot <= SLOT_COUNT ? slot : NEUTRAL_SLOT] as SlotColor;
  return c[theme];
}

/**
 * Slots for a breakdown's keys in its fixed order (the same on every page and in every year): the hues not
 * `reserved` (the slots of the metrics charted on the same page, so a colour never means two things there), in
 * slot order, one per key; 其他 and 未分类 are neutral. At most `maxColors` colours in one chart (grey counted):
 * when the keys need more, the real keys after the first `maxColors - 1` are neutral too (the chart folds every
 * neutral key into one grey series). Empty keys give an empty map.
 */
export function keySlots(keys: readonly string[], reserved: readonly number[] = [], maxColors = 6): Record<string, number> {
  const hues: number[] = [];
  for (let s = 1; s <= SLOT_COUNT; s++) if (!reserved.includes(s)) hues.push(s);
  const real = keys.filter((k) => !CATCH_ALL_KEYS.includes(k));
  const colors = real.length + (real.length < keys.length ? 1 : 0);
  const huesUsed = colors > maxColors || real.length > hues.length ? Math.min(maxColors, hues.length + 1) - 1 : real.length;
  const out: Record<string, number> = {};
  let i = 0;
  for (const k of keys) {
    if (CATCH_ALL_KEYS.includes(k)) {
      out[k] = NEUTRAL_SLOT;
      continue;
    }
    out[k] = i < huesUsed ? (hues[i] as number) : NEUTRAL_SLOT;
    i++;
  }
  return out;
}

/** Chart text, tick and grid colours on white, as tokens.css's light theme: print and the PNG export, whatever the screen theme. */
export const LIGHT_INK = { text: '#1f1f1f', axis: '#5a5a5a', grid: 'rgba(0, 0, 0, 0.08)' } as const;
