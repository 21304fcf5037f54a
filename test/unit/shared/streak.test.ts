import { describe, expect, it } from 'vitest';
import { honorStreak } from '../../../src/lib/shared/streak.ts';
import type { HonorEntry } from '../../../src/lib/shared/types.ts';

const h = (year: number, title: string) => ({ year, title });

describe('honorStreak', () => {
  it('counts consecutive years ending at the most recent matching year', () => {
    expect(honorStreak([h(2019, '双拥模范城'), h(2021, '双拥模范城'), h(2022, '省级双拥模范城（区）'), h(2023, '双拥模范城')], '双拥模范城')).toEqual({
      title: '双拥模范城',
      years: 3,
      through: 2023,
    });
  });

  it('counts several matching honors in one year once', () => {
    expect(honorStreak([h(2022, '双拥模范城'), h(2023, '双拥模范城'), h(2023, '全国双拥模范城')], '双拥模范城').years).toBe(2);
  });

  it('ends at the latest matching year even when later years have other honors', () => {
    expect(honorStreak([h(2022, '双拥模范城'), h(2024, '先进人武部')], '双拥模范城')).toEqual({ title: '双拥模范城', years: 1, through: 2022 });
  });

  it('gives 0 years and null when no honor matches', () => {
    expect(honorStreak([h(2022, '先进人武部')], '双拥模范城')).toEqual({ title: '双拥模范城', years: 0, through: null });
  });

  it('tests containment on the trimmed title', () => {
    expect(honorStreak([h(2022, ' 双拥模范城\u3000')], ' 双拥模范城 ').years).toBe(1);
  });
});

describe('honorStreak as of a past year', () => {
  it('counts the run ending at the latest matching year not after the given year', () => {
    const list = [h(2019, '双拥模范城'), h(2020, '双拥模范城'), h(2022, '双拥模范城'), h(2023, '双拥模范城')];
    expect(honorStreak(list, '双拥模范城', 2021)).toEqual({ title: '双拥模范城', years: 2, through: 2020 });
    expect(honorStreak(list, '双拥模范城', 2018)).toEqual({ title: '双拥模范城', years: 0, through: null });
  });
});

describe('honorStreak over honour entries as of a year', () => {
  const h = (year: number, title: string): HonorEntry => ({ id: `${year}-${title}`, year, title, conferred_by: 'x', recipient: 'y', level: '市级', note: null });
  const honors = [h(2019, '双拥模范城'), h(2020, '全国双拥模范城'), h(2020, '双拥模范城'), h(2021, '先进人武部'), h(2022, '双拥模范城'), h(2023, ' 双拥模范城 ')];
  it('counts the latest matching year and each directly preceding one, once per year', () => {
    expect(honorStreak(honors, '双拥模范城', 2020)).toEqual({ title: '双拥模范城', years: 2, through: 2020 });
    expect(honorStreak(honors, '双拥模范城', 2023)).toEqual({ title: '双拥模范城', years: 2, through: 2023 });
  });
  it('looks back from the last matching year not after asOf', () => {
    expect(honorStreak(honors, '双拥模范城', 2021)).toEqual({ title: '双拥模范城', years: 2, through: 2020 });
  });
  it('gives 0 years and no through year when nothing matches', () => {
    expect(honorStreak(honors, '双拥模范城', 2018)).toEqual({ title: '双拥模范城', years: 0, through: null });
  });
});
