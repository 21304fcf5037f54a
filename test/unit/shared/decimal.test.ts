import { describe, expect, it } from 'vitest';
import { addDecimal, relativeChange, toNumber, ZERO, type Decimal } from '../../../src/lib/shared/decimal.ts';
import { readDecimal } from '../../../src/lib/data/read/values.ts';

const d = (s: string): Decimal => {
  const v = readDecimal(s);
  if (!('value' in v)) throw new Error(s);
  return v.value;
};

describe('decimal', () => {
  it('sums 0.1 and 0.2 to exactly 0.3', () => {
    expect(toNumber(addDecimal(d('0.1'), d('0.2')))).toBe(0.3);
  });

  it('sums a thousand 0.01 amounts to exactly 10', () => {
    let s = ZERO;
    for (let i = 0; i < 1000; i++) s = addDecimal(s, d('0.01'));
    expect(toNumber(s)).toBe(10);
  });

  it('adds values of different precision at the larger scale', () => {
    expect(toNumber(addDecimal(d('512.5'), d('63.75')))).toBe(576.25);
  });

  it('computes the change of the contract example from exact values', () => {
    expect(relativeChange(d('576.2'), d('512.5'))).toBe(0.12429268292682927);
  });

  it('returns null for a change against zero', () => {
    expect(relativeChange(d('5'), d('0'))).toBeNull();
  });
});

describe('numbers read back as decimals', () => {
  it('sums JSON numbers exactly as written', async () => {
    const { sumNumbers, fromNumber } = await import('../../../src/lib/shared/decimal.ts');
    expect(sumNumbers([100.1, 0.2, 0.1])).toBe(100.4);
    expect(sumNumbers([])).toBe(0);
    expect(fromNumber(576.25)).toEqual({ m: 57625n, s: 2 });
  });
});
