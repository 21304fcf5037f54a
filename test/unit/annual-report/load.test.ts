import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReports, toWindowsText } from '../../../src/lib/annual-report/load.ts';
import type { RenderedReport } from '../../../src/lib/annual-report/types.ts';

const R = (year: number): RenderedReport => ({ year, title: `${year}年度`, blocks: [], text: `${year}年度\n` });
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reports-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadReports', () => {
  it('gives no reports when reports.json is absent, so the build makes no report pages', () => {
    expect(loadReports(join(dir, 'nowhere'))).toEqual([]);
  });

  it('gives no reports for malformed JSON', () => {
    const d = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(join(d, 'reports.json'), '{');
    expect(loadReports(d)).toEqual([]);
  });

  it('reads an array or a { reports } object, sorted by year, dropping malformed entries', () => {
    const a = mkdtempSync(join(dir, 'a-'));
    writeFileSync(join(a, 'reports.json'), JSON.stringify([R(2024), R(2023), { year: '2022' }]));
    expect(loadReports(a).map((r) => r.year)).toEqual([2023, 2024]);
    const b = mkdtempSync(join(dir, 'b-'));
    writeFileSync(join(b, 'reports.json'), JSON.stringify({ schemaVersion: 1, reports: [R(2025)] }));
    expect(loadReports(b)).toEqual([R(2025)]);
  });
});

describe('toWindowsText', () => {
  it('adds a UTF-8 BOM and turns every line end into CRLF', () => {
    expect(toWindowsText('标题\n\n　　正文\r\n末行\n')).toBe('\uFEFF标题\r\n\r\n　　正文\r\n末行\r\n');
  });
});
