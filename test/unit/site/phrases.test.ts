import { describe, expect, it } from 'vitest';
import { phrases } from '../../../src/lib/site/phrases.ts';

describe('phrases', () => {
  it.each([
    // The broken headings: each name stays whole.
    ['2025年各街道查处案件与抓获涉案人员', ['2025年', '各街道查处案件', '与抓获涉案人员']],
    ['北苑街道办事处', ['北苑街道', '办事处']],
    ['双拥模范城', ['双拥模范城']],
    ['2025年经费投入各类别金额及占比', ['2025年', '经费投入各类别', '金额', '及占比']],
    ['党管武装与双拥工作统计', ['党管武装', '与双拥工作', '统计']],
  ])('splits %s only between phrases', (text, expected) => {
    expect(phrases(text)).toEqual(expected);
  });

  it('never breaks inside 抓获涉案人员, 双拥模范城, 办事处 or 占比', () => {
    const joins = ['2025年各街道查处案件与抓获涉案人员', '连续获评双拥模范城', '北苑街道办事处', '各类别金额及占比'].flatMap((t) => {
      const p = phrases(t);
      return p.slice(1).map((next, i) => `${p[i]!.slice(-2)}|${next.slice(0, 2)}`);
    });
    for (const bad of ['涉案人|员', '模范|城', '办事|处', '占|比', '拥模|范城']) expect(joins).not.toContain(bad);
  });

  it('gives the text back unchanged when joined, spaces, punctuation and Latin included', () => {
    for (const t of ['连续 8 年获评双拥模范城', '抓获涉案人员数（人）', '</script><b>x</b>', 'ABC 123', '历年培训教育场次（按类别）']) {
      expect(phrases(t).join('')).toBe(t);
    }
  });

  it('leaves text without Chinese words in one piece', () => {
    expect(phrases('</script><script>alert(1)</script>')).toEqual(['</script><script>alert(1)</script>']);
  });

  it('never breaks inside a kept term, which ICU alone would split (涉案|人员, 经费|投入)', () => {
    expect(phrases('抓获涉案人员', [])).toEqual(['抓获涉案', '人员']);
    expect(phrases('抓获涉案人员')).toEqual(['抓获涉案人员']);
    expect(phrases('经费投入', [])).toEqual(['经费', '投入']);
    expect(phrases('历年经费投入')).toEqual(['历年', '经费投入']);
  });

  it('gives [] for empty text', () => {
    expect(phrases('')).toEqual([]);
  });
});
