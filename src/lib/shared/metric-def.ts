/**
 * Lookups over the metric catalog (metrics.ts): the entry of an id, the metrics of a page, where a figure is
 * shown, and the pairs and dimensions the change report checks.
 */
import { BREAKDOWNS, DIMENSIONS, METRICS, PAGES } from './metrics.ts';
import type { BreakdownDef, BreakdownKey, DimensionKey, MetricDef, MetricKey, PageId } from './metrics.ts';
import type { DatasetId, Summary } from './types.ts';

/**
 * Part–whole pairs between indicators of indicators.csv, by indicator name: the part never exceeds the whole in
 * the same year (checked by the change report when both indicators are present).
 */
export const INDICATOR_PARTS: readonly { part: string; whole: string }[] = [{ part: '涉军案件胜诉', whole: '代理涉军案件' }];

/** The prefix of an indicators.csv figure's metric id: `indicator:<指标>` (contract §3). */
const INDICATOR_PREFIX = 'indicator:';

/** The metric id of an indicator: `indicator:走访调研驻军次数`. */
export function indicatorMetricId(name: string): string {
  return `${INDICATOR_PREFIX}${name}`;
}

/** The indicator name of an `indicator:` metric id; another id gives null. */
export function indicatorName(id: string): string | null {
  return id.startsWith(INDICATOR_PREFIX) ? id.slice(INDICATOR_PREFIX.length) : null;
}

/** The metric id of one funding category: `funding.category:<类别>` (contract §3), and its label. */
export function fundingCategoryMetric(category: string): { id: string; label: string } {
  return { id: `${BREAKDOWNS.fundingCategory.id}:${category}`, label: `${METRICS.fundingTotal.label}（${category}）` };
}

const metricById = new Map<string, MetricDef>(Object.values(METRICS).map((m) => [m.id, m]));
const breakdownById = new Map<string, BreakdownDef>(Object.values(BREAKDOWNS).map((b) => [b.id, b]));

/** The catalog entry of a fixed metric id; a dynamic or unknown id gives null. */
export function metricDef(id: string): MetricDef | null {
  return metricById.get(id) ?? null;
}

/** The catalog entry of a breakdown id; an unknown id gives null. */
export function breakdownDef(id: string): BreakdownDef | null {
  return breakdownById.get(id) ?? null;
}

/**
 * The dataset whose years a summary.json metric's years are (contract §3: byYear[y] iff the dataset has a row in y):
 * a fixed metric's family, indicators.csv for every `indicator:` id; null for any other id (a funding category has
 * only its own years).
 */
export function yearMetricDataset(id: string): DatasetId | null {
  if (indicatorName(id) !== null) return 'indicators';
  return metricDef(id)?.family ?? null;
}

/** The years a dataset has rows in, ascending, read from summary.json's metrics (see yearMetricDataset). */
export function datasetYears(summary: Summary, dataset: DatasetId): number[] {
  const years = new Set<number>();
  for (const [id, m] of Object.entries(summary.metrics)) {
    if (yearMetricDataset(id) === dataset) for (const y of Object.keys(m.byYear)) years.add(Number(y));
  }
  return [...years].sort((a, b) => a - b);
}

/** The fixed metrics in catalog order: the ones summary.json always holds. */
export function fixedMetrics(): MetricDef[] {
  return Object.values(METRICS);
}

/** The fixed metrics shown on a page, in catalog order. */
export function pageMetrics(page: PageId): MetricDef[] {
  return fixedMetrics().filter((m) => m.page === page);
}

/**
 * Where a figure is shown, as a site path without base: a fixed metric or breakdown goes to its figure
 * (`/funding/#funding-total`), a breakdown key (`training.kind.participants:国防教育`) or a funding category to
 * the breakdown's figure, an indicator to the indicators page; an unknown id gives null.
 */
export function figureHref(id: string): string | null {
  if (indicatorName(id) !== null) return PAGES.indicators.href;
  const colon = id.indexOf(':');
  const def = metricDef(id) ?? breakdownDef(colon < 0 ? id : id.slice(0, colon));
  return def ? `${PAGES[def.page].href}#${def.anchor}` : null;
}

/** The metric or breakdown pairs whose part never exceeds its whole in the same year (and key), by id. */
export function partWholePairs(): { part: string; whole: string }[] {
  const pairs: { part: string; whole: string }[] = [];
  for (const m of Object.values(METRICS) as MetricDef[]) if (m.partOf) pairs.push({ part: m.id, whole: METRICS[m.partOf as MetricKey].id });
  for (const b of Object.values(BREAKDOWNS) as BreakdownDef[]) if (b.partOf) pairs.push({ part: b.id, whole: BREAKDOWNS[b.partOf as BreakdownKey].id });
  for (const p of INDICATOR_PARTS) pairs.push({ part: indicatorMetricId(p.part), whole: indicatorMetricId(p.whole) });
  return pairs;
}

/**
 * The dimensions whose keys are free text, named as `<family>.<dimension>` prefixes of their breakdown ids
 * (`militia.subdistrict` for `militia.subdistrict.cases` and `.persons`), for the change report's typo check.
 */
export function freeTextDimensionIds(): string[] {
  const out: string[] = [];
  for (const b of Object.values(BREAKDOWNS) as BreakdownDef[]) {
    if (!DIMENSIONS[b.dimension as DimensionKey].freeText) continue;
    const prefix = b.id.split('.').slice(0, 2).join('.');
    if (!out.includes(prefix)) out.push(prefix);
  }
  return out;
}

/** Metrics whose change is a count difference (small counts): a large relative swing there is normal. */
export function countChangeMetricIds(): string[] {
  return fixedMetrics()
    .filter((m) => m.change === 'count')
    .map((m) => m.id);
}
