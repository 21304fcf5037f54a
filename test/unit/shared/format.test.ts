import { describe, it, expect } from 'vitest';
import {
  formatNumber,
  formatValue,
  valueParts,
  formatPercent,
  formatSigned,
  formatChange,
  formatChangeAmount,
  changeKindFor,
  missingChangeReason,
  type Change,
  type ChangeDirection,
  type ChangeKind,
  type ChangeOptions,
  type NumberOptions,
  type ValueOptions,
} from '../../../src/lib/shared/format.ts';

// Case tables in the manner of owid-grapher's formatValue tests: [what, input, options, expected output].

const numberCases: [string, number | null | undefined, NumberOptions, string][] = [
  ['groups thousands and keeps at most 2 decimals', 12345.678, {}, '12,345.68'],
  ['drops trailing zeros', 576.2, {}, '576.2'],
  ['writes zero as 0', 0, {}, '0'],
  ['rounds a decimal tie up as written (1.005)', 1.005, {}, '1.01'],
  ['rounds to whole numbers with decimals 0', 12.6, { decimals: 0 }, '13'],
  ['pads to the fixed decimals (万元 columns)', 270.3, { decimals: 2, fixed: true }, '270.30'],
  ['pads a whole number with fixed decimals', 100, { decimals: 1, fixed: true }, '100.0'],
  ['keeps the minus sign of a negative number', -3.5, {}, '-3.5'],
  ['never writes -0', -0, {}, '0'],
  ['never writes -0 after rounding', -0.001, { decimals: 2 }, '0'],
  ['never writes -0.0 with fixed decimals', -0.01, { decimals: 1, fixed: true }, '0.0'],
  ['gives — for null', null, {}, '—'],
  ['gives — for undefined', undefined, {}, '—'],
  ['gives — for NaN', Number.NaN, {}, '—'],
  ['gives — for Infinity', Number.POSITIVE_INFINITY, {}, '—'],
];

describe('formatNumber', () => {
  it.each(numberCases)('%s', (_, value, options, expected) => {
    expect(formatNumber(value, options)).toBe(expected);
  });
});

const valueCases: [string, number | null | undefined, string, ValueOptions, string][] = [
  ['puts a space between number and unit on the site', 576.2, '万元', {}, '576.2 万元'],
  ['writes 公文 style without the space', 1344.73, '万元', { space: false }, '1,344.73万元'],
  ['writes fixed decimals in 公文 style', 1344.7, '万元', { space: false, decimals: 2, fixed: true }, '1,344.70万元'],
  ['writes a count with its unit', 12, '起', {}, '12 起'],
  ['writes a count in running text', 25, '起', { space: false, decimals: 0 }, '25起'],
  ['never puts a space before %', 96.5, '%', {}, '96.5%'],
  ['keeps % attached in 公文 style', 96.5, '%', { space: false }, '96.5%'],
  ['writes a full-width ％ as %', 96.5, '％', {}, '96.5%'],
  ['writes the number alone for an empty unit', 576.2, '', {}, '576.2'],
  ['writes zero with its unit', 0, '项', {}, '0 项'],
  ['writes a negative value with its unit', -3.5, '万元', {}, '-3.5 万元'],
  ['gives — without the unit for null', null, '万元', {}, '—'],
  ['gives — for NaN', Number.NaN, '人次', {}, '—'],
  ['leaves values below 10,000 unabbreviated', 9999, '人次', { abbreviate: true }, '9,999 人次'],
  ['abbreviates 10,000 to 1万', 10000, '人次', { abbreviate: true }, '1万 人次'],
  ['abbreviates to 万 with 2 decimals', 12345, '人次', { abbreviate: true }, '1.23万 人次'],
  ['abbreviates to 万 in 公文 style', 12345, '人次', { abbreviate: true, space: false }, '1.23万人次'],
  ['abbreviates to 亿 from 100,000,000', 123456789, '人次', { abbreviate: true }, '1.23亿 人次'],
  ['abbreviates on the rounded figure: 99,999,999 reads 1亿', 99999999, '人', { abbreviate: true }, '1亿 人'],
  ['abbreviates on the rounded figure: 9,999.999 reads 1万', 9999.999, '人', { abbreviate: true }, '1万 人'],
  ['turns 万元 into 亿元 from 10,000 万元', 12345.6, '万元', { abbreviate: true }, '1.23 亿元'],
  ['turns 万元 into 亿元 in 公文 style', 12345.6, '万元', { abbreviate: true, space: false }, '1.23亿元'],
  ['keeps 万元 below 10,000 万元', 9999.99, '万元', { abbreviate: true }, '9,999.99 万元'],
  ['never abbreviates a percentage', 12345, '%', { abbreviate: true }, '12,345%'],
  ['abbreviates a negative value by its size', -12345, '人次', { abbreviate: true }, '-1.23万 人次'],
  ['abbreviates a number without unit', 12345, '', { abbreviate: true }, '1.23万'],
  ['gives — for null even when abbreviating', null, '人次', { abbreviate: true }, '—'],
];

