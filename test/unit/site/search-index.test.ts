import { describe, it, expect } from 'vitest';
import {
  buildSearchIndex,
  querySearchIndex,
  segmentText,
  gramsOf,
  honorSearchDocument,
  MAX_QUERY_LENGTH,
} from '../../../src/lib/site/search-index.ts';
import type { HonorEntry } from '../../../src/lib/shared/types.ts';

const HONORS: HonorEntry[] = [
  { id: 'h2023-a', year: 2023, title: '双拥模范城', conferred_by: '示例市人民政府', recipient: '示例区', level: '市级', note: null },
  { id: 'h2023-b', year: 2023, title: '支持国防建设十佳单位', conferred_by: '示例省国防动员委员会', recipient: '示例区', level: '省级', note: null },
  { id: 'h2022-a', year: 2022, title: '省级拥军优属模范个人', conferred_by: '示例省双拥工作领导小组', recipient: '赵志强', level: '省级', note: null },
  { id: 'h2021-a', year: 2021, title: '全国模范军队转业干部', conferred_by: '全国双拥工作领导小组办公室', recipient: '王建国', level: '国家级', note: '表彰大会' },
  { id: 'h2020-a', year: 2020, title: '警民协防先进集体', conferred_by: '示例区人民政府', recipient: '文化路街道民兵应急分队', level: '区级', note: null },
];
const index = buildSearchIndex(HONORS.map(honorSearchDocument));

describe('segmentText', () => {
  it('splits on spaces and punctuation, folds full-width digits and upper case', () => {
    expect(segmentText(' 双拥·模范城（２０２３） ABC ')).toEqual(['双拥', '模范城', '2023', 'abc']);
  });
  it('gives no segments for punctuation only', () => {
    expect(segmentText('，。 ！')).toEqual([]);
  });
});

describe('gramsOf', () => {
  it('lists every character and every adjacent pair', () => {
    expect(gramsOf('模范城')).toEqual(['模', '范', '城', '模范', '范城']);
  });
  it('keeps a character outside the BMP whole', () => {
    expect(gramsOf('𠀀a')).toEqual(['𠀀', 'a', '𠀀a']);
  });
});

describe('buildSearchIndex', () => {
  it('keeps the documents in order and sorts the grams', () => {
    const small = buildSearchIndex([{ id: 'x', fields: ['双拥'] }, { id: 'y', fields: ['拥军'] }]);
    expect(small).toEqual({ v: 1, ids: ['x', 'y'], grams: { 军: [1], 双: [0], 双拥: [0], 拥: [0, 1], 拥军: [1] } });
  });
  it('never forms a gram across two fields', () => {
    const small = buildSearchIndex([{ id: 'x', fields: ['20', '23'] }]);
    expect(querySearchIndex(small, '2023')).toEqual([]);
  });
});

describe('querySearchIndex', () => {
  it("finds '双拥模范城' from the part '模范'", () => {
    expect(querySearchIndex(index, '模范')).toEqual(['h2023-a', 'h2022-a', 'h2021-a']);
  });
  it("finds that year's honors from '2023'", () => {
    expect(querySearchIndex(index, '2023')).toEqual(['h2023-a', 'h2023-b']);
  });
  it("finds that year's honors from '2023年' and full-width '２０２３'", () => {
    expect(querySearchIndex(index, '2023年')).toEqual(['h2023-a', 'h2023-b']);
    expect(querySearchIndex(index, '２０２３')).toEqual(['h2023-a', 'h2023-b']);
  });
  it("finds honors by level '省级', in the level or the title", () => {
    expect(querySearchIndex(index, '省级')).toEqual(['h2023-b', 'h2022-a']);
  });
  it('finds honors by the awarding body', () => {
    expect(querySearchIndex(index, '领导小组')).toEqual(['h2022-a', 'h2021-a']);
  });
  it('finds honors by recipient and by note', () => {
    expect(querySearchIndex(index, '王建国')).toEqual(['h2021-a']);
    expect(querySearchIndex(index, '表彰')).toEqual(['h2021-a']);
  });
  it('finds by a single character', () => {
    expect(querySearchIndex(index, '警')).toEqual(['h2020-a']);
  });
  it('requires every space-separated term to match', () => {
    expect(querySearchIndex(index, '2023 省级')).toEqual(['h2023-b']);
    expect(querySearchIndex(index, '2022 国家级')).toEqual([]);
  });
  it('returns an empty list when nothing matches', () => {
    expect(querySearchIndex(index, '航天')).toEqual([]);
  });
  it('returns null for an empty or punctuation-only query, meaning show everything', () => {
    expect(querySearchIndex(index, '')).toBeNull();
    expect(querySearchIndex(index, '  ，。 ')).toBeNull();
  });
  it('treats hostile strings as plain text and matches nothing', () => {
    for (const q of ['__proto__', 'constructor', 'toString', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']) {
      expect(querySearchIndex(index, q)).toEqual([]);
    }
    for (const q of ['.*', '\u0000\u202e', '%00']) {
      expect(querySearchIndex(index, q) ?? []).not.toContain(undefined);
    }
    expect(querySearchIndex(index, '.*')).toBeNull();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
  it('looks only at the first MAX_QUERY_LENGTH characters of a very long query', () => {
    expect(MAX_QUERY_LENGTH).toBe(64);
    expect(querySearchIndex(index, '模范' + ' '.repeat(100) + '航天')).toEqual(['h2023-a', 'h2022-a', 'h2021-a']);
    expect(querySearchIndex(index, '模'.repeat(100000))).toEqual([]);
  });
  it('survives a JSON round trip of the index', () => {
    const copy = JSON.parse(JSON.stringify(index));
    expect(querySearchIndex(copy, '模范')).toEqual(['h2023-a', 'h2022-a', 'h2021-a']);
  });
});

describe('honorSearchDocument', () => {
  it('indexes year, title, awarding body, recipient, level and note only', () => {
    expect(honorSearchDocument(HONORS[3]!)).toEqual({
      id: 'h2021-a',
      fields: ['2021', '2021年', '全国模范军队转业干部', '全国双拥工作领导小组办公室', '王建国', '国家级', '表彰大会'],
    });
  });
});
