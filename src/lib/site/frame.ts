/** What the page frame (layouts/Base.astro) shows around every page: the site's name, publisher, data date and years. */
import type { SiteConfig } from '../shared/config.ts';
import type { SiteData } from './site-data.ts';

/** The frame's props, built by each page from the data and config it loaded (layouts never read files). */
export interface SiteFrame {
  district: string;
  siteTitle: string;
  /** Publisher named in the footer's 数据来源. */
  source: string;
  /** Show the 示例数据 notice. */
  sampleData: boolean;
  /** Absolute site URL, for the canonical and Open Graph links. */
  site: string;
  /** When the data step ran (ISO), for 数据更新时间. */
  generatedAt: string;
  /** Years with data, for the 年度报告 link. */
  years: number[];
  latestYear: number | null;
}

/** The frame of this build: config fields plus the summary's date and years. */
export function siteFrame(data: SiteData, config: SiteConfig): SiteFrame {
  const { district, siteTitle, source, sampleData, site } = config;
  const { generatedAt, years, latestYear } = data.summary;
  return { district, siteTitle, source, sampleData, site, generatedAt, years, latestYear };
}
