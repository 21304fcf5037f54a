import { describe, it, expect } from 'vitest';
import { buildKpis, cardChange, compactFigure, sparklinePoints, sparklineMarker } from '../../../src/lib/site/kpi.ts';
import type { SiteData } from '../../../src/lib/site/site-data.ts';

describe('cardChange', () => {
  it('says 比上年增长 or 比上年下降 with one decimal', () => {
    expect(cardChange({ kind: 'percent', yoy: 0.12429, previous: 100 })).toEqual({ direction: 'up', text: '比上年增长 12.4%' });
    expect(cardChange({ kind: 'percent', yoy: -0.03, previous: 100 })).toEqual({ direction: 'down', text: '比上年下降 3.0%' });
  });
  it('says 与上年持平 when the change rounds to zero', () => {
    expect(cardChange({ kind: 'percent', yoy: 0.0004, previous: 100 })).toEqual({ direction: 'flat', text: '与上年持平' });
  });
  it('says — 无上年数据 or — 上年为零 for a null yoy', () => {
    expect(cardChange({ kind: 'percent', yoy: null, previous: undefined })).toEqual({ direction: 'none', text: '— 无上年数据' });
    expect(cardChange({ kind: 'percent', yoy: null, previous: 0 })).toEqual({ direction: 'none', text: '— 上年为零' });
  });
  it('gives the change of a rate in 百分点', () => {
    expect(cardChange({ kind: 'points', rate: 0.965, previous: 0.953 })).toEqual({ direction: 'up', text: '比上年提高 1.2 个百分点' });
    expect(cardChange({ kind: 'points', rate: 0.9, previous: 0.95 })).toEqual({ direction: 'down', text: '比上年下降 5.0 个百分点' });
    expect(cardChange({ kind: 'points', rate: 1, previous: 1 })).toEqual({ direction: 'flat', text: '与上年持平' });
    expect(cardChange({ kind: 'points', rate: 0.9, previous: null })).toEqual({ direction: 'none', text: '— 无上年数据' });
  });
  it('gives a small count as a difference with its unit', () => {
    expect(cardChange({ kind: 'count', value: 5, previous: 4 }, { unit: '项' })).toEqual({ direction: 'up', text: '比上年多 1 项' });
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

describe('buildKpis', () => {
  const series = (label: string, unit: string, byYear: Record<string, number>, yoy: Record<string, number | null>) => ({ label, unit, byYear, yoy });
  const data: SiteData = {
    summary: {
      schemaVersion: 1,
      generatedAt: '2026-11-29T06:00:00.000Z',
      years: [2023, 2024, 2025],
      latestYear: 2025,
      metrics: {
        'funding.total': series('经费投入', '万元', { '2024': 512.5, '2025': 576.2 }, { '2024': null, '2025': 0.12429268292682927 }),
        'militia.cases': series('查处案件', '起', {}, {}),
        'militia.persons': series('抓获涉案人员', '人', {}, {}),
        'training.sessions': series('培训教育场次', '场次', {}, {}),
        'training.participants': series('培训教育参加人次', '人次', { '2025': 12345 }, { '2025': null }),
        'school.requested': series('驻军子女入学申请人数', '名', { '2024': 100, '2025': 120 }, { '2024': null, '2025': 0.2 }),
        'school.placed': series('驻军子女入学安排人数', '名', { '2024': 95, '2025': 117 }, { '2024': null, '2025': 117 / 95 - 1 }),
        'honors.count': series('获得荣誉', '项', { '2023': 4, '2025': 5 }, { '2023': null, '2025': null }),
      },
      honors: { streak: { title: '双拥模范城', years: 0, through: null } },
    },
    details: { schemaVersion: 1, generatedAt: '2026-11-29T06:00:00.000Z', files: [], breakdowns: {}, honors: [], indicators: [] },
  };

  it('builds the catalog cards in order, each linking to its page', () => {
    expect(buildKpis(data, 2025).map((c) => [c.id, c.label, c.href])).toEqual([
      ['fundingTotal', '经费投入', '/funding/'],
      ['militiaCases', '查处案件', '/militia/'],
      ['militiaPersons', '抓获涉案人员', '/militia/'],
      ['trainingSessions', '培训教育场次', '/training/'],
      ['trainingParticipants', '培训教育参加人次', '/training/'],
      ['schoolPlaced', '驻军子女入学安排人数', '/school/'],
      ['schoolPlacement', '驻军子女入学安排率', '/school/'],
      ['honorsCount', '获得荣誉', '/honors/'],
    ]);
  });

  it('words each card as its catalog entry says: percent, 百分点, a count difference, or no value this year', () => {
    const byId = new Map(buildKpis(data, 2025).map((c) => [c.id, c]));
    expect(byId.get('fundingTotal')).toMatchObject({ value: 576.2, frac: 2, change: { direction: 'up', text: '比上年增长 12.4%' } });
    expect(byId.get('militiaCases')).toMatchObject({ value: null, change: { direction: 'none', text: '— 本年无数据' }, sentence: '2025年暂无查处案件数据。' });
    expect(byId.get('schoolPlacement')).toMatchObject({ value: 97.5, frac: 1, change: { direction: 'up', text: '比上年提高 2.5 个百分点' } });
    expect(byId.get('schoolPlacement')?.sentence).toBe('2025年驻军子女入学安排率为97.5%，比上年提高2.5个百分点。');
    // A year without honours had none: 2024 is 0, so 2025 reads one more… than 0.
    expect(byId.get('honorsCount')).toMatchObject({ value: 5, change: { direction: 'up', text: '比上年多 5 项' }, trend: [4, 0, 5] });
    expect(byId.get('honorsCount')?.sentence).toBe('2025年获得荣誉5项，比上年多5项，为2023年以来最高。');
  });

  it('shows 0 honours for a year without any, with its own sentence', () => {
    const honors = buildKpis(data, 2024).find((c) => c.id === 'honorsCount');
    expect(honors).toMatchObject({ value: 0, change: { direction: 'down', text: '比上年少 4 项' }, sentence: '2024年未获得荣誉。' });
  });
});
