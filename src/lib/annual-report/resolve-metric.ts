/** The series a report figure names: a summary.json metric or a breakdown key, and the data file it comes from. */
import type { Details, DatasetId, FileReport, MetricSeries, Summary } from '../shared/types.ts';
import { breakdownDef, yearMetricDataset } from '../shared/metric-def.ts';
import { yoyOfPublished } from '../shared/yoy.ts';

/**
 * A breakdown key as a metric: `training.kind.participants:国防教育` reads details.breakdowns
 * ["training.kind.participants"] for the key 国防教育 (yoy as in contract §3); null when no such breakdown or key.
 */
export function breakdownMetric(details: Details, id: string): MetricSeries | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const b = details.breakdowns[id.slice(0, colon)];
  const key = id.slice(colon + 1);
  if (!b || !b.keys.includes(key)) return null;
  const byYear: Record<string, number> = {};
  for (const [y, values] of Object.entries(b.byYear)) {
    const v = values[key];
    if (v !== undefined) byYear[y] = v;
  }
  return { label: `${b.label}·${key}`, unit: b.unit, byYear, yoy: yoyOfPublished(byYear) };
}

/** The series a metric placeholder names: a summary.json metric, else a breakdown key; null when unknown. */
export function resolveMetric(summary: Summary, details: Details, id: string): MetricSeries | null {
  return summary.metrics[id] ?? breakdownMetric(details, id);
}

/** The data file a metric id comes from (the metric catalog's family; indicators.csv for `indicator:`); null for an unknown id. */
export function sourceDataset(id: string): DatasetId | null {
  const colon = id.indexOf(':');
  return yearMetricDataset(id) ?? breakdownDef(colon < 0 ? id : id.slice(0, colon))?.family ?? null;
}

/**
 * The file of a metric's family when it is absent or has no counted rows: the name cannot be checked
 * against it, so the figure is taken as having no data (clauses left out, one warning) rather than refused.
 */
export function emptySource(details: Details, id: string): FileReport | null {
  const dataset = sourceDataset(id);
  const f = details.files.find((x) => x.dataset === dataset);
  return f && (!f.present || f.counted === 0) ? f : null;
}
