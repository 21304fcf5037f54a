import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { NEUTRAL_SLOT, PALETTE, SLOT_COUNT, keySlots, slotColor, type Theme } from '../../../src/lib/shared/palette.ts';
import { CATCH_ALL_KEYS } from '../../../src/lib/shared/catch-all.ts';

// --- colour science, kept here: the site never computes it at run time -------------------------------------------

function channels(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [m[1], m[2], m[3]].map((h) => parseInt(h as string, 16) / 255) as [number, number, number];
}
const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const linear = (hex: string): [number, number, number] => channels(hex).map(toLinear) as [number, number, number];

/** WCAG 2.1 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = linear(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** WCAG 2.1 contrast ratio. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

type Matrix = [[number, number, number], [number, number, number], [number, number, number]];
/** Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB. */
const VISION: Record<string, Matrix | null> = {
  normal: null,
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** CIELAB (D65) of a linear RGB triple, clipped to the gamut. */
function lab(rgb: readonly number[]): [number, number, number] {
  const [r, g, b] = rgb.map((v) => Math.min(1, Math.max(0, v))) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
function seenAs(hex: string, m: Matrix | null): [number, number, number] {
  const c = linear(hex);
  return lab(m ? m.map((row) => row[0] * c[0] + row[1] * c[1] + row[2] * c[2]) : c);
}
const deltaE = (a: readonly number[], b: readonly number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

// --- the page backgrounds, read from the design tokens so a change there is checked too ---------------------------

const TOKENS = readFileSync(new URL('../../../src/styles/tokens.css', import.meta.url), 'utf8');
const backgrounds = [...TOKENS.matchAll(/--color-(?:bg|surface):\s*(#[0-9a-f]{6})\b/gi)].map((m) => (m[1] as string).toLowerCase());
/** Light backgrounds: the page, cards, 适老化, and white (print and the PNG export). */
const LIGHT_BG = [...new Set([...backgrounds.filter((c) => luminance(c) > 0.5), '#ffffff'])];
const DARK_BG = [...new Set(backgrounds.filter((c) => luminance(c) <= 0.5))];

/** Smallest CIELAB ΔE (1976) we accept between two series colours, for every kind of vision: clearly apart, not just "not equal". */
const MIN_DELTA_E = 12;

describe('the series palette', () => {
  test('the design tokens name light and dark backgrounds for both themes and 适老化', () => {
    expect(LIGHT_BG.length).toBeGreaterThanOrEqual(2);
    expect(DARK_BG.length).toBeGreaterThanOrEqual(2);
  });

  test('has a neutral grey and eight hues, each given for both themes', () => {
    expect(SLOT_COUNT).toBe(8);
    expect(PALETTE).toHaveLength(9);
    for (const c of PALETTE) {
      expect(c.light).toMatch(/^#[0-9a-f]{6}$/);
      expect(c.dark).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  test.each(['light', 'dark'] as const)('every %s colour has at least 3:1 contrast against every background of its theme', (theme: Theme) => {
    const bgs = theme === 'light' ? LIGHT_BG : DARK_BG;
    const low: string[] = [];
    for (const [slot, c] of PALETTE.entries()) {
      for (const bg of bgs) {
        const r = contrast(c[theme], bg);
        if (r < 3) low.push(`slot ${slot} ${c[theme]} on ${bg}: ${r.toFixed(2)}:1`);
      }
    }
    expect(low).toEqual([]);
  });

  test.each(['light', 'dark'] as const)('every two %s colours stay apart in normal, protan, deutan and tritan vision', (theme: Theme) => {
    const close: string[] = [];
    for (const [vision, m] of Object.entries(VISION)) {
      const seen = PALETTE.map((c) => seenAs(c[theme], m));
      for (let i = 0; i < seen.length; i++) {
        for (let j = i + 1; j < seen.length; j++) {
          const d = deltaE(seen[i]!, seen[j]!);
          if (d < MIN_DELTA_E) close.push(`${vision}: slot ${i} and ${j} ΔE ${d.toFixed(1)}`);
        }
      }
    }
    expect(close).toEqual([]);
  });

  test('the contrast check would catch a pale colour (yellow on white is 1.07:1)', () => {
    expect(contrast('#ffff00', '#ffffff')).toBeLessThan(1.1);
    expect(contrast('#000000', '#ffffff')).toBe(21);
  });

  test('the vision check would catch red against green for a deuteranope', () => {
    expect(deltaE(seenAs('#b22222', VISION.deuteranopia ?? null), seenAs('#6b8e23', VISION.deuteranopia ?? null))).toBeLessThan(MIN_DELTA_E);
    expect(deltaE(seenAs('#b22222', null), seenAs('#6b8e23', null))).toBeGreaterThan(MIN_DELTA_E);
  });
});

describe('slotColor', () => {
  test('gives the theme variant of a slot', () => {
    expect(slotColor(1, 'light')).toBe('#234d95');
    expect(slotColor(1, 'dark')).toBe('#6e83c5');
  });

  test('gives the neutral grey for slot 0 and for a slot outside the palette', () => {
    expect(slotColor(0, 'light')).toBe('#737373');
    expect(slotColor(9, 'light')).toBe('#737373');
    expect(slotColor(-1, 'dark')).toBe('#9e9e9e');
    expect(slotColor(1.5, 'dark')).toBe('#9e9e9e');
  });
});

describe('keySlots', () => {
  test('gives each key a hue in slot order, skipping the reserved slots', () => {
    expect(keySlots(['甲', '乙', '丙'], [1, 3])).toEqual({ 甲: 2, 乙: 4, 丙: 5 });
  });

  test('gives 其他 and 未分类 the neutral grey wherever they stand', () => {
    expect(keySlots(['其他', '甲', '未分类', '乙'])).toEqual({ 其他: NEUTRAL_SLOT, 甲: 1, 未分类: NEUTRAL_SLOT, 乙: 2 });
    expect(CATCH_ALL_KEYS).toEqual(['其他', '未分类']);
  });

  test('with more colours than a chart may show, keeps five hues and makes the rest grey', () => {
    expect(keySlots(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 0, g: 0 });
    // Six real keys and 其他 would be seven colours: the sixth folds into grey with 其他.
    expect(keySlots(['a', 'b', 'c', 'd', 'e', 'f', '其他'])).toEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 0, 其他: 0 });
  });

  test('six real keys get six hues', () => {
    expect(keySlots(['a', 'b', 'c', 'd', 'e', 'f'])).toEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 });
  });

  test('with few hues left after reserving, folds to fit them', () => {
    expect(keySlots(['a', 'b', 'c', 'd'], [1, 2, 3, 4, 5, 6])).toEqual({ a: 7, b: 8, c: 0, d: 0 });
  });

  test('no keys give no slots', () => {
    expect(keySlots([])).toEqual({});
  });
});
