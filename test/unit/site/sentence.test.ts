import { describe, it, expect } from 'vitest';
import {
  describeSeries,
  describePair,
  describeRate,
  describeTop,
  describePeakMonth,
  describeChangeCounts,
  describeStreak,
  describeChange,
  formatYearRange,
} from '../../../src/lib/site/sentence.ts';

const funding = {
  label: '经费投入',
  unit: '万元',
  byYear: { '2018': 400, '2019': 450.5, '2020': 512.66, '2021': 576.2 },
  yoy: { '2018': null, '2019': 0.12625, '2020': 0.1379800221975583, '2021': 0.12394 },
};

describe('describeSeries', () => {
  it('says the value, the rise and that it is the highest since the first year', () => {
    expect(describeSeries({ ...funding, year: 2021 })).toBe('2021年经费投入576.2万元，比上年增长12.4%，为2018年以来最高。');
  });

  it('says 最低 when the year is the strict lowest of at least three years', () => {
    const s = { label: '查处案件', unit: '起', byYear: { '2021': 30, '2022': 40, '2023': 25 }, yoy: { '2021': null, '2022': 1 / 3, '2023': -0.375 } };
    expect(describeSeries({ ...s, year: 2023 })).toBe('2023年查处案件25起，比上年下降37.5%，为2021年以来最低。');
  });

  it('says 与上年持平 when the change rounds to 0.0%', () => {
    const s = { label: '查处案件', unit: '起', byYear: { '2022': 10000, '2023': 10004 }, yoy: { '2022': null, '2023': 0.0004 } };
    expect(describeSeries({ ...s, year: 2023 })).toBe('2023年查处案件10,004起，与上年持平。');
  });

  it('says 无上年数据 when the previous year has no data', () => {
    const s = { label: '参加人次', unit: '人次', byYear: { '2021': 100, '2023': 120 }, yoy: { '2021': null, '2023': null } };
    expect(describeSeries({ ...s, year: 2023 })).toBe('2023年参加人次120人次，无上年数据。');
  });

  it('says 上年为零 when the previous year is zero and this year is not a small count', () => {
    const s = { label: '查处案件', unit: '起', byYear: { '2022': 0, '2023': 25 }, yoy: { '2022': null, '2023': null } };
    expect(describeSeries({ ...s, year: 2023 })).toBe('2023年查处案件25起，上年为零。');
  });

  it('gives the difference of small whole counts instead of a percentage', () => {
    const s = { label: '获得荣誉', unit: '项', byYear: { '2022': 0, '2023': 4, '2024': 5, '2025': 5 }, yoy: { '2022': null, '2023': null, '2024': 0.25, '2025': 0 } };
    expect(describeSeries({ ...s, year: 2023 })).toBe('2023年获得荣誉4项，比上年多4项。');
    expect(describeSeries({ ...s, year: 2024 })).toBe('2024年获得荣誉5项，比上年多1项，为2022年以来最高。');
    expect(describeSeries({ ...s, year: 2025 })).toBe('2025年获得荣誉5项，与上年持平。');
  });

  it('keeps a percentage for small decimals and for a metric the catalog words in percent above the small-count limit', () => {
    const s = { label: '经费投入', unit: '万元', byYear: { '2024': 4, '2025': 5.5 }, yoy: { '2024': null, '2025': 0.375 } };
    expect(describeSeries({ ...s, year: 2025 })).toBe('2025年经费投入5.5万元，比上年增长37.5%。');
    const t = { label: '查处案件', unit: '起', byYear: { '2024': 16, '2025': 20 }, yoy: { '2024': null, '2025': 0.25 } };
    expect(describeSeries({ ...t, year: 2025, change: 'percent' })).toBe('2025年查处案件20起，比上年增长25.0%。');
  });

  it('words a count-kind metric as a difference whatever its size', () => {
    const s = { label: '获得荣誉', unit: '项', byYear: { '2024': 30, '2025': 42 }, yoy: { '2024': null, '2025': 0.4 } };
    expect(describeSeries({ ...s, year: 2025, change: 'count' })).toBe('2025年获得荣誉42项，比上年多12项。');
  });

  it('says 仅有本年度数据 for a single-year series', () => {
    const s = { label: '经费投入', unit: '万元', byYear: { '2025': 12.5 }, yoy: { '2025': null } };
    expect(describeSeries({ ...s, year: 2025 })).toBe('2025年经费投入12.5万元（仅有本年度数据）。');
  });

  it('says 暂无…数据 when the year has no value', () => {
    expect(describeSeries({ label: '经费投入', unit: '万元', byYear: {}, yoy: {}, year: 2025 })).toBe('2025年暂无经费投入数据。');
  });

  it('does not call a middle year the highest', () => {
    expect(describeSeries({ ...funding, year: 2020 })).toBe('2020年经费投入512.66万元，比上年增长13.8%，为2018年以来最高。');
    const s = { label: 'x', unit: '个', byYear: { '2018': 5, '2019': 9, '2020': 7 }, yoy: { '2018': null, '2019': 0.8, '2020': -2 / 9 } };
    expect(describeSeries({ ...s, year: 2020 })).toBe('2020年x7个，比上年少2个。');
  });
});