describe('formatValue', () => {
  it.each(valueCases)('%s', (_, value, unit, options, expected) => {
    expect(formatValue(value, unit, options)).toBe(expected);
  });
});

describe('valueParts', () => {
  it('splits an abbreviated figure from its unit and says it was abbreviated', () => {
    expect(valueParts(12345, '人次', { abbreviate: true })).toEqual({ number: '1.23万', unit: '人次', abbreviated: true });
    expect(valueParts(12345.6, '万元', { abbreviate: true })).toEqual({ number: '1.23', unit: '亿元', abbreviated: true });
  });
  it('keeps the unit of a missing value', () => {
    expect(valueParts(null, '起')).toEqual({ number: '—', unit: '起', abbreviated: false });
  });
});

const percentCases: [string, number | null | undefined, number | undefined, string][] = [
  ['writes a ratio with one decimal', 0.12429, undefined, '12.4%'],
  ['writes 100% with its decimal', 1, undefined, '100.0%'],
  ['writes two decimals on request', 0.123456, 2, '12.35%'],
  ['gives — for null', null, undefined, '—'],
];

describe('formatPercent', () => {
  it.each(percentCases)('%s', (_, ratio, decimals, expected) => {
    expect(formatPercent(ratio, decimals)).toBe(expected);
  });
});

const changeCases: [string, Change, ChangeOptions, string, ChangeDirection][] = [
  // Relative change (percent) from summary.json's yoy.
  ['says 增长 with one decimal', { kind: 'percent', yoy: 0.12429268292682927, previous: 512.5 }, {}, '增长 12.4%', 'up'],
  ['says 下降 with the fixed decimal', { kind: 'percent', yoy: -0.03, previous: 10 }, {}, '下降 3.0%', 'down'],
  ['says 持平 for no change', { kind: 'percent', yoy: 0, previous: 10 }, {}, '持平', 'flat'],
  ['says 持平 when the change rounds to 0.0%', { kind: 'percent', yoy: 0.0004, previous: 10 }, {}, '持平', 'flat'],
  ['says 持平 when a fall rounds to 0.0%', { kind: 'percent', yoy: -0.00049, previous: 10 }, {}, '持平', 'flat'],
  ['says 增长 0.1% once the change rounds to it', { kind: 'percent', yoy: 0.0005, previous: 10 }, {}, '增长 0.1%', 'up'],
  ['groups a large change', { kind: 'percent', yoy: 12.5, previous: 2 }, {}, '增长 1,250.0%', 'up'],
  ['says 下降 100.0% for a fall to zero', { kind: 'percent', yoy: -1, previous: 3 }, {}, '下降 100.0%', 'down'],
  ['leads with 比上年 on cards', { kind: 'percent', yoy: 0.124, previous: 1 }, { lead: true }, '比上年增长 12.4%', 'up'],
  ['leads 持平 with 与上年', { kind: 'percent', yoy: 0, previous: 1 }, { lead: true }, '与上年持平', 'flat'],
  ['writes 公文 style without spaces', { kind: 'percent', yoy: 0.076, previous: 1 }, { lead: true, space: false }, '比上年增长7.6%', 'up'],
  ['writes a table cell without spaces', { kind: 'percent', yoy: -0.03, previous: 1 }, { space: false }, '下降3.0%', 'down'],
  ['shows two decimals on request', { kind: 'percent', yoy: 0.12429, previous: 1 }, { decimals: 2 }, '增长 12.43%', 'up'],
  ['says 无上年数据 without a previous year', { kind: 'percent', yoy: null, previous: undefined }, {}, '无上年数据', 'none'],
  ['says 上年为零 when last year was zero', { kind: 'percent', yoy: null, previous: 0 }, {}, '上年为零', 'none'],
  ['says 上年为零 even with lead', { kind: 'percent', yoy: null, previous: 0 }, { lead: true }, '上年为零', 'none'],
  ['says 无上年数据 for a null previous value', { kind: 'percent', yoy: null, previous: null }, {}, '无上年数据', 'none'],
  ['says 无上年数据 for a NaN yoy', { kind: 'percent', yoy: Number.NaN, previous: 5 }, {}, '无上年数据', 'none'],
  // Difference of two rates (百分点).
  ['says 提高 in 百分点', { kind: 'points', rate: 0.95, previous: 0.92 }, {}, '提高 3.0 个百分点', 'up'],
  ['says 下降 in 百分点', { kind: 'points', rate: 0.9, previous: 0.95 }, {}, '下降 5.0 个百分点', 'down'],
  ['says 持平 when rates round to the same tenth of a point', { kind: 'points', rate: 0.9501, previous: 0.95 }, {}, '持平', 'flat'],
  ['leads 百分点 with 比上年', { kind: 'points', rate: 0.965, previous: 0.953 }, { lead: true }, '比上年提高 1.2 个百分点', 'up'],
  ['writes 百分点 in 公文 style', { kind: 'points', rate: 0.965, previous: 0.953 }, { lead: true, space: false }, '比上年提高1.2个百分点', 'up'],
  ['leads equal rates with 与上年', { kind: 'points', rate: 1, previous: 1 }, { lead: true }, '与上年持平', 'flat'],
  ['compares a rate with a zero rate', { kind: 'points', rate: 0.5, previous: 0 }, {}, '提高 50.0 个百分点', 'up'],
  ['says 无上年数据 without last year\'s rate', { kind: 'points', rate: 0.9, previous: null }, {}, '无上年数据', 'none'],
  ['says 无上年数据 without this year\'s rate', { kind: 'points', rate: null, previous: 0.9 }, {}, '无上年数据', 'none'],
  // Difference of small counts.
  ['says 多 for one more item', { kind: 'count', value: 5, previous: 4 }, { unit: '项' }, '多 1 项', 'up'],
  ['writes 比上年多1项 in running text', { kind: 'count', value: 5, previous: 4 }, { unit: '项', lead: true, space: false }, '比上年多1项', 'up'],
  ['says 少 for fewer items', { kind: 'count', value: 2, previous: 5 }, { unit: '项' }, '少 3 项', 'down'],
  ['says 持平 for the same count', { kind: 'count', value: 4, previous: 4 }, { unit: '项' }, '持平', 'flat'],
  ['leads an equal count with 与上年', { kind: 'count', value: 4, previous: 4 }, { unit: '项', lead: true }, '与上年持平', 'flat'],
  ['compares a count with zero last year', { kind: 'count', value: 3, previous: 0 }, { unit: '项' }, '多 3 项', 'up'],
  ['says 无上年数据 without last year\'s count', { kind: 'count', value: 5, previous: undefined }, { unit: '项' }, '无上年数据', 'none'],
  ['writes a count difference without a unit', { kind: 'count', value: 7, previous: 5 }, {}, '多 2', 'up'],
  ['writes a decimal difference without float residue', { kind: 'count', value: 2.3, previous: 2.1 }, { unit: '次' }, '多 0.2 次', 'up'],
];

