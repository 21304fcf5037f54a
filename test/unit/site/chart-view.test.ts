import { describe, expect, test } from 'vitest';
import { chartImageName, chartPanels } from '../../../src/lib/site/chart-view.ts';
import type { ChartSpec } from '../../../src/lib/site/tables/index.ts';

const spec = (over: Partial<ChartSpec>): ChartSpec => ({ type: 'bar', labels: ['2024年', '2025年'], series: [], axisTitle: '万元', frac: 2, ...over });

describe('chartPanels', () => {
  test('one unit gives one panel, without heading, with the unit line and no legend for a single series', () => {
    const panels = chartPanels(spec({ series: [{ name: '经费投入', color: 1, values: [1, 2] }] }));
    expect(panels.map((p) => [p.heading, p.unitLine, p.legend])).toEqual([[null, '单位：万元', []]]);
    expect(panels[0]?.spec.series).toHaveLength(1);
  });

  test('two series in one unit share a panel with a legend in series order', () => {
    const panels = chartPanels(
      spec({
        axisTitle: '名',
        series: [
          { name: '申请人数', color: 6, values: [1, 2] },
          { name: '安排人数', color: 7, values: [1, 2] },
        ],
      }),
    );
    expect(panels).toHaveLength(1);
    expect(panels[0]?.legend).toEqual([
      { name: '申请人数', slot: 6 },
      { name: '安排人数', slot: 7 },
    ]);
  });

  test('series in different units are split into one panel per unit, each headed by its measure', () => {
    const panels = chartPanels(
      spec({
        axisTitle: '起',
        frac: 0,
        series: [
          { name: '查处案件', color: 2, unit: '起', values: [1, 2] },
          { name: '抓获涉案人员', color: 3, unit: '人', values: [3, 4] },
        ],
      }),
    );
    expect(panels.map((p) => [p.heading, p.unitLine, p.spec.axisTitle, p.spec.series.map((s) => s.name), p.legend])).toEqual([
      ['查处案件', '单位：起', '起', ['查处案件'], []],
      ['抓获涉案人员', '单位：人', '人', ['抓获涉案人员'], []],
    ]);
    expect(panels[1]?.spec.labels).toEqual(['2024年', '2025年']);
  });

  test('a chart without a unit has no unit line', () => {
    expect(chartPanels(spec({ axisTitle: '', series: [{ name: 'x', color: 1, values: [1] }] }))[0]?.unitLine).toBe('');
  });
});

describe('chartImageName', () => {
  test('a title naming its year is the file name', () => {
    expect(chartImageName('2025年经费投入各类别金额及占比', ['民兵整组'])).toBe('2025年经费投入各类别金额及占比.png');
  });

  test('a title over several years gets the years its bars cover', () => {
    expect(chartImageName('历年经费投入', ['2018年', '2019年', '2025年'])).toBe('历年经费投入（2018—2025年）.png');
    expect(chartImageName('历年经费投入', ['2025年'])).toBe('历年经费投入（2025年）.png');
  });

  test('drops characters Windows forbids and white space', () => {
    expect(chartImageName('A/B: "甲" 乙?', ['1月'])).toBe('AB甲乙.png');
  });
});
