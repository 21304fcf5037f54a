/** The tables of the training page: sessions and participants by year and by kind. */
import type { SiteData } from '../site-data.ts';
import type { TableContext, TableSpec } from './types.ts';
import { BREAKDOWNS, DIMENSIONS, METRICS } from '../../shared/metrics.ts';
import { detailBreakdown, sharedKeyOrder } from './common.ts';
import { breakdownByYearTable, yearlyTable } from './builders.ts';

/** The training tables in page order; both kind breakdowns share one colour order. */
export function trainingTables(data: SiteData, ctx: TableContext): TableSpec[] {
  const sessions = BREAKDOWNS.trainingKindSessions;
  const participants = BREAKDOWNS.trainingKindParticipants;
  const kinds = sharedKeyOrder([detailBreakdown(data, sessions.id), detailBreakdown(data, participants.id)]);
  const by = `按${DIMENSIONS.trainingKind.label}`;
  return [
    yearlyTable(data, ctx, METRICS.trainingSessions, (l) => `历年${l}`),
    yearlyTable(data, ctx, METRICS.trainingParticipants, (l) => `历年${l}`),
    breakdownByYearTable(data, ctx, sessions, `历年培训教育场次（${by}）`, kinds),
    breakdownByYearTable(data, ctx, participants, `历年参加人次（${by}）`, kinds),
  ];
}
