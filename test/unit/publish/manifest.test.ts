import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetCounts, hashSite, readManifest, verifySite, writeManifest } from '../../../src/lib/publish/manifest.ts';
import type { Details, Summary } from '../../../src/lib/shared/types.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'index.html'), 'hello');
  writeFileSync(join(dir, 'a', 'b.json'), '{}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const summary: Summary = {
  schemaVersion: 1,
  generatedAt: '2026-01-01T00:00:00.000Z',
  years: [2024, 2025],
  latestYear: 2025,
  metrics: {
    'funding.total': { label: '经费投入', unit: '万元', byYear: { 2024: 1, 2025: 2 }, yoy: {} },
    'funding.category:其他': { label: '其他', unit: '万元', byYear: { 2023: 1 }, yoy: {} },
    'honors.count': { label: '获得荣誉', unit: '项', byYear: {}, yoy: {} },
    'indicator:走访调研次数': { label: '走访调研次数', unit: '次', byYear: { 2024: 3 }, yoy: {} },
    'indicator:法律咨询人数': { label: '法律咨询人数', unit: '人', byYear: { 2025: 9 }, yoy: {} },
  },
  honors: { streak: { title: '双拥模范城', years: 0, through: null } },
};

describe('datasetCounts', () => {
  it('takes rows from the file reports and years from each dataset metric (indicators: every indicator)', () => {
    const details = {
      files: [
        { dataset: 'funding', file: 'data/funding.csv', present: true, encoding: 'utf-8', rows: 12, counted: 12, rejected: 0 },
        { dataset: 'honors', file: 'data/honors.csv', present: false, encoding: null, rows: 0, counted: 0, rejected: 0 },
        { dataset: 'indicators', file: 'data/indicators.csv', present: true, encoding: 'utf-8', rows: 2, counted: 2, rejected: 0 },
      ],
    } as unknown as Details;
    const c = datasetCounts(summary, details);
    expect(c.map((d) => d.dataset)).toEqual(['funding', 'militia_cases', 'training_sessions', 'school_placements', 'honors', 'indicators']);
    expect(c[0]).toEqual({ dataset: 'funding', file: 'data/funding.csv', present: true, rows: 12, years: [2024, 2025] });
    expect(c[4]).toEqual({ dataset: 'honors', file: 'data/honors.csv', present: false, rows: 0, years: [] });
    expect(c[5]).toEqual({ dataset: 'indicators', file: 'data/indicators.csv', present: true, rows: 2, years: [2024, 2025] });
  });

  it('without details (an old site summary.json) leaves rows unknown and counts a dataset present when it has years', () => {
    const c = datasetCounts(summary, null);
    expect(c[0]).toEqual({ dataset: 'funding', file: 'data/funding.csv', present: true, rows: null, years: [2024, 2025] });
    expect(c[1]).toEqual({ dataset: 'militia_cases', file: 'data/militia_cases.csv', present: false, rows: null, years: [] });
  });
});

describe('manifest', () => {
  it('hashes every file but itself, sorted by path', () => {
    writeManifest(dir, { generatedAt: 'g', datasets: [] });
    expect(hashSite(dir)).toEqual({
      'a/b.json': '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      'index.html': '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    });
    expect(readManifest(dir)?.files).toEqual(hashSite(dir));
  });

  it('verifies a complete site, and names missing and changed files of an incomplete one', () => {
    writeManifest(dir, { generatedAt: 'g', datasets: [] });
    expect(verifySite(dir)).toEqual({ status: 'complete', missing: [], changed: [] });
    rmSync(join(dir, 'a', 'b.json'));
    writeFileSync(join(dir, 'index.html'), 'hell');
    expect(verifySite(dir)).toEqual({ status: 'incomplete', missing: ['a/b.json'], changed: ['index.html'] });
  });

  it('treats a missing or foreign manifest as no manifest', () => {
    expect(verifySite(dir).status).toBe('no-manifest');
    writeFileSync(join(dir, '.publish-manifest.json'), '{"files":{}}');
    expect(verifySite(dir).status).toBe('no-manifest');
  });
});
