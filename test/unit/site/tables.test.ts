import { formatCell } from '../../../src/lib/site/table-cells.ts';
import { describe, it, expect } from 'vitest';
import { buildTables, getTable, colorSlots, changeCell, rateAxis, sharedKeyOrder, roundingNote, OTHER_LABEL, ROUNDING_NOTE } from '../../../src/lib/site/tables/index.ts';
import { METRICS, RATES } from '../../../src/lib/shared/metrics.ts';
import { SLOT_COUNT } from '../../../src/lib/shared/palette.ts';
import { chartPanels } from '../../../src/lib/site/chart-view.ts';
import { tableToCsv } from '../../../src/lib/site/csv-export.ts';
import type { SiteData } from '../../../src/lib/site/site-data.ts';
import type { MetricSeries, Breakdown } from '../../../src/lib/shared/types.ts';

function metric(label: string, unit: string, byYear: Record<string, number>): MetricSeries {
  const yoy: Record<string, number | null> = {};
  for (const y of Object.keys(byYear)) {
    const p = byYear[String(Number(y) - 1)];
    yoy[y] = p === undefined || p === 0 ? null : ((byYear[y] as number) - p) / p;
  }
  return { label, unit, byYear, yoy };
}

function breakdown(label: string, unit: string, keys: string[], byYear: Record<string, Record<string, number>>): Breakdown {
  return { label, unit, keys, byYear, rowCount: Object.fromEntries(keys.map((k) => [k, 1])) };
}

const empty = (label: string, unit: string): MetricSeries => ({ label, unit, byYear: {}, yoy: {} });

function fixture(): SiteData {
  return {
    summary: {
      schemaVersion: 1,
      generatedAt: '2026-11-29T06:00:00.000Z',
      years: [2024, 2025],
      latestYear: 2025,
      metrics: {
        'funding.total': metric('经费投入', '万元', { '2024': 512.5, '2025': 576.2 }),
        'militia.cases': metric('查处案件', '起', { '2024': 0, '2025': 12 }),
        'militia.persons': metric('抓获涉案人员', '人', { '2025': 15 }),
        'training.sessions': empty('培训教育场次', '场次'),
        'training.participants': empty('参加人次', '人次'),
        'school.requested': metric('申请人数', '名', { '2024': 100, '2025': 120 }),
        'school.placed': metric('安排人数', '名', { '2024': 95, '2025': 117 }),
        'honors.count': empty('获得荣誉', '项'),
        'indicator:走访调研次数': metric('走访调研次数', '次', { '2024': 10, '2025': 12 }),
        // The data step writes one metric per funding category (contract §3); the yoy table reads their yoy.
        'funding.category:拥军设施建设': metric('经费投入（拥军设施建设）', '万元', { '2024': 300, '2025': 326.2 }),
        'funding.category:民兵整组': metric('经费投入（民兵整组）', '万元', { '2024': 212.5, '2025': 200 }),
        'funding.category:=HYPERLINK("http://evil","x")': metric('经费投入（=HYPERLINK("http://evil","x")）', '万元', { '2025': 50 }),
      },
      honors: { streak: { title: '双拥模范城', years: 0, through: null } },
    },
    details: {
      schemaVersion: 1,
      generatedAt: '2026-11-29T06:00:00.000Z',
      files: [],
      breakdowns: {
        'funding.category': breakdown('经费投入（按类别）', '万元', ['拥军设施建设', '民兵整组', '=HYPERLINK("http://evil","x")'], {
          '2024': { 拥军设施建设: 300, 民兵整组: 212.5 },
          '2025': { 拥军设施建设: 326.2, 民兵整组: 200, '=HYPERLINK("http://evil","x")': 50 },
        }),
        'school.stage.requested': breakdown('申请人数（按学段）', '名', ['幼儿园', '小学', '初中', '高中'], { '2025': { 幼儿园: 20, 小学: 60, 初中: 30, 高中: 10 } }),
        'school.stage.placed': breakdown('安排人数（按学段）', '名', ['幼儿园', '小学', '初中', '高中'], { '2025': { 幼儿园: 20, 小学: 59, 初中: 28, 高中: 10 } }),
        'militia.case_type.cases': breakdown('查处案件（按案件类型）', '起', ['未分类', '盗窃', '电信诈骗'], { '2025': { 未分类: 9, 盗窃: 1, 电信诈骗: 2 } }),
        'militia.case_type.persons': breakdown('抓获涉案人员（按案件类型）', '人', ['未分类', '盗窃', '电信诈骗'], { '2025': { 未分类: 9, 盗窃: 2, 电信诈骗: 4 } }),
        'militia.month.cases': breakdown('查处案件（按月）', '起', ['1', '2', '3'], { '2025': { '1': 5, '3': 7 } }),
        'militia.month.persons': breakdown('抓获涉案人员（按月）', '人', ['1', '2', '3'], { '2025': { '1': 6, '3': 9 } }),
      },
      honors: [],
      indicators: [{ metric: 'indicator:走访调研次数', section: '双拥工作', indicator: '走访调研次数', unit: '次' }],
    },
  };
}

