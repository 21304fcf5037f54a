/** The tables of the training page: sessions and participants by year and by kind. */
import type { SiteData } from '../site-data.ts';
import type { TableContext, TableSpec } from './types.ts';
import { detailBreakdown, sharedKeyOrder } from './common.ts';
import { breakdownByYearTable, yearlyTable } from './builders.ts';

/** The training tables in page order; both kind breakdowns share one colour order. */
export function trainingTables(data: SiteData, ctx: TableContext): TableSpec[] {
  const kinds = sharedKeyOrder([detailBreakdown(data, 'training.kind.sessions'), detailBreakdown(data, 'training.kind.participants')]);
  return [
    yearlyTable(data, ctx, 'training-sessions', 'training.sessions', '培训教育场次', (l) => `历年${l}`, 1),
    yearlyTable(data, ctx, 'training-participants', 'training.participants', '参加人次', (l) => `历年${l}`, 2),
    breakdownByYearTable(data, ctx, 'training-kind-sessions', 'training.kind.sessions', 'training.sessions', '类别', '历年培训教育场次（按类别）', kinds),
    breakdownByYearTable(data, ctx, 'training-kind-participants', 'training.kind.participants', 'training.participants', '类别', '历年参加人次（按类别）', kinds),
  ];
}
