import { describe, expect, test } from 'vitest';
import { breakdownOf } from '../../../../src/lib/data/aggregate/series.ts';

const year = (entries: Record<string, number>): Map<number, Map<string, number>> => new Map([[2025, new Map(Object.entries(entries))]]);
const rows = (keys: string[]): Map<string, number> => new Map(keys.map((k) => [k, 1]));

describe('breakdownOf key order', () => {
  test('ranks keys by their total, largest first, with 其他 and 未分类 last however large they are', () => {
    const byYear = year({ 未分类: 90, 甲: 10, 其他: 50, 乙: 30 });
    expect(breakdownOf('x', '起', byYear, rows(['甲', '乙', '其他', '未分类'])).keys).toEqual(['乙', '甲', '其他', '未分类']);
  });

  test('keeps a fixed order (学段) and still puts 其他 and 未分类 after it', () => {
    const byYear = year({ 未分类: 1, 初中: 5, 小学: 9 });
    expect(breakdownOf('x', '名', byYear, rows(['初中', '小学', '未分类']), ['幼儿园', '小学', '初中', '高中']).keys).toEqual(['小学', '初中', '未分类']);
  });
});