const ctx = { source: '示例区党管武装工作领导小组办公室' };

describe('buildTables', () => {
  const tables = buildTables(fixture(), ctx);

  it('registers every figure under a stable id', () => {
    expect(tables.map((t) => t.id)).toEqual([
      'funding-total',
      'funding-category',
      'funding-category-share',
      'funding-category-yoy',
      'militia-total',
      'militia-subdistrict',
      'militia-case-type',
      'militia-month',
      'training-sessions',
      'training-participants',
      'training-kind-sessions',
      'training-kind-participants',
      'school-total',
      'school-rate',
      'school-stage',
      'honors-by-year',
      'indicators-1',
      'militia-subdistrict-2024',
      'militia-case-type-2024',
      'militia-month-2024',
      'militia-subdistrict-2025',
      'militia-case-type-2025',
      'militia-month-2025',
    ]);
  });

  it('funding-total gives one row per year with the change in % and the sentence', () => {
    const t = getTable(tables, 'funding-total');
    expect(t.rows).toEqual([
      ['2024年', 512.5, '无上年数据'],
      ['2025年', 576.2, 12.4],
    ]);
    expect(t.sentence).toBe('2025年经费投入576.2万元，比上年增长12.4%。');
    expect(t.chart?.series[0]?.values).toEqual([512.5, 576.2]);
  });

  it('funding-category lists every category by year with a 合计 row from funding.total, and no rounding note when every amount is exact', () => {
    const t = getTable(tables, 'funding-category');
    expect(t.columns.map((c) => c.label)).toEqual(['类别', '2024年', '2025年']);
    expect(t.rows[2]).toEqual(['=HYPERLINK("http://evil","x")', null, 50]);
    expect(t.total).toEqual(['合计', 512.5, 576.2]);
    expect(t.footnote).toBeUndefined();
  });

  it('funding-category notes the rounding when an amount has more decimals than shown', () => {
    const d = fixture();
    (d.details.breakdowns['funding.category']!.byYear['2025'] as Record<string, number>)['民兵整组'] = 200.125;
    expect(getTable(buildTables(d, ctx), 'funding-category').footnote).toBe(ROUNDING_NOTE);
  });

  it('funding-category stacks a key without rows in a year as no segment, not a zero one', () => {
    const t = getTable(tables, 'funding-category');
    expect(t.chart?.series.map((s) => [s.name, s.values])).toEqual([
      ['拥军设施建设', [300, 326.2]],
      ['民兵整组', [212.5, 200]],
      ['=HYPERLINK("http://evil","x")', [null, 50]],
    ]);
  });

  it('funding-category-share labels each bar with its share as the table rounds it, and notes the rounded shares', () => {
    const t = getTable(tables, 'funding-category-share');
    expect(t.chart?.series[0]?.shares).toEqual([56.6, 34.7, 8.7]);
    expect(t.chart?.fixed).toBe(true);
    expect(t.footnote).toBe(ROUNDING_NOTE);
  });

  it('funding-category-share lists 其他 last however large it is, in the grey of catch-all keys', () => {
    const d = fixture();
    d.details.breakdowns['funding.category'] = breakdown('经费投入（按类别）', '万元', ['民兵整组', '其他'], { '2025': { 其他: 400, 民兵整组: 176.2 } });
    const t = getTable(buildTables(d, ctx), 'funding-category-share');
    expect(t.rows.map((r) => r[0])).toEqual(['民兵整组', '其他']);
    expect(t.chart?.series[0]?.pointColors).toEqual([2, 0]);
  });

  it('the category colours avoid the hue of the funding total charted on the same page, alike in both charts', () => {
    const bars = getTable(tables, 'funding-category').chart?.series.map((s) => s.color);
    expect(bars).toEqual([2, 3, 4]);
    expect(getTable(tables, 'funding-category-share').chart?.series[0]?.pointColors).toEqual([2, 3, 4]);
    expect(getTable(tables, 'funding-total').chart?.series[0]?.color).toBe(1);
  });

  it('funding-category-share sorts the latest year largest first with shares of the total', () => {
    const t = getTable(tables, 'funding-category-share');
    expect(t.title).toBe('2025年经费投入各类别金额及占比');
    expect(t.rows.map((r) => r[0])).toEqual(['拥军设施建设', '民兵整组', '=HYPERLINK("http://evil","x")']);
    expect(t.rows.map((r) => r[2])).toEqual([56.6, 34.7, 8.7]);
    expect(t.sentence).toBe('2025年经费投入中，拥军设施建设最多，为326.2万元，占56.6%。');
  });

  it('funding-category-yoy says which categories had no previous year', () => {
    const t = getTable(tables, 'funding-category-yoy');
    expect(t.rows).toEqual([
      ['拥军设施建设', 300, 326.2, 8.7],
      ['民兵整组', 212.5, 200, -5.9],
      ['=HYPERLINK("http://evil","x")', null, 50, '无上年数据'],
    ]);
    expect(t.sentence).toBe('2025年3个类别中，1个比上年增长，1个下降，1个无上年数据可比。');
  });

  it('militia-total says 上年为零 in the table and the difference of the small count in the sentence when last year was zero', () => {
    const t = getTable(tables, 'militia-total');
    expect(t.rows[1]).toEqual(['2025年', 12, '上年为零', 15, '无上年数据']);
    expect(t.rows[0]).toEqual(['2024年', 0, '无上年数据', null, null]);
    expect(t.sentence).toBe('2025年查处案件12起，比上年多12起；抓获涉案人员15人（仅有本年度数据）。');
  });

  it('militia-month shows a month without any record as 无记录 in the table and the sentence, and as a gap in the chart', () => {
    const d = fixture();
    d.details.breakdowns['militia.month.cases'] = breakdown('查处案件（按月）', '起', ['1', '3'], { '2025': Object.fromEntries([...Array(12).keys()].map((i) => [String(i + 1), i + 1]).filter(([m]) => m !== '2' && m !== '9')) });
    d.details.breakdowns['militia.month.persons'] = breakdown('抓获涉案人员（按月）', '人', ['1', '3'], { '2025': Object.fromEntries([...Array(12).keys()].map((i) => [String(i + 1), 0]).filter(([m]) => m !== '2' && m !== '9')) });
    const t = getTable(buildTables(d, ctx), 'militia-month');
    expect(t.rows.slice(0, 3)).toEqual([
      ['1月', 1, 0],
      ['2月', '无记录', '无记录'],
      ['3月', 3, 0],
    ]);
    expect(t.rows[8]).toEqual(['9月', '无记录', '无记录']);
    expect(t.sentence).toBe('2025年查处案件最多的月份是12月，为12起。2月、9月无记录。');
    expect(t.chart?.series[0]?.values).toEqual([1, null, 3, 4, 5, 6, 7, 8, null, 10, 11, 12]);
    expect(t.chart?.series[1]?.values.slice(0, 3)).toEqual([0, null, 0]);
    // The month the sentence names is always labelled on the axis.
    expect(t.chart?.highlight).toBe(11);
  });

  it('militia-month leaves months after the data date of the current year as —, not 无记录', () => {
    const d = fixture();
    d.summary.generatedAt = '2025-03-31T16:30:00.000Z'; // 2025-04-01 00:30 in China
    const t = getTable(buildTables(d, ctx), 'militia-month');
    expect(t.rows.slice(1, 5)).toEqual([
      ['2月', '无记录', '无记录'],
      ['3月', 7, 9],
      ['4月', '无记录', '无记录'],
      ['5月', null, null],
    ]);
    expect(t.sentence).toBe('2025年查处案件最多的月份是3月，为7起。2月、4月无记录。');
    expect(t.chart?.highlight).toBe(2);
  });

  it('militia-month draws no chart for a year without any monthly record', () => {
    const t = getTable(tables, 'militia-month-2024');
    expect(t.chart).toBeUndefined();
    expect(t.rows[0]).toEqual(['1月', '无记录', '无记录']);
  });

  it('cases (起) and persons (人) are charted as two panels, each in its own unit and colour', () => {
    for (const id of ['militia-total', 'militia-case-type', 'militia-month']) {
      const chart = getTable(tables, id).chart;
      expect(chart, id).toBeDefined();
      const panels = chartPanels(chart!);
      expect(panels.map((p) => [p.heading, p.unitLine, p.spec.series.map((s) => s.color)]), id).toEqual([
        ['查处案件', '单位：起', [METRICS.militiaCases.color]],
        ['抓获涉案人员', '单位：人', [METRICS.militiaPersons.color]],
      ]);
    }
    // Requested and placed share one unit (名): one chart with a legend.
    expect(chartPanels(getTable(tables, 'school-total').chart!).map((p) => [p.heading, p.unitLine, p.legend.map((l) => l.name)])).toEqual([
      [null, '单位：名', ['申请人数', '安排人数']],
    ]);
  });

  it('registers each militia year with its own breakdowns', () => {
    const t = getTable(tables, 'militia-month-2024');
    expect(t.title).toBe('2024年各月查处案件与抓获涉案人员');
    expect(t.sentence).toBe('2024年暂无查处案件的月度数据。');
  });

  it('school-stage keeps the school order of stages and gives each its placement rate', () => {
    const t = getTable(tables, 'school-stage');
    expect(t.rows).toEqual([
      ['幼儿园', 20, 20, 100],
      ['小学', 60, 59, 98.3],
      ['初中', 30, 28, 93.3],
      ['高中', 10, 10, 100],
    ]);
    expect(t.total).toEqual(['合计', 120, 117, 97.5]);
  });

  it('militia-case-type ranks types by cases in the year, with 未分类 last', () => {
    const t = getTable(tables, 'militia-case-type');
    expect(t.rows.map((r) => r[0])).toEqual(['电信诈骗', '盗窃', '未分类']);
    expect(t.sentence).toBe('2025年查处案件中，未分类最多，为9起，占75.0%。');
  });

  it('gives empty tables, no chart and a 暂无 sentence for a dataset without rows', () => {
    const t = getTable(tables, 'training-sessions');
    expect(t.rows).toEqual([]);
    expect(t.chart).toBeUndefined();
    expect(t.sentence).toBe('暂无培训教育场次数据。');
    const k = getTable(tables, 'training-kind-sessions');
    expect(k.rows).toEqual([]);
    expect(k.total).toBeUndefined();
  });

  it('school-rate gives the placement rate in % and its change in 百分点', () => {
    const t = getTable(tables, 'school-rate');
    expect(t.rows).toEqual([
      ['2024年', 95, '无上年数据'],
      ['2025年', 97.5, 2.5],
    ]);
    expect(t.sentence).toBe('2025年驻军子女入学安排率为97.5%，比上年提高2.5个百分点。');
    expect(t.chart?.min).toBe(90);
    expect(t.chart?.note).toBe('纵轴自90%起。');
  });

  it('indicators tables take the unit from the data', () => {
    const t = getTable(tables, 'indicators-1');
    expect(t.title).toBe('双拥工作');
    expect(t.rows).toEqual([['走访调研次数', '次', 10, 12, 20]]);
    expect(t.sentence).toBe('2025年双拥工作1个指标中，1个比上年增长。');
  });

  it('indicators in % change in 百分点 in a column of their own, beside the % change of the others', () => {
    const data = fixture();
    data.summary.metrics['indicator:优抚资金发放率'] = metric('优抚资金发放率', '%', { '2024': 96.2, '2025': 97.5 });
    data.summary.metrics['indicator:法律咨询人数'] = metric('法律咨询人数', '人', { '2025': 40 });
    data.details.indicators.push(
      { metric: 'indicator:优抚资金发放率', section: '双拥工作', indicator: '优抚资金发放率', unit: '%' },
      { metric: 'indicator:法律咨询人数', section: '双拥工作', indicator: '法律咨询人数', unit: '人' },
    );
    const t = getTable(buildTables(data, ctx), 'indicators-1');
    expect(t.columns.map((c) => c.label)).toEqual(['指标', '单位', '2024年', '2025年', '2025年比上年增减（%）', '2025年比上年增减（百分点）']);
    expect(t.rows).toEqual([
      ['走访调研次数', '次', 10, 12, 20, null],
      ['优抚资金发放率', '%', 96.2, 97.5, null, 1.3],
      ['法律咨询人数', '人', null, 40, '无上年数据', null],
    ]);
    expect(t.columns.slice(4).map((c, i) => formatCell(t.rows[1]![4 + i] ?? null, c))).toEqual(['—', '提高 1.3 个百分点']);
  });

  it('the CSV of a table neutralises a hostile category name', () => {
    const csv = tableToCsv(getTable(tables, 'funding-category'));
    expect(csv.split('\r\n')[3]).toBe('"\'=HYPERLINK(""http://evil"",""x"")",,50');
  });

  it('getTable throws for an unregistered id', () => {
    expect(() => getTable(tables, 'nope')).toThrow('未登记的表格：nope');
  });
});

