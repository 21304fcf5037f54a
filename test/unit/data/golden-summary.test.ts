/**
 * An independent check of the golden test/fixtures/valid-all/summary.json: its figures are worked out here from
 * the fixture's CSV rows without the project's readers, validators or decimal module, so a wrong golden file
 * (regenerated with a bug in it) fails here even though pipeline-fixtures.test.ts would agree with it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'valid-all');
const golden = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as {
  years: number[];
  latestYear: number;
  metrics: Record<string, { unit: string; byYear: Record<string, number>; yoy: Record<string, number | null> }>;
  honors: { streak: { title: string; years: number; through: number | null } };
};

/**
 * Figures worked out by hand from the CSV rows, with awk (outside the project's code), e.g.
 * `awk -F, 'NR>1{s[$1]+=$4*100} END{for(y in s) printf "%s %.2f\n", y, s[y]/100}' funding.csv`
 * for 经费投入 per year; a date's year is its first four characters; an empty `sessions` counts 1.
 */
const BY_HAND: Record<string, readonly number[]> = {
  //                       2018    2019    2020     2021     2022     2023     2024     2025
  'funding.total': [858.51, 970.24, 856.11, 1043.56, 1015.02, 1162.54, 1249.37, 1344.73],
  'militia.cases': [161, 154, 127, 166, 201, 186, 217, 233],
  'militia.persons': [188, 171, 152, 208, 253, 228, 266, 287],
  'training.sessions': [42, 22, 38, 36, 36, 48, 36, 34],
  'training.participants': [19818, 22683, 11970, 24182, 21279, 25451, 25556, 29702],
  'school.requested': [66, 91, 77, 91, 85, 84, 107, 123],
  'school.placed': [62, 85, 70, 89, 82, 82, 103, 118],
  'honors.count': [4, 5, 4, 4, 4, 4, 4, 5],
};

/** Fields of one CSV line: commas split, except inside double quotes (RFC 4180, no line breaks in these files). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"' && quoted && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** The rows of a fixture CSV as objects keyed by the header as written (BOM and CR dropped, blank lines skipped). */
function rows(file: string): Record<string, string>[] {
  const lines = readFileSync(join(dir, 'data', file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = fields(lines[0]!).map((h) => h.trim());
  return lines.slice(1).map((l) => Object.fromEntries(fields(l).map((v, i) => [header[i], v.trim()])));
}

/** A decimal string (`121.43`, `96.5%`) in ten-thousandths, exactly, as an integer. */
function tenThousandths(text: string): number {
  const [whole, frac = ''] = text.replace(/%$/, '').split('.');
  return Number(whole) * 10_000 + Number(frac.padEnd(4, '0'));
}

/** Sum `value(row)` per `year(row)`; integers in, integers out. */
function sumBy(list: Record<string, string>[], year: (r: Record<string, string>) => string, value: (r: Record<string, string>) => number): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of list) m.set(year(r), (m.get(year(r)) ?? 0) + value(r));
  return m;
}

const funding = rows('funding.csv');
const militia = rows('militia_cases.csv');
const training = rows('training_sessions.csv');
const school = rows('school_placements.csv');
const honors = rows('honors.csv');
const indicators = rows('indicators.csv');

/** Every metric of the golden file, summed here from the rows: metric id → year → exact value in ten-thousandths. */
function independent(): Map<string, Map<string, number>> {
  const m = new Map<string, Map<string, number>>();
  m.set('funding.total', sumBy(funding, (r) => r['年度']!, (r) => tenThousandths(r['金额（万元）']!)));
  for (const c of new Set(funding.map((r) => r['类别']!))) {
    m.set(`funding.category:${c}`, sumBy(funding.filter((r) => r['类别'] === c), (r) => r['年度']!, (r) => tenThousandths(r['金额（万元）']!)));
  }
  const dateYear = (r: Record<string, string>): string => (r['日期'] ?? r.date)!.slice(0, 4);
  m.set('militia.cases', sumBy(militia, dateYear, (r) => Number(r['查处案件数']) * 10_000));
  m.set('militia.persons', sumBy(militia, dateYear, (r) => Number(r['抓获涉案人员数']) * 10_000));
  m.set('training.sessions', sumBy(training, dateYear, (r) => (r.sessions === '' ? 1 : Number(r.sessions)) * 10_000));
  m.set('training.participants', sumBy(training, dateYear, (r) => Number(r.participants) * 10_000));
  m.set('school.requested', sumBy(school, (r) => r.year!, (r) => Number(r.requested) * 10_000));
  m.set('school.placed', sumBy(school, (r) => r.year!, (r) => Number(r.placed) * 10_000));
  m.set('honors.count', sumBy(honors, (r) => r['年度']!, () => 10_000));
  for (const name of new Set(indicators.map((r) => r['指标']!))) {
    m.set(`indicator:${name}`, sumBy(indicators.filter((r) => r['指标'] === name), (r) => r['年度']!, (r) => tenThousandths(r['数值']!)));
  }
  return m;
}

describe('the golden summary.json of valid-all', () => {
  it('holds the figures worked out by hand from the CSV rows', () => {
    const years = ['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025'];
    for (const [id, values] of Object.entries(BY_HAND)) {
      expect(years.map((y) => golden.metrics[id]?.byYear[y]), id).toEqual(values);
    }
  });

  it('holds exactly the metrics, years and values an independent summation of the rows gives', () => {
    const sums = independent();
    expect(Object.keys(golden.metrics).sort()).toEqual([...sums.keys()].sort());
    for (const [id, byYear] of sums) {
      const expected = Object.fromEntries([...byYear].sort(([a], [b]) => Number(a) - Number(b)).map(([y, v]) => [y, v / 10_000]));
      expect(golden.metrics[id]!.byYear, id).toEqual(expected);
    }
    const allYears = [...new Set([...sums.values()].flatMap((m) => [...m.keys()]))].map(Number).sort();
    expect(golden.years).toEqual(allYears);
    expect(golden.latestYear).toBe(allYears.at(-1));
  });

  it('holds each year-over-year change as (v[y] − v[y−1]) / v[y−1] of the exact sums, null without a non-zero previous year', () => {
    for (const [id, byYear] of independent()) {
      const expected = Object.fromEntries(
        [...byYear.keys()].map((y) => {
          const prev = byYear.get(String(Number(y) - 1));
          return [y, prev === undefined || prev === 0 ? null : (byYear.get(y)! - prev) / prev];
        }),
      );
      expect(golden.metrics[id]!.yoy, id).toEqual(expected);
    }
  });

  it('holds the streak of 双拥模范城 counted back from the latest year having one', () => {
    const withTitle = new Set(honors.filter((r) => r['荣誉名称']!.includes('双拥模范城')).map((r) => Number(r['年度'])));
    const through = Math.max(...withTitle);
    let years = 0;
    while (withTitle.has(through - years)) years++;
    expect(golden.honors.streak).toEqual({ title: '双拥模范城', years, through });
  });
});
