/**
 * The one registry of every chart's table: from SiteData it builds, per figure, the table
 * (used by the page's HTML table and by the CSV download), the chart data and the sentence.
 * Every figure on a dataset page comes from here, so table, chart and CSV can never disagree.
 * Each dataset's tables live in their own file; this file fixes their order and ids.
 */
import type { SiteData } from '../site-data.ts';
import type { TableContext, TableSpec } from './types.ts';
import { fundingTables } from './funding.ts';
import { militiaTables, militiaYearTables, militiaYears } from './militia.ts';
import { trainingTables } from './training.ts';
import { schoolTables } from './school.ts';
import { honorsTables } from './honors.ts';
import { indicatorTables } from './indicators.ts';
import { metricOf } from './common.ts';
import { seriesYears } from '../sentence.ts';
import { pageMetrics, type PageId } from '../../shared/metrics.ts';

export type { Cell, ColumnKind, TableColumn, ChartSeries, ChartSpec, TableSpec, TableContext } from './types.ts';
export { ROUNDING_NOTE, OTHER_LABEL, metricOf, roundTo, changeCell, colorSlots, sharedKeyOrder, roundingNote } from './common.ts';
export { militiaYears } from './militia.ts';
export { rateAxis } from './school.ts';

/** Every registered table, in page order; ids are stable (they name the CSV downloads). */
export function buildTables(data: SiteData, ctx: TableContext): TableSpec[] {
  return [
    ...fundingTables(data, ctx),
    ...militiaTables(data, ctx),
    ...trainingTables(data, ctx),
    ...schoolTables(data, ctx),
    ...honorsTables(data, ctx),
    ...indicatorTables(data, ctx),
    ...militiaYears(data).flatMap((y) => militiaYearTables(data, ctx, y)),
  ];
}

/** The table with this id; an unknown id is a bug in a page (throws). */
export function getTable(tables: readonly TableSpec[], id: string): TableSpec {
  const t = tables.find((x) => x.id === id);
  if (!t) throw new Error(`未登记的表格：${id}`);
  return t;
}

/** The years in which any fixed metric shown on `page` has data, ascending (the span a page's lede names). */
export function pageYears(data: SiteData, page: PageId): number[] {
  const years = new Set(pageMetrics(page).flatMap((m) => seriesYears(metricOf(data, m.id).byYear)));
  return [...years].sort((a, b) => a - b);
}
