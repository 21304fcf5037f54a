import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReports } from '../../../src/lib/annual-report/build-reports.ts';
import { formatIssue, type Issue } from '../../../src/lib/data/issues.ts';
import { readConfig } from '../../../src/lib/shared/config.ts';
import type { Summary, Details } from '../../../src/lib/shared/types.ts';
import type { FigureRun, RenderedReport } from '../../../src/lib/annual-report/types.ts';

const TEMPLATE_FILE = 'data/report-template.md';
/** A fixed build day (2026-11-29, China Standard Time): the sample data's years, whatever today is. */
const NOW = new Date('2026-11-29T06:00:00.000Z');
let out: string;

let summary: Summary;
let details: Details;
let result: { issues: Issue[]; reports: RenderedReport[] };

/** The sample data's JSON, written by the data step into this test's own folder and read back (never a previous build's .cache). */
async function sampleData(): Promise<{ summary: Summary; details: Details }> {
  const { runPipeline } = await import('../../../src/lib/data/pipeline.ts');
  const { writeOutputs } = await import('../../../src/lib/data/write-json.ts');
  const r = await runPipeline({ dataDir: 'data', now: NOW });
  out = mkdtempSync(join(tmpdir(), 'sample-report-'));
  await writeOutputs(out, r);
  return {
    summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary,
    details: JSON.parse(readFileSync(join(out, 'details.json'), 'utf8')) as Details,
  };
}

function figuresOf(report: RenderedReport): FigureRun[] {
  return report.blocks.flatMap((b) => (b.kind === 'list' ? b.items.flat() : b.runs)).filter((r): r is FigureRun => r.kind === 'figure');
}

beforeAll(async () => {
  ({ summary, details } = await sampleData());
  result = buildReports(
    { file: TEMPLATE_FILE, text: readFileSync(TEMPLATE_FILE, 'utf8') },
    summary,
    details,
    { district: readConfig('data').district },
  );
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the sample report template', () => {
  it('renders against the sample data without errors', () => {
    expect(result.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
  });

  it('makes one report per data year, titled with the district and year', () => {
    expect(result.reports.map((r) => r.year)).toEqual(summary.years);
    for (const r of result.reports) expect(r.title).toBe(`示例区${r.year}年度党管武装工作述职报告`);
  });

  it('has the three parts of the 述职报告', () => {
    const headings = result.reports[0]!.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.runs.map((r) => r.text).join('') : ''));
    expect(headings).toEqual(['一、带头落实好党管武装工作的各项制度', '二、带头解决好部队官兵的实际问题', '三、带头营造好支持国防的浓厚氛围']);
  });

  it('writes no figure by hand: the only digits in template text are the report year', () => {
    for (const r of result.reports) {
      const text = r.blocks.flatMap((b) => (b.kind === 'list' ? b.items.flat() : b.runs)).filter((x) => x.kind === 'text').map((x) => x.text).join('');
      const numbers = new Set(text.match(/\d+/g) ?? []);
      expect([...numbers].filter((n) => n !== String(r.year))).toEqual([]);
    }
  });

  it('shows each single-year figure equal to its summary.json value', () => {
    let checked = 0;
    for (const r of result.reports) {
      for (const f of figuresOf(r)) {
        const m = summary.metrics[f.metric];
        if (!m || f.fromYear !== undefined) continue;
        if (f.description.endsWith('比上年增减')) {
          expect(f.value).toBe(m.yoy[String(f.year)] ?? null);
          continue;
        }
        expect(f.value).toBe(m.byYear[String(f.year)] ?? null);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('shows the latest report’s streak equal to summary.honors.streak', () => {
    const latest = result.reports.find((r) => r.year === summary.latestYear)!;
    const streak = figuresOf(latest).find((f) => f.metric === 'streak');
    expect(streak?.value).toBe(summary.honors.streak.years);
    expect(streak?.text).toBe(`${summary.honors.streak.years}年`);
  });

  it('sums 近两年 cases over the report year and the one before', () => {
    const y = summary.latestYear!;
    const latest = result.reports.find((r) => r.year === y)!;
    const cases = figuresOf(latest).find((f) => f.metric === 'militia.cases' && f.fromYear !== undefined);
    const m = summary.metrics['militia.cases']!;
    expect(cases?.value).toBe(m.byYear[String(y - 1)]! + m.byYear[String(y)]!);
  });

  it('warns only about figures the sample data lacks in early years', () => {
    for (const w of result.issues) expect(w.severity).toBe('warning');
    expect(result.issues.every((w) => /在 \d{4}(、\d{4})* 年无数据/.test(w.message))).toBe(true);
  });

  describe.each([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025])('the %i report reads as a finished 述职报告', (year) => {
    const report = () => {
      const r = result.reports.find((x) => x.year === year);
      if (!r) throw new Error(`no ${year} report`);
      return r;
    };

    it('has no hole for a missing figure and no 无上年数据 or 上年为零 inside a sentence', () => {
      expect(report().text).not.toContain('—');
      expect(report().text).not.toMatch(/无数据|无上年数据|上年为零/);
      expect(figuresOf(report()).filter((f) => f.missing)).toEqual([]);
    });

    it('never says 连续1年, and says 已连续 only for a streak of two years or more', () => {
      expect(report().text).not.toMatch(/连续1年/);
      const streak = figuresOf(report()).find((f) => f.metric === 'streak');
      if (report().text.includes('已连续')) expect(streak?.value).toBeGreaterThanOrEqual(2);
    });

    it('makes no claim over two years (近两年, any sum) when one of the years has no data', () => {
      for (const f of figuresOf(report()).filter((x) => x.fromYear !== undefined)) {
        const m = summary.metrics[f.metric]!;
        for (let y = f.fromYear!; y <= f.year; y++) expect(m.byYear[String(y)], `${f.metric} ${y}`).toBeDefined();
      }
      const cases = summary.metrics['militia.cases']!.byYear;
      expect(report().text.includes('近两年')).toBe(cases[String(year - 1)] !== undefined && cases[String(year)] !== undefined);
    });

    it('presents no zero as an achievement', () => {
      expect(figuresOf(report()).filter((f) => f.value === 0 && !f.description.endsWith('比上年增减')).map((f) => f.description)).toEqual([]);
      expect(report().text).not.toMatch(/人武部0个/);
    });

    it('writes figures in 公文 style: no space before a unit or around 增长/下降, 万元 with two decimals', () => {
      expect(report().text).not.toMatch(/\d[ \u00a0\u3000]+[^\s\d]/);
      expect(report().text).not.toMatch(/(增长|下降) /);
      for (const f of figuresOf(report()).filter((x) => x.text.endsWith('万元'))) expect(f.text).toMatch(/^[\d,]+\.\d\d万元$/);
    });
  });

  it('renders readable reports, without holes, for a data folder with funding.csv alone', async () => {
    const { mkdtempSync, cpSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { runPipeline } = await import('../../../src/lib/data/pipeline.ts');
    const dir = mkdtempSync(join(tmpdir(), 'funding-only-'));
    try {
      for (const f of ['funding.csv', 'config.json', 'report-template.md']) cpSync(join('data', f), join(dir, f));
      const r = await runPipeline({ dataDir: dir, displayDir: 'data' });
      expect(r.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
      expect(r.reports.map((x) => x.year)).toEqual(summary.years);
      for (const x of r.reports) {
        expect(x.text).not.toMatch(/—|无数据|近两年|连续|（\s*）/);
        expect(x.text).toContain('全年区财政投入党管武装和双拥工作经费');
      }
      expect(r.issues.every((i) => i.severity === 'warning' && /无数据/.test(i.message))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
