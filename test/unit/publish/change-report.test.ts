import { describe, expect, it } from 'vitest';
import { changeReport, reviewFlags, PART_WHOLE } from '../../../src/lib/publish/change-report.ts';
import type { Summary, Details, MetricSeries, Breakdown, FileReport, DatasetId } from '../../../src/lib/shared/types.ts';
import type { Issue } from '../../../src/lib/data/issues.ts';

function metric(label: string, unit: string, byYear: Record<string, number>): MetricSeries {
  const yoy: Record<string, number | null> = {};
  for (const [y, v] of Object.entries(byYear)) {
    const prev = byYear[String(Number(y) - 1)];
    yoy[y] = prev === undefined || prev === 0 ? null : (v - prev) / prev;
  }
  return { label, unit, byYear, yoy };
}

function summary(metrics: Record<string, MetricSeries>, generatedAt = '2026-03-02T02:15:00.000Z'): Summary {
  const years = [...new Set(Object.values(metrics).flatMap((m) => Object.keys(m.byYear).map(Number)))].sort((a, b) => a - b);
  return {
    schemaVersion: 1,
    generatedAt,
    years,
    latestYear: years.length ? (years[years.length - 1] as number) : null,
    metrics,
    honors: { streak: { title: '双拥模范城', years: 0, through: null } },
  };
}

function file(dataset: DatasetId, rows: number, present = true): FileReport {
  return { dataset, file: `data/${dataset}.csv`, present, encoding: present ? 'utf-8' : null, rows, counted: rows, rejected: 0 };
}

function details(files: FileReport[], breakdowns: Record<string, Breakdown> = {}, generatedAt = '2026-03-02T02:15:00.000Z'): Details {
  return { schemaVersion: 1, generatedAt, files, breakdowns, honors: [], indicators: [] };
}

function breakdown(label: string, unit: string, byYear: Record<string, Record<string, number>>, rowCount: Record<string, number>): Breakdown {
  return { label, unit, keys: Object.keys(rowCount), byYear, rowCount };
}

const OLD_AT = '2026-02-20T08:40:00.000Z';

describe('changeReport', () => {
  it('lists rows per file, years, and old → new for every changed figure with its relative change', () => {
    const prev = {
      summary: summary({ 'funding.total': metric('经费投入', '万元', { 2024: 500, 2025: 512.5 }) }, OLD_AT),
      details: details([file('funding', 124), file('honors', 34)], {}, OLD_AT),
    };
    const cur = {
      summary: summary({ 'funding.total': metric('经费投入', '万元', { 2024: 500, 2025: 576.2 }) }),
      details: details([file('funding', 131), file('honors', 34)]),
    };
    expect(changeReport({ previous: prev, current: cur })).toEqual([
      '变更报告（数据生成于 2026-03-02 10:15）',
      '对比对象：上次成功发布（数据生成于 2026-02-20 16:40）',
      '',
      '读取行数：',
      '  data/funding.csv: 131 行（上次 124 行，+7）',
      '  data/honors.csv: 34 行',
      '年份：2024—2025（共 2 年）',
      '',
      '数值变化（1 项）：',
      '  2025 经费投入: 512.50 → 576.20 万元 (+12.4%)',
      '',
      '警告：无',
      '',
      '请核实：无',
    ]);
  });

  it('says so when nothing changed', () => {
    const s = summary({ 'militia.cases': metric('查处案件', '起', { 2025: 233 }) });
    const d = details([file('militia_cases', 203)]);
    const lines = changeReport({ previous: { summary: s, details: d }, current: { summary: s, details: d } });
    expect(lines).toContain('数值变化：无（与上次发布相同）');
    expect(lines).toContain('请核实：无');
  });

  it('names new years, added and removed files, added and deleted figures, and 百分点 for a % metric', () => {
    const prev = {
      summary: summary({
        'militia.cases': metric('查处案件', '起', { 2023: 200, 2024: 210 }),
        'indicator:优抚资金发放率': metric('优抚资金发放率', '%', { 2024: 96.5 }),
        'indicator:双拥标语牌': metric('双拥标语牌', '块', { 2024: 40 }),
      }, OLD_AT),
      details: details([file('militia_cases', 20), file('honors', 5), file('indicators', 2)], {}, OLD_AT),
    };
    const cur = {
      summary: summary({
        'militia.cases': metric('查处案件', '起', { 2023: 200, 2024: 210, 2025: 230 }),
        'indicator:优抚资金发放率': metric('优抚资金发放率', '%', { 2024: 97.2 }),
      }),
      details: details([file('militia_cases', 22), file('honors', 0, false), file('indicators', 1), file('funding', 3)]),
    };
    const lines = changeReport({ previous: prev, current: cur });
    expect(lines).toEqual([
      '变更报告（数据生成于 2026-03-02 10:15）',
      '对比对象：上次成功发布（数据生成于 2026-02-20 16:40）',
      '',
      '读取行数：',
      '  data/militia_cases.csv: 22 行（上次 20 行，+2）',
      '  data/honors.csv: 未提供',
      '  data/indicators.csv: 1 行（上次 2 行，-1）',
      '  data/funding.csv: 3 行',
      '年份：2023—2025（共 3 年）（上次 2023—2024（共 2 年））',
      '新增文件：data/funding.csv',
      '移除文件：data/honors.csv（其数据不再发布）',
      '新增年份：2025',
      '',
      '数值变化（3 项）：',
      '  2025 查处案件: 新增 230 起',
      '  2024 优抚资金发放率: 96.5 → 97.2% (+0.7 个百分点)',
      '  2024 双拥标语牌: 40 块 → 无（已删除）',
      '',
      '警告：无',
      '',
      '请核实：无',
    ]);
  });

  it('lists warnings as compiler lines', () => {
    const s = summary({});
    const d = details([]);
    const warning: Issue = { severity: 'warning', code: 'unknown_column', file: 'data/funding.csv', line: 1, column: 7, message: '未知列“备用”，已忽略' };
    const error: Issue = { ...warning, severity: 'error' };
    const lines = changeReport({ previous: { summary: s, details: d }, current: { summary: s, details: d }, issues: [warning, error] });
    expect(lines).toContain('警告（1 条）：');
    expect(lines).toContain('  data/funding.csv:1:7: 警告: 未知列“备用”，已忽略');
  });

  it('on a first publish says there is nothing to compare and lists the latest headline figures', () => {
    const cur = {
      summary: summary({
        'funding.total': metric('经费投入', '万元', { 2024: 1200, 2025: 1344.73 }),
        'militia.cases': metric('查处案件', '起', { 2024: 220, 2025: 233 }),
        'funding.category:其他': metric('经费投入（其他）', '万元', { 2025: 10 }),
        'indicator:双拥标语牌': metric('双拥标语牌', '块', { 2025: 40 }),
      }),
      details: details([file('funding', 124)]),
    };
    expect(changeReport({ previous: null, current: cur })).toEqual([
      '变更报告（数据生成于 2026-03-02 10:15）',
      '首次发布：没有上次发布的数据可对比。',
      '',
      '读取行数：',
      '  data/funding.csv: 124 行',
      '年份：2024—2025（共 2 年）',
      '',
      '当前数字（2025 年）：',
      '  2025 经费投入: 1,344.73 万元',
      '  2025 查处案件: 233 起',
      '  另有 2 项分类与其他指标，见网站各页面。',
      '',
      '警告：无',
      '',
      '请核实：无',
    ]);
  });
});

