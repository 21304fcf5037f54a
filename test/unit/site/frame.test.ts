import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteFrame } from '../../../src/lib/site/frame.ts';
import type { SiteData } from '../../../src/lib/site/site-data.ts';
import type { SiteConfig } from '../../../src/lib/shared/config.ts';

describe('siteFrame', () => {
  it('takes the site identity from the config and the date and years from summary.json', () => {
    const config: SiteConfig = {
      district: '示例区',
      siteTitle: '党管武装与双拥工作统计',
      streakTitle: '双拥模范城',
      base: '/',
      site: 'https://example.org/',
      source: '示例区党管武装工作领导小组办公室',
      sampleData: true,
    };
    const data = {
      summary: { schemaVersion: 1, generatedAt: '2026-11-29T06:00:00.000Z', years: [2024, 2025], latestYear: 2025, metrics: {}, honors: { streak: { title: '双拥模范城', years: 0, through: null } } },
      details: { schemaVersion: 1, generatedAt: '2026-11-29T06:00:00.000Z', files: [], breakdowns: {}, honors: [], indicators: [] },
    } satisfies SiteData;
    expect(siteFrame(data, config)).toEqual({
      district: '示例区',
      siteTitle: '党管武装与双拥工作统计',
      source: '示例区党管武装工作领导小组办公室',
      sampleData: true,
      site: 'https://example.org/',
      generatedAt: '2026-11-29T06:00:00.000Z',
      years: [2024, 2025],
      latestYear: 2025,
    });
  });
});

describe('only pages load data', () => {
  it('no component or layout calls loadSiteData, readConfig, siteTables or loadReports', () => {
    const offenders: string[] = [];
    for (const dir of ['src/components', 'src/layouts']) {
      for (const f of readdirSync(dir)) {
        // Comments may tell the page what to pass; only code counts.
        const text = readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
        for (const call of ['loadSiteData(', 'readConfig(', 'siteTables(', 'siteTablesById(', 'loadReports(']) if (text.includes(call)) offenders.push(`${dir}/${f}: ${call}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
