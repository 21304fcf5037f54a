/** Header matching (validate.ts matchHeader), driven by the funding schema: which cell binds to which column, and every header problem's exact line. */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/data/issues.ts';
import { funding } from '../../../src/lib/data/schema/funding.ts';
import { IssueLog, matchHeader, normalizeHeader } from '../../../src/lib/data/validate.ts';

/** Column key per bound cell (cell position → key), whether the rows can be read, and the printed lines. */
function match(fields: string[], line = 1) {
  const log = new IssueLog('data/funding.csv');
  const plan = matchHeader(funding, fields, line, log);
  return {
    bound: Object.fromEntries(plan.bindings.map((b) => [b.index + 1, b.column.key])),
    usable: plan.usable,
    lines: log.issues.map(formatIssue),
  };
}

describe('matchHeader', () => {
  it.each<[string, string[], Record<number, string>]>([
    ['English keys', ['year', 'category', 'project', 'amount_wan', 'recipient', 'note'], { 1: 'year', 2: 'category', 3: 'project', 4: 'amount_wan', 5: 'recipient', 6: 'note' }],
    ['Chinese labels', ['年度', '类别', '项目', '金额（万元）', '受益单位', '备注'], { 1: 'year', 2: 'category', 3: 'project', 4: 'amount_wan', 5: 'recipient', 6: 'note' }],
    ['other aliases, in any order', ['金额', '投入类别', '年份'], { 1: 'amount_wan', 2: 'category', 3: 'year' }],
    ['half-width parentheses for full-width ones', ['年度', '类别', '金额(万元)'], { 1: 'year', 2: 'category', 3: 'amount_wan' }],
    ['spaces, an ideographic space and a no-break space around and inside', [' 年度 ', '\u3000类别\u3000', '金额 （万元）\u00a0'], { 1: 'year', 2: 'category', 3: 'amount_wan' }],
    ['a BOM on the first cell', ['\uFEFF年度', '类别', '金额'], { 1: 'year', 2: 'category', 3: 'amount_wan' }],
    ['English keys in upper case', ['YEAR', 'Category', 'AMOUNT_WAN'], { 1: 'year', 2: 'category', 3: 'amount_wan' }],
  ])('binds %s, with no problem', (_, fields, bound) => {
    expect(match(fields)).toEqual({ bound, usable: true, lines: [] });
  });

  it('warns about an unknown and an empty header cell at their own positions, and still reads the rows', () => {
    expect(match(['年度', '类别', '金额', '负责人', ''], 3)).toEqual({
      bound: { 1: 'year', 2: 'category', 3: 'amount_wan' },
      usable: true,
      lines: ['data/funding.csv:3:4: 警告: 未知列“负责人”，已忽略，不会发布', 'data/funding.csv:3:5: 警告: 第 5 列的表头为空，该列已忽略，不会发布'],
    });
  });

  it('refuses the same column twice, at its second cell, naming the first', () => {
    expect(match(['year', '类别', '金额', '年度'], 2)).toEqual({
      bound: { 1: 'year', 2: 'category', 3: 'amount_wan' },
      usable: false,
      lines: ['data/funding.csv:2:4: 错误: 列“年度”(year) 重复出现，第 1 列已是该列'],
    });
  });

  it('refuses each missing required column on the header line, listing the names it would accept', () => {
    expect(match(['项目', '备注'], 4)).toEqual({
      bound: { 1: 'project', 2: 'note' },
      usable: false,
      lines: [
        'data/funding.csv:4:1: 错误: 缺少必填列“年度”(year)，可用的列名：year、年度、年份',
        'data/funding.csv:4:1: 错误: 缺少必填列“类别”(category)，可用的列名：category、类别、投入类别',
        'data/funding.csv:4:1: 错误: 缺少必填列“金额（万元）”(amount_wan)，可用的列名：amount_wan、金额（万元）、金额(万元)、金额',
      ],
    });
  });

  it('does not take a near miss for a column', () => {
    expect(match(['年度', '类别', '金额万元']).lines).toEqual([
      'data/funding.csv:1:1: 错误: 缺少必填列“金额（万元）”(amount_wan)，可用的列名：amount_wan、金额（万元）、金额(万元)、金额',
      'data/funding.csv:1:3: 警告: 未知列“金额万元”，已忽略，不会发布',
    ]);
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['金额（万元）', '金额(万元)'],
    [' Amount_Wan ', 'amount_wan'],
    ['\uFEFF年 度\u3000', '年度'],
  ])('folds %j to %j', (raw, folded) => {
    expect(normalizeHeader(raw)).toBe(folded);
  });
});
