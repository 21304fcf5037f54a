import { describe, expect, it } from 'vitest';
import { yoy } from '../../../src/lib/shared/yoy.ts';
import { fromInteger } from '../../../src/lib/shared/decimal.ts';

const series = (o: Record<number, number>) => new Map(Object.entries(o).map(([y, v]) => [Number(y), fromInteger(v)]));

describe('yoy', () => {
  it('gives null for the first year', () => {
    expect([...yoy(series({ 2022: 10, 2023: 15 }))]).toEqual([
      [2022, null],
      [2023, 0.5],
    ]);
  });

  it('gives null after a gap year', () => {
    expect(yoy(series({ 2020: 10, 2022: 20 })).get(2022)).toBeNull();
  });

  it('returns null when the previous year is zero', () => {
    expect(yoy(series({ 2022: 0, 2023: 5 })).get(2023)).toBeNull();
  });

  it('gives -1 for a fall to zero and 0 for no change', () => {
    const r = yoy(series({ 2021: 4, 2022: 4, 2023: 0 }));
    expect(r.get(2022)).toBe(0);
    expect(r.get(2023)).toBe(-1);
  });
});
