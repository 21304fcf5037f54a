/**
 * The resident ID check character (GB 11643, ISO 7064 MOD 11-2), tested through personal-data.ts's export:
 * published examples worked by hand, and the properties the check character exists for.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPersonalData, isResidentId } from '../../../src/lib/data/personal-data.ts';

const CHECK_CHARACTERS = [...'0123456789X'];

describe('isResidentId', () => {
  it('accepts 11010519491231002X, worked by hand: weighted sum 167, 167 mod 11 = 2, which maps to X', () => {
    // digits    1  1  0  1  0  5  1  9  4  9  1  2  3  1  0  0  2
    // weights   7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
    // products  7  9  0  5  0 20  2  9 24 27  7 18 30  5  0  0  4  → 167; 167 mod 11 = 2 → '10X98765432'[2] = X
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(isResidentId('11010519491231002x')).toBe(true);
    for (const c of CHECK_CHARACTERS.filter((c) => c !== 'X')) expect(isResidentId(`11010519491231002${c}`), c).toBe(false);
  });

  it('accepts 440524188001010014, the standard’s own example, worked by hand: weighted sum 195, 195 mod 11 = 8, which maps to 4', () => {
    // digits    4  4  0  5  2  4  1  8  8  0  0  1  0  1  0  0  1
    // weights   7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
    // products 28 36  0 25 16 16  2  8 48  0  0  9  0  5  0  0  2  → 195; 195 mod 11 = 8 → '10X98765432'[8] = 4
    expect(isResidentId('440524188001010014')).toBe(true);
    expect(isResidentId('440524188001010015')).toBe(false);
  });

  it('accepts exactly one of the eleven check characters after any 17 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (body) => {
        expect(CHECK_CHARACTERS.filter((c) => isResidentId(`${body}${c}`))).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a valid number with any one digit changed, or two different neighbouring digits swapped', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), fc.nat(16), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const id = `${body}${CHECK_CHARACTERS.find((c) => isResidentId(`${body}${c}`))!}`;
        const changed = `${id.slice(0, at)}${(Number(id[at]) + delta) % 10}${id.slice(at + 1)}`;
        expect(isResidentId(changed)).toBe(false);
        if (at < 16 && id[at] !== id[at + 1]) expect(isResidentId(`${id.slice(0, at)}${id[at + 1]}${id[at]}${id.slice(at + 2)}`)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses anything but 18 characters', () => {
    expect(isResidentId('11010519491231002')).toBe(false);
    expect(isResidentId('11010519491231002X0')).toBe(false);
    expect(isResidentId('')).toBe(false);
  });

  it('decides whether an 18-digit number in public text is taken for personal data', () => {
    expect(findPersonalData('张三11010519491231002X')?.code).toBe('pii_id');
    expect(findPersonalData('项目编号110105194912310021')).toBeNull();
  });
});
