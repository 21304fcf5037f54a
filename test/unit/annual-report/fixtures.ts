/** The small summary/details the annual-report tests render against, and helpers to read what they give. */
import { expect } from 'vitest';
import { buildReports, runsText } from '../../../src/lib/annual-report/build-reports.ts';
import { formatIssue } from '../../../src/lib/data/issues.ts';
import type { Summary, Details, MetricSeries } from '../../../src/lib/shared/types.ts';
import type { FigureRun, RenderedReport } from '../../../src/lib/annual-report/types.ts';

export const FILE = 'data/report-template.md';

/** A metric as the pipeline writes it: yoy from the previous calendar year, null when absent or zero. */
export function series(label: string, unit: string, byYear: Record<number, number>): MetricSeries {
  const by: Record<string, number> = {};
  const yoy: Record<string, number | null> = {};
  for (const [y, v] of Object.entries(byYear)) by[y] = v;
  for (const [y, v] of Object.entries(by)) {
    const p = by[String(Number(y) - 1)];
    yoy[y] = p === undefined || p === 0 ? null : (v - p) / p;
  }
  return { label, unit, byYear: by, yoy };
}

export const SUMMARY: Summary = {
  schemaVersion: 1,
  generatedAt: '2026-11-29T06:00:00.000Z',
  years: [2021, 2022, 2023],
  latestYear: 2023,
  metrics: {
    'funding.total': series('经费投入', '万元', { 2021: 512.5, 2022: 512.5, 2023: 576.2 }),
    'funding.category:人武部规范化建设': series('经费投入（人武部规范化建设）', '万元', { 2021: 100.1, 2022: 0.2, 2023: 0.1 }),
    'militia.cases': series('查处案件', '起', { 2021: 100, 2022: 97, 2023: 1234 }),
    'militia.persons': series('抓获涉案人员', '人', { 2022: 20, 2023: 30 }),
    'training.sessions': series('培训教育场次', '场次', { 2021: 0, 2022: 5, 2023: 6 }),
    'training.participants': series('培训教育参加人次', '人次', { 2021: 900, 2022: 1000, 2023: 1100 }),
    'school.requested': series('驻军子女入学申请人数', '名', { 2023: 70 }),
    'school.placed': series('驻军子女入学安排人数', '名', { 2023: 66 }),
    'honors.count': series('获得荣誉', '项', { 2022: 1, 2023: 2 }),
    'indicator:走访调研驻军次数': series('走访调研驻军次数', '次', { 2021: 40, 2022: 44, 2023: 48 }),
    'indicator:科技拥军单位': series('科技拥军单位', '个', { 2023: 21 }),
    'indicator:优抚资金发放率': series('优抚资金发放率', '%', { 2023: 96.5 }),
  },
  honors: { streak: { title: '双拥模范城', years: 2, through: 2023 } },
};

export const DETAILS: Details = {
  schemaVersion: 1,
  generatedAt: '2026-11-29T06:00:00.000Z',
  files: [],
  breakdowns: {
    'training.kind.participants': {
      label: '培训教育参加人次（按类别）',
      unit: '人次',
      keys: ['国防教育'],
      byYear: { '2022': { 国防教育: 1200 }, '2023': { 国防教育: 1500 } },
      rowCount: { 国防教育: 2 },
    },
  },
  honors: [
    { id: 'a', year: 2022, title: '双拥模范城', conferred_by: '示例市人民政府', recipient: '示例区', level: '市级', note: null },
    { id: 'b', year: 2023, title: ' 双拥模范城 ', conferred_by: '示例市人民政府', recipient: '示例区', level: '市级', note: null },
    { id: 'c', year: 2023, title: '先进人武部', conferred_by: '示例军分区', recipient: '示例区人武部', level: '市级', note: null },
  ],
  indicators: [],
};

export function build(text: string) {
  return buildReports({ file: FILE, text }, SUMMARY, DETAILS, { district: '示例区' });
}

export function reportOf(text: string, year = 2023): RenderedReport {
  const r = build(text);
  const errors = r.issues.filter((i) => i.severity === 'error').map(formatIssue);
  expect(errors).toEqual([]);
  const report = r.reports.find((x) => x.year === year);
  if (!report) throw new Error(`no report for ${year}`);
  return report;
}

/** The report body as text, one block per line (no title). */
export function body(text: string, year = 2023): string {
  return reportOf(text, year)
    .blocks.map((b) => (b.kind === 'list' ? b.items.map(runsText).join('|') : runsText(b.runs)))
    .join('\n');
}

export function figures(text: string, year = 2023): FigureRun[] {
  return reportOf(text, year).blocks.flatMap((b) => (b.kind === 'list' ? b.items.flat() : b.runs)).filter((r): r is FigureRun => r.kind === 'figure');
}

export function lines(text: string): string[] {
  return build(text).issues.map(formatIssue);
}

