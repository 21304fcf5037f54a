import { describe, it, expect } from 'vitest';
import { METRICS, BREAKDOWNS, RATES, PAGES, DIMENSIONS } from '../../../src/lib/shared/metrics.ts';
import { fixedMetrics, pageMetrics, metricDef, breakdownDef, figureHref, partWholePairs, freeTextDimensionIds, countChangeMetricIds, indicatorMetricId, indicatorName, fundingCategoryMetric, yearMetricDataset, datasetYears } from '../../../src/lib/shared/metric-def.ts';
import { buildTables } from '../../../src/lib/site/tables/index.ts';
import type { SiteData } from '../../../src/lib/site/site-data.ts';

const emptySite: SiteData = {
  summary: { schemaVersion: 1, generatedAt: '2026-11-29T06:00:00.000Z', years: [], latestYear: null, metrics: {}, honors: { streak: { title: '双拥模范城', years: 0, through: null } } },
  details: { schemaVersion: 1, generatedAt: '2026-11-29T06:00:00.000Z', files: [], breakdowns: {}, honors: [], indicators: [] },
};

describe('the metric catalog', () => {
  it('lists the fixed metrics of contract §3 in catalog order with their labels and units', () => {
    expect(fixedMetrics().map((m) => [m.id, m.label, m.unit])).toEqual([
      ['funding.total', '经费投入', '万元'],
      ['militia.cases', '查处案件', '起'],
      ['militia.persons', '抓获涉案人员', '人'],
      ['training.sessions', '培训教育场次', '场次'],
      ['training.participants', '培训教育参加人次', '人次'],
      ['school.requested', '驻军子女入学申请人数', '名'],
      ['school.placed', '驻军子女入学安排人数', '名'],
      ['honors.count', '获得荣誉', '项'],
    ]);
  });

  it('gives every metric and breakdown a distinct id', () => {
    const ids = [...Object.values(METRICS), ...Object.values(BREAKDOWNS)].map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('points every metric, breakdown and rate at a registered figure of its page (honours at the timeline)', () => {
    const tableIds = new Set(buildTables(emptySite, { source: 'x' }).map((t) => t.id));
    const entries = [...Object.values(METRICS), ...Object.values(BREAKDOWNS), ...Object.values(RATES)];
    for (const e of entries) {
      if (e.page === 'honors') expect(e.anchor).toBe('timeline');
      else expect(tableIds, `${e.page}#${e.anchor}`).toContain(e.anchor);
    }
  });

  it('shows money with 2 fixed decimals, counts with none and the rate with one', () => {
    expect(fixedMetrics().map((m) => `${m.id}:${m.decimals}${m.fixed ? 'f' : ''}`)).toEqual([
      'funding.total:2f',
      'militia.cases:0',
      'militia.persons:0',
      'training.sessions:0',
      'training.participants:0',
      'school.requested:0',
      'school.placed:0',
      'honors.count:0',
    ]);
    expect(BREAKDOWNS.fundingCategory.decimals).toBe(2);
    expect(RATES.schoolPlacement.decimals).toBe(1);
  });

  it('words changes in percent, the rate in 百分点 and honours as a count', () => {
    expect(fixedMetrics().filter((m) => m.change !== 'percent').map((m) => [m.id, m.change])).toEqual([['honors.count', 'count']]);
    expect(RATES.schoolPlacement.change).toBe('points');
    expect(countChangeMetricIds()).toEqual(['honors.count']);
  });

  it('orders the overview cards 经费, 案件, 人员, 场次, 人次, 安排人数, 安排率, 荣誉', () => {
    const cards = [...Object.values(METRICS), ...Object.values(RATES)]
      .filter((d): d is typeof d & { card: number } => 'card' in d && typeof d.card === 'number')
      .sort((a, b) => a.card - b.card)
      .map((d) => d.label);
    expect(cards).toEqual(['经费投入', '查处案件', '抓获涉案人员', '培训教育场次', '培训教育参加人次', '驻军子女入学安排人数', '驻军子女入学安排率', '获得荣誉']);
  });

  it('gives each page its metrics and each metric of a page a different colour slot', () => {
    expect(pageMetrics('militia').map((m) => m.id)).toEqual(['militia.cases', 'militia.persons']);
    expect(pageMetrics('indicators')).toEqual([]);
    for (const page of Object.keys(PAGES) as (keyof typeof PAGES)[]) {
      const slots = [...pageMetrics(page).map((m) => m.color), ...Object.values(RATES).filter((r) => r.page === page).map((r) => r.color)];
      expect(new Set(slots).size, page).toBe(slots.length);
    }
  });

  it('derives the part–whole pairs the change report checks', () => {
    expect(partWholePairs()).toEqual([
      { part: 'school.placed', whole: 'school.requested' },
      { part: 'school.stage.placed', whole: 'school.stage.requested' },
      { part: 'indicator:涉军案件胜诉', whole: 'indicator:代理涉军案件' },
    ]);
  });

  it('names the dimensions whose keys an admin types, once per dimension', () => {
    expect(freeTextDimensionIds()).toEqual(['funding.category', 'militia.subdistrict', 'militia.case_type', 'training.kind']);
    expect(DIMENSIONS.schoolStage.freeText).toBe(false);
  });

  it('links a figure to its page and figure, a breakdown key or category to the breakdown, an indicator to its page', () => {
    expect(
      ['funding.total', 'funding.category', 'funding.category:其他', 'training.kind.participants:国防教育', 'school.placed', 'honors.count', 'indicator:走访调研驻军次数', 'nope', 'nope:x'].map(figureHref),
    ).toEqual([
      '/funding/#funding-total',
      '/funding/#funding-category',
      '/funding/#funding-category',
      '/training/#training-kind-participants',
      '/school/#school-total',
      '/honors/#timeline',
      '/indicators/',
      null,
      null,
    ]);
  });

  it('spells indicator and category ids as the contract does', () => {
    expect(indicatorMetricId('走访调研驻军次数')).toBe('indicator:走访调研驻军次数');
    expect(indicatorName('indicator:走访调研驻军次数')).toBe('走访调研驻军次数');
    expect(indicatorName('funding.total')).toBe(null);
    expect(fundingCategoryMetric('科技拥军')).toEqual({ id: 'funding.category:科技拥军', label: '经费投入（科技拥军）' });
  });

  it('finds entries by id and gives null for dynamic or unknown ids', () => {
    expect(metricDef('funding.total')?.label).toBe('经费投入');
    expect(metricDef('funding.category:其他')).toBe(null);
    expect(breakdownDef('school.stage.placed')?.partOf).toBe('schoolStageRequested');
    expect(breakdownDef('nope')).toBe(null);
  });
});

describe('years per dataset (the about page and the publish manifest)', () => {
  it('a fixed metric counts for its family, every indicator for indicators.csv, a funding category for none', () => {
    expect(yearMetricDataset(METRICS.fundingTotal.id)).toBe('funding');
    expect(yearMetricDataset(METRICS.schoolPlaced.id)).toBe('school_placements');
    expect(yearMetricDataset(indicatorMetricId('走访调研驻军次数'))).toBe('indicators');
    expect(yearMetricDataset(fundingCategoryMetric('优抚').id)).toBeNull();
    expect(yearMetricDataset('no.such')).toBeNull();
  });

  it('datasetYears: the union of those metrics’ years, ascending; a category’s own years add nothing', () => {
    const m = (byYear: Record<string, number>) => ({ label: '', unit: '', byYear, yoy: {} });
    const summary = {
      metrics: {
        [METRICS.militiaCases.id]: m({ '2024': 3, '2022': 1 }),
        [METRICS.militiaPersons.id]: m({ '2023': 2 }),
        [fundingCategoryMetric('优抚').id]: m({ '2019': 1 }),
        [METRICS.fundingTotal.id]: m({ '2021': 5 }),
        [indicatorMetricId('甲')]: m({ '2020': 1 }),
        [indicatorMetricId('乙')]: m({ '2018': 1 }),
      },
    } as unknown as Parameters<typeof datasetYears>[0];
    expect(datasetYears(summary, 'militia_cases')).toEqual([2022, 2023, 2024]);
    expect(datasetYears(summary, 'funding')).toEqual([2021]);
    expect(datasetYears(summary, 'indicators')).toEqual([2018, 2020]);
    expect(datasetYears(summary, 'honors')).toEqual([]);
  });
});