describe('describePair', () => {
  it('joins two series of one year with a semicolon and drops the extremes', () => {
    const a = { label: '查处案件', unit: '起', byYear: { '2022': 40, '2023': 44 }, yoy: { '2022': null, '2023': 0.1 }, year: 2023 };
    const b = { label: '抓获涉案人员', unit: '人', byYear: { '2022': 50, '2023': 45 }, yoy: { '2022': null, '2023': -0.1 }, year: 2023 };
    expect(describePair(a, b)).toBe('2023年查处案件44起，比上年增长10.0%；抓获涉案人员45人，比上年下降10.0%。');
  });
});

describe('describeRate', () => {
  it('gives the change of a rate in 百分点', () => {
    expect(describeRate('安排率', 2025, 0.965, 0.953)).toBe('2025年安排率为96.5%，比上年提高1.2个百分点。');
    expect(describeRate('安排率', 2025, 0.9, 0.95)).toBe('2025年安排率为90.0%，比上年下降5.0个百分点。');
  });
  it('says 持平 when the rates are equal at the shown precision', () => {
    expect(describeRate('安排率', 2025, 1, 1)).toBe('2025年安排率为100.0%，与上年持平。');
  });
  it('says 无上年数据 without a previous rate and 暂无 without a rate', () => {
    expect(describeRate('安排率', 2025, 0.5, null)).toBe('2025年安排率为50.0%，无上年数据。');
    expect(describeRate('安排率', 2025, null, 0.5)).toBe('2025年暂无安排率数据。');
  });
});

describe('describeTop', () => {
  it('names the largest part, its value and its share', () => {
    expect(describeTop('经费投入', '万元', 2025, { 国防教育: 100, 拥军设施建设: 300.5, 民兵整组: 50 })).toBe(
      '2025年经费投入中，拥军设施建设最多，为300.5万元，占66.7%。',
    );
  });
  it('names tied parts together', () => {
    expect(describeTop('查处案件', '起', 2025, { 东城街道: 5, 西城街道: 5 })).toBe('2025年查处案件中，东城街道、西城街道并列最多，为5起，占50.0%。');
  });
  it('says 暂无 when there are no parts', () => {
    expect(describeTop('经费投入', '万元', 2025, {})).toBe('2025年暂无经费投入分项数据。');
  });
});

describe('describePeakMonth', () => {
  it('names the month with the most', () => {
    expect(describePeakMonth('查处案件', '起', 2025, { '1': 3, '3': 25, '12': 4 })).toBe('2025年查处案件最多的月份是3月，为25起。');
  });
  it('says 暂无 when every month is zero', () => {
    expect(describePeakMonth('查处案件', '起', 2025, { '1': 0 })).toBe('2025年暂无查处案件的月度数据。');
  });
});

describe('describeChangeCounts', () => {
  it('counts categories that rose, fell, stayed level or had no previous year', () => {
    expect(describeChangeCounts(2025, '类别', [0.1, 0.2, -0.05, 0, null])).toBe(
      '2025年5个类别中，2个比上年增长，1个下降，1个持平，1个无上年数据可比。',
    );
  });
});

describe('describeStreak and small helpers', () => {
  it('writes the streak headline, or says there is none', () => {
    expect(describeStreak('双拥模范城', 8)).toBe('连续8年获评双拥模范城');
    expect(describeStreak('双拥模范城', 0)).toBe('暂无获评双拥模范城的记录');
  });
  it('describes a change in bulletin words', () => {
    expect(describeChange({ '2024': 10, '2025': 9.7 }, 2025, -0.03)).toBe('比上年下降3.0%');
  });
});

describe('formatYearRange', () => {
  it('writes the first and last year with a dash, one year alone, nothing for none', () => {
    expect(formatYearRange([2019, 2018, 2025])).toBe('2018—2025年');
    expect(formatYearRange([2025])).toBe('2025年');
    expect(formatYearRange([])).toBe('');
  });
});
