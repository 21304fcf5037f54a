import { describe, expect, it } from 'vitest';
import { honorsView } from '../../../src/lib/site/honors-view.ts';
import type { HonorEntry } from '../../../src/lib/shared/types.ts';

const h = (year: number, title: string, level: HonorEntry['level']): HonorEntry => ({ id: `${year}-${title}`, year, title, conferred_by: '示例市', recipient: '示例区', level, note: null });
const list = [h(2023, '双拥模范城', '市级'), h(2024, '先进人武部', '市级'), h(2024, '支持国防建设十佳单位', '省级'), h(2023, '全国先进', '国家级')];

describe('honorsView', () => {
  it('orders honors newest year first, keeping the file order within a year', () => {
    expect(honorsView(list, { title: '双拥模范城', years: 0, through: null }).honors.map((x) => x.title)).toEqual(['先进人武部', '支持国防建设十佳单位', '双拥模范城', '全国先进']);
  });

  it('counts honors per level and year, every level listed even when empty', () => {
    const v = honorsView(list, { title: '双拥模范城', years: 0, through: null });
    expect(v.count(2024, '市级')).toBe(1);
    expect(v.count(2023, '区级')).toBe(0);
    expect([...v.byLevel.keys()]).toEqual(['国家级', '省级', '市级', '区级']);
    expect(v.lede).toBe('2023年至2024年共获得各级双拥荣誉 4 项，其中国家级 1 项、省级 1 项、市级 2 项、区级 0 项。');
  });

  it('words a streak of several years with its range, and a single year without one', () => {
    const many = honorsView(list, { title: '双拥模范城', years: 8, through: 2025 });
    expect([many.streakText, many.streakRange]).toEqual(['连续 8 年获评双拥模范城', '2018年至2025年，每年均获此荣誉。']);
    const one = honorsView(list, { title: '双拥模范城', years: 1, through: 2023 });
    expect([one.streakText, one.streakRange]).toEqual(['2023年获评双拥模范城', '']);
  });

  it('says there is no record when the list is empty and no streak', () => {
    const v = honorsView([], { title: '双拥模范城', years: 0, through: null });
    expect([v.lede, v.streakText, v.years]).toEqual(['暂无荣誉记录。', null, []]);
  });
});
