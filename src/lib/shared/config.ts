/** Site configuration: one JSON file (`data/config.json`) normalised into one typed object. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface SiteConfig {
  /** District name shown in the top bar and sentences. Default 示例区. */
  district: string;
  /** Site title. Default 党管武装与双拥工作统计. */
  siteTitle: string;
  /** Text an honor title must contain to count towards the streak (contract §3). Default 双拥模范城. */
  streakTitle: string;
  /** Base path the site is served under, with leading and trailing slash. Default `/`. */
  base: string;
  /** Absolute site URL for sitemap and Open Graph; default `http://localhost/`. */
  site: string;
  /** Publisher named on every 数据来源 line. Default `<district>党管武装工作领导小组办公室`. */
  source: string;
  /** True while the data folder holds illustrative sample data; pages then show a 示例数据 notice. Default false. */
  sampleData: boolean;
}

export const CONFIG_FILE = 'config.json';

/** Normalise a base path to `/x/y/` form; empty input gives `/`. */
export function normalizeBase(base: string): string {
  const parts = base.split('/').filter((p) => p.trim() !== '');
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback;
}

/** Turn loose JSON into a SiteConfig; unknown keys are ignored, wrong types fall back to defaults. */
export function normalizeConfig(input: unknown): SiteConfig {
  const o = (input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const district = str(o.district, '示例区');
  return {
    district,
    siteTitle: str(o.siteTitle, '党管武装与双拥工作统计'),
    streakTitle: str(o.streakTitle, '双拥模范城'),
    base: normalizeBase(str(process.env.SITE_BASE, str(o.base, '/'))),
    site: str(process.env.SITE_URL, str(o.site, 'http://localhost/')),
    source: str(o.source, `${district}党管武装工作领导小组办公室`),
    sampleData: o.sampleData === true,
  };
}

/**
 * Read `<dataDir>/config.json`; a missing file gives the defaults. Throws on malformed JSON (bad usage).
 * Without an argument it reads the folder being published: SITE_CONFIG_DIR (set by build and dev) or `data`.
 */
export function readConfig(dataDir: string = process.env.SITE_CONFIG_DIR ?? 'data'): SiteConfig {
  const file = join(dataDir, CONFIG_FILE);
  if (!existsSync(file)) return normalizeConfig({});
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return normalizeConfig(JSON.parse(text) as unknown);
}
