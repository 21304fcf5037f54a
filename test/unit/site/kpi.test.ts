import { describe, it, expect } from 'vitest';
import { changeText, pointChangeText, compactFigure, sparklinePoints, sparklineMarker } from '../../../src/lib/site/kpi.ts';

describe('changeText', () => {
  it('says 比上年增长 or 比上年下降 with one decimal', () => {
    expect(changeText(0.12429, 100)).toEqual({ direction: 'up', text: '比上年增长 12.4%' });
    expect(changeText(-0.03, 100)).toEqual({ direction: 'down', text: '比上年下降 3.0%' });
  });
  it('says 与上年持平 when the change rounds to zero', () => {
    expect(changeText(0.0004, 100)).toEqual({ direction: 'flat', text: '与上年持平' });
  });
  it('says — 无上年数据 or — 上年为零 for a null yoy', () => {
    expect(changeText(null, undefined)).toEqual({ direction: 'none', text: '— 无上年数据' });
    expect(changeText(null, 0)).toEqual({ direction: 'none', text: '— 上年为零' });
  });
});

describe('pointChangeText', () => {
  it('gives the change of a rate in 百分点', () => {
    expect(pointChangeText(0.965, 0.953)).toEqual({ direction: 'up', text: '比上年提高 1.2 个百分点' });
    expect(pointChangeText(0.9, 0.95)).toEqual({ direction: 'down', text: '比上年下降 5.0 个百分点' });
    expect(pointChangeText(1, 1)).toEqual({ direction: 'flat', text: '与上年持平' });
    expect(pointChangeText(0.9, null)).toEqual({ direction: 'none', text: '— 无上年数据' });
  });
});

describe('compactFigure', () => {
  it('keeps figures under 10,000 exact', () => {
    expect(compactFigure(576.2, '万元')).toEqual({ figure: '576.2', unit: '万元', exact: null });
  });
  it('abbreviates 10,000 and more to 万 and keeps the exact figure', () => {
    expect(compactFigure(12345, '人次')).toEqual({ figure: '1.23万', unit: '人次', exact: '12,345 人次' });
  });
  it('turns 10,000 万元 and more into 亿元', () => {
    expect(compactFigure(12345.6, '万元')).toEqual({ figure: '1.23', unit: '亿元', exact: '12,345.6 万元' });
  });
  it('gives — for a missing value', () => {
    expect(compactFigure(null, '起')).toEqual({ figure: '—', unit: '起', exact: null });
  });
});

describe('sparklinePoints', () => {
  it('spreads the values across the box, highest at the top', () => {
    expect(sparklinePoints([0, 10], 100, 20, 0)).toBe('0,20 100,0');
  });
  it('skips missing years and draws a flat series in the middle', () => {
    expect(sparklinePoints([5, null, 5], 100, 20, 0)).toBe('0,10 100,10');
  });
  it('gives an empty string for fewer than two values', () => {
    expect(sparklinePoints([5])).toBe('');
    expect(sparklinePoints([5, null])).toBe('');
  });
});

describe('sparklineMarker', () => {
  it('marks the point of the year shown, not always the last', () => {
    expect(sparklineMarker([0, 10, 5], 0, 100, 20, 0)).toEqual({ x: 0, y: 20 });
    expect(sparklineMarker([0, 10, 5], 1, 100, 20, 0)).toEqual({ x: 50, y: 0 });
  });
  it('gives null for a year without a value', () => {
    expect(sparklineMarker([0, null, 5], 1, 100, 20, 0)).toBe(null);
  });
});