describe('reviewFlags', () => {
  const d0 = details([]);

  it('flags a year-over-year move beyond ±50 % in a changed figure', () => {
    const cur = { summary: summary({ 'funding.total': metric('经费投入', '万元', { 2024: 500, 2025: 830 }) }), details: d0 };
    expect(reviewFlags(cur, null, null)).toEqual([
      '2025 经费投入: 较上年 +66.0%（2024 年 500.00 万元 → 830.00 万元），变动超过 ±50%',
    ]);
  });

  it('does not flag an unchanged figure once published, nor swings between small counts', () => {
    const cur = {
      summary: summary({
        'funding.total': metric('经费投入', '万元', { 2024: 500, 2025: 830 }),
        'indicator:新建改建训练场': metric('新建改建训练场', '个', { 2024: 1, 2025: 3 }),
      }),
      details: d0,
    };
    expect(reviewFlags(cur, { summary: cur.summary, details: d0 }, new Set())).toEqual([]);
    expect(reviewFlags(cur, null, null)).toEqual(['2025 经费投入: 较上年 +66.0%（2024 年 500.00 万元 → 830.00 万元），变动超过 ±50%']);
  });

  it('flags a year missing between two years that have data', () => {
    const cur = { summary: summary({ 'militia.cases': metric('查处案件', '起', { 2021: 100, 2023: 110, 2024: 120 }) }), details: d0 };
    expect(reviewFlags(cur, null, null)).toEqual(['查处案件: 有 2021 和 2024 年的数据，却缺 2022 年——是漏填了吗？']);
  });

  it('flags a name on one row among common ones once per dimension, suggesting the near name', () => {
    const rows = { 东城街道: 25, 西城街道: 28, 南关街道: 24, 东成街道: 1 };
    const by = { 2025: { 东城街道: 30, 西城街道: 31, 南关街道: 29, 东成街道: 3 } };
    const cur = {
      summary: summary({}),
      details: details([], {
        'militia.subdistrict.cases': breakdown('查处案件（按办事处）', '起', by, rows),
        'militia.subdistrict.persons': breakdown('抓获涉案人员（按办事处）', '人', by, rows),
        'militia.month.cases': breakdown('查处案件（按月份）', '起', { 2025: { 1: 3 } }, { 1: 1, 2: 5, 3: 5, 4: 5 }),
      }),
    };
    expect(reviewFlags(cur, null, null)).toEqual([
      '查处案件（按办事处）: “东成街道”只出现在 1 行（2025 年），其他名称都很常见，是否为“东城街道”的笔误？',
      '2025 查处案件: 2 月、3 月、4 月、5 月、6 月、7 月、8 月、9 月、10 月、11 月、12 月没有任何记录，图表中显示为空缺——是漏填了，还是确实没有？',
    ]);
  });

  it('flags the months of the latest year without any record, once for cases and persons', () => {
    const full = (skip: number[]) => Object.fromEntries(Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !skip.includes(m)).map((m) => [String(m), 2]));
    const rows = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), 20]));
    const d = details([], {
      'militia.month.cases': breakdown('查处案件（按月份）', '起', { 2024: full([2, 3]), 2025: full([9]) }, rows),
      'militia.month.persons': breakdown('抓获涉案人员（按月份）', '人', { 2024: full([2, 3]), 2025: full([9]) }, rows),
    });
    expect(reviewFlags({ summary: summary({}), details: d }, null, null)).toEqual([
      '2025 查处案件: 9 月没有任何记录，图表中显示为空缺——是漏填了，还是确实没有？',
    ]);
  });

  it('does not flag the months after the data date, nor a latest year this publish did not change', () => {
    const rows = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), 20]));
    // Data date 2026-03-02 (China time): January and February of 2026 have passed, March is under way.
    const d = details([], { 'militia.month.cases': breakdown('查处案件（按月份）', '起', { 2026: { 2: 4 } }, rows) });
    expect(reviewFlags({ summary: summary({}), details: d }, null, null)).toEqual([
      '2026 查处案件: 1 月、3 月没有任何记录，图表中显示为空缺——是漏填了，还是确实没有？',
    ]);
    expect(reviewFlags({ summary: summary({}), details: d }, { summary: summary({}), details: d }, new Set(['funding.total|2024']))).toEqual([]);
  });

  it('does not flag a lone key of a fixed list (学段)', () => {
    const stage = breakdown('申请人数（按学段）', '名', { 2025: { 小学: 9, 初中: 8, 幼儿园: 7, 高中: 1 } }, { 小学: 9, 初中: 8, 幼儿园: 7, 高中: 1 });
    expect(reviewFlags({ summary: summary({}), details: details([], { 'school.stage.requested': stage }) }, null, null)).toEqual([]);
  });

  it('does not flag a lone name among rare ones, nor one already published', () => {
    const rare = breakdown('经费投入（按类别）', '万元', { 2025: { 甲: 1, 乙: 2, 丙: 3 } }, { 甲: 1, 乙: 1, 丙: 2 });
    expect(reviewFlags({ summary: summary({}), details: details([], { 'funding.category': rare }) }, null, null)).toEqual([]);
    const common = breakdown('经费投入（按类别）', '万元', { 2025: { 民兵整组: 1, 科技拥军: 2, 国防教育: 3 } }, { 民兵整组: 9, 科技拥军: 8, 国防教育: 1 });
    const d = details([], { 'funding.category': common });
    expect(reviewFlags({ summary: summary({}), details: d }, { summary: summary({}), details: d }, new Set())).toEqual([]);
    expect(reviewFlags({ summary: summary({}), details: d }, null, null)).toEqual([
      '经费投入（按类别）: “国防教育”只出现在 1 行（2025 年），其他名称都很常见，请确认名称无误。',
    ]);
  });

  it('flags a part larger than its whole, for metrics and per key of a breakdown', () => {
    const cur = {
      summary: summary({
        'indicator:代理涉军案件': metric('代理涉军案件', '起', { 2024: 22 }),
        'indicator:涉军案件胜诉': metric('涉军案件胜诉', '起', { 2024: 25 }),
      }),
      details: details([], {
        'school.stage.requested': breakdown('申请人数（按学段）', '名', { 2025: { 小学: 30, 初中: 10 } }, { 小学: 5, 初中: 5 }),
        'school.stage.placed': breakdown('安排人数（按学段）', '名', { 2025: { 小学: 31, 初中: 10 } }, { 小学: 5, 初中: 5 }),
      }),
    };
    expect(reviewFlags(cur, { summary: cur.summary, details: cur.details }, new Set(), PART_WHOLE)).toEqual([
      '2025 小学 安排人数（按学段） 31 名 大于 申请人数（按学段） 30 名，部分不应超过总数',
      '2024 涉军案件胜诉 25 起 大于 代理涉军案件 22 起，部分不应超过总数',
    ]);
  });
});