describe('formatChange', () => {
  it.each(changeCases)('%s', (_, change, options, text, direction) => {
    expect(formatChange(change, options)).toEqual({ direction, text });
  });
});

const amountCases: [string, number, ChangeKind, string][] = [
  ['words a table cell already in percent', 12.4, 'percent', '增长 12.4%'],
  ['words a falling table cell with its decimal', -3, 'percent', '下降 3.0%'],
  ['words a zero cell as 持平', 0, 'percent', '持平'],
  ['words a 百分点 cell', 2.5, 'points', '提高 2.5 个百分点'],
  ['words a falling 百分点 cell', -1, 'points', '下降 1.0 个百分点'],
  ['words a non-finite amount as 无上年数据', Number.POSITIVE_INFINITY, 'percent', '无上年数据'],
];

describe('formatChangeAmount', () => {
  it.each(amountCases)('%s', (_, amount, kind, expected) => {
    expect(formatChangeAmount(amount, kind).text).toBe(expected);
  });
});

const kindCases: [string, ChangeKind, number | null | undefined, number | null | undefined, ChangeKind][] = [
  ['compares small whole numbers as a count (honours 4 → 5)', 'percent', 5, 4, 'count'],
  ['compares 19 → 19 as a count', 'percent', 19, 19, 'count'],
  ['keeps percent from 20 up', 'percent', 20, 19, 'percent'],
  ['keeps percent when one side is large', 'percent', 25, 4, 'percent'],
  ['keeps percent for decimals', 'percent', 4.5, 4, 'percent'],
  ['keeps percent when last year is missing', 'percent', 5, undefined, 'percent'],
  ['never turns 百分点 into a count', 'points', 5, 4, 'points'],
];

describe('changeKindFor', () => {
  it.each(kindCases)('%s', (_, kind, value, previous, expected) => {
    expect(changeKindFor(kind, value, previous)).toBe(expected);
  });
});

describe('missingChangeReason', () => {
  it('says 上年为零 for a zero previous value and 无上年数据 otherwise', () => {
    expect([0, undefined, null, 5].map(missingChangeReason)).toEqual(['上年为零', '无上年数据', '无上年数据', '无上年数据']);
  });
});

const signedCases: [string, number, number | undefined, string][] = [
  ['signs a rise with +', 12.43, undefined, '+12.4'],
  ['signs a fall with -', -3, undefined, '-3.0'],
  ['writes ±0.0 when the change rounds to zero', -0.04, undefined, '±0.0'],
  ['groups thousands', 1234.5, 1, '+1,234.5'],
  ['keeps the requested decimals', 5, 2, '+5.00'],
  ['gives — for NaN', Number.NaN, undefined, '—'],
];

describe('formatSigned', () => {
  it.each(signedCases)('%s', (_, value, decimals, expected) => {
    expect(formatSigned(value, decimals)).toBe(expected);
  });
});
