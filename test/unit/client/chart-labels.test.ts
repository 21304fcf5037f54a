import { describe, expect, test } from 'vitest';
import { SMALLER, chooseTicks, placeLabels, tickForms, wrapLabel, type LabelBox } from '../../../src/client/chart-labels.ts';

/** A monospaced stand-in for canvas measureText: 8 px per character, 14 px per Chinese character. */
const measure = (t: string): number => [...t].reduce((w, ch) => w + (/[\u4e00-\u9fff]/.test(ch) ? 14 : 8), 0);
const years = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}年`);
const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

describe('tickForms', () => {
  test('years: 2018年, then 2018, then 2018 with the rest abbreviated, the century written again where it changes', () => {
    expect(tickForms(['1998年', '1999年', '2000年', '2001年']).forms).toEqual([
      ['1998年', '1999年', '2000年', '2001年'],
      ['1998', '1999', '2000', '2001'],
      ['1998', "'99", '2000', "'01"],
    ]);
  });

  test('months: 1月 … 12月, then 1月 followed by bare numbers', () => {
    expect(tickForms(months).forms[1]).toEqual(['1月', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
  });

  test('other labels have one form', () => {
    expect(tickForms(['幼儿园', '小学']).forms).toEqual([['幼儿园', '小学']]);
    expect(tickForms([]).forms).toEqual([[]]);
  });
});

describe('chooseTicks', () => {
  const ticks = (...a: Parameters<typeof chooseTicks>): string[] => chooseTicks(...a).labels;

  test('keeps 2018年 … 2025年 on a desktop-wide axis, at full size', () => {
    expect(chooseTicks(years(2018, 2025), measure, 1000, 4)).toEqual({ labels: years(2018, 2025), scale: 1 });
  });

  test('on a phone-wide axis drops 年, then abbreviates, before shrinking or thinning', () => {
    // 8 slots of 36 px: "2018年" (46 px) does not fit, "2018" (32 px) + 6 px gap does not either, "'19" (24 px) does.
    expect(chooseTicks(years(2018, 2025), measure, 288, 6)).toEqual({ labels: ['2018', "'19", "'20", "'21", "'22", "'23", "'24", "'25"], scale: 1 });
    expect(ticks(years(2018, 2025), measure, 8 * 40, 6)).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
  });

  test('thins 40 years to every k-th full year counted back from the latest, which is always labelled', () => {
    const t = ticks(years(1986, 2025), measure, 300, 6);
    const shown = t.filter((l) => l !== '');
    expect(t).toHaveLength(40);
    // 7.5 px slots, 32 + 6 px per label: every 6th year.
    expect(shown).toEqual(['1989', '1995', '2001', '2007', '2013', '2019', '2025']);
  });

  test('labels every month on a 360 px phone: 1月 2 3 … 12', () => {
    expect(chooseTicks(months, measure, 280, 4)).toEqual({ labels: ['1月', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'], scale: 1 });
  });

  test('in the 适老化 font on a narrow phone, shrinks the month labels a little rather than dropping any', () => {
    const large = (t: string): number => measure(t) * 1.25;
    expect(chooseTicks(months, large, 260, 4)).toEqual({ labels: ['1月', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'], scale: SMALLER });
  });

  test('when months must be thinned, the month the sentence names keeps its label', () => {
    const t = ticks(months, measure, 120, 6, 8);
    expect(t[8]).toBe('9');
    expect(t.filter((l) => l !== '').length).toBeLessThan(12);
    // No two shown labels closer than the step.
    const at = t.flatMap((l, i) => (l ? [i] : []));
    for (let i = 1; i < at.length; i++) expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual(2);
  });

  test('no labels give no ticks', () => {
    expect(chooseTicks([], measure, 300, 6)).toEqual({ labels: [], scale: 1 });
  });
});

describe('wrapLabel', () => {
  test('a name that fits stays one line', () => {
    expect(wrapLabel('东城街道', measure, 60)).toBe('东城街道');
  });
  test('a long name is broken into two even lines', () => {
    expect(wrapLabel('北苑街道办事处', measure, 60)).toEqual(['北苑街道', '办事处']);
    expect(wrapLabel('人武部规范化建设', measure, 60)).toEqual(['人武部规', '范化建设']);
  });
});

describe('placeLabels', () => {
  const box = (x: number, y: number, over: Partial<LabelBox> = {}): LabelBox => ({ x, y, w: 20, h: 10, must: false, room: 30, ...over });

  test('places a label that fits its slot above its bar', () => {
    expect(placeLabels([box(50, 100)], 0)).toEqual([100]);
  });

  test('leaves off a label wider than its slot unless it must show', () => {
    expect(placeLabels([box(50, 100, { w: 40 })], 0)).toEqual([null]);
    expect(placeLabels([box(50, 100, { w: 40, must: true })], 0)).toEqual([100]);
  });

  test('moves a label that must show up a line to clear a neighbour, and leaves off one that need not', () => {
    expect(placeLabels([box(50, 100, { must: true }), box(60, 100, { must: true })], 0)).toEqual([100, 90]);
    expect(placeLabels([box(50, 100, { must: true }), box(60, 100)], 0)).toEqual([100, null]);
  });

  test('never places a label above the top of the chart', () => {
    expect(placeLabels([box(50, 5, { must: true })], 0)).toEqual([null]);
  });
});
