import { describe, it, expect } from 'vitest';
import { formatCell, isNumericColumn } from '../../../src/lib/site/table-cells.ts';

describe('formatCell', () => {
  it('writes numbers with thousands separators and the column decimals', () => {
    expect(formatCell(12345.678, { label: 'x', kind: 'number', frac: 2 })).toBe('12,345.68');
    expect(formatCell(12, { label: 'x', kind: 'number' })).toBe('12');
    expect(formatCell(270.3, { label: 'x', kind: 'number', frac: 2, fixed: true })).toBe('270.30');
  });
  it('writes percent cells with one decimal and a % sign', () => {
    expect(formatCell(96.5, { label: 'x', kind: 'percent' })).toBe('96.5%');
    expect(formatCell(100, { label: 'x', kind: 'percent' })).toBe('100.0%');
  });
  it('writes change cells in bulletin words', () => {
    const c = { label: 'x', kind: 'change' as const };
    expect(formatCell(12.4, c)).toBe('增长 12.4%');
    expect(formatCell(-3, c)).toBe('下降 3.0%');
    expect(formatCell(0, c)).toBe('持平');
    expect(formatCell('无上年数据', c)).toBe('— 无上年数据');
    expect(formatCell('上年为零', c)).toBe('— 上年为零');
  });
  it('writes points cells in 百分点', () => {
    const c = { label: 'x', kind: 'points' as const };
    expect(formatCell(2.5, c)).toBe('提高 2.5 个百分点');
    expect(formatCell(-1, c)).toBe('下降 1.0 个百分点');
    expect(formatCell(0, c)).toBe('持平');
  });
  it('writes — for null and for non-finite numbers, never NaN', () => {
    expect(formatCell(null, { label: 'x', kind: 'number' })).toBe('—');
    expect(formatCell(Number.NaN, { label: 'x', kind: 'number' })).toBe('—');
  });
  it('keeps text cells as they are', () => {
    expect(formatCell('东城街道', { label: 'x', kind: 'text' })).toBe('东城街道');
    expect(isNumericColumn({ label: 'x', kind: 'text' })).toBe(false);
    expect(isNumericColumn({ label: 'x', kind: 'change' })).toBe(true);
  });
});
