import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../../src/lib/data/pipeline.ts';
import { normalizeConfig } from '../../../src/lib/shared/config.ts';

const NOW = new Date('2026-11-29T06:00:00.000Z');
const config = normalizeConfig({});
const CATEGORIES = ['民兵整组', '国防教育', '优抚资金', '科技拥军'];
const SUBS = ['东城街道', '西城街道', '南关街道'];

const fundingRow = fc.record({
  year: fc.integer({ min: 2018, max: 2025 }),
  category: fc.constantFrom(...CATEGORIES),
  cents: fc.integer({ min: 0, max: 99_999_99 }),
  decimals: fc.constantFrom(0, 1, 2),
  quoted: fc.boolean(),
});

const militiaRow = fc.record({
  year: fc.integer({ min: 2018, max: 2025 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  sub: fc.constantFrom(...SUBS),
  cases: fc.integer({ min: 0, max: 5000 }),
  persons: fc.integer({ min: 0, max: 5000 }),
  form: fc.constantFrom('iso', 'slash', 'cn'),
});

function amountText(cents: number, decimals: number): { text: string; cents: number } {
  // Round the random amount to the chosen precision; the text is what an admin would type.
  const scaled = decimals === 2 ? cents : decimals === 1 ? Math.floor(cents / 10) * 10 : Math.floor(cents / 100) * 100;
  const int = Math.floor(scaled / 100);
  const frac = String(scaled % 100).padStart(2, '0').slice(0, decimals);
  return { text: decimals === 0 ? String(int) : `${int}.${frac}`, cents: scaled };
}

describe('aggregation', () => {
  it('equals a naive per-row sum for random valid funding rows, to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fundingRow, { minLength: 1, maxLength: 60 }), async (rows) => {
        const dir = mkdtempSync(join(tmpdir(), 'prop-f-'));
        const expected = new Map<number, number>();
        const lines = ['年度,类别,金额（万元）'];
        for (const r of rows) {
          const a = amountText(r.cents, r.decimals);
          lines.push(`${r.year},${r.category},${r.quoted ? `"${a.text}"` : a.text}`);
          expected.set(r.year, (expected.get(r.year) ?? 0) + a.cents);
        }
        writeFileSync(join(dir, 'funding.csv'), lines.join('\r\n'));
        const res = await runPipeline({ dataDir: dir, now: NOW, config });
        expect(res.ok).toBe(true);
        const got = res.summary.metrics['funding.total']!.byYear;
        expect(Object.keys(got).map(Number).sort()).toEqual([...expected.keys()].sort());
        for (const [y, c] of expected) expect(got[String(y)]).toBe(c / 100);
      }),
      { numRuns: 40 },
    );
  });

  it('equals a naive per-row sum for random valid militia rows, per year, 街道 and month', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(militiaRow, { minLength: 1, maxLength: 80 }), async (rows) => {
        const dir = mkdtempSync(join(tmpdir(), 'prop-m-'));
        const byYear = new Map<number, [number, number]>();
        const bySub = new Map<string, number>();
        const byMonth = new Map<string, number>();
        const lines = ['date,subdistrict,cases,persons'];
        for (const r of rows) {
          const date =
            r.form === 'iso' ? `${r.year}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}` : r.form === 'slash' ? `${r.year}/${r.month}/${r.day}` : `${r.year}年${r.month}月${r.day}日`;
          lines.push(`${date},${r.sub},${r.cases},${r.persons}`);
          const t = byYear.get(r.year) ?? [0, 0];
          byYear.set(r.year, [t[0] + r.cases, t[1] + r.persons]);
          bySub.set(`${r.year}|${r.sub}`, (bySub.get(`${r.year}|${r.sub}`) ?? 0) + r.cases);
          byMonth.set(`${r.year}|${r.month}`, (byMonth.get(`${r.year}|${r.month}`) ?? 0) + r.cases);
        }
        writeFileSync(join(dir, 'militia_cases.csv'), lines.join('\n') + '\n');
        const res = await runPipeline({ dataDir: dir, now: NOW, config });
        expect(res.ok).toBe(true);
        for (const [y, [c, p]] of byYear) {
          expect(res.summary.metrics['militia.cases']!.byYear[String(y)]).toBe(c);
          expect(res.summary.metrics['militia.persons']!.byYear[String(y)]).toBe(p);
        }
        for (const [k, v] of bySub) {
          const [y, s] = k.split('|') as [string, string];
          expect(res.details.breakdowns['militia.subdistrict.cases']!.byYear[y]![s]).toBe(v);
        }
        for (const [k, v] of byMonth) {
          const [y, m] = k.split('|') as [string, string];
          expect(res.details.breakdowns['militia.month.cases']!.byYear[y]![m] ?? 0).toBe(v);
        }
        expect(res.files.find((f) => f.dataset === 'militia_cases')!.counted).toBe(rows.length);
      }),
      { numRuns: 40 },
    );
  });
});