describe('sharedKeyOrder', () => {
  it('ranks keys by their summed shares across breakdowns so both charts colour a key alike', () => {
    const sessions = breakdown('场次', '场次', ['国防教育', '普法教育', '学生军训'], { '2025': { 国防教育: 60, 普法教育: 30, 学生军训: 10 } });
    const people = breakdown('人次', '人次', ['国防教育', '学生军训', '普法教育'], { '2025': { 国防教育: 500, 学生军训: 450, 普法教育: 50 } });
    expect(sharedKeyOrder([sessions, people])).toEqual(['国防教育', '学生军训', '普法教育']);
  });
  it('gives an empty order for no breakdowns', () => {
    expect(sharedKeyOrder([])).toEqual([]);
  });
});

describe('rateAxis', () => {
  it('starts a line of rates at the 10% step at least 5 points below the lowest and says so', () => {
    expect(rateAxis([0.909, 0.978, null])).toEqual({ min: 80, note: '纵轴自80%起。' });
  });
  it('starts at zero when the lowest rate is low, and gives nothing without rates', () => {
    expect(rateAxis([0.12, 0.5])).toEqual({});
    expect(rateAxis([null])).toEqual({});
  });
});

describe('series colours', () => {
  it('gives every charted metric its own hue of the palette', () => {
    // Every metric with a chart, and the placement rate; honours have no chart of their own (neutral).
    const slots = [...Object.values(METRICS).filter((m) => m.id !== 'honors.count').map((m) => m.color), ...Object.values(RATES).map((r) => r.color)];
    expect(new Set(slots).size).toBe(slots.length);
    for (const s of slots) expect(s >= 1 && s <= SLOT_COUNT).toBe(true);
    expect(METRICS.honorsCount.color).toBe(0);
  });

  it('every chart of the site colours a metric alike', () => {
    const colours = new Map<string, Set<number>>();
    for (const t of buildTables(fixture(), ctx)) {
      for (const s of t.chart?.series ?? []) {
        if (s.pointColors) continue;
        const set = colours.get(s.name) ?? new Set<number>();
        set.add(s.color);
        colours.set(s.name, set);
      }
    }
    for (const name of ['经费投入', '查处案件', '抓获涉案人员', '申请人数', '安排人数']) expect([...(colours.get(name) ?? [])], name).toHaveLength(1);
  });

  it('the stacked training kinds take neither the hue of sessions nor of participants', () => {
    const d = fixture();
    d.details.breakdowns['training.kind.sessions'] = breakdown('场次（按类别）', '场次', ['国防教育', '普法教育'], { '2025': { 国防教育: 3, 普法教育: 2 } });
    const t = getTable(buildTables(d, ctx), 'training-kind-sessions');
    expect(t.chart?.series.map((s) => s.color)).toEqual([1, 2]);
    const d2 = fixture();
    d2.details.breakdowns['training.kind.sessions'] = breakdown('场次（按类别）', '场次', ['a', 'b', 'c', 'd'], { '2025': { a: 4, b: 3, c: 2, d: 1 } });
    expect(getTable(buildTables(d2, ctx), 'training-kind-sessions').chart?.series.map((s) => s.color)).toEqual([1, 2, 3, 6]);
  });

  it('whole-number counts carry no rounding note', () => {
    const d = fixture();
    d.details.breakdowns['training.kind.sessions'] = breakdown('场次（按类别）', '场次', ['国防教育'], { '2025': { 国防教育: 3 } });
    expect(getTable(buildTables(d, ctx), 'training-kind-sessions').footnote).toBeUndefined();
    expect(roundingNote([3, 4, null], 0)).toBeUndefined();
    expect(roundingNote([56.56], 1)).toBe(ROUNDING_NOTE);
  });

  it('folds keys beyond the fifth, and 其他, into one grey series named 其余类别 with a note', () => {
    const d = fixture();
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', '其他'];
    d.details.breakdowns['funding.category'] = breakdown('经费投入（按类别）', '万元', keys, { '2025': Object.fromEntries(keys.map((k, i) => [k, 70 - i * 10])) });
    const t = getTable(buildTables(d, ctx), 'funding-category');
    expect(t.chart?.series.map((s) => [s.name, s.color, s.values])).toEqual([
      ['a', 2, [70]],
      ['b', 3, [60]],
      ['c', 4, [50]],
      ['d', 5, [40]],
      ['e', 6, [30]],
      [OTHER_LABEL, 0, [30]],
    ]);
    expect(t.chart?.note).toBe('图中f、其他合并为“其余类别”，表中分列。');
    expect(OTHER_LABEL).toBe('其余类别');
  });

  it('a lone 其他 keeps its own name in grey, with no note', () => {
    const d = fixture();
    d.details.breakdowns['funding.category'] = breakdown('经费投入（按类别）', '万元', ['a', '其他'], { '2025': { a: 5, 其他: 9 } });
    const t = getTable(buildTables(d, ctx), 'funding-category');
    expect(t.chart?.series.map((s) => [s.name, s.color])).toEqual([
      ['a', 2],
      ['其他', 0],
    ]);
    expect(t.chart?.note).toBeUndefined();
  });
});

describe('colorSlots and changeCell', () => {
  it('gives each of up to six keys its own colour, skipping reserved slots', () => {
    expect(colorSlots(['a', 'b', 'c'])).toEqual({ a: 1, b: 2, c: 3 });
    expect(colorSlots(['a', 'b', 'c'], [1])).toEqual({ a: 2, b: 3, c: 4 });
  });
  it('folds keys beyond the fifth into the neutral colour when there are more than six', () => {
    const s = colorSlots(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(Object.values(s)).toEqual([1, 2, 3, 4, 5, 0, 0]);
  });
  it('changeCell rounds to one decimal and never gives -0', () => {
    expect(changeCell({ '2024': 100, '2025': 99.99 }, 2025, -0.0001)).toBe(0);
    expect(Object.is(changeCell({ '2024': 100 }, 2025, -0.0001), -0)).toBe(false);
    expect(changeCell({ '2024': 0 }, 2025, null)).toBe('上年为零');
    expect(changeCell({}, 2025, null)).toBe('无上年数据');
  });
});
