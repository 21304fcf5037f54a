import { describe, it, expect } from 'vitest';
import { editDistance } from '../../../src/lib/shared/edit-distance.ts';

const cases: [string, string, string, number][] = [
  ['two empty strings', '', '', 0],
  ['an insertion into an empty string', '', '东城街道', 4],
  ['equal names', '东城街道', '东城街道', 0],
  ['one substituted character', '东城街道', '东成街道', 1],
  ['one missing character', '东城街道', '东城街', 1],
  ['one added character', '科技拥军', '科技拥军单位', 2],
  ['two swapped characters (two substitutions)', '民兵整组', '民整兵组', 2],
  ['an astral character as one edit', '𠀀a', 'a', 1],
  ['ASCII words', 'kitten', 'sitting', 3],
];

describe('editDistance', () => {
  it.each(cases)('counts %s', (_, a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});
